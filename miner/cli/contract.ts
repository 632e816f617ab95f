// The part of NumiCoin the miner calls, typed. typechain's NumiCoin satisfies it (the Hardhat task passes one),
// and so does any ethers Contract built from the ABI in @numi/contracts.
import type { AddressLike, BigNumberish, BytesLike, ContractRunner, Interface } from "ethers";

/** A state-changing method as ethers exposes it: simulate and estimate (the miner signs and sends itself). */
export interface SendableMethod<A extends unknown[]> {
  staticCall(...args: [...A, { blockTag: string }]): Promise<unknown>;
  estimateGas(...args: [...A, { blockTag: string }]): Promise<bigint>;
}

/** NumiCoin.miningState(), as ethers decodes it (a Result with named fields). */
export interface RawMiningState {
  challenge: string;
  target: bigint;
  difficulty: bigint;
  reward: bigint;
  epoch: bigint;
  era: bigint;
  minted: bigint;
  targetEpochTime: bigint;
  poolShareBps: bigint;
  paused: boolean;
}

export interface MiningContract {
  readonly interface: Interface;
  readonly runner: ContractRunner | null;
  getAddress(): Promise<string>;
  miningState(): Promise<RawMiningState>;
  getFunction(name: "mint"): SendableMethod<[nonce: BigNumberish, digest: BytesLike]>;
  getFunction(name: "mintTo"): SendableMethod<[nonce: BigNumberish, beneficiary: AddressLike]>;
}
