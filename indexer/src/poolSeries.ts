// The pool over time, from its events alone: total staked after each Staked/Withdrawn, and the reward stream's
// rate and end after each RewardsStreamed. Kept free of Ponder so tests can run it on plain rows.

/** One pool event, as the pool_event table holds it. */
export interface PoolEventRow {
  name: string;
  amount: bigint | null;
  args: unknown;
  blockNumber: bigint;
  timestamp: bigint;
}

/** The pool's state right after one event that changed the stake or the stream. */
export interface PoolPoint {
  blockNumber: bigint;
  timestamp: bigint;
  event: string;
  totalStaked: bigint;
  rewardRate: bigint; // NUMI wei per second the stream pays from `timestamp` until `periodFinish`
  periodFinish: bigint;
}

/** An integer argument of an event as `args` stores it (a number up to 48 bits, a decimal string above). */
function argInt(args: unknown, key: string): bigint {
  const value = (args as Record<string, unknown> | null)?.[key];
  return typeof value === "number" || typeof value === "string" ? BigInt(value) : 0n;
}

/** The running state after each Staked, Withdrawn or RewardsStreamed, in the order given (block, log index). */
export function poolSeries(rows: readonly PoolEventRow[]): PoolPoint[] {
  let totalStaked = 0n;
  let rewardRate = 0n;
  let periodFinish = 0n;
  const points: PoolPoint[] = [];
  for (const row of rows) {
    if (row.name === "Staked") totalStaked += row.amount ?? 0n;
    else if (row.name === "Withdrawn") totalStaked -= row.amount ?? 0n;
    else if (row.name === "RewardsStreamed") {
      rewardRate = argInt(row.args, "rewardRate");
      periodFinish = argInt(row.args, "periodFinish");
    } else continue;
    points.push({
      blockNumber: row.blockNumber,
      timestamp: row.timestamp,
      event: row.name,
      totalStaked,
      rewardRate,
      periodFinish,
    });
  }
  return points;
}
