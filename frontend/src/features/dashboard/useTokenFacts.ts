"use client";
import { contracts } from "@/config/contracts";
import { callView } from "@/lib/contractRead";
import { useReads } from "@/hooks/useReads";

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
