// PWA checks: same stack as the e2e suite (production build, because the service worker exists only there).
import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname, "src") } },
  test: {
    include: ["e2e/**/*.pwa.ts"],
    globalSetup: ["e2e/globalSetup.ts"],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
    environment: "node",
  },
});
