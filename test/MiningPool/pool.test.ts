// MiningPool: every external function, its events and every revert path.
import { expect } from "chai";
import { ethers } from "hardhat";
import { loadFixture, setStorageAt, time } from "@nomicfoundation/hardhat-network-helpers";
import { getCreateAddress, parseEther } from "ethers";
import { REWARDS_DURATION, coinAndPoolFixture, mineAs } from "../helpers/fixtures";
import { FUNDS, arrive, atTime, expectSolvent, fundedPoolFixture, syncAtNextSecond } from "../helpers/pool";
import { latestTimestamp } from "../helpers/mining";
import { signPermit } from "../helpers/permit";
import { shouldBehaveLikeBoundedSetter } from "../behaviours/boundedSetter.behavior";
import { shouldBehaveLikeHandoverOwnable } from "../behaviours/handoverOwnable.behavior";
import type { MiningPool } from "../../typechain-types";

const DAY = 86_400n;

describe("MiningPool", function () {
  describe("constructor", function () {
    it("starts with the documented state", async function () {
      const { coin, pool, owner, treasury } = await loadFixture(coinAndPoolFixture);
      expect(await pool.stakingToken()).to.equal(await coin.getAddress());
      expect(await pool.owner()).to.equal(owner.address);
      expect(await pool.rewardsDuration()).to.equal(REWARDS_DURATION);
      expect(await pool.treasury()).to.equal(treasury.address);
      expect(await pool.MAX_FEE_BPS()).to.equal(1_000);
      expect(await pool.MIN_REWARDS_DURATION()).to.equal(60n);
      expect(await pool.MAX_REWARDS_DURATION()).to.equal(365n * 86_400n);
      expect(await pool.totalStaked()).to.equal(0n);
      expect(await pool.rewardPerToken()).to.equal(0n);
      const s = await pool.poolState();
      expect(s.feeBps).to.equal(0);
      expect(s.stakingPaused).to.equal(false);
      expect(s.periodFinish).to.equal(0n);
    });

    it("reverts with InvalidStakingToken for an address without code", async function () {
      const [owner, alice] = await ethers.getSigners();
      const factory = await ethers.getContractFactory("MiningPool");
      await expect(factory.deploy(alice.address, owner.address, REWARDS_DURATION, owner.address))
        .to.be.revertedWithCustomError(factory, "InvalidStakingToken")
        .withArgs(alice.address);
    });

    it("reverts with InvalidRewardsDuration outside [1 minute, 365 days], accepts both bounds", async function () {
      const { coin, owner } = await loadFixture(coinAndPoolFixture);
      const factory = await ethers.getContractFactory("MiningPool");
      for (const bad of [59n, 365n * 86_400n + 1n]) {
        await expect(factory.deploy(coin.getAddress(), owner.address, bad, owner.address))
          .to.be.revertedWithCustomError(factory, "InvalidRewardsDuration")
          .withArgs(bad);
      }
      for (const good of [60n, 365n * 86_400n]) {
        const p = await factory.deploy(coin.getAddress(), owner.address, good, owner.address);
        expect(await p.rewardsDuration()).to.equal(good);
      }
    });

    it("reverts with InvalidTreasury for the zero address and for the pool itself", async function () {
      const { coin, owner } = await loadFixture(coinAndPoolFixture);
      const factory = await ethers.getContractFactory("MiningPool");
      await expect(factory.deploy(coin.getAddress(), owner.address, REWARDS_DURATION, ethers.ZeroAddress))
        .to.be.revertedWithCustomError(factory, "InvalidTreasury")
        .withArgs(ethers.ZeroAddress);
      const self = getCreateAddress({ from: owner.address, nonce: await owner.getNonce() });
      await expect(factory.connect(owner).deploy(coin.getAddress(), owner.address, REWARDS_DURATION, self))
        .to.be.revertedWithCustomError(factory, "InvalidTreasury")
        .withArgs(self);
    });

    it("reverts with OwnableInvalidOwner for the zero owner", async function () {
      const { coin, owner } = await loadFixture(coinAndPoolFixture);
      const factory = await ethers.getContractFactory("MiningPool");
      await expect(factory.deploy(coin.getAddress(), ethers.ZeroAddress, REWARDS_DURATION, owner.address))
        .to.be.revertedWithCustomError(factory, "OwnableInvalidOwner")
        .withArgs(ethers.ZeroAddress);
    });
  });

  describe("stake", function () {
    it("takes the tokens, emits Staked and updates balances, totals and the position", async function () {
      const { coin, pool, alice, bob } = await loadFixture(fundedPoolFixture);
      const tx = pool.connect(alice).stake(parseEther("100"));
      await expect(tx).to.emit(pool, "Staked").withArgs(alice.address, parseEther("100"));
      await expect(tx).to.changeTokenBalances(coin, [alice, pool], [-parseEther("100"), parseEther("100")]);
      await pool.connect(bob).stake(parseEther("300"));
      expect(await pool.balanceOf(alice.address)).to.equal(parseEther("100"));
      expect(await pool.totalStaked()).to.equal(parseEther("400"));
      const p = await pool.position(alice.address);
      expect(p.staked).to.equal(parseEther("100"));
      expect(p.shareBps).to.equal(2_500n);
      expect(p.earned).to.equal(0n);
      expect(p.rewardRate).to.equal(0n);
      await expectSolvent(coin, pool, [alice, bob]);
    });

    it("reverts with ZeroAmount for 0", async function () {
      const { pool, alice } = await loadFixture(fundedPoolFixture);
      await expect(pool.connect(alice).stake(0)).to.be.revertedWithCustomError(pool, "ZeroAmount");
    });

    it("reverts with the token's ERC20InsufficientAllowance without an allowance", async function () {
      const { coin, pool, relayer } = await loadFixture(fundedPoolFixture);
      await coin.mintUnscheduled(relayer.address, parseEther("10"));
      await expect(pool.connect(relayer).stake(parseEther("10")))
        .to.be.revertedWithCustomError(coin, "ERC20InsufficientAllowance")
        .withArgs(await pool.getAddress(), 0n, parseEther("10"));
    });

    it("reverts with SafeCastOverflowedUintDowncast for a stake beyond 85 bits (far above all NUMI ever)", async function () {
      const { coin, pool, relayer } = await loadFixture(fundedPoolFixture);
      const huge = 2n ** 85n;
      await coin.mintUnscheduled(relayer.address, huge);
      await coin.connect(relayer).approve(pool.getAddress(), huge);
      await expect(pool.connect(relayer).stake(huge))
        .to.be.revertedWithCustomError(pool, "SafeCastOverflowedUintDowncast")
        .withArgs(85, huge);
    });

    it("reverts with StakeBelowMinimum(stake, MIN_STAKE) for a position below 1 NUMI; tops up any position", async function () {
      const { pool, alice } = await loadFixture(fundedPoolFixture);
      const min = await pool.MIN_STAKE();
      expect(min).to.equal(parseEther("1"));
      await expect(pool.connect(alice).stake(min - 1n))
        .to.be.revertedWithCustomError(pool, "StakeBelowMinimum")
        .withArgs(min - 1n, min);
      await expect(pool.connect(alice).stake(min)).to.emit(pool, "Staked").withArgs(alice.address, min);
      await expect(pool.connect(alice).stake(1n)).to.emit(pool, "Staked").withArgs(alice.address, 1n);
      expect(await pool.balanceOf(alice.address)).to.equal(min + 1n);
    });
  });

  describe("stakeWithPermit", function () {
    it("stakes with a signature and no prior approval", async function () {
      const { coin, pool, relayer } = await loadFixture(fundedPoolFixture);
      await coin.mintUnscheduled(relayer.address, parseEther("5"));
      const deadline = BigInt(await latestTimestamp()) + 3_600n;
      const p = await signPermit(coin, relayer, await pool.getAddress(), parseEther("5"), deadline);
      const tx = pool.connect(relayer).stakeWithPermit(p.value, p.deadline, p.v, p.r, p.s);
      await expect(tx).to.emit(pool, "Staked").withArgs(relayer.address, parseEther("5"));
      await expect(tx).to.changeTokenBalances(coin, [relayer, pool], [-parseEther("5"), parseEther("5")]);
      expect(await coin.nonces(relayer.address)).to.equal(1n);
      expect(await coin.allowance(relayer.address, pool.getAddress())).to.equal(0n);
    });

    it("still stakes when a front-runner submitted the same permit first", async function () {
      const { coin, pool, relayer, mallory } = await loadFixture(fundedPoolFixture);
      await coin.mintUnscheduled(relayer.address, parseEther("5"));
      const deadline = BigInt(await latestTimestamp()) + 3_600n;
      const p = await signPermit(coin, relayer, await pool.getAddress(), parseEther("5"), deadline);
      await coin.connect(mallory).permit(p.owner, p.spender, p.value, p.deadline, p.v, p.r, p.s);
      await expect(pool.connect(relayer).stakeWithPermit(p.value, p.deadline, p.v, p.r, p.s))
        .to.emit(pool, "Staked")
        .withArgs(relayer.address, parseEther("5"));
      expect(await pool.balanceOf(relayer.address)).to.equal(parseEther("5"));
    });

    it("reverts with PermitFailed(allowance, needed) when the permit is invalid and the allowance too small", async function () {
      const { coin, pool, relayer, mallory } = await loadFixture(fundedPoolFixture);
      await coin.mintUnscheduled(relayer.address, parseEther("5"));
      const deadline = BigInt(await latestTimestamp()) + 3_600n;
      const p = await signPermit(coin, mallory, await pool.getAddress(), parseEther("5"), deadline); // wrong signer
      await expect(pool.connect(relayer).stakeWithPermit(p.value, p.deadline, p.v, p.r, p.s))
        .to.be.revertedWithCustomError(pool, "PermitFailed")
        .withArgs(0n, parseEther("5"));
      await coin.connect(relayer).approve(pool.getAddress(), parseEther("2"));
      await expect(pool.connect(relayer).stakeWithPermit(p.value, p.deadline, p.v, p.r, p.s))
        .to.be.revertedWithCustomError(pool, "PermitFailed")
        .withArgs(parseEther("2"), parseEther("5"));
    });

    it("stakes on an existing allowance when the permit is invalid (the allowance is what counts)", async function () {
      const { pool, alice } = await loadFixture(fundedPoolFixture); // alice approved MaxUint256
      await expect(pool.connect(alice).stakeWithPermit(parseEther("10"), 0n, 27, ethers.ZeroHash, ethers.ZeroHash))
        .to.emit(pool, "Staked")
        .withArgs(alice.address, parseEther("10"));
    });

    it("reverts with ZeroAmount for 0 and with StakingIsPaused while paused", async function () {
      const { coin, pool, owner, relayer } = await loadFixture(fundedPoolFixture);
      await coin.mintUnscheduled(relayer.address, 5n);
      const deadline = BigInt(await latestTimestamp()) + 3_600n;
      const zero = await signPermit(coin, relayer, await pool.getAddress(), 0n, deadline);
      await expect(
        pool.connect(relayer).stakeWithPermit(0n, zero.deadline, zero.v, zero.r, zero.s),
      ).to.be.revertedWithCustomError(pool, "ZeroAmount");
      await pool.connect(owner).setStakingPaused(true);
      const p = await signPermit(coin, relayer, await pool.getAddress(), 5n, deadline);
      await expect(pool.connect(relayer).stakeWithPermit(5n, p.deadline, p.v, p.r, p.s)).to.be.revertedWithCustomError(
        pool,
        "StakingIsPaused",
      );
    });
  });

  describe("withdraw", function () {
    it("returns part of the stake with Withdrawn, leaving rewards to claim", async function () {
      const { coin, pool, alice } = await loadFixture(fundedPoolFixture);
      await pool.connect(alice).stake(parseEther("100"));
      await arrive(coin, pool, parseEther("36"));
      await pool.sync();
      await time.increase(100);
      const tx = pool.connect(alice).withdraw(parseEther("40"));
      await expect(tx).to.emit(pool, "Withdrawn").withArgs(alice.address, parseEther("40"));
      await expect(tx).to.changeTokenBalances(coin, [alice, pool], [parseEther("40"), -parseEther("40")]);
      expect(await pool.balanceOf(alice.address)).to.equal(parseEther("60"));
      expect(await pool.earned(alice.address)).to.be.greaterThan(0n);
      await expectSolvent(coin, pool, [alice]);
    });

    it("reverts with ZeroAmount for 0", async function () {
      const { pool, alice } = await loadFixture(fundedPoolFixture);
      await expect(pool.connect(alice).withdraw(0)).to.be.revertedWithCustomError(pool, "ZeroAmount");
    });

    it("reverts with InsufficientStake(account, staked, requested)", async function () {
      const { pool, alice, bob } = await loadFixture(fundedPoolFixture);
      await pool.connect(alice).stake(parseEther("100"));
      await expect(pool.connect(alice).withdraw(parseEther("100") + 1n))
        .to.be.revertedWithCustomError(pool, "InsufficientStake")
        .withArgs(alice.address, parseEther("100"), parseEther("100") + 1n);
      await expect(pool.connect(bob).withdraw(1n))
        .to.be.revertedWithCustomError(pool, "InsufficientStake")
        .withArgs(bob.address, 0n, 1n);
    });

    it("reverts with StakeBelowMinimum(remainder, MIN_STAKE) when it would leave less than 1 NUMI, but not nothing", async function () {
      const { coin, pool, alice } = await loadFixture(fundedPoolFixture);
      const min = await pool.MIN_STAKE();
      await pool.connect(alice).stake(parseEther("3"));
      await expect(pool.connect(alice).withdraw(parseEther("2") + 1n))
        .to.be.revertedWithCustomError(pool, "StakeBelowMinimum")
        .withArgs(min - 1n, min);
      await expect(pool.connect(alice).withdraw(parseEther("2"))).to.emit(pool, "Withdrawn"); // leaves exactly 1 NUMI
      expect(await pool.balanceOf(alice.address)).to.equal(min);
      await expect(pool.connect(alice).withdraw(min)).to.changeTokenBalance(coin, alice, min); // leaves nothing
      expect(await pool.balanceOf(alice.address)).to.equal(0n);
    });
  });

  describe("claim", function () {
    it("pays earned rewards with RewardPaid and keeps the stake", async function () {
      const { coin, pool, alice } = await loadFixture(fundedPoolFixture);
      await pool.connect(alice).stake(parseEther("100"));
      await arrive(coin, pool, parseEther("36"));
      const start = await syncAtNextSecond(pool); // 36 NUMI over 3,600 s: 0.01 NUMI per second
      await atTime(start + 600n);
      const tx = pool.connect(alice).claim();
      await expect(tx).to.emit(pool, "RewardPaid").withArgs(alice.address, parseEther("6"));
      await expect(tx).to.changeTokenBalances(coin, [alice, pool], [parseEther("6"), -parseEther("6")]);
      expect(await pool.balanceOf(alice.address)).to.equal(parseEther("100"));
      expect(await pool.earned(alice.address)).to.equal(0n);
      await expectSolvent(coin, pool, [alice]);
    });

    it("reverts with NothingToClaim(account) without rewards", async function () {
      const { pool, alice, bob } = await loadFixture(fundedPoolFixture);
      await expect(pool.connect(bob).claim())
        .to.be.revertedWithCustomError(pool, "NothingToClaim")
        .withArgs(bob.address);
      await pool.connect(alice).stake(parseEther("100")); // staked, but nothing has arrived
      await expect(pool.connect(alice).claim())
        .to.be.revertedWithCustomError(pool, "NothingToClaim")
        .withArgs(alice.address);
    });
  });

  describe("exit", function () {
    it("returns the whole stake and the rewards in one transfer, emitting Withdrawn and RewardPaid", async function () {
      const { coin, pool, alice } = await loadFixture(fundedPoolFixture);
      await pool.connect(alice).stake(parseEther("100"));
      await arrive(coin, pool, parseEther("36"));
      const start = await syncAtNextSecond(pool);
      await atTime(start + 1_200n);
      const tx = pool.connect(alice).exit();
      await expect(tx).to.emit(pool, "Withdrawn").withArgs(alice.address, parseEther("100"));
      await expect(tx).to.emit(pool, "RewardPaid").withArgs(alice.address, parseEther("12"));
      await expect(tx).to.changeTokenBalances(coin, [alice, pool], [parseEther("112"), -parseEther("112")]);
      expect((await pool.position(alice.address)).staked).to.equal(0n);
      await expectSolvent(coin, pool, [alice]);
    });

    it("pays only the rewards (no Withdrawn) after the stake was withdrawn", async function () {
      const { coin, pool, alice } = await loadFixture(fundedPoolFixture);
      await pool.connect(alice).stake(parseEther("100"));
      await arrive(coin, pool, parseEther("36"));
      const start = await syncAtNextSecond(pool);
      await atTime(start + 100n);
      await pool.connect(alice).withdraw(parseEther("100"));
      const tx = pool.connect(alice).exit();
      await expect(tx).to.emit(pool, "RewardPaid").withArgs(alice.address, parseEther("1"));
      await expect(tx).to.not.emit(pool, "Withdrawn");
      await expect(tx).to.changeTokenBalance(coin, alice, parseEther("1"));
    });

    it("returns only the stake (no RewardPaid) when nothing was earned", async function () {
      const { pool, alice } = await loadFixture(fundedPoolFixture);
      await pool.connect(alice).stake(parseEther("100"));
      const tx = pool.connect(alice).exit();
      await expect(tx).to.emit(pool, "Withdrawn").withArgs(alice.address, parseEther("100"));
      await expect(tx).to.not.emit(pool, "RewardPaid");
    });

    it("reverts with ZeroAmount with neither stake nor rewards", async function () {
      const { pool, bob } = await loadFixture(fundedPoolFixture);
      await expect(pool.connect(bob).exit()).to.be.revertedWithCustomError(pool, "ZeroAmount");
    });
  });

  describe("sync", function () {
    it("lets anyone start streaming what arrived, with RewardsStreamed(amount, fee, rate, periodFinish)", async function () {
      const { coin, pool, alice, relayer } = await loadFixture(fundedPoolFixture);
      await pool.connect(alice).stake(parseEther("100"));
      await arrive(coin, pool, parseEther("36"));
      expect((await pool.poolState()).unsynced).to.equal(parseEther("36"));
      const now = BigInt(await latestTimestamp()) + 10n;
      await atTime(now);
      await expect(pool.connect(relayer).sync())
        .to.emit(pool, "RewardsStreamed")
        .withArgs(parseEther("36"), 0n, parseEther("0.01"), now + REWARDS_DURATION);
      const s = await pool.poolState();
      expect(s.unsynced).to.equal(0n);
      expect(s.undistributed).to.equal(parseEther("36"));
      expect(s.rewardReserve).to.equal(parseEther("36"));
      expect(s.rewardRate).to.equal(parseEther("0.01"));
      expect(s.periodFinish).to.equal(now + REWARDS_DURATION);
    });

    it("emits nothing when nothing arrived", async function () {
      const { pool, alice } = await loadFixture(fundedPoolFixture);
      await pool.connect(alice).stake(parseEther("100"));
      await expect(pool.sync()).to.not.emit(pool, "RewardsStreamed");
    });

    it("picks up mining rewards: the pool share of a real mint", async function () {
      const { coin, pool, alice, bob } = await loadFixture(fundedPoolFixture);
      await pool.connect(alice).stake(parseEther("100"));
      await mineAs(coin, bob);
      expect((await pool.poolState()).unsynced).to.equal(parseEther("5"));
      const now = BigInt(await latestTimestamp()) + 1n;
      await atTime(now);
      await expect(pool.sync())
        .to.emit(pool, "RewardsStreamed")
        .withArgs(parseEther("5"), 0n, rateOf(parseEther("5")), now + REWARDS_DURATION);
    });
  });

  describe("fee", function () {
    it("setFee emits FeeUpdated; later arrivals pay the fee to the treasury; principal never pays it", async function () {
      const { coin, pool, owner, alice, treasury } = await loadFixture(fundedPoolFixture);
      await expect(pool.connect(owner).setFee(500)).to.emit(pool, "FeeUpdated").withArgs(0, 500);
      expect((await pool.poolState()).feeBps).to.equal(500);
      await pool.connect(alice).stake(parseEther("100"));
      await arrive(coin, pool, parseEther("40"));
      const now = BigInt(await latestTimestamp()) + 1n;
      await atTime(now);
      const tx = pool.sync();
      await expect(tx).to.changeTokenBalance(coin, treasury, parseEther("2"));
      await expect(tx)
        .to.emit(pool, "RewardsStreamed")
        .withArgs(parseEther("40"), parseEther("2"), rateOf(parseEther("38")), now + REWARDS_DURATION);
      expect((await pool.poolState()).undistributed).to.equal(parseEther("38"));
      await time.increase(REWARDS_DURATION);
      // exit: the full principal plus (nearly) all of the 38 net rewards; the treasury gets nothing more
      const exit = pool.connect(alice).exit();
      await expect(exit).to.changeTokenBalance(coin, treasury, 0n);
      await expect(exit).to.emit(pool, "Withdrawn").withArgs(alice.address, parseEther("100"));
      // every net wei is accounted for: paid to alice, or rounding dust kept undistributed for the next stream
      const received = (await coin.balanceOf(alice.address)) - FUNDS;
      expect(received).to.be.closeTo(parseEther("38"), 1_000n);
      expect(received + (await pool.poolState()).undistributed).to.equal(parseEther("38"));
      await expectSolvent(coin, pool, [alice]);
    });

    it("charges rewards that arrived before a fee change at the old fee", async function () {
      const { coin, pool, owner, alice, treasury } = await loadFixture(fundedPoolFixture);
      await pool.connect(alice).stake(parseEther("100"));
      await arrive(coin, pool, parseEther("40"));
      const now = BigInt(await latestTimestamp()) + 1n;
      await atTime(now);
      const tx = pool.connect(owner).setFee(1_000);
      await expect(tx)
        .to.emit(pool, "RewardsStreamed")
        .withArgs(parseEther("40"), 0n, rateOf(parseEther("40")), now + REWARDS_DURATION);
      await expect(tx).to.changeTokenBalance(coin, treasury, 0n);
      await arrive(coin, pool, parseEther("10"));
      await expect(pool.sync()).to.changeTokenBalance(coin, treasury, parseEther("1"));
    });
  });

  describe("staking pause", function () {
    it("blocks new stakes with StakingIsPaused(until); withdraw, claim and exit still work", async function () {
      const { coin, pool, owner, alice, bob } = await loadFixture(fundedPoolFixture);
      await pool.connect(alice).stake(parseEther("100"));
      await pool.connect(bob).stake(parseEther("100"));
      await arrive(coin, pool, parseEther("36"));
      await pool.sync();
      const pausedAt = BigInt(await latestTimestamp()) + 1n;
      await atTime(pausedAt);
      await expect(pool.connect(owner).setStakingPaused(true))
        .to.emit(pool, "StakingPausedSet")
        .withArgs(true, pausedAt + 7n * DAY);
      expect((await pool.poolState()).stakingPaused).to.equal(true);
      expect((await pool.poolState()).stakingPausedUntil).to.equal(pausedAt + 7n * DAY);
      await expect(pool.connect(alice).stake(1n))
        .to.be.revertedWithCustomError(pool, "StakingIsPaused")
        .withArgs(pausedAt + 7n * DAY);
      await time.increase(100);
      await expect(pool.connect(alice).withdraw(parseEther("50"))).to.emit(pool, "Withdrawn");
      await expect(pool.connect(alice).claim()).to.emit(pool, "RewardPaid");
      await expect(pool.connect(bob).exit()).to.emit(pool, "Withdrawn").withArgs(bob.address, parseEther("100"));
      const resumedAt = BigInt(await latestTimestamp()) + 1n;
      await atTime(resumedAt);
      await expect(pool.connect(owner).setStakingPaused(false))
        .to.emit(pool, "StakingPausedSet")
        .withArgs(false, resumedAt);
      expect((await pool.poolState()).stakingPausedUntil).to.equal(0n);
      await expect(pool.connect(alice).stake(1n)).to.emit(pool, "Staked").withArgs(alice.address, 1n);
      await expectSolvent(coin, pool, [alice, bob]);
    });

    it("a pause ends on its own after MAX_STAKING_PAUSE; the next waits STAKING_PAUSE_COOLDOWN", async function () {
      const { pool, owner, alice } = await loadFixture(fundedPoolFixture);
      expect(await pool.MAX_STAKING_PAUSE()).to.equal(7n * DAY);
      expect(await pool.STAKING_PAUSE_COOLDOWN()).to.equal(30n * DAY);
      await pool.connect(owner).setStakingPaused(true);
      const until = (await pool.poolState()).stakingPausedUntil;
      await time.increaseTo(until);
      expect((await pool.poolState()).stakingPaused).to.equal(false);
      await expect(pool.connect(alice).stake(parseEther("1"))).to.emit(pool, "Staked");
      await expect(pool.connect(owner).setStakingPaused(true))
        .to.be.revertedWithCustomError(pool, "StakingPauseCoolingDown")
        .withArgs(until + 30n * DAY);
      await atTime(until + 30n * DAY);
      await expect(pool.connect(owner).setStakingPaused(true))
        .to.emit(pool, "StakingPausedSet")
        .withArgs(true, until + 37n * DAY);
    });

    it("reverts with StakingPauseUnchanged when the state would not change", async function () {
      const { pool, owner } = await loadFixture(fundedPoolFixture);
      await expect(pool.connect(owner).setStakingPaused(false))
        .to.be.revertedWithCustomError(pool, "StakingPauseUnchanged")
        .withArgs(false);
      await pool.connect(owner).setStakingPaused(true);
      await expect(pool.connect(owner).setStakingPaused(true))
        .to.be.revertedWithCustomError(pool, "StakingPauseUnchanged")
        .withArgs(true);
    });
  });

  describe("holdings history (heldAt) and holders", function () {
    it("records staked + reserve per second; answers only for the past (FutureLookup)", async function () {
      const { coin, pool, alice, bob } = await loadFixture(fundedPoolFixture);
      const t0 = BigInt(await latestTimestamp());
      await atTime(t0 + 10n);
      await pool.connect(alice).stake(parseEther("100"));
      await arrive(coin, pool, parseEther("30"));
      await atTime(t0 + 20n);
      await pool.connect(bob).stake(parseEther("50")); // also picks up the 30 that arrived
      await atTime(t0 + 30n);
      await pool.connect(alice).withdraw(parseEther("40"));
      await time.increase(1);
      expect(await pool.heldAt(t0 + 9n)).to.equal(0n);
      expect(await pool.heldAt(t0 + 10n)).to.equal(parseEther("100"));
      expect(await pool.heldAt(t0 + 19n)).to.equal(parseEther("100"));
      expect(await pool.heldAt(t0 + 20n)).to.equal(parseEther("180"));
      expect(await pool.heldAt(t0 + 30n)).to.equal(parseEther("140"));
      const now = BigInt(await latestTimestamp());
      await expect(pool.heldAt(now)).to.be.revertedWithCustomError(pool, "FutureLookup").withArgs(now, now);
    });

    it("counts holders: a stake opens an account, the last wei of stake and rewards closes it", async function () {
      const { coin, pool, alice, bob } = await loadFixture(fundedPoolFixture);
      await pool.connect(alice).stake(parseEther("10"));
      await pool.connect(alice).stake(parseEther("10")); // the same holder again
      await pool.connect(bob).stake(parseEther("10"));
      expect((await pool.poolState()).holders).to.equal(2n);
      await arrive(coin, pool, parseEther("1"));
      await pool.sync();
      await time.increase(100);
      await pool.connect(alice).withdraw(parseEther("20")); // no stake left, but rewards unclaimed: still a holder
      expect((await pool.poolState()).holders).to.equal(2n);
      await pool.connect(alice).claim();
      expect((await pool.poolState()).holders).to.equal(1n);
      await pool.connect(bob).exit();
      expect((await pool.poolState()).holders).to.equal(0n);
    });

    it("keeps the holders count in the stream slot: accounts opening and closing never write the funding slot", async function () {
      const { pool, owner, alice, bob } = await loadFixture(fundedPoolFixture);
      await pool.connect(owner).setFee(300); // the funding slot (4) holds the fee and the pause, nothing else
      const poolAddress = await pool.getAddress();
      const funding = await ethers.provider.getStorage(poolAddress, 4);
      const holdersInStream = async () => BigInt(await ethers.provider.getStorage(poolAddress, 2)) >> 192n;
      await pool.connect(alice).stake(parseEther("10"));
      await pool.connect(bob).stake(parseEther("10"));
      expect(await holdersInStream()).to.equal(2n);
      await pool.connect(bob).exit();
      expect(await holdersInStream()).to.equal(1n);
      expect((await pool.poolState()).holders).to.equal(1n);
      expect(await ethers.provider.getStorage(poolAddress, 4)).to.equal(funding);
    });

    it("returns per-account rounding dust to the stream once the last holder leaves (no NUMI orphaned)", async function () {
      const { coin, pool, alice, bob, carol } = await loadFixture(fundedPoolFixture);
      // Odd stakes make every account's share of each step round down.
      await pool.connect(alice).stake(parseEther("7") + 7n);
      await pool.connect(bob).stake(parseEther("11") + 11n);
      await pool.connect(carol).stake(parseEther("13") + 13n);
      await arrive(coin, pool, parseEther("1") + 3n);
      for (let i = 0; i < 5; i++) {
        await time.increase(REWARDS_DURATION / 5n);
        await pool.sync();
      }
      await time.increase(REWARDS_DURATION);
      for (const s of [alice, bob]) await pool.connect(s).exit();
      const before = await pool.poolState();
      expect(
        before.rewardReserve - before.undistributed,
        "carol's rewards plus every account's rounding dust",
      ).to.be.greaterThan(await pool.earned(carol.address));
      await pool.connect(carol).exit();
      const after = await pool.poolState();
      expect(after.holders).to.equal(0n);
      expect(after.totalStaked).to.equal(0n);
      expect(after.undistributed, "the whole reserve streams again").to.equal(after.rewardReserve);
      expect(await coin.balanceOf(pool.getAddress())).to.equal(after.rewardReserve);
      // The next staker receives it: after a full period only that staker's own rounding is left behind.
      await pool.connect(alice).stake(parseEther("1"));
      await time.increase(REWARDS_DURATION + 1n);
      await pool.sync();
      await time.increase(REWARDS_DURATION + 1n);
      await pool.connect(alice).exit();
      const end = await pool.poolState();
      expect(end.rewardReserve, "what a 1-NUMI stake cannot be credited").to.be.lessThan(10n ** 6n);
      expect(end.undistributed).to.equal(end.rewardReserve);
    });
  });

  // Every bound the packed storage relies on (docs/adr/0003-pool-storage-packing.md): NUMI keeps inside them by
  // its cap; any other token is refused by a checked cast or addition rather than wrapped.
  describe("storage bounds", function () {
    /** A pool over a freely mintable token, where amounts beyond all NUMI ever can be tried. */
    async function foreignPool() {
      const [owner, alice, bob, treasury] = await ethers.getSigners();
      const token = await ethers.deployContract("ERC20Mock");
      const pool = (await ethers.deployContract("MiningPool", [
        await token.getAddress(),
        owner.address,
        REWARDS_DURATION,
        treasury.address,
      ])) as unknown as MiningPool;
      for (const s of [alice, bob]) {
        await token.mint(s.address, 2n ** 90n);
        await token.connect(s).approve(pool.getAddress(), ethers.MaxUint256);
      }
      return { token, pool, alice, bob };
    }

    it("all NUMI ever is below 2^85 wei: every NUMI amount fits the 85-bit amounts", async function () {
      const { coin } = await loadFixture(coinAndPoolFixture);
      expect(await coin.MAX_SUPPLY()).to.be.lessThan(2n ** 85n);
    });

    it("takes stakes up to a total of 2^85 - 1 and refuses one wei more (SafeCast, 85 bits)", async function () {
      const { pool, alice, bob } = await loadFixture(foreignPool);
      await pool.connect(alice).stake(2n ** 85n - 1n - 10n ** 18n);
      await pool.connect(bob).stake(10n ** 18n);
      expect(await pool.totalStaked()).to.equal(2n ** 85n - 1n);
      await expect(pool.connect(bob).stake(1n))
        .to.be.revertedWithCustomError(pool, "SafeCastOverflowedUintDowncast")
        .withArgs(85, 2n ** 85n);
    });

    it("refuses an arrival its 85-bit reward reserve cannot hold (SafeCast), and takes one that fits", async function () {
      const { token, pool } = await loadFixture(foreignPool);
      await token.mint(pool.getAddress(), 2n ** 85n);
      await expect(pool.sync())
        .to.be.revertedWithCustomError(pool, "SafeCastOverflowedUintDowncast")
        .withArgs(85, 2n ** 85n);
      const { token: token2, pool: pool2 } = await foreignPool();
      await token2.mint(pool2.getAddress(), 2n ** 85n - 1n);
      await expect(pool2.sync()).to.emit(pool2, "RewardsStreamed");
      expect((await pool2.poolState()).rewardReserve).to.equal(2n ** 85n - 1n);
    });

    it("a minimum stake earning the largest reserve: reward per token since paid reaches 2^85 and is paid in full", async function () {
      const { token, pool, alice } = await loadFixture(foreignPool);
      const min = await pool.MIN_STAKE();
      await pool.connect(alice).stake(min);
      await token.mint(pool.getAddress(), 2n ** 85n - 1n); // the whole 85-bit reserve, to one minimum stake
      await pool.sync();
      await time.increase(REWARDS_DURATION);
      const rpt = await pool.rewardPerToken();
      expect(rpt, "what alice's account must hold beside its paid checkpoint").to.be.greaterThan(2n ** 85n - 2n ** 30n);
      expect(rpt).to.be.lessThan(2n ** 85n);
      const earned = await pool.earned(alice.address);
      expect(earned).to.equal((min * rpt) / 10n ** 18n);
      expect(earned, "all of it, up to rounding").to.be.greaterThan(2n ** 85n - 2n ** 30n);
      await expect(pool.connect(alice).exit())
        .to.emit(pool, "RewardPaid")
        .withArgs(alice.address, earned)
        .and.to.emit(pool, "Withdrawn")
        .withArgs(alice.address, min);
    });

    it("a minimum stake streamed all NUMI ever keeps reward per token at most all NUMI ever (< 2^85)", async function () {
      const { coin, pool, alice } = await loadFixture(coinAndPoolFixture);
      const cap = await coin.MAX_SUPPLY();
      const min = await pool.MIN_STAKE();
      await coin.mintUnscheduled(alice.address, min);
      await coin.connect(alice).approve(pool.getAddress(), min);
      await pool.connect(alice).stake(min);
      await arrive(coin, pool, cap - min);
      await pool.sync();
      await time.increase(REWARDS_DURATION);
      const rpt = await pool.rewardPerToken();
      expect(rpt).to.be.lessThanOrEqual(cap);
      const earned = await pool.earned(alice.address);
      expect(earned, "all of it, up to rounding").to.be.greaterThan(cap - min - 10n ** 6n);
      await expect(pool.connect(alice).exit()).to.emit(pool, "RewardPaid").withArgs(alice.address, earned);
    });

    it("keeps each account's paid checkpoint modulo 2^86: a reward per token crossing 2^86 credits exactly", async function () {
      const { token, pool, alice, bob } = await loadFixture(foreignPool);
      // Slot 2 is the stream (reward per token in the low 104 bits); start it just below 2^86.
      const start = 2n ** 86n - 12_345n;
      await setStorageAt(await pool.getAddress(), 2, start);
      expect(await pool.rewardPerToken()).to.equal(start);
      await pool.connect(alice).stake(parseEther("1"));
      await pool.connect(bob).stake(parseEther("3"));
      await token.mint(pool.getAddress(), parseEther("400"));
      await pool.sync();
      await time.increase(REWARDS_DURATION / 2n);
      await pool.connect(bob).claim(); // bob's checkpoint is stored past the wrap
      await time.increase(REWARDS_DURATION);
      const rpt = await pool.rewardPerToken();
      expect(rpt).to.be.greaterThan(2n ** 86n);
      expect(await pool.earned(alice.address)).to.equal((parseEther("1") * (rpt - start)) / 10n ** 18n);
      const aliceEarned = await pool.earned(alice.address);
      const bobEarned = await pool.earned(bob.address);
      expect(aliceEarned).to.be.closeTo(parseEther("100"), 10n ** 6n);
      await expect(pool.connect(alice).exit()).to.emit(pool, "RewardPaid").withArgs(alice.address, aliceEarned);
      await expect(pool.connect(bob).exit()).to.emit(pool, "RewardPaid").withArgs(bob.address, bobEarned);
      const s = await pool.poolState();
      expect(s.rewardReserve).to.be.lessThan(10n ** 6n);
    });

    it("keeps reward per token modulo 2^104: it wraps, and every account is still credited exactly", async function () {
      const { token, pool, alice, bob } = await loadFixture(foreignPool);
      // Slot 2 is the stream: reward per token in bits 0-103, undistributed 104-191, holders 192-255 (all 0 here).
      const wrap = 2n ** 104n;
      const start = wrap - 12_345n;
      await setStorageAt(await pool.getAddress(), 2, start);
      expect(await pool.rewardPerToken()).to.equal(start);
      await pool.connect(alice).stake(parseEther("1"));
      await pool.connect(bob).stake(parseEther("3"));
      await token.mint(pool.getAddress(), parseEther("400"));
      await pool.sync();
      await time.increase(REWARDS_DURATION / 2n);
      await pool.connect(bob).claim(); // bob settles past the wrap
      await time.increase(REWARDS_DURATION);
      const rpt = await pool.rewardPerToken();
      expect(rpt, "wrapped").to.be.lessThan(start);
      const gained = rpt + wrap - start; // what reward per token gained since alice staked
      expect(gained).to.be.closeTo(parseEther("100"), 10n ** 6n);
      const aliceEarned = await pool.earned(alice.address);
      expect(aliceEarned).to.equal((parseEther("1") * gained) / 10n ** 18n);
      const bobEarned = await pool.earned(bob.address);
      await expect(pool.connect(alice).exit()).to.emit(pool, "RewardPaid").withArgs(alice.address, aliceEarned);
      await expect(pool.connect(bob).exit()).to.emit(pool, "RewardPaid").withArgs(bob.address, bobEarned);
      expect((await pool.poolState()).holders).to.equal(0n);
      expect((await pool.poolState()).rewardReserve).to.be.lessThan(10n ** 6n);
    });
  });

  describe("sweep", function () {
    it("sends a foreign token to a recipient with Swept", async function () {
      const { pool, owner, treasury } = await loadFixture(fundedPoolFixture);
      const foreign = await ethers.deployContract("ERC20Mock");
      await foreign.mint(pool.getAddress(), 1_000n);
      const tx = pool.connect(owner).sweep(foreign.getAddress(), treasury.address, 600n);
      await expect(tx)
        .to.emit(pool, "Swept")
        .withArgs(await foreign.getAddress(), treasury.address, 600n);
      await expect(tx).to.changeTokenBalances(foreign, [pool, treasury], [-600n, 600n]);
    });

    it("reverts with CannotSweepStakingToken for NUMI", async function () {
      const { coin, pool, owner } = await loadFixture(fundedPoolFixture);
      await expect(pool.connect(owner).sweep(coin.getAddress(), owner.address, 1n)).to.be.revertedWithCustomError(
        pool,
        "CannotSweepStakingToken",
      );
    });

    it("reverts with InvalidRecipient for the zero address", async function () {
      const { pool, owner } = await loadFixture(fundedPoolFixture);
      const foreign = await ethers.deployContract("ERC20Mock");
      await expect(pool.connect(owner).sweep(foreign.getAddress(), ethers.ZeroAddress, 1n))
        .to.be.revertedWithCustomError(pool, "InvalidRecipient")
        .withArgs(ethers.ZeroAddress);
    });
  });

  describe("setTreasury", function () {
    it("sets the treasury with TreasuryUpdated(old, new)", async function () {
      const { pool, owner, treasury, carol } = await loadFixture(fundedPoolFixture);
      await expect(pool.connect(owner).setTreasury(carol.address))
        .to.emit(pool, "TreasuryUpdated")
        .withArgs(treasury.address, carol.address);
      expect(await pool.treasury()).to.equal(carol.address);
      expect((await pool.poolState()).treasury).to.equal(carol.address);
    });

    it("reverts with InvalidTreasury for the zero address and for the pool", async function () {
      const { pool, owner } = await loadFixture(fundedPoolFixture);
      for (const bad of [ethers.ZeroAddress, await pool.getAddress()]) {
        await expect(pool.connect(owner).setTreasury(bad))
          .to.be.revertedWithCustomError(pool, "InvalidTreasury")
          .withArgs(bad);
      }
    });
  });

  shouldBehaveLikeHandoverOwnable(async function poolOwnership() {
    const { pool, owner, alice, mallory } = await fundedPoolFixture();
    const foreign = await ethers.deployContract("ERC20Mock");
    return {
      contract: pool,
      owner,
      alice,
      mallory,
      governedCalls: (as) => [
        () => pool.connect(as).setFee(0),
        () => pool.connect(as).setTreasury(as.address),
        () => pool.connect(as).setStakingPaused(true),
        () => pool.connect(as).sweep(foreign.getAddress(), as.address, 0n),
      ],
      governs: (as) => ({ call: () => pool.connect(as).setFee(1), event: "FeeUpdated" }),
    };
  });

  shouldBehaveLikeBoundedSetter("setFee", async function feeSetter() {
    const { pool, owner } = await fundedPoolFixture();
    return {
      contract: pool,
      set: (value) => pool.connect(owner).setFee(value),
      read: async () => (await pool.poolState()).feeBps,
      max: await pool.MAX_FEE_BPS(),
      event: "FeeUpdated",
      error: "FeeTooHigh",
    };
  });
});

/** The rate (wei per second) RewardsStreamed reports for a stream of `undistributed` wei over a new period. */
function rateOf(undistributed: bigint) {
  return undistributed / REWARDS_DURATION;
}
