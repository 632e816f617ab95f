// From the indexer's answers to the points the charts plot: pure functions, tested in
// tests/unit/analyticsSeries.test.ts.
import { aprPercent } from "@/lib/format";

/** One epoch_stat row as GraphQL returns it (bigint columns as decimal strings). */
export interface EpochStatItem {
  epoch: string;
  timestamp: string;
  duration: string | null;
  target: string;
  difficulty: string;
  expectedHashes: string;
  hashRate: string | null;
  supply: string;
}

export interface EpochStat {
  epoch: number;
  timestamp: number;
  duration: number | null;
  target: bigint;
  difficulty: bigint;
  expectedHashes: bigint;
  supply: bigint;
}

/** A point of a chart; y null leaves a gap. */
export interface Point {
  x: number;
  y: number | null;
}

/** Rows in epoch order (the query reads newest first, to get the latest ones). */
export function parseEpochStats(items: readonly EpochStatItem[]): EpochStat[] {
  return items
    .map((r) => ({
      epoch: Number(r.epoch),
      timestamp: Number(r.timestamp),
      duration: r.duration === null ? null : Number(r.duration),
      target: BigInt(r.target),
      difficulty: BigInt(r.difficulty),
      expectedHashes: BigInt(r.expectedHashes),
      supply: BigInt(r.supply),
    }))
    .sort((a, b) => a.epoch - b.epoch);
}

/** NUMI wei as a float NUMI amount, for plotting only. */
export function toNumi(wei: bigint): number {
  return Number(wei) / 1e18;
}

export const difficultyPoints = (stats: readonly EpochStat[]): Point[] =>
  stats.map((s) => ({ x: s.epoch, y: Number(s.difficulty) }));

export const targetPoints = (stats: readonly EpochStat[]): Point[] =>
  stats.map((s) => ({ x: s.epoch, y: Number(s.target) }));

/** Seconds each epoch took; none for the first indexed one. A zero (two rewards in one second) is a gap on a log
 * axis, so it is kept as 0 here and the chart decides. */
export const epochTimePoints = (stats: readonly EpochStat[]): Point[] =>
  stats.filter((s) => s.duration !== null).map((s) => ({ x: s.epoch, y: s.duration }));

/**
 * Estimated network hash rate (H/s) at each epoch, averaged over the last `window` epochs: the sum of their
 * expected hashes over the sum of their durations (docs/indexer.md, "Hash rate"). A single epoch is noisy: block
 * times have one-second resolution. Null where no duration is known yet or all are 0.
 */
export function hashRatePoints(stats: readonly EpochStat[], window = 1): Point[] {
  const points: Point[] = [];
  for (let i = 0; i < stats.length; i++) {
    let hashes = 0n;
    let seconds = 0;
    for (let j = Math.max(0, i - window + 1); j <= i; j++) {
      const d = stats[j]!.duration;
      if (d === null) continue;
      hashes += stats[j]!.expectedHashes;
      seconds += d;
    }
    points.push({ x: stats[i]!.epoch, y: seconds > 0 ? Number(hashes) / seconds : null });
  }
  return points;
}

/** The mean of the durations known (seconds), or undefined. */
export function meanEpochTime(stats: readonly EpochStat[]): number | undefined {
  const known = stats.map((s) => s.duration).filter((d): d is number => d !== null);
  return known.length ? known.reduce((a, b) => a + b, 0) / known.length : undefined;
}

/** The /analytics/pool answer (docs/indexer.md). */
export interface PoolAnswer {
  chainId: number;
  events: number;
  points: {
    blockNumber: string;
    timestamp: string;
    event: string;
    totalStaked: string;
    rewardRate: string;
    periodFinish: string;
  }[];
}

/** The pool's APR in percent at `timestamp`: the stream's yearly payout over the total staked. 0 once the stream
 * has ended, undefined while nothing is staked (no APR to speak of). */
export function aprAt(rewardRate: bigint, periodFinish: bigint, totalStaked: bigint, timestamp: bigint) {
  return aprPercent(timestamp < periodFinish ? rewardRate : 0n, totalStaked);
}

/**
 * Total staked (NUMI) and APR (%) after each pool event, by block time (Unix seconds), each holding until the
 * next. When a stream ends before the next event (or before `now`), the APR gets a point at its end: it drops to 0.
 * Both end with a point at `now` (the time of the answer), where the last state still holds.
 */
export function poolPoints(answer: PoolAnswer, now: number): { staked: Point[]; apr: Point[] } {
  const staked: Point[] = [];
  const apr: Point[] = [];
  answer.points.forEach((p, i) => {
    const x = Number(p.timestamp);
    const total = BigInt(p.totalStaked);
    const finish = BigInt(p.periodFinish);
    staked.push({ x, y: toNumi(total) });
    apr.push({ x, y: aprAt(BigInt(p.rewardRate), finish, total, BigInt(p.timestamp)) ?? null });
    const next = answer.points[i + 1];
    const until = next ? Number(next.timestamp) : now;
    if (finish > BigInt(x) && Number(finish) < until && total > 0n) apr.push({ x: Number(finish), y: 0 });
  });
  const last = answer.points[answer.points.length - 1];
  if (last && now > Number(last.timestamp)) {
    const total = BigInt(last.totalStaked);
    staked.push({ x: now, y: toNumi(total) });
    apr.push({ x: now, y: aprAt(BigInt(last.rewardRate), BigInt(last.periodFinish), total, BigInt(now)) ?? null });
  }
  return { staked, apr };
}

/** The /analytics/miners answer (docs/indexer.md). */
export interface MinersAnswer {
  chainId: number;
  rewards: number;
  reward: string;
  poolReward: string;
  miners: number;
  top: { beneficiary: string; rewards: number; reward: string; lastEpoch: string }[];
}

/** The top miners with their share of all beneficiaries' rewards, in percent. */
export function minerShares(
  answer: MinersAnswer,
): { address: string; rewards: number; wei: bigint; numi: number; share: number }[] {
  const all = BigInt(answer.reward);
  return answer.top.map((m) => ({
    address: m.beneficiary,
    rewards: m.rewards,
    wei: BigInt(m.reward),
    numi: toNumi(BigInt(m.reward)),
    share: all === 0n ? 0 : Number((BigInt(m.reward) * 10_000n) / all) / 100,
  }));
}

/** A sentence for screen readers: the latest value, the range and the count of a series. */
export function summarize(
  name: string,
  points: readonly Point[],
  formatX: (v: number) => string,
  formatY: (v: number) => string,
): string {
  const known = points.filter((p): p is { x: number; y: number } => p.y !== null);
  if (known.length === 0) return `${name}: no values.`;
  const last = known[known.length - 1]!;
  const ys = known.map((p) => p.y);
  return (
    `${name}: ${formatY(last.y)} at ${formatX(last.x)}; lowest ${formatY(Math.min(...ys))}, ` +
    `highest ${formatY(Math.max(...ys))} over ${known.length} point${known.length === 1 ? "" : "s"}.`
  );
}
