// The state machine behind useWrite, free of React and wagmi so each transition can be tested on its own
// (tests/unit/useWrite.test.ts). useWrite binds it to the wallet, wagmi's actions and React state.
//
//   write: refused (offline, no wallet, wrong chain) -> "failed"
//          "checking" (simulation, then the fee against the ETH balance) --network--> "retrying" ...
//            --revert--> "failed" (decoded custom error); --ETH short of the fee--> "failed" (before the wallet)
//          -> "confirm" (in the wallet) --refused--> "cancelled", --other error--> "failed"
//          -> "pending" (hash, explorer link) --network--> "retrying" ...
//          -> "confirmed" (success receipt) or "reverted" (included but reverted: never reported as success)
//   begin -> "confirm" (a signature outside write); abort -> "cancelled" or "failed"; reset -> "idle"
import type { Abi, Address, Hash, TransactionReceipt } from "viem";
import { allAbis } from "@/config/allAbis";
import { describeError, type DescribedError } from "@/lib/errors";
import { ethAmount } from "@/lib/format";

export type TxStep =
  "idle" | "checking" | "retrying" | "confirm" | "pending" | "confirmed" | "reverted" | "failed" | "cancelled";

export interface TxState {
  step: TxStep;
  /** Increases with every new action, so a status line can never be mistaken for the previous one's. */
  seq?: number;
  label?: string;
  hash?: Hash;
  explorer?: string;
  error?: DescribedError;
  attempt?: number;
  receipt?: TransactionReceipt;
  /** The most the network fee can cost (gas estimate x max fee per gas), in wei, once known. */
  fee?: bigint;
}

/** The network fee of a prepared transaction and what the account holds to pay it, both in wei. */
export interface FeeCheck {
  fee: bigint;
  balance: bigint;
}

export interface WriteRequest {
  address: Address;
  abi: Abi;
  functionName: string;
  args?: readonly unknown[];
  /** What the user is doing, for the status line ("Send 5 NUMI"). */
  label: string;
  /** Part of an action already started with `begin` (a permit signature before the stake). */
  continues?: boolean;
}

/** The wallet and the network as they are when a write starts. */
export interface WalletStatus {
  online: boolean;
  isConnected: boolean;
  address?: Address;
  onTargetChain: boolean;
}

/** What a write needs from outside: useWrite passes wagmi's actions, tests pass fakes. */
export interface WriteEnv<Prepared> {
  status(): WalletStatus;
  /** Simulates the call from `account`; resolves with what `send` needs, or throws (a revert, the network). */
  simulate(req: WriteRequest, account: Address): Promise<Prepared>;
  /** Asks the wallet to sign and send; resolves with the transaction hash. */
  send(prepared: Prepared): Promise<Hash>;
  /** The fee the transaction may cost and the account's ETH; without it no fee is checked or shown. */
  fee?(prepared: Prepared, account: Address): Promise<FeeCheck>;
  waitForReceipt(hash: Hash): Promise<TransactionReceipt>;
  /** Refetches every read once the transaction is in a block (succeeded or reverted). */
  refresh(): Promise<void>;
  /** The chain the app acts on: its name for the wrong-network message, its explorer for the link. */
  chain: { name: string; explorer?: string };
}

/** Attempts of a step that fails for network reasons (the RPC did not answer); 600 ms, then 1200 ms apart. */
export const RETRIES = 3;

const IN_FLIGHT: readonly TxStep[] = ["checking", "retrying", "confirm", "pending"];

/** Whether a write is under way (the page disables its actions meanwhile). */
export function isInFlight(step: TxStep): boolean {
  return IN_FLIGHT.includes(step);
}

async function withRetry<T>(run: () => Promise<T>, onRetry: (attempt: number) => void): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      if (attempt >= RETRIES || describeError(err, allAbis).kind !== "network") throw err;
      onRetry(attempt);
      await new Promise((r) => setTimeout(r, 600 * attempt));
    }
  }
}

/** What an account that cannot pay the fee needs and what it has (the review says it before anything is signed). */
export function ethShortfall({ fee, balance }: FeeCheck): string {
  return `You need about ${ethAmount(fee)} for the network fee; you have ${ethAmount(balance)}.`;
}

/** The sentence for a write refused because the account cannot pay the fee. */
export function notEnoughEth(check: FeeCheck): string {
  return `${ethShortfall(check)} Add ETH to this account, then try again. Nothing was sent.`;
}

/** One page's writes, one at a time: every state is passed to `onState`. */
export function createWriteFlow<Prepared>(env: WriteEnv<Prepared>, onState: (state: TxState) => void) {
  let seq = 0;
  let busy = false;
  let lastError: DescribedError | undefined;
  const setState = (next: TxState) => onState({ ...next, seq });

  /** Resolves with the receipt of a successful transaction, otherwise undefined (the state says why). */
  async function write(req: WriteRequest): Promise<TransactionReceipt | undefined> {
    if (busy) return undefined;
    if (!req.continues) seq += 1;
    lastError = undefined;
    const fail = (error: DescribedError, step: TxStep = "failed") => {
      lastError = error;
      setState({ step, label: req.label, error });
      return undefined;
    };
    const { online, isConnected, address, onTargetChain } = env.status();
    if (!online) return fail({ kind: "network", message: "You are offline. Nothing is sent or queued while offline." });
    if (!isConnected || !address) return fail({ kind: "unknown", message: "Connect a wallet first." });
    if (!onTargetChain) {
      return fail({
        kind: "wrong-chain",
        message: `Your wallet is on another network. Switch to ${env.chain.name} first.`,
      });
    }
    busy = true;
    try {
      setState({ step: "checking", label: req.label });
      const prepared = await withRetry(
        () => env.simulate(req, address),
        (attempt) => setState({ step: "retrying", label: req.label, attempt }),
      );
      let fee: bigint | undefined;
      if (env.fee) {
        const check = await withRetry(
          () => env.fee!(prepared, address),
          (attempt) => setState({ step: "retrying", label: req.label, attempt }),
        );
        if (check.balance < check.fee) return fail({ kind: "funds", message: notEnoughEth(check) });
        fee = check.fee;
      }
      setState({ step: "confirm", label: req.label, fee });
      const hash = await env.send(prepared);
      const explorer = env.chain.explorer ? `${env.chain.explorer}/tx/${hash}` : undefined;
      setState({ step: "pending", label: req.label, hash, explorer });
      const receipt = await withRetry(
        () => env.waitForReceipt(hash),
        (attempt) => setState({ step: "retrying", label: req.label, hash, explorer, attempt }),
      );
      await env.refresh();
      if (receipt.status !== "success") {
        setState({
          step: "reverted",
          label: req.label,
          hash,
          explorer,
          receipt,
          error: {
            kind: "revert",
            message: "The transaction was included but reverted: nothing changed except the gas paid.",
          },
        });
        return undefined;
      }
      setState({ step: "confirmed", label: req.label, hash, explorer, receipt });
      return receipt;
    } catch (err) {
      const described = describeError(err, allAbis);
      return fail(described, described.kind === "cancelled" ? "cancelled" : "failed");
    } finally {
      busy = false;
    }
  }

  return {
    write,
    /** Why the last write failed (its custom error's name among others), read right after it returned undefined. */
    lastError: () => lastError,
    /** Starts an action whose first step is a signature outside `write` (shown as "confirm in wallet"). */
    begin(label: string) {
      seq += 1;
      setState({ step: "confirm", label });
    },
    /** Ends an action that failed before `write` (e.g. the signature was refused). */
    abort(label: string, error: DescribedError) {
      setState({ step: error.kind === "cancelled" ? "cancelled" : "failed", label, error });
    },
    reset() {
      setState({ step: "idle" });
    },
  };
}
