// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Difficulty} from "../../../contracts/libraries/Difficulty.sol";
import {vm} from "../utils/Vm.sol";

/// @title Halmos proofs: Difficulty.nextTarget and its three steps, for every input in NumiCoin's domain
/// @notice target in [MIN_TARGET, MAX_TARGET], targetEpochTime T in [1 s, 7 days] (NumiCoin's constructor bounds),
/// elapsed any uint256. Proved for nextTarget itself: the result is within [MIN_TARGET, MAX_TARGET]; exactly
/// min(4 * target, MAX_TARGET) for every elapsed >= 9T; and it is the clamp of scaled(target, scale(exponent(elapsed,
/// T))). Proved for the steps: `exponent` is MAX_EXPONENT from 9T on, in [MIN_EXPONENT, MAX_EXPONENT) below and
/// MIN_EXPONENT at 0; `scale` maps that range into [MIN_SCALE, MAX_SCALE] with scale(MIN_EXPONENT) = MIN_SCALE;
/// `scaled` grows with s one step at a time over [MIN_SCALE, MAX_SCALE], and scaled(target, MAX_SCALE) = 4 * target.
/// Difficulty.nextTarget's NatSpec chains these into the per-epoch bounds for every elapsed (next <= 4 * target,
/// next >= floor(target * 110_225 / 2^17), the latter attained at elapsed 0); the one step taken by hand there is
/// the chain itself (induction over s, and clamping). What timed out on the way: docs/proofs-pending/README.md.
/// @dev floor(target * s / 2^17) is written as Difficulty.scaled(target, s), its exact split form hi * s +
/// floor(lo * s / 2^17) with target = hi * 2^17 + lo: target * 110_225 itself can exceed 2^256. The split is
/// compared with Math.mulDiv in test/foundry/fuzz/Difficulty.fuzz.t.sol. Times in the NatSpec of each proof: halmos
/// 0.3.3, yices, 60 s per query, on the development machine (2 CPUs, shared).
contract DifficultySymbolicTest {
    uint256 private constant MIN = Difficulty.MIN_TARGET;
    uint256 private constant MAX = Difficulty.MAX_TARGET;
    uint256 private constant MAX_EPOCH_TIME = 7 days;

    /// @dev The targets nextTarget accepts: [MIN_TARGET, MAX_TARGET].
    function _assumeTarget(uint256 target) private pure {
        vm.assume(target >= MIN && target <= MAX);
    }

    /// @dev NumiCoin's target epoch times: [1 s, 7 days] (its constructor rejects the rest).
    function _assumeEpochTime(uint256 epochTime) private pure {
        vm.assume(epochTime >= 1 && epochTime <= MAX_EPOCH_TIME);
    }

    /// @dev 9T for T <= 7 days, unchecked: a checked product's overflow test divides by T, a needless solver query.
    function _nineT(uint256 epochTime) private pure returns (uint256) {
        unchecked {
            return 9 * epochTime;
        }
    }

    /// @notice nextTarget is within [MIN_TARGET, MAX_TARGET] for every target, elapsed and T. (5 paths, under 1 s.)
    function check_nextTargetWithinMinMax(uint256 target, uint256 elapsed, uint256 epochTime) external pure {
        _assumeTarget(target);
        _assumeEpochTime(epochTime);
        uint256 next = Difficulty.nextTarget(target, elapsed, epochTime);
        assert(next >= MIN && next <= MAX);
    }

    /// @notice Any elapsed >= 9T, up to 2^256 - 1: exactly 4x easier, or MAX_TARGET. (3 paths, under 1 s.)
    function check_nextTargetFrom9TIsFourTimesEasier(uint256 target, uint256 elapsed, uint256 epochTime) external pure {
        _assumeTarget(target);
        _assumeEpochTime(epochTime);
        vm.assume(elapsed >= _nineT(epochTime));
        uint256 next = Difficulty.nextTarget(target, elapsed, epochTime);
        assert(next == (target * 4 < MAX ? target * 4 : MAX));
    }

    /// @notice nextTarget is its three steps, then the clamp: what lets the step proofs below speak for it.
    /// (5 paths, under 1 s.)
    function check_nextTargetIsItsSteps(uint256 target, uint256 elapsed, uint256 epochTime) external pure {
        _assumeTarget(target);
        _assumeEpochTime(epochTime);
        uint256 next = Difficulty.scaled(target, Difficulty.scale(Difficulty.exponent(elapsed, epochTime)));
        next = next < MIN ? MIN : (next > MAX ? MAX : next);
        assert(Difficulty.nextTarget(target, elapsed, epochTime) == next);
    }

    /// @notice exponent is MAX_EXPONENT for every elapsed >= 9T. (1 path, under 1 s.)
    function check_exponentFrom9TIsMax(uint256 elapsed, uint256 epochTime) external pure {
        _assumeEpochTime(epochTime);
        vm.assume(elapsed >= _nineT(epochTime));
        assert(Difficulty.exponent(elapsed, epochTime) == Difficulty.MAX_EXPONENT);
    }

    /// @notice exponent is in [MIN_EXPONENT, MAX_EXPONENT) for every elapsed < 9T, and MIN_EXPONENT at 0.
    /// @dev The inputs are narrowed first, soundly: on this path elapsed < 9T <= 9 * 7 days < 2^23 and T < 2^20, and
    /// the first assert proves that masking them to 23 and 20 bits changes neither, so no input is left out. The
    /// masks make the high bits zero in the terms themselves, which is what lets yices settle the division by T
    /// (unmasked: 32 s; with 9T checked in exponent as well: TIMEOUT). (3 paths, 21-28 s; its one hard query
    /// takes 16-20 s alone.)
    function check_exponentBelow9TIsInRange(uint256 elapsed, uint256 epochTime) external pure {
        _assumeEpochTime(epochTime);
        vm.assume(elapsed < _nineT(epochTime));
        uint256 narrowElapsed = elapsed & (2 ** 23 - 1);
        uint256 narrowEpochTime = epochTime & (2 ** 20 - 1);
        assert(narrowElapsed == elapsed && narrowEpochTime == epochTime);
        uint256 e = Difficulty.exponent(narrowElapsed, narrowEpochTime);
        assert(e >= Difficulty.MIN_EXPONENT && e < Difficulty.MAX_EXPONENT);
        if (elapsed == 0) assert(e == Difficulty.MIN_EXPONENT);
    }

    /// @notice scale maps [MIN_EXPONENT, MAX_EXPONENT] into [MIN_SCALE, MAX_SCALE], reaching both ends. That it is
    /// nondecreasing is proved by enumeration: test_scaleOverEveryExponent in test/foundry/fuzz/Difficulty.fuzz.t.sol
    /// (the symbolic form times out; the bounds below do not need it). (7 paths, under 1 s.)
    function check_scaleIsInRange(uint256 e) external pure {
        vm.assume(e >= Difficulty.MIN_EXPONENT && e <= Difficulty.MAX_EXPONENT);
        uint256 s = Difficulty.scale(e);
        assert(s >= Difficulty.MIN_SCALE && s <= Difficulty.MAX_SCALE);
        if (e == Difficulty.MIN_EXPONENT) assert(s == Difficulty.MIN_SCALE);
        if (e == Difficulty.MAX_EXPONENT) assert(s == Difficulty.MAX_SCALE);
    }

    /// @notice scaled(target, s) <= scaled(target, s + 1) for every target and s in [MIN_SCALE, MAX_SCALE): by
    /// induction over s, scaled(target, MIN_SCALE) <= scaled(target, s) <= scaled(target, MAX_SCALE).
    /// @dev Narrowed as check_exponentBelow9TIsInRange is (target <= 2^252 < 2^253, s < 2^20, proved unchanged by
    /// the masks). The direct forms (scaled(target, s) <= 4 * target, >= scaled(target, MIN_SCALE)) TIMEOUT.
    /// (2 paths, about 21 s; its one hard query takes 17-19 s alone.)
    function check_scaledGrowsWithScale(uint256 target, uint256 s) external pure {
        _assumeTarget(target);
        vm.assume(s >= Difficulty.MIN_SCALE && s < Difficulty.MAX_SCALE);
        uint256 narrowTarget = target & (2 ** 253 - 1);
        uint256 narrowScale = s & (2 ** 20 - 1);
        assert(narrowTarget == target && narrowScale == s);
        assert(Difficulty.scaled(narrowTarget, narrowScale) <= Difficulty.scaled(narrowTarget, narrowScale + 1));
    }

    /// @notice The largest scale is exactly 4x, for every target. (1 path, under 1 s.)
    function check_scaledByMaxScaleIsFourTimes(uint256 target) external pure {
        _assumeTarget(target);
        assert(Difficulty.scaled(target, Difficulty.MAX_SCALE) == target * 4);
    }
}
