// PackedCheckpoints through PackedCheckpointsHarness: OZ's Checkpoints.Trace208 semantics, two checkpoints per slot.
// Every push is also made on an OZ Trace208 in the same harness, and the two must answer alike.
import { expect } from "chai";
import { ethers } from "hardhat";
import { loadFixture } from "@nomicfoundation/hardhat-network-helpers";
import type { PackedCheckpointsHarness } from "../../typechain-types";

const MAX_KEY = 2n ** 40n - 1n;
const MAX_VALUE = 2n ** 88n - 1n;

async function harness() {
  return { h: (await ethers.deployContract("PackedCheckpointsHarness")) as unknown as PackedCheckpointsHarness };
}

/** Pushes on both traces and checks push's return values and the state against OZ's. */
async function push(h: PackedCheckpointsHarness, key: bigint, value: bigint) {
  const [oldOZ, newOZ] = await h.pushOZ.staticCall(key, value);
  await expect(h.push(key, value)).to.emit(h, "Pushed").withArgs(oldOZ, newOZ);
  await h.pushOZ(key, value);
  await expectSame(h);
}

async function expectSame(h: PackedCheckpointsHarness) {
  const len = await h.lengthOZ();
  expect(await h.length()).to.equal(len);
  expect(await h.latest()).to.equal(await h.latestOZ());
  for (let i = 0n; i < len; i++) expect(await h.at(i)).to.deep.equal(await h.atOZ(i));
}

async function word(h: PackedCheckpointsHarness, index: bigint) {
  return BigInt(await ethers.provider.getStorage(await h.getAddress(), BigInt(await h.data()) + index));
}

describe("PackedCheckpoints", function () {
  it("starts empty: length 0, latest 0, lookups 0, at(0) panics 0x32 as OZ's array access", async function () {
    const { h } = await loadFixture(harness);
    expect(await h.length()).to.equal(0n);
    expect(await h.latest()).to.equal(0n);
    expect(await h.upperLookupRecent(123n)).to.equal(0n);
    await expect(h.at(0)).to.be.revertedWithPanic(0x32);
    await expect(h.atOZ(0)).to.be.revertedWithPanic(0x32);
  });

  it("appends larger keys, two per slot: low half first, then the high half of the same word", async function () {
    const { h } = await loadFixture(harness);
    await push(h, 10n, 100n);
    expect(await word(h, 0n)).to.equal(10n | (100n << 40n));
    await push(h, 20n, 200n);
    expect(await word(h, 0n)).to.equal(10n | (100n << 40n) | ((20n | (200n << 40n)) << 128n));
    expect(await word(h, 1n)).to.equal(0n);
    await push(h, 30n, 300n); // a fresh word
    expect(await word(h, 1n)).to.equal(30n | (300n << 40n));
    expect(await ethers.provider.getStorage(await h.getAddress(), 0n)).to.equal(ethers.toBeHex(3n, 32));
    await expect(h.at(3)).to.be.revertedWithPanic(0x32);
  });

  it("overwrites the last checkpoint's value on an equal key, in either half, returning the old value", async function () {
    const { h } = await loadFixture(harness);
    await push(h, 5n, 1n);
    await push(h, 5n, 2n); // low half
    await push(h, 6n, 3n);
    await push(h, 6n, 0n); // high half, to zero
    expect(await h.length()).to.equal(2n);
    expect(await word(h, 0n)).to.equal(5n | (2n << 40n) | (6n << 128n));
  });

  it("refuses a smaller key with OZ's CheckpointUnorderedInsertion, in either half", async function () {
    const { h } = await loadFixture(harness);
    await push(h, 7n, 1n);
    await expect(h.push(6n, 1n)).to.be.revertedWithCustomError(h, "CheckpointUnorderedInsertion");
    await expect(h.pushOZ(6n, 1n)).to.be.revertedWithCustomError(h, "CheckpointUnorderedInsertion");
    await push(h, 8n, 1n);
    await expect(h.push(7n, 1n)).to.be.revertedWithCustomError(h, "CheckpointUnorderedInsertion");
  });

  it("stores the bounds intact (key 2^40 - 1, value 2^88 - 1) and refuses one above with SafeCast", async function () {
    const { h } = await loadFixture(harness);
    await push(h, MAX_KEY - 1n, MAX_VALUE);
    await push(h, MAX_KEY, MAX_VALUE); // the high half at both bounds
    expect(await word(h, 0n)).to.equal((MAX_KEY - 1n) | (MAX_VALUE << 40n) | ((MAX_KEY | (MAX_VALUE << 40n)) << 128n));
    await expect(h.push(MAX_KEY + 1n, 1n))
      .to.be.revertedWithCustomError(h, "SafeCastOverflowedUintDowncast")
      .withArgs(40, MAX_KEY + 1n);
    await expect(h.push(MAX_KEY, MAX_VALUE + 1n))
      .to.be.revertedWithCustomError(h, "SafeCastOverflowedUintDowncast")
      .withArgs(88, MAX_VALUE + 1n);
  });

  it("upperLookupRecent answers as OZ's for every key, short and long traces (the sqrt split both ways)", async function () {
    const { h } = await loadFixture(harness);
    const keys = [3n, 5n, 9n, 10n, 14n, 20n, 21n, 30n, 31n];
    for (let i = 0; i < keys.length; i++) {
      await push(h, keys[i], BigInt(i + 1) * 1000n);
      for (let k = 0n; k <= 33n; k++) expect(await h.upperLookupRecent(k)).to.equal(await h.upperLookupRecentOZ(k));
    }
    expect(await h.upperLookupRecent(2n)).to.equal(0n);
    expect(await h.upperLookupRecent(31n)).to.equal(9000n);
    expect(await h.upperLookupRecent(2n ** 48n - 1n)).to.equal(9000n);
  });
});
