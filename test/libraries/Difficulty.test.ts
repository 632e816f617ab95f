// Difficulty.nextTarget through LibraryHarness: the exponential step, its caps and clamps, and extremes.
import { expect } from "chai";
import { ethers } from "hardhat";
import { loadFixture } from "@nomicfoundation/hardhat-network-helpers";
import { MAX_TARGET, MIN_TARGET } from "../helpers/mining";
import { expectedNextTarget, ratio } from "../helpers/difficultyModel";
import { Rng } from "../helpers/rng";
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

  it("the TypeScript model (test/helpers/difficultyModel.ts) matches the contract bit for bit: every exponent, and random inputs", async function () {
    // The long-horizon simulation (test/simulation) runs millions of epochs on the model, so it must be the
    // contract's rule exactly. T = 16384 makes span = 4T = 2^16, so elapsed 0 .. 9T hits each of the 147,457
    // fixed-point exponents e = 49152 .. 196608 once (every fraction of every doublings branch), each with a
    // random target; then 20,000 random (target, elapsed, T) over the whole input range, elapsed up to 2^256 - 1.
    const { lib } = await loadFixture(harness);
    const rng = new Rng(0x4e554d49);
    const inputs: [bigint, bigint, bigint][] = [];
    for (let elapsed = 0n; elapsed <= 9n * 16_384n + 10n; elapsed++) {
      inputs.push([rng.bigint(MIN_TARGET, MAX_TARGET), elapsed, 16_384n]);
    }
    for (let i = 0; i < 20_000; i++) {
      const epochTime = rng.bigint(1n, 7n * 86_400n);
      const elapsed = i % 10 === 0 ? rng.bigint(0n, ethers.MaxUint256) : rng.bigint(0n, 10n * epochTime);
      const target = i % 3 === 0 ? MIN_TARGET << rng.bigint(0n, 236n) : rng.bigint(MIN_TARGET, MAX_TARGET);
      inputs.push([target > MAX_TARGET ? MAX_TARGET : target, elapsed, epochTime]);
    }
    let mismatches = 0;
    for (let start = 0; start < inputs.length; start += 4_096) {
      const batch = inputs.slice(start, start + 4_096);
      const got = await lib.nextTargets(
        batch.map((x) => x[0]),
        batch.map((x) => x[1]),
        batch.map((x) => x[2]),
      );
      batch.forEach(([target, elapsed, epochTime], i) => {
        if (got[i] !== expectedNextTarget(target, elapsed, epochTime)) mismatches++;
      });
    }
    expect(inputs.length).to.equal(167_467);
    expect(mismatches).to.equal(0);
  });
});
