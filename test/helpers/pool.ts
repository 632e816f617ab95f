// MiningPool test helpers: a funded fixture, exact-timestamp transactions and the solvency check.
import { expect } from "chai";
import { ethers } from "hardhat";
import { time } from "@nomicfoundation/hardhat-network-helpers";
import { parseEther } from "ethers";
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/signers";
import { coinAndPoolFixture } from "./fixtures";
import { latestTimestamp } from "./mining";
import type { MiningPool, NumiCoinHarness } from "../../typechain-types";

export const FUNDS = parseEther("10000");

/** coinAndPoolFixture with alice, bob, carol and mallory each holding FUNDS NUMI, approved to the pool. */
export async function fundedPoolFixture() {
  const f = await coinAndPoolFixture();
  const poolAddress = await f.pool.getAddress();
  for (const s of [f.alice, f.bob, f.carol, f.mallory]) {
    await f.coin.mintUnscheduled(s.address, FUNDS);
    await f.coin.connect(s).approve(poolAddress, ethers.MaxUint256);
  }
  return f;
}

/** Rewards arriving at the pool the way the pool share does: a plain balance increase, no call to the pool. */
export async function arrive(coin: NumiCoinHarness, pool: MiningPool, amount: bigint) {
  await coin.mintUnscheduled(await pool.getAddress(), amount);
}

/** Sets the timestamp of the next block (the next transaction). */
export async function atTime(timestamp: bigint | number) {
  await time.setNextBlockTimestamp(timestamp);
}

/** Picks up arrived rewards with `sync()` in a block one second after the latest; returns that block's timestamp. */
export async function syncAtNextSecond(pool: MiningPool): Promise<bigint> {
  const start = BigInt(await latestTimestamp()) + 1n;
  await atTime(start);
  await pool.sync();
  return start;
}

/** Mines an empty block at `timestamp`, so views read the state at that moment. */
export async function mineAt(timestamp: bigint | number) {
  await time.increaseTo(timestamp);
}

/**
 * Solvency: the pool's NUMI covers every staker's principal, everything they have earned and what is still to be
 * streamed; and the reserve it keeps for rewards covers earned plus undistributed.
 */
export async function expectSolvent(coin: NumiCoinHarness, pool: MiningPool, accounts: HardhatEthersSigner[]) {
  const [balance, state] = await Promise.all([coin.balanceOf(pool.getAddress()), pool.poolState()]);
  let staked = 0n;
  let earned = 0n;
  for (const a of accounts) {
    staked += await pool.balanceOf(a.address);
    earned += await pool.earned(a.address);
  }
  expect(staked, "sum of stakes").to.equal(state.totalStaked);
  expect(balance, "balance >= staked + earned + undistributed").to.be.greaterThanOrEqual(
    state.totalStaked + earned + state.undistributed,
  );
  expect(state.rewardReserve, "reserve >= earned + undistributed").to.be.greaterThanOrEqual(
    earned + state.undistributed,
  );
  expect(balance, "balance = staked + reserve + unsynced").to.equal(
    state.totalStaked + state.rewardReserve + state.unsynced,
  );
}
