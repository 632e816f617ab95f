"use client";
import { getBlock } from "viem/actions";
import { useReads } from "./useReads";

/**
 * The latest block's timestamp (the governor's clock), for countdowns that stay right on a local chain. Read
 * once per new block with the other reads (useLiveBlocks) rather than by a poller of its own.
 */
export function useChainTime(): bigint | undefined {
  const { data } = useReads(["chainTime"], async (client) => (await getBlock(client)).timestamp);
  return data;
}
