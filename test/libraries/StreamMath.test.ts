// StreamMath.accrue through LibraryHarness: what one accrual step credits, and that it never takes more than
// is left to stream. (The same properties are proved for every input in test/foundry/symbolic.)
import { expect } from "chai";
import { ethers } from "hardhat";
import { loadFixture } from "@nomicfoundation/hardhat-network-helpers";
import { parseEther } from "ethers";
import type { LibraryHarness } from "../../typechain-types";

const PRECISION = 10n ** 18n;

async function harness() {
  return { lib: (await ethers.deployContract("LibraryHarness")) as unknown as LibraryHarness };
}

describe("StreamMath", function () {
  it("credits nothing while nobody stakes, or with no time elapsed", async function () {
    const { lib } = await loadFixture(harness);
    expect(await lib.accrue(parseEther("1"), 100n, 3_600n, 0n)).to.deep.equal([0n, 0n]);
    expect(await lib.accrue(parseEther("1"), 0n, 3_600n, parseEther("1"))).to.deep.equal([0n, 0n]);
  });

  it("streams undistributed x elapsed / remaining, floored per token, and takes the credit rounded up", async function () {
    const { lib } = await loadFixture(harness);
    const undistributed = 1_000n;
    const staked = 3n;
    const [delta, taken] = await lib.accrue(undistributed, 10n, 3_600n, staked);
    const emitted = (undistributed * 10n) / 3_600n; // 2 wei (2.7, floored: the rest stays for the period)
    expect(delta).to.equal((emitted * PRECISION) / staked);
    expect(taken).to.equal((delta * staked + PRECISION - 1n) / PRECISION);
    expect(taken).to.be.lessThanOrEqual(emitted);
    expect(delta * staked).to.be.lessThanOrEqual(taken * PRECISION);
  });

  it("pays the rate the undistributed amount implies: the same share of it for the same share of the time", async function () {
    const { lib } = await loadFixture(harness);
    const staked = PRECISION; // one token: reward per token is then the credit in wei, scaled
    // a quarter of the time left takes a quarter of what is left, whatever the period's length
    for (const remaining of [60n, 3_600n, 7n * 86_400n]) {
      const [delta, taken] = await lib.accrue(parseEther("400"), remaining / 4n, remaining, staked);
      expect(taken).to.equal(parseEther("100"));
      expect(delta).to.equal(parseEther("100"));
    }
  });

  it("releases everything at the end of the period and never more, however long after it", async function () {
    const { lib } = await loadFixture(harness);
    const undistributed = 1_000n;
    for (const elapsed of [3_600n, 3_601n, 2n ** 40n - 1n]) {
      const [delta, taken] = await lib.accrue(undistributed, elapsed, 3_600n, 7n);
      expect(delta).to.equal((undistributed * PRECISION) / 7n);
      expect(taken).to.equal((delta * 7n + PRECISION - 1n) / PRECISION);
      expect(taken).to.be.lessThanOrEqual(undistributed);
    }
  });

  it("needs at least one second left in the period: 0 is a division by zero (the pool never passes it)", async function () {
    const { lib } = await loadFixture(harness);
    await expect(lib.accrue(1_000n, 1n, 0n, 7n)).to.be.revertedWithPanic(0x12);
  });

  it("at the extremes of the pool's storage bounds, one step adds under 2^156 to reward per token", async function () {
    const { lib } = await loadFixture(harness);
    // undistributed < 2^96, elapsed < 2^40, remaining >= 1, totalStaked >= 1: all of undistributed on one wei.
    const [delta, taken] = await lib.accrue(2n ** 96n - 1n, 2n ** 40n - 1n, 1n, 1n);
    expect(delta).to.equal((2n ** 96n - 1n) * PRECISION);
    expect(delta).to.be.lessThan(2n ** 156n);
    expect(taken).to.equal(2n ** 96n - 1n);
    // the largest product undistributed * elapsed (< 2^136) does not overflow
    const [, part] = await lib.accrue(2n ** 96n - 1n, 2n ** 40n - 2n, 2n ** 40n - 1n, 1n);
    expect(part).to.equal(((2n ** 96n - 1n) * (2n ** 40n - 2n)) / (2n ** 40n - 1n));
  });
});
