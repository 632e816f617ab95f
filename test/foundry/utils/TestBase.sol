// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {vm} from "./Vm.sol";

/// @title Assertions and input shaping shared by the fuzz and invariant suites
/// @notice Plain `require` with messages that carry both sides, so a failing run says what broke; no forge-std.
abstract contract TestBase {
    /// @dev Foundry's test-contract marker (kept for older runners; forge >= 1.0 detects tests by name).
    bool public constant IS_TEST = true;

    /// @dev Foundry's console.log address.
    address private constant CONSOLE = 0x000000000000000000636F6e736F6c652e6c6f67;

    error AssertionFailed(string what, uint256 left, uint256 right);

    function assertEq(uint256 a, uint256 b, string memory what) internal pure {
        if (a != b) revert AssertionFailed(what, a, b);
    }

    function assertLe(uint256 a, uint256 b, string memory what) internal pure {
        if (a > b) revert AssertionFailed(what, a, b);
    }

    function assertGe(uint256 a, uint256 b, string memory what) internal pure {
        if (a < b) revert AssertionFailed(what, a, b);
    }

    function assertLt(uint256 a, uint256 b, string memory what) internal pure {
        if (a >= b) revert AssertionFailed(what, a, b);
    }

    function assertTrue(bool condition, string memory what) internal pure {
        if (!condition) revert AssertionFailed(what, 0, 1);
    }

    /// @dev Prints `label: value` through Foundry's console (shown with -vv); no forge-std.
    function _log(string memory label, uint256 value) internal view {
        (bool ok, ) = CONSOLE.staticcall(abi.encodeWithSignature("log(string,uint256)", label, value));
        ok; // the console never fails; nothing to do if it is absent
    }

    /// @dev Maps any fuzzed `x` into [lo, hi] without discarding runs (uniform enough for fuzzing).
    function bound(uint256 x, uint256 lo, uint256 hi) internal pure returns (uint256) {
        if (lo > hi) revert AssertionFailed("bound: lo > hi", lo, hi);
        if (lo == 0 && hi == type(uint256).max) return x;
        uint256 size = hi - lo + 1;
        // Keep small inputs (and the edges) as they are: fuzzers love 0, 1, max and those are the interesting cases.
        if (x >= lo && x <= hi) return x;
        return lo + (x % size);
    }
}
