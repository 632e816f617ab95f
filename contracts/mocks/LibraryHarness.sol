// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Difficulty} from "../libraries/Difficulty.sol";
import {Emission} from "../libraries/Emission.sol";

/// @title LibraryHarness: exposes the Difficulty and Emission libraries to unit tests
contract LibraryHarness {
    /// @notice Difficulty.nextTarget.
    function nextTarget(uint256 target, uint256 elapsed, uint256 targetEpochTime) external pure returns (uint256) {
        return Difficulty.nextTarget(target, elapsed, targetEpochTime);
    }

    /// @notice Emission.era.
    function era(uint256 epoch) external pure returns (uint256) {
        return Emission.era(epoch);
    }

    /// @notice Emission.reward.
    function reward(uint256 epoch, uint256 minted) external pure returns (uint256) {
        return Emission.reward(epoch, minted);
    }
}
