// The NUMI miner loop: read the mining state, search on N workers, submit each solution as soon as it is
// found (simulated first), and move on to the next challenge. Polls for someone else's reward and abandons
// stale work at once. Every failure is named, explained and retried; a solution is dropped only when the
// challenge it solves is gone.
import type { ContractRunner, Signer } from "ethers";
import type { MiningContract, SendableMethod } from "./contract";
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
  contract: MiningContract;
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
  return new Miner(options).run();
}

/** One miner run: the state machine read → search → submit, with its statistics and its worker pool. */
class Miner {
  private readonly contract: MiningContract;
  private readonly beneficiary?: string;
  private readonly hooks: MinerHooks;
  private readonly pollMs: number;
  private readonly retryMs: number;
  private readonly maxBlocks: number;
  private readonly log: (line: string) => void;
  private readonly stats: MinerStats = {
    hashes: 0,
    solutions: 0,
    rewards: 0,
    rewardWei: 0n,
    staleSolutions: 0,
    abandonedJobs: 0,
    failures: {},
  };
  private pool!: WorkerPool;
  /** The mining address the digest binds (the beneficiary, or the sender), lower case. */
  private miner = "";
  private state: MiningState | null = null;
  /** The job whose solution `deliver` receives; solutions of replaced jobs are dropped. */
  private wantedJob = 0;
  private deliver: ((solution: Solution) => void) | null = null;

  constructor(private readonly options: MinerOptions) {
    this.contract = options.contract;
    this.beneficiary = options.beneficiary;
    this.hooks = options.hooks ?? {};
    this.pollMs = options.pollMs ?? 1_000;
    this.retryMs = options.retryMs ?? 2_000;
    this.maxBlocks = options.maxBlocks ?? Number.POSITIVE_INFINITY;
    this.log = options.log ?? ((line: string) => console.log(line));
  }

  async run(): Promise<MinerStats> {
    const runner = this.contract.runner;
    if (!isSigner(runner))
      throw new Error("the miner's contract must be connected to the signer that sends its transactions");
    const sender = await runner.getAddress();
    this.miner = (this.beneficiary ?? sender).toLowerCase();
    this.pool = await WorkerPool.start({ threads: this.options.threads, batch: this.options.batch });
    const { threads, kernel } = this.pool;
    this.log(
      `[miner] ${threads} worker${threads === 1 ? "" : "s"} (${kernel} kernel) mining for ${this.beneficiary ?? sender}` +
        (this.beneficiary ? ` via mintTo, sent by ${sender}` : ""),
    );
    this.pool.on("solution", (solution: Solution) => {
      if (solution.jobId === this.wantedJob && this.deliver) this.deliver(solution);
    });
    this.pool.on("error", (error: Error) => this.log(`[miner] worker error: ${error.message}`));
    const statusTimer = this.startStatusLine();
    try {
      await this.loop();
    } finally {
      clearInterval(statusTimer);
      this.stats.hashes = this.pool.totalHashes;
      await this.pool.stop();
    }
    return this.stats;
  }

  private stopped(): boolean {
    return this.options.signal?.aborted === true;
  }

  /** Resolves after `ms`, or at once when the miner is stopped. */
  private sleep(ms: number): Promise<void> {
    const signal = this.options.signal;
    return new Promise<void>((resolve) => {
      if (this.stopped()) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        signal?.removeEventListener("abort", done);
        resolve();
      }
      signal?.addEventListener("abort", done);
    });
  }

  private note(failure: Failure): void {
    this.stats.failures[failure.name] = (this.stats.failures[failure.name] ?? 0) + 1;
    this.log(`[miner] ${failure.message}`);
  }

  /** Sends the status line every `statusMs`: hash rate since the last line, counts, difficulty, epoch. */
  private startStatusLine(): NodeJS.Timeout {
    let lastHashes = 0;
    let lastTime = Date.now();
    const timer = setInterval(() => {
      const now = Date.now();
      const rate = ((this.pool.totalHashes - lastHashes) * 1000) / Math.max(1, now - lastTime);
      lastHashes = this.pool.totalHashes;
      lastTime = now;
      this.options.status?.(
        statusLine(rate, this.pool.threads, { ...this.stats, hashes: this.pool.totalHashes }, this.state),
      );
    }, this.options.statusMs ?? 2_000);
    timer.unref();
    return timer;
  }

  /** Reads the state, retrying (and saying why) until it succeeds or the miner is stopped. */
  private async readState(): Promise<MiningState | null> {
    while (!this.stopped()) {
      try {
        return await readMiningState(this.contract);
      } catch (error) {
        this.note(classifyFailure(error, this.contract.interface));
        await this.sleep(this.retryMs);
      }
    }
    return null;
  }

  /** Until a reward cap, `maxBlocks`, a stop, or the end of mining: search the current challenge, submit. */
  private async loop(): Promise<void> {
    let held: Solution | null = null;
    let pausedSaid = false;
    this.state = await this.readState();
    while (this.state && !this.stopped() && this.stats.rewards < this.maxBlocks) {
      const state: MiningState = this.state;
      if (state.reward === 0n) {
        this.log("[miner] mining has finished: the emission schedule is complete");
        return;
      }
      if (state.paused) {
        this.pool.idle();
        if (!pausedSaid) this.log("[miner] mining is paused by governance; waiting");
        pausedSaid = true;
        await this.sleep(this.pollMs);
        this.state = await this.readState();
        continue;
      }
      pausedSaid = false;
      if (held && held.challenge !== state.challenge) {
        this.stats.staleSolutions++;
        this.log("[miner] the held solution's challenge moved on; dropping it");
        held = null;
      }
      if (!held) {
        const outcome = await this.search(state);
        if (outcome.kind === "stopped") return;
        if (outcome.kind === "changed") {
          if (outcome.state.challenge !== state.challenge) {
            this.stats.abandonedJobs++;
            this.log(`[miner] new challenge (epoch ${outcome.state.epoch}): abandoned stale work`);
          }
          this.state = outcome.state;
          continue;
        }
        held = outcome.solution;
        this.stats.solutions++;
      }
      await this.hooks.beforeSubmit?.(held);
      const failure = await this.submit(held);
      if (!failure) {
        held = null;
        this.state = await this.readState();
        continue;
      }
      this.note(failure);
      if (failure.action === "stop") return;
      if (failure.action === "stale") {
        this.stats.staleSolutions++;
        held = null;
      }
      if (failure.action === "retry") await this.sleep(this.retryMs);
      // "wait" (paused) and "retry" keep the solution; the next state read decides whether it is still current.
      this.state = await this.readState();
    }
  }

  /** Searches `current` until a solution, a new challenge (or a pause), or stop. */
  private async search(current: MiningState): Promise<Outcome> {
    let found: Solution | null = null;
    const solutionArrived = new Promise<void>((resolve) => {
      this.deliver = (solution) => {
        found = solution;
        resolve();
      };
    });
    this.wantedJob = this.pool.startJob(current.challenge, this.miner, current.target);
    await this.hooks.onJob?.(current);
    let rpcDown = false;
    while (!this.stopped()) {
      await Promise.race([solutionArrived, this.sleep(this.pollMs)]);
      if (found) return { kind: "solution", solution: found };
      if (this.stopped()) break;
      try {
        const latest = await readMiningState(this.contract);
        rpcDown = false;
        if (latest.challenge !== current.challenge || latest.paused) {
          this.pool.idle();
          return { kind: "changed", state: latest };
        }
      } catch (error) {
        // Keep searching: the challenge is probably unchanged; say so once per outage.
        if (!rpcDown) this.note(classifyFailure(error, this.contract.interface));
        rpcDown = true;
      }
    }
    this.pool.idle();
    return { kind: "stopped" };
  }

  /** Simulates, sends and confirms one solution. Returns the failure, or null on success. */
  private async submit(solution: Solution): Promise<Failure | null> {
    try {
      const tx = this.beneficiary
        ? await this.send(this.contract.getFunction("mintTo"), [solution.nonce, this.beneficiary])
        : await this.send(this.contract.getFunction("mint"), [solution.nonce, solution.digest]);
      this.log(`[miner] solution nonce ${solution.nonce} (digest ${solution.digest.slice(0, 18)}…) sent: ${tx.hash}`);
      const receipt = await tx.wait();
      if (!receipt || receipt.status !== 1)
        throw Object.assign(new Error("transaction reverted on chain"), { receipt });
      for (const entry of receipt.logs) {
        const parsed = parseLogOrNull(this.contract, entry);
        if (parsed?.name === "Mint") {
          this.stats.rewardWei += BigInt(parsed.args.rewardAmount);
          this.log(`[miner] reward for epoch ${BigInt(parsed.args.epochCount) - 1n} in block ${receipt.blockNumber}`);
        }
      }
      this.stats.rewards++;
      return null;
    } catch (error) {
      return classifyFailure(error, this.contract.interface);
    }
  }

  /**
   * Simulates in the pending block (the one the transaction will join), so a stale or failing solution costs no
   * gas (at "latest", a block that holds a reward would wrongly report RewardAlreadyMintedThisBlock), then sends
   * with a quarter more gas than estimated.
   */
  private async send<A extends unknown[]>(method: SendableMethod<A>, args: A) {
    await method.staticCall(...args, { blockTag: "pending" });
    const gas = await method.estimateGas(...args, { blockTag: "pending" });
    return method.send(...args, { gasLimit: gas + gas / 4n });
  }
}

function isSigner(runner: ContractRunner | null): runner is Signer {
  return runner !== null && typeof (runner as Partial<Signer>).getAddress === "function";
}

function parseLogOrNull(contract: MiningContract, entry: { topics: readonly string[]; data: string }) {
  try {
    return contract.interface.parseLog(entry);
  } catch {
    return null;
  }
}
