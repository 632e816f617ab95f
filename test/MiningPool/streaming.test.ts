// MiningPool streaming: linear accrual, time-weighted shares, flash stakes, idle periods, dust and solvency.
import { expect } from "chai";
import { network } from "hardhat";
import { loadFixture, mine } from "@nomicfoundation/hardhat-network-helpers";
import { parseEther } from "ethers";
import { REWARDS_DURATION, mineAs } from "../helpers/fixtures";
import { arrive, atTime, expectSolvent, fundedPoolFixture, mineAt, syncAtNextSecond } from "../helpers/pool";
import { latestTimestamp } from "../helpers/mining";

const D = REWARDS_DURATION;
// 3,600 NUMI over a 3,600 s period: exactly 1 NUMI per second, so expected figures are exact.
const PERIOD_REWARD = parseEther("3600");
const PER_SECOND = parseEther("1");
const PRECISION = 10n ** 18n;

describe("MiningPool: streaming", function () {
  it("earned grows linearly over the period and stops at its end", async function () {
    const { coin, pool, alice } = await loadFixture(fundedPoolFixture);
    await pool.connect(alice).stake(parseEther("100"));
    await arrive(coin, pool, PERIOD_REWARD);
    const t0 = await syncAtNextSecond(pool);
    for (const dt of [1n, 600n, 1_800n, 3_599n, 3_600n]) {
      await mineAt(t0 + dt);
      expect(await pool.earned(alice.address)).to.equal(PER_SECOND * dt);
      const p = await pool.position(alice.address);
      expect(p.rewardRate).to.equal(dt < D ? PER_SECOND : 0n);
      expect(p.periodFinish).to.equal(t0 + D);
    }
    await mineAt(t0 + 2n * D);
    expect(await pool.earned(alice.address)).to.equal(PERIOD_REWARD);
    expect((await pool.poolState()).rewardRate).to.equal(0n); // the stream has ended
    await expectSolvent(coin, pool, [alice]);
  });

  it("two stakers share by time-weighted stake (100 for the whole period, 300 for the second half)", async function () {
    const { coin, pool, alice, bob } = await loadFixture(fundedPoolFixture);
    await pool.connect(alice).stake(parseEther("100"));
    await arrive(coin, pool, PERIOD_REWARD);
    const t0 = await syncAtNextSecond(pool);
    await atTime(t0 + D / 2n);
    await pool.connect(bob).stake(parseEther("300"));
    const mid = await pool.position(bob.address);
    expect(mid.shareBps).to.equal(7_500n);
    await mineAt(t0 + D / 2n + 1n);
    expect((await pool.position(bob.address)).rewardRate).to.equal((PER_SECOND * 3n) / 4n);
    await mineAt(t0 + D);
    // alice: all of the first half, a quarter of the second; bob: three quarters of the second half
    expect(await pool.earned(alice.address)).to.equal((PERIOD_REWARD * 5n) / 8n);
    expect(await pool.earned(bob.address)).to.equal((PERIOD_REWARD * 3n) / 8n);
    await expectSolvent(coin, pool, [alice, bob]);
  });

  it("a flash stake around a mint earns nothing: the share arrives after it and streams afterwards", async function () {
    const { coin, pool, alice, bob, mallory } = await loadFixture(fundedPoolFixture);
    await pool.connect(alice).stake(parseEther("100"));
    // mallory stakes 100x alice's stake in the block before a mint and exits in the block after it
    await pool.connect(mallory).stake(parseEther("10000"));
    const { tx } = await mineAs(coin, bob); // 5 NUMI pool share arrives
    await expect(tx).to.changeTokenBalance(coin, pool, parseEther("5"));
    const exit = pool.connect(mallory).exit();
    await expect(exit).to.not.emit(pool, "RewardPaid");
    await expect(exit).to.changeTokenBalance(coin, mallory, parseEther("10000")); // principal only
    await mineAt(BigInt(await latestTimestamp()) + D);
    expect(await pool.earned(alice.address)).to.be.closeTo(parseEther("5"), 1_000n); // alice gets the share
    await expectSolvent(coin, pool, [alice, mallory]);
  });

  it("a flash stake held one second into the stream earns only its time-weighted share (1/3,600 of it)", async function () {
    const { coin, pool, alice, bob, mallory } = await loadFixture(fundedPoolFixture);
    await pool.connect(alice).stake(parseEther("100"));
    await pool.connect(mallory).stake(parseEther("9900")); // 99% of the pool
    await mineAs(coin, bob);
    const t0 = await syncAtNextSecond(pool); // 5 NUMI start streaming
    await atTime(t0 + 1n);
    const exit = await pool.connect(mallory).exit();
    const paid = (await exit.wait())!.logs.map((l) => pool.interface.parseLog(l)).find((e) => e?.name === "RewardPaid")!
      .args.amount as bigint;
    const oneSecondShare = (parseEther("5") * 99n) / 100n / D; // 99% of one second of the stream
    // reward per token has a granularity of totalStaked / 1e18 = 1e4 wei here; the rest stays undistributed
    expect(paid).to.be.closeTo(oneSecondShare, 10_000n);
    expect(paid * 3_000n).to.be.lessThan(parseEther("5")); // under 0.034% of the reward
    await expectSolvent(coin, pool, [alice, mallory]);
  });

  it("rewards arriving while nobody stakes are not handed in bulk to the first staker: they stream over a new period", async function () {
    const { coin, pool, alice } = await loadFixture(fundedPoolFixture);
    await arrive(coin, pool, PERIOD_REWARD);
    const t0 = await syncAtNextSecond(pool); // streams to nobody
    await atTime(t0 + 2n * D); // well after the period ended
    await expect(pool.connect(alice).stake(parseEther("100")))
      .to.emit(pool, "RewardsStreamed")
      .withArgs(0n, 0n, PER_SECOND, t0 + 3n * D); // the whole amount restarts over a new period
    await mineAt(t0 + 2n * D + 1n);
    expect(await pool.earned(alice.address)).to.equal(PER_SECOND); // one second's worth, not 3,600 NUMI
    await mineAt(t0 + 3n * D);
    expect(await pool.earned(alice.address)).to.equal(PERIOD_REWARD);
    await expectSolvent(coin, pool, [alice]);
  });

  it("the part of a period nobody staked through rolls into a new period for the next stakers", async function () {
    const { coin, pool, alice, bob } = await loadFixture(fundedPoolFixture);
    await pool.connect(alice).stake(parseEther("100"));
    await arrive(coin, pool, PERIOD_REWARD);
    const t0 = await syncAtNextSecond(pool);
    await atTime(t0 + D / 2n);
    await expect(pool.connect(alice).exit())
      .to.emit(pool, "RewardPaid")
      .withArgs(alice.address, PERIOD_REWARD / 2n);
    expect((await pool.poolState()).undistributed).to.equal(PERIOD_REWARD / 2n);
    await atTime(t0 + 2n * D); // nobody staked for the rest of the period and beyond
    await expect(pool.connect(bob).stake(parseEther("100")))
      .to.emit(pool, "RewardsStreamed")
      .withArgs(0n, 0n, PER_SECOND / 2n, t0 + 3n * D);
    await mineAt(t0 + 3n * D);
    expect(await pool.earned(bob.address)).to.equal(PERIOD_REWARD / 2n);
    await expectSolvent(coin, pool, [alice, bob]);
  });

  it("a new arrival mid-period restarts one stream over everything left to give", async function () {
    const { coin, pool, alice } = await loadFixture(fundedPoolFixture);
    await pool.connect(alice).stake(parseEther("100"));
    await arrive(coin, pool, PERIOD_REWARD);
    const t0 = await syncAtNextSecond(pool);
    await arrive(coin, pool, PERIOD_REWARD / 2n);
    await atTime(t0 + D / 2n);
    // half the first amount is left, plus the new half: 3,600 NUMI over a fresh period, 1 NUMI/s
    await expect(pool.sync())
      .to.emit(pool, "RewardsStreamed")
      .withArgs(PERIOD_REWARD / 2n, 0n, PER_SECOND, t0 + D / 2n + D);
    await mineAt(t0 + D / 2n + D);
    expect(await pool.earned(alice.address)).to.equal(PERIOD_REWARD + PERIOD_REWARD / 2n);
  });

  it("re-streams rounding dust instead of losing it: over the rest of its period, then over a new one", async function () {
    const { coin, pool, alice, bob } = await loadFixture(fundedPoolFixture);
    await pool.connect(alice).stake(parseEther("3") + 3n);
    await pool.connect(bob).stake(parseEther("4") + 4n);
    const staked = parseEther("7") + 7n; // one unit of reward per token credits 7 wei (rounded down)
    await arrive(coin, pool, 1_000_000n); // 277.7 wei per second: every step rounds
    const t0 = await syncAtNextSecond(pool);
    for (let i = 1n; i <= 11n; i++) {
      await atTime(t0 + i * 300n);
      await pool.sync();
    }
    // Each step's rounding stayed undistributed and was paid over the rest of the period: at its end only what
    // reward per token cannot represent in the last step is left, under one unit (7 wei). The next checkpoint
    // streams that again over a new period.
    await atTime(t0 + D);
    await expect(pool.sync())
      .to.emit(pool, "RewardsStreamed")
      .withArgs(0n, 0n, 0n, t0 + 2n * D);
    const dust = (await pool.poolState()).undistributed;
    expect(dust).to.be.greaterThan(0n);
    expect(dust * PRECISION).to.be.lessThan(staked);
    const earnedBefore = (await pool.earned(alice.address)) + (await pool.earned(bob.address));
    // rounding stays in the reserve, in the pool's favour: at most 1 wei per account, and (stakes of whole NUMI
    // plus a few wei, as MIN_STAKE requires) under 1 wei per streaming step, where `taken` rounds up: 12 steps
    expect((await pool.poolState()).rewardReserve).to.equal(1_000_000n);
    expect(earnedBefore + dust).to.be.within(1_000_000n - 2n - 12n, 1_000_000n);
    // bob leaves and alice keeps exactly 1 NUMI: one unit of reward per token is 1 wei, so the dust can be paid
    await pool.connect(bob).exit();
    await pool.connect(alice).withdraw(parseEther("2") + 3n);
    const aliceBefore = await pool.earned(alice.address);
    await mineAt(t0 + 2n * D);
    expect((await pool.poolState()).undistributed).to.equal(0n);
    expect(await pool.earned(alice.address)).to.equal(aliceBefore + dust);
    await expectSolvent(coin, pool, [alice, bob]);
  });

  it("the time nobody stakes is paid over the rest of the period: the rate follows what is left", async function () {
    const { coin, pool, alice, bob } = await loadFixture(fundedPoolFixture);
    await pool.connect(alice).stake(parseEther("100"));
    await arrive(coin, pool, PERIOD_REWARD);
    const t0 = await syncAtNextSecond(pool);
    await atTime(t0 + D / 2n);
    await pool.connect(alice).exit(); // half paid, half undistributed, nobody staking
    await mineAt(t0 + (3n * D) / 4n);
    // 1,800 NUMI left for the last 900 s of the period: 2 NUMI/s from now on
    expect((await pool.poolState()).rewardRate).to.equal(2n * PER_SECOND);
    await atTime(t0 + (3n * D) / 4n + 1n);
    await pool.connect(bob).stake(parseEther("100"));
    const left = D / 4n - 1n; // bob's stake streams the 1,800 NUMI over the 899 s left
    expect((await pool.position(bob.address)).rewardRate).to.equal(PERIOD_REWARD / 2n / left);
    await mineAt(t0 + (3n * D) / 4n + 451n);
    expect(await pool.earned(bob.address)).to.be.closeTo(((PERIOD_REWARD / 2n) * 450n) / left, 1_000n);
    await mineAt(t0 + D);
    // the whole period's reward is paid by its end: alice the first half, bob the rest
    expect(await pool.earned(bob.address)).to.equal(PERIOD_REWARD / 2n);
    expect((await pool.poolState()).undistributed).to.equal(0n);
    expect((await pool.poolState()).rewardRate).to.equal(0n);
    await expectSolvent(coin, pool, [alice, bob]);
  });

  it("poolState() and position() report every field", async function () {
    const { coin, pool, owner, alice, bob, treasury } = await loadFixture(fundedPoolFixture);
    await pool.connect(owner).setFee(1_000);
    await pool.connect(alice).stake(parseEther("100"));
    await pool.connect(bob).stake(parseEther("300"));
    await arrive(coin, pool, parseEther("4000"));
    expect((await pool.poolState()).unsynced).to.equal(parseEther("4000"));
    const t0 = await syncAtNextSecond(pool); // 400 fee, 3,600 streamed at 1 NUMI/s
    await arrive(coin, pool, 7n);
    await mineAt(t0 + 400n);
    const s = await pool.poolState();
    expect(s.totalStaked).to.equal(parseEther("400"));
    expect(s.rewardRate).to.equal(PER_SECOND);
    expect(s.periodFinish).to.equal(t0 + D);
    expect(s.rewardPerToken).to.equal((parseEther("400") * 10n ** 18n) / parseEther("400"));
    expect(s.undistributed).to.equal(PERIOD_REWARD - parseEther("400"));
    expect(s.rewardReserve).to.equal(PERIOD_REWARD);
    expect(s.unsynced).to.equal(7n);
    expect(s.rewardsDuration).to.equal(D);
    expect(s.feeBps).to.equal(1_000);
    expect(s.treasury).to.equal(treasury.address);
    expect(s.stakingPaused).to.equal(false);
    expect(await pool.rewardPerToken()).to.equal(s.rewardPerToken);

    const p = await pool.position(bob.address);
    expect(p.staked).to.equal(parseEther("300"));
    expect(p.earned).to.equal(parseEther("300"));
    expect(p.shareBps).to.equal(7_500n);
    expect(p.rewardRate).to.equal((PER_SECOND * 3n) / 4n);
    expect(p.periodFinish).to.equal(t0 + D);
    const none = await pool.position(owner.address);
    expect(none.staked).to.equal(0n);
    expect(none.shareBps).to.equal(0n);
    expect(none.rewardRate).to.equal(0n);
  });

  it("stays solvent after every step of a scenario with real mining, fee, stakes, withdrawals and claims", async function () {
    const { coin, pool, owner, alice, bob, carol, mallory } = await loadFixture(fundedPoolFixture);
    const everyone = [alice, bob, carol, mallory];
    const steps: Array<() => Promise<unknown>> = [
      () => pool.connect(alice).stake(parseEther("100")),
      () => mineAs(coin, mallory),
      () => pool.connect(bob).stake(parseEther("250")),
      () => mineAs(coin, carol),
      () => network.provider.send("evm_increaseTime", [700]),
      () => pool.connect(alice).claim(),
      () => pool.connect(owner).setFee(700),
      () => mineAs(coin, mallory),
      () => pool.connect(carol).stake(parseEther("1")),
      () => arrive(coin, pool, parseEther("13")), // a donation
      () => pool.connect(bob).withdraw(parseEther("200")),
      () => network.provider.send("evm_increaseTime", [5_000]),
      () => mineAs(coin, alice),
      () => pool.connect(owner).setStakingPaused(true),
      () => pool.connect(carol).exit(),
      () => pool.connect(owner).setStakingPaused(false),
      () => pool.connect(mallory).stake(parseEther("5000")),
      () => pool.sync(),
      () => pool.connect(mallory).exit(),
      () => network.provider.send("evm_increaseTime", [10_000]),
      () => pool.connect(alice).exit(),
      () => pool.connect(bob).exit(),
    ];
    for (const step of steps) {
      await step();
      await mine();
      await expectSolvent(coin, pool, everyone);
    }
    const s = await pool.poolState();
    expect(s.totalStaked).to.equal(0n);
    // what is left is undistributed dust plus what arrived after the last sync, never anyone's principal
    expect(await coin.balanceOf(pool.getAddress())).to.equal(s.rewardReserve + s.unsynced);
    expect(s.rewardReserve).to.equal(s.undistributed);
    expect(s.undistributed).to.be.lessThan(parseEther("1")); // only the share that arrived after everyone left
  });
});
