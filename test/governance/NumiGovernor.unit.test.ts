// NumiGovernor unit tests for what the end-to-end and attack suites do not reach: cancelling, the override
// resolutions, the quorum formula, the launch guard and the bounds checked at construction.
import { expect } from "chai";
import { ethers } from "hardhat";
import { loadFixture, time } from "@nomicfoundation/hardhat-network-helpers";
import { id, parseEther } from "ethers";
import { TEST_TARGET } from "../helpers/mining";
import { mineAs } from "../helpers/fixtures";

const DAY = 86_400n;
const PARAMS = {
  votingDelay: 10n,
  votingPeriod: 120n,
  proposalThreshold: 0n,
  quorumPercent: 4n,
  lateQuorumExtension: 30n,
  launchSupply: 0n,
};
const PENDING = 0n;
const CANCELED = 2n;

async function governorFixture() {
  const [deployer, proposer, other, treasury] = await ethers.getSigners();
  const coin = await ethers.deployContract("NumiCoin", [deployer.address, 5n, TEST_TARGET]);
  const pool = await ethers.deployContract("MiningPool", [
    coin.getAddress(),
    deployer.address,
    3600n,
    treasury.address,
  ]);
  await coin.setPool(pool.getAddress());
  const timelock = await ethers.deployContract("NumiTimelock", [30n, 30n, [], [ethers.ZeroAddress], deployer.address]);
  const governor = await ethers.deployContract("NumiGovernor", [
    coin.getAddress(),
    timelock.getAddress(),
    pool.getAddress(),
    PARAMS,
  ]);
  await timelock.grantRole(await timelock.PROPOSER_ROLE(), governor.getAddress());
  await timelock.grantRole(await timelock.CANCELLER_ROLE(), governor.getAddress());
  const calls = {
    targets: [await coin.getAddress()],
    values: [0n],
    calldatas: [coin.interface.encodeFunctionData("setPoolShare", [500])],
  };
  return { coin, pool, timelock, governor, deployer, proposer, other, calls };
}

describe("NumiGovernor (unit)", function () {
  it("reports the configured settings through its override resolutions", async function () {
    const { governor, timelock, pool } = await loadFixture(governorFixture);
    expect(await governor.votingDelay()).to.equal(PARAMS.votingDelay);
    expect(await governor.votingPeriod()).to.equal(PARAMS.votingPeriod);
    expect(await governor.proposalThreshold()).to.equal(0n);
    expect(await governor.timelock()).to.equal(await timelock.getAddress());
    expect(await governor.pool()).to.equal(await pool.getAddress());
    expect(await governor.launchSupply()).to.equal(0n);
    expect(await governor.CLOCK_MODE()).to.equal("mode=timestamp");
  });

  it("lets the proposer cancel a pending proposal: ProposalCanceled, state Canceled, no longer votable", async function () {
    const { governor, proposer, calls } = await loadFixture(governorFixture);
    const description = "Lower the pool share to 5%";
    const descriptionHash = id(description);
    await governor.connect(proposer).propose(calls.targets, calls.values, calls.calldatas, description);
    const proposalId = await governor.hashProposal(calls.targets, calls.values, calls.calldatas, descriptionHash);
    expect(await governor.state(proposalId)).to.equal(PENDING);
    expect(await governor.proposalNeedsQueuing(proposalId)).to.equal(true);
    await expect(governor.connect(proposer).cancel(calls.targets, calls.values, calls.calldatas, descriptionHash))
      .to.emit(governor, "ProposalCanceled")
      .withArgs(proposalId);
    expect(await governor.state(proposalId)).to.equal(CANCELED);
    await expect(governor.connect(proposer).castVote(proposalId, 1)).to.be.revertedWithCustomError(
      governor,
      "GovernorUnexpectedProposalState",
    );
  });

  it("refuses a cancel by anyone but the proposer with GovernorUnableToCancel", async function () {
    const { governor, proposer, other, calls } = await loadFixture(governorFixture);
    const description = "Lower the pool share to 5%";
    await governor.connect(proposer).propose(calls.targets, calls.values, calls.calldatas, description);
    const proposalId = await governor.hashProposal(calls.targets, calls.values, calls.calldatas, id(description));
    await expect(governor.connect(other).cancel(calls.targets, calls.values, calls.calldatas, id(description)))
      .to.be.revertedWithCustomError(governor, "GovernorUnableToCancel")
      .withArgs(proposalId, other.address);
  });

  it("quorum is the fraction of past supply minus what the pool held then", async function () {
    const { coin, pool, governor, proposer, other } = await loadFixture(governorFixture);
    for (let i = 0; i < 4; i++) await mineAs(coin, i % 2 ? other : proposer);
    const stake = await coin.balanceOf(proposer.address);
    await coin.connect(proposer).approve(pool.getAddress(), stake);
    await pool.connect(proposer).stake(stake);
    const t = BigInt(await time.latest());
    await time.increase(1);
    const supply = await coin.getPastTotalSupply(t);
    const held = await pool.heldAt(t);
    expect(held).to.equal(stake + (supply * 1000n) / 10_000n); // the stake and the pool share of every reward
    expect(await governor.quorum(t)).to.equal(((supply - held) * PARAMS.quorumPercent) / 100n);
    expect(await governor.quorum(t)).to.be.lessThan((supply * PARAMS.quorumPercent) / 100n);
  });

  it("refuses proposals with GovernanceNotLive until the supply reaches launchSupply", async function () {
    const { coin, pool, timelock, proposer, calls } = await loadFixture(governorFixture);
    const governor = await ethers.deployContract("NumiGovernor", [
      coin.getAddress(),
      timelock.getAddress(),
      pool.getAddress(),
      { ...PARAMS, launchSupply: parseEther("100") },
    ]);
    await mineAs(coin, proposer);
    await expect(governor.connect(proposer).propose(calls.targets, calls.values, calls.calldatas, "early"))
      .to.be.revertedWithCustomError(governor, "GovernanceNotLive")
      .withArgs(parseEther("50"), parseEther("100"));
    await mineAs(coin, proposer);
    await expect(governor.connect(proposer).propose(calls.targets, calls.values, calls.calldatas, "now")).to.emit(
      governor,
      "ProposalCreated",
    );
  });

  it("refuses deployment parameters above the ceilings with SettingOutOfBounds", async function () {
    const { coin, pool, timelock } = await loadFixture(governorFixture);
    const factory = await ethers.getContractFactory("NumiGovernor");
    const cases: [Partial<typeof PARAMS>, bigint, bigint, bigint][] = [
      [{ votingDelay: 30n * DAY + 1n }, 30n * DAY + 1n, 0n, 30n * DAY],
      [{ votingPeriod: 30n * DAY + 1n }, 30n * DAY + 1n, 1n, 30n * DAY],
      [{ proposalThreshold: parseEther("210001") }, parseEther("210001"), 0n, parseEther("210000")],
      [{ quorumPercent: 31n }, 31n, 1n, 30n],
      [{ lateQuorumExtension: 14n * DAY + 1n, votingPeriod: 30n * DAY }, 14n * DAY + 1n, 0n, 14n * DAY],
    ];
    for (const [change, value, floor, ceiling] of cases) {
      await expect(
        factory.deploy(coin.getAddress(), timelock.getAddress(), pool.getAddress(), { ...PARAMS, ...change }),
      )
        .to.be.revertedWithCustomError(factory, "SettingOutOfBounds")
        .withArgs(value, floor, ceiling);
    }
  });

  it("setting changes and updateTimelock outside governance revert with GovernorOnlyExecutor or TimelockIsFixed", async function () {
    const { governor, other } = await loadFixture(governorFixture);
    const g = governor.connect(other);
    for (const call of [
      () => g.setVotingDelay(0),
      () => g.setVotingPeriod(1),
      () => g.setProposalThreshold(0),
      () => g.updateQuorumNumerator(0),
      () => g.setLateQuorumVoteExtension(0),
    ]) {
      await expect(call()).to.be.revertedWithCustomError(governor, "GovernorOnlyExecutor").withArgs(other.address);
    }
    await expect(g.updateTimelock(other.address)).to.be.revertedWithCustomError(governor, "TimelockIsFixed");
  });
});
