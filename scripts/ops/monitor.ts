// The health of a NumiCoin deployment: a snapshot read from chain at one block, the checks of the invariants that
// must never break, and the report an operator reads: epoch time against target, difficulty trend, supply against
// the schedule, pool solvency and rewards waiting to stream, paused flags, ownership, and governance proposals in
// flight. The loop, the exit codes and the metrics are in monitorService.ts.
// Event logs are read through @numi/history: bounded ranges that public RPCs accept, the new blocks first, and
// with --watch only the new blocks on each tick (the state stays in memory between ticks).
import type { HardhatRuntimeEnvironment } from "hardhat/types";
import { Contract, formatEther, type EventLog, type Provider } from "ethers";
import { NumiCoin } from "@numi/contracts";
import { emptyHistory, sync, type HistoryState } from "@numi/history";

const { MAX_SUPPLY, HALVING_INTERVAL, MAX_TARGET, MIN_TARGET } = NumiCoin;
/** The first era's reward: a halving schedule emits twice its first era, so MAX_SUPPLY = 2 x interval x reward. */
const INITIAL_REWARD = MAX_SUPPLY / (2n * HALVING_INTERVAL);
const PROPOSAL_STATES = ["Pending", "Active", "Canceled", "Defeated", "Succeeded", "Queued", "Expired", "Executed"];
const IN_FLIGHT = new Set(["Pending", "Active", "Succeeded", "Queued"]);

/** Everything the checks need, read at one block. */
export interface Snapshot {
  blockNumber: number;
  /** Timestamp of that block: the clock the ages below are measured with. */
  blockTimestamp: number;
  epoch: bigint;
  minted: bigint;
  target: bigint;
  targetEpochTime: bigint;
  miningPaused: boolean;
  /** Share of each reward minted to the pool, in basis points. */
  poolShareBps: number;
  /** When the last reward was minted (the epoch start before the first). */
  lastRewardTime: number;
  recentEpochTimes: number[]; // seconds between consecutive recent rewards, oldest first
  recentTargets: bigint[]; // targets set by recent rewards, oldest first
  pool: {
    balance: bigint;
    totalStaked: bigint;
    rewardReserve: bigint;
    undistributed: bigint;
    /** NUMI that arrived (mining, donations) and streams only from the next interaction with the pool. */
    unsynced: bigint;
    /** When that NUMI started waiting (see unstreamedSince); null when there is none. */
    unsyncedSince: number | null;
    feeBps: number;
    stakingPaused: boolean;
  };
  tokenPoolMatches: boolean;
  /** The deployment's MiningPool, which the token should mint the pool share to. */
  poolAddress: string;
  owners: { token: string; pool: string; timelock: string };
  /** The timelock's minimum delay, in seconds. */
  timelockDelay: number;
  proposals: { id: bigint; state: string; description: string }[];
  /** How much of the proposal history was read: blocks coveredFrom..coveredTo of deploymentBlock..blockNumber. */
  history: {
    partial: boolean;
    coveredFrom: number;
    coveredTo: number;
    deploymentBlock: number;
    /** False while fewer than the recent rewards the averages want were found and older blocks remain unread. */
    rewardsComplete: boolean;
    /** eth_getLogs requests this snapshot made. */
    logRequests: number;
    /** Of those, the ones the RPC refused for their range (the history then halves it). */
    rangeRefusals: number;
  };
}

export interface Check {
  name: string;
  status: "ok" | "warn" | "broken";
  detail: string;
}

/** Σ of the scheduled rewards of epochs [0, epochs), clipped at the cap: what minted supply must equal. */
export function scheduledSupply(epochs: bigint): bigint {
  let total = 0n;
  for (let era = 0n; era * HALVING_INTERVAL < epochs && era < 256n; era++) {
    const inEra =
      epochs - era * HALVING_INTERVAL < HALVING_INTERVAL ? epochs - era * HALVING_INTERVAL : HALVING_INTERVAL;
    total += inEra * (INITIAL_REWARD >> era);
  }
  return total > MAX_SUPPLY ? MAX_SUPPLY : total;
}

export interface EvaluateOptions {
  /** Seconds NUMI may wait at the pool before it starts streaming before "rewards streaming" warns. Default 1 day. */
  unstreamedWarnSeconds?: number;
}

/** Seconds the pool's unstreamed NUMI has waited at the snapshot's block (0 when there is none). */
export function unstreamedSeconds(s: Snapshot): number {
  return s.pool.unsyncedSince === null ? 0 : Math.max(0, s.blockTimestamp - s.pool.unsyncedSince);
}

export function evaluate(s: Snapshot, options: EvaluateOptions = {}): Check[] {
  const checks: Check[] = [];
  const add = (name: string, status: Check["status"], detail: string) => checks.push({ name, status, detail });

  const scheduled = scheduledSupply(s.epoch);
  add(
    "supply vs schedule",
    s.minted === scheduled && s.minted <= MAX_SUPPLY ? "ok" : "broken",
    `${formatEther(s.minted)} NUMI minted over ${s.epoch} epochs; schedule ${formatEther(scheduled)}; cap 21,000,000`,
  );
  add(
    "target within bounds",
    s.target >= MIN_TARGET && s.target <= MAX_TARGET ? "ok" : "broken",
    `target 2^${(s.target.toString(2).length - 1).toString()}, difficulty ${MAX_TARGET / (s.target || 1n)}`,
  );

  if (s.recentEpochTimes.length > 0) {
    const avg = s.recentEpochTimes.reduce((a, b) => a + b, 0) / s.recentEpochTimes.length;
    const ratio = avg / Number(s.targetEpochTime);
    add(
      "epoch time vs target",
      ratio > 4 || ratio < 0.25 ? "warn" : "ok",
      `average ${avg.toFixed(1)}s over the last ${s.recentEpochTimes.length} epochs, target ${s.targetEpochTime}s`,
    );
  } else {
    add("epoch time vs target", "ok", `no reward yet; target ${s.targetEpochTime}s`);
  }
  if (s.recentTargets.length <= 1) {
    add("difficulty trend", "ok", "fewer than 2 recent rewards read: no trend yet");
  } else {
    const first = s.recentTargets[0];
    const last = s.recentTargets[s.recentTargets.length - 1];
    const trend = last > first ? "easier" : last < first ? "harder" : "flat";
    add(
      "difficulty trend",
      "ok",
      `${trend} over the last ${s.recentTargets.length} epochs (difficulty ${MAX_TARGET / first} -> ${MAX_TARGET / last})`,
    );
  }

  const owed = s.pool.totalStaked + s.pool.rewardReserve;
  add(
    "pool solvency",
    s.pool.balance >= owed && s.pool.rewardReserve >= s.pool.undistributed ? "ok" : "broken",
    `holds ${formatEther(s.pool.balance)} NUMI >= staked ${formatEther(s.pool.totalStaked)} + reserved ${formatEther(s.pool.rewardReserve)}`,
  );
  const waited = unstreamedSeconds(s);
  const warnAfter = options.unstreamedWarnSeconds ?? 86_400;
  add(
    "rewards streaming",
    waited > warnAfter ? "warn" : "ok",
    s.pool.unsynced === 0n
      ? "every NUMI that reached the pool is streaming"
      : `${formatEther(s.pool.unsynced)} NUMI waiting ${waited}s for the next pool interaction (sync() starts it)`,
  );
  add(
    "pool wired",
    s.tokenPoolMatches ? "ok" : "warn",
    s.tokenPoolMatches ? "the token mints the pool share to this pool" : "the token's pool is another address",
  );
  const governed = s.owners.token === s.owners.timelock && s.owners.pool === s.owners.timelock;
  add(
    "governance owns the contracts",
    governed ? "ok" : "broken",
    `token owner ${s.owners.token}, pool owner ${s.owners.pool}, timelock ${s.owners.timelock}`,
  );
  add("mining", s.miningPaused ? "warn" : "ok", s.miningPaused ? "PAUSED by governance" : "running");
  add(
    "staking",
    s.pool.stakingPaused ? "warn" : "ok",
    s.pool.stakingPaused ? "new stakes PAUSED by governance" : "open",
  );
  const inFlight = s.proposals.filter((p) => IN_FLIGHT.has(p.state));
  add(
    "proposals in flight",
    "ok",
    (inFlight.length ? inFlight.map((p) => `${p.state}: ${p.description.split("\n")[0]}`).join("; ") : "none") +
      (s.history.partial ? ` (blocks ${s.history.coveredFrom}..${s.history.coveredTo} read so far)` : ""),
  );
  return checks;
}

/** Recent epochs the averages (epoch time, hash rate) look at. */
export const WINDOW = 20;
/** Proposal states that never change again: read once, then kept. */
const FINAL_STATES = new Set(["Canceled", "Defeated", "Expired", "Executed"]);

interface RewardLog {
  block: number;
  newTarget: string;
  poolReward: string;
  timestamp?: number; // read once, for the rewards the averages use
}
interface ProposalLog {
  block: number;
  id: string;
  description: string;
}
/** What the monitor has read of the chain; kept between ticks with --watch. Serialisable. */
export interface MonitorHistory {
  rewards: HistoryState<RewardLog>;
  proposals: HistoryState<ProposalLog>;
  /** Proposal id -> state, for the proposals whose state is final. */
  finalStates: Record<string, string>;
  /** Block number -> timestamp of the blocks read for their time (the last reward's). */
  blockTimes: Record<number, number>;
}

export function newMonitorHistory(maxRange?: number): MonitorHistory {
  return { rewards: emptyHistory(maxRange), proposals: emptyHistory(maxRange), finalStates: {}, blockTimes: {} };
}

export interface SnapshotOptions {
  /** Read through this provider instead of the network's (an RPC URL, a proxy). */
  provider?: Provider;
  /** The history read so far: updated in place, so the next snapshot reads only the new blocks. */
  history?: MonitorHistory;
  /** Largest eth_getLogs range in blocks (default 2,000) and most eth_getLogs per history per snapshot (25). */
  maxRange?: number;
  maxRequests?: number;
}

/** The deployed contracts, from the deployment records of the network (no RPC request). */
async function contractsOf(hre: HardhatRuntimeEnvironment, provider: Provider) {
  const get = async (name: string) => {
    const d = await hre.deployments.get(name);
    return {
      contract: new Contract(d.address, d.abi, provider),
      address: d.address,
      block: d.receipt?.blockNumber ?? 0,
    };
  };
  const [token, pool, governor, timelock] = await Promise.all(
    ["NumiCoin", "MiningPool", "NumiGovernor", "NumiTimelock"].map(get),
  );
  return { token, pool, governor, timelock };
}

/**
 * When the NUMI that has arrived at the pool but is not streaming yet started waiting: the first reward with a pool
 * share after the last stream (re)start, which every interaction that picks up arrivals makes at periodFinish -
 * rewardsDuration. When the rewards read all came after the stream start, the first of them: a lower bound if older
 * ones are not read. When none came after it (a donation), the stream start: nothing can have waited longer.
 * Before any stream, the oldest reward read.
 */
export function unstreamedSince(
  unsynced: bigint,
  periodFinish: bigint,
  rewardsDuration: bigint,
  rewards: { poolReward: bigint; timestamp: number }[],
): number | null {
  if (unsynced === 0n) return null;
  const streamStart = periodFinish > 0n ? Number(periodFinish - rewardsDuration) : 0;
  const first = rewards.find((r) => r.poolReward > 0n && r.timestamp > streamStart);
  if (first) return first.timestamp;
  return streamStart > 0 ? streamStart : (rewards[0]?.timestamp ?? null);
}

export async function takeSnapshot(hre: HardhatRuntimeEnvironment, options: SnapshotOptions = {}): Promise<Snapshot> {
  const provider = options.provider ?? hre.ethers.provider;
  const history = options.history ?? newMonitorHistory(options.maxRange);
  const { token, pool, governor, timelock } = await contractsOf(hre, provider);
  const latest = await provider.getBlock("latest");
  if (!latest) throw new Error("the RPC returned no latest block");
  const blockNumber = latest.number;
  const at = { blockTag: blockNumber };
  // One round of independent reads: a batching provider sends them as one HTTP request.
  const [ms, ps, balance, tokenOwner, poolOwner, timelockDelay] = await Promise.all([
    token.contract.miningState(at),
    pool.contract.poolState(at),
    token.contract.balanceOf(pool.address, at) as Promise<bigint>,
    token.contract.owner(at) as Promise<string>,
    pool.contract.owner(at) as Promise<string>,
    timelock.contract.getMinDelay(at) as Promise<bigint>,
  ]);
  const limits = { maxRange: options.maxRange, maxRequests: options.maxRequests };

  const rewards = await sync(
    history.rewards,
    blockNumber,
    async (from, to) =>
      ((await token.contract.queryFilter(token.contract.filters.EpochRewarded(), from, to)) as EventLog[]).map(
        (e): RewardLog => ({
          block: e.blockNumber,
          newTarget: (e.args.newTarget as bigint).toString(),
          poolReward: (e.args.poolReward as bigint).toString(),
        }),
      ),
    { ...limits, deploymentBlock: token.block, keepLast: WINDOW + 1 },
  );
  history.rewards = rewards.state;
  const recent = rewards.state.items;
  const blockTime = async (block: number) =>
    (history.blockTimes[block] ??= (await provider.getBlock(block))?.timestamp ?? 0);
  await Promise.all(recent.map(async (r) => (r.timestamp ??= await blockTime(r.block))));
  const lastRewardBlock = Number(ms.lastRewardBlock);
  const lastRewardTime = lastRewardBlock > 0 ? await blockTime(lastRewardBlock) : Number(ms.epochStart);
  // Only the last reward's time is needed across ticks: forget the others.
  history.blockTimes = lastRewardBlock > 0 ? { [lastRewardBlock]: lastRewardTime } : {};
  const times = recent.map((r) => r.timestamp ?? 0);
  const recentEpochTimes = times.slice(1).map((t, i) => t - times[i]);
  const recentTargets = recent.map((r) => BigInt(r.newTarget));

  const created = await sync(
    history.proposals,
    blockNumber,
    async (from, to) =>
      ((await governor.contract.queryFilter(governor.contract.filters.ProposalCreated(), from, to)) as EventLog[]).map(
        (e): ProposalLog => ({
          block: e.blockNumber,
          id: (e.args.proposalId as bigint).toString(),
          description: e.args.description as string,
        }),
      ),
    { ...limits, deploymentBlock: governor.block },
  );
  history.proposals = created.state;
  const proposals = await Promise.all(
    created.state.items.map(async (p) => {
      const state =
        history.finalStates[p.id] ?? PROPOSAL_STATES[Number(await governor.contract.state(BigInt(p.id), at))];
      if (FINAL_STATES.has(state)) history.finalStates[p.id] = state;
      return { id: BigInt(p.id), state, description: p.description };
    }),
  );

  return {
    blockNumber,
    blockTimestamp: latest.timestamp,
    epoch: ms.epoch,
    minted: ms.minted,
    target: ms.target,
    targetEpochTime: ms.targetEpochTime,
    miningPaused: ms.paused,
    poolShareBps: Number(ms.poolShareBps),
    lastRewardTime,
    recentEpochTimes,
    recentTargets,
    pool: {
      balance,
      totalStaked: ps.totalStaked,
      rewardReserve: ps.rewardReserve,
      undistributed: ps.undistributed,
      unsynced: ps.unsynced,
      unsyncedSince: unstreamedSince(
        ps.unsynced,
        ps.periodFinish,
        ps.rewardsDuration,
        recent.map((r) => ({ poolReward: BigInt(r.poolReward), timestamp: r.timestamp ?? 0 })),
      ),
      feeBps: Number(ps.feeBps),
      stakingPaused: ps.stakingPaused,
    },
    tokenPoolMatches: ms.pool === pool.address,
    poolAddress: pool.address,
    owners: { token: tokenOwner, pool: poolOwner, timelock: timelock.address },
    timelockDelay: Number(timelockDelay),
    proposals,
    history: {
      partial: created.partial,
      coveredFrom: created.state.from ?? blockNumber + 1,
      coveredTo: created.state.to ?? blockNumber,
      deploymentBlock: governor.block,
      rewardsComplete: !rewards.partial || recent.length > WINDOW,
      logRequests: rewards.requests + created.requests,
      rangeRefusals: rewards.refused + created.refused,
    },
  };
}

export function render(network: string, s: Snapshot, checks: Check[]): string {
  const mark = { ok: "ok    ", warn: "WARN  ", broken: "BROKEN" };
  const h = s.history;
  const unread = `${h.coveredFrom > h.deploymentBlock ? "older" : "newer"} not yet read`;
  return [
    `NumiCoin health on ${network} at block ${s.blockNumber}`,
    ...checks.map((c) => `  ${mark[c.status]} ${c.name}: ${c.detail}`),
    ...(h.partial
      ? [
          `  note   proposals: scanned blocks ${h.coveredFrom}..${h.coveredTo} of ${h.deploymentBlock}..${s.blockNumber}, ${unread}`,
        ]
      : []),
    ...(h.rewardsComplete
      ? []
      : [`  note   epochs: ${s.recentTargets.length} recent rewards found so far, older not yet read`]),
  ].join("\n");
}
