// NumiGovernor unit tests for what the end-to-end suite does not reach: cancelling a proposal, and the
// override resolutions reporting the configured settings.
import { expect } from "chai";
import { ethers } from "hardhat";
import { loadFixture } from "@nomicfoundation/hardhat-network-helpers";
import { id } from "ethers";
import { TEST_TARGET } from "../helpers/mining";

const VOTING_DELAY = 10n;
const VOTING_PERIOD = 120n;
const LATE_QUORUM = 30n;
const PENDING = 0n;
const CANCELED = 2n;

async function governorFixture() {
  const [deployer, proposer, other] = await ethers.getSigners();
  const coin = await ethers.deployContract("NumiCoin", [deployer.address, 5n, TEST_TARGET]);
  const timelock = await ethers.deployContract("NumiTimelock", [30n, [], [ethers.ZeroAddress], deployer.address]);
  const governor = await ethers.deployContract("NumiGovernor", [
    await coin.getAddress(),
    await timelock.getAddress(),
    VOTING_DELAY,
    VOTING_PERIOD,
    0n,
    4n,
    LATE_QUORUM,
  ]);
  await timelock.grantRole(await timelock.PROPOSER_ROLE(), governor.getAddress());
  await timelock.grantRole(await timelock.CANCELLER_ROLE(), governor.getAddress());
  const calls = {
    targets: [await coin.getAddress()],
    values: [0n],
    calldatas: [coin.interface.encodeFunctionData("setPoolShare", [500])],
  };
  return { coin, timelock, governor, proposer, other, calls };
}

describe("NumiGovernor (unit)", function () {
  it("reports the configured settings through its override resolutions", async function () {
    const { governor, timelock } = await loadFixture(governorFixture);
    expect(await governor.votingDelay()).to.equal(VOTING_DELAY);
    expect(await governor.votingPeriod()).to.equal(VOTING_PERIOD);
    expect(await governor.proposalThreshold()).to.equal(0n);
    expect(await governor.timelock()).to.equal(await timelock.getAddress());
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
});
