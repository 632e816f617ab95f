// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title StreamMath: one accrual step of MiningPool's linear reward stream
/// @notice Pure arithmetic, kept apart from the pool's storage so that it can be proved for every input and not
/// only sampled.
/// @dev The stream pays what is undistributed linearly until the period ends: `elapsed` of the `remaining` seconds
/// release `undistributed * elapsed / remaining`, and everything once elapsed reaches remaining. No rate is stored:
/// between two arrivals it is undistributed / remaining, so a step's rounding, and time in which nobody stakes,
/// leave their share in `undistributed` for the rest of the period.
/// The property the pool's solvency rests on: for every input within the bounds below,
/// `taken <= undistributed` and `delta * totalStaked <= taken * PRECISION` (both proved: test/foundry/symbolic, given
/// Euclidean division of the EVM's DIV and MOD), so the stakers' credit (each account gets
/// floor(stake * delta / PRECISION), and the stakes sum to totalStaked) never exceeds what leaves `undistributed`,
/// which never exceeds what arrived. Bounds the pool guarantees by its storage types: undistributed < 2^96,
/// elapsed < 2^40, 0 < remaining < 2^40, totalStaked < 2^88.
library StreamMath {
    /// @notice Reward-per-token scale.
    uint256 internal constant PRECISION = 1e18;

    /// @notice What streaming `undistributed` over `remaining` seconds credits to stakers in `elapsed` of them:
    /// `credit(released(...), totalStaked)`, nothing while nobody stakes.
    /// @param undistributed Funded wei not yet credited; the step never takes more.
    /// @param elapsed Seconds streamed since the last accrual.
    /// @param remaining Seconds from the last accrual to the end of the period, at least 1 (Panic 0x12 for 0);
    /// `elapsed` of at least `remaining` releases all of `undistributed`.
    /// @param totalStaked Wei staked; nothing accrues while it is zero.
    /// @return delta Added to reward per token (scaled by PRECISION).
    /// @return taken Leaves `undistributed`: delta * totalStaked / PRECISION rounded up, so rounding favours the
    /// pool: the stakers are never credited more than leaves `undistributed`, and the reserve covers every claim.
    function accrue(
        uint256 undistributed,
        uint256 elapsed,
        uint256 remaining,
        uint256 totalStaked
    ) internal pure returns (uint256 delta, uint256 taken) {
        if (totalStaked == 0) return (0, 0);
        return credit(released(undistributed, elapsed, remaining), totalStaked);
    }

    /// @notice The wei the stream releases in `elapsed` of the `remaining` seconds: a share of `undistributed`,
    /// floored (the remainder stays undistributed for the rest of the period), and never more than it.
    function released(
        uint256 undistributed,
        uint256 elapsed,
        uint256 remaining
    ) internal pure returns (uint256 emitted) {
        unchecked {
            // Within the bounds above the product is below 2^136; outside them a wrapped product is still clamped
            // below, so neither property depends on it (and the solver gets no overflow check to reason about).
            emitted = (undistributed * elapsed) / remaining;
        }
        // Past the end of the period (elapsed > remaining) everything is due. The clamp also makes
        // emitted <= undistributed hold by construction, which the solver then needs no division lemma for.
        if (emitted > undistributed) emitted = undistributed;
    }

    /// @notice Turns `emitted` wei (< 2^96) into reward per token for `totalStaked` (> 0) wei staked.
    /// @return delta Added to reward per token: emitted * PRECISION / totalStaked, floored.
    /// @return taken What leaves `undistributed`: delta * totalStaked / PRECISION rounded up, at most `emitted`.
    function credit(uint256 emitted, uint256 totalStaked) internal pure returns (uint256 delta, uint256 taken) {
        uint256 scaled = emitted * PRECISION; // < 2^96 * 2^60: no overflow
        delta = scaled / totalStaked;
        // taken = ceil(delta * totalStaked / PRECISION), computed without the product: delta * totalStaked is
        // scaled - r with r = scaled % totalStaked, and scaled = emitted * PRECISION, so the ceiling is
        // emitted - floor(r / PRECISION) exactly. Without a symbolic product, the solver proves taken <= undistributed
        // (test/foundry/symbolic/StreamMath.symbolic.t.sol).
        taken = emitted - (scaled % totalStaked) / PRECISION;
    }
}
