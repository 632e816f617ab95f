// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IMiningPool} from "../../../contracts/interfaces/IMiningPool.sol";
import {MiningPool} from "../../../contracts/MiningPool.sol";
import {vm} from "../utils/Vm.sol";
import {NumiFixture} from "../utils/NumiFixture.sol";

/// @dev A token whose transfer calls back into the pool: stands in for any hostile token governance might sweep.
contract ReenteringToken is ERC20 {
    MiningPool private immutable _pool;

    constructor(MiningPool pool_) ERC20("Evil", "EVIL") {
        _pool = pool_;
        _mint(address(pool_), 1 ether);
    }

    function _update(address from, address to, uint256 value) internal override {
        super._update(from, to, value);
        if (from == address(_pool)) _pool.claim(); // re-enter while the pool is mid-sweep
    }
}

/// @title Attacks on the staking pool, each shown impossible (audits/README.md, "Attack classes")
contract PoolAttacksTest is NumiFixture {
    address private honest = address(0x4011E57);
    address private attacker = address(0xBAD);
    address private miner = address(0x111);

    function setUp() public override {
        super.setUp();
        _mineUntil(honest, 100 ether);
        _mineUntil(attacker, 100 ether);
        pool.sync();
    }

    // ── Flash-stake sandwich ──

    /// @notice Staking right before a large arrival and leaving right after earns nothing: arrivals are streamed
    /// over rewardsDuration, never credited at once.
    function test_flashStakeAroundArrivalEarnsNothing() public {
        _stake(honest, 10 ether);
        vm.warp(block.timestamp + REWARDS_DURATION); // the setup's stream has run out
        pool.sync();
        _stake(attacker, 90 ether); // 90% of the pool, just before the arrival
        vm.prank(honest);
        coin.transfer(address(pool), 50 ether); // a large arrival (a big donation or many rewards)
        pool.sync();
        uint256 balanceBefore = coin.balanceOf(attacker);
        vm.prank(attacker);
        pool.exit(); // same block, same second
        assertEq(coin.balanceOf(attacker) - balanceBefore, 90 ether, "only the principal comes back");
        vm.warp(block.timestamp + REWARDS_DURATION);
        assertGe(pool.earned(honest), 49.99 ether, "the long-term staker gets the whole stream");
    }

    // ── First staker and dust ──

    /// @notice A dust first stake is refused (StakeBelowMinimum), and a minimum first staker gains no leverage:
    /// there are no shares to inflate, each staker earns its stake's share of the stream from the moment it
    /// stakes, and rounding always favours the pool.
    function test_dustFirstStakerCannotSkimLaterStakers() public {
        vm.startPrank(attacker);
        coin.approve(address(pool), 1);
        vm.expectRevert(abi.encodeWithSelector(IMiningPool.StakeBelowMinimum.selector, 1, pool.MIN_STAKE()));
        pool.stake(1);
        vm.stopPrank();
        _stake(attacker, pool.MIN_STAKE());
        vm.prank(honest);
        coin.transfer(address(pool), 10 ether);
        pool.sync();
        vm.warp(block.timestamp + 1);
        _stake(honest, 50 ether);
        uint256 attackerAtJoin = pool.earned(attacker);
        vm.warp(block.timestamp + REWARDS_DURATION);
        uint256 attackerGain = pool.earned(attacker) - attackerAtJoin;
        uint256 honestGain = pool.earned(honest);
        assertLe(attackerGain, honestGain / 50 + 1, "after the join, the minimum stake earns its 1/51 share");
        IMiningPool.PoolState memory s = pool.poolState();
        assertGe(s.rewardReserve, pool.earned(attacker) + honestGain + s.undistributed, "reserve covers everyone");
    }

    // ── Unfunded reward notifications ──

    /// @notice There is no notifyRewardAmount: rewards are measured from the pool's own NUMI balance, so
    /// calling sync (or anything) without NUMI arriving creates no reward.
    function test_syncWithoutArrivalCreatesNoReward() public {
        _stake(honest, 10 ether);
        vm.warp(block.timestamp + 10 * REWARDS_DURATION);
        pool.sync();
        IMiningPool.PoolState memory before = pool.poolState();
        for (uint256 i = 0; i < 5; i++) {
            vm.warp(block.timestamp + REWARDS_DURATION);
            pool.sync();
        }
        IMiningPool.PoolState memory s = pool.poolState();
        assertEq(s.unsynced, 0, "nothing arrived");
        assertLe(s.rewardReserve, before.rewardReserve, "no reward appears from nothing");
        assertEq(coin.balanceOf(address(pool)), s.totalStaked + s.rewardReserve, "every wei held is accounted");
    }

    // ── Owner draining the pool ──

    /// @notice The owner cannot take NUMI out: sweep refuses the staking token, the fee (<= 10%) applies to
    /// arrivals only, and at the maximum fee every staker still gets its full principal back.
    function test_ownerCannotDrainStakesOrRewards() public {
        _stake(honest, 60 ether);
        vm.startPrank(governance);
        vm.expectRevert(IMiningPool.CannotSweepStakingToken.selector);
        pool.sweep(address(coin), governance, 1);
        vm.expectRevert(abi.encodeWithSelector(IMiningPool.FeeTooHigh.selector, 1_001, 1_000));
        pool.setFee(1_001);
        pool.setFee(1_000);
        pool.setTreasury(governance);
        pool.setStakingPaused(true);
        vm.stopPrank();
        _mineFor(miner, TARGET_EPOCH_TIME);
        vm.warp(block.timestamp + REWARDS_DURATION);
        uint256 owed = pool.earned(honest);
        uint256 before = coin.balanceOf(honest);
        vm.prank(honest);
        pool.exit();
        assertEq(coin.balanceOf(honest) - before, 60 ether + owed, "principal and rewards all paid");
        assertLe(coin.balanceOf(governance), 5 ether / 10 + 1, "the owner got at most 10% of the arrivals");
    }

    // ── Pause trapping funds ──

    /// @notice With staking and mining both paused, withdraw, claim and exit all still work, and both pauses end
    /// on their own after 7 days (governance cannot keep them up, nor restart them within the 30-day cooldown).
    function test_pausesNeverTrapFunds() public {
        _stake(honest, 30 ether);
        vm.warp(block.timestamp + 10);
        vm.startPrank(governance);
        pool.setStakingPaused(true);
        coin.pauseMining();
        vm.stopPrank();
        uint256 until = block.timestamp + pool.MAX_STAKING_PAUSE();
        vm.startPrank(honest);
        vm.expectRevert(abi.encodeWithSelector(IMiningPool.StakingIsPaused.selector, until));
        pool.stake(1);
        pool.withdraw(10 ether);
        pool.claim();
        pool.exit();
        vm.stopPrank();
        assertEq(pool.balanceOf(honest), 0, "everything withdrawn while paused");

        vm.warp(until);
        assertTrue(!coin.miningPaused() && !pool.poolState().stakingPaused, "both pauses ended on their own");
        _stake(honest, 1 ether);
        vm.expectRevert(
            abi.encodeWithSelector(IMiningPool.StakingPauseCoolingDown.selector, until + pool.STAKING_PAUSE_COOLDOWN())
        );
        vm.prank(governance);
        pool.setStakingPaused(true);
    }

    // ── Permit front-running ──

    /// @notice Someone who copies a stakeWithPermit signature and submits the permit first cannot make the stake
    /// fail: the pool falls back to the allowance the permit set.
    function test_frontRunPermitDoesNotBlockStake() public {
        uint256 key = 0x5EC12E7;
        address signer = vm.addr(key);
        _mineUntil(signer, 10 ether);
        uint256 deadline = block.timestamp + 1 hours;
        bytes32 structHash = keccak256(
            abi.encode(
                keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"),
                signer,
                address(pool),
                5 ether,
                coin.nonces(signer),
                deadline
            )
        );
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(
            key,
            keccak256(abi.encodePacked("\x19\x01", coin.DOMAIN_SEPARATOR(), structHash))
        );
        vm.prank(attacker);
        coin.permit(signer, address(pool), 5 ether, deadline, v, r, s); // the front-run
        vm.prank(signer);
        pool.stakeWithPermit(5 ether, deadline, v, r, s);
        assertEq(pool.balanceOf(signer), 5 ether, "staked despite the front-run");

        vm.expectRevert(abi.encodeWithSelector(IMiningPool.PermitFailed.selector, 0, 5 ether));
        vm.prank(signer);
        pool.stakeWithPermit(5 ether, deadline, v, r, s); // a replay finds no allowance left
    }

    // ── Reentrancy ──

    /// @notice Every state-changing pool function is nonReentrant: a hostile token calling back into the pool
    /// during a transfer is refused (NUMI itself has no hooks at all).
    function test_reentryIntoPoolIsRefused() public {
        ReenteringToken evil = new ReenteringToken(pool);
        vm.expectRevert(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector);
        vm.prank(governance);
        pool.sweep(address(evil), governance, 1 ether);
    }
}
