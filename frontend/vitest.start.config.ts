// The `npm start` check (e2e/npmStart.start.ts): no test stack of its own, it runs the real start script.
import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname, "src") } },
  test: {
    include: ["e2e/**/*.start.ts"],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 330_000,
    environment: "node",
  },
});
