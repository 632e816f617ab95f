// The TypeScript difficulty model against the contract, bit for bit. The long-horizon simulation
// (emissionHorizon.test.ts) runs millions of epochs on the model, so the model must be the contract's rule exactly.
// It lives with the simulations: 41 calls of 4,096 inputs each, too heavy for coverage's instrumented build
// (scripts/ci/coverage-check.ts leaves test/simulation out).
import { expect } from "chai";
import { ethers } from "hardhat";
import { loadFixture } from "@nomicfoundation/hardhat-network-helpers";
import { MAX_TARGET, MIN_TARGET } from "../helpers/mining";
import { expectedNextTarget } from "../helpers/difficultyModel";
import { Rng } from "../helpers/rng";
import type { LibraryHarness } from "../../typechain-types";

async function harness() {
  return { lib: (await ethers.deployContract("LibraryHarness")) as unknown as LibraryHarness };
}

describe("Difficulty model (test/helpers/difficultyModel.ts)", function () {
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
