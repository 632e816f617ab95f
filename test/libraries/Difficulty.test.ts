// Difficulty.nextTarget through LibraryHarness: the exponential step, its caps and clamps, and extremes.
import { expect } from "chai";
import { ethers } from "hardhat";
import { loadFixture } from "@nomicfoundation/hardhat-network-helpers";
import { MAX_TARGET, MIN_TARGET } from "../helpers/mining";
import { expectedNextTarget, ratio } from "../helpers/difficultyModel";
import type { LibraryHarness } from "../../typechain-types";

const T = 600n;
const MID = 2n ** 200n;

async function harness() {
  return { lib: (await ethers.deployContract("LibraryHarness")) as unknown as LibraryHarness };
}

describe("Difficulty", function () {
  it("elapsed 0 (an instant epoch) makes the target 2^-1/4 harder, the most one epoch can tighten", async function () {
    const { lib } = await loadFixture(harness);
    const next = await lib.nextTarget(MID, 0n, T);
    expect(next).to.equal(expectedNextTarget(MID, 0n, T));
    expect(ratio(next, MID)).to.be.closeTo(2 ** -0.25, 1.3e-4 * 2 ** -0.25); // cubic approximation < 0.013%
  });

  it("elapsed = T leaves the target exactly unchanged", async function () {
    const { lib } = await loadFixture(harness);
    for (const target of [MIN_TARGET, MID, MAX_TARGET]) expect(await lib.nextTarget(target, T, T)).to.equal(target);
  });

  it("each 4T of delay doubles the target: 5T gives 2x, 9T gives 4x", async function () {
    const { lib } = await loadFixture(harness);
    expect(await lib.nextTarget(MID, 5n * T, T)).to.equal(MID * 2n);
    expect(await lib.nextTarget(MID, 9n * T, T)).to.equal(MID * 4n);
  });

  it("caps the easing at 4x for any longer epoch, including 2^256 - 1 seconds", async function () {
    const { lib } = await loadFixture(harness);
    for (const elapsed of [9n * T + 1n, 1_000n * T, 2n ** 64n, ethers.MaxUint256]) {
      expect(await lib.nextTarget(MID, elapsed, T)).to.equal(MID * 4n);
    }
  });

  it("matches the reference model at fractional exponents within the approximation's error", async function () {
    const { lib } = await loadFixture(harness);
    for (const elapsed of [1n, 150n, 599n, 601n, 1_000n, 2_400n, 3_000n, 5_399n]) {
      const next = await lib.nextTarget(MID, elapsed, T);
      expect(next).to.equal(expectedNextTarget(MID, elapsed, T));
      const exact = 2 ** (Number(elapsed - T) / Number(4n * T));
      expect(ratio(next, MID)).to.be.closeTo(exact, 1.3e-4 * exact);
    }
  });

  it("is monotonic in elapsed: a slower epoch never gives a harder target", async function () {
    const { lib } = await loadFixture(harness);
    let previous = 0n;
    for (let elapsed = 0n; elapsed <= 10n * T; elapsed += 37n) {
      const next = await lib.nextTarget(MID, elapsed, T);
      expect(next).to.be.greaterThanOrEqual(previous);
      previous = next;
    }
  });

  it("clamps to MIN_TARGET when tightening from the hardest target", async function () {
    const { lib } = await loadFixture(harness);
    expect(await lib.nextTarget(MIN_TARGET, 0n, T)).to.equal(MIN_TARGET);
    expect(await lib.nextTarget(MIN_TARGET + 1n, 0n, T)).to.equal(MIN_TARGET);
  });

  it("clamps to MAX_TARGET when easing from the easiest target, without overflow", async function () {
    const { lib } = await loadFixture(harness);
    expect(await lib.nextTarget(MAX_TARGET, ethers.MaxUint256, T)).to.equal(MAX_TARGET);
    expect(await lib.nextTarget(MAX_TARGET >> 1n, 9n * T, T)).to.equal(MAX_TARGET);
    expect(await lib.nextTarget(MAX_TARGET, 0n, T)).to.equal(expectedNextTarget(MAX_TARGET, 0n, T));
  });

  it("works at the extreme target epoch times (1 s and 7 days)", async function () {
    const { lib } = await loadFixture(harness);
    expect(await lib.nextTarget(MID, 1n, 1n)).to.equal(MID);
    expect(await lib.nextTarget(MID, 5n, 1n)).to.equal(MID * 2n);
    const week = 7n * 86_400n;
    expect(await lib.nextTarget(MID, week, week)).to.equal(MID);
    expect(await lib.nextTarget(MID, 0n, week)).to.equal(expectedNextTarget(MID, 0n, week));
  });
});
