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
});
