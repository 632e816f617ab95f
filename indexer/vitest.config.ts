// The indexer's integration test: one Hardhat node, one deployment and one `ponder start` for the whole file.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 180_000,
    environment: "node",
  },
});
