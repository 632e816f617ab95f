// Expected work per solution, shared by the CLI status line, the docs and the dApp.

/** Expected hashes per solution at `target`: 2^256 / (target + 1) (each hash succeeds with that probability). */
export function expectedHashes(target: bigint): number {
  if (target < 0n) throw new Error("target must be non-negative");
  return 2 ** 256 / Number(target + 1n); // a float: relative error ~1e-16, far below the randomness of mining
}
