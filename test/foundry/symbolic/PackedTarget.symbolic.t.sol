// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {PackedTarget} from "../../../contracts/libraries/PackedTarget.sol";

/// @title Halmos proofs: PackedTarget keeps a target to 24 significant bits, rounding down, for every uint256
contract PackedTargetSymbolicTest {
    /// @notice For every target: the kept target is never above it (never easier than computed), is short of it by
    /// less than 2^-23 of it, is exact below 2^24, and packs to the same 32 bits again (a stored target round-trips).
    function check_packRoundsDownByLessThan2Pow23(uint256 target) external pure {
        uint32 packed = PackedTarget.pack(target);
        uint256 kept = PackedTarget.unpack(packed);
        assert(kept <= target);
        assert((target - kept) << 23 < target || target == 0); // target - kept < 2^(bits - 24): no overflow
        if (target < 2 ** 24) assert(kept == target);
        assert(PackedTarget.pack(kept) == packed);
    }
}
