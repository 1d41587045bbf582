import { describe, expect, it } from "vitest";
import { fold } from "../../../src/core/fold.js";
import { createKnowledge } from "../../../src/core/knowledge/search.js";
import { localityAsked, localityTasks, renderLocalityTasks } from "../../../src/core/knowledge/locality-tasks.js";
import { realContent } from "../../helpers/app.js";
import { askEachAlone } from "../../helpers/knowledge.js";

const content = await realContent();
const kb = createKnowledge(content);
const asked = (q: string) => localityAsked(fold(q), kb.unitsOf(q), false);

describe("the province whose tasks a question asks (localityAsked)", () => {
  it("reads the province named with words asking what it must do, in Vietnamese and English", () => {
    expect(asked("Bình Dương phải làm những gì theo kế hoạch này")).toBe("binhduong");
    expect(asked("tinh BR-VT co nhiem vu gi trong ke hoach")).toBe("brvt");
    expect(asked("what did Binh Duong have to do")).toBe("binhduong");
    expect(asked("What are the tasks of Ba Ria - Vung Tau?")).toBe("brvt");
  });
  it("leaves a body or people of the province, a day written, a system or no task asked to their own answers", () => {
    expect(asked("Sở KH&CN Bình Dương phải làm gì")).toBeUndefined();
    expect(asked("cán bộ Bình Dương phải làm gì")).toBeUndefined();
    expect(asked("bình dương làm gì trước 10/5")).toBeUndefined();
    expect(asked("Bình Dương có bao nhiêu phường")).toBeUndefined();
    expect(localityAsked(fold("BD phải làm gì với email"), kb.unitsOf("BD phải làm gì với email"), true)).toBeUndefined();
  });
});

describe("a province's tasks (localityTasks)", () => {
  it("puts first the tasks the plan names the province in, by deadline, then those its bodies are only listed for", () => {
    const x = localityTasks("binhduong", content.milestones, content.agencies)!;
    expect(x.named.map((m) => m.id)).toEqual(["email-lists", "party-conference-portal", "party-systems", "email-parallel-binhduong"]);
    expect(x.listed.map((m) => m.id)).toContain("video-conference-state");
    expect(localityTasks("brvt", content.milestones, content.agencies)!.named.map((m) => m.id)).not.toContain("email-parallel-binhduong");
  });
  it("says each task with its body and deadline, an estimate as one and a task with no time as such", () => {
    const x = localityTasks("binhduong", content.milestones, content.agencies)!;
    const text = renderLocalityTasks(x, "2026-12-04", "vi", () => undefined).join("\n");
    expect(text).toContain("Gửi danh sách cán bộ, công chức để tạo thư điện tử công vụ (Sở KH&CN Bình Dương): 10/05/2025");
    expect(text).toContain("trong 3 tháng (Sở KH&CN Bình Dương): ước tính từ 10/06/2025 đến 10/09/2025");
    expect(text).toContain("kế hoạch không nêu thời hạn");
  });
  it("answers what Binh Duong had to do in the chat, in English", async () => {
    const [en] = await askEachAlone("2026-12-04", "what did Binh Duong have to do");
    expect(en).toContain("Send civil-servant lists for official e-mail");
    expect(en).toContain("10 May 2025");
    expect(en).toContain("3 months");
  });
});
