// Emission.reward and Emission.era through LibraryHarness: halvings, the cap clip and the end of issuance.
import { expect } from "chai";
import { ethers } from "hardhat";
import { loadFixture } from "@nomicfoundation/hardhat-network-helpers";
import { parseEther } from "ethers";
import type { LibraryHarness } from "../../typechain-types";

const CAP = parseEther("21000000");
const INITIAL = parseEther("50");
const INTERVAL = 210_000n;

async function harness() {
  return { lib: (await ethers.deployContract("LibraryHarness")) as unknown as LibraryHarness };
}

describe("Emission", function () {
  it("era is epoch / 210,000", async function () {
    const { lib } = await loadFixture(harness);
    expect(await lib.era(0n)).to.equal(0n);
    expect(await lib.era(INTERVAL - 1n)).to.equal(0n);
    expect(await lib.era(INTERVAL)).to.equal(1n);
    expect(await lib.era(ethers.MaxUint256)).to.equal(ethers.MaxUint256 / INTERVAL);
  });

  it("pays 50 NUMI in era 0 and halves at each era boundary", async function () {
    const { lib } = await loadFixture(harness);
    expect(await lib.reward(0n, 0n)).to.equal(INITIAL);
    expect(await lib.reward(INTERVAL - 1n, 0n)).to.equal(INITIAL);
    for (const era of [1n, 2n, 3n, 10n, 32n]) {
      expect(await lib.reward(era * INTERVAL, 0n)).to.equal(INITIAL >> era);
      expect(await lib.reward(era * INTERVAL - 1n, 0n)).to.equal(INITIAL >> (era - 1n));
    }
  });

  it("reaches zero once the halved reward rounds to nothing (era 66) and for eras >= 256", async function () {
    const { lib } = await loadFixture(harness);
    expect(await lib.reward(65n * INTERVAL, 0n)).to.equal(1n);
    expect(await lib.reward(66n * INTERVAL, 0n)).to.equal(0n);
    expect(await lib.reward(255n * INTERVAL, 0n)).to.equal(0n);
    expect(await lib.reward(256n * INTERVAL, 0n)).to.equal(0n);
    expect(await lib.reward(ethers.MaxUint256, 0n)).to.equal(0n);
  });

  it("clips the reward to what the cap leaves, and pays nothing at or above the cap", async function () {
    const { lib } = await loadFixture(harness);
    expect(await lib.reward(0n, CAP - INITIAL)).to.equal(INITIAL);
    expect(await lib.reward(0n, CAP - 1n)).to.equal(1n);
    expect(await lib.reward(0n, CAP)).to.equal(0n);
    expect(await lib.reward(0n, CAP + 1n)).to.equal(0n);
    expect(await lib.reward(0n, ethers.MaxUint256)).to.equal(0n);
  });

  it("supplyAfter sums the schedule: 50 per epoch in era 0, whole eras after, 5,460,000 wei below the cap at the end", async function () {
    const { lib } = await loadFixture(harness);
    expect(await lib.supplyAfter(0n)).to.equal(0n);
    expect(await lib.supplyAfter(1n)).to.equal(INITIAL);
    expect(await lib.supplyAfter(INTERVAL)).to.equal(INTERVAL * INITIAL);
    expect(await lib.supplyAfter(INTERVAL + 1n)).to.equal(INTERVAL * INITIAL + INITIAL / 2n);
    const total = CAP - 5_460_000n;
    expect(await lib.supplyAfter(66n * INTERVAL - 1n)).to.equal(total - 1n); // era 65 pays 1 wei
    for (const epochs of [66n * INTERVAL, 67n * INTERVAL + 5n, 300n * INTERVAL, ethers.MaxUint256]) {
      expect(await lib.supplyAfter(epochs)).to.equal(total);
    }
  });

  it("the whole schedule stays below the cap (the clip is a second guarantee)", async function () {
    const { lib } = await loadFixture(harness);
    let total = 0n;
    for (let era = 0n; era < 70n; era++) total += (await lib.reward(era * INTERVAL, 0n)) * INTERVAL;
    expect(total).to.be.lessThanOrEqual(CAP);
    expect(CAP - total).to.be.lessThan(parseEther("0.01"));
  });
});
