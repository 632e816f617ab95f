// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Difficulty} from "../libraries/Difficulty.sol";
import {Emission} from "../libraries/Emission.sol";
import {PackedTarget} from "../libraries/PackedTarget.sol";
import {StreamMath} from "../libraries/StreamMath.sol";

/// @title LibraryHarness: exposes the Difficulty, Emission, PackedTarget and StreamMath libraries to unit tests
contract LibraryHarness {
    /// @notice Difficulty.nextTarget.
    function nextTarget(uint256 target, uint256 elapsed, uint256 targetEpochTime) external pure returns (uint256) {
        return Difficulty.nextTarget(target, elapsed, targetEpochTime);
    }

    /// @notice Difficulty.nextTarget over a batch, so a test can compare a model with the contract on hundreds of
    /// thousands of inputs in a few calls (test/simulation/difficultyModel.test.ts).
    function nextTargets(
        uint256[] calldata targets,
        uint256[] calldata elapsed,
        uint256[] calldata targetEpochTimes
    ) external pure returns (uint256[] memory next) {
        next = new uint256[](targets.length);
        for (uint256 i = 0; i < targets.length; i++) {
            next[i] = Difficulty.nextTarget(targets[i], elapsed[i], targetEpochTimes[i]);
        }
    }

    /// @notice Emission.era.
    function era(uint256 epoch) external pure returns (uint256) {
        return Emission.era(epoch);
    }

    /// @notice Emission.supplyAfter.
    function supplyAfter(uint256 epochs) external pure returns (uint256) {
        return Emission.supplyAfter(epochs);
    }

    /// @notice Emission.reward.
    function reward(uint256 epoch, uint256 minted) external pure returns (uint256) {
        return Emission.reward(epoch, minted);
    }

    /// @notice StreamMath.accrue.
    function accrue(
        uint256 undistributed,
        uint256 elapsed,
        uint256 remaining,
        uint256 totalStaked
    ) external pure returns (uint256 delta, uint256 taken) {
        return StreamMath.accrue(undistributed, elapsed, remaining, totalStaked);
    }

    /// @notice PackedTarget.pack.
    function packTarget(uint256 target) external pure returns (uint32) {
        return PackedTarget.pack(target);
    }

    /// @notice PackedTarget.unpack.
    function unpackTarget(uint32 packed) external pure returns (uint256) {
        return PackedTarget.unpack(packed);
    }
}
