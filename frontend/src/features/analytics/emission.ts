// NumiCoin's emission schedule in TypeScript, mirroring contracts/libraries/Emission.sol (docs/adr/0012): 50 NUMI
// per epoch, halving every HALVING_INTERVAL epochs, under the MAX_SUPPLY cap. The constants come from the
// generated @numi/contracts/constants, so a change of the contract shows up here.
import { NumiCoin } from "@numi/contracts/constants";

export const MAX_SUPPLY = NumiCoin.MAX_SUPPLY;
export const HALVING_INTERVAL = NumiCoin.HALVING_INTERVAL;
const INITIAL_REWARD = 50n * 10n ** 18n;

/** NUMI wei minted by the first `epochs` rewards: Emission.supplyAfter. */
export function supplyAfter(epochs: bigint): bigint {
  const completedEras = epochs / HALVING_INTERVAL;
  const into = epochs % HALVING_INTERVAL;
  let perEpoch = INITIAL_REWARD;
  let total = 0n;
  for (let e = 0n; e < completedEras && perEpoch !== 0n; e++) {
    total += HALVING_INTERVAL * perEpoch;
    perEpoch >>= 1n;
  }
  return total + into * perEpoch;
}

/** The schedule at each era boundary, eras 0..`eras` (piecewise linear between them, so these points are exact). */
export function schedulePoints(eras = 33): { epoch: bigint; supply: bigint }[] {
  return Array.from({ length: eras + 1 }, (_, i) => {
    const epoch = BigInt(i) * HALVING_INTERVAL;
    return { epoch, supply: supplyAfter(epoch) };
  });
}
