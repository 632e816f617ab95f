// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IEIP918} from "./IEIP918.sol";

/// @title NumiCoin: the vocabulary of the proof-of-work mined token
/// @notice Every error, event and external function of NumiCoin beyond ERC-20, EIP-2612 and ERC-5805.
interface INumiCoin is IEIP918 {
    /// @notice Everything a miner or a UI needs, read in one call.
    struct MiningState {
        bytes32 challenge; // the current challenge number
        uint256 target; // the largest digest accepted this epoch
        uint256 difficulty; // MAX_TARGET / target
        uint256 reward; // total reward of this epoch (miner + pool), 0 once mining has finished
        uint256 epoch; // rewards minted so far; the index of the epoch being mined
        uint256 era; // halvings so far (epoch / HALVING_INTERVAL)
        uint256 nextHalvingEpoch; // the first epoch of the next era
        uint256 epochStart; // the current epoch's time counts from here (time spent paused is not counted)
        uint256 lastRewardBlock; // block of the last reward, 0 before the first
        uint256 minted; // total supply: every token ever minted, all through mining
        uint256 targetEpochTime; // seconds the difficulty controller aims for between rewards
        uint16 poolShareBps; // share of each reward minted to the pool, in basis points
        address pool; // the staking pool receiving the pool share (zero until set)
        bool paused; // mining paused by governance (transfers are never paused)
        uint256 pausedUntil; // when the pause in force ends on its own; 0 when mining is open
        uint256 nextPauseAllowedAt; // the earliest time governance may pause again; 0 if it never paused
    }

    /// @notice The digest sent with `mint` is not keccak256(challenge, msg.sender, nonce) for the current
    /// challenge: usually the challenge moved on (someone else's reward) and the work is stale.
    error ChallengeDigestMismatch(bytes32 expected, bytes32 provided);
    /// @notice The solution's digest is above the current target (or was found for an old challenge).
    error SolutionAboveTarget(bytes32 digest, uint256 target);
    /// @notice A reward was already minted in this block; the next block starts a new challenge.
    error RewardAlreadyMintedThisBlock(uint256 blockNumber);
    /// @notice Governance has paused mining until `until` (the pause then ends on its own). Transfers, staking
    /// and voting still work.
    error MiningIsPaused(uint256 until);
    /// @notice A pause ended less than MINING_PAUSE_COOLDOWN ago: mining cannot be paused again before `allowedAt`.
    error MiningPauseCoolingDown(uint256 allowedAt);
    /// @notice The pool is set once, during deployment; after that (or after the handover) it never changes.
    error PoolIsFixed(address pool);
    /// @notice Mining is already in the requested paused state.
    error MiningPauseUnchanged(bool paused);
    /// @notice The supply cap is reached (or the reward halved to zero): no more tokens can be mined.
    error MiningFinished(uint256 minted, uint256 cap);
    /// @notice `mintTo` needs a non-zero beneficiary.
    error InvalidBeneficiary(address beneficiary);
    /// @notice The pool share is above MAX_POOL_SHARE_BPS.
    error PoolShareTooHigh(uint256 shareBps, uint256 maxShareBps);
    /// @notice The pool is not a contract whose staking token is this token.
    error InvalidPool(address pool);
    /// @notice The target epoch time must be at least one second.
    error InvalidTargetEpochTime(uint256 targetEpochTime);
    /// @notice The initial target is outside [MIN_TARGET, MAX_TARGET].
    error InitialTargetOutOfRange(uint256 target, uint256 minTarget, uint256 maxTarget);

    /// @notice Emitted with every reward, after `Mint`: the facts an indexer or UI charts.
    /// @param epoch The index of the epoch that was just rewarded (0 for the first reward).
    /// @param newTarget The target of the next epoch, after the difficulty adjustment.
    /// @param poolReward The part of the reward minted to the pool.
    event EpochRewarded(uint256 indexed epoch, uint256 newTarget, uint256 poolReward);
    /// @notice Governance paused mining until `until`, or resumed it early (`paused` false, `until` now).
    event MiningPausedSet(bool paused, uint256 until);
    /// @notice Governance changed the pool share.
    event PoolShareUpdated(uint256 oldShareBps, uint256 newShareBps);
    /// @notice Governance changed the pool that receives the pool share.
    event PoolUpdated(address indexed oldPool, address indexed newPool);

    /// @notice Submits a solution found for `beneficiary`; anyone (a relayer, a pool) may send it.
    /// @dev The digest binds `beneficiary`, so the reward can only ever go to the address the work was for.
    /// @param nonce The nonce that solves keccak256(challenge, beneficiary, nonce) <= target.
    /// @param beneficiary The address the solution was computed for; it receives the miner's part.
    /// @return success Always true; failures revert with a custom error.
    function mintTo(uint256 nonce, address beneficiary) external returns (bool success);

    /// @notice The whole mining state in one call.
    function miningState() external view returns (MiningState memory);

    /// @notice Pauses mining (never transfers) for MAX_MINING_PAUSE; the pause ends on its own. Refused while
    /// paused and for MINING_PAUSE_COOLDOWN after the previous pause ended. Owner (the governance timelock) only.
    function pauseMining() external;

    /// @notice Ends the pause early. The epoch's clock resumes where the pause stopped it (so the pause neither
    /// eases nor hardens the difficulty) and the challenge is renewed.
    function unpauseMining() external;

    /// @notice Sets the share of each reward minted to the pool, at most MAX_POOL_SHARE_BPS.
    function setPoolShare(uint16 shareBps) external;

    /// @notice Sets the pool that receives the pool share, once, during deployment (before the handover of
    /// ownership); it must stake this token. Governance can never redirect emission.
    function setPool(address newPool) external;
}
