// Browser tests: one stack (node + deploy + production build + next start) for the whole run, files in
// sequence because they share one chain.
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";
import path from "node:path";

/**
 * Files in the usual order, then these, in this order: analytics.e2e.ts mines on the shared chain after the flows,
 * screenshots.e2e.ts seeds it further for the pictures of docs/wallet.md, withoutIndexer.e2e.ts stops the indexer and
 * ages the chain by 50,000 blocks.
 */
const LAST = ["analytics.e2e.ts", "screenshots.e2e.ts", "withoutIndexer.e2e.ts"];
class IndexerLastSequencer extends BaseSequencer {
  async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => LAST.findIndex((name) => f.moduleId.endsWith(name));
    return [
      ...sorted.filter((f) => rank(f) < 0),
      ...sorted.filter((f) => rank(f) >= 0).sort((a, b) => rank(a) - rank(b)),
    ];
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
