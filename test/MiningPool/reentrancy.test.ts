// MiningPool against a hostile token: no entry point can be re-entered from inside a token transfer.
import { expect } from "chai";
import { ethers } from "hardhat";
import { loadFixture } from "@nomicfoundation/hardhat-network-helpers";
import { REWARDS_DURATION } from "../helpers/fixtures";
import type { MiningPool, ReentrantToken } from "../../typechain-types";

async function hostileTokenFixture() {
  const [deployer, alice, treasury] = await ethers.getSigners();
  const token = (await ethers.deployContract("ReentrantToken")) as unknown as ReentrantToken;
  const tokenAddress = await token.getAddress();
  // the token owns the pool, so its hook can also reach the owner-only entry points
  const pool = (await ethers.deployContract("MiningPool", [
    tokenAddress,
    tokenAddress,
    REWARDS_DURATION,
    treasury.address,
  ])) as unknown as MiningPool;
  await token.mint(alice.address, 1_000n * 10n ** 18n);
  await token.connect(alice).approve(pool.getAddress(), ethers.MaxUint256);
  await pool.connect(alice).stake(500n * 10n ** 18n);
  return { token, pool, deployer, alice, treasury };
}

describe("MiningPool: reentrancy", function () {
  const reentries: Array<[string, (pool: MiningPool, foreign: string, to: string) => string]> = [
    ["stake", (p) => p.interface.encodeFunctionData("stake", [1n])],
    [
      "stakeWithPermit",
      (p) => p.interface.encodeFunctionData("stakeWithPermit", [1n, 0n, 27, ethers.ZeroHash, ethers.ZeroHash]),
    ],
    ["withdraw", (p) => p.interface.encodeFunctionData("withdraw", [1n])],
    ["claim", (p) => p.interface.encodeFunctionData("claim")],
    ["exit", (p) => p.interface.encodeFunctionData("exit")],
    ["sync", (p) => p.interface.encodeFunctionData("sync")],
    ["setFee", (p) => p.interface.encodeFunctionData("setFee", [1])],
    ["sweep", (p, foreign, to) => p.interface.encodeFunctionData("sweep", [foreign, to, 0n])],
  ];

  for (const [name, encode] of reentries) {
    it(`refuses ${name} re-entered from a token transfer with ReentrancyGuardReentrantCall`, async function () {
      const { token, pool, alice, treasury } = await loadFixture(hostileTokenFixture);
      const foreign = await ethers.deployContract("ERC20Mock");
      await token.setHook(pool.getAddress(), encode(pool, await foreign.getAddress(), treasury.address));
      await expect(pool.connect(alice).withdraw(1n)).to.be.revertedWithCustomError(
        pool,
        "ReentrancyGuardReentrantCall",
      );
      // the revert undid everything, the hook included; without it the same withdrawal goes through
      await token.setHook(ethers.ZeroAddress, "0x");
      await expect(pool.connect(alice).withdraw(1n)).to.emit(pool, "Withdrawn").withArgs(alice.address, 1n);
    });
  }
});
