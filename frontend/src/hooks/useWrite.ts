"use client";
// The one write path of the app: simulate, refuse the wrong chain and offline use, and track the transaction
// to a receipt. Its own module so the read-only pages (the dashboard, the first load) never carry viem's
// wallet and signing code; permit signatures are in usePermitSignature.ts.
import { useCallback, useRef, useState } from "react";
import { useConfig } from "wagmi";
import { simulateContract, waitForTransactionReceipt, writeContract, type SimulateContractParameters } from "wagmi/actions";
import type { Abi, Address, Hash, TransactionReceipt } from "viem";
import { useQueryClient } from "@tanstack/react-query";
import { allAbis } from "@/config/allAbis";
import { TARGET_CHAIN_ID, explorerUrl, targetChain } from "@/config/chains";
import { describeError, type DescribedError } from "@/lib/errors";
import { useOnline } from "@/hooks/useOnline";
import { useWallet } from "@/hooks/useWallet";

export type TxStep = "idle" | "checking" | "retrying" | "confirm" | "pending" | "confirmed" | "reverted" | "failed" | "cancelled";

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

const RETRIES = 3;

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

/**
 * One write: refuse (offline, not connected, wrong chain) -> simulate -> "confirm in wallet" -> "pending"
 * (with explorer link) -> "confirmed" or "reverted". A reverted receipt is never reported as success.
 */
export function useWrite() {
  const config = useConfig();
  const { address, onTargetChain, isConnected } = useWallet();
  const online = useOnline();
  const [state, setRawState] = useState<TxState>({ step: "idle" });
  const seq = useRef(0);
  const setState = useCallback((next: TxState) => setRawState({ ...next, seq: seq.current }), []);
  const busy = useRef(false);
  const queryClient = useQueryClient();

  const write = useCallback(
    async (req: WriteRequest): Promise<TransactionReceipt | undefined> => {
      if (busy.current) return undefined;
      if (!req.continues) seq.current += 1;
      const fail = (error: DescribedError, step: TxStep = "failed") => {
        setState({ step, label: req.label, error });
        return undefined;
      };
      if (!online) return fail({ kind: "network", message: "You are offline. Nothing is sent or queued while offline." });
      if (!isConnected || !address) return fail({ kind: "unknown", message: "Connect a wallet first." });
      if (!onTargetChain) {
        return fail({ kind: "wrong-chain", message: `Your wallet is on another network. Switch to ${targetChain().name} first.` });
      }
      busy.current = true;
      try {
        setState({ step: "checking", label: req.label });
        const call: SimulateContractParameters = { address: req.address, abi: req.abi, functionName: req.functionName, args: req.args, account: address, chainId: TARGET_CHAIN_ID };
        const sim = await withRetry(
          () => simulateContract(config, call),
          (attempt) => setState({ step: "retrying", label: req.label, attempt }),
        );
        setState({ step: "confirm", label: req.label });
        const hash = await writeContract(config, sim.request);
        const base = explorerUrl(TARGET_CHAIN_ID);
        const explorer = base ? `${base}/tx/${hash}` : undefined;
        setState({ step: "pending", label: req.label, hash, explorer });
        const receipt = await withRetry(
          () => waitForTransactionReceipt(config, { hash, chainId: TARGET_CHAIN_ID }),
          (attempt) => setState({ step: "retrying", label: req.label, hash, explorer, attempt }),
        );
        await queryClient.invalidateQueries();
        if (receipt.status !== "success") {
          setState({ step: "reverted", label: req.label, hash, explorer, receipt, error: { kind: "revert", message: "The transaction was included but reverted: nothing changed except the gas paid." } });
          return undefined;
        }
        setState({ step: "confirmed", label: req.label, hash, explorer, receipt });
        return receipt;
      } catch (err) {
        const described = describeError(err, allAbis);
        return fail(described, described.kind === "cancelled" ? "cancelled" : "failed");
      } finally {
        busy.current = false;
      }
    },
    [config, address, onTargetChain, isConnected, online, queryClient, setState],
  );

  /** Starts an action whose first step is a signature outside `write` (shown as "confirm in wallet"). */
  const begin = useCallback((label: string) => {
    seq.current += 1;
    setState({ step: "confirm", label });
  }, [setState]);
  /** Ends an action that failed before `write` (e.g. the signature was refused). */
  const abort = useCallback((label: string, error: DescribedError) => {
    setState({ step: error.kind === "cancelled" ? "cancelled" : "failed", label, error });
  }, [setState]);
  const reset = useCallback(() => setState({ step: "idle" }), [setState]);
  const inFlight = ["checking", "retrying", "confirm", "pending"].includes(state.step);
  return { write, begin, abort, state, reset, inFlight };
}
