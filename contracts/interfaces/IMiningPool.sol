// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title MiningPool: the vocabulary of the NUMI staking pool
/// @notice Every error, event and external function of the pool.
interface IMiningPool {
    /// @notice The pool as a UI shows it.
    struct PoolState {
        uint256 totalStaked; // NUMI staked by everyone
        uint256 rewardRate; // NUMI wei per second the stream pays from now on: undistributed / seconds left (0 after)
        uint256 periodFinish; // when the current stream ends if nothing new arrives
        uint256 rewardPerToken; // accumulated reward per staked token, scaled by 1e18, modulo 2^104
        uint256 undistributed; // rewards received but not yet streamed
        uint256 rewardReserve; // NUMI held for rewards: undistributed plus earned-but-unclaimed
        uint256 unsynced; // NUMI that arrived (mining, donations) and is not yet streaming
        uint256 rewardsDuration; // seconds each arrival is streamed over
        uint16 feeBps; // fee on arriving rewards, in basis points
        address treasury; // receives the fee
        bool stakingPaused; // new stakes paused by governance; withdraw, claim and exit still work
        uint256 stakingPausedUntil; // when the pause of new stakes ends on its own; 0 when staking is open
        uint256 holders; // accounts with a stake or unclaimed rewards
    }

    /// @notice One account's position as a UI shows it.
    struct Position {
        uint256 staked; // NUMI the account has staked
        uint256 earned; // rewards the account can claim now
        uint256 shareBps; // the account's share of the pool, in basis points
        uint256 rewardRate; // NUMI wei per second the account earns right now
        uint256 periodFinish; // when the current stream ends if nothing new arrives
    }

    /// @notice The amount must be greater than zero.
    error ZeroAmount();
    /// @notice A stake is 0 or at least `minimum` (MIN_STAKE, 1 NUMI): staking, or withdrawing, would leave `stake`.
    error StakeBelowMinimum(uint256 stake, uint256 minimum);
    /// @notice Governance has paused new stakes until `until`; withdraw, claim and exit still work.
    error StakingIsPaused(uint256 until);
    /// @notice The account tried to withdraw more than it has staked.
    error InsufficientStake(address account, uint256 staked, uint256 requested);
    /// @notice The account has no reward to claim.
    error NothingToClaim(address account);
    /// @notice The permit failed and the existing allowance does not cover the stake.
    error PermitFailed(uint256 allowance, uint256 needed);
    /// @notice The fee is above MAX_FEE_BPS.
    error FeeTooHigh(uint256 feeBps, uint256 maxFeeBps);
    /// @notice The treasury must be a non-zero address other than the pool.
    error InvalidTreasury(address treasury);
    /// @notice NUMI held by the pool is staked or owed to stakers; it can never be swept.
    error CannotSweepStakingToken();
    /// @notice Sweeping to the zero address is refused.
    error InvalidRecipient(address to);
    /// @notice The stream period must be between one minute and one year.
    error InvalidRewardsDuration(uint256 duration);
    /// @notice The staking token must be a contract.
    error InvalidStakingToken(address token);
    /// @notice Staking is already in the requested paused state.
    error StakingPauseUnchanged(bool paused);
    /// @notice A pause of new stakes ended less than STAKING_PAUSE_COOLDOWN ago: no new pause before `allowedAt`.
    error StakingPauseCoolingDown(uint256 allowedAt);
    /// @notice `heldAt` answers only for past timepoints (like ERC-5805 `getPastTotalSupply`).
    error FutureLookup(uint256 timepoint, uint256 currentTimepoint);

    /// @notice `account` staked `amount`.
    event Staked(address indexed account, uint256 amount);
    /// @notice `account` withdrew `amount` of its stake.
    event Withdrawn(address indexed account, uint256 amount);
    /// @notice `account` was paid `amount` of rewards.
    event RewardPaid(address indexed account, uint256 amount);
    /// @notice New rewards arrived and the stream restarted.
    /// @param amount NUMI that arrived since the last sync (before the fee).
    /// @param fee The part of `amount` sent to the treasury.
    /// @param rewardRate The new stream rate, NUMI wei per second: everything undistributed over `rewardsDuration`.
    /// @param periodFinish When the new stream ends.
    event RewardsStreamed(uint256 amount, uint256 fee, uint256 rewardRate, uint256 periodFinish);
    /// @notice Governance changed the fee.
    event FeeUpdated(uint256 oldFeeBps, uint256 newFeeBps);
    /// @notice Governance changed the treasury.
    event TreasuryUpdated(address indexed oldTreasury, address indexed newTreasury);
    /// @notice Governance paused new stakes until `until`, or resumed them early (`paused` false, `until` now).
    event StakingPausedSet(bool paused, uint256 until);
    /// @notice Governance swept a foreign token sent to the pool by mistake.
    event Swept(address indexed token, address indexed to, uint256 amount);

    /// @notice Stakes `amount` NUMI; needs an allowance of at least `amount`.
    function stake(uint256 amount) external;

    /// @notice Stakes `amount` NUMI with an EIP-2612 permit signed for this pool.
    /// @dev If someone front-runs the permit (using the signature first), the stake still goes through
    /// as long as the resulting allowance covers `amount`.
    function stakeWithPermit(uint256 amount, uint256 deadline, uint8 v, bytes32 r, bytes32 s) external;

    /// @notice Withdraws `amount` of the caller's stake. Never paused.
    function withdraw(uint256 amount) external;

    /// @notice Pays the caller's earned rewards. Never paused.
    function claim() external;

    /// @notice Withdraws the caller's whole stake and pays its rewards. Never paused.
    function exit() external;

    /// @notice Starts streaming any NUMI that arrived since the last sync. Anyone may call it.
    function sync() external;

    /// @notice Rewards `account` can claim now.
    function earned(address account) external view returns (uint256);

    /// @notice Accumulated reward per staked token, scaled by 1e18, modulo 2^104: the pool only ever uses
    /// differences of it (what a stake earned between two times), which the wrap leaves exact. It wraps only after
    /// about a million times all NUMI ever has streamed to a single 1 NUMI stake.
    function rewardPerToken() external view returns (uint256);

    /// @notice NUMI staked by everyone.
    function totalStaked() external view returns (uint256);

    /// @notice NUMI staked by `account`.
    function balanceOf(address account) external view returns (uint256);

    /// @notice The pool state in one call.
    function poolState() external view returns (PoolState memory);

    /// @notice `account`'s position in one call.
    function position(address account) external view returns (Position memory);

    /// @notice The token staked and paid out (NUMI).
    function stakingToken() external view returns (address);

    /// @notice Sets the fee on arriving rewards, at most MAX_FEE_BPS. Owner (the timelock) only.
    function setFee(uint16 feeBps) external;

    /// @notice Sets the treasury that receives the fee. Owner only.
    function setTreasury(address treasury) external;

    /// @notice Pauses new stakes for at most MAX_STAKING_PAUSE (the pause ends on its own), or resumes them
    /// early. A new pause is refused for STAKING_PAUSE_COOLDOWN after the last one ended. Withdraw, claim and exit
    /// are never paused. Owner only.
    function setStakingPaused(bool paused) external;

    /// @notice NUMI the pool held for stakers and rewards (staked + reward reserve) at a past `timepoint`
    /// (ERC-6372 timestamp). None of it can vote, so governance leaves it out of the quorum. Reverts with
    /// FutureLookup for the present or the future.
    function heldAt(uint256 timepoint) external view returns (uint256);

    /// @notice Sends a foreign token (never NUMI) held by the pool to `to`. Owner only.
    function sweep(address token, address to, uint256 amount) external;
}
