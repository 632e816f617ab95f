"use client";
// Reads of the target deployment: the connected account, live block updates and typed contract reads.
// Writes live in useWrite.ts, so a page only loads what it uses.
import { useEffect, useRef } from "react";
import { useBlockNumber, useConnection } from "wagmi";
import type { Address } from "viem";
import { useQueryClient } from "@tanstack/react-query";
import { contracts } from "@/config/contracts";
import { TARGET_CHAIN_ID, targetChain } from "@/config/chains";
import { READ_KEY, callView } from "@/lib/contractRead";
import { useReads } from "@/hooks/useReads";

/** The connected account and whether it is on the chain the app acts on. */
export function useWallet() {
  const { address, chainId, isConnected, status, connector } = useConnection();
  const onTargetChain = isConnected && chainId === TARGET_CHAIN_ID;
  return { address, chainId, isConnected, status, connector, onTargetChain, target: targetChain() };
}

/** Refetches every contract read when a new block arrives, so figures update live. */
export function useLiveBlocks() {
  const queryClient = useQueryClient();
  const { data: block } = useBlockNumber({ watch: true, chainId: TARGET_CHAIN_ID });
  const seen = useRef<bigint | undefined>(undefined);
  useEffect(() => {
    // The first block number only tells us where we are: the reads that just loaded are already fresh.
    const previous = seen.current;
    seen.current = block;
    if (block === undefined || previous === undefined || block === previous) return;
    queryClient.invalidateQueries({
      predicate: (q) => q.queryKey[0] === READ_KEY,
    });
  }, [block, queryClient]);
  return block;
}

export function useMiningState() {
  const { numi } = contracts();
  return useReads(["miningState"], (client) => callView(client, { ...numi, functionName: "miningState" }));
}

export function usePoolState() {
  const { pool } = contracts();
  return useReads(["poolState"], (client) => callView(client, { ...pool, functionName: "poolState" }));
}

/** Constants of the token: the supply cap and the halving interval (in epochs). */
export function useTokenFacts() {
  const { numi } = contracts();
  return useReads(
    ["tokenFacts"],
    async (client) => {
      const [maxSupply, halvingInterval] = await Promise.all([
        callView(client, { ...numi, functionName: "MAX_SUPPLY" }),
        callView(client, { ...numi, functionName: "HALVING_INTERVAL" }),
      ]);
      return { maxSupply, halvingInterval };
    },
    { staleTime: Infinity },
  );
}

/** Balance, position, votes, delegate and pool allowance of one account. */
export function useAccountData(account: Address | undefined) {
  const { numi, pool } = contracts();
  const result = useReads(
    ["account", account],
    async (client) => {
      const a = account!;
      const [balance, position, votes, delegate, allowance] = await Promise.all([
        callView(client, { ...numi, functionName: "balanceOf", args: [a] }),
        callView(client, { ...pool, functionName: "position", args: [a] }),
        callView(client, { ...numi, functionName: "getVotes", args: [a] }),
        callView(client, { ...numi, functionName: "delegates", args: [a] }),
        callView(client, { ...numi, functionName: "allowance", args: [a, pool.address] }),
      ]);
      return { balance, position, votes, delegate, allowance };
    },
    { enabled: !!account },
  );
  const d = result.data;
  return { ...result, balance: d?.balance, position: d?.position, votes: d?.votes, delegate: d?.delegate, allowance: d?.allowance };
}
