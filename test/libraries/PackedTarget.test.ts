// PackedTarget through LibraryHarness: the 32-bit form NumiCoin keeps its mining target in.
import { expect } from "chai";
import { ethers } from "hardhat";
import { loadFixture } from "@nomicfoundation/hardhat-network-helpers";
import { MAX_TARGET, MIN_TARGET } from "../helpers/mining";
import { packedTarget } from "../helpers/difficultyModel";
import type { LibraryHarness } from "../../typechain-types";

async function harness() {
  return { lib: (await ethers.deployContract("LibraryHarness")) as unknown as LibraryHarness };
}

async function roundTrip(lib: LibraryHarness, target: bigint) {
  return lib.unpackTarget(await lib.packTarget(target));
}

describe("PackedTarget", function () {
  it("keeps MIN_TARGET, MAX_TARGET, every power of two and every target below 2^24 exactly", async function () {
    const { lib } = await loadFixture(harness);
    for (const target of [MIN_TARGET, MAX_TARGET, 1n, 2n ** 23n, 2n ** 24n - 1n, 2n ** 24n, 2n ** 100n, 2n ** 255n])
      expect(await roundTrip(lib, target)).to.equal(target);
  });

  it("rounds down to 24 significant bits: never easier than computed, by less than 2^-23 of the target", async function () {
    const { lib } = await loadFixture(harness);
    for (const target of [2n ** 24n + 1n, MAX_TARGET - 1n, 3n ** 150n, (2n ** 200n / 3n) * 2n + 1n]) {
      const kept = await roundTrip(lib, target);
      expect(kept).to.equal(packedTarget(target)); // the model the NumiCoin tests use
      expect(kept).to.be.lte(target);
      expect((target - kept) * 2n ** 23n).to.be.lt(target);
    }
  });

  it("at the bound: the largest uint256 packs with exponent 232 and loses the least it can", async function () {
    const { lib } = await loadFixture(harness);
    const packed = await lib.packTarget(ethers.MaxUint256);
    expect(packed >> 24n).to.equal(232n);
    expect(packed & 0xffffffn).to.equal(0xffffffn);
    expect(await lib.unpackTarget(packed)).to.equal(((1n << 24n) - 1n) << 232n);
  });

  it("packs zero as zero", async function () {
    const { lib } = await loadFixture(harness);
    expect(await lib.packTarget(0n)).to.equal(0n);
    expect(await lib.unpackTarget(0n)).to.equal(0n);
  });
});
