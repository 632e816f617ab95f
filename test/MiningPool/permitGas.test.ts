// The dApp prices a permit stake before its signature exists (frontend/src/features/pool/Pool.tsx), with
// PERMIT_STAKE_GAS from @numi/contracts/gas. These are the dearest permit stakes the pool has: if the contracts
// come to use more, the review would understate the fee; if much less, overstate it.
import { expect } from "chai";
import { loadFixture } from "@nomicfoundation/hardhat-network-helpers";
import { parseEther } from "ethers";
import { PERMIT_STAKE_GAS } from "@numi/contracts/gas";
import { fundedPoolFixture, arrive } from "../helpers/pool";
import { latestTimestamp } from "../helpers/mining";
import { signPermit } from "../helpers/permit";

async function permitStakeFixture() {
  const f = await fundedPoolFixture();
  const deadline = BigInt(await latestTimestamp()) + 3_600n;
  return { ...f, deadline, poolAddress: await f.pool.getAddress() };
}

describe("MiningPool stakeWithPermit gas (the dApp's fee basis)", function () {
  const gasOf = async (tx: Promise<{ wait(): Promise<{ gasUsed: bigint } | null> }>) =>
    (await (await tx).wait())!.gasUsed;

  async function dearestCases(): Promise<Record<string, bigint>> {
    const { coin, pool, relayer, mallory, deadline, poolAddress } = await loadFixture(permitStakeFixture);
    const used: Record<string, bigint> = {};

    // A first stake: the permit's nonce and allowance, the position and the totals are all written for the first time.
    await coin.mintUnscheduled(relayer.address, parseEther("20"));
    let p = await signPermit(coin, relayer, poolAddress, parseEther("5"), deadline);
    used["first stake, fresh permit"] = await gasOf(
      pool.connect(relayer).stakeWithPermit(p.value, p.deadline, p.v, p.r, p.s),
    );

    // A permit a front-runner already spent: the pool's permit call fails and the allowance it set is used instead.
    p = await signPermit(coin, relayer, poolAddress, parseEther("5"), deadline);
    await coin.connect(mallory).permit(p.owner, p.spender, p.value, p.deadline, p.v, p.r, p.s);
    used["front-run permit"] = await gasOf(pool.connect(relayer).stakeWithPermit(p.value, p.deadline, p.v, p.r, p.s));

    // Rewards arrived since: the stake also folds them into a new stream and settles the staker's earnings.
    await arrive(coin, pool, parseEther("50"));
    p = await signPermit(coin, relayer, poolAddress, parseEther("5"), deadline);
    used["new reward stream"] = await gasOf(pool.connect(relayer).stakeWithPermit(p.value, p.deadline, p.v, p.r, p.s));
    return used;
  }

  it("never exceeds PERMIT_STAKE_GAS, and the dearest case is within 10% of it", async function () {
    const used = await dearestCases();
    const dearest = Object.values(used).reduce((a, b) => (a > b ? a : b));
    for (const [name, gas] of Object.entries(used)) expect(gas, name).to.be.at.most(PERMIT_STAKE_GAS);
    expect(dearest * 100n, `dearest ${dearest} against ${PERMIT_STAKE_GAS}`).to.be.at.least(PERMIT_STAKE_GAS * 90n);
  });
});
