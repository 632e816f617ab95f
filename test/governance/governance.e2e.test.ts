// End to end on the Hardhat network, against the contracts as deploy/ wires them: NUMI holders mine, delegate,
// propose, vote, queue, wait and execute; and a proposal can only ever use the bounded powers that exist.
import { expect } from "chai";
import { ethers } from "hardhat";
import { loadFixture, time } from "@nomicfoundation/hardhat-network-helpers";
import { deployedFixture, mineRewards } from "../helpers/deployed";
import { State, gov, passQueueAndWait, propose } from "../helpers/governance";

async function minedAndDelegated() {
  const f = await deployedFixture();
  const [, alice, bob] = await ethers.getSigners();
  await mineRewards(f.token, alice, 3);
  await mineRewards(f.token, bob, 1); // miners vote from their first reward: no delegate call needed
  await time.increase(1); // votes count from the next timestamp on
  return { ...f, alice, bob };
}

describe("Governance end to end (deployed contracts)", function () {
  it("mines, delegates, proposes a pool-share change, votes, queues, waits and executes it", async function () {
    const { token, governor, timelock, alice, bob } = await loadFixture(minedAndDelegated);
    expect(await token.poolShareBps()).to.equal(1000n);

    const p = await propose(
      governor,
      alice,
      [{ target: await token.getAddress(), data: token.interface.encodeFunctionData("setPoolShare", [1500]) }],
      "NIP-1: raise the pool share to 15%",
    );
    expect(await governor.state(p.proposalId)).to.equal(State.Pending);

    await time.increase(gov.votingDelay + 1);
    expect(await governor.state(p.proposalId)).to.equal(State.Active);
    await expect(governor.connect(alice).castVoteWithReason(p.proposalId, 1, "stakers deserve more"))
      .to.emit(governor, "VoteCast")
      .withArgs(alice.address, p.proposalId, 1, await token.getVotes(alice.address), "stakers deserve more");
    await governor.connect(bob).castVote(p.proposalId, 0);
    const [against, forVotes] = await governor.proposalVotes(p.proposalId);
    expect(forVotes).to.be.greaterThan(against);

    await time.increase(gov.votingPeriod + 1);
    expect(await governor.state(p.proposalId)).to.equal(State.Succeeded);
    await governor.queue(p.targets, p.values, p.datas, p.descriptionHash);
    expect(await governor.state(p.proposalId)).to.equal(State.Queued);

    // The timelock delay is real: executing early fails, and nothing changes.
    await expect(governor.execute(p.targets, p.values, p.datas, p.descriptionHash)).to.be.revertedWithCustomError(
      timelock,
      "TimelockUnexpectedOperationState",
    );
    await time.increase(gov.timelockDelay + 1);
    // Anyone may execute once the delay has passed.
    const [, , , stranger] = await ethers.getSigners();
    await expect(governor.connect(stranger).execute(p.targets, p.values, p.datas, p.descriptionHash))
      .to.emit(token, "PoolShareUpdated")
      .withArgs(1000n, 1500n);
    expect(await governor.state(p.proposalId)).to.equal(State.Executed);
    expect(await token.poolShareBps()).to.equal(1500n);
  });

  it("cannot change the cap or mint outside mining: no such power exists, and bounds hold", async function () {
    const { token, governor, alice } = await loadFixture(minedAndDelegated);
    const tokenAddr = await token.getAddress();
    // The token's ABI has no function that mints, burns or touches the cap besides mint/mintTo (proof of work);
    // renounceOwnership is a view that always reverts (HandoverOwnable).
    const writable = token.interface.fragments
      .filter((f) => f.type === "function" && !(f as unknown as { constant: boolean }).constant)
      .map((f) => (f as unknown as { name: string }).name)
      .sort();
    expect(writable).to.deep.equal(
      [
        "acceptOwnership",
        "approve",
        "delegate",
        "delegateBySig",
        "mint",
        "mintTo",
        "pauseMining",
        "permit",
        "setPool",
        "setPoolShare",
        "transfer",
        "transferFrom",
        "transferOwnership",
        "unpauseMining",
      ].sort(),
    );

    const supplyBefore = await token.totalSupply();
    const rogue = new ethers.Interface(["function mint(address to, uint256 amount)", "function setCap(uint256)"]);
    const p = await propose(
      governor,
      alice,
      [
        { target: tokenAddr, data: rogue.encodeFunctionData("mint", [alice.address, 10n ** 24n]) },
        { target: tokenAddr, data: rogue.encodeFunctionData("setCap", [10n ** 30n]) },
      ],
      "NIP-666: print money",
    );
    await passQueueAndWait(governor, alice, p);
    // The timelock's call hits no function: the whole batch reverts and nothing is minted.
    await expect(governor.execute(p.targets, p.values, p.datas, p.descriptionHash)).to.be.reverted;
    expect(await token.totalSupply()).to.equal(supplyBefore);
    expect(await token.MAX_SUPPLY()).to.equal(21_000_000n * 10n ** 18n);

    // A governed power beyond its bound also fails at execution, with the contract's own error.
    const q = await propose(
      governor,
      alice,
      [{ target: tokenAddr, data: token.interface.encodeFunctionData("setPoolShare", [2001]) }],
      "NIP-2: pool share 20.01%",
    );
    await passQueueAndWait(governor, alice, q);
    await expect(governor.execute(q.targets, q.values, q.datas, q.descriptionHash))
      .to.be.revertedWithCustomError(token, "PoolShareTooHigh")
      .withArgs(2001n, 2000n);
  });

  it("a minority cannot pass a proposal the majority votes against", async function () {
    const { token, governor, alice, bob } = await loadFixture(minedAndDelegated);
    const p = await propose(
      governor,
      bob,
      [{ target: await token.getAddress(), data: token.interface.encodeFunctionData("pauseMining") }],
      "NIP-3: pause mining",
    );
    await time.increase(gov.votingDelay + 1);
    await governor.connect(bob).castVote(p.proposalId, 1);
    await governor.connect(alice).castVote(p.proposalId, 0);
    await time.increase(gov.votingPeriod + 1);
    expect(await governor.state(p.proposalId)).to.equal(State.Defeated);
    await expect(governor.queue(p.targets, p.values, p.datas, p.descriptionHash)).to.be.revertedWithCustomError(
      governor,
      "GovernorUnexpectedProposalState",
    );
  });

  it("votes bought after the snapshot count for nothing (flash-loan voting)", async function () {
    const { token, governor, alice, bob } = await loadFixture(minedAndDelegated);
    const [, , , carol] = await ethers.getSigners();
    const p = await propose(
      governor,
      bob,
      [{ target: await token.getAddress(), data: token.interface.encodeFunctionData("pauseMining") }],
      "NIP-4: pause mining",
    );
    await time.increase(gov.votingDelay + 1);
    // After the snapshot alice hands all her NUMI to carol, who delegates to herself and votes.
    await token.connect(alice).transfer(carol.address, await token.balanceOf(alice.address));
    await token.connect(carol).delegate(carol.address);
    await governor.connect(carol).castVote(p.proposalId, 1);
    const [, forVotes] = await governor.proposalVotes(p.proposalId);
    expect(forVotes).to.equal(0n);
    // Alice's snapshot votes still count in full even though she holds nothing now.
    await governor.connect(alice).castVote(p.proposalId, 0);
    const [against] = await governor.proposalVotes(p.proposalId);
    expect(against).to.equal(await token.getPastVotes(alice.address, await governor.proposalSnapshot(p.proposalId)));
    expect(against).to.be.greaterThan(0n);
  });
});
