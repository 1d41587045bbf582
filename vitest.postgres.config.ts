import { defineConfig } from "vitest/config";

/** `npm run test:postgres`: the tests that need a real PostgreSQL (files named `*.pg.test.ts`). */
export default defineConfig({
  test: {
    include: ["test/**/*.pg.test.ts"],
    globalSetup: ["test/helpers/postgres-global.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { TZ: process.env.TZ ?? "America/New_York" },
  },
});
