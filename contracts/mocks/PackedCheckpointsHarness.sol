// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Checkpoints} from "@openzeppelin/contracts/utils/structs/Checkpoints.sol";
import {PackedCheckpoints} from "../libraries/PackedCheckpoints.sol";

/// @title PackedCheckpointsHarness: one PackedCheckpoints.Trace beside one OZ Checkpoints.Trace208, for tests
/// @notice `push` writes both (the OZ one only when asked, so a test can also reach the library's own bounds, which
/// Trace208 does not have); every view reads either. The packed trace is at slot 0, so its checkpoints start at
/// keccak256(0) (`data()`), two per word.
contract PackedCheckpointsHarness {
    using PackedCheckpoints for PackedCheckpoints.Trace;
    using Checkpoints for Checkpoints.Trace208;

    PackedCheckpoints.Trace private _packed;
    Checkpoints.Trace208 private _oz;

    /// @notice The values push returned (events, so a test can read them from a transaction).
    event Pushed(uint256 oldValue, uint256 newValue);

    /// @notice PackedCheckpoints.push.
    function push(uint48 key, uint256 value) external returns (uint256 oldValue, uint256 newValue) {
        (oldValue, newValue) = _packed.push(key, value);
        emit Pushed(oldValue, newValue);
    }

    /// @notice Checkpoints.Trace208.push on the OZ trace.
    function pushOZ(uint48 key, uint208 value) external returns (uint256 oldValue, uint256 newValue) {
        (oldValue, newValue) = _oz.push(key, value);
    }

    /// @notice PackedCheckpoints.latest.
    function latest() external view returns (uint256) {
        return _packed.latest();
    }

    /// @notice PackedCheckpoints.length.
    function length() external view returns (uint256) {
        return _packed.length();
    }

    /// @notice PackedCheckpoints.at.
    function at(uint32 pos) external view returns (Checkpoints.Checkpoint208 memory) {
        return _packed.at(pos);
    }

    /// @notice PackedCheckpoints.upperLookupRecent.
    function upperLookupRecent(uint48 key) external view returns (uint256) {
        return _packed.upperLookupRecent(key);
    }

    /// @notice Trace208.latest of the OZ trace.
    function latestOZ() external view returns (uint256) {
        return _oz.latest();
    }

    /// @notice Trace208.length of the OZ trace.
    function lengthOZ() external view returns (uint256) {
        return _oz.length();
    }

    /// @notice Trace208.at of the OZ trace.
    function atOZ(uint32 pos) external view returns (Checkpoints.Checkpoint208 memory) {
        return _oz.at(pos);
    }

    /// @notice Trace208.upperLookupRecent of the OZ trace.
    function upperLookupRecentOZ(uint48 key) external view returns (uint256) {
        return _oz.upperLookupRecent(key);
    }

    /// @notice The first storage word of the packed checkpoints: keccak256(0).
    function data() external pure returns (bytes32) {
        return keccak256(abi.encode(uint256(0)));
    }
}
