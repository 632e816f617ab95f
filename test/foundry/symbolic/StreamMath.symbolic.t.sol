// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {StreamMath} from "../../../contracts/libraries/StreamMath.sol";
import {vm} from "../utils/Vm.sol";
import {assumeEuclidean} from "./Euclid.sol";

/// @dev The bounds MiningPool's storage types guarantee (StreamMath's NatSpec).
function assumeBounded(uint256 undistributed, uint256 elapsed, uint256 remaining, uint256 totalStaked) pure {
    vm.assume(
        undistributed < 2 ** 96 && elapsed < 2 ** 40 && remaining > 0 && remaining < 2 ** 40 && totalStaked < 2 ** 88
    );
}

/// @dev What accrue releases before rounding to reward per token, computed as accrue computes it.
function emittedOf(uint256 undistributed, uint256 elapsed, uint256 remaining) pure returns (uint256) {
    uint256 emitted;
    unchecked {
        emitted = (undistributed * elapsed) / remaining;
    }
    return emitted > undistributed ? undistributed : emitted;
}

/// @title Halmos proofs: StreamMath.accrue never takes more than arrived, and covers what it credits
/// @notice Proved for every input within the bounds MiningPool's storage types guarantee (StreamMath's NatSpec):
/// undistributed < 2^96, elapsed < 2^40, 0 < remaining < 2^40, totalStaked < 2^88.
contract StreamMathSymbolicTest {
    /// @notice taken <= undistributed, and nothing accrues with no time or no stake. (16 paths, about 1 s: emitted is
    /// clamped to undistributed and taken is emitted - floor(r / PRECISION) with a checked subtraction, so no
    /// division lemma is needed. Written as `elapsed < remaining ? undistributed * elapsed / remaining :
    /// undistributed` instead, the proof needs the quotient to be at most undistributed: true, but nonlinear, and
    /// TIMEOUT at 60 s even with the Euclidean axiom for that quotient.)
    function check_accrueTakesAtMostUndistributed(
        uint256 undistributed,
        uint256 elapsed,
        uint256 remaining,
        uint256 totalStaked
    ) external pure {
        assumeBounded(undistributed, elapsed, remaining, totalStaked);
        (uint256 delta, uint256 taken) = StreamMath.accrue(undistributed, elapsed, remaining, totalStaked);
        assert(taken <= undistributed);
        if (elapsed == 0 || totalStaked == 0) assert(delta == 0 && taken == 0);
    }

    /// @notice delta * totalStaked <= taken * PRECISION: the stakers' credit (each gets floor(stake * delta /
    /// PRECISION), the stakes sum to totalStaked) is covered by what leaves `undistributed`. Given Euclidean division
    /// (an axiom of the EVM, see Euclid.sol) for the two divisions the bound rests on: scaled / totalStaked, and the
    /// remainder's / PRECISION. The quotient undistributed * elapsed / remaining needs no axiom: the bound holds for
    /// whatever emitted is. (19 paths, 15 to 30 s.)
    function check_accrueCreditIsCovered(
        uint256 undistributed,
        uint256 elapsed,
        uint256 remaining,
        uint256 totalStaked
    ) external pure {
        assumeBounded(undistributed, elapsed, remaining, totalStaked);
        (uint256 delta, uint256 taken) = StreamMath.accrue(undistributed, elapsed, remaining, totalStaked);
        if (totalStaked == 0) return; // nothing is credited (check_accrueTakesAtMostUndistributed)
        uint256 scaled = emittedOf(undistributed, elapsed, remaining) * StreamMath.PRECISION;
        assumeEuclidean(scaled, totalStaked);
        assumeEuclidean(scaled % totalStaked, StreamMath.PRECISION);
        assert(delta * totalStaked <= taken * StreamMath.PRECISION);
    }
}
