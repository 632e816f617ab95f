// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

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

    /// @dev The exponent one T of delay adds: HALF_LIFE_EPOCHS * T adds ONE, so T adds ONE / HALF_LIFE_EPOCHS = 2^14
    /// exactly. Named, so Slither does not read this division of two constants as a divide-before-multiply.
    uint256 private constant ONE_PER_HALF_LIFE_EPOCH = ONE / HALF_LIFE_EPOCHS;

    /// @notice The exponent of the fastest epoch (elapsed 0): -1/HALF_LIFE_EPOCHS doublings, offset by +ONE.
    uint256 internal constant MIN_EXPONENT = ONE - ONE / HALF_LIFE_EPOCHS;
    /// @notice The exponent of an epoch of 9T or longer: +MAX_EASE_DOUBLINGS doublings, offset by +ONE.
    uint256 internal constant MAX_EXPONENT = ONE * (1 + MAX_EASE_DOUBLINGS);
    /// @notice scale(MIN_EXPONENT): the cubic's 2^-1/4 (0.840950) in units of 2^-17, the hardest one-epoch step.
    uint256 internal constant MIN_SCALE = 110_225;
    /// @notice scale(MAX_EXPONENT): 2^MAX_EASE_DOUBLINGS in units of 2^-17, the easiest one-epoch step.
    uint256 internal constant MAX_SCALE = ONE << (1 + MAX_EASE_DOUBLINGS);

    /// @notice The target of the next epoch: the target times 2^((min(elapsed, 9T) - T) / 4T), clamped.
    /// @dev Three steps, then the clamp; Halmos proves each for its whole input range (test/foundry/symbolic/
    /// Difficulty.symbolic.t.sol), and that nextTarget is exactly that composition. For every target in
    /// [MIN_TARGET, MAX_TARGET], elapsed, and T in [1 s, 7 days]:
    /// - proved on nextTarget itself: the result is within [MIN_TARGET, MAX_TARGET], and exactly
    ///   min(4 * target, MAX_TARGET) from 9T on;
    /// - proved on the steps: `exponent` is in [MIN_EXPONENT, MAX_EXPONENT], MIN_EXPONENT at elapsed 0; `scale`
    ///   maps that range into [MIN_SCALE, MAX_SCALE], MIN_EXPONENT to MIN_SCALE (and is nondecreasing, by
    ///   enumeration in test/foundry/fuzz/Difficulty.fuzz.t.sol); scaled(target, s) <= scaled(target, s + 1) for s
    ///   in [MIN_SCALE, MAX_SCALE), and scaled(target, MAX_SCALE) = 4 * target;
    /// - chained by hand (the solver times out on the direct forms): by induction over s, scaled(target, MIN_SCALE)
    ///   <= scaled(target, s) <= 4 * target, so before the clamp floor(target * MIN_SCALE / 2^17) <= next <= 4 *
    ///   target, the lower bound attained at elapsed 0. The clamp keeps both bounds, since floor(target * MIN_SCALE
    ///   / 2^17) <= target <= MAX_TARGET and MIN_TARGET <= target <= 4 * target.
    /// @param target The target of the epoch that just ended, within [MIN_TARGET, MAX_TARGET].
    /// @param elapsed Seconds the epoch took.
    /// @param targetEpochTime Seconds an epoch should take, in [1, 7 days] (see `exponent`).
    /// @return next The next target, within [MIN_TARGET, MAX_TARGET].
    function nextTarget(uint256 target, uint256 elapsed, uint256 targetEpochTime) internal pure returns (uint256 next) {
        next = scaled(target, scale(exponent(elapsed, targetEpochTime)));
        if (next < MIN_TARGET) return MIN_TARGET;
        if (next > MAX_TARGET) return MAX_TARGET;
    }

    /// @notice The step's exponent in 1/65536 doublings, offset by +ONE so it is never negative:
    /// e = ONE + (min(elapsed, 9T) - T) * ONE / 4T, within [MIN_EXPONENT, MAX_EXPONENT].
    /// @dev (T * ONE) / 4T is exactly ONE / 4 for every T, and floor(elapsed * ONE / 4T) = floor(elapsed * (ONE / 4)
    /// / T), so e = MIN_EXPONENT + floor(elapsed * 16384 / T): one division, by T alone. At elapsed >= 9T that
    /// quotient would be 147456 exactly (the cap), so the constant is returned instead.
    /// @param elapsed Seconds the epoch took.
    /// @param targetEpochTime Seconds an epoch should take, in [1, 7 days] (NumiCoin's constructor bounds). 0 is
    /// outside the domain: it returns MAX_EXPONENT here (the mulDiv version reverted dividing by the zero span).
    /// @return e The exponent, in [MIN_EXPONENT, MAX_EXPONENT].
    function exponent(uint256 elapsed, uint256 targetEpochTime) internal pure returns (uint256 e) {
        // Unchecked: nothing overflows for T < 2^238 (NumiCoin's is at most 7 days): 9T < 2^242, and below the cap
        // elapsed * 2^14 < 9T * 2^14 < 2^256; the quotient is below 147456. (Checked, 9T's overflow test divides by
        // T: with it, and the proof's own 9T checked too, the exponent proof's query took 50 s; unchecked, 14 s; CI
        // allows 60 s per query.)
        unchecked {
            // 9T: T of the target time plus HALF_LIFE_EPOCHS * T per allowed doubling.
            if (elapsed >= targetEpochTime * (1 + HALF_LIFE_EPOCHS * MAX_EASE_DOUBLINGS)) return MAX_EXPONENT;
            e = MIN_EXPONENT + (elapsed * ONE_PER_HALF_LIFE_EPOCH) / targetEpochTime;
        }
    }

    /// @notice 2^(e / ONE) in units of 2^-17 (2 for the +ONE offset): the factor the target is multiplied by.
    /// @dev The whole doublings are a shift; the fraction x = e mod ONE uses the aserti3-2d cubic. Unchecked: x <
    /// 2^16 for every e, so the cubic stays below 2^66 and cannot overflow.
    /// @param e An exponent in [MIN_EXPONENT, MAX_EXPONENT].
    /// @return s The scale, in [MIN_SCALE, MAX_SCALE] and nondecreasing in e.
    function scale(uint256 e) internal pure returns (uint256 s) {
        unchecked {
            uint256 x = e & (ONE - 1);
            uint256 factor =
                ONE + ((195_766_423_245_049 * x + 971_821_376 * x * x + 5_127 * x * x * x + 2 ** 47) >> 48);
            s = factor << (e >> 16); // doublings: 0 (harder), 1, 2 or 3; one of them is the +ONE offset
        }
    }

    /// @notice floor(target * s / 2^17), without the 512-bit product of Math.mulDiv.
    /// @dev With target = hi * 2^17 + lo (lo < 2^17), target * s / 2^17 = hi * s + lo * s / 2^17 and hi * s is an
    /// integer, so the floor is hi * s + floor(lo * s / 2^17). Unchecked: hi <= 2^235 and s <= 2^19 give hi * s <=
    /// 2^254, and lo * s < 2^36.
    /// @param target A target within [MIN_TARGET, MAX_TARGET].
    /// @param s A scale within [MIN_SCALE, MAX_SCALE].
    /// @return The scaled target, below 2^255.
    function scaled(uint256 target, uint256 s) internal pure returns (uint256) {
        unchecked {
            return (target >> 17) * s + (((target & (2 ** 17 - 1)) * s) >> 17);
        }
    }
}
