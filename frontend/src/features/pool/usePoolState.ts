"use client";
import { contracts } from "@/config/contracts";
import { callView } from "@/lib/contractRead";
import { useReads } from "@/hooks/useReads";
import type { Client } from "viem";

/** The read behind usePoolState (also driven by tests/unit/rpcBudget.test.ts). */
export function readPoolState(client: Client) {
  const { pool } = contracts();
  return callView(client, { ...pool, functionName: "poolState" });
}

/** The staking pool's figures: total staked, reward rate, stream period, fee, pause. */
export function usePoolState() {
  return useReads(["poolState"], readPoolState);
}
