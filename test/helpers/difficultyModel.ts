// A bigint re-implementation of Difficulty.nextTarget, written from the specification in its NatSpec, so tests
// can predict the target after an epoch of any length and compare it with the contract's.
import { MAX_TARGET, MIN_TARGET } from "./mining";

const ONE = 2n ** 16n;
const HALF_LIFE_EPOCHS = 4n;
const MAX_EASE_DOUBLINGS = 2n;

export function expectedNextTarget(target: bigint, elapsed: bigint, targetEpochTime: bigint): bigint {
  const span = HALF_LIFE_EPOCHS * targetEpochTime;
  const maxElapsed = targetEpochTime + span * MAX_EASE_DOUBLINGS;
  const capped = elapsed > maxElapsed ? maxElapsed : elapsed;
  const e = ONE + (capped * ONE) / span - (targetEpochTime * ONE) / span;
  const doublings = e >> 16n;
  const x = e & (ONE - 1n);
  const factor = ONE + ((195_766_423_245_049n * x + 971_821_376n * x * x + 5_127n * x * x * x + 2n ** 47n) >> 48n);
  const next = (target * (factor << doublings)) / 2n ** 17n;
  if (next < MIN_TARGET) return MIN_TARGET;
  if (next > MAX_TARGET) return MAX_TARGET;
  return next;
}

/** Relative difference |a - b| / b as a float, for "about 2^-1/4" style checks. */
export function ratio(a: bigint, b: bigint): number {
  return Number((a * 10n ** 12n) / b) / 1e12;
}

/** NumiCoin keeps its target in 24 significant bits, rounded down (contracts/libraries/PackedTarget.sol). */
export function packedTarget(target: bigint): bigint {
  const bits = BigInt(target.toString(2).length);
  const shift = bits > 24n ? bits - 24n : 0n;
  return (target >> shift) << shift;
}

/** The target NumiCoin stores after an epoch: the controller's next target, packed. */
export function expectedStoredTarget(target: bigint, elapsed: bigint, targetEpochTime: bigint): bigint {
  return packedTarget(expectedNextTarget(target, elapsed, targetEpochTime));
}
