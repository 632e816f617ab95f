// Network statistics from the target alone. A digest is a uniform 256-bit number and a solution needs
// digest <= target, so one hash succeeds with probability (target + 1) / 2^256: a solution takes
// 2^256 / (target + 1) hashes on average, and an epoch of `duration` seconds shows that many hashes per
// `duration` seconds of the whole network's work.
const TWO_256 = 1n << 256n;

/** Expected hashes per solution at `target`: 2^256 / (target + 1), rounded down. */
export function expectedHashes(target: bigint): bigint {
  return TWO_256 / (target + 1n);
}

/** Estimated network hash rate in hashes per second, or null when the duration is unknown or zero. */
export function hashRate(target: bigint, duration: bigint | null): bigint | null {
  return duration === null || duration <= 0n ? null : expectedHashes(target) / duration;
}
