// The keeper of the pull-funded pool: NUMI minted to MiningPool streams to stakers only from the next interaction
// with the pool, so on a quiet pool rewards wait. When they have waited longer than a threshold, the keeper calls
// the permissionless `sync()` from its own key, at a bounded gas price and at most once per period. Every decision
// that changes is logged (a skip is logged once, not on every tick), and every transaction with its cost.
import {
  Interface,
  Transaction,
  Wallet,
  formatEther,
  formatUnits,
  parseUnits,
  type Provider,
  type TransactionReceipt,
} from "ethers";
import { MiningPoolAbi } from "@numi/contracts";
import { unstreamedSeconds, type Snapshot } from "./monitor";

const POOL = new Interface(MiningPoolAbi);
const RECEIPT_TIMEOUT_MS = 120_000;

/** Polls for the receipt (every provider has getTransactionReceipt; not all can wait). Null after the timeout. */
async function receiptOf(provider: Provider, hash: string, timeoutMs: number): Promise<TransactionReceipt | null> {
  for (const end = Date.now() + timeoutMs; Date.now() < end; await new Promise((r) => setTimeout(r, 500))) {
    const receipt = await provider.getTransactionReceipt(hash).catch(() => null);
    if (receipt) return receipt;
  }
  return null;
}

/** The environment variable holding the keeper's private key (never a flag: flags end up in shell history). */
export const KEEPER_KEY_VAR = "NUMI_KEEPER_KEY";

export interface KeeperOptions {
  /** Seconds unstreamed NUMI may wait before the keeper syncs. */
  afterSeconds: number;
  /** Fewest seconds between two syncs sent by this keeper. */
  periodSeconds: number;
  /** Highest max fee per gas the keeper pays, in gwei. */
  maxGasGwei: number;
}

export interface KeeperEvents {
  log: (line: string) => void;
  /** A sync() was mined at this Unix time. */
  synced: (at: number) => void;
}

/** The keeper's wallet from NUMI_KEEPER_KEY, or an error that says what to set. */
export function keeperWallet(env: NodeJS.ProcessEnv, provider: Provider): Wallet {
  const key = env[KEEPER_KEY_VAR]?.trim();
  if (!key) throw new Error(`--keeper needs the keeper's private key in the environment variable ${KEEPER_KEY_VAR}`);
  try {
    return new Wallet(key.startsWith("0x") ? key : `0x${key}`, provider);
  } catch {
    throw new Error(`${KEEPER_KEY_VAR} is not a private key (expected 64 hexadecimal digits, optionally after 0x)`);
  }
}

/** The options as given on the command line, refused with the reason when one makes no sense. */
export function checkKeeperOptions(o: KeeperOptions): KeeperOptions {
  if (!(o.afterSeconds >= 0)) throw new Error(`--keeper-after must be 0 or more seconds, got ${o.afterSeconds}`);
  if (!(o.periodSeconds > 0)) throw new Error(`--keeper-period must be more than 0 seconds, got ${o.periodSeconds}`);
  if (!(o.maxGasGwei > 0)) throw new Error(`--keeper-max-gwei must be more than 0, got ${o.maxGasGwei}`);
  return o;
}

export class Keeper {
  private lastSentAt: number | null = null;
  private lastNote = "";

  constructor(
    private readonly wallet: Wallet,
    private readonly options: KeeperOptions,
    private readonly events: KeeperEvents,
  ) {}

  get address(): string {
    return this.wallet.address;
  }

  /** Logs a decision not to act (`reason`) once, until the decision changes. */
  private note(reason: "period" | "gas", line: string): void {
    if (reason !== this.lastNote) this.events.log(`keeper: ${line}`);
    this.lastNote = reason;
  }

  /** Looks at a snapshot and syncs when the pool's rewards have waited too long. Never throws. */
  async tick(s: Snapshot, now = Math.floor(Date.now() / 1000)): Promise<"synced" | "idle" | "skipped" | "failed"> {
    const waited = unstreamedSeconds(s);
    if (s.pool.unsynced === 0n || waited <= this.options.afterSeconds) {
      this.lastNote = "";
      return "idle";
    }
    const what = `${formatEther(s.pool.unsynced)} NUMI has waited ${waited}s (over --keeper-after ${this.options.afterSeconds}s)`;
    if (this.lastSentAt !== null && now - this.lastSentAt < this.options.periodSeconds) {
      const left = this.options.periodSeconds - (now - this.lastSentAt);
      this.note(
        "period",
        `${what}; the last sync() was sent ${now - this.lastSentAt}s ago: next one possible in ${left}s`,
      );
      return "skipped";
    }
    try {
      const cap = parseUnits(this.options.maxGasGwei.toFixed(9), "gwei");
      const provider = this.wallet.provider!;
      const fees = await provider.getFeeData();
      const base = (await provider.getBlock("latest"))?.baseFeePerGas ?? fees.gasPrice ?? 0n;
      if (base > cap) {
        this.note("gas", `${what}; base fee ${formatUnits(base, "gwei")} gwei is above --keeper-max-gwei: waiting`);
        return "skipped";
      }
      const tip = fees.maxPriorityFeePerGas ?? 0n;
      this.lastSentAt = now; // before sending: a failure must not make it retry before the period is over
      // Signed first, so that its hash is known: after a lost reply the chain, not a guess, says if it went out.
      const signed = await this.wallet.signTransaction(
        await this.wallet.populateTransaction({
          to: s.poolAddress,
          data: POOL.encodeFunctionData("sync"),
          maxFeePerGas: cap,
          maxPriorityFeePerGas: tip < cap ? tip : cap,
        }),
      );
      const hash = Transaction.from(signed).hash!;
      this.events.log(`keeper: ${what}: sending sync() from ${this.wallet.address} in ${hash}`);
      try {
        await provider.broadcastTransaction(signed);
      } catch (err) {
        if (!(await provider.getTransaction(hash))) throw err;
        this.events.log(`keeper: the RPC failed to answer, but it has ${hash}: waiting for it`);
      }
      const receipt = await receiptOf(provider, hash, RECEIPT_TIMEOUT_MS);
      if (!receipt || receipt.status !== 1) {
        this.events.log(
          `keeper: sync() ${hash} ${receipt ? "reverted" : `was not mined in ${RECEIPT_TIMEOUT_MS / 1000} s`}`,
        );
        return "failed";
      }
      const cost = receipt.gasUsed * receipt.gasPrice;
      this.events.log(
        `keeper: sync() mined in block ${receipt.blockNumber}, ${receipt.gasUsed} gas, cost ${formatEther(cost)} ETH`,
      );
      this.lastNote = "";
      this.events.synced(now);
      return "synced";
    } catch (err) {
      this.events.log(`keeper: sync() failed: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`);
      return "failed";
    }
  }
}
