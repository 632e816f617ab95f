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

    /// @notice What the stream releases is at most what is undistributed, for every input within the bounds.
    function check_releasedIsAtMostUndistributed(
        uint256 undistributed,
        uint256 elapsed,
        uint256 remaining
    ) external pure {
        assumeBounded(undistributed, elapsed, remaining, 1);
        assert(StreamMath.released(undistributed, elapsed, remaining) <= undistributed);
    }

    /// @notice delta * totalStaked <= taken * PRECISION: the stakers' credit (each gets floor(stake * delta /
    /// PRECISION), the stakes sum to totalStaked) is covered by what leaves `undistributed`, for every amount
    /// released (< 2^96: at most undistributed, check_releasedIsAtMostUndistributed) and every stake. accrue is
    /// credit(released(...)), so this covers it. Given Euclidean division (an axiom of the EVM, see Euclid.sol) for
    /// the two divisions the bound rests on: scaled / totalStaked, and the remainder's / PRECISION. Stated on credit
    /// alone, the query carries no undistributed * elapsed / remaining term: stated on accrue it took 15 to 30 s
    /// alone and timed out at 60 s in a loaded CI run.
    function check_creditIsCovered(uint256 emitted, uint256 totalStaked) external pure {
        vm.assume(emitted < 2 ** 96 && totalStaked > 0 && totalStaked < 2 ** 88);
        (uint256 delta, uint256 taken) = StreamMath.credit(emitted, totalStaked);
        uint256 scaled = emitted * StreamMath.PRECISION;
        assumeEuclidean(scaled, totalStaked);
        assumeEuclidean(scaled % totalStaked, StreamMath.PRECISION);
        assert(delta * totalStaked <= taken * StreamMath.PRECISION);
        assert(taken <= emitted);
    }
}
