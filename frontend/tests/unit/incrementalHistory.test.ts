// The dApp's RPC fallback reads history incrementally: a first load back from the head within its budget, refreshes
// that read only the new blocks, "Load older" spending another budget, and reads of one history one at a time.
import { beforeEach, describe, expect, test } from "vitest";
import { createClient, custom } from "viem";
import { forgetHistories, readIncrementally } from "@/lib/incrementalHistory";

let head = 100_000;
const client = createClient({
  transport: custom({
    request: async ({ method }) => (method === "eth_blockNumber" ? `0x${head.toString(16)}` : null),
  }),
  cacheTime: 0,
});
const DEPLOYED = 1_000;

/** A fetch that records the ranges asked for and returns one item per range: its first block. */
function recorder() {
  const ranges: [number, number][] = [];
  const fetch = async (from: number, to: number) => {
    ranges.push([from, to]);
    return [from];
  };
  return { ranges, fetch };
}

beforeEach(() => {
  forgetHistories();
  head = 100_000;
});

describe("readIncrementally", () => {
  test("the first load reads 10 ranges of 2,000 blocks back from the head", async () => {
    const { ranges, fetch } = recorder();
    const h = await readIncrementally("a", client, DEPLOYED, fetch);
    expect(ranges).toHaveLength(10);
    expect(ranges[0]).toEqual([98_001, 100_000]);
    expect(h).toMatchObject({ from: 80_001, to: 100_000, complete: false, requests: 10 });
  });

  test("a refresh reads only the new blocks, whatever the chain's age", async () => {
    const { ranges, fetch } = recorder();
    await readIncrementally("a", client, DEPLOYED, fetch);
    ranges.length = 0;
    head += 3;
    const h = await readIncrementally("a", client, DEPLOYED, fetch);
    expect(ranges).toEqual([[100_001, 100_003]]);
    expect(h).toMatchObject({ from: 80_001, to: 100_003, requests: 1 });
    ranges.length = 0;
    await readIncrementally("a", client, DEPLOYED, fetch); // no new block: nothing to read
    expect(ranges).toEqual([]);
  });

  test("'Load older' spends another budget back towards the deployment, until complete", async () => {
    const { ranges, fetch } = recorder();
    await readIncrementally("a", client, DEPLOYED, fetch);
    let h = await readIncrementally("a", client, DEPLOYED, fetch, { older: true });
    expect(h).toMatchObject({ from: 60_001, complete: false, requests: 10 });
    for (let i = 0; i < 5 && !h.complete; i++)
      h = await readIncrementally("a", client, DEPLOYED, fetch, { older: true });
    expect(h).toMatchObject({ from: DEPLOYED, complete: true });
    expect(h.items[0]).toBe(DEPLOYED);
    expect(ranges.every(([f, t]) => t - f + 1 <= 2_000)).toBe(true);
  });

  test("two reads of one history at once run one after the other and lose nothing", async () => {
    const { ranges, fetch } = recorder();
    const [a, b] = await Promise.all([
      readIncrementally("a", client, DEPLOYED, fetch),
      readIncrementally("a", client, DEPLOYED, fetch, { older: true }),
    ]);
    expect(a.from).toBe(80_001);
    expect(b.from).toBe(60_001);
    expect(new Set(ranges.map(([f]) => f)).size).toBe(ranges.length); // no range read twice
  });
});
