// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {StreamMath} from "../../../contracts/libraries/StreamMath.sol";
import {vm} from "../utils/Vm.sol";

/// @title Halmos proofs: StreamMath.accrue never credits stakers more than arrived
/// @notice Proved for every input within the bounds MiningPool's storage types guarantee (StreamMath's NatSpec):
/// rate < 2^128, elapsed < 2^40, undistributed < 2^96, totalStaked < 2^88.
/// @dev NOT YET PROVED, so not in `npm run test:symbolic` (its contract filter is 'SymbolicTest$'): halmos 0.3.3 gives
/// TIMEOUT (19 paths, 120 s at 60 s per query). 4 queries stay open; the one for the clipped path (emitted =
/// undistributed) is unsolved after 600 s by yices and 300 s by bitwuzla 0.9.1 with --abstraction: it needs
/// totalStaked * floor(undistributed * 1e18 / totalStaked) <= undistributed * 1e18 over 256-bit words, which
/// bit-blasting solvers handle badly. Run by hand:
/// `PATH=node_modules/.bin:$PATH .venv-halmos/bin/halmos --forge-build-out out-forge --match-contract StreamMathSymbolicPending`
contract StreamMathSymbolicPending {
    uint256 private constant PRECISION = StreamMath.PRECISION;

    /// @notice taken <= undistributed, and delta * totalStaked <= taken * PRECISION: the sum of every staker's
    /// credit (floor(stake * delta / PRECISION) each, stakes summing to totalStaked) is covered by what leaves
    /// `undistributed`. Also: nothing accrues with no time or no stake.
    function check_accrueNeverCreditsMoreThanArrived(
        uint256 rate,
        uint256 elapsed,
        uint256 undistributed,
        uint256 totalStaked
    ) external pure {
        vm.assume(rate < 2 ** 128 && elapsed < 2 ** 40 && undistributed < 2 ** 96 && totalStaked < 2 ** 88);
        (uint256 delta, uint256 taken) = StreamMath.accrue(rate, elapsed, undistributed, totalStaked);
        assert(taken <= undistributed);
        assert(delta * totalStaked <= taken * PRECISION);
        if (elapsed == 0 || totalStaked == 0) assert(delta == 0 && taken == 0);
    }
}
