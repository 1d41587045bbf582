import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Tests must not depend on the machine's zone: the code always works in Asia/Ho_Chi_Minh.
    env: { TZ: process.env.TZ ?? "UTC" },
  },
});
