// Messages between the Mine page and its mining threads. Big numbers travel as decimal strings.
export type WorkerIn =
  | { type: "start"; challenge: string; miner: string; target: string; startNonce: string; id: number }
  | { type: "stop" };

export type WorkerOut =
  | { type: "ready"; kernel: string }
  | { type: "progress"; hashes: number; ms: number; id: number }
  | { type: "found"; nonce: string; digest: string; challenge: string; id: number };

/** Expected hashes to find a digest <= target: 2^256 / (target + 1). */
export function expectedHashes(target: bigint): number {
  if (target <= 0n) return Infinity;
  return Number((1n << 256n) / (target + 1n));
}

/** A random 256-bit starting nonce with the low 64 bits clear, so threads never overlap in practice. */
export function randomStartNonce(): bigint {
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return v << 64n;
}
