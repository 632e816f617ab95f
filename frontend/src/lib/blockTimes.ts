// Block times for rows read from logs (a log carries its block number, not its time): one eth_getBlockByNumber per
// block not seen before, kept for the session, as a block's time never changes once it is final enough to show.
import type { Client } from "viem";
import { getBlock } from "viem/actions";

const known = new Map<string, number>();

/** The time (Unix seconds) of each of `blocks` on the client's chain. */
export async function blockTimes(client: Client, blocks: readonly bigint[]): Promise<Map<bigint, number>> {
  const key = (b: bigint) => `${client.chain?.id}-${b}`;
  const missing = [...new Set(blocks)].filter((b) => !known.has(key(b)));
  await Promise.all(
    missing.map(async (blockNumber) =>
      known.set(key(blockNumber), Number((await getBlock(client, { blockNumber })).timestamp)),
    ),
  );
  return new Map(blocks.map((b) => [b, known.get(key(b))!]));
}
