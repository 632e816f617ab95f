// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Emission} from "../../../contracts/libraries/Emission.sol";
import {TestBase} from "../utils/TestBase.sol";
import {Schedule} from "../utils/Schedule.sol";

/// @title Fuzz: Emission.reward over every epoch and every minted amount (including above the cap)
/// @notice Compared with an independent implementation of the schedule (test/foundry/utils/Schedule.sol).
contract EmissionFuzzTest is TestBase {
    uint256 private constant CAP = Emission.MAX_SUPPLY;
    uint256 private constant ERA = Emission.HALVING_INTERVAL;

    /// @notice The reward is the era's halved reward, clipped to what the cap leaves.
    function testFuzz_rewardIsScheduleClippedToCap(uint256 epoch, uint256 minted) public pure {
        uint256 left = minted < CAP ? CAP - minted : 0;
        uint256 scheduled = Schedule.scheduledReward(epoch);
        assertEq(Emission.reward(epoch, minted), scheduled < left ? scheduled : left, "reward == min(schedule, left)");
    }

    /// @notice Clipping: for every minted amount, minted + reward never passes the cap; above it, reward is 0.
    function testFuzz_clipNeverPassesCap(uint256 epoch, uint256 minted) public pure {
        uint256 reward = Emission.reward(epoch, minted);
        if (minted >= CAP) assertEq(reward, 0, "nothing once the cap is reached (or passed)");
        else assertLe(minted + reward, CAP, "minted + reward <= MAX_SUPPLY");
    }

    /// @notice supplyAfter is the sum of the scheduled rewards, for every epoch count a uint256 holds.
    function testFuzz_supplyAfterIsTheScheduleSum(uint256 epochs) public pure {
        assertEq(Emission.supplyAfter(epochs), Schedule.scheduledSupply(epochs), "supplyAfter == schedule sum");
    }

    /// @notice The same over the eras where the reward is not yet 0 (a uniform uint256 almost never lands there).
    function testFuzz_supplyAfterIsTheScheduleSumWhileMining(uint256 epochs) public pure {
        epochs = bound(epochs, 0, 67 * ERA);
        assertEq(Emission.supplyAfter(epochs), Schedule.scheduledSupply(epochs), "supplyAfter == schedule sum");
    }

    /// @notice Following the schedule, a reward takes the supply exactly to the next epoch's: NumiCoin's supply
    /// (supplyAfter(epochCount)) is the sum of what was credited, and the clip never binds.
    function testFuzz_rewardAdvancesSupplyToNextEpoch(uint256 epoch) public pure {
        epoch = bound(epoch, 0, 70 * ERA);
        uint256 supply = Emission.supplyAfter(epoch);
        uint256 next = Emission.supplyAfter(epoch + 1);
        assertEq(supply + Emission.reward(epoch, supply), next, "supply + reward == next epoch's supply");
        assertEq(next - supply, Schedule.scheduledReward(epoch), "the scheduled reward, unclipped");
        assertLt(next, CAP, "below the cap");
    }

    /// @notice Right below the cap the reward is exactly what is left.
    function testFuzz_lastRewardFillsTheCapExactly(uint256 epoch, uint256 shortBy) public pure {
        epoch = bound(epoch, 0, 10 * ERA); // eras whose reward is still at least 50 / 2^10 NUMI
        shortBy = bound(shortBy, 1, Schedule.scheduledReward(epoch));
        assertEq(Emission.reward(epoch, CAP - shortBy), shortBy, "reward tops the supply up to the cap exactly");
    }

    /// @notice Halving boundaries: the last epoch of an era pays twice the first epoch of the next (floored).
    function testFuzz_halvesExactlyAtEraBoundaries(uint256 era) public pure {
        era = bound(era, 1, 300);
        uint256 lastOfPrevious = Emission.reward(era * ERA - 1, 0);
        uint256 firstOfNext = Emission.reward(era * ERA, 0);
        assertEq(firstOfNext, lastOfPrevious / 2, "reward halves (floor) at the boundary");
        assertEq(Emission.reward(era * ERA + ERA - 1, 0), firstOfNext, "constant within an era");
        assertEq(Emission.era(era * ERA), era, "era index");
        assertEq(Emission.era(era * ERA - 1), era - 1, "previous era index");
    }

    /// @notice The reward never increases with the epoch, at any supply.
    function testFuzz_rewardNeverIncreases(uint256 a, uint256 b, uint256 minted) public pure {
        (uint256 earlier, uint256 later) = a <= b ? (a, b) : (b, a);
        assertLe(Emission.reward(later, minted), Emission.reward(earlier, minted), "reward(later) <= reward(earlier)");
    }

    /// @notice Following the schedule itself, the supply after any number of epochs stays below the cap and
    /// the next reward is never clipped: the clip is a second, independent guarantee.
    function testFuzz_scheduleAloneStaysBelowCap(uint256 epochs) public pure {
        epochs = bound(epochs, 0, 2 ** 64 - 1); // epochCount is a uint64
        uint256 minted = Schedule.scheduledSupply(epochs);
        assertLt(minted, CAP, "schedule sum < MAX_SUPPLY");
        assertEq(Emission.reward(epochs, minted), Schedule.scheduledReward(epochs), "no clipping on schedule");
    }

    /// @notice The reward reaches zero for good after 66 halvings (50e18 < 2^66), so mining ends by itself.
    function testFuzz_rewardIsZeroAfterLastHalving(uint256 epoch) public pure {
        epoch = bound(epoch, 66 * ERA, type(uint256).max);
        assertEq(Emission.reward(epoch, 0), 0, "zero after era 65");
        assertGt(Emission.reward(66 * ERA - 1, 0), 0, "era 65 still pays");
    }

    function assertGt(uint256 a, uint256 b, string memory what) private pure {
        if (a <= b) revert AssertionFailed(what, a, b);
    }
}
