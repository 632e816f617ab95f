// The /analytics page's series from the indexer's answers (src/features/analytics/series.ts) and the emission
// schedule's mirror (emission.ts).
import { describe, expect, it } from "vitest";
import { NumiCoin } from "@numi/contracts/constants";
import { HALVING_INTERVAL, MAX_SUPPLY, schedulePoints, supplyAfter } from "@/features/analytics/emission";
import {
  aprAt,
  epochTimePoints,
  hashRatePoints,
  meanEpochTime,
  minerShares,
  parseEpochStats,
  poolPoints,
  summarize,
  toNumi,
  type EpochStatItem,
  type PoolAnswer,
} from "@/features/analytics/series";

const E = 10n ** 18n;

function item(epoch: number, timestamp: number, duration: number | null, expectedHashes: number): EpochStatItem {
  return {
    epoch: String(epoch),
    timestamp: String(timestamp),
    duration: duration === null ? null : String(duration),
    target: String(2n ** 252n / BigInt(expectedHashes)),
    difficulty: String(Math.floor(expectedHashes / 16)),
    expectedHashes: String(expectedHashes),
    hashRate: null,
    supply: String(BigInt(epoch + 1) * 50n * E),
  };
}

describe("epoch series", () => {
  // Newest first, as the query reads them.
  const stats = parseEpochStats([item(2, 130, 20, 4000), item(1, 110, 10, 1000), item(0, 100, null, 1000)]);

  it("parses GraphQL's strings into epoch order", () => {
    expect(stats.map((s) => s.epoch)).toEqual([0, 1, 2]);
    expect(stats[0]!.duration).toBeNull();
    expect(stats[2]!.supply).toBe(150n * E);
  });

  it("epoch times leave out the first indexed epoch, which has none", () => {
    expect(epochTimePoints(stats)).toEqual([
      { x: 1, y: 10 },
      { x: 2, y: 20 },
    ]);
    expect(meanEpochTime(stats)).toBe(15);
    expect(meanEpochTime(stats.slice(0, 1))).toBeUndefined();
  });

  it("hash rate per epoch is expected hashes over duration; averaged, the sums' ratio", () => {
    expect(hashRatePoints(stats, 1)).toEqual([
      { x: 0, y: null },
      { x: 1, y: 100 },
      { x: 2, y: 200 },
    ]);
    // (1000 + 4000) / (10 + 20), not the mean of 100 and 200.
    expect(hashRatePoints(stats, 10)[2]!.y).toBeCloseTo(5000 / 30);
  });

  it("a duration of 0 gives no hash rate rather than infinity", () => {
    const same = parseEpochStats([item(0, 100, null, 16), item(1, 100, 0, 16)]);
    expect(hashRatePoints(same, 1)[1]!.y).toBeNull();
  });

  it("summarizes a series in one sentence", () => {
    const text = summarize("Epoch time", epochTimePoints(stats), String, (v) => `${v} s`);
    expect(text).toBe("Epoch time: 20 s at 2; lowest 10 s, highest 20 s over 2 points.");
    expect(summarize("X", [{ x: 1, y: null }], String, String)).toBe("X: no values.");
  });
});

describe("emission schedule", () => {
  it("mirrors Emission.supplyAfter: 50 NUMI per epoch, halving every HALVING_INTERVAL epochs", () => {
    expect(HALVING_INTERVAL).toBe(NumiCoin.HALVING_INTERVAL);
    expect(MAX_SUPPLY).toBe(21_000_000n * E);
    expect(supplyAfter(0n)).toBe(0n);
    expect(supplyAfter(40n)).toBe(2000n * E);
    expect(supplyAfter(210_000n)).toBe(10_500_000n * E);
    expect(supplyAfter(210_001n)).toBe(10_500_025n * E);
    expect(supplyAfter(420_000n)).toBe(15_750_000n * E);
  });

  it("never reaches the cap, and stops growing once the reward has halved to nothing", () => {
    const end = supplyAfter(66n * 210_000n);
    expect(end).toBeLessThan(MAX_SUPPLY);
    expect(supplyAfter(100n * 210_000n)).toBe(end);
    const points = schedulePoints(33);
    expect(points).toHaveLength(34);
    expect(points[1]).toEqual({ epoch: 210_000n, supply: 10_500_000n * E });
    expect(MAX_SUPPLY - points[33]!.supply).toBeLessThan(E); // within 1 NUMI of the cap after 33 halvings
  });
});

describe("pool series", () => {
  const answer = (points: [number, string, bigint, bigint, number][]): PoolAnswer => ({
    chainId: 31337,
    events: points.length,
    points: points.map(([timestamp, event, totalStaked, rewardRate, periodFinish]) => ({
      blockNumber: "1",
      timestamp: String(timestamp),
      event,
      totalStaked: String(totalStaked),
      rewardRate: String(rewardRate),
      periodFinish: String(periodFinish),
    })),
  });

  it("APR is the stream's yearly payout over the total staked while the stream runs, then 0", () => {
    // 1 NUMI/s on 31,536,000 NUMI staked: 100% a year.
    expect(aprAt(E, 1000n, 31_536_000n * E, 999n)).toBe(100);
    expect(aprAt(E, 1000n, 31_536_000n * E, 1000n)).toBe(0);
    expect(aprAt(E, 1000n, 0n, 0n)).toBeUndefined();
  });

  it("total staked and APR after each event, a drop to 0 where a stream ends, and a point now", () => {
    const { staked, apr } = poolPoints(
      answer([
        [100, "RewardsStreamed", 0n, E, 400],
        [100, "Staked", 31_536_000n * E, E, 400],
        [200, "Staked", 63_072_000n * E, E, 400],
        [500, "Withdrawn", 31_536_000n * E, E, 400],
      ]),
      600,
    );
    expect(staked.map((p) => [p.x, p.y])).toEqual([
      [100, 0],
      [100, 31_536_000],
      [200, 63_072_000],
      [500, 31_536_000],
      [600, 31_536_000],
    ]);
    expect(apr.map((p) => [p.x, p.y])).toEqual([
      [100, null], // nothing staked yet
      [100, 100],
      [200, 50],
      [400, 0], // the stream ended before the withdrawal
      [500, 0],
      [600, 0],
    ]);
  });

  it("no events, no points", () => {
    expect(poolPoints(answer([]), 600)).toEqual({ staked: [], apr: [] });
  });
});

describe("miner shares", () => {
  it("each top miner's share of every beneficiary's rewards", () => {
    const shares = minerShares({
      chainId: 31337,
      rewards: 4,
      reward: String(200n * E),
      poolReward: String(20n * E),
      miners: 3,
      top: [
        { beneficiary: "0xa", rewards: 2, reward: String(100n * E), lastEpoch: "3" },
        { beneficiary: "0xb", rewards: 1, reward: String(50n * E), lastEpoch: "2" },
      ],
    });
    expect(shares).toEqual([
      { address: "0xa", rewards: 2, wei: 100n * E, numi: 100, share: 50 },
      { address: "0xb", rewards: 1, wei: 50n * E, numi: 50, share: 25 },
    ]);
    expect(toNumi(15n * 10n ** 17n)).toBe(1.5);
  });
});
