// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Checkpoints} from "@openzeppelin/contracts/utils/structs/Checkpoints.sol";
import {PackedCheckpoints} from "../../../contracts/libraries/PackedCheckpoints.sol";

/// @title Halmos proofs: PackedCheckpoints stores and reads back every checkpoint within its bounds intact
contract PackedCheckpointsSymbolicTest {
    using PackedCheckpoints for PackedCheckpoints.Trace;

    PackedCheckpoints.Trace private _trace;

    /// @notice For all keys k1 <= k2 <= k3 < 2^40 and values < 2^88: three pushes (the first two share a word, low
    /// and high half, the third opens the next word; equal keys overwrite) read back exactly what Trace208 would
    /// hold: the same length, the same (key, value) at every position, latest the last value, and each push returns
    /// the previous latest value. So packing and unpacking round-trip in either half, without spilling over.
    function check_pushReadsBackIntact(uint48 k1, uint48 k2, uint48 k3, uint88 v1, uint88 v2, uint88 v3) external {
        require(k1 <= k2 && k2 <= k3 && k3 < 2 ** 40);
        (uint256 old1, uint256 new1) = _trace.push(k1, v1);
        assert(old1 == 0 && new1 == v1);
        (uint256 old2, ) = _trace.push(k2, v2);
        assert(old2 == v1);
        (uint256 old3, ) = _trace.push(k3, v3);
        assert(old3 == v2);

        // What Trace208 holds after the same pushes: keys merged where equal.
        uint256 n = 1 + (k2 != k1 ? 1 : 0) + (k3 != k2 ? 1 : 0);
        assert(_trace.length() == n);
        assert(_trace.latest() == v3);
        Checkpoints.Checkpoint208 memory c0 = _trace.at(0);
        assert(c0._key == k1);
        assert(c0._value == (k2 != k1 ? v1 : k3 != k2 ? v2 : v3));
        if (n >= 2) {
            Checkpoints.Checkpoint208 memory c1 = _trace.at(1);
            assert(c1._key == (k2 != k1 ? k2 : k3));
            assert(c1._value == (k2 != k1 && k3 != k2 ? v2 : v3));
        }
        if (n == 3) {
            Checkpoints.Checkpoint208 memory c2 = _trace.at(2);
            assert(c2._key == k3 && c2._value == v3);
        }
    }
}
