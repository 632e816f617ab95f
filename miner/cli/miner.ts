// The NUMI miner loop: read the mining state, search on N workers, submit each solution as soon as it is
// found (simulated first), and move on to the next challenge. Polls for someone else's reward and abandons
// stale work at once. Every failure is named, explained and retried; a solution is dropped only when the
// challenge it solves is gone.
import type { Contract, ContractTransactionResponse } from "ethers";
import { classifyFailure, Failure } from "./failures";
import { readMiningState, MiningState } from "./miningState";
import type { MinerStats } from "./stats";
import { statusLine } from "./statusLine";
import { Solution, WorkerPool } from "./workerPool";


export interface MinerHooks {
  /** Called when workers start on a challenge (tests use it to let a competitor mint first). */
  onJob?(state: MiningState): Promise<void> | void;
  /** Called with a solution just before it is simulated and sent. */
  beforeSubmit?(solution: Solution): Promise<void> | void;
}

export interface MinerOptions {
  /** NumiCoin, connected to the signer that sends the transactions. */
  contract: Contract;
  /** Mint to this address with mintTo(nonce, beneficiary) (the digest binds it) instead of mint(nonce, digest). */
  beneficiary?: string;
  threads: number;
  /** How often to look for a new challenge while searching. */
  pollMs?: number;
  /** Pause before retrying after a transient failure. */
  retryMs?: number;
  /** Stop after this many rewards (default: never). */
  maxBlocks?: number;
  /** Attempts per worker batch (the latency of abandoning stale work). */
  batch?: number;
  /** Stops the miner (Ctrl-C). */
  signal?: AbortSignal;
  log?(line: string): void;
  /** Receives the status line every `statusMs`. */
  status?(line: string): void;
  statusMs?: number;
  hooks?: MinerHooks;
}

type Outcome = { kind: "solution"; solution: Solution } | { kind: "changed"; state: MiningState } | { kind: "stopped" };

/** Mines until `maxBlocks` rewards, mining finishes, or `signal` aborts. Resolves with the statistics. */
export async function runMiner(options: MinerOptions): Promise<MinerStats> {
  const { contract, beneficiary, hooks = {} } = options;
  const pollMs = options.pollMs ?? 1_000;
  const retryMs = options.retryMs ?? 2_000;
  const maxBlocks = options.maxBlocks ?? Number.POSITIVE_INFINITY;
  const log = options.log ?? ((line: string) => console.log(line));
  const signal = options.signal;
  const stats: MinerStats = { hashes: 0, solutions: 0, rewards: 0, rewardWei: 0n, staleSolutions: 0, abandonedJobs: 0, failures: {} };
  const stopped = () => signal?.aborted === true;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (stopped()) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        signal?.removeEventListener("abort", done);
        resolve();
      }
      signal?.addEventListener("abort", done);
    });

  const note = (failure: Failure) => {
    stats.failures[failure.name] = (stats.failures[failure.name] ?? 0) + 1;
    log(`[miner] ${failure.message}`);
  };

  /** Reads the state, retrying (and saying why) until it succeeds or the miner is stopped. */
  async function readState(): Promise<MiningState | null> {
    while (!stopped()) {
      try {
        return await readMiningState(contract);
      } catch (error) {
        note(classifyFailure(error, contract.interface));
        await sleep(retryMs);
      }
    }
    return null;
  }

  const signerAddress = await (contract.runner as unknown as { getAddress(): Promise<string> }).getAddress();
  const miner = (beneficiary ?? signerAddress).toLowerCase();
  const pool = await WorkerPool.start({ threads: options.threads, batch: options.batch });
  log(`[miner] ${pool.threads} worker${pool.threads === 1 ? "" : "s"} (${pool.kernel} kernel) mining for ${beneficiary ?? signerAddress}` +
    (beneficiary ? ` via mintTo, sent by ${signerAddress}` : ""));

  let state: MiningState | null = null;
  let lastHashes = 0;
  let lastTime = Date.now();
  const statusTimer = setInterval(() => {
    const now = Date.now();
    const rate = ((pool.totalHashes - lastHashes) * 1000) / Math.max(1, now - lastTime);
    lastHashes = pool.totalHashes;
    lastTime = now;
    options.status?.(statusLine(rate, pool.threads, { ...stats, hashes: pool.totalHashes }, state));
  }, options.statusMs ?? 2_000);
  statusTimer.unref();

  let wantedJob = 0;
  let deliver: ((solution: Solution) => void) | null = null;
  pool.on("solution", (solution: Solution) => {
    if (solution.jobId === wantedJob && deliver) deliver(solution);
  });
  pool.on("error", (error: Error) => log(`[miner] worker error: ${error.message}`));

  /** Searches `current` until a solution, a new challenge (or a pause), or stop. */
  async function search(current: MiningState): Promise<Outcome> {
    let found: Solution | null = null;
    const solutionArrived = new Promise<void>((resolve) => {
      deliver = (solution) => {
        found = solution;
        resolve();
      };
    });
    wantedJob = pool.startJob(current.challenge, miner, current.target);
    await hooks.onJob?.(current);
    let rpcDown = false;
    while (!stopped()) {
      await Promise.race([solutionArrived, sleep(pollMs)]);
      if (found) return { kind: "solution", solution: found };
      if (stopped()) break;
      try {
        const latest = await readMiningState(contract);
        rpcDown = false;
        if (latest.challenge !== current.challenge || latest.paused) {
          pool.idle();
          return { kind: "changed", state: latest };
        }
      } catch (error) {
        // Keep searching: the challenge is probably unchanged; say so once per outage.
        if (!rpcDown) note(classifyFailure(error, contract.interface));
        rpcDown = true;
      }
    }
    pool.idle();
    return { kind: "stopped" };
  }

  /** Simulates, sends and confirms one solution. Returns the failure, or null on success. */
  async function submit(solution: Solution): Promise<Failure | null> {
    try {
      const call = beneficiary
        ? { fn: contract.getFunction("mintTo"), args: [solution.nonce, beneficiary] }
        : { fn: contract.getFunction("mint"), args: [solution.nonce, solution.digest] };
      // Simulate in the pending block (the one the transaction will join): a stale or failing solution costs
      // no gas. At "latest", a block that holds a reward would wrongly report RewardAlreadyMintedThisBlock.
      await call.fn.staticCall(...call.args, { blockTag: "pending" });
      const gas = await call.fn.estimateGas(...call.args, { blockTag: "pending" });
      const tx = (await call.fn.send(...call.args, { gasLimit: gas + gas / 4n })) as ContractTransactionResponse;
      log(`[miner] solution nonce ${solution.nonce} (digest ${solution.digest.slice(0, 18)}…) sent: ${tx.hash}`);
      const receipt = await tx.wait();
      if (!receipt || receipt.status !== 1) throw Object.assign(new Error("transaction reverted on chain"), { receipt });
      for (const entry of receipt.logs) {
        const parsed = (() => {
          try {
            return contract.interface.parseLog(entry);
          } catch {
            return null;
          }
        })();
        if (parsed?.name === "Mint") {
          stats.rewardWei += BigInt(parsed.args.rewardAmount);
          log(`[miner] reward for epoch ${BigInt(parsed.args.epochCount) - 1n} in block ${receipt.blockNumber}`);
        }
      }
      stats.rewards++;
      return null;
    } catch (error) {
      return classifyFailure(error, contract.interface);
    }
  }

  let held: Solution | null = null;
  let pausedSaid = false;
  try {
    state = await readState();
    while (state && !stopped() && stats.rewards < maxBlocks) {
      if (state.reward === 0n) {
        log("[miner] mining has finished: the supply cap is reached");
        break;
      }
      if (state.paused) {
        pool.idle();
        if (!pausedSaid) log("[miner] mining is paused by governance; waiting");
        pausedSaid = true;
        await sleep(pollMs);
        state = await readState();
        continue;
      }
      pausedSaid = false;
      if (held && held.challenge !== state.challenge) {
        stats.staleSolutions++;
        log("[miner] the held solution's challenge moved on; dropping it");
        held = null;
      }
      if (!held) {
        const outcome = await search(state);
        if (outcome.kind === "stopped") break;
        if (outcome.kind === "changed") {
          if (outcome.state.challenge !== state.challenge) {
            stats.abandonedJobs++;
            log(`[miner] new challenge (epoch ${outcome.state.epoch}): abandoned stale work`);
          }
          state = outcome.state;
          continue;
        }
        held = outcome.solution;
        stats.solutions++;
      }
      await hooks.beforeSubmit?.(held);
      const failure = await submit(held);
      if (!failure) {
        held = null;
        state = await readState();
        continue;
      }
      note(failure);
      if (failure.action === "stop") break;
      if (failure.action === "stale") {
        stats.staleSolutions++;
        held = null;
      }
      if (failure.action === "retry") await sleep(retryMs);
      // "wait" (paused) and "retry" keep the solution; the next state read decides whether it is still current.
      state = await readState();
    }
  } finally {
    clearInterval(statusTimer);
    stats.hashes = pool.totalHashes;
    await pool.stop();
  }
  return stats;
}
