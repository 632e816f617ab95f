"use client";
import { contracts } from "@/config/contracts";
import { callView } from "@/lib/contractRead";
import { useReads } from "@/hooks/useReads";

/** The staking pool's figures: total staked, reward rate, stream period, fee, pause. */
export function usePoolState() {
  const { pool } = contracts();
  return useReads(["poolState"], (client) => callView(client, { ...pool, functionName: "poolState" }));
}
