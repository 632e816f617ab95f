// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title PackedTarget: a mining target in 32 bits, so it shares a storage slot with the mining clock
/// @notice A target is stored as a 24-bit mantissa and an 8-bit exponent: target = mantissa << exponent.
/// Packing rounds down (never easier than computed) by less than 2^-23 (1.2e-7) of the target, three orders of
/// magnitude below the difficulty controller's own approximation error (1.3e-4 for its cubic 2^x). Every target
/// below 2^24, and every power of two, is exact: MIN_TARGET (2^16) and MAX_TARGET (2^252) included.
/// Bound: a target up to 2^256 - 1 packs (exponent <= 232 < 2^8); NumiCoin's stay within [2^16, 2^252].
library PackedTarget {
    /// @notice Significant bits kept.
    uint256 internal constant MANTISSA_BITS = 24;

    /// @notice The packed form of `target`, rounded down to MANTISSA_BITS significant bits.
    function pack(uint256 target) internal pure returns (uint32) {
        uint256 bits = Math.log2(target) + 1; // significant bits; a zero target packs as 0
        uint256 exponent = bits > MANTISSA_BITS ? bits - MANTISSA_BITS : 0;
        return uint32((exponent << MANTISSA_BITS) | (target >> exponent));
    }

    /// @notice The target a packed value stands for.
    function unpack(uint32 packed) internal pure returns (uint256) {
        return uint256(packed & ((1 << MANTISSA_BITS) - 1)) << (packed >> MANTISSA_BITS);
    }
}
