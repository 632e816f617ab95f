"use client";
import { useBlock } from "wagmi";
import { TARGET_CHAIN_ID } from "@/config/chains";

/** The latest block's timestamp (the governor's clock), for countdowns that stay right on a local chain. */
export function useChainTime(): bigint | undefined {
  const { data } = useBlock({ chainId: TARGET_CHAIN_ID, watch: true });
  return data?.timestamp;
}
