// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title StreamMath: one accrual step of MiningPool's linear reward stream
/// @notice Pure arithmetic, kept apart from the pool's storage so that it can be proved for every input and not
/// only sampled.
/// @dev The property the pool's solvency rests on: for every input within the bounds below,
/// `taken <= undistributed` and `delta * totalStaked <= taken * PRECISION` (both proved: test/foundry/symbolic, the
/// second given Euclidean division of the EVM's DIV and MOD), so the stakers' credit (each account gets
/// floor(stake * delta / PRECISION), and the stakes sum to totalStaked) never exceeds what leaves `undistributed`,
/// which never exceeds what arrived. Bounds the pool guarantees by its storage types: rate < 2^128,
/// elapsed < 2^40, undistributed < 2^96, totalStaked < 2^88.
library StreamMath {
    /// @notice Reward-per-token scale.
    uint256 internal constant PRECISION = 1e18;
    /// @notice Scale of the stored rate (wei per second * 1e6), so that slow streams keep precision.
    uint256 internal constant RATE_PRECISION = 1e6;

    /// @notice What streaming at `rate` for `elapsed` seconds credits to stakers.
    /// @param rate Wei per second, scaled by RATE_PRECISION.
    /// @param elapsed Seconds streamed since the last accrual.
    /// @param undistributed Funded wei not yet credited; the step never takes more.
    /// @param totalStaked Wei staked; nothing accrues while it is zero.
    /// @return delta Added to reward per token (scaled by PRECISION).
    /// @return taken Leaves `undistributed`: delta * totalStaked / PRECISION rounded up, so rounding favours the
    /// pool: the stakers are never credited more than leaves `undistributed`, and the reserve covers every claim.
    function accrue(
        uint256 rate,
        uint256 elapsed,
        uint256 undistributed,
        uint256 totalStaked
    ) internal pure returns (uint256 delta, uint256 taken) {
        if (totalStaked == 0) return (0, 0);
        uint256 emitted = (rate * elapsed) / RATE_PRECISION;
        if (emitted > undistributed) emitted = undistributed;
        uint256 scaled = emitted * PRECISION; // < 2^96 * 2^60: no overflow
        delta = scaled / totalStaked;
        // taken = ceil(delta * totalStaked / PRECISION), computed without the product: delta * totalStaked is
        // scaled - r with r = scaled % totalStaked, and scaled = emitted * PRECISION, so the ceiling is
        // emitted - floor(r / PRECISION) exactly. Without a symbolic product, the solver proves taken <= undistributed
        // (test/foundry/symbolic/StreamMath.symbolic.t.sol).
        taken = emitted - (scaled % totalStaked) / PRECISION;
    }
}
