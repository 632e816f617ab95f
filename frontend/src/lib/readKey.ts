// Query keys of chain reads, apart from the read code itself: the layout's live-block refresh needs only the key,
// and keeping it here keeps contractRead (and viem's ABI coder) out of the layout's startup chunk.
/** The first part of every read's query key: the live-block refresh invalidates the queries that carry it. */
export const READ_KEY = "chainRead";

/** A query key for reads: bigints become strings, because query keys are hashed as JSON. */
export function readKey(chainId: number, ...parts: unknown[]): readonly unknown[] {
  return [READ_KEY, chainId, ...parts.map((p) => (typeof p === "bigint" ? `${p}n` : p))];
}
