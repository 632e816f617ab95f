// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

// Not part of any build or suite: a proof attempt that times out (see docs/proofs-pending/README.md). To run it,
// copy it to test/foundry/symbolic/ (the imports below are written for that place) and call halmos as noted.
import {StreamMath} from "../../../contracts/libraries/StreamMath.sol";
import {vm} from "../utils/Vm.sol";

/// @dev The bounds MiningPool's storage types guarantee (StreamMath's NatSpec).
function assumeBounded(uint256 rate, uint256 elapsed, uint256 undistributed, uint256 totalStaked) pure {
    vm.assume(rate < 2 ** 128 && elapsed < 2 ** 40 && undistributed < 2 ** 96 && totalStaked < 2 ** 88);
}

/// @title Halmos proof, pending: the stakers' credit is covered by what leaves `undistributed`
/// @dev NOT YET PROVED, so not in `npm run test:symbolic` (its contract filter is 'SymbolicTest$'). With halmos 0.3.3
/// and yices at 60 s per query every form below TIMEOUTs (the abstraction of / and % as uninterpreted functions
/// does not suffice, and the refined 256-bit bvudiv/bvurem query is not solved in 60 s):
/// - delta * totalStaked <= taken * PRECISION on accrue's output (14 paths, 60 s, was 19 paths / 120 s before
///   accrue computed taken as emitted - (scaled % totalStaked) / PRECISION);
/// - split in the shape the code computes, scaled = emitted * PRECISION: delta * totalStaked + scaled % totalStaked
///   == scaled, and scaled - scaled % totalStaked <= taken * PRECISION: both 60 s TIMEOUT;
/// - even the standalone lemmas (r / 1e18) * 1e18 <= r for r < 2^88, and (s / t) * t + s % t == s for
///   s < 2^156, 0 < t < 2^88, TIMEOUT at 60 s. Candidates: another solver (bitwuzla, cvc5) or a longer timeout.
/// Run by hand:
/// `PATH=node_modules/.bin:$PATH .venv-halmos/bin/halmos --forge-build-out out-forge --match-contract StreamMathSymbolicPending`
contract StreamMathSymbolicPending {
    uint256 private constant PRECISION = StreamMath.PRECISION;

    /// @notice delta * totalStaked <= taken * PRECISION: the sum of every staker's credit (floor(stake * delta /
    /// PRECISION) each, stakes summing to totalStaked) is covered by what leaves `undistributed`.
    function check_accrueCreditIsCovered(
        uint256 rate,
        uint256 elapsed,
        uint256 undistributed,
        uint256 totalStaked
    ) external pure {
        assumeBounded(rate, elapsed, undistributed, totalStaked);
        (uint256 delta, uint256 taken) = StreamMath.accrue(rate, elapsed, undistributed, totalStaked);
        assert(delta * totalStaked <= taken * PRECISION);
    }
}
