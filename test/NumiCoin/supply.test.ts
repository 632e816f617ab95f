// NumiCoin's supply is the schedule's sum over the epochs mined, and its history the reward times
// (docs/adr/0012-supply-from-epochs.md): every ERC-20 and ERC-5805 supply figure is checked against the balances.
import { expect } from "chai";
import { loadFixture, mine, time } from "@nomicfoundation/hardhat-network-helpers";
import { REWARD, mineAs, minedCoinAndPoolFixture } from "../helpers/fixtures";

/** The last timestamp a reward time (40 bits) can hold. */
const LAST_TIME = 2n ** 40n - 1n;

describe("NumiCoin: supply from the epochs", function () {
  it("totalSupply is the sum of every balance, the pool's share included, after each reward", async function () {
    const { coin, pool, alice, bob } = await loadFixture(minedCoinAndPoolFixture);
    for (let n = 1n; n <= 8n; n++) {
      await mineAs(coin, n % 2n ? alice : bob);
      const held = await Promise.all([alice, bob, pool].map((a) => coin.balanceOf(a)));
      expect(await coin.totalSupply()).to.equal(REWARD * n);
      expect(held.reduce((a, b) => a + b, 0n)).to.equal(REWARD * n);
    }
  });

  it("getPastTotalSupply gives the supply at the end of every second, across reward-time words", async function () {
    const { coin, alice, bob } = await loadFixture(minedCoinAndPoolFixture);
    const start = BigInt(await time.latest());
    expect(await coin.getPastTotalSupply(start - 1n)).to.equal(0n);
    // 14 rewards: three words of six reward times, the recent-first lookup (over 5 epochs) and plain search
    const times: bigint[] = [];
    let t = start;
    for (let i = 0; i < 14; i++) {
      t += BigInt(3 + ((i * 7) % 17)); // uneven gaps, as on a live chain
      await time.setNextBlockTimestamp(t);
      await mineAs(coin, i % 2 ? alice : bob);
      times.push(t);
    }
    await mine(1);
    for (const [i, at] of times.entries()) {
      expect(await coin.getPastTotalSupply(at - 1n)).to.equal(REWARD * BigInt(i), `just before reward ${i}`);
      expect(await coin.getPastTotalSupply(at)).to.equal(REWARD * BigInt(i + 1), `at reward ${i}`);
    }
    const now = BigInt(await time.latest());
    expect(await coin.getPastTotalSupply(now - 1n)).to.equal(REWARD * 14n);
    await expect(coin.getPastTotalSupply(now + 1n))
      .to.be.revertedWithCustomError(coin, "ERC5805FutureLookup")
      .withArgs(now + 1n, now);
  });

  it("records a reward at the last 40-bit second and refuses one after it", async function () {
    const { coin, alice, bob } = await loadFixture(minedCoinAndPoolFixture);
    await mineAs(coin, alice);
    await time.setNextBlockTimestamp(LAST_TIME);
    await mineAs(coin, bob);
    await mine(1);
    expect(await coin.getPastTotalSupply(LAST_TIME - 1n)).to.equal(REWARD);
    expect(await coin.getPastTotalSupply(LAST_TIME)).to.equal(REWARD * 2n);

    const late = LAST_TIME + 2n;
    await time.setNextBlockTimestamp(late);
    const { tx } = await mineAs(coin, alice).catch((error: unknown) => ({ tx: Promise.reject(error) }));
    await expect(tx).to.be.revertedWithCustomError(coin, "SafeCastOverflowedUintDowncast").withArgs(40, late);
  });
});
