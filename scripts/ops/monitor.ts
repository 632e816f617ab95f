// `npm run monitor -- --network <name> [--watch] [--interval 30]`: the health of a NumiCoin deployment.
// Reads everything from chain, checks the invariants that must never break (exit code 1 when one does) and
// reports what an operator watches: epoch time against target, difficulty trend, supply against the
// schedule, pool solvency, paused flags, ownership, and governance proposals in flight.
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
  epoch: bigint;
  minted: bigint;
  target: bigint;
  targetEpochTime: bigint;
  miningPaused: boolean;
  recentEpochTimes: number[]; // seconds between consecutive recent rewards, oldest first
  recentTargets: bigint[]; // targets set by recent rewards, oldest first
  pool: { balance: bigint; totalStaked: bigint; rewardReserve: bigint; undistributed: bigint; stakingPaused: boolean };
  tokenPoolMatches: boolean;
  owners: { token: string; pool: string; timelock: string };
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

export function evaluate(s: Snapshot): Check[] {
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
  if (s.recentTargets.length > 1) {
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

const WINDOW = 20; // recent epochs the averages look at

interface RewardLog {
  block: number;
  newTarget: string;
  timestamp?: number; // read once, for the rewards the averages use
}
interface ProposalLog {
  block: number;
  id: string;
  description: string;
}
/** What the monitor has read of the event logs; kept between ticks with --watch. Serialisable. */
export interface MonitorHistory {
  rewards: HistoryState<RewardLog>;
  proposals: HistoryState<ProposalLog>;
}

export function newMonitorHistory(maxRange?: number): MonitorHistory {
  return { rewards: emptyHistory(maxRange), proposals: emptyHistory(maxRange) };
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

export async function takeSnapshot(hre: HardhatRuntimeEnvironment, options: SnapshotOptions = {}): Promise<Snapshot> {
  const { deployments, ethers } = hre;
  const provider = options.provider ?? ethers.provider;
  const history = options.history ?? newMonitorHistory(options.maxRange);
  const get = async (name: string) => {
    const d = await deployments.get(name);
    return {
      contract: new Contract(d.address, d.abi, provider),
      address: d.address,
      block: d.receipt?.blockNumber ?? 0,
    };
  };
  const [token, pool, governor, timelock] = await Promise.all(
    ["NumiCoin", "MiningPool", "NumiGovernor", "NumiTimelock"].map(get),
  );
  const blockNumber = await provider.getBlockNumber();
  const ms = await token.contract.miningState({ blockTag: blockNumber });
  const ps = await pool.contract.poolState({ blockTag: blockNumber });
  const limits = { maxRange: options.maxRange, maxRequests: options.maxRequests };

  const rewards = await sync(
    history.rewards,
    blockNumber,
    async (from, to) =>
      ((await token.contract.queryFilter(token.contract.filters.EpochRewarded(), from, to)) as EventLog[]).map(
        (e): RewardLog => ({ block: e.blockNumber, newTarget: (e.args.newTarget as bigint).toString() }),
      ),
    { ...limits, deploymentBlock: token.block, keepLast: WINDOW + 1 },
  );
  history.rewards = rewards.state;
  const recent = rewards.state.items;
  for (const r of recent) r.timestamp ??= (await provider.getBlock(r.block))?.timestamp ?? 0;
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
      const state = PROPOSAL_STATES[Number(await governor.contract.state(BigInt(p.id), { blockTag: blockNumber }))];
      return { id: BigInt(p.id), state, description: p.description };
    }),
  );

  return {
    blockNumber,
    epoch: ms.epoch,
    minted: ms.minted,
    target: ms.target,
    targetEpochTime: ms.targetEpochTime,
    miningPaused: ms.paused,
    recentEpochTimes,
    recentTargets,
    pool: {
      balance: await token.contract.balanceOf(pool.address, { blockTag: blockNumber }),
      totalStaked: ps.totalStaked,
      rewardReserve: ps.rewardReserve,
      undistributed: ps.undistributed,
      stakingPaused: ps.stakingPaused,
    },
    tokenPoolMatches: ms.pool === pool.address,
    owners: { token: await token.contract.owner(), pool: await pool.contract.owner(), timelock: timelock.address },
    proposals,
    history: {
      partial: created.partial,
      coveredFrom: created.state.from ?? blockNumber + 1,
      coveredTo: created.state.to ?? blockNumber,
      deploymentBlock: governor.block,
      rewardsComplete: !rewards.partial || recent.length > WINDOW,
      logRequests: rewards.requests + created.requests,
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
