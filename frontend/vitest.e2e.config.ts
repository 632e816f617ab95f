// Browser tests: one stack (node + deploy + production build + next start) for the whole run, files in
// sequence because they share one chain.
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";
import path from "node:path";

/** Files in the usual order, but withoutIndexer.e2e.ts last: it stops the indexer and ages the chain by 50,000 blocks. */
class IndexerLastSequencer extends BaseSequencer {
  async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const last = (f: TestSpecification) => f.moduleId.endsWith("withoutIndexer.e2e.ts");
    return [...sorted.filter((f) => !last(f)), ...sorted.filter(last)];
  }
}

export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname, "src") } },
  test: {
    include: ["e2e/**/*.e2e.ts"],
    globalSetup: ["e2e/globalSetup.ts"],
    fileParallelism: false,
    sequence: { sequencer: IndexerLastSequencer },
    testTimeout: 120_000,
    hookTimeout: 300_000,
    environment: "node",
  },
});
