"use client";
import { contracts } from "@/config/contracts";
import { callView } from "@/lib/contractRead";
import { useReads } from "@/hooks/useReads";
import type { Client } from "viem";

/** The read behind useMiningState (also driven by tests/unit/rpcBudget.test.ts). */
export function readMiningState(client: Client) {
  const { numi } = contracts();
  return callView(client, { ...numi, functionName: "miningState" });
}

/** The token's mining state: challenge, target, epoch, reward, supply minted, pause. */
export function useMiningState() {
  return useReads(["miningState"], readMiningState);
}
