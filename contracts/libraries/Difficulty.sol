// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title Difficulty: an exponential (ASERT-style) per-epoch difficulty controller
/// @notice After every reward the target is multiplied by 2^((elapsed - T) / (HALF_LIFE_EPOCHS * T)), where T
/// is the target epoch time and `elapsed` the seconds the epoch took, then clamped to [MIN_TARGET, MAX_TARGET].
/// - An epoch that takes exactly T leaves the target unchanged; every HALF_LIFE_EPOCHS * T of delay doubles it
///   (easier), every HALF_LIFE_EPOCHS instant epochs halve it (harder). Like Bitcoin Cash's ASERT, the
///   correction is proportional to the error in log space, so it does not oscillate or drift.
/// - Bounded step: one epoch can make the target at most 2^MAX_EASE_DOUBLINGS = 4x easier and at most
///   1.189x harder (an instant epoch: x 110225 / 2^17 = 0.84095, the cubic's 2^-1/4). Withholding a solution to
///   slow the epoch eases the next target at most 4x, but the eased target only comes back through fast epochs:
///   a miner with all the hash rate who holds one solution to 9T saves 8.0 epochs of work (4.0 when held to 5T;
///   4 per doubling), while its rewards stay tied to wall-clock time. Measured: `npx hardhat test
///   test/simulation/emissionHorizon.test.ts` (4,000 trials of 400 epochs).
/// - Never stalls: after a drop in hash rate by a factor D, every epoch that takes 9T or more eases the target
///   by the full 4x, and from there the proportional step closes the rest of the gap, from above and without
///   overshoot (for D = 1000: 3.9T after 4 epochs, 2.4T after 5, under 1.5T after 9; see
///   test/NumiCoin/difficulty.test.ts). 0xBitcoin, by contrast, waits for 1024 rewards at the old difficulty.
/// @dev 2^x for the fractional part uses the cubic approximation published in the Bitcoin Cash aserti3-2d
/// specification (relative error below 0.013%), evaluated on a 16-bit fraction.
library Difficulty {
    /// @notice The hardest target the controller will set (difficulty MAX_TARGET / 2^16).
    uint256 internal constant MIN_TARGET = 2 ** 16;
    /// @notice The easiest target (difficulty 1: 16 hashes expected per solution). So low a floor lets a local
    /// chain and tests mine in milliseconds; on a public network the controller sets the real difficulty.
    uint256 internal constant MAX_TARGET = 2 ** 252;
    /// @notice Epochs of delay (in units of the target epoch time) that double the target.
    uint256 internal constant HALF_LIFE_EPOCHS = 4;
    /// @notice The most doublings (easing) one epoch may apply.
    uint256 internal constant MAX_EASE_DOUBLINGS = 2;

    uint256 private constant ONE = 2 ** 16; // fixed point: 16 fractional bits of an exponent in doublings

    /// @notice The target of the next epoch.
    /// @param target The target of the epoch that just ended, within [MIN_TARGET, MAX_TARGET].
    /// @param elapsed Seconds the epoch took.
    /// @param targetEpochTime Seconds an epoch should take (> 0).
    /// @return The next target, within [MIN_TARGET, MAX_TARGET].
    function nextTarget(uint256 target, uint256 elapsed, uint256 targetEpochTime) internal pure returns (uint256) {
        uint256 span = HALF_LIFE_EPOCHS * targetEpochTime;
        // Exponent in 1/65536 doublings, offset by +ONE so it stays non-negative: e = ONE + (elapsed - T) * ONE / span.
        // elapsed >= 0 gives e >= ONE - ONE / HALF_LIFE_EPOCHS > 0, and the cap keeps e <= ONE * (1 + MAX_EASE).
        uint256 maxElapsed = targetEpochTime + span * MAX_EASE_DOUBLINGS;
        if (elapsed > maxElapsed) elapsed = maxElapsed;
        uint256 e = ONE + (elapsed * ONE) / span - (targetEpochTime * ONE) / span;
        uint256 doublings = e >> 16; // 0 (harder), 1, 2 or 3; one of them is the +ONE offset
        uint256 x = e & (ONE - 1);
        uint256 factor = ONE + ((195_766_423_245_049 * x + 971_821_376 * x * x + 5_127 * x * x * x + 2 ** 47) >> 48);
        // (factor << doublings) < 2^20 and target <= 2^252: mulDiv's 512-bit product cannot overflow, and the
        // result, below 2^255, fits. / 2^17: 2^16 for the factor's fixed point, 2 for the +ONE offset.
        uint256 next = Math.mulDiv(target, factor << doublings, 2 ** 17);
        if (next < MIN_TARGET) return MIN_TARGET;
        if (next > MAX_TARGET) return MAX_TARGET;
        return next;
    }
}
