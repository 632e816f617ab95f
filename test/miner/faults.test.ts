// The miner through an RPC that misbehaves the way public endpoints do (issue #17): for every fault mode of the
// proxy it keeps running, says what is wrong once in plain words, mines again once the fault clears, counts
// exactly the rewards the chain records for it, and never sends a mint that reverts.
import { expect } from "chai";
import { runMiner, type MinerOptions, type MinerStats } from "@numi/miner/cli";
import type { FaultMode, FaultOptions } from "../ops/faultProxy";
import { chainTally, startFaultRig, type FaultRig, type RigOptions } from "./faultRig";

interface RunningMiner {
  lines: string[];
  stats: () => MinerStats | null;
  settled: () => boolean;
  stop(): Promise<MinerStats>;
  rewardsSaid(): number;
}

function startMiner(rig: FaultRig, options: Partial<MinerOptions> = {}): RunningMiner {
  const lines: string[] = [];
  const controller = new AbortController();
  let result: MinerStats | null = null;
  let settled = false;
  const promise = runMiner({
    contract: rig.minerContract,
    threads: 1,
    pollMs: 100,
    retryMs: 100,
    maxRetryMs: 1_000,
    recoveredAfterMs: 500,
    batch: 4_096,
    signal: controller.signal,
    log: (line) => {
      lines.push(line);
      if (process.env.MINER_TEST_LOG) console.log(line);
    },
    ...options,
  }).then(
    (stats) => {
      settled = true;
      result = stats;
      return stats;
    },
    (error: unknown) => {
      settled = true;
      throw error;
    },
  );
  return {
    lines,
    stats: () => result,
    settled: () => settled,
    rewardsSaid: () => lines.filter((l) => l.includes("] reward for epoch")).length,
    async stop() {
      controller.abort();
      return promise;
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(condition: () => boolean, what: string, ms = 20_000) {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(20);
  }
}

interface Phase {
  mode: FaultMode;
  options?: FaultOptions;
  /** The failure the miner must name (none for modes it never meets, e.g. a refused log range). */
  failure?: string;
  /** What the operator reads, once per episode. */
  said?: RegExp;
  ms: number;
}

const PHASES: Phase[] = [
  { mode: "latency", options: { latencyMs: 400 }, ms: 2_000 },
  {
    mode: "rate-limit",
    failure: "RpcRateLimited",
    said: /RPC problem: the RPC endpoint is rate-limiting this miner \(HTTP 429\)/,
    ms: 1_500,
  },
  { mode: "http-5xx", failure: "RpcHttpError", said: /RPC problem: the RPC endpoint answered HTTP 50[23] /, ms: 1_500 },
  {
    mode: "reset",
    failure: "RpcConnectionLost",
    said: /RPC problem: the connection to the RPC endpoint was cut/,
    ms: 1_500,
  },
  {
    mode: "lost-reply",
    failure: "RpcConnectionLost",
    said: /RPC problem: the connection to the RPC endpoint was cut/,
    ms: 1_500,
  },
  { mode: "hang", failure: "RpcTimeout", said: /RPC problem: the RPC endpoint did not answer in time/, ms: 2_500 },
  { mode: "outage", failure: "RpcUnavailable", said: /RPC problem: the RPC endpoint is unreachable/, ms: 1_500 },
  { mode: "getlogs-range", ms: 1_000 },
  { mode: "mix", options: { probability: 0.5 }, ms: 2_000 },
];

describe("miner through a faulty RPC (fault proxy)", function () {
  this.timeout(120_000);
  let rig: FaultRig | null = null;
  const withRig = async (options?: RigOptions) => (rig = await startFaultRig(options));
  afterEach(async () => {
    await rig?.close();
    rig = null;
  });

  it("survives every fault mode, says each once, resumes when it clears, and counts what the chain counts", async function () {
    const r = await withRig();
    const miner = startMiner(r);
    await until(() => miner.rewardsSaid() >= 2, "the first rewards");
    for (const phase of PHASES) {
      const linesBefore = miner.lines.length;
      r.proxy.setMode(phase.mode, phase.options);
      await sleep(phase.ms);
      r.proxy.setMode("none");
      const rewardsBefore = miner.rewardsSaid();
      await until(() => miner.rewardsSaid() >= rewardsBefore + 2, `mining to resume after ${phase.mode}`);
      expect(miner.settled(), `the miner ended during ${phase.mode}`).to.equal(false);
      if (phase.said) {
        const since = () => miner.lines.slice(linesBefore);
        await until(
          () => since().some((l) => l.includes("the RPC endpoint answers again")),
          `${phase.mode}: recovery said`,
        );
        expect(
          since().filter((l) => phase.said!.test(l)),
          `${phase.mode}: said once`,
        ).to.have.length(1);
      }
      expect(miner.lines.slice(linesBefore).join("\n"), phase.mode).to.not.match(/unexpected failure|<html|undefined/i);
    }
    const stats = await miner.stop();
    for (const phase of PHASES.filter((p) => p.failure)) {
      expect(stats.failures[phase.failure!] ?? 0, phase.failure).to.be.greaterThan(0);
    }
    const chain = await chainTally(r);
    expect(stats.rewards).to.equal(chain.rewards);
    expect(stats.rewardWei).to.equal(chain.rewardWei);
    expect(chain.revertedMints).to.equal(0);
    expect(stats.revertedMints).to.equal(0);
    expect(stats.broadcastMs.length).to.be.greaterThanOrEqual(stats.rewards);
  });

  it("a reply lost after the node took the transaction: the reward is counted from its receipt (local key)", async function () {
    const r = await withRig();
    r.proxy.setMode("lost-reply", { onlyMethods: ["eth_sendRawTransaction"] });
    const miner = startMiner(r, { maxBlocks: 3, recoveredAfterMs: 60_000 }); // one episode however slow the machine
    await until(() => miner.settled(), "3 rewards");
    const stats = miner.stats()!;
    const chain = await chainTally(r);
    expect(chain.rewards).to.equal(3);
    expect(stats.rewards).to.equal(3);
    expect(stats.staleSolutions).to.equal(0);
    expect(chain.revertedMints).to.equal(0);
    const said = miner.lines.filter((l) => l.includes("A send got no reply; the node may have the transaction"));
    expect(said).to.have.length(1); // three lost replies, one episode: said once
    expect(stats.failures.RpcConnectionLost).to.equal(3);
    expect(stats.broadcastMs).to.have.length(3); // each counted as broadcast: the chain shows it arrived
  });

  it("a reply lost after the node took the transaction: the reward is found by its Mint event (node-signed)", async function () {
    const r = await withRig({ nodeSigned: true });
    r.proxy.setMode("lost-reply", { onlyMethods: ["eth_sendTransaction"] });
    const miner = startMiner(r, { maxBlocks: 2 });
    await until(() => miner.settled(), "2 rewards");
    const stats = miner.stats()!;
    const chain = await chainTally(r);
    expect(chain.rewards).to.equal(2);
    expect(stats.rewards).to.equal(2);
    expect(chain.revertedMints).to.equal(0);
    expect(miner.lines.filter((l) => l.includes("found on chain: the reward for epoch"))).to.have.length(2);
  });

  it("at a 50% error rate, solutions still reach the chain", async function () {
    const r = await withRig();
    r.proxy.setMode("mix", { probability: 0.5 });
    const miner = startMiner(r, { maxBlocks: 3 });
    const started = Date.now();
    await until(() => miner.settled(), "3 rewards at 50% errors", 30_000);
    const stats = miner.stats()!;
    expect((await chainTally(r)).rewards).to.equal(3);
    expect(stats.rewards).to.equal(3);
    expect(Date.now() - started).to.be.lessThan(30_000);
  });

  it("with 400 ms of latency per request, a solution is broadcast within three round trips", async function () {
    const r = await withRig({ timeoutMs: 3_000 });
    r.proxy.setMode("latency", { latencyMs: 400 });
    const miner = startMiner(r, { maxBlocks: 3 });
    await until(() => miner.settled(), "3 rewards at 400 ms latency", 30_000);
    const stats = miner.stats()!;
    expect(stats.rewards).to.equal(3);
    expect(stats.broadcastMs).to.have.length(3);
    // preparation (one batch) + broadcast = 2 round trips; a third for a batch split across the stall window
    for (const ms of stats.broadcastMs) expect(ms).to.be.lessThan(3 * 400 + 600);
    expect(miner.lines.some((l) => /sent \d+\.\d\d s after it was found/.test(l))).to.equal(true);
  });
});
