"use client";
import { contracts } from "@/config/contracts";
import { callView } from "@/lib/contractRead";
import { useReads } from "@/hooks/useReads";

/** The token's mining state: challenge, target, epoch, reward, supply minted, pause. */
export function useMiningState() {
  const { numi } = contracts();
  return useReads(["miningState"], (client) => callView(client, { ...numi, functionName: "miningState" }));
}
