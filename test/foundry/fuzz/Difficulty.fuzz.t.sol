// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {Difficulty} from "../../../contracts/libraries/Difficulty.sol";
import {TestBase} from "../utils/TestBase.sol";

/// @title Fuzz: Difficulty.nextTarget over its whole input range
/// @notice target anywhere in [MIN_TARGET, MAX_TARGET], elapsed any uint256 (0 and huge values included),
/// target epoch time anywhere in [1 s, 7 days] (NumiCoin's constructor bounds).
contract DifficultyFuzzTest is TestBase {
    uint256 private constant MIN = Difficulty.MIN_TARGET;
    uint256 private constant MAX = Difficulty.MAX_TARGET;
    uint256 private constant MAX_EPOCH_TIME = 7 days;

    function _inputs(uint256 target, uint256 epochTime) private pure returns (uint256, uint256) {
        return (bound(target, MIN, MAX), bound(epochTime, 1, MAX_EPOCH_TIME));
    }

    /// @notice The result is always within [MIN_TARGET, MAX_TARGET], whatever the elapsed time.
    function testFuzz_nextTargetWithinBounds(uint256 target, uint256 elapsed, uint256 epochTime) public pure {
        (target, epochTime) = _inputs(target, epochTime);
        uint256 next = Difficulty.nextTarget(target, elapsed, epochTime);
        assertGe(next, MIN, "next >= MIN_TARGET");
        assertLe(next, MAX, "next <= MAX_TARGET");
    }

    /// @notice One epoch moves the target by at most x4 easier and 2^-1/4 harder (before clamping): withholding
    /// a solution buys at most a 4x easier next epoch, and an instant epoch hardens by ~16%.
    function testFuzz_stepIsBounded(uint256 target, uint256 elapsed, uint256 epochTime) public pure {
        (target, epochTime) = _inputs(target, epochTime);
        uint256 next = Difficulty.nextTarget(target, elapsed, epochTime);
        uint256 upper = target * 4; // target <= 2^252, no overflow
        // 2^-1/4 = 0.840896...; the cubic approximation errs by < 0.013%, and flooring by < 1 wei.
        uint256 lower = Math.mulDiv(target, 840_780, 1_000_000);
        assertLe(next, upper < MAX ? upper : MAX, "next <= min(4 * target, MAX)");
        assertGe(next, lower > MIN ? lower : MIN, "next >= max(target * 2^-1/4, MIN) up to rounding");
    }

    /// @notice A slower epoch never gives a harder target than a faster one.
    function testFuzz_monotoneInElapsed(uint256 target, uint256 a, uint256 b, uint256 epochTime) public pure {
        (target, epochTime) = _inputs(target, epochTime);
        (uint256 faster, uint256 slower) = a <= b ? (a, b) : (b, a);
        assertLe(
            Difficulty.nextTarget(target, faster, epochTime),
            Difficulty.nextTarget(target, slower, epochTime),
            "nextTarget(faster) <= nextTarget(slower)"
        );
    }

    /// @notice Monotone also step by step across the fixed-point boundaries (elapsed and elapsed + 1).
    function testFuzz_monotoneAcrossAdjacentSeconds(uint256 target, uint256 elapsed, uint256 epochTime) public pure {
        (target, epochTime) = _inputs(target, epochTime);
        elapsed = bound(elapsed, 0, 10 * epochTime);
        assertLe(
            Difficulty.nextTarget(target, elapsed, epochTime),
            Difficulty.nextTarget(target, elapsed + 1, epochTime),
            "nextTarget(elapsed) <= nextTarget(elapsed + 1)"
        );
    }

    /// @notice An epoch that takes exactly the target time leaves the target unchanged (exactly: x = 0).
    function testFuzz_unchangedAtTargetEpochTime(uint256 target, uint256 epochTime) public pure {
        (target, epochTime) = _inputs(target, epochTime);
        assertEq(Difficulty.nextTarget(target, epochTime, epochTime), target, "elapsed == T keeps the target");
    }

    /// @notice Whole half-lives are exact: 5 T doubles the target, 9 T (and anything longer) quadruples it.
    function testFuzz_wholeHalfLivesAreExactPowersOfTwo(uint256 target, uint256 epochTime, uint256 extra) public pure {
        (target, epochTime) = _inputs(target, epochTime);
        uint256 doubled = target * 2 < MAX ? target * 2 : MAX;
        uint256 quadrupled = target * 4 < MAX ? target * 4 : MAX;
        assertEq(Difficulty.nextTarget(target, 5 * epochTime, epochTime), doubled, "5 T doubles");
        assertEq(Difficulty.nextTarget(target, 9 * epochTime, epochTime), quadrupled, "9 T quadruples");
        uint256 longer = 9 * epochTime + bound(extra, 0, type(uint256).max - 9 * epochTime);
        assertEq(Difficulty.nextTarget(target, longer, epochTime), quadrupled, "longer than 9 T is clamped");
    }

    /// @notice An instant epoch hardens by 2^-1/4 (within the approximation's 0.013%), never below MIN_TARGET.
    function testFuzz_instantEpochHardensByQuarterDoubling(uint256 target, uint256 epochTime) public pure {
        (target, epochTime) = _inputs(target, epochTime);
        uint256 next = Difficulty.nextTarget(target, 0, epochTime);
        uint256 ideal = Math.mulDiv(target, 840_896, 1_000_000); // 2^-1/4 to 6 digits
        if (ideal <= MIN) {
            assertGe(next, MIN, "clamped at MIN_TARGET");
            return;
        }
        uint256 diff = next > ideal ? next - ideal : ideal - next;
        assertLe(diff, target / 5_000 + 1, "within 0.02% of target * 2^-1/4");
    }

    /// @notice `scaled` is floor(target * s / 2^17) (what Math.mulDiv computed before the split) for every target in
    /// range and any scale up to MAX_SCALE: the split hi * s + floor(lo * s / 2^17) drops nothing.
    function testFuzz_scaledIsMulDiv(uint256 target, uint256 s) public pure {
        target = bound(target, MIN, MAX);
        s = bound(s, 0, Difficulty.MAX_SCALE);
        assertEq(Difficulty.scaled(target, s), Math.mulDiv(target, s, 2 ** 17), "scaled == mulDiv(target, s, 2^17)");
    }

    /// @notice A proof by enumeration (not a sample): for every one of the 147,457 exponents e in [MIN_EXPONENT,
    /// MAX_EXPONENT], scale(e) lies in [MIN_SCALE, MAX_SCALE] and scale(e) <= scale(e + 1), with the end points
    /// exact. It complements the Halmos range proof (test/foundry/symbolic/Difficulty.symbolic.t.sol) with
    /// monotonicity, which the solver does not settle within the CI's 60 s per query.
    function test_scaleOverEveryExponent() public pure {
        uint256 previous = Difficulty.scale(Difficulty.MIN_EXPONENT);
        assertEq(previous, Difficulty.MIN_SCALE, "scale(MIN_EXPONENT) == MIN_SCALE");
        for (uint256 e = Difficulty.MIN_EXPONENT + 1; e <= Difficulty.MAX_EXPONENT; e++) {
            uint256 s = Difficulty.scale(e);
            assertLe(previous, s, "scale is nondecreasing in e");
            previous = s;
        }
        assertEq(previous, Difficulty.MAX_SCALE, "scale(MAX_EXPONENT) == MAX_SCALE");
    }

    /// @notice Never stalls: from the hardest target, slow epochs reach the easiest in ceil(log4(MAX/MIN)) = 118
    /// epochs, and instant epochs bring it back down to MIN_TARGET without ever going below.
    /// forge-config: default.fuzz.runs = 64
    /// forge-config: deep.fuzz.runs = 1000
    function testFuzz_recoversFromAnyHashRateSwing(uint256 epochTime) public pure {
        epochTime = bound(epochTime, 1, MAX_EPOCH_TIME);
        uint256 target = MIN;
        uint256 epochs;
        while (target < MAX) {
            target = Difficulty.nextTarget(target, type(uint256).max, epochTime);
            epochs++;
        }
        assertEq(epochs, 118, "(252 - 16) / 2 quadruplings from MIN to MAX");
        for (uint256 i = 0; i < 1_000 && target > MIN; i++) {
            uint256 next = Difficulty.nextTarget(target, 0, epochTime);
            assertLt(next, target, "an instant epoch always hardens until MIN");
            target = next;
        }
        assertEq(target, MIN, "reaches MIN_TARGET and stays");
        assertEq(Difficulty.nextTarget(MIN, 0, epochTime), MIN, "never below MIN_TARGET");
    }
}
