// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {NumiCoin} from "../../../contracts/NumiCoin.sol";
import {HandoverOwnable} from "../../../contracts/access/HandoverOwnable.sol";
import {INumiCoin} from "../../../contracts/interfaces/INumiCoin.sol";
import {NumiCoinHarness} from "../../../contracts/mocks/NumiCoinHarness.sol";
import {Difficulty} from "../../../contracts/libraries/Difficulty.sol";
import {vm} from "../utils/Vm.sol";
import {NumiFixture} from "../utils/NumiFixture.sol";
import {PowSolver} from "../utils/PowSolver.sol";

/// @title Attacks on proof-of-work mining, each shown impossible (audits/README.md, "Attack classes")
contract MiningAttacksTest is NumiFixture {
    address private miner = address(0x111);
    address private attacker = address(0xBAD);

    /// @dev A harder target than the fixture's so a nonce found for one address fails for another (2^-12 odds).
    function _hardCoin() private returns (NumiCoin hard) {
        hard = new NumiCoin(governance, TARGET_EPOCH_TIME, 2 ** 240);
    }

    // ── Solution theft ──

    /// @notice Copying a pending `mint(nonce, digest)` and sending it from another address fails: the digest
    /// binds msg.sender.
    function test_copiedMintFromAnotherSenderRevertsWithDigestMismatch() public {
        vm.roll(block.number + 1);
        (, uint256 nonce, bytes32 digest) = PowSolver.solve(coin, miner, 0, 10_000);
        bytes32 attackersDigest = PowSolver.digestOf(coin.getChallengeNumber(), attacker, nonce);
        vm.expectRevert(abi.encodeWithSelector(INumiCoin.ChallengeDigestMismatch.selector, attackersDigest, digest));
        vm.prank(attacker);
        coin.mint(nonce, digest);
    }

    /// @notice Relaying someone's nonce with `mintTo` pays that someone; claiming it for oneself fails the target.
    function test_relayedSolutionPaysOnlyItsBeneficiary() public {
        NumiCoin hard = _hardCoin();
        vm.roll(block.number + 1);
        (bool found, uint256 nonce, ) = PowSolver.solve(hard, miner, 0, 200_000);
        assertTrue(found, "solution found");
        bytes32 forAttacker = PowSolver.digestOf(hard.getChallengeNumber(), attacker, nonce);
        vm.expectRevert(
            abi.encodeWithSelector(INumiCoin.SolutionAboveTarget.selector, forAttacker, hard.getMiningTarget())
        );
        vm.prank(attacker);
        hard.mintTo(nonce, attacker);

        vm.prank(attacker);
        hard.mintTo(nonce, miner);
        assertEq(hard.balanceOf(miner), 50 ether, "the miner gets the reward (no pool set on this coin)");
        assertEq(hard.balanceOf(attacker), 0, "the relayer gets nothing");
    }

    // ── Cross-deployment and cross-chain replay ──

    /// @notice The challenge binds chain id and contract address: a solution for one deployment is worthless on
    /// another deployment, and on another chain at the very same address.
    function test_solutionDoesNotReplayAcrossDeploymentsOrChains() public {
        NumiCoin other = _hardCoin();
        NumiCoin hard = _hardCoin();
        assertTrue(other.getChallengeNumber() != hard.getChallengeNumber(), "different deployments, different challenges");

        uint256 snapshot = vm.snapshotState();
        NumiCoin onChainA = _hardCoin();
        bytes32 challengeA = onChainA.getChallengeNumber();
        vm.revertToState(snapshot);
        vm.chainId(10);
        NumiCoin onChainB = _hardCoin();
        assertEq(uint160(address(onChainA)), uint160(address(onChainB)), "same address on both chains");
        assertTrue(onChainB.getChallengeNumber() != challengeA, "chain id changes the challenge");

        vm.roll(block.number + 1);
        (, uint256 nonce, ) = PowSolver.solve(hard, miner, 0, 200_000);
        bytes32 onOther = PowSolver.digestOf(other.getChallengeNumber(), miner, nonce);
        vm.expectRevert(abi.encodeWithSelector(INumiCoin.SolutionAboveTarget.selector, onOther, other.getMiningTarget()));
        other.mintTo(nonce, miner);
    }

    // ── Challenge grinding and pre-mining ──

    /// @notice The next challenge depends on the previous block's hash, so nobody can compute it (or mine for it)
    /// before that block exists, and it changes with every reward.
    function test_nextChallengeDependsOnPreviousBlockHash() public {
        vm.roll(block.number + 1);
        (, uint256 nonce, bytes32 digest) = PowSolver.solve(coin, miner, 0, 10_000);
        bytes32 before = coin.getChallengeNumber();
        uint256 snapshot = vm.snapshotState();
        vm.setBlockhash(block.number - 1, keccak256("one parent"));
        vm.prank(miner);
        coin.mint(nonce, digest);
        bytes32 afterOne = coin.getChallengeNumber();
        vm.revertToState(snapshot);
        vm.setBlockhash(block.number - 1, keccak256("another parent"));
        vm.prank(miner);
        coin.mint(nonce, digest);
        assertTrue(afterOne != before && coin.getChallengeNumber() != before, "every reward changes the challenge");
        assertTrue(afterOne != coin.getChallengeNumber(), "the parent block's hash changes the next challenge");
    }

    // ── Multiple mints per block ──

    /// @notice One reward per block: a second valid solution in the same block is refused.
    function test_secondRewardInSameBlockReverts() public {
        _mineFor(miner, TARGET_EPOCH_TIME);
        (, uint256 nonce, bytes32 digest) = PowSolver.solve(coin, attacker, 0, 10_000);
        vm.expectRevert(abi.encodeWithSelector(INumiCoin.RewardAlreadyMintedThisBlock.selector, block.number));
        vm.prank(attacker);
        coin.mint(nonce, digest);
        vm.roll(block.number + 1);
        vm.prank(attacker);
        coin.mint(nonce, digest); // same challenge, next block: fine
        assertEq(coin.epochCount(), 2, "two rewards in two blocks");
    }

    // ── Difficulty gaming by withholding, timestamp skew ──

    /// @notice Withholding a solution (or a skewed timestamp making the epoch look long) eases the next target by
    /// at most 4x, however long the delay; a short epoch hardens it.
    function test_withholdingEasesTargetByAtMostFourTimes() public {
        NumiCoin hard = _hardCoin();
        uint256 target = hard.getMiningTarget();
        vm.warp(block.timestamp + 365 days); // a year of withholding
        vm.roll(block.number + 1);
        (, uint256 nonce, ) = PowSolver.solve(hard, miner, 0, 200_000);
        hard.mintTo(nonce, miner);
        assertEq(hard.getMiningTarget(), target * 4, "at most 4x easier after any delay");

        target = hard.getMiningTarget();
        vm.roll(block.number + 1); // same timestamp: the epoch took 0 s
        (, nonce, ) = PowSolver.solve(hard, miner, 0, 400_000);
        hard.mintTo(nonce, miner);
        assertLt(hard.getMiningTarget(), target, "an instant epoch hardens");
        assertEq(hard.getMiningTarget(), Difficulty.nextTarget(target, 0, TARGET_EPOCH_TIME), "by the bounded step");
    }

    /// @notice A pause does not ease the difficulty: unpausing resumes the epoch clock where the pause stopped it,
    /// so a pause never counts as epoch time (the old weakness: a long pause then looked like a slow epoch).
    function test_pauseDoesNotEaseDifficulty() public {
        NumiCoin hard = _hardCoin();
        uint256 target = hard.getMiningTarget();
        vm.warp(block.timestamp + TARGET_EPOCH_TIME / 2); // half the epoch has passed when the pause starts
        vm.prank(governance);
        hard.pauseMining();
        vm.warp(block.timestamp + 6 days);
        vm.prank(governance);
        hard.unpauseMining();
        vm.warp(block.timestamp + TARGET_EPOCH_TIME / 2); // the other half
        vm.roll(block.number + 1);
        (, uint256 nonce, ) = PowSolver.solve(hard, miner, 0, 200_000);
        hard.mintTo(nonce, miner);
        assertEq(hard.getMiningTarget(), target, "one target epoch time of mining around the pause: unchanged");
    }

    /// @notice A pause ends on its own after MAX_MINING_PAUSE: governance cannot stop mining for longer, the
    /// expired pause does not ease the difficulty either, and the first reward after it is mined over a derived
    /// challenge (so a solution precomputed for the old challenge is worthless).
    function test_pauseExpiresOnItsOwnWithoutEasingDifficulty() public {
        NumiCoin hard = _hardCoin();
        uint256 target = hard.getMiningTarget();
        bytes32 oldChallenge = hard.getChallengeNumber();
        vm.prank(governance);
        hard.pauseMining();
        uint256 until = block.timestamp + hard.MAX_MINING_PAUSE();
        vm.warp(until - 1);
        vm.roll(block.number + 1);
        (, uint256 early, ) = PowSolver.solve(hard, miner, 0, 200_000);
        vm.expectRevert(abi.encodeWithSelector(INumiCoin.MiningIsPaused.selector, until));
        hard.mintTo(early, miner);

        vm.warp(until + TARGET_EPOCH_TIME); // nobody unpaused: the pause ended at `until`
        vm.roll(block.number + 1);
        assertTrue(!hard.miningPaused(), "the pause ended on its own");
        assertTrue(hard.getChallengeNumber() != oldChallenge, "a new challenge after the pause");
        (, uint256 nonce, ) = PowSolver.solve(hard, miner, 0, 200_000);
        hard.mintTo(nonce, miner);
        assertEq(hard.getMiningTarget(), target, "the expired pause is not epoch time: target unchanged");
    }

    /// @notice Governance cannot chain pauses: the next may start only MINING_PAUSE_COOLDOWN after the last ended,
    /// whether it expired or was lifted early, so mining is paused at most 7 days in any 37.
    function test_pausesCannotBeChained() public {
        vm.startPrank(governance);
        coin.pauseMining();
        vm.expectRevert(abi.encodeWithSelector(INumiCoin.MiningPauseUnchanged.selector, true));
        coin.pauseMining();
        uint256 end = block.timestamp + coin.MAX_MINING_PAUSE();
        vm.warp(end);
        uint256 allowedAt = end + coin.MINING_PAUSE_COOLDOWN();
        vm.expectRevert(abi.encodeWithSelector(INumiCoin.MiningPauseCoolingDown.selector, allowedAt));
        coin.pauseMining();
        vm.warp(allowedAt - 1);
        vm.expectRevert(abi.encodeWithSelector(INumiCoin.MiningPauseCoolingDown.selector, allowedAt));
        coin.pauseMining();
        vm.warp(allowedAt);
        coin.pauseMining();
        vm.warp(block.timestamp + 1 hours);
        coin.unpauseMining(); // lifted early: the cooldown counts from now
        vm.expectRevert(
            abi.encodeWithSelector(INumiCoin.MiningPauseCoolingDown.selector, block.timestamp + 30 days)
        );
        coin.pauseMining();
        vm.stopPrank();
    }

    // ── Unbounded minting and cap overflow ──

    /// @notice The supply is the schedule's sum over the epochs mined, so nothing can push it past the cap: the last
    /// reward (1 wei, epoch 66 * 210,000 - 1) completes the schedule 5,460,000 wei below 21M, then MiningFinished.
    function test_scheduleCompletesBelowCapThenMiningFinishes() public {
        NumiCoinHarness last = new NumiCoinHarness(governance, TARGET_EPOCH_TIME, EASIEST_TARGET);
        uint256 cap = last.MAX_SUPPLY();
        last.setEpochCount(uint64(66 * last.HALVING_INTERVAL() - 1));
        vm.roll(block.number + 1);
        (, uint256 nonce, ) = PowSolver.solve(last, miner, 0, 10_000);
        last.mintTo(nonce, miner);
        assertEq(last.balanceOf(miner), 1, "the last reward is 1 wei");
        assertEq(last.totalSupply(), cap - 5_460_000, "the whole schedule, below the cap");

        vm.roll(block.number + 1);
        (, nonce, ) = PowSolver.solve(last, miner, 0, 10_000);
        vm.expectRevert(abi.encodeWithSelector(INumiCoin.MiningFinished.selector, cap - 5_460_000, cap));
        last.mintTo(nonce, miner);
    }

    /// @notice After the last halving the reward is zero and mining ends by itself, even below the cap.
    function test_miningEndsAfterLastHalving() public {
        NumiCoinHarness late = new NumiCoinHarness(governance, TARGET_EPOCH_TIME, EASIEST_TARGET);
        late.setEpochCount(uint64(66 * late.HALVING_INTERVAL()));
        vm.roll(block.number + 1);
        (, uint256 nonce, ) = PowSolver.solve(late, miner, 0, 10_000);
        vm.expectRevert(
            abi.encodeWithSelector(INumiCoin.MiningFinished.selector, late.MAX_SUPPLY() - 5_460_000, late.MAX_SUPPLY())
        );
        late.mintTo(nonce, miner);
    }

    // ── Weak proof-of-work ──

    /// @notice A digest above the target is refused, whoever sends it: there is no way to mint without work.
    function test_solutionAboveTargetReverts() public {
        NumiCoin hard = _hardCoin();
        vm.roll(block.number + 1);
        uint256 nonce;
        bytes32 digest = PowSolver.digestOf(hard.getChallengeNumber(), miner, nonce);
        while (uint256(digest) <= hard.getMiningTarget())
            digest = PowSolver.digestOf(hard.getChallengeNumber(), miner, ++nonce);
        vm.expectRevert(abi.encodeWithSelector(INumiCoin.SolutionAboveTarget.selector, digest, hard.getMiningTarget()));
        vm.prank(miner);
        hard.mint(nonce, digest);
    }

    /// @notice The owner (the timelock) has no mint and cannot move the target: its only mining powers are the
    /// bounded pause and the pool share (<= 20%). The pool was fixed during deployment and the ownership moves
    /// once, to governance, then never again (no transfer, no renounce). Nobody else has any of these powers.
    function test_governancePowersAreBoundedAndOwnerOnly() public {
        vm.expectRevert(abi.encodeWithSelector(INumiCoin.PoolShareTooHigh.selector, 2_001, 2_000));
        vm.prank(governance);
        coin.setPoolShare(2_001);
        vm.expectRevert(abi.encodeWithSelector(INumiCoin.PoolIsFixed.selector, address(pool)));
        vm.prank(governance);
        coin.setPool(attacker);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, attacker));
        vm.prank(attacker);
        coin.pauseMining();
        assertEq(coin.totalSupply(), 0, "no premine: the deployer and governance hold nothing");

        address timelock = address(0x7111E10C);
        vm.prank(governance);
        coin.transferOwnership(timelock);
        vm.prank(timelock);
        coin.acceptOwnership();
        assertTrue(coin.ownershipFinal() && coin.owner() == timelock, "handed over once, for good");
        vm.startPrank(timelock);
        vm.expectRevert(HandoverOwnable.OwnershipIsFinal.selector);
        coin.transferOwnership(attacker);
        vm.expectRevert(HandoverOwnable.OwnershipIsFinal.selector);
        coin.renounceOwnership();
        vm.stopPrank();
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, governance));
        vm.prank(governance);
        coin.pauseMining();
    }
}
