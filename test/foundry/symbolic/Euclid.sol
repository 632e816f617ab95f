// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {vm} from "../utils/Vm.sol";

/// @notice Assumes Euclidean division for `a / b` and `a % b`: a = (a / b) * b + a % b with a % b < b.
/// @dev An axiom, not a restriction of the inputs: the EVM's DIV and MOD satisfy it by definition for every b > 0
/// (Yellow Paper, appendix H), so every real execution satisfies it and assuming it excludes none; b = 0 assumes
/// nothing. It is needed because the solvers Halmos drives (yices; bitwuzla tried too) do not derive it for a
/// symbolic 256-bit divisor within 10 minutes (docs/proofs-pending/README.md). A proof states it for each quotient
/// whose relation to its dividend the proof relies on; everything else stays as the compiled code computes it.
function assumeEuclidean(uint256 a, uint256 b) pure {
    if (b == 0) return;
    // Checked arithmetic on purpose: a path on which (a / b) * b + a % b would overflow is not a real execution,
    // and its revert ends it; the solver gets the no-overflow fact for free.
    vm.assume((a / b) * b + (a % b) == a && a % b < b);
}
