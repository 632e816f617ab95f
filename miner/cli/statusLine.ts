// The miner's live status line: hash rate, solutions, rewards, difficulty, epoch, and the RPC's trouble if any
// (so a stalled miner says why instead of showing only 0 H/s).
import { formatEther } from "ethers";
import type { MiningState } from "./miningState";
import type { MinerStats } from "./stats";

export function formatRate(hashesPerSecond: number): string {
  if (hashesPerSecond >= 1e6) return `${(hashesPerSecond / 1e6).toFixed(2)} MH/s`;
  if (hashesPerSecond >= 1e3) return `${(hashesPerSecond / 1e3).toFixed(1)} kH/s`;
  return `${hashesPerSecond.toFixed(0)} H/s`;
}

export function statusLine(
  rate: number,
  threads: number,
  stats: MinerStats,
  state: MiningState | null,
  rpcTrouble: string | null = null,
): string {
  const parts = [
    `${formatRate(rate)} on ${threads} thread${threads === 1 ? "" : "s"}`,
    `solutions ${stats.solutions}`,
    `rewards ${stats.rewards} (${formatEther(stats.rewardWei)} NUMI)`,
  ];
  if (state) {
    parts.push(`difficulty ${state.difficulty.toLocaleString("en-US")}`, `epoch ${state.epoch} (era ${state.era})`);
    if (state.paused) parts.push("PAUSED");
  }
  if (rpcTrouble) parts.push(rpcTrouble);
  return parts.join(" · ");
}
