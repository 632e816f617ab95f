// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMiningPool} from "../../../contracts/interfaces/IMiningPool.sol";
import {vm} from "../utils/Vm.sol";
import {NumiFixture} from "../utils/NumiFixture.sol";

/// @title Fuzz: reward streaming and fee math of MiningPool, through the deployed contract
/// @notice Amounts over the whole range the token allows (1 wei to everything mined in the setup), fees over
/// [0, MAX_FEE_BPS], stakes from MIN_STAKE (1 NUMI).
contract PoolMathFuzzTest is NumiFixture {
    address private donor = address(0xD0);
    address private alice = address(0xA1);
    address private bob = address(0xB0);

    function setUp() public override {
        super.setUp();
        _mineUntil(donor, 200 ether);
        _mineUntil(alice, 100 ether);
        _mineUntil(bob, 100 ether);
        pool.sync(); // stream the pool share mined above before the test's own arrivals
    }

    function _donate(uint256 amount) private {
        vm.prank(donor);
        coin.transfer(address(pool), amount);
    }

    /// @notice The fee is exactly floor(arrived * fee / 10000), sent to the treasury; the rest is reserved for
    /// stakers, and principal never pays a fee.
    function testFuzz_feeIsExactShareOfArrivals(uint256 feeBps, uint256 amount, uint256 stakeAmount) public {
        feeBps = bound(feeBps, 0, pool.MAX_FEE_BPS());
        amount = bound(amount, 1, coin.balanceOf(donor));
        stakeAmount = bound(stakeAmount, pool.MIN_STAKE(), coin.balanceOf(alice));
        vm.prank(governance);
        pool.setFee(uint16(feeBps));
        uint256 reserveBefore = pool.poolState().rewardReserve;
        uint256 treasuryBefore = coin.balanceOf(treasury);
        _stake(alice, stakeAmount); // principal arrives too: it must not be charged
        _donate(amount);
        pool.sync();
        uint256 fee = (amount * feeBps) / 10_000;
        assertEq(coin.balanceOf(treasury) - treasuryBefore, fee, "treasury receives exactly the fee");
        assertEq(pool.poolState().rewardReserve - reserveBefore, amount - fee, "stakers get the rest");
        assertEq(pool.totalStaked(), stakeAmount, "principal untouched");
    }

    /// @notice A single staker over a full period receives the whole net arrival, short by at most the
    /// rounding bound (the last step's reward per token: 1 wei per 1e18 staked, and 1 wei per account), never more.
    function testFuzz_streamPaysFundedAmountOverPeriod(uint256 amount, uint256 stakeAmount) public {
        amount = bound(amount, 1, coin.balanceOf(donor));
        stakeAmount = bound(stakeAmount, pool.MIN_STAKE(), coin.balanceOf(alice));
        _stake(alice, stakeAmount);
        vm.warp(block.timestamp + REWARDS_DURATION); // let the setup's stream finish
        vm.prank(alice);
        pool.claim();
        uint256 leftover = pool.poolState().undistributed;
        _donate(amount);
        pool.sync();
        vm.warp(block.timestamp + REWARDS_DURATION);
        uint256 earned = pool.earned(alice);
        uint256 funded = amount + leftover;
        assertLe(earned, funded, "never more than funded");
        assertGe(earned + 2 + stakeAmount / 1e18, funded, "all of it, up to the rounding bound");
    }

    /// @notice Streaming is linear: after a fraction of the period the staker has earned that fraction.
    function testFuzz_streamIsLinearInTime(uint256 amount, uint256 elapsed) public {
        amount = bound(amount, 1 ether, coin.balanceOf(donor));
        elapsed = bound(elapsed, 1, REWARDS_DURATION);
        _stake(alice, 10 ether);
        vm.warp(block.timestamp + REWARDS_DURATION);
        pool.sync();
        vm.prank(alice);
        pool.claim();
        uint256 undistributed = pool.poolState().undistributed;
        _donate(amount);
        pool.sync();
        vm.warp(block.timestamp + elapsed);
        uint256 expected = ((amount + undistributed) * elapsed) / REWARDS_DURATION;
        uint256 earned = pool.earned(alice);
        assertLe(earned, expected, "earned <= funded * elapsed / duration");
        // Rounding: < 1 wei from emitted, < 10 wei (10 ether / 1e18) from reward per token, 1 wei for the account.
        assertGe(earned + 12, expected, "earned == funded * elapsed / duration up to rounding");
    }

    /// @notice Time in which nobody stakes is paid over the rest of the period: a staker who joins `idle` seconds
    /// into it has earned the whole net arrival by its end (up to the rounding bound), never more, and nothing is
    /// left to stream. (Before the rate was derived from what is left, the idle part waited for a new period.)
    function testFuzz_idleTimeIsPaidOverTheRestOfThePeriod(uint256 amount, uint256 idle, uint256 stakeAmount) public {
        amount = bound(amount, 1 ether, coin.balanceOf(donor));
        idle = bound(idle, 1, REWARDS_DURATION - 1);
        stakeAmount = bound(stakeAmount, pool.MIN_STAKE(), coin.balanceOf(alice));
        vm.warp(block.timestamp + REWARDS_DURATION); // the setup's stream has ended: nobody staked through it
        uint256 leftover = pool.poolState().undistributed;
        _donate(amount);
        pool.sync(); // a new period over amount + leftover, nobody staking
        uint256 periodFinish = pool.poolState().periodFinish;
        vm.warp(block.timestamp + idle);
        _stake(alice, stakeAmount);
        vm.warp(periodFinish);
        uint256 earned = pool.earned(alice);
        uint256 funded = amount + leftover;
        assertLe(earned, funded, "never more than funded");
        assertGe(earned + 2 + stakeAmount / 1e18, funded, "all of it by the end of the period, up to rounding");
        assertLe(pool.poolState().undistributed, 1 + stakeAmount / 1e18, "only the last step's rounding left");
    }

    /// @notice Two stakers over the same interval share in proportion to their stakes (up to a wei each).
    function testFuzz_stakersShareInProportion(uint256 stakeA, uint256 stakeB, uint256 amount) public {
        stakeA = bound(stakeA, pool.MIN_STAKE(), coin.balanceOf(alice));
        stakeB = bound(stakeB, pool.MIN_STAKE(), coin.balanceOf(bob));
        amount = bound(amount, 1 ether, coin.balanceOf(donor));
        _stake(alice, stakeA);
        _stake(bob, stakeB);
        _donate(amount);
        pool.sync();
        vm.warp(block.timestamp + REWARDS_DURATION / 2);
        uint256 earnedA = pool.earned(alice);
        uint256 earnedB = pool.earned(bob);
        // earnedA / stakeA == earnedB / stakeB, compared crosswise with the per-account rounding allowed.
        uint256 left = earnedA * stakeB;
        uint256 right = earnedB * stakeA;
        uint256 diff = left > right ? left - right : right - left;
        assertLe(diff, stakeA + stakeB, "earned proportional to stake");
        IMiningPool.PoolState memory s = pool.poolState();
        assertGe(s.rewardReserve, earnedA + earnedB + s.undistributed, "reserve covers both");
    }
}
