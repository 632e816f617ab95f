// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMiningPool} from "../../../contracts/interfaces/IMiningPool.sol";
import {vm} from "../utils/Vm.sol";
import {NumiFixture} from "../utils/NumiFixture.sol";

/// @title Regression for finding NUMI-01: stream rounding credited stakers more than it took from `undistributed`
/// @notice Before the fix, each accrual took floor(delta * totalStaked / 1e18) out of `undistributed` while
/// stakers were credited delta * totalStaked / 1e18 exactly (delta being reward per token). Summed over many
/// accruals the stakers' claims exceeded the reserve by up to one wei per accrual, so the reserve could not
/// cover every claim and the last `claim`/`exit` reverted with an arithmetic panic (found by
/// invariant_rewardReserveCoversEarnedAndUndistributed; the handler's `exit` hit the panic).
contract PoolRoundingRegressionTest is NumiFixture {
    address private miner = address(0x111);
    address private staker = address(0x222);

    /// @notice A stake of 7 NUMI and 7 wei makes every accrual's rounding visible (it divides no power of ten; the
    /// finding used 7 wei, below today's MIN_STAKE); after many accruals the reserve still covers earned +
    /// undistributed, and the staker can exit and claim every last wei it was shown.
    function test_reserveCoversEarnedAfterManyRoundedAccruals() public {
        _mineUntil(staker, 1 ether);
        _stake(staker, 7 ether + 7);
        _mineFor(miner, TARGET_EPOCH_TIME); // funds the pool with its share
        pool.sync();
        for (uint256 i = 0; i < 200; i++) {
            vm.warp(block.timestamp + 1);
            pool.sync();
            IMiningPool.PoolState memory s = pool.poolState();
            assertGe(s.rewardReserve, pool.earned(staker) + s.undistributed, "reserve >= earned + undistributed");
        }
        // Stop the inflow and let every stream run out: the staker is owed (nearly) everything.
        vm.prank(governance);
        coin.pauseMining();
        for (uint256 i = 0; i < 20; i++) {
            vm.warp(block.timestamp + REWARDS_DURATION);
            pool.sync();
        }
        uint256 owed = pool.earned(staker);
        uint256 balanceBefore = coin.balanceOf(staker);
        vm.prank(staker);
        pool.exit();
        assertEq(coin.balanceOf(staker) - balanceBefore, 7 ether + 7 + owed, "exit pays stake + every earned wei");
        assertGe(coin.balanceOf(address(pool)), pool.poolState().rewardReserve, "pool still holds its reserve");
    }

    /// @notice Fuzzed stakes, arrival sizes and accrual spacing: the reserve never falls behind what is owed.
    function testFuzz_reserveCoversEarnedForAnyStakeAndSpacing(uint256 stakeA, uint256 stakeB, uint256 gapSeed) public {
        address other = address(0x333);
        _mineUntil(staker, 20 ether);
        _mineUntil(other, 20 ether);
        stakeA = bound(stakeA, pool.MIN_STAKE(), coin.balanceOf(staker));
        stakeB = bound(stakeB, pool.MIN_STAKE(), coin.balanceOf(other));
        _stake(staker, stakeA);
        _stake(other, stakeB);
        for (uint256 i = 0; i < 30; i++) {
            uint256 gap = uint256(keccak256(abi.encode(gapSeed, i))) % 97;
            if (i % 7 == 0) _mineFor(miner, gap);
            else vm.warp(block.timestamp + gap);
            pool.sync();
            IMiningPool.PoolState memory s = pool.poolState();
            uint256 owed = pool.earned(staker) + pool.earned(other);
            assertGe(s.rewardReserve, owed + s.undistributed, "reserve >= earned + undistributed");
        }
    }
}
