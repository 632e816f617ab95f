// Gas figures a client needs before it can ask a node for an estimate. Maintained by hand; the tests named beside
// each figure fail when the contracts outgrow it.

/**
 * The most gas one `MiningPool.stakeWithPermit` uses: a first stake with a fresh permit, a permit a front-runner
 * already spent, and a stake that also starts a new reward stream. A permit stake cannot be estimated before its
 * signature exists, so the dApp's review prices this much (test/MiningPool/permitGas.test.ts keeps it within 10%
 * of the dearest of those cases, and never below it).
 */
export const PERMIT_STAKE_GAS = 193_076n;
