// One typed set of deployment parameters per network, validated before anything is sent.
// Durations are seconds (the token's votes use the timestamp clock, so governance counts in seconds too).
import { parseEther } from "ethers";
import { NumiCoin } from "@numi/contracts";

/** NumiCoin.MAX_TARGET (difficulty 1); initial targets are written as MAX_TARGET >> log2(difficulty). */
export const { MAX_TARGET, MIN_TARGET } = NumiCoin;

export interface GovernanceParams {
  votingDelay: number; // proposal -> snapshot and start of voting
  votingPeriod: number; // how long voting stays open
  proposalThreshold: bigint; // votes (wei of NUMI) needed to propose
  quorumPercent: number; // of past total supply
  lateQuorumExtension: number; // voting extended by this when quorum is reached late
  timelockDelay: number; // queue -> executable
  timelockDelayFloor: number; // governance can never set a shorter timelock delay
  launchSupply: bigint; // no proposal before total supply reaches this (wei of NUMI)
}

export interface DeployParams {
  targetEpochTime: number; // seconds the difficulty controller aims for between rewards
  initialTarget: bigint; // first epoch's target
  rewardsDuration: number; // pool stream period
  treasury: "timelock" | `0x${string}`; // receives the pool fee (0 at deployment)
  governance: GovernanceParams;
  /** Ask a human to type the network name before sending anything (real money). */
  requireConfirmation: boolean;
  /** Block confirmations to wait for each transaction. */
  confirmations: number;
}

const DAY = 86_400;

const local: DeployParams = {
  targetEpochTime: 5,
  initialTarget: MAX_TARGET >> 12n, // ~65k hashes per solution: a laptop finds one in milliseconds
  rewardsDuration: 300,
  treasury: "timelock",
  governance: {
    votingDelay: 1,
    votingPeriod: 120,
    proposalThreshold: 0n,
    quorumPercent: 4,
    lateQuorumExtension: 30,
    timelockDelay: 30,
    timelockDelayFloor: 30,
    launchSupply: 0n,
  },
  requireConfirmation: false,
  confirmations: 1,
};

export const deployParams: Record<string, DeployParams> = {
  hardhat: local,
  localhost: local,
  sepolia: {
    targetEpochTime: 120,
    initialTarget: MAX_TARGET >> 24n,
    rewardsDuration: DAY,
    treasury: "timelock",
    governance: {
      votingDelay: 300,
      votingPeriod: 3_600,
      proposalThreshold: parseEther("50"),
      quorumPercent: 4,
      lateQuorumExtension: 600,
      timelockDelay: 600,
      timelockDelayFloor: 600,
      launchSupply: parseEther("5000"), // 100 epochs: about 3.5 hours at 2-minute epochs
    },
    requireConfirmation: false,
    confirmations: 2,
  },
  mainnet: {
    targetEpochTime: 600,
    initialTarget: MAX_TARGET >> 31n, // 2^35 = 3.4e10 hashes: ~10 min at 57 M hashes/s (about 20 cores of the NUMI miner)
    rewardsDuration: 7 * DAY,
    treasury: "timelock",
    governance: {
      votingDelay: 2 * DAY, // time for stakers to withdraw and for holders to delegate before the snapshot
      votingPeriod: 7 * DAY,
      proposalThreshold: parseEther("1000"), // 20 epochs of mining: keeps spam out while supply is small
      quorumPercent: 10, // higher than usual because early supply is concentrated in few miners
      lateQuorumExtension: 2 * DAY,
      timelockDelay: 3 * DAY, // everyone can react (exit the pool, sell) before a change takes effect
      timelockDelayFloor: 2 * DAY, // what no captured governance can go below
      // 1% of the cap, 4,200 epochs: about 29 days at 10-minute epochs for mining to spread before any proposal
      launchSupply: parseEther("210000"),
    },
    requireConfirmation: true,
    confirmations: 3,
  },
};

/** The parameters of `network`, validated; throws a message that names what is wrong. */
export function paramsFor(network: string): DeployParams {
  const p = deployParams[network];
  if (!p) {
    throw new Error(
      `No deployment parameters for network "${network}". Add them in scripts/config/deployParams.ts ` +
        `(known: ${Object.keys(deployParams).join(", ")}).`,
    );
  }
  validate(network, p);
  return p;
}

export function validate(network: string, p: DeployParams): void {
  const problems: string[] = [];
  const g = p.governance;
  if (!Number.isInteger(p.targetEpochTime) || p.targetEpochTime < 1 || p.targetEpochTime > 7 * DAY)
    problems.push(`targetEpochTime ${p.targetEpochTime} must be an integer in [1, 604800] seconds`);
  if (p.initialTarget < MIN_TARGET || p.initialTarget > MAX_TARGET)
    problems.push(`initialTarget ${p.initialTarget} must be within [2^16, 2^252]`);
  if (!Number.isInteger(p.rewardsDuration) || p.rewardsDuration < 60 || p.rewardsDuration > 365 * DAY)
    problems.push(`rewardsDuration ${p.rewardsDuration} must be an integer in [60, 31536000] seconds`);
  if (p.treasury !== "timelock" && !/^0x[0-9a-fA-F]{40}$/.test(p.treasury))
    problems.push(`treasury ${p.treasury} must be "timelock" or an address`);
  if (g.votingPeriod < 1) problems.push("governance.votingPeriod must be at least 1 second");
  if (g.votingDelay < 0) problems.push("governance.votingDelay must not be negative");
  if (g.quorumPercent < 1 || g.quorumPercent > 100) problems.push("governance.quorumPercent must be in [1, 100]");
  if (g.proposalThreshold < 0n) problems.push("governance.proposalThreshold must not be negative");
  if (g.timelockDelay < 0) problems.push("governance.timelockDelay must not be negative");
  if (g.timelockDelayFloor < 0 || g.timelockDelayFloor > g.timelockDelay || g.timelockDelay > 30 * DAY)
    problems.push("governance.timelockDelayFloor must be in [0, timelockDelay] and timelockDelay at most 30 days");
  if (g.launchSupply < 0n || g.launchSupply > parseEther("21000000"))
    problems.push("governance.launchSupply must be within [0, 21,000,000 NUMI]");
  if (g.votingDelay > 30 * DAY || g.votingPeriod > 30 * DAY)
    problems.push("governance.votingDelay and votingPeriod must be at most 30 days (NumiGovernor's ceilings)");
  if (g.quorumPercent > 30) problems.push("governance.quorumPercent must be at most 30 (NumiGovernor's ceiling)");
  if (g.proposalThreshold > parseEther("210000"))
    problems.push("governance.proposalThreshold must be at most 210,000 NUMI (NumiGovernor's ceiling)");
  if (g.lateQuorumExtension > 14 * DAY)
    problems.push("governance.lateQuorumExtension must be at most 14 days (NumiGovernor's ceiling)");
  if (g.lateQuorumExtension > g.votingPeriod)
    problems.push("governance.lateQuorumExtension should not exceed the voting period");
  if (p.requireConfirmation && g.timelockDelayFloor < DAY)
    problems.push("a network holding real money needs a timelock delay floor of at least one day");
  if (problems.length) throw new Error(`Invalid deployment parameters for ${network}:\n- ${problems.join("\n- ")}`);
}
