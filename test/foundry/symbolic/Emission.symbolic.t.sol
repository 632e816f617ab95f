// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Emission} from "../../../contracts/libraries/Emission.sol";
import {Schedule} from "../utils/Schedule.sol";
import {vm} from "../utils/Vm.sol";

/// @title Halmos proofs: Emission.reward for every epoch and every minted amount
/// @notice Each `check_` function is proved by Halmos for all values of its arguments (`npm run test:symbolic`);
/// `forge test` does not run `check_` functions. Plain `assert`: Halmos reports a failing one as a counterexample.
contract EmissionSymbolicTest {
    uint256 private constant CAP = Emission.MAX_SUPPLY;
    uint256 private constant ERA = Emission.HALVING_INTERVAL;

    /// @notice The cap holds for every minted amount: below it minted + reward <= MAX_SUPPLY, at or above it the
    /// reward is 0 (so a supply that somehow passed the cap never grows further).
    function check_rewardNeverPassesCap(uint256 epoch, uint256 minted) external pure {
        uint256 reward = Emission.reward(epoch, minted);
        if (minted >= CAP) assert(reward == 0);
        else assert(minted + reward <= CAP);
    }

    /// @notice From one epoch to the next the reward never increases, for the same minted amount.
    function check_rewardNeverIncreasesNextEpoch(uint256 epoch, uint256 minted) external pure {
        vm.assume(epoch < type(uint256).max);
        assert(Emission.reward(epoch + 1, minted) <= Emission.reward(epoch, minted));
    }

    /// @notice Nor between any two epochs, however far apart.
    function check_rewardNeverIncreasesLater(uint256 earlier, uint256 later, uint256 minted) external pure {
        vm.assume(earlier <= later);
        assert(Emission.reward(later, minted) <= Emission.reward(earlier, minted));
    }

    /// @notice Across an era boundary (any era, including eras >= 256 where the shift would be undefined) the
    /// reward at most halves: the first epoch of era k pays floor(last epoch of era k - 1 / 2) when unclipped.
    function check_rewardAtEraBoundary(uint256 era, uint256 minted) external pure {
        vm.assume(era >= 1 && era <= type(uint256).max / ERA);
        uint256 last = Emission.reward(era * ERA - 1, minted);
        uint256 first = Emission.reward(era * ERA, minted);
        assert(first <= last);
        if (minted == 0) assert(first == last / 2);
    }

    /// @notice The exact halving sum never reaches the cap, and Emission.supplyAt computes it: after ANY number of
    /// epochs (era * HALVING_INTERVAL + into, both symbolic, every epoch count a uint256 can hold) the sum of the
    /// scheduled, unclipped rewards is
    /// below MAX_SUPPLY, and the next reward is exactly the scheduled one: following the schedule the clip never
    /// binds, so it is a second, independent guarantee. The sum is written out here era by era (one path per era
    /// until the reward reaches 0 after 66 halvings), independently of Emission.reward.
    /// @custom:halmos --loop 70 --solver-timeout-branching 1s
    function check_halvingSumNeverReachesCap(uint256 era, uint256 into) external pure {
        vm.assume(into < ERA && era < type(uint256).max / ERA);
        uint256 minted;
        uint256 perEpoch = Emission.INITIAL_REWARD;
        uint256 epoch;
        // unchecked: the sums below stay under 2^70 and epoch under 2^256 by the assumptions (fewer branches for
        // the solver; the assertions below are what is proved)
        unchecked {
            for (uint256 e = 0; e < era && perEpoch != 0; e++) {
                minted += ERA * perEpoch; // every epoch of each completed era
                perEpoch /= 2;
            }
            minted += into * perEpoch; // the epochs of the current era so far
            epoch = era * ERA + into;
        }
        assert(minted < CAP);
        uint256 reward = Emission.reward(epoch, minted);
        assert(reward == perEpoch); // not clipped
        assert(minted + reward < CAP);
        // NumiCoin's supply, supplyAfter(epochCount) = supplyAt(epochCount / ERA, epochCount % ERA), is this sum, and
        // a reward advances it to the next epoch's. (supplyAfter's division into era and position is Euclid's; the
        // solver is spared the 256-bit division here: the fuzz suite compares supplyAfter itself with the schedule.)
        assert(Emission.supplyAt(era, into) == minted);
        (uint256 nextEra, uint256 nextInto) = into + 1 == ERA ? (era + 1, uint256(0)) : (era, into + 1);
        assert(Emission.supplyAt(nextEra, nextInto) == minted + reward);
    }

    /// @notice The complete sum over every era, exactly: 20,999,999.999999999994540000 NUMI, 5,460,000 wei below
    /// the cap (with 18 decimals the per-era flooring loses far less than Bitcoin's 0.0231 BTC), whether summed
    /// to era 66 (50e18 < 2^66: later eras pay 0) or over every epoch a uint256 counts.
    /// @custom:halmos --loop 70
    function check_wholeScheduleBelowCap() external pure {
        uint256 total = Schedule.scheduledSupply(66 * ERA);
        assert(total == CAP - 5_460_000);
        assert(Schedule.scheduledSupply(type(uint256).max) == total);
    }
}
