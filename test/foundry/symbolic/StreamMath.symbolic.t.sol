// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {StreamMath} from "../../../contracts/libraries/StreamMath.sol";
import {vm} from "../utils/Vm.sol";
import {assumeEuclidean} from "./Euclid.sol";

/// @dev The bounds MiningPool's storage types guarantee (StreamMath's NatSpec).
function assumeBounded(uint256 rate, uint256 elapsed, uint256 undistributed, uint256 totalStaked) pure {
    vm.assume(rate < 2 ** 128 && elapsed < 2 ** 40 && undistributed < 2 ** 96 && totalStaked < 2 ** 88);
}

/// @title Halmos proofs: StreamMath.accrue never takes more than arrived, and covers what it credits
/// @notice Proved for every input within the bounds MiningPool's storage types guarantee (StreamMath's NatSpec):
/// rate < 2^128, elapsed < 2^40, undistributed < 2^96, totalStaked < 2^88.
contract StreamMathSymbolicTest {
    /// @notice taken <= undistributed, and nothing accrues with no time or no stake. (17 paths, under 1 s: taken is
    /// emitted - floor(r / PRECISION) with a checked subtraction, so no symbolic product or quotient is needed.)
    function check_accrueTakesAtMostUndistributed(
        uint256 rate,
        uint256 elapsed,
        uint256 undistributed,
        uint256 totalStaked
    ) external pure {
        assumeBounded(rate, elapsed, undistributed, totalStaked);
        (uint256 delta, uint256 taken) = StreamMath.accrue(rate, elapsed, undistributed, totalStaked);
        assert(taken <= undistributed);
        if (elapsed == 0 || totalStaked == 0) assert(delta == 0 && taken == 0);
    }

    /// @notice delta * totalStaked <= taken * PRECISION: the stakers' credit (each gets floor(stake * delta /
    /// PRECISION), the stakes sum to totalStaked) is covered by what leaves `undistributed`. Given Euclidean division
    /// (an axiom of the EVM, see Euclid.sol) for the two divisions the bound rests on: scaled / totalStaked, and the
    /// remainder's / PRECISION. (20 paths, ~11 s.)
    function check_accrueCreditIsCovered(
        uint256 rate,
        uint256 elapsed,
        uint256 undistributed,
        uint256 totalStaked
    ) external pure {
        assumeBounded(rate, elapsed, undistributed, totalStaked);
        (uint256 delta, uint256 taken) = StreamMath.accrue(rate, elapsed, undistributed, totalStaked);
        if (totalStaked == 0) return; // nothing is credited (check_accrueTakesAtMostUndistributed)
        uint256 emitted = (rate * elapsed) / StreamMath.RATE_PRECISION;
        if (emitted > undistributed) emitted = undistributed;
        uint256 scaled = emitted * StreamMath.PRECISION; // the dividend accrue divides by totalStaked
        assumeEuclidean(scaled, totalStaked);
        assumeEuclidean(scaled % totalStaked, StreamMath.PRECISION);
        assert(delta * totalStaked <= taken * StreamMath.PRECISION);
    }
}
