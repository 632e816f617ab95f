// What the keeper pays: MiningPool.sync() on the real deployment in the case the keeper exists for (a reward's pool
// share waiting on a quiet pool that has stakers), and when nothing waits. docs/operations.md quotes these figures.
import { expect } from "chai";
import { ethers } from "hardhat";
import { loadFixture, time } from "@nomicfoundation/hardhat-network-helpers";
import { anyValue } from "@nomicfoundation/hardhat-chai-matchers/withArgs";
import { formatEther, parseEther } from "ethers";
import { deployedFixture, mineRewards } from "../helpers/deployed";

/** Sync gas the runbook promises at most, with headroom over the measured figures for compiler changes. */
const SYNC_WITH_ARRIVALS_GAS = 65_000n;
const SYNC_WITH_NOTHING_GAS = 48_000n;

async function quietPoolWithWaitingReward() {
  const f = await deployedFixture();
  const [, alice, bob, keeper] = await ethers.getSigners();
  await mineRewards(f.token, alice, 3);
  await f.token.connect(alice).approve(await f.pool.getAddress(), parseEther("40"));
  await f.pool.connect(alice).stake(parseEther("40"));
  await mineRewards(f.token, bob, 1); // its pool share arrives without any call to the pool
  await time.increase(12 * 3600); // as long as NumiPoolRewardsUnstreamed lets it wait
  return { ...f, keeper };
}

describe("the keeper's sync() (docs/operations.md)", () => {
  it("streams the pool share that waited, and costs what the runbook says", async () => {
    const { pool, keeper } = await loadFixture(quietPoolWithWaitingReward);
    const waiting = (await pool.poolState()).unsynced;
    expect(waiting, "a reward's pool share waits").to.be.greaterThan(0n);

    const sync = pool.connect(keeper).sync();
    await expect(sync).to.emit(pool, "RewardsStreamed").withArgs(waiting, 0n, anyValue, anyValue);
    const streamed = (await (await sync).wait())!.gasUsed;
    expect((await pool.poolState()).unsynced, "nothing waits after the sync").to.equal(0n);
    const idle = (await (await pool.connect(keeper).sync()).wait())!.gasUsed;

    console.log(`      sync() gas: ${streamed} streaming ${formatEther(waiting)} NUMI; ${idle} with nothing waiting`);
    expect(streamed).to.be.lessThan(SYNC_WITH_ARRIVALS_GAS);
    expect(idle).to.be.lessThan(SYNC_WITH_NOTHING_GAS);
  });
});
