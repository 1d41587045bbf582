import { loadContent } from "../src/content/load.js";
import { createTestApp } from "./helpers/app.js";
const content = await loadContent("content");
const app = await createTestApp({ content });
for (const q of process.argv.slice(2)) console.log(q, "=>", JSON.stringify((app as any).services.knowledge.unitsOf(q)));
