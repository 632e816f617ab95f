// The NUMI miner loop: read the mining state, search on N workers, submit each solution as soon as it is
// found (simulated first), and move on to the next challenge. Polls for someone else's reward and abandons
// stale work at once. Every failure is named, explained and retried; a solution is dropped only when the
// challenge it solves is gone, and a reward is counted only when the chain records it (submission.ts).
// RPC failures are reported once per episode with backoff and jitter (rpcHealth.ts).
import type { ContractRunner, Signer } from "ethers";
import type { MiningContract } from "./contract";
import { classifyFailure, Failure } from "./failures";
import { readMiningState, MiningState } from "./miningState";
import { RpcHealth } from "./rpcHealth";
import { emptyStats, type MinerStats } from "./stats";
import { statusLine } from "./statusLine";
import { Submission, type HeldSolution, type SubmissionContext } from "./submission";
import { Solution, WorkerPool } from "./workerPool";

export interface MinerHooks {
  /** Called when workers start on a challenge (tests use it to let a competitor mint first). */
  onJob?(state: MiningState): Promise<void> | void;
  /** Called with a solution just before it is simulated and sent. */
  beforeSubmit?(solution: Solution): Promise<void> | void;
  /** Called with each solution-to-broadcast time as it is measured (the soak reports them per fault). */
  onBroadcast?(ms: number): void;
}

export interface MinerOptions {
  /** NumiCoin, connected to the signer that sends the transactions. */
  contract: MiningContract;
  /** Mint to this address with mintTo(nonce, beneficiary) (the digest binds it) instead of mint(nonce, digest). */
  beneficiary?: string;
  threads: number;
  /** How often to look for a new challenge while searching. */
  pollMs?: number;
  /** Pause before retrying after a transient failure; the first step of the RPC backoff. */
  retryMs?: number;
  /** The longest pause between retries while the RPC endpoint fails (default 30 s). */
  maxRetryMs?: number;
  /** Quiet time after the last RPC failure before the endpoint counts as recovered (default 5 s). */
  recoveredAfterMs?: number;
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
  private readonly stats: MinerStats = emptyStats();
  private readonly health: RpcHealth;
  private pool!: WorkerPool;
  private submission!: Omit<SubmissionContext, "miner" | "sender">;
  private sender = "";
  /** The mining address the digest binds (the beneficiary, or the sender), lower case. */
  private miner = "";
  private state: MiningState | null = null;
  /** The job whose solution `deliver` receives; solutions of replaced jobs are dropped. */
  private wantedJob = 0;
  private deliver: ((solution: Solution) => void) | null = null;
  /** When each wanted solution arrived, for the solution-to-broadcast time. */
  private foundAt = 0;

  constructor(private readonly options: MinerOptions) {
    this.contract = options.contract;
    this.beneficiary = options.beneficiary;
    this.hooks = options.hooks ?? {};
    this.pollMs = options.pollMs ?? 1_000;
    this.retryMs = options.retryMs ?? 2_000;
    this.maxBlocks = options.maxBlocks ?? Number.POSITIVE_INFINITY;
    this.log = options.log ?? ((line: string) => console.log(line));
    this.health = new RpcHealth(
      (line) => this.log(line),
      { baseMs: this.retryMs, maxMs: options.maxRetryMs ?? 30_000 },
      options.recoveredAfterMs,
    );
  }

  async run(): Promise<MinerStats> {
    const runner = this.contract.runner;
    if (!isSigner(runner))
      throw new Error("the miner's contract must be connected to the signer that sends its transactions");
    if (!runner.provider) throw new Error("the miner's signer must be connected to a provider (the RPC endpoint)");
    const sender = await runner.getAddress();
    this.sender = sender;
    this.miner = (this.beneficiary ?? sender).toLowerCase();
    this.submission = {
      contract: this.contract,
      signer: runner,
      provider: runner.provider,
      beneficiary: this.beneficiary,
      pollMs: this.pollMs,
      retryMs: this.retryMs,
      health: this.health,
      stopped: () => this.stopped(),
      sleep: (ms) => this.sleep(ms),
      log: (line) => this.log(line),
      count: (failure) => this.count(failure),
      broadcast: (ms) => {
        this.stats.broadcastMs.push(ms);
        this.hooks.onBroadcast?.(ms);
      },
    };
    this.pool = await WorkerPool.start({ threads: this.options.threads, batch: this.options.batch });
    const { threads, kernel } = this.pool;
    this.log(
      `[miner] ${threads} worker${threads === 1 ? "" : "s"} (${kernel} kernel) mining for ${this.beneficiary ?? sender}` +
        (this.beneficiary ? ` via mintTo, sent by ${sender}` : ""),
    );
    this.pool.on("solution", (solution: Solution) => {
      if (solution.jobId === this.wantedJob && this.deliver) {
        this.foundAt = Date.now();
        this.deliver(solution);
      }
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

  private count(failure: Failure): void {
    this.stats.failures[failure.name] = (this.stats.failures[failure.name] ?? 0) + 1;
  }

  /** Counts and says a failure the chain answered (a revert); RPC failures go through `rpcFailed`. */
  private note(failure: Failure): void {
    this.count(failure);
    this.log(`[miner] ${failure.message}`);
  }

  /** Counts an RPC failure, says it if it is new in this episode, returns the backoff before the next try. */
  private rpcFailed(failure: Failure, meanwhile: string): number {
    this.count(failure);
    return this.health.failed(failure, meanwhile);
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
        statusLine(
          rate,
          this.pool.threads,
          { ...this.stats, hashes: this.pool.totalHashes },
          this.state,
          this.health.status(),
        ),
      );
    }, this.options.statusMs ?? 2_000);
    timer.unref();
    return timer;
  }

  /** Reads the state, retrying (and saying why) until it succeeds or the miner is stopped. */
  private async readState(): Promise<MiningState | null> {
    while (!this.stopped()) {
      try {
        const state = await readMiningState(this.contract);
        this.health.ok();
        return state;
      } catch (error) {
        const failure = classifyFailure(error, this.contract.interface);
        if (failure.transport) {
          await this.sleep(this.rpcFailed(failure, "Waiting for the mining state (workers idle)"));
        } else {
          this.note(failure);
          await this.sleep(this.retryMs);
        }
      }
    }
    return null;
  }

  /** Until a reward cap, `maxBlocks`, a stop, or the end of mining: search the current challenge, submit. */
  private async loop(): Promise<void> {
    let held: HeldSolution | null = null;
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
      if (held && held.solution.challenge !== state.challenge) {
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
        held = { solution: outcome.solution, epoch: state.epoch, foundAt: this.foundAt };
        this.stats.solutions++;
      }
      await this.hooks.beforeSubmit?.(held.solution);
      const result = await new Submission({ ...this.submission, sender: this.sender, miner: this.miner }, held).run();
      switch (result.kind) {
        case "stopped":
          return;
        case "won":
          this.stats.rewards++;
          this.stats.rewardWei += result.rewardWei;
          this.log(`[miner] reward for epoch ${result.epoch} in block ${result.block}`);
          held = null;
          break;
        case "lost":
          this.stats.staleSolutions++;
          this.log(`[miner] the reward for epoch ${held.epoch} went to another transaction; mining the new challenge`);
          held = null;
          break;
        case "reverted":
          // Never seen so far (the simulation runs against the pending block); the state read below decides
          // whether the solution is still worth sending.
          this.stats.revertedMints++;
          this.log(`[miner] the mint transaction ${result.txHash} reverted on chain; re-checking the challenge`);
          await this.sleep(this.retryMs);
          break;
        case "refused": {
          const failure = result.failure;
          this.note(failure);
          if (failure.action === "stop") return;
          if (failure.action === "stale") {
            this.stats.staleSolutions++;
            held = null;
          }
          if (failure.action === "retry") await this.sleep(this.retryMs);
          // "wait" (paused) and "retry" keep the solution; the next state read decides whether it is current.
          break;
        }
      }
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
    let wait = this.pollMs;
    while (!this.stopped()) {
      await Promise.race([solutionArrived, this.sleep(wait)]);
      if (found) return { kind: "solution", solution: found };
      if (this.stopped()) break;
      wait = this.pollMs;
      try {
        const latest = await readMiningState(this.contract);
        this.health.ok();
        if (latest.challenge !== current.challenge || latest.paused) {
          this.pool.idle();
          return { kind: "changed", state: latest };
        }
      } catch (error) {
        // Keep searching: the challenge is probably unchanged.
        const failure = classifyFailure(error, this.contract.interface);
        if (failure.transport)
          wait = Math.max(this.pollMs, this.rpcFailed(failure, "Searching on the last known challenge"));
        else this.note(failure);
      }
    }
    this.pool.idle();
    return { kind: "stopped" };
  }
}

function isSigner(runner: ContractRunner | null): runner is Signer {
  return runner !== null && typeof (runner as Partial<Signer>).getAddress === "function";
}
