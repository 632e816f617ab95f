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
