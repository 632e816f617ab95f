// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title Emission: the fixed issuance schedule of NUMI
/// @notice 50 NUMI per epoch, halving every 210,000 epochs, never above 21,000,000 NUMI in total.
/// Nothing in this schedule can be changed by anyone: it is constants and pure functions.
library Emission {
    /// @notice The hard cap: total supply never exceeds it.
    uint256 internal constant MAX_SUPPLY = 21_000_000 ether;
    /// @notice The reward of the first era.
    uint256 internal constant INITIAL_REWARD = 50 ether;
    /// @notice Epochs (rewards) per era; the reward halves at each era boundary.
    uint256 internal constant HALVING_INTERVAL = 210_000;

    /// @notice The halving era of `epoch`.
    function era(uint256 epoch) internal pure returns (uint256) {
        return epoch / HALVING_INTERVAL;
    }

    /// @notice NUMI minted by the first `epochs` rewards when each paid its scheduled reward: the halving sum. It is
    /// below MAX_SUPPLY for every `epochs` (proved: test/foundry/symbolic/Emission.symbolic.t.sol), so, following
    /// the schedule, `reward` never clips and supplyAfter(n) + reward(n, supplyAfter(n)) == supplyAfter(n + 1).
    function supplyAfter(uint256 epochs) internal pure returns (uint256) {
        return supplyAt(era(epochs), epochs % HALVING_INTERVAL);
    }

    /// @notice The halving sum over `completedEras` whole eras and then `into` epochs of the next era.
    /// @dev One loop step per completed era (none in era 0, at most 66: the reward is 0 from era 66 on).
    function supplyAt(uint256 completedEras, uint256 into) internal pure returns (uint256 total) {
        uint256 perEpoch = INITIAL_REWARD;
        for (uint256 e = 0; e < completedEras && perEpoch != 0; ++e) {
            total += HALVING_INTERVAL * perEpoch;
            perEpoch >>= 1;
        }
        total += into * perEpoch; // the epochs of the current era (0 once perEpoch is)
    }

    /// @notice The reward of `epoch` given `minted` so far: the era's reward, clipped to what the cap leaves.
    /// @dev The exact halving sum never reaches the cap (each era's reward is rounded down), so the clip is a
    /// second, independent guarantee: whatever `minted` is, minted + reward <= MAX_SUPPLY.
    function reward(uint256 epoch, uint256 minted) internal pure returns (uint256) {
        uint256 e = era(epoch);
        uint256 scheduled = e < 256 ? INITIAL_REWARD >> e : 0; // a shift by >= 256 would also give 0; be explicit
        uint256 left = minted < MAX_SUPPLY ? MAX_SUPPLY - minted : 0;
        return scheduled < left ? scheduled : left;
    }
}
