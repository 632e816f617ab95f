// NumiCoin governance surface: constructor validation, onlyOwner, one-time handover, bounded pause, fixed pool, pool share.
import { expect } from "chai";
import { ethers } from "hardhat";
import { loadFixture, time } from "@nomicfoundation/hardhat-network-helpers";
import { REWARDS_DURATION, TARGET_EPOCH_TIME, coinAndPoolFixture, coinFixture } from "../helpers/fixtures";
import { MAX_TARGET, MIN_TARGET, TEST_TARGET } from "../helpers/mining";
import { shouldBehaveLikeBoundedSetter } from "../behaviours/boundedSetter.behavior";
import { shouldBehaveLikeHandoverOwnable } from "../behaviours/handoverOwnable.behavior";

const DAY = 86_400n;

describe("NumiCoin: governance", function () {
  describe("constructor", function () {
    it("starts with the documented state", async function () {
      const { coin, owner } = await loadFixture(coinFixture);
      expect(await coin.owner()).to.equal(owner.address);
      expect(await coin.targetEpochTime()).to.equal(TARGET_EPOCH_TIME);
      expect(await coin.getMiningTarget()).to.equal(TEST_TARGET);
      expect(await coin.poolShareBps()).to.equal(1_000);
      expect(await coin.pool()).to.equal(ethers.ZeroAddress);
      expect(await coin.miningPaused()).to.equal(false);
      expect(await coin.totalSupply()).to.equal(0n); // no premine
      expect(await coin.name()).to.equal("NumiCoin");
      expect(await coin.symbol()).to.equal("NUMI");
      expect(await coin.MAX_SUPPLY()).to.equal(ethers.parseEther("21000000"));
      expect(await coin.HALVING_INTERVAL()).to.equal(210_000n);
      expect(await coin.MIN_TARGET()).to.equal(MIN_TARGET);
      expect(await coin.MAX_TARGET()).to.equal(MAX_TARGET);
      expect(await coin.MAX_POOL_SHARE_BPS()).to.equal(2_000);
    });

    it("reverts with InvalidTargetEpochTime for 0 and for more than 7 days", async function () {
      const [owner] = await ethers.getSigners();
      const factory = await ethers.getContractFactory("NumiCoin");
      for (const bad of [0n, 7n * 86_400n + 1n]) {
        await expect(factory.deploy(owner.address, bad, TEST_TARGET))
          .to.be.revertedWithCustomError(factory, "InvalidTargetEpochTime")
          .withArgs(bad);
      }
      await expect(factory.deploy(owner.address, 7n * 86_400n, TEST_TARGET)).to.not.be.reverted;
      await expect(factory.deploy(owner.address, 1n, TEST_TARGET)).to.not.be.reverted;
    });

    it("reverts with InitialTargetOutOfRange below MIN_TARGET and above MAX_TARGET, accepts both bounds", async function () {
      const [owner] = await ethers.getSigners();
      const factory = await ethers.getContractFactory("NumiCoin");
      for (const bad of [MIN_TARGET - 1n, MAX_TARGET + 1n]) {
        await expect(factory.deploy(owner.address, TARGET_EPOCH_TIME, bad))
          .to.be.revertedWithCustomError(factory, "InitialTargetOutOfRange")
          .withArgs(bad, MIN_TARGET, MAX_TARGET);
      }
      const hardest = await factory.deploy(owner.address, TARGET_EPOCH_TIME, MIN_TARGET);
      expect(await hardest.getMiningDifficulty()).to.equal(MAX_TARGET / MIN_TARGET);
      const easiest = await factory.deploy(owner.address, TARGET_EPOCH_TIME, MAX_TARGET);
      expect(await easiest.getMiningDifficulty()).to.equal(1n);
    });

    it("reverts with OwnableInvalidOwner for the zero owner", async function () {
      const factory = await ethers.getContractFactory("NumiCoin");
      await expect(factory.deploy(ethers.ZeroAddress, TARGET_EPOCH_TIME, TEST_TARGET))
        .to.be.revertedWithCustomError(factory, "OwnableInvalidOwner")
        .withArgs(ethers.ZeroAddress);
    });
  });

  shouldBehaveLikeHandoverOwnable(async function coinOwnership() {
    const { coin, pool, owner, alice, mallory } = await coinAndPoolFixture();
    return {
      contract: coin,
      owner,
      alice,
      mallory,
      governedCalls: (as) => [
        () => coin.connect(as).pauseMining(),
        () => coin.connect(as).unpauseMining(),
        () => coin.connect(as).setPoolShare(0),
        () => coin.connect(as).setPool(pool.getAddress()),
      ],
      governs: (as) => ({ call: () => coin.connect(as).pauseMining(), event: "MiningPausedSet" }),
    };
  });

  describe("pauseMining / unpauseMining", function () {
    it("pauses for MAX_MINING_PAUSE and unpauses early with MiningPausedSet; repeating either reverts with MiningPauseUnchanged", async function () {
      const { coin, owner } = await loadFixture(coinFixture);
      expect(await coin.MAX_MINING_PAUSE()).to.equal(7n * DAY);
      expect(await coin.MINING_PAUSE_COOLDOWN()).to.equal(30n * DAY);
      await expect(coin.connect(owner).unpauseMining())
        .to.be.revertedWithCustomError(coin, "MiningPauseUnchanged")
        .withArgs(false);
      const pausedAt = BigInt(await time.latest()) + 1n;
      await time.setNextBlockTimestamp(pausedAt);
      await expect(coin.connect(owner).pauseMining())
        .to.emit(coin, "MiningPausedSet")
        .withArgs(true, pausedAt + 7n * DAY);
      expect(await coin.miningPaused()).to.equal(true);
      const state = await coin.miningState();
      expect(state.paused).to.equal(true);
      expect(state.pausedUntil).to.equal(pausedAt + 7n * DAY);
      await expect(coin.connect(owner).pauseMining())
        .to.be.revertedWithCustomError(coin, "MiningPauseUnchanged")
        .withArgs(true);
      await time.setNextBlockTimestamp(pausedAt + DAY);
      await expect(coin.connect(owner).unpauseMining())
        .to.emit(coin, "MiningPausedSet")
        .withArgs(false, pausedAt + DAY);
      expect(await coin.miningPaused()).to.equal(false);
      expect((await coin.miningState()).pausedUntil).to.equal(0n);
      expect((await coin.miningState()).nextPauseAllowedAt).to.equal(pausedAt + DAY + 30n * DAY);
    });

    it("a pause ends on its own after MAX_MINING_PAUSE, and the next waits MINING_PAUSE_COOLDOWN", async function () {
      const { coin, owner } = await loadFixture(coinFixture);
      await coin.connect(owner).pauseMining();
      const until = (await coin.miningState()).pausedUntil;
      await time.increaseTo(until - 1n);
      expect(await coin.miningPaused()).to.equal(true);
      await time.increaseTo(until);
      expect(await coin.miningPaused()).to.equal(false);
      await expect(coin.connect(owner).unpauseMining())
        .to.be.revertedWithCustomError(coin, "MiningPauseUnchanged")
        .withArgs(false);
      await expect(coin.connect(owner).pauseMining())
        .to.be.revertedWithCustomError(coin, "MiningPauseCoolingDown")
        .withArgs(until + 30n * DAY);
      await time.setNextBlockTimestamp(until + 30n * DAY);
      await expect(coin.connect(owner).pauseMining())
        .to.emit(coin, "MiningPausedSet")
        .withArgs(true, until + 37n * DAY);
    });

    it("never pauses transfers", async function () {
      const { coin, owner, alice, bob } = await loadFixture(coinAndPoolFixture);
      await coin.mintUnscheduled(alice.address, 100n);
      await coin.connect(owner).pauseMining();
      await expect(coin.connect(alice).transfer(bob.address, 40n)).to.changeTokenBalances(
        coin,
        [alice, bob],
        [-40n, 40n],
      );
    });
  });

  shouldBehaveLikeBoundedSetter("setPoolShare", async function poolShareSetter() {
    const { coin, owner } = await coinFixture();
    return {
      contract: coin,
      set: (value) => coin.connect(owner).setPoolShare(value),
      read: () => coin.poolShareBps(),
      max: await coin.MAX_POOL_SHARE_BPS(),
      event: "PoolShareUpdated",
      error: "PoolShareTooHigh",
    };
  });

  describe("setPoolShare", function () {
    it("is 10% by default, at most 20%, and miningState reports it", async function () {
      const { coin, owner } = await loadFixture(coinFixture);
      expect(await coin.poolShareBps()).to.equal(1_000);
      expect(await coin.MAX_POOL_SHARE_BPS()).to.equal(2_000);
      await coin.connect(owner).setPoolShare(1_500);
      expect((await coin.miningState()).poolShareBps).to.equal(1_500);
    });
  });

  describe("setPool", function () {
    it("sets a pool that stakes this token once, with PoolUpdated(0, pool); then the pool is fixed", async function () {
      const { coin, owner, treasury } = await loadFixture(coinFixture);
      const deploy = () =>
        ethers.deployContract("MiningPool", [coin.getAddress(), owner.address, REWARDS_DURATION, treasury.address]);
      const pool = await deploy();
      await expect(coin.connect(owner).setPool(pool.getAddress()))
        .to.emit(coin, "PoolUpdated")
        .withArgs(ethers.ZeroAddress, await pool.getAddress());
      expect(await coin.pool()).to.equal(await pool.getAddress());
      expect((await coin.miningState()).pool).to.equal(await pool.getAddress());
      const replacement = await deploy();
      await expect(coin.connect(owner).setPool(replacement.getAddress()))
        .to.be.revertedWithCustomError(coin, "PoolIsFixed")
        .withArgs(await pool.getAddress());
    });

    it("refuses to set a pool after the handover (PoolIsFixed), so governance never chooses where emission goes", async function () {
      const { coin, owner, alice, treasury } = await loadFixture(coinFixture);
      await coin.connect(owner).transferOwnership(alice.address);
      await coin.connect(alice).acceptOwnership();
      const pool = await ethers.deployContract("MiningPool", [
        coin.getAddress(),
        alice.address,
        REWARDS_DURATION,
        treasury.address,
      ]);
      await expect(coin.connect(alice).setPool(pool.getAddress()))
        .to.be.revertedWithCustomError(coin, "PoolIsFixed")
        .withArgs(ethers.ZeroAddress);
    });

    it("reverts with InvalidPool for an EOA", async function () {
      const { coin, owner, alice } = await loadFixture(coinFixture);
      await expect(coin.connect(owner).setPool(alice.address))
        .to.be.revertedWithCustomError(coin, "InvalidPool")
        .withArgs(alice.address);
      await expect(coin.connect(owner).setPool(ethers.ZeroAddress))
        .to.be.revertedWithCustomError(coin, "InvalidPool")
        .withArgs(ethers.ZeroAddress);
    });

    it("reverts with InvalidPool for a contract that has no stakingToken() at all", async function () {
      const { coin, owner } = await loadFixture(coinFixture);
      const notAPool = await ethers.deployContract("ERC20Mock");
      await expect(coin.connect(owner).setPool(notAPool.getAddress()))
        .to.be.revertedWithCustomError(coin, "InvalidPool")
        .withArgs(await notAPool.getAddress());
    });

    it("reverts with InvalidPool for a pool that stakes another token", async function () {
      const { coin, owner, alice } = await loadFixture(coinFixture);
      const other = await ethers.deployContract("ERC20Mock");
      const foreignPool = await ethers.deployContract("MiningPool", [
        await other.getAddress(),
        owner.address,
        REWARDS_DURATION,
        alice.address,
      ]);
      await expect(coin.connect(owner).setPool(foreignPool.getAddress()))
        .to.be.revertedWithCustomError(coin, "InvalidPool")
        .withArgs(await foreignPool.getAddress());
    });
  });
});
