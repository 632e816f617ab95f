// `npm run soak:miner -- --minutes 5`: the miner against the in-process chain through the fault proxy, cycling
// through every fault mode (10 s each, 5 s of calm after each), then the figures issue #17 asks for: rewards on
// chain against rewards counted, reverted mints, faults seen, solution-to-broadcast p50/p95. Fails (exit 1) when
// the counts differ, a mint reverted, or the miner stopped before the end.
import { runMiner, broadcastLatency, type MinerStats } from "@numi/miner/cli";
import type { FaultMode, FaultOptions } from "../ops/faultProxy";
import { chainTally, startFaultRig } from "./faultRig";

interface SoakPhase {
  mode: FaultMode;
  options?: FaultOptions;
  label: string;
}

const CYCLE: SoakPhase[] = [
  { mode: "latency", options: { latencyMs: 2_000 }, label: "2 s latency" },
  { mode: "rate-limit", label: "HTTP 429 with Retry-After" },
  { mode: "http-5xx", label: "HTTP 502/503 with HTML" },
  { mode: "reset", label: "connection reset" },
  { mode: "lost-reply", label: "reply lost after processing (every request)" },
  { mode: "lost-reply", options: { onlyMethods: ["eth_sendRawTransaction"] }, label: "send reply lost" },
  { mode: "hang", label: "hung requests" },
  { mode: "outage", label: "outage (connection refused)" },
  { mode: "getlogs-range", label: "eth_getLogs over 1,000 blocks refused" },
  { mode: "mix", options: { probability: 0.5 }, label: "50% errors (429, 5xx, reset, lost reply)" },
];
const FAULT_MS = 10_000;
const CALM_MS = 5_000;

export interface SoakReport {
  ok: boolean;
  lines: string[];
}

export async function runFaultSoak(minutes: number, print: (line: string) => void): Promise<SoakReport> {
  if (!(minutes > 0)) throw new Error(`--minutes must be a positive number, got ${minutes}`);
  const rig = await startFaultRig({ timeoutMs: 3_000 });
  const started = Date.now();
  const stamp = () => `${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s`;
  const controller = new AbortController();
  let alive = true;
  const mining = runMiner({
    contract: rig.minerContract,
    threads: 1,
    pollMs: 250,
    retryMs: 250,
    maxRetryMs: 5_000,
    signal: controller.signal,
    log: (line) => {
      if (line.includes("] reward for epoch")) rewardsSaid++;
      print(`${stamp()} ${line}`);
    },
    status: (line) => print(`${stamp()} [status] ${line}`),
    statusMs: 15_000,
    hooks: { onBroadcast: (ms) => broadcastSaid.push(ms) },
  }).finally(() => (alive = false));
  const phasesSeen: string[] = [];
  const perPhase: string[] = [];
  // The miner's statistics while it runs, for per-phase figures (runMiner returns them only at the end).
  let rewardsSaid = 0;
  const broadcastSaid: number[] = [];
  const deadline = started + minutes * 60_000;
  for (let i = 0; Date.now() < deadline && alive; i++) {
    const phase = CYCLE[i % CYCLE.length];
    print(`${stamp()} [soak] fault: ${phase.label}`);
    const [rewardsBefore, sentBefore] = [rewardsSaid, broadcastSaid.length];
    rig.proxy.setMode(phase.mode, phase.options);
    await new Promise((r) => setTimeout(r, Math.min(FAULT_MS, Math.max(0, deadline - Date.now()))));
    rig.proxy.setMode("none");
    phasesSeen.push(phase.label);
    const during = broadcastSaid.slice(sentBefore);
    perPhase.push(
      `  ${phase.label}: ${rewardsSaid - rewardsBefore} reward(s) during the fault; solution to broadcast ` +
        broadcastLatency({ broadcastMs: during }),
    );
    print(`${stamp()} [soak]${perPhase[perPhase.length - 1]}`);
    print(`${stamp()} [soak] calm`);
    await new Promise((r) => setTimeout(r, CALM_MS));
  }
  const aliveAtEnd = alive;
  controller.abort();
  const stats: MinerStats = await mining;
  const chain = await chainTally(rig);
  const requests = rig.proxy.requests();
  await rig.close();
  const failures = Object.entries(stats.failures)
    .sort((a, b) => b[1] - a[1])
    .map(([name, n]) => `${name} ×${n}`);
  const ok =
    aliveAtEnd && chain.rewards === stats.rewards && chain.rewardWei === stats.rewardWei && chain.revertedMints === 0;
  const lines = [
    `soak: ${((Date.now() - started) / 60_000).toFixed(1)} min, ${phasesSeen.length} fault phases of ${FAULT_MS / 1000} s (${new Set(phasesSeen).size} kinds)`,
    `miner alive until stopped: ${aliveAtEnd ? "yes" : "NO"}`,
    `rewards on chain ${chain.rewards}, counted by the miner ${stats.rewards} (${chain.rewardWei === stats.rewardWei ? "same NUMI" : "NUMI DIFFER"})`,
    `reverted mints: ${chain.revertedMints} on chain, ${stats.revertedMints} seen by the miner`,
    `solutions ${stats.solutions}, stale ${stats.staleSolutions}, abandoned searches ${stats.abandonedJobs}`,
    `faults seen: ${failures.join(", ") || "none"}`,
    `solution to broadcast: ${broadcastLatency(stats)} (all); during each fault:`,
    ...perPhase,
    `requests through the proxy: ${requests.total} (${Object.entries(requests.byMethod)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([m, n]) => `${m} ${n}`)
      .join(", ")})`,
    ok ? "soak: PASS" : "soak: FAIL",
  ];
  for (const line of lines) print(line);
  return { ok, lines };
}
