import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Tests that need a real PostgreSQL run in `npm run test:postgres` (vitest.postgres.config.ts).
    exclude: ["test/**/*.pg.test.ts", "**/node_modules/**"],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // The code always works in Asia/Ho_Chi_Minh, whatever the machine's zone. Tests run by default in a zone
    // with daylight saving and a different date most of the day, so a hidden use of local time fails here.
    env: { TZ: process.env.TZ ?? "America/New_York" },
  },
});
