// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {NumiCoin} from "../../../contracts/NumiCoin.sol";
import {MiningPool} from "../../../contracts/MiningPool.sol";
import {IMiningPool} from "../../../contracts/interfaces/IMiningPool.sol";
import {TestBase} from "../utils/TestBase.sol";
import {Schedule} from "../utils/Schedule.sol";
import {NumiGovernor} from "../../../contracts/governance/NumiGovernor.sol";
import {NumiTimelock} from "../../../contracts/governance/NumiTimelock.sol";
import {NumiSystemHandler} from "./handlers/NumiSystemHandler.sol";
import {GovernanceHandler, menuKind} from "./handlers/GovernanceHandler.sol";

/// @title Stateful invariants of the whole system: token, mining, pool, votes and bounded governance
/// @notice The system is deployed and handed over as deploy/ does (timelock, token, pool, governor; ownership to the
/// timelock for good; roles frozen with the governor as the only proposer). Foundry calls random sequences of
/// NumiSystemHandler actions (mine, relay, transfer, delegate, donate, stake, permit-stake with and without
/// front-running, withdraw, claim, exit, sync, time passing) and GovernanceHandler actions (propose, vote, queue,
/// execute, cancel, whole proposals end to end with legitimate and hostile calls, direct timelock calls, outsiders
/// trying governance) and checks every invariant below after each call.
/// Run: `npm run test:invariant` (CI profile: fixed seed, 256 runs x depth 50) or `npm run test:invariant:deep`.
contract NumiSystemInvariants is TestBase {
    NumiSystemHandler private handler;
    GovernanceHandler private gov;
    NumiCoin private coin;
    MiningPool private pool;
    NumiTimelock private timelock;
    NumiGovernor private governor;
    address private deployedPool;

    function setUp() public {
        handler = new NumiSystemHandler();
        gov = new GovernanceHandler(handler);
        coin = handler.coin();
        pool = handler.pool();
        timelock = handler.timelock();
        governor = handler.governor();
        deployedPool = coin.pool();
    }

    /// @notice Foundry fuzzes only the handlers (not the contracts directly, nor this test).
    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](2);
        targets[0] = address(handler);
        targets[1] = address(gov);
    }

    /// @notice After each run: the governance bookkeeping adds up, and the run's figures (shown with -vv).
    function afterInvariant() public view {
        // A proposal executes at most once; one whose calls reverted stays queued and may be tried again.
        assertLe(gov.ghostExecuted(), gov.ghostQueued(), "every executed proposal was queued");
        assertLe(gov.ghostQueued() + gov.ghostCanceled(), gov.ghostProposed(), "queued or canceled <= proposed");
        assertEq(
            gov.ghostExecutionsReverted(),
            gov.ghostHostileReverted() + gov.ghostLegitRefused(),
            "every reverted execution is counted once"
        );
        _log("proposals", gov.ghostProposed());
        _log("executed", gov.ghostExecuted());
        _log("hostile executions reverted", gov.ghostHostileReverted());
        _log("legitimate calls refused by their bound", gov.ghostLegitRefused());
    }

    // ───────────────────────────── Token and mining ─────────────────────────────

    /// @notice Every NUMI is in some holder's balance and the total never passes the 21M cap.
    function invariant_balancesSumToTotalSupplyWithinCap() public view {
        address[] memory holders = handler.holders();
        uint256 sum;
        for (uint256 i = 0; i < holders.length; i++) sum += coin.balanceOf(holders[i]);
        assertEq(sum, coin.totalSupply(), "sum of balances == totalSupply");
        assertLe(coin.totalSupply(), coin.MAX_SUPPLY(), "totalSupply <= MAX_SUPPLY");
    }

    /// @notice Minted supply is exactly the schedule's rewards for the epochs rewarded so far: never more.
    function invariant_supplyNeverExceedsEmissionSchedule() public view {
        uint256 scheduled = Schedule.scheduledSupply(coin.epochCount());
        assertLe(coin.totalSupply(), scheduled, "totalSupply <= sum of rewards of epochs 0..epochCount-1");
        // No cap clipping is reachable in these runs, so every reward was minted in full.
        assertEq(coin.totalSupply(), scheduled, "every reward minted in full, nothing else minted");
        assertEq(coin.epochCount(), handler.ghostMints(), "one epoch per successful mint");
    }

    /// @notice The difficulty controller keeps the target within [MIN_TARGET, MAX_TARGET].
    function invariant_targetWithinBounds() public view {
        uint256 target = coin.getMiningTarget();
        assertGe(target, coin.MIN_TARGET(), "target >= MIN_TARGET");
        assertLe(target, coin.MAX_TARGET(), "target <= MAX_TARGET");
    }

    /// @notice The reward of an epoch is never larger than the reward of the epoch before.
    function invariant_rewardNeverIncreasesAcrossEpochs() public view {
        assertTrue(!handler.ghostRewardIncreased(), "reward increased across epochs");
        assertLe(coin.getMiningReward(), handler.ghostLastEpochReward(), "current reward <= last paid reward");
    }

    /// @notice At most one reward per block, whoever submits it.
    function invariant_oneRewardPerBlock() public view {
        assertLe(handler.ghostMaxMintsInOneBlock(), 1, "rewards minted in one block");
    }

    // ───────────────────────────── Votes ─────────────────────────────

    /// @notice At every past timepoint, each holder's votes and all holders' votes together are at most the
    /// past total supply: nobody votes twice with the same tokens (staked NUMI is held undelegated by the pool).
    function invariant_pastVotesNeverExceedPastSupply() public view {
        uint256[] memory points = handler.timepoints();
        address[4] memory accounts = handler.actors();
        for (uint256 p = 0; p < points.length; p++) {
            uint256 supply = coin.getPastTotalSupply(points[p]);
            uint256 sum;
            for (uint256 i = 0; i < accounts.length; i++) {
                uint256 votes = coin.getPastVotes(accounts[i], points[p]);
                assertLe(votes, supply, "getPastVotes <= getPastTotalSupply");
                sum += votes;
            }
            assertLe(sum, supply, "sum of past votes <= past total supply");
        }
        assertEq(coin.getVotes(address(pool)), 0, "the pool never votes");
    }

    // ───────────────────────────── Pool ─────────────────────────────

    /// @notice The pool holds at least every stake plus every reward it owes or has yet to stream.
    function invariant_poolSolvency() public view {
        IMiningPool.PoolState memory s = pool.poolState();
        uint256 owed = _sumEarned();
        uint256 held = coin.balanceOf(address(pool));
        assertGe(held, s.totalStaked + owed + s.undistributed, "NUMI held >= staked + earned + undistributed");
        assertGe(held, s.totalStaked + s.rewardReserve, "NUMI held >= staked + reserve");
    }

    /// @notice The reward reserve covers what is owed plus what is still to stream (rounding favours the pool).
    function invariant_rewardReserveCoversEarnedAndUndistributed() public view {
        IMiningPool.PoolState memory s = pool.poolState();
        assertGe(s.rewardReserve, _sumEarned() + s.undistributed, "reserve >= earned + undistributed");
    }

    /// @notice totalStaked is exactly the sum of every account's stake.
    function invariant_stakesSumToTotalStaked() public view {
        address[4] memory accounts = handler.actors();
        uint256 sum;
        for (uint256 i = 0; i < accounts.length; i++) sum += pool.balanceOf(accounts[i]);
        assertEq(sum, pool.totalStaked(), "sum of stakes == totalStaked");
    }

    /// @notice Reward per token only grows: nobody's accrued rewards can shrink.
    function invariant_rewardPerTokenNeverDecreases() public view {
        assertTrue(!handler.ghostRewardPerTokenDecreased(), "rewardPerToken decreased");
        assertGe(pool.rewardPerToken(), handler.ghostLastRewardPerToken(), "rewardPerToken >= last seen");
    }

    /// @notice Rewards paid plus rewards owed plus rewards still to stream never exceed what was funded
    /// (pool share minted plus donations, minus the fee sent to the treasury).
    function invariant_rewardsPaidAndOwedWithinFunded() public view {
        uint256 funded = handler.ghostPoolMinted() + handler.ghostDonated() - handler.feesPaid();
        uint256 accounted = handler.ghostRewardsPaid() + _sumEarned() + pool.poolState().undistributed;
        assertLe(accounted, funded, "paid + owed + undistributed <= funded - fees");
    }

    // ───────────────────────────── Governance ─────────────────────────────

    /// @notice NumiCoin and MiningPool belong to the timelock for good (no pending transfer, ownership final), and
    /// the pool the token mints to is the one fixed at deployment.
    function invariant_governedContractsOwnedByTimelockForGood() public view {
        assertTrue(coin.owner() == address(timelock) && pool.owner() == address(timelock), "owner is the timelock");
        assertTrue(coin.ownershipFinal() && pool.ownershipFinal(), "ownership final");
        assertTrue(coin.pendingOwner() == address(0) && pool.pendingOwner() == address(0), "no pending owner");
        assertTrue(coin.pool() == deployedPool, "the pool never changes");
        assertTrue(address(governor.timelock()) == address(timelock), "the governor keeps its timelock");
    }

    /// @notice The roles stay frozen with the governor as the only proposer and canceller (no actor, attacker or
    /// deployer holds a role), execution open to anyone, and the delay within [floor, 30 days].
    function invariant_timelockRolesFrozenAndDelayBounded() public view {
        assertTrue(timelock.rolesFrozen(), "roles frozen");
        bytes32 proposer = timelock.PROPOSER_ROLE();
        bytes32 canceller = timelock.CANCELLER_ROLE();
        assertTrue(timelock.hasRole(proposer, address(governor)), "the governor proposes");
        assertTrue(timelock.hasRole(canceller, address(governor)), "the governor cancels");
        assertTrue(timelock.hasRole(timelock.EXECUTOR_ROLE(), address(0)), "anyone executes");
        address[4] memory actors = handler.actors();
        address[8] memory others = [
            actors[0],
            actors[1],
            actors[2],
            actors[3],
            gov.attacker(),
            address(handler), // the deployer
            address(gov),
            address(gov.attackerPool())
        ];
        for (uint256 i = 0; i < others.length; i++) {
            assertTrue(!timelock.hasRole(proposer, others[i]), "nobody else proposes");
            assertTrue(!timelock.hasRole(canceller, others[i]), "nobody else cancels");
            assertTrue(!timelock.hasRole(bytes32(0), others[i]), "nobody else administers the timelock");
        }
        assertTrue(!timelock.hasRole(bytes32(0), address(governor)), "not even the governor administers it");
        uint256 delay = timelock.getMinDelay();
        assertGe(delay, timelock.minDelayFloor(), "delay >= floor");
        assertLe(delay, 30 days, "delay <= 30 days");
        assertEq(delay, gov.model().delay, "delay is what governance passed");
    }

    /// @notice Emission goes only to miners and the pool: the supply is exactly the rewards minted, the pool holds
    /// exactly its pool share plus donations and stakes minus what it paid out, and governance (timelock, governor),
    /// the deployer and the attacker hold no NUMI.
    function invariant_emissionOnlyToMinersAndPool() public view {
        assertEq(coin.totalSupply(), handler.ghostMinerMinted() + handler.ghostPoolMinted(), "supply = rewards minted");
        assertLe(coin.totalSupply(), coin.MAX_SUPPLY(), "supply <= cap");
        uint256 poolIn = handler.ghostPoolMinted() + handler.ghostDonated() + handler.ghostStaked();
        uint256 poolOut = handler.ghostWithdrawn() + handler.ghostRewardsPaid() + handler.feesPaid();
        assertEq(coin.balanceOf(address(pool)), poolIn - poolOut, "pool NUMI = share + donations + stakes - paid out");
        assertEq(coin.balanceOf(address(timelock)), 0, "the timelock holds no NUMI");
        assertEq(coin.balanceOf(address(governor)), 0, "the governor holds no NUMI");
        assertEq(coin.balanceOf(address(handler)), 0, "the deployer holds no NUMI");
        assertEq(coin.balanceOf(gov.attacker()), 0, "the attacker holds no NUMI");
    }

    /// @notice Mining and staking pauses: the contracts are paused exactly when the passed calls say so, no pause
    /// lasts beyond 7 days past its start, and none starts within 30 days of the previous one's end.
    function invariant_pausesBoundedAndSpaced() public view {
        GovernanceHandler.Model memory m = gov.model();
        assertTrue(coin.miningPaused() == gov.modelMiningPaused(), "mining paused exactly as governance decided");
        if (coin.miningPaused()) {
            assertLt(block.timestamp, m.miningPauseStart + coin.MAX_MINING_PAUSE(), "mining pause <= 7 days");
            assertEq(coin.miningState().pausedUntil, m.miningPauseStart + coin.MAX_MINING_PAUSE(), "pause end");
        }
        assertLe(gov.ghostMaxMiningPauseLength(), coin.MAX_MINING_PAUSE(), "no mining pause longer than 7 days");
        assertGe(gov.ghostMinMiningPauseGap(), coin.MINING_PAUSE_COOLDOWN(), "mining pauses >= 30 days apart");
        bool stakingPaused = pool.poolState().stakingPaused;
        assertTrue(stakingPaused == (block.timestamp < m.stakingPausedUntil), "staking paused as decided");
        if (stakingPaused) {
            assertLt(block.timestamp, gov.ghostStakingPauseStart() + pool.MAX_STAKING_PAUSE(), "stake pause <= 7d");
        }
        assertLe(gov.ghostMaxStakingPauseLength(), pool.MAX_STAKING_PAUSE(), "no staking pause longer than 7 days");
        assertGe(gov.ghostMinStakingPauseGap(), pool.STAKING_PAUSE_COOLDOWN(), "staking pauses >= 30 days apart");
    }

    /// @notice The governed parameters are exactly what executed proposals set, within their bounds, and the
    /// governor's settings never go below their deployment values (nor above their ceilings).
    function invariant_governedParametersWithinBounds() public view {
        GovernanceHandler.Model memory m = gov.model();
        assertEq(coin.poolShareBps(), m.poolShareBps, "pool share as passed");
        assertLe(coin.poolShareBps(), coin.MAX_POOL_SHARE_BPS(), "pool share <= 20%");
        IMiningPool.PoolState memory s = pool.poolState();
        assertEq(s.feeBps, m.feeBps, "fee as passed");
        assertLe(s.feeBps, pool.MAX_FEE_BPS(), "fee <= 10%");
        assertTrue(s.treasury == m.treasury, "treasury as passed");
        assertEq(governor.votingDelay(), m.votingDelay, "voting delay as passed");
        assertEq(governor.votingPeriod(), m.votingPeriod, "voting period as passed");
        assertEq(governor.proposalThreshold(), m.proposalThreshold, "threshold as passed");
        assertEq(governor.quorumNumerator(), m.quorumPercent, "quorum as passed");
        assertEq(governor.lateQuorumVoteExtension(), m.lateQuorumExtension, "late quorum extension as passed");
        assertGe(governor.votingDelay(), handler.VOTING_DELAY(), "voting delay >= deployment");
        assertGe(governor.votingPeriod(), handler.VOTING_PERIOD(), "voting period >= deployment");
        assertGe(governor.proposalThreshold(), handler.PROPOSAL_THRESHOLD(), "threshold >= deployment");
        assertGe(governor.quorumNumerator(), handler.QUORUM_PERCENT(), "quorum >= deployment");
        assertGe(governor.lateQuorumVoteExtension(), handler.LATE_QUORUM_EXTENSION(), "extension >= deployment");
        assertLe(governor.votingDelay(), governor.MAX_VOTING_DELAY(), "voting delay <= ceiling");
        assertLe(governor.votingPeriod(), governor.MAX_VOTING_PERIOD(), "voting period <= ceiling");
        assertLe(governor.proposalThreshold(), governor.MAX_PROPOSAL_THRESHOLD(), "threshold <= ceiling");
        assertLe(governor.quorumNumerator(), governor.MAX_QUORUM_PERCENT(), "quorum <= ceiling");
        assertLe(governor.lateQuorumVoteExtension(), governor.MAX_LATE_QUORUM_EXTENSION(), "extension <= ceiling");
    }

    function _sumEarned() private view returns (uint256 sum) {
        address[4] memory accounts = handler.actors();
        for (uint256 i = 0; i < accounts.length; i++) sum += pool.earned(accounts[i]);
    }
}

/// @title Every governance menu item, end to end, once: the campaign's machinery shown working
/// @notice Proposes each call of GovernanceHandler's menu (legitimate and hostile) from a holder, has every holder
/// vote for it, queues and executes it after the delay, with the handler checking each outcome to the exact revert
/// data. Run with -vv for the counts.
contract GovernanceMenuTest is TestBase {
    function test_everyMenuCallPassesGovernanceAndMeetsItsPredictedOutcome() public {
        NumiSystemHandler sys = new NumiSystemHandler();
        GovernanceHandler gov = new GovernanceHandler(sys);
        uint256 kinds = gov.KINDS();
        for (uint256 kind = 0; kind < kinds; kind++) {
            gov.governEndToEnd(kind, _menuSeedFor(kind), kind * 7_919 + 1, 0);
        }
        uint256 hostile = kinds - gov.FIRST_HOSTILE();
        assertEq(gov.ghostProposed(), kinds, "one proposal per menu item");
        assertEq(gov.ghostQueued(), kinds, "every proposal passed and was queued");
        assertEq(gov.ghostHostileReverted(), hostile, "every hostile proposal passed the vote and reverted");
        assertEq(gov.ghostExecuted() + gov.ghostLegitRefused(), gov.FIRST_HOSTILE(), "each legitimate one ran");
        assertGe(gov.ghostExecuted(), 1, "legitimate proposals executed");
        _log("proposals", gov.ghostProposed());
        _log("executed", gov.ghostExecuted());
        _log("legitimate refused by their bound", gov.ghostLegitRefused());
        _log("hostile executions reverted", gov.ghostHostileReverted());
        bytes4[] memory errors = gov.errorsSeen();
        for (uint256 i = 0; i < errors.length; i++) {
            _log(string.concat("  reverts with selector 0x", _hex(errors[i])), gov.executionRevertsByError(errors[i]));
        }
    }

    /// @dev A menu seed whose proposal is the single call `kind` (GovernanceHandler's draw, reproduced).
    function _menuSeedFor(uint256 kind) private pure returns (uint256 seed) {
        while (seed % 4 == 3 || menuKind(uint256(keccak256(abi.encode(seed, uint256(0))))) != kind) seed++;
    }

    function _hex(bytes4 b) private pure returns (string memory s) {
        bytes memory digits = "0123456789abcdef";
        bytes memory out = new bytes(8);
        for (uint256 i = 0; i < 4; i++) {
            out[2 * i] = digits[uint8(b[i]) >> 4];
            out[2 * i + 1] = digits[uint8(b[i]) & 0x0f];
        }
        s = string(out);
    }
}
