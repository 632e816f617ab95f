"use client";
import type { Client } from "viem";
import { contracts } from "@/config/contracts";
import { callView } from "@/lib/contractRead";
import { useReads } from "@/hooks/useReads";

/** The read behind useTokenFacts (also driven by tests/unit/rpcBudget.test.ts). */
export async function readTokenFacts(client: Client) {
  const { numi } = contracts();
  const [maxSupply, halvingInterval] = await Promise.all([
    callView(client, { ...numi, functionName: "MAX_SUPPLY" }),
    callView(client, { ...numi, functionName: "HALVING_INTERVAL" }),
  ]);
  return { maxSupply, halvingInterval };
}

/** Query options of useTokenFacts: "static", not Infinity, so the constants are not read again on every block. */
export const TOKEN_FACTS_OPTIONS = { staleTime: "static" } as const;

/** Constants of the token: the supply cap and the halving interval (in epochs). */
export function useTokenFacts() {
  return useReads(["tokenFacts"], readTokenFacts, TOKEN_FACTS_OPTIONS);
}
