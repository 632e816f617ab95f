// The attacks an independent review ran against governance (issue #12), each written as the attack. On the code
// before the bounded-governance change every one of them succeeded; now each fails at the step named, and the
// worst a fully captured governance can still do is measured at the end.
import { expect } from "chai";
import { ethers } from "hardhat";
import { loadFixture, time } from "@nomicfoundation/hardhat-network-helpers";
import { parseEther } from "ethers";
import { deployedFixture, mineRewards } from "../helpers/deployed";
import { mineAs } from "../helpers/fixtures";
import { State, execute, gov, holders, passQueueAndWait, propose, vote } from "../helpers/governance";

const DAY = 86_400n;

/**
 * This file's own fixture. Every test starts from it: each fixture that calls hardhat-deploy's `deployments.fixture`
 * reverts to that one's snapshot, which invalidates the snapshots of fixtures taken after it (in other files too).
 */
async function deployed() {
  return deployedFixture();
}

/** alice mines 6 rewards, bob and carol 2 each: alice holds 60% of the mined supply, as a launch GPU miner could. */
async function launchWithDominantMiner() {
  const f = await loadFixture(deployed);
  const { alice, bob, carol } = await holders();
  await mineRewards(f.token, alice, 6);
  await mineRewards(f.token, bob, 2);
  await mineRewards(f.token, carol, 2);
  await time.increase(1);
  return { ...f, alice, bob, carol };
}

describe("Governance capture attacks (issue #12)", function () {
  describe("1. launch capture: a 60% miner redirects emission", function () {
    it("the proposal passes against everyone else, but the pool is fixed: execution reverts with PoolIsFixed", async function () {
      const { token, pool, governor, alice, bob, carol } = await launchWithDominantMiner();
      // alice's own contract that answers stakingToken() with NUMI: a MiningPool she owns.
      const rogue = await ethers.deployContract("MiningPool", [
        token.getAddress(),
        alice.address,
        3600n,
        alice.address,
      ]);
      const tokenAddr = await token.getAddress();
      const p = await propose(
        governor,
        alice,
        [
          { target: tokenAddr, data: token.interface.encodeFunctionData("setPool", [await rogue.getAddress()]) },
          { target: tokenAddr, data: token.interface.encodeFunctionData("setPoolShare", [2000]) },
        ],
        "NIP-7: a better pool",
      );
      await vote(governor, p, [
        [alice, 1],
        [bob, 0],
        [carol, 0],
      ]);
      expect(await governor.state(p.proposalId)).to.equal(State.Succeeded); // majority of supply: it passes
      await governor.queue(p.targets, p.values, p.datas, p.descriptionHash);
      await time.increase(gov.timelockDelay + 1);
      await expect(execute(governor, p))
        .to.be.revertedWithCustomError(token, "PoolIsFixed")
        .withArgs(await pool.getAddress());
      expect(await token.pool()).to.equal(await pool.getAddress());
    });

    it("no proposal at all before the launch supply (mainnet: 1% of the cap) is mined", async function () {
      const { token, pool, timelock, alice } = await launchWithDominantMiner();
      const launchSupply = parseEther("210000");
      const governor = await ethers.deployContract("NumiGovernor", [
        token.getAddress(),
        timelock.getAddress(),
        pool.getAddress(),
        { ...gov, launchSupply },
      ]);
      await expect(governor.connect(alice).propose([token.getAddress()], [0n], ["0x"], "too early"))
        .to.be.revertedWithCustomError(governor, "GovernanceNotLive")
        .withArgs(await token.totalSupply(), launchSupply);
    });
  });

  describe("2. votes inactive by default: an 18% miner passes a proposal alone", function () {
    it("every miner votes from its first reward, so the majority who never called delegate defeats it", async function () {
      const f = await loadFixture(deployed);
      const { alice, bob, carol } = await holders();
      await mineRewards(f.token, alice, 2);
      await mineRewards(f.token, bob, 5);
      await mineRewards(f.token, carol, 4);
      await time.increase(1);
      const p = await propose(
        f.governor,
        alice,
        [{ target: await f.token.getAddress(), data: f.token.interface.encodeFunctionData("pauseMining") }],
        "NIP-8: pause mining",
      );
      await vote(f.governor, p, [
        [alice, 1],
        [bob, 0],
        [carol, 0],
      ]);
      const [against, forVotes] = await f.governor.proposalVotes(p.proposalId);
      expect(against).to.be.greaterThan(forVotes * 4n);
      expect(await f.governor.state(p.proposalId)).to.equal(State.Defeated);
    });
  });

  describe("3. governance ends mining for good", function () {
    it("cannot give the timelock a new proposer or a zero delay: RolesFrozen, DelayOutOfBounds", async function () {
      const { timelock, governor, alice } = await launchWithDominantMiner();
      const tl = await timelock.getAddress();
      const p = await propose(
        governor,
        alice,
        [
          {
            target: tl,
            data: timelock.interface.encodeFunctionData("grantRole", [await timelock.PROPOSER_ROLE(), alice.address]),
          },
          { target: tl, data: timelock.interface.encodeFunctionData("updateDelay", [0]) },
        ],
        "NIP-9: faster governance",
      );
      await passQueueAndWait(governor, alice, p);
      await expect(execute(governor, p)).to.be.revertedWithCustomError(timelock, "RolesFrozen");

      const q = await propose(
        governor,
        alice,
        [{ target: tl, data: timelock.interface.encodeFunctionData("updateDelay", [0]) }],
        "NIP-10: no delay",
      );
      await passQueueAndWait(governor, alice, q);
      await expect(execute(governor, q))
        .to.be.revertedWithCustomError(timelock, "DelayOutOfBounds")
        .withArgs(0n, BigInt(gov.timelockDelayFloor), 30n * DAY);
      expect(await timelock.getMinDelay()).to.equal(BigInt(gov.timelockDelay));
      expect(await timelock.hasRole(await timelock.PROPOSER_ROLE(), alice.address)).to.equal(false);
    });

    it("cannot renounce or move ownership of the token or the pool: OwnershipIsFinal", async function () {
      const { token, pool, timelock, governor, alice } = await launchWithDominantMiner();
      const [tokenAddr, poolAddr] = [await token.getAddress(), await pool.getAddress()];
      const attempts = [
        [
          { target: tokenAddr, data: token.interface.encodeFunctionData("pauseMining") },
          { target: tokenAddr, data: token.interface.encodeFunctionData("renounceOwnership") },
        ],
        [{ target: tokenAddr, data: token.interface.encodeFunctionData("transferOwnership", [alice.address]) }],
        [{ target: poolAddr, data: pool.interface.encodeFunctionData("renounceOwnership") }],
        [{ target: poolAddr, data: pool.interface.encodeFunctionData("transferOwnership", [alice.address]) }],
      ];
      for (const [i, calls] of attempts.entries()) {
        const p = await propose(governor, alice, calls, `NIP-11.${i}: ownership`);
        await passQueueAndWait(governor, alice, p);
        await expect(execute(governor, p)).to.be.revertedWithCustomError(token, "OwnershipIsFinal");
      }
      expect(await token.owner()).to.equal(await timelock.getAddress());
      expect(await pool.owner()).to.equal(await timelock.getAddress());
      expect(await token.miningPaused()).to.equal(false); // the batch reverted whole
    });

    it("cannot silence itself through the governor: renouncing its roles (relay) or a new timelock", async function () {
      const { timelock, governor, alice } = await launchWithDominantMiner();
      const [gv, tl] = [await governor.getAddress(), await timelock.getAddress()];
      const renounce = timelock.interface.encodeFunctionData("renounceRole", [await timelock.PROPOSER_ROLE(), gv]);
      const p = await propose(
        governor,
        alice,
        [{ target: gv, data: governor.interface.encodeFunctionData("relay", [tl, 0n, renounce]) }],
        "NIP-12: retire",
      );
      await passQueueAndWait(governor, alice, p);
      await expect(execute(governor, p)).to.be.revertedWithCustomError(timelock, "RolesFrozen");
      const q = await propose(
        governor,
        alice,
        [{ target: gv, data: governor.interface.encodeFunctionData("updateTimelock", [alice.address]) }],
        "NIP-13: my timelock",
      );
      await passQueueAndWait(governor, alice, q);
      await expect(execute(governor, q)).to.be.revertedWithCustomError(governor, "TimelockIsFixed");
      expect(await governor.timelock()).to.equal(tl);
    });

    it("cannot make its own rules laxer than at deployment: SettingOutOfBounds", async function () {
      const { governor, alice } = await launchWithDominantMiner();
      const gv = await governor.getAddress();
      const calls: [string, unknown[], bigint, bigint, bigint][] = [
        ["setVotingPeriod", [1], 1n, BigInt(gov.votingPeriod), 30n * DAY],
        ["setVotingDelay", [0], 0n, BigInt(gov.votingDelay), 30n * DAY],
        ["updateQuorumNumerator", [0], 0n, BigInt(gov.quorumPercent), 30n],
        [
          "setProposalThreshold",
          [parseEther("210001")],
          parseEther("210001"),
          gov.proposalThreshold,
          parseEther("210000"),
        ],
        ["setLateQuorumVoteExtension", [15n * DAY], 15n * DAY, BigInt(gov.lateQuorumExtension), 14n * DAY],
      ];
      for (const [fn, args, value, floor, ceiling] of calls) {
        const p = await propose(
          governor,
          alice,
          [{ target: gv, data: governor.interface.encodeFunctionData(fn as "setVotingPeriod", args as [number]) }],
          `NIP-14: ${fn}`,
        );
        await passQueueAndWait(governor, alice, p);
        await expect(execute(governor, p))
          .to.be.revertedWithCustomError(governor, "SettingOutOfBounds")
          .withArgs(value, floor, ceiling);
      }
      // Stricter is allowed, for every setting.
      const stricter: [string, unknown[], string][] = [
        ["setVotingDelay", [gov.votingDelay * 2], "VotingDelaySet"],
        ["setVotingPeriod", [gov.votingPeriod * 2], "VotingPeriodSet"],
        ["setProposalThreshold", [parseEther("1")], "ProposalThresholdSet"],
        ["updateQuorumNumerator", [gov.quorumPercent + 1], "QuorumNumeratorUpdated"],
        ["setLateQuorumVoteExtension", [gov.lateQuorumExtension * 2], "LateQuorumVoteExtensionSet"],
      ];
      const ok = await propose(
        governor,
        alice,
        stricter.map(([fn, args]) => ({
          target: gv,
          data: governor.interface.encodeFunctionData(fn as "setVotingPeriod", args as [number]),
        })),
        "NIP-15: stricter rules",
      );
      await passQueueAndWait(governor, alice, ok);
      const tx = execute(governor, ok);
      for (const [, , event] of stricter) await expect(tx).to.emit(governor, event);
      expect(await governor.votingPeriod()).to.equal(BigInt(gov.votingPeriod * 2));
      expect(await governor["quorumNumerator()"]()).to.equal(BigInt(gov.quorumPercent + 1));
    });

    it("a pause it passes ends on its own after 7 days, and the next cannot follow within 30", async function () {
      const { token, governor, alice, bob } = await launchWithDominantMiner();
      const pause = { target: await token.getAddress(), data: token.interface.encodeFunctionData("pauseMining") };
      const p = await propose(governor, alice, [pause], "NIP-16: pause");
      await passQueueAndWait(governor, alice, p);
      await expect(execute(governor, p)).to.emit(token, "MiningPausedSet");
      const until = (await token.miningState()).pausedUntil;
      const q = await propose(governor, alice, [pause], "NIP-17: pause again"); // queued during the pause
      await passQueueAndWait(governor, alice, q);
      await time.increaseTo(until);
      await expect((await mineAs(token, bob)).tx).to.emit(token, "Mint"); // nobody had to unpause
      await expect(execute(governor, q))
        .to.be.revertedWithCustomError(token, "MiningPauseCoolingDown")
        .withArgs(until + 30n * DAY);
    });
  });

  describe("4. quorum out of reach when most NUMI is staked", function () {
    it("every holder who can vote votes FOR with 87% of supply staked, and the proposal succeeds", async function () {
      const f = await loadFixture(deployed);
      const { alice, bob } = await holders();
      await mineRewards(f.token, alice, 30);
      await mineRewards(f.token, bob, 1);
      const all = await f.token.balanceOf(alice.address);
      await f.token.connect(alice).approve(f.pool.getAddress(), all);
      await f.pool.connect(alice).stake(all);
      await time.increase(1);
      const p = await propose(
        f.governor,
        bob,
        [{ target: await f.token.getAddress(), data: f.token.interface.encodeFunctionData("setPoolShare", [1500]) }],
        "NIP-18: pool share 15%",
      );
      await vote(f.governor, p, [[bob, 1]]);
      const snapshot = await f.governor.proposalSnapshot(p.proposalId);
      const supply = await f.token.getPastTotalSupply(snapshot);
      const held = await f.pool.heldAt(snapshot);
      expect(held * 100n).to.be.greaterThan(supply * 87n);
      expect(await f.governor.quorum(snapshot)).to.equal(((supply - held) * BigInt(gov.quorumPercent)) / 100n);
      expect(await f.governor.state(p.proposalId)).to.equal(State.Succeeded);
    });
  });

  describe("the worst a fully captured governance can still do, measured", function () {
    it("redirects at most 2% of each reward (20% pool share x 10% fee) to a treasury of its choosing", async function () {
      const { token, pool, governor, alice, bob } = await launchWithDominantMiner();
      const [tokenAddr, poolAddr] = [await token.getAddress(), await pool.getAddress()];
      const p = await propose(
        governor,
        alice,
        [
          { target: tokenAddr, data: token.interface.encodeFunctionData("setPoolShare", [2000]) },
          { target: poolAddr, data: pool.interface.encodeFunctionData("setFee", [1000]) },
          { target: poolAddr, data: pool.interface.encodeFunctionData("setTreasury", [alice.address]) },
        ],
        "NIP-19: everything, to me",
      );
      await passQueueAndWait(governor, alice, p);
      await execute(governor, p);
      await pool.sync(); // earlier arrivals are charged the fee in force when they arrived
      const before = await token.balanceOf(alice.address);
      const reward = await token.getMiningReward();
      await mineAs(token, bob);
      await pool.sync();
      expect((await token.balanceOf(alice.address)) - before).to.equal((reward * 2000n * 1000n) / 10_000n / 10_000n);
    });
  });
});
