"use client";
// The one write path of the app: simulate, refuse the wrong chain and offline use, and track the transaction
// to a receipt. Its own module so the read-only pages (the dashboard, the first load) never carry viem's
// wallet and signing code (docs/adr/0004-own-read-layer.md); permit signatures are in usePermitSignature.ts.
import { useLayoutEffect, useRef, useState } from "react";
import { useConfig } from "wagmi";
import {
  getPublicClient,
  simulateContract,
  waitForTransactionReceipt,
  writeContract,
  type SimulateContractParameters,
} from "wagmi/actions";
import { useQueryClient } from "@tanstack/react-query";
import { TARGET_CHAIN_ID, explorerUrl, targetChain } from "@/config/chains";
import { createWriteFlow, isInFlight, type TxState, type WalletStatus } from "@/lib/writeFlow";
import { publishTx } from "@/lib/txCenter";
import { quoteCall, type FeeCall } from "@/lib/fee";
import { useOnline } from "@/hooks/useOnline";
import { useWallet } from "@/hooks/useWallet";

/**
 * One write at a time: refuse (offline, not connected, wrong chain) -> simulate -> "confirm in wallet" ->
 * "pending" (with explorer link) -> "confirmed" or "reverted". The steps are lib/writeFlow.ts; this hook gives
 * them wagmi's actions and the wallet's current state, and keeps the latest step as React state.
 */
export function useWrite() {
  const config = useConfig();
  const queryClient = useQueryClient();
  const { address, onTargetChain, isConnected } = useWallet();
  const online = useOnline();
  const [state, setState] = useState<TxState>({ step: "idle" });
  // Each state also goes to the transaction centre, under this writer's id and the action's sequence number.
  const [writer] = useState(() => Math.random().toString(36).slice(2));
  const show = (next: TxState) => {
    setState(next);
    publishTx(`${writer}-${next.seq ?? 0}`, next);
  };
  const status = useRef<WalletStatus>({ online, isConnected, address, onTargetChain });
  useLayoutEffect(() => {
    status.current = { online, isConnected, address, onTargetChain };
  }, [online, isConnected, address, onTargetChain]);
  const [flow] = useState(() =>
    createWriteFlow(
      {
        status: () => status.current,
        simulate: async (req, account) => {
          const call: SimulateContractParameters = {
            address: req.address,
            abi: req.abi,
            functionName: req.functionName,
            args: req.args,
            account,
            chainId: TARGET_CHAIN_ID,
            // The block the transaction will land in. At "latest", a mint right after a reward (a node that makes
            // a block per transaction) is checked inside the reward's block and wrongly refused as a second
            // reward in the same block.
            blockTag: "pending",
          };
          return (await simulateContract(config, call)).request;
        },
        // What the node will demand: the gas limit times the max fee per gas must be in the account, or the
        // transaction is refused ("insufficient funds") after the user signed it.
        fee: (request, account) =>
          quoteCall(getPublicClient(config, { chainId: TARGET_CHAIN_ID })!, request as FeeCall, account),
        send: (request) => writeContract(config, request),
        waitForReceipt: (hash) => waitForTransactionReceipt(config, { hash, chainId: TARGET_CHAIN_ID }),
        refresh: () => queryClient.invalidateQueries(),
        chain: { name: targetChain().name, explorer: explorerUrl(TARGET_CHAIN_ID) },
      },
      show,
    ),
  );
  return { ...flow, state, inFlight: isInFlight(state.step) };
}
