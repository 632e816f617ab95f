// `npm run monitor -- --network <name> [--watch] [--interval 30]`: the health of a NumiCoin deployment.
// Reads everything from chain, checks the invariants that must never break (exit code 1 when one does) and
// reports what an operator watches: epoch time against target, difficulty trend, supply against the
// schedule, pool solvency, paused flags, ownership, and governance proposals in flight.
import type { HardhatRuntimeEnvironment } from "hardhat/types";
import { formatEther } from "ethers";
import { NumiCoin } from "@numi/contracts";

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
    inFlight.length ? inFlight.map((p) => `${p.state}: ${p.description.split("\n")[0]}`).join("; ") : "none",
  );
  return checks;
}

const WINDOW = 20; // recent epochs the averages look at

export async function takeSnapshot(hre: HardhatRuntimeEnvironment): Promise<Snapshot> {
  const { deployments, ethers } = hre;
  const get = async (name: string) => {
    const d = await deployments.get(name);
    return {
      contract: await ethers.getContractAt(name, d.address),
      address: d.address,
      block: d.receipt?.blockNumber ?? 0,
    };
  };
  const [token, pool, governor, timelock] = await Promise.all(
    ["NumiCoin", "MiningPool", "NumiGovernor", "NumiTimelock"].map(get),
  );
  const blockNumber = await ethers.provider.getBlockNumber();
  const ms = await token.contract.miningState({ blockTag: blockNumber });
  const ps = await pool.contract.poolState({ blockTag: blockNumber });

  const rewards = await token.contract.queryFilter(token.contract.filters.EpochRewarded(), token.block, blockNumber);
  const recent = rewards.slice(-(WINDOW + 1));
  const times = await Promise.all(recent.map(async (e) => (await e.getBlock()).timestamp));
  const recentEpochTimes = times.slice(1).map((t, i) => t - times[i]);
  const recentTargets = recent.map((e) => (e as unknown as { args: { newTarget: bigint } }).args.newTarget);

  const created = await governor.contract.queryFilter(
    governor.contract.filters.ProposalCreated(),
    governor.block,
    blockNumber,
  );
  const proposals = await Promise.all(
    created.map(async (e) => {
      const args = (e as unknown as { args: { proposalId: bigint; description: string } }).args;
      const state = PROPOSAL_STATES[Number(await governor.contract.state(args.proposalId))];
      return { id: args.proposalId, state, description: args.description };
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
  };
}

export function render(network: string, s: Snapshot, checks: Check[]): string {
  const mark = { ok: "ok    ", warn: "WARN  ", broken: "BROKEN" };
  return [
    `NumiCoin health on ${network} at block ${s.blockNumber}`,
    ...checks.map((c) => `  ${mark[c.status]} ${c.name}: ${c.detail}`),
  ].join("\n");
}
