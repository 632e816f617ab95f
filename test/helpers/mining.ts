// Proof-of-work helpers: a real nonce search in TypeScript against the contract's own challenge and target.
import { ethers } from "hardhat";
import { AbiCoder, dataSlice, getBytes, keccak256, solidityPackedKeccak256, zeroPadBytes } from "ethers";

import { NumiCoin } from "@numi/contracts";

export const { MAX_TARGET, MIN_TARGET } = NumiCoin;
/** Test deployments start at MAX_TARGET >> 4: about 256 hashes per solution, a few milliseconds in TypeScript. */
export const TEST_TARGET = MAX_TARGET >> 4n;

export interface Solution {
  nonce: bigint;
  digest: string; // bytes32 hex
  tries: number;
}

interface Mineable {
  getChallengeNumber(): Promise<string>;
  getMiningTarget(): Promise<bigint>;
}

/** keccak256(abi.encodePacked(challenge, miner, nonce)): the EIP-918 digest, as the contract computes it. */
export function digestOf(challenge: string, miner: string, nonce: bigint): string {
  return solidityPackedKeccak256(["bytes32", "address", "uint256"], [challenge, miner, nonce]);
}

/**
 * Searches nonces `from`, `from + 1`, ... until keccak256(challenge ‖ miner ‖ nonce) <= target. The 84-byte
 * preimage is built once and only the nonce's low 6 bytes are rewritten per try (nonces stay below 2^48).
 */
export function solve(challenge: string, miner: string, target: bigint, from = 0n, maxTries = 5_000_000): Solution {
  const buf = new Uint8Array(84);
  buf.set(getBytes(challenge), 0);
  buf.set(getBytes(miner), 32);
  for (let i = 0; i < maxTries; i++) {
    const nonce = from + BigInt(i);
    let n = Number(nonce);
    for (let b = 83; b >= 78; b--) {
      buf[b] = n % 256;
      n = Math.floor(n / 256);
    }
    const digest = keccak256(buf);
    if (BigInt(digest) <= target) return { nonce, digest, tries: i + 1 };
  }
  throw new Error(`no solution within ${maxTries} tries`);
}

/** Reads the current challenge and target from `coin` and solves them for `miner`. */
export async function solveFor(coin: Mineable, miner: string, from = 0n): Promise<Solution> {
  const [challenge, target] = await Promise.all([coin.getChallengeNumber(), coin.getMiningTarget()]);
  return solve(challenge, miner, target, from);
}

/** Searches for a nonce whose digest is ABOVE the target (an invalid solution), for the SolutionAboveTarget path. */
export function findAboveTarget(challenge: string, miner: string, target: bigint): Solution {
  for (let nonce = 0n; ; nonce++) {
    const digest = digestOf(challenge, miner, nonce);
    if (BigInt(digest) > target) return { nonce, digest, tries: Number(nonce) + 1 };
  }
}

/** The latest block's timestamp. */
export async function latestTimestamp(): Promise<number> {
  const block = await ethers.provider.getBlock("latest");
  if (!block) throw new Error("no latest block");
  return block.timestamp;
}

/**
 * The challenge NumiCoin derives for the block `blockNumber` from `previous`: the first 12 bytes of
 * keccak256(abi.encode(chainid, coin, previous, blockhash(blockNumber - 1))), zero-padded on the right to bytes32.
 */
export async function expectedChallenge(coinAddress: string, previous: string, blockNumber: number): Promise<string> {
  const parent = await ethers.provider.getBlock(blockNumber - 1);
  if (!parent?.hash) throw new Error(`no block ${blockNumber - 1}`);
  const { chainId } = await ethers.provider.getNetwork();
  const hash = keccak256(
    AbiCoder.defaultAbiCoder().encode(
      ["uint256", "address", "bytes32", "bytes32"],
      [chainId, coinAddress, previous, parent.hash],
    ),
  );
  return zeroPadBytes(dataSlice(hash, 0, 12), 32);
}

/** The timestamp of block `blockNumber`. */
export async function blockTimestamp(blockNumber: number): Promise<number> {
  const block = await ethers.provider.getBlock(blockNumber);
  if (!block) throw new Error(`no block ${blockNumber}`);
  return block.timestamp;
}
