// The one read a miner needs per poll: NumiCoin.miningState(), typed.
import type { MiningContract, RawMiningState } from "./contract";

/** The same fields as the contract returns, as a plain object with the challenge in lower case. */
export type MiningState = RawMiningState;

export async function readMiningState(contract: MiningContract): Promise<MiningState> {
  const s = await contract.miningState();
  return {
    challenge: String(s.challenge).toLowerCase(),
    target: BigInt(s.target),
    difficulty: BigInt(s.difficulty),
    reward: BigInt(s.reward),
    epoch: BigInt(s.epoch),
    era: BigInt(s.era),
    minted: BigInt(s.minted),
    targetEpochTime: BigInt(s.targetEpochTime),
    poolShareBps: BigInt(s.poolShareBps),
    paused: Boolean(s.paused),
  };
}
