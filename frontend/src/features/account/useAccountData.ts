"use client";
import type { Address } from "viem";
import { contracts } from "@/config/contracts";
import { callView } from "@/lib/contractRead";
import { useReads } from "@/hooks/useReads";

/** Balance, position, votes, delegate and pool allowance of one account (the dashboard, send, pool and governance pages). */
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
  return {
    ...result,
    balance: d?.balance,
    position: d?.position,
    votes: d?.votes,
    delegate: d?.delegate,
    allowance: d?.allowance,
  };
}
