// StreamMath.accrue through LibraryHarness: what one accrual step credits, and that it never takes more than
// is left to stream. (The same properties are proved for every input in test/foundry/symbolic.)
import { expect } from "chai";
import { ethers } from "hardhat";
import { loadFixture } from "@nomicfoundation/hardhat-network-helpers";
import { parseEther } from "ethers";
import type { LibraryHarness } from "../../typechain-types";

const PRECISION = 10n ** 18n;
const RATE_PRECISION = 10n ** 6n;

async function harness() {
  return { lib: (await ethers.deployContract("LibraryHarness")) as unknown as LibraryHarness };
}

describe("StreamMath", function () {
  it("credits nothing while nobody stakes", async function () {
    const { lib } = await loadFixture(harness);
    const [delta, taken] = await lib.accrue(RATE_PRECISION * 10n, 100n, parseEther("1"), 0n);
    expect([delta, taken]).to.deep.equal([0n, 0n]);
  });

  it("streams rate x elapsed, floored per token, and takes the credited amount rounded up", async function () {
    const { lib } = await loadFixture(harness);
    const rate = 7n * RATE_PRECISION + 3n; // 7.000003 wei per second
    const staked = 3n;
    const [delta, taken] = await lib.accrue(rate, 10n, parseEther("1"), staked);
    const emitted = (rate * 10n) / RATE_PRECISION; // 70 wei
    expect(delta).to.equal((emitted * PRECISION) / staked);
    expect(taken).to.equal((delta * staked + PRECISION - 1n) / PRECISION);
    expect(taken).to.be.lessThanOrEqual(emitted);
    expect(delta * staked).to.be.lessThanOrEqual(taken * PRECISION);
  });

  it("never takes more than is left to stream, even when rate x elapsed would exceed it", async function () {
    const { lib } = await loadFixture(harness);
    const undistributed = 1_000n;
    const [delta, taken] = await lib.accrue(RATE_PRECISION * 500n, 10n, undistributed, 7n); // 5,000 wei due
    expect(delta).to.equal((undistributed * PRECISION) / 7n);
    expect(taken).to.be.lessThanOrEqual(undistributed);
    expect(taken).to.equal((delta * 7n + PRECISION - 1n) / PRECISION);
  });

  it("at the extremes of the pool's storage bounds, one step adds under 2^156 to reward per token", async function () {
    const { lib } = await loadFixture(harness);
    // rate < 2^128, elapsed < 2^40, undistributed < 2^96, totalStaked >= 1: all of undistributed on one wei.
    const [delta, taken] = await lib.accrue(2n ** 128n - 1n, 2n ** 40n - 1n, 2n ** 96n - 1n, 1n);
    expect(delta).to.equal((2n ** 96n - 1n) * PRECISION);
    expect(delta).to.be.lessThan(2n ** 156n);
    expect(taken).to.equal(2n ** 96n - 1n);
  });
});
