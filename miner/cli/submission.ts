// Submits one solution and finds out from the chain what became of it. Three sequential round trips in the usual
// case: (1) in parallel, a fresh read of the challenge, the simulation and the gas estimate in the pending block,
// the account's nonce and the fee data; (2) the broadcast; (3) the receipt. When the endpoint fails (no answer,
// a reply lost after the node took the transaction, a 5xx), the outcome is decided from the chain, never
// guessed: the receipt when the hash is known, else the account's nonce and the Mint event of the epoch.
// Never sends a solution whose simulation failed (a revert would cost gas for nothing).
import { BaseWallet, Transaction, zeroPadValue, type Provider, type Signer, type TransactionRequest } from "ethers";
import type { MiningContract } from "./contract";
import type { Failure } from "./failure";
import { classifyFailure } from "./failures";
import { readMiningState, type MiningState } from "./miningState";
import type { RpcHealth } from "./rpcHealth";
import type { Solution } from "./workerPool";

/** The most blocks one eth_getLogs may span on public endpoints. */
const LOG_RANGE = 1_000;
/** How long a stopping miner keeps asking for the outcome of a transaction it has sent. */
const STOP_GRACE_MS = 10_000;
/** Receipt polls between two checks of the account's nonce (a dropped transaction is otherwise never noticed). */
const RECEIPT_POLLS_PER_NONCE_CHECK = 10;

/** A solution with the epoch it solves and when it was found. */
export interface HeldSolution {
  solution: Solution;
  epoch: bigint;
  foundAt: number;
}

export type SubmissionOutcome =
  /** The chain records this miner's reward for the solution's epoch. */
  | { kind: "won"; rewardWei: bigint; epoch: bigint; block: number; txHash?: string }
  /** Sent, but the epoch's reward is someone else's (or a replacement took the nonce): drop the solution. */
  | { kind: "lost" }
  /** The mint transaction reverted on chain. */
  | { kind: "reverted"; txHash: string }
  /** The chain refused the solution before anything was sent (stale, paused, finished, ...). */
  | { kind: "refused"; failure: Failure }
  | { kind: "stopped" };

export interface SubmissionContext {
  contract: MiningContract;
  signer: Signer;
  provider: Provider;
  /** The sending account. */
  sender: string;
  /** The address the digest binds (the beneficiary, or the sender). */
  miner: string;
  beneficiary?: string;
  pollMs: number;
  /** Pause after the node refused a transaction (nonce taken, funds) before preparing it again. */
  retryMs: number;
  health: RpcHealth;
  stopped(): boolean;
  sleep(ms: number): Promise<void>;
  log(line: string): void;
  /** Counts a failure by name (the miner's statistics). */
  count(failure: Failure): void;
  /** Records the time from solution found to transaction accepted by the node. */
  broadcast(ms: number): void;
}

interface Prepared {
  state: MiningState;
  gas: bigint;
  nonce: number;
  fees: { maxFeePerGas: bigint | null; maxPriorityFeePerGas: bigint | null; gasPrice: bigint | null };
  block: number;
}

/** What was sent: the hash is unknown when the node signs (eth_sendTransaction) and the reply was lost. */
interface Sent {
  hash?: string;
  nonce: number;
  fromBlock: number;
  certain: boolean;
}

const CHALLENGE_MOVED: Failure = {
  name: "ChallengeMoved",
  action: "stale",
  message: "stale solution: the challenge moved on before sending; mining the new one",
};

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export class Submission {
  /** Set once a transaction for this solution may have reached the node: from then on only the chain decides. */
  private attempted: Sent | null = null;

  constructor(
    private readonly ctx: SubmissionContext,
    private readonly held: HeldSolution,
  ) {}

  async run(): Promise<SubmissionOutcome> {
    const { ctx } = this;
    while (!ctx.stopped()) {
      const prepared = await this.prepare();
      if (prepared === null) break;
      if ("failure" in prepared) {
        // After a send of uncertain fate, "the challenge moved on" may well be our own reward.
        if (this.attempted && prepared.failure.action === "stale") return this.settleAndFind(this.attempted);
        return { kind: "refused", failure: prepared.failure };
      }
      const sent = await this.send(prepared);
      if (sent === null) continue; // the node refused it for a reason the next preparation re-checks
      const outcome = await this.resolve(sent);
      // A send of unknown fate counts as a broadcast from the moment it failed, unless it never arrived.
      if (outcome !== "resend" && this.uncertainSince !== null) this.recordBroadcast(this.uncertainSince);
      this.uncertainSince = null;
      if (outcome !== "resend") return outcome;
      ctx.log("[miner] the transaction never reached the node; sending the solution again");
    }
    return { kind: "stopped" };
  }

  /** Round trip 1: everything the send needs, in parallel. Transport failures are retried here with backoff. */
  private async prepare(): Promise<Prepared | { failure: Failure } | null> {
    const { ctx } = this;
    const { contract, provider, sender } = ctx;
    const args = this.args();
    const method = this.method();
    while (!ctx.stopped()) {
      const results = await Promise.allSettled([
        readMiningState(contract),
        method.staticCall(...args, { blockTag: "pending" }),
        method.estimateGas(...args, { blockTag: "pending" }),
        provider.getTransactionCount(sender, "pending"),
        provider.getFeeData(),
        provider.getBlockNumber(),
      ] as const);
      const failures = results
        .filter((r): r is PromiseRejectedResult => r.status === "rejected")
        .map((r) => classifyFailure(r.reason, contract.interface));
      // The chain's own answer (a revert) outranks a transport failure of another call in the same round.
      const chainAnswer = failures.find((f) => !f.transport);
      if (chainAnswer) return { failure: chainAnswer };
      if (failures.length > 0) {
        ctx.count(failures[0]);
        await ctx.sleep(ctx.health.failed(failures[0], "Holding the solution"));
        continue;
      }
      ctx.health.ok();
      const [state, , gas, nonce, fees, block] = results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as [
        MiningState,
        unknown,
        bigint,
        number,
        Prepared["fees"],
        number,
      ];
      // The simulation ran against the pending block; this is the same check made explicit, in case the
      // endpoint answered the calls from different nodes.
      if (state.challenge !== this.held.solution.challenge) return { failure: CHALLENGE_MOVED };
      return { state, gas, nonce, fees, block };
    }
    return null;
  }

  /** Round trip 2: the broadcast. Null when the node refused it (retried after a fresh preparation). */
  private async send(prepared: Prepared): Promise<Sent | null> {
    const { ctx } = this;
    const request: TransactionRequest = {
      to: await ctx.contract.getAddress(),
      from: ctx.sender,
      data: ctx.contract.interface.encodeFunctionData(ctx.beneficiary ? "mintTo" : "mint", this.args()),
      nonce: prepared.nonce,
      gasLimit: prepared.gas + prepared.gas / 4n,
      ...(prepared.fees.maxFeePerGas !== null && prepared.fees.maxPriorityFeePerGas !== null
        ? {
            type: 2,
            maxFeePerGas: prepared.fees.maxFeePerGas,
            maxPriorityFeePerGas: prepared.fees.maxPriorityFeePerGas,
          }
        : { type: 0, gasPrice: prepared.fees.gasPrice }),
    };
    const previous = this.attempted;
    // Mint events are searched from the first attempt's block: an earlier broadcast may be the one mined.
    const fromBlock = previous?.fromBlock ?? prepared.block;
    let hash: string | undefined;
    try {
      const signer = ctx.signer;
      if (signer instanceof BaseWallet) {
        // Signed here, so the hash is known before the broadcast: a lost reply is looked up by it.
        const network = await ctx.provider.getNetwork();
        const signed = await signer.signTransaction({ ...request, chainId: network.chainId });
        hash = Transaction.from(signed).hash ?? undefined;
        this.attempted = { hash, nonce: prepared.nonce, fromBlock, certain: false };
        await ctx.provider.broadcastTransaction(signed);
      } else {
        this.attempted = { nonce: prepared.nonce, fromBlock, certain: false };
        hash = await sendAndGetHash(signer, request);
      }
    } catch (error) {
      const failure = classifyFailure(error, ctx.contract.interface);
      ctx.count(failure);
      if (failure.name === "RpcRateLimited") {
        // A throttled request was refused before the node saw it: back off and send again.
        this.attempted = previous;
        await ctx.sleep(ctx.health.failed(failure, "Holding the solution"));
        return null;
      }
      if (failure.transport) {
        ctx.health.failed(failure, "A send got no reply; the node may have the transaction: checking the chain");
        this.uncertainSince = Date.now();
        return this.attempted;
      }
      // The node answered (nonce taken, funds, a revert at send time): this broadcast did not happen.
      this.attempted = previous;
      ctx.log(`[miner] ${failure.message}`);
      await ctx.sleep(ctx.retryMs);
      return null;
    }
    this.recordBroadcast(Date.now());
    ctx.log(
      `[miner] solution nonce ${this.held.solution.nonce} (digest ${this.held.solution.digest.slice(0, 18)}…) sent ` +
        `${seconds(Date.now() - this.held.foundAt)} after it was found: ${hash}`,
    );
    return { hash, nonce: prepared.nonce, fromBlock, certain: true };
  }

  private broadcastRecorded = false;
  /** When a send of unknown fate failed on the way back: the broadcast time if the chain shows it arrived. */
  private uncertainSince: number | null = null;

  /** Records solution-to-broadcast once per solution (the first broadcast that reached the node). */
  private recordBroadcast(at: number): void {
    if (this.broadcastRecorded) return;
    this.broadcastRecorded = true;
    this.ctx.broadcast(at - this.held.foundAt);
  }

  /**
   * Round trip 3 and on: the receipt, or, without one, the nonce and the Mint event. A stop (Ctrl-C) gets
   * `STOP_GRACE_MS` to learn the outcome of a transaction already sent, so the final count matches the chain.
   */
  private async resolve(sent: Sent): Promise<SubmissionOutcome | "resend"> {
    const { ctx } = this;
    const { provider, sender } = ctx;
    let polls = 0;
    let waitingSaid = false;
    let giveUpAt = Number.POSITIVE_INFINITY;
    const pause = (ms: number) => (ctx.stopped() ? delay(Math.min(ms, 200)) : ctx.sleep(ms));
    while (Date.now() < giveUpAt) {
      if (ctx.stopped() && giveUpAt === Number.POSITIVE_INFINITY) giveUpAt = Date.now() + STOP_GRACE_MS;
      try {
        if (sent.hash) {
          const receipt = await provider.getTransactionReceipt(sent.hash);
          if (receipt) {
            ctx.health.ok();
            return this.fromReceipt(receipt, sent.hash);
          }
        }
        if (!sent.hash || !sent.certain || ++polls % RECEIPT_POLLS_PER_NONCE_CHECK === 0) {
          const [mined, pending] = await Promise.all([
            provider.getTransactionCount(sender, "latest"),
            provider.getTransactionCount(sender, "pending"),
          ]);
          ctx.health.ok();
          if (mined > sent.nonce) {
            const receipt = sent.hash ? await provider.getTransactionReceipt(sent.hash) : null;
            return receipt ? this.fromReceipt(receipt, sent.hash!) : this.findReward(sent);
          }
          if (pending <= sent.nonce) return ctx.stopped() ? { kind: "stopped" } : "resend";
          if (!waitingSaid) ctx.log("[miner] the transaction is in the node's pool; waiting for it to be mined");
          waitingSaid = true;
        } else ctx.health.ok();
        await pause(ctx.pollMs);
      } catch (error) {
        const failure = classifyFailure(error, ctx.contract.interface);
        ctx.count(failure);
        await pause(ctx.health.failed(failure, "Waiting to learn the transaction's outcome from the chain"));
      }
    }
    return { kind: "stopped" };
  }

  private fromReceipt(
    receipt: {
      status: number | null;
      blockNumber: number;
      logs: readonly { topics: readonly string[]; data: string }[];
    },
    txHash: string,
  ): SubmissionOutcome {
    if (receipt.status !== 1) return { kind: "reverted", txHash };
    for (const entry of receipt.logs) {
      const parsed = parseLogOrNull(this.ctx.contract, entry);
      if (parsed?.name === "Mint" && String(parsed.args.from).toLowerCase() === this.ctx.miner) {
        const epoch = BigInt(parsed.args.epochCount) - 1n;
        return { kind: "won", rewardWei: BigInt(parsed.args.rewardAmount), epoch, block: receipt.blockNumber, txHash };
      }
    }
    return { kind: "lost" };
  }

  /** Waits until none of the account's transactions is pending, then asks the chain who won the epoch. */
  private async settleAndFind(sent: Sent): Promise<SubmissionOutcome> {
    const { ctx } = this;
    while (!ctx.stopped()) {
      try {
        const [mined, pending] = await Promise.all([
          ctx.provider.getTransactionCount(ctx.sender, "latest"),
          ctx.provider.getTransactionCount(ctx.sender, "pending"),
        ]);
        if (pending <= mined) return await this.findReward(sent);
        await ctx.sleep(ctx.pollMs);
      } catch (error) {
        const failure = classifyFailure(error, ctx.contract.interface);
        ctx.count(failure);
        await ctx.sleep(ctx.health.failed(failure, "Waiting to learn the transaction's outcome from the chain"));
      }
    }
    return { kind: "stopped" };
  }

  /** This miner's Mint event for the solution's epoch since the send, in ranges public endpoints accept. */
  private async findReward(sent: Sent): Promise<SubmissionOutcome> {
    const { ctx } = this;
    for (;;) {
      try {
        const address = await ctx.contract.getAddress();
        const topic = ctx.contract.interface.getEvent("Mint")!.topicHash;
        const latest = await ctx.provider.getBlockNumber();
        for (let from = sent.fromBlock; from <= latest; from += LOG_RANGE) {
          const logs = await ctx.provider.getLogs({
            address,
            topics: [topic, zeroPadValue(ctx.miner, 32)],
            fromBlock: from,
            toBlock: Math.min(latest, from + LOG_RANGE - 1),
          });
          for (const entry of logs) {
            const parsed = parseLogOrNull(ctx.contract, entry);
            if (parsed && BigInt(parsed.args.epochCount) - 1n === this.held.epoch) {
              ctx.health.ok();
              ctx.log(
                `[miner] found on chain: the reward for epoch ${this.held.epoch} is ours (tx ${entry.transactionHash})`,
              );
              const reward = BigInt(parsed.args.rewardAmount);
              return {
                kind: "won",
                rewardWei: reward,
                epoch: this.held.epoch,
                block: entry.blockNumber,
                txHash: entry.transactionHash,
              };
            }
          }
        }
        ctx.health.ok();
        return { kind: "lost" };
      } catch (error) {
        if (ctx.stopped()) return { kind: "stopped" };
        const failure = classifyFailure(error, ctx.contract.interface);
        ctx.count(failure);
        await ctx.sleep(ctx.health.failed(failure, "Looking up the epoch's reward on chain"));
      }
    }
  }

  private method() {
    return this.ctx.beneficiary ? this.ctx.contract.getFunction("mintTo") : this.ctx.contract.getFunction("mint");
  }

  private args(): [bigint, string] {
    const { solution } = this.held;
    return this.ctx.beneficiary ? [solution.nonce, this.ctx.beneficiary] : [solution.nonce, solution.digest];
  }
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Broadcasts with the signer; node-signed accounts (eth_sendTransaction) give only the hash back. */
async function sendAndGetHash(signer: Signer, request: TransactionRequest): Promise<string> {
  const unchecked = (signer as Partial<{ sendUncheckedTransaction(tx: TransactionRequest): Promise<string> }>)
    .sendUncheckedTransaction;
  if (typeof unchecked === "function") return unchecked.call(signer, request);
  return (await signer.sendTransaction(request)).hash;
}

function parseLogOrNull(contract: MiningContract, entry: { topics: readonly string[]; data: string }) {
  try {
    return contract.interface.parseLog(entry);
  } catch {
    return null;
  }
}
