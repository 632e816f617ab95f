"use client";
import type { Address, Client } from "viem";
import { contracts } from "@/config/contracts";
import { callView } from "@/lib/contractRead";
import { useReads } from "@/hooks/useReads";

/** The reads behind useAccountData (also driven by tests/unit/rpcBudget.test.ts). */
export async function readAccountData(client: Client, account: Address) {
  const { numi, pool } = contracts();
  const [balance, position, votes, delegate, allowance] = await Promise.all([
    callView(client, { ...numi, functionName: "balanceOf", args: [account] }),
    callView(client, { ...pool, functionName: "position", args: [account] }),
    callView(client, { ...numi, functionName: "getVotes", args: [account] }),
    callView(client, { ...numi, functionName: "delegates", args: [account] }),
    callView(client, { ...numi, functionName: "allowance", args: [account, pool.address] }),
  ]);
  return { balance, position, votes, delegate, allowance };
}

/** Balance, position, votes, delegate and pool allowance of one account (the dashboard, send, pool and governance pages). */
export function useAccountData(account: Address | undefined) {
  const result = useReads(["account", account], (client) => readAccountData(client, account!), {
    enabled: !!account,
  });
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
