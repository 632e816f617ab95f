// NumiCoin difficulty retargeting, observed through real mints at chosen block timestamps.
import { expect } from "chai";
import { ethers } from "hardhat";
import { loadFixture, time } from "@nomicfoundation/hardhat-network-helpers";
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/signers";
import { TARGET_EPOCH_TIME, coinFixture, mineAs } from "../helpers/fixtures";
import { MAX_TARGET, TEST_TARGET } from "../helpers/mining";
import { expectedStoredTarget, ratio } from "../helpers/difficultyModel";
import type { NumiCoin } from "../../typechain-types";

const T = TARGET_EPOCH_TIME;

/** Mines one epoch that took exactly `elapsed` seconds since the last reward; returns the new target. */
async function mineEpochTaking(coin: NumiCoin, miner: HardhatEthersSigner, elapsed: bigint): Promise<bigint> {
  const { epochStart } = await coin.miningState();
  await time.setNextBlockTimestamp(epochStart + elapsed);
  const { tx } = await mineAs(coin, miner);
  const newTarget = await coin.getMiningTarget();
  await expect(tx)
    .to.emit(coin, "EpochRewarded")
    .withArgs((await coin.epochCount()) - 1n, newTarget, 0n);
  return newTarget;
}

async function coinAt(target: bigint) {
  const [owner, alice] = await ethers.getSigners();
  const coin = (await ethers.deployContract("NumiCoin", [owner.address, T, target])) as unknown as NumiCoin;
  return { coin, alice };
}

describe("NumiCoin: difficulty retarget", function () {
  it("a fast epoch (1 s) makes the target harder by about 2^-1/4", async function () {
    const { coin, alice } = await loadFixture(coinFixture);
    const next = await mineEpochTaking(coin, alice, 1n);
    expect(next).to.equal(expectedStoredTarget(TEST_TARGET, 1n, T));
    expect(next).to.be.lessThan(TEST_TARGET);
    // 2^((1 - 60) / 240) = 0.8434; an instant epoch would give 2^-1/4 = 0.8409
    expect(ratio(next, TEST_TARGET)).to.be.closeTo(2 ** (-59 / 240), 2e-4);
  });

  it("an epoch of exactly the target time leaves the target unchanged", async function () {
    const { coin, alice } = await loadFixture(coinFixture);
    expect(await mineEpochTaking(coin, alice, T)).to.equal(TEST_TARGET);
  });

  it("a slow epoch (5T) eases the target exactly 2x", async function () {
    const { coin, alice } = await loadFixture(coinFixture);
    expect(await mineEpochTaking(coin, alice, 5n * T)).to.equal(TEST_TARGET * 2n);
  });

  it("caps the easing at 4x per epoch however long the epoch took (9T and 100T)", async function () {
    const { coin, alice } = await loadFixture(coinFixture);
    expect(await mineEpochTaking(coin, alice, 9n * T)).to.equal(TEST_TARGET * 4n);
    const { coin: other } = await coinAt(TEST_TARGET >> 4n);
    expect(await mineEpochTaking(other, alice, 100n * T)).to.equal((TEST_TARGET >> 4n) * 4n);
  });

  it("clamps to MAX_TARGET (difficulty 1) when easing would pass it", async function () {
    const { coin, alice } = await coinAt(MAX_TARGET >> 1n);
    expect(await mineEpochTaking(coin, alice, 100n * T)).to.equal(MAX_TARGET);
    expect(await coin.getMiningDifficulty()).to.equal(1n);
    expect(await mineEpochTaking(coin, alice, 100n * T)).to.equal(MAX_TARGET); // stays there
  });

  it("a pause neither eases nor hardens: unpause carries the time the epoch had run", async function () {
    const { coin, owner, alice } = await loadFixture(coinFixture);
    const { epochStart } = await coin.miningState();
    await time.setNextBlockTimestamp(epochStart + 2n * T);
    await coin.connect(owner).pauseMining(); // the epoch had run 2T
    await time.increase(100n * T);
    // While paused the clock stands still: the epoch reads as having run 2T, whatever the time.
    expect((await coin.miningState()).epochStart).to.equal(BigInt(await time.latest()) - 2n * T);
    await coin.connect(owner).unpauseMining();
    const unpausedAt = BigInt(await time.latest());
    expect((await coin.miningState()).epochStart).to.equal(unpausedAt - 2n * T);
    const next = await mineEpochTaking(coin, alice, 3n * T); // T after the unpause: 3T of mining in all
    expect(next).to.equal(expectedStoredTarget(TEST_TARGET, 3n * T, T));
  });

  it("a pause that ends on its own carries the epoch's time the same way", async function () {
    const { coin, owner, alice } = await loadFixture(coinFixture);
    const { epochStart } = await coin.miningState();
    await time.setNextBlockTimestamp(epochStart + 2n * T);
    await coin.connect(owner).pauseMining();
    const until = (await coin.miningState()).pausedUntil;
    await time.increaseTo(until);
    expect((await coin.miningState()).epochStart).to.equal(until - 2n * T);
    const next = await mineEpochTaking(coin, alice, 3n * T);
    expect(next).to.equal(expectedStoredTarget(TEST_TARGET, 3n * T, T));
  });

  it("recovers from a 1000x hash-rate drop: 4x easier per epoch for 4 epochs, epoch time under 2.5T after 5 epochs and under 1.5T after 9", async function () {
    // Miners who found a solution every T now need 1000x longer. Each epoch takes its expected time
    // T * 1000 * start / target; the target eases by up to 4x per epoch (no waiting for a retarget window).
    const start = MAX_TARGET >> 12n;
    const { coin, alice } = await coinAt(start);
    const expectedEpochTime = (target: bigint) => (T * 1000n * start) / target;
    let target = start;
    const epochTimes: bigint[] = [];
    for (let epoch = 1; epoch <= 9; epoch++) {
      const elapsed = expectedEpochTime(target);
      const next = await mineEpochTaking(coin, alice, elapsed);
      expect(next).to.equal(expectedStoredTarget(target, elapsed, T));
      if (epoch <= 4) expect(next).to.equal(target * 4n); // capped easing while far off
      target = next;
      epochTimes.push(expectedEpochTime(target));
    }
    expect(epochTimes[3]).to.equal(234n); // after 4 epochs: 256x easier, 3.9T
    expect(epochTimes[4]).to.be.lessThan((5n * T) / 2n); // after 5 epochs
    expect(epochTimes[8]).to.be.lessThan((3n * T) / 2n); // after 9 epochs
    // never overshoots: the epoch time approaches T from above
    for (let i = 1; i < epochTimes.length; i++) expect(epochTimes[i]).to.be.lessThan(epochTimes[i - 1]);
    expect(epochTimes[8]).to.be.greaterThan(T);
  });

  it("after a 64x hash-rate drop the expected epoch time is back under 2T in 4 epochs (4x, 4x, then proportional)", async function () {
    const start = MAX_TARGET >> 8n;
    const { coin, alice } = await coinAt(start);
    let target = start;
    for (let epoch = 1; epoch <= 4; epoch++) {
      target = await mineEpochTaking(coin, alice, (T * 64n * start) / target);
      if (epoch <= 2) expect(target).to.equal(start * 4n ** BigInt(epoch));
    }
    const epochTime = (T * 64n * start) / target;
    expect(epochTime).to.be.lessThan(2n * T);
    expect(epochTime).to.be.greaterThanOrEqual(T);
  });
});
