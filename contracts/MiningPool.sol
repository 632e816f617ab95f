// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {PackedCheckpoints} from "./libraries/PackedCheckpoints.sol";
import {HandoverOwnable} from "./access/HandoverOwnable.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IMiningPool} from "./interfaces/IMiningPool.sol";
import {StreamMath} from "./libraries/StreamMath.sol";

/// @title MiningPool: stake NUMI, share every mined block
/// @notice NumiCoin mints a share of every reward straight to this contract. Whatever NUMI arrives beyond what is
/// staked or reserved for rewards is picked up on the next interaction (or `sync()`) and streamed linearly to
/// stakers over `rewardsDuration`, Synthetix-style, with 1e18 precision on reward per token. Each arrival restarts
/// one stream over everything undistributed; no rate is stored: the stream pays what is undistributed linearly until
/// `periodFinish`, and the rate the views report is derived from that.
/// @dev Invariants an overrider must never break:
/// - Solvency: NUMI held >= totalStaked + rewardReserve, and rewardReserve >= undistributed + every account's
///   earned rewards. The owner can never move NUMI out (sweep refuses it); withdraw, claim and exit never pause.
/// - Nothing streams while nobody stakes: that time's rewards stay undistributed and are paid over the rest of the
///   period, or restart with the next period once it has ended.
/// - Rounding dust of each streaming step stays undistributed and is streamed again (over the rest of the period,
///   then over the next); per-account rounding (at most 1 wei per account per update) stays in the reserve, so the
///   pool always rounds in its own favour, and rejoins `undistributed` (to be streamed again) as soon as no account
///   has a stake or unclaimed rewards.
/// - Pull-based funding: mining never calls this contract, so nothing here can make a mint revert.
/// - Governance (the owner, for good once handed over) can set the fee (<= 10% of arrivals), the treasury, pause
///   new stakes for at most MAX_STAKING_PAUSE and sweep foreign tokens. It can never move NUMI.
/// Staked NUMI does not vote (see docs/governance.md): the pool holds it undelegated, and a staker who wants to
/// vote withdraws before the proposal's snapshot, which `withdraw` allows at any time. The pool records what it
/// holds over time (`heldAt`) so that governance leaves it out of the quorum.
contract MiningPool is IMiningPool, HandoverOwnable, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;
    using PackedCheckpoints for PackedCheckpoints.Trace;

    /// @notice The fee on arriving rewards can never exceed 10%. It never applies to principal.
    uint16 public constant MAX_FEE_BPS = 1_000;
    /// @notice Shortest accepted stream period.
    uint256 public constant MIN_REWARDS_DURATION = 1 minutes;
    /// @notice Longest accepted stream period.
    uint256 public constant MAX_REWARDS_DURATION = 365 days;
    /// @notice A pause of new stakes ends on its own after this long.
    uint256 public constant MAX_STAKING_PAUSE = 7 days;
    /// @notice After a pause of new stakes ends, the next may start only this much later.
    uint256 public constant STAKING_PAUSE_COOLDOWN = 30 days;
    /// @notice Smallest position: an account's stake is 0 or at least 1 NUMI. A stake below it, or a withdraw that
    /// would leave less than it (but not nothing), reverts with StakeBelowMinimum. It bounds reward per token
    /// gained between two settlements of an account by what the account earned, so that it fits the account's slot.
    uint256 public constant MIN_STAKE = 1e18;

    uint256 private constant PRECISION = StreamMath.PRECISION;
    /// @dev Every NUMI amount the pool keeps (staked, reserved, an account's stake and rewards) is below 2^85 (all
    /// NUMI ever is 2.1e25 < 2^85 = 3.9e25), checked where a total grows (`_toAmount`).
    uint256 private constant AMOUNT_BITS = 85;
    uint256 private constant MAX_AMOUNT = (1 << AMOUNT_BITS) - 1;
    /// @dev An account's slot: staked (bits 0-84), rewards (85-169), the reward per token it was last settled at,
    /// modulo 2^86 (170-255).
    uint256 private constant PAID_SHIFT = 2 * AMOUNT_BITS;
    uint256 private constant PAID_MASK = (1 << (256 - PAID_SHIFT)) - 1;

    IERC20 private immutable _token;
    /// @notice Seconds each arrival of rewards is streamed over, fixed at deployment.
    uint256 public immutable rewardsDuration;

    // Packed storage. Every NUMI amount is below 2^85 (all NUMI ever is below 2^85 wei; `_toAmount` reverts for
    // any other token that could exceed it) and every timestamp fits 40 bits (until the year 36812). Each bound,
    // and where it is tested: docs/adr/0003-pool-storage-packing.md, docs/adr/0011-pool-account-slot.md and
    // docs/adr/0013-derived-stream-rate.md.

    /// @dev Written by every update, so that opening or closing an account (holders) writes no further global slot.
    /// Stored as one word (`_stream`, `_loadStream`, `_storeStream`) in the order Solidity would pack it.
    /// Reward per token is kept modulo 2^104, like each account's checkpoint (modulo 2^86, see `_accounts`): only
    /// differences below 2^86 are ever used, and those are exact modulo any power of two from 2^86 on, so the sum
    /// wraps instead of overflowing. (With every non-zero total stake at least MIN_STAKE, it grows by at most what
    /// streams to stakers, so it reaches 2^104 (2e31) only after 1e6 times all NUMI ever streamed to a 1 NUMI stake.)
    /// holders < 2^64: each holder is a distinct address that staked at least 1 NUMI.
    struct Stream {
        uint104 rewardPerTokenStored; // modulo 2^104
        uint88 undistributed; // funded, not yet credited to reward per token; <= rewardReserve < 2^85
        uint64 holders; // accounts with a stake or unclaimed rewards
    }
    /// @dev Written by every update. The reserve, which claim and exit change, lives with the stake so that those
    /// actions write no further global slot.
    struct Totals {
        uint88 totalStaked;
        uint88 rewardReserve; // undistributed + credited but unclaimed
        uint40 lastUpdateTime;
        uint40 periodFinish;
    }
    /// @dev Written by governance only. No rate is stored: the stream pays `undistributed` linearly until
    /// `periodFinish` (StreamMath). The slot's other 200 bits are unused.
    struct Funding {
        uint16 feeBps;
        uint40 stakingPausedUntil; // new stakes are refused before this time
    }
    /// @dev What `_update` does once it has accrued the stream and streamed the arrivals. The actions of an
    /// account come last, from Stake on.
    enum Action {
        Sync, // nothing more
        SetFee, // set the fee charged on arrivals from now on
        Stake, // add to the account's stake
        Withdraw, // take part of the account's stake out
        Claim, // pay the account's rewards
        Exit // take the account's whole stake out and pay its rewards
    }

    /// @dev The Stream: reward per token (bits 0-103), undistributed (104-191), holders (192-255). One word rather
    /// than a storage struct: the compiler writes a struct of three fields with a read-modify-write (100 gas more).
    uint256 private _stream;
    Totals private _totals;
    Funding private _funding;
    /// @dev One slot per account: staked (85 bits, <= totalStaked < 2^85), rewards earned up to its last update (85
    /// bits, <= rewardReserve < 2^85, checked) and the reward per token it was last settled at, kept modulo 2^86.
    /// Only the difference to the current reward per token is ever used, and it is below 2^85 for every account
    /// with a stake: the account's stake is at least MIN_STAKE = 1e18, so the difference is at most
    /// stake * difference / 1e18, what the account earned since, which the reserve (< 2^85) covers.
    mapping(address account => uint256) private _accounts;
    /// @dev staked + rewardReserve over time, for `heldAt`: one checkpoint per second in which it changed, two per
    /// slot (40-bit timestamp, 88-bit value). held = totalStaked + rewardReserve < 2 * 2^85 = 2^86 (both checked);
    /// push reverts (SafeCast) for a value >= 2^88 or a timestamp >= 2^40.
    PackedCheckpoints.Trace private _held;
    /// @notice Receives the fee on arriving rewards.
    address public treasury;

    /// @param token NumiCoin.
    /// @param initialOwner Deployer during wiring; ownership then moves to the governance timelock.
    /// @param rewardsDuration_ Seconds each arrival is streamed over (7 days on mainnet).
    /// @param treasury_ Receives the fee (0 by default) on arriving rewards.
    constructor(
        address token,
        address initialOwner,
        uint256 rewardsDuration_,
        address treasury_
    ) Ownable(initialOwner) {
        if (token.code.length == 0) revert InvalidStakingToken(token);
        if (rewardsDuration_ < MIN_REWARDS_DURATION || rewardsDuration_ > MAX_REWARDS_DURATION) {
            revert InvalidRewardsDuration(rewardsDuration_);
        }
        if (treasury_ == address(0) || treasury_ == address(this)) revert InvalidTreasury(treasury_);
        _token = IERC20(token);
        rewardsDuration = rewardsDuration_;
        treasury = treasury_;
        _totals.lastUpdateTime = uint40(block.timestamp);
    }

    // ───────────────────────────── Staker actions ─────────────────────────────

    /// @inheritdoc IMiningPool
    function stake(uint256 amount) external nonReentrant {
        _stake(amount);
    }

    /// @inheritdoc IMiningPool
    function stakeWithPermit(uint256 amount, uint256 deadline, uint8 v, bytes32 r, bytes32 s) external nonReentrant {
        // A front-runner may have used the signature already; then the allowance it set is what counts.
        try IERC20Permit(address(_token)).permit(msg.sender, address(this), amount, deadline, v, r, s) {} catch {
            uint256 allowance = _token.allowance(msg.sender, address(this));
            if (allowance < amount) revert PermitFailed(allowance, amount);
        }
        _stake(amount);
    }

    /// @inheritdoc IMiningPool
    function withdraw(uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        _token.safeTransfer(msg.sender, _update(msg.sender, Action.Withdraw, amount));
    }

    /// @inheritdoc IMiningPool
    function claim() external nonReentrant {
        _token.safeTransfer(msg.sender, _update(msg.sender, Action.Claim, 0));
    }

    /// @inheritdoc IMiningPool
    function exit() external nonReentrant {
        // One transfer for both: principal and rewards are NUMI.
        _token.safeTransfer(msg.sender, _update(msg.sender, Action.Exit, 0));
    }

    /// @inheritdoc IMiningPool
    function sync() external nonReentrant {
        _update(address(0), Action.Sync, 0);
    }

    /// @dev `stake` and `stakeWithPermit`: the pool records the stake before it pulls the NUMI.
    function _stake(uint256 amount) private {
        if (amount == 0) revert ZeroAmount();
        _update(msg.sender, Action.Stake, amount);
        _token.safeTransferFrom(msg.sender, address(this), amount);
    }

    // ───────────────────────────── Accounting ─────────────────────────────

    /// @dev The pool's one state transition. Every action that changes what the stream owes runs it exactly once:
    /// 1. credits the stream up to now;
    /// 2. starts streaming whatever NUMI arrived since the last update, charged the fee in force until now, over
    ///    a new period;
    /// 3. settles `account` (none for Sync and SetFee), applies `action`, writes the account and counts it in or
    ///    out of the holders; SetFee writes the fee;
    /// 4. writes the stream (with the holders) and the totals, and checkpoints the holdings if they changed;
    /// 5. pays the fee, its only interaction. The caller moves the account's NUMI after it returns
    ///    (checks-effects-interactions).
    /// @param amount Stake: NUMI staked; Withdraw: NUMI withdrawn; SetFee: the new fee in basis points (at most
    /// MAX_FEE_BPS, checked by the caller); otherwise unused.
    /// @return payout NUMI the caller owes `account`: the stake withdrawn and the rewards paid.
    // One transition, read top to bottom: split into steps, they would have to hand its working copies around.
    // solhint-disable-next-line function-max-lines
    function _update(address account, Action action, uint256 amount) private returns (uint256 payout) {
        Stream memory s = _loadStream();
        Totals memory t = _totals;
        Funding memory f = _funding;
        uint256 heldBefore = uint256(t.totalStaked) + t.rewardReserve;
        uint256 fee = 0; // charged on arrivals only

        (s.rewardPerTokenStored, s.undistributed) = _accrued(s, t);
        t.lastUpdateTime = uint40(block.timestamp);

        {
            uint256 arrived = _arrived(t.totalStaked, t.rewardReserve);
            if (arrived != 0 || (block.timestamp >= t.periodFinish && s.undistributed != 0)) {
                fee = (arrived * f.feeBps) / 10_000;
                uint256 net = arrived - fee;
                t.rewardReserve = uint88(_toAmount(t.rewardReserve + net));
                s.undistributed += uint88(net); // net <= rewardReserve < 2^85
                // Every arrival restarts one stream over the whole undistributed amount, to be paid linearly until
                // the new periodFinish: the rate follows from what is left to give, so none is stored. Leftovers of
                // an ended stream (dust, nobody staking at its end) roll into the new period.
                t.periodFinish = uint40(block.timestamp + rewardsDuration);
                emit RewardsStreamed(arrived, fee, s.undistributed / rewardsDuration, t.periodFinish);
            }
        }

        if (action >= Action.Stake) {
            uint256 staked;
            uint256 rewards;
            bool wasHolder;
            {
                uint256 word = _accounts[account];
                staked = word & MAX_AMOUNT;
                rewards = (word >> AMOUNT_BITS) & MAX_AMOUNT;
                wasHolder = staked != 0 || rewards != 0;
                uint256 sincePaid = _sincePaid(s.rewardPerTokenStored, word);
                // Rounded down, in the pool's favour (`earned` shows the same figure). staked * sincePaid < 2^171.
                if (sincePaid != 0) rewards = _toAmount(rewards + (staked * sincePaid) / PRECISION);
            }

            if (action == Action.Withdraw) {
                if (staked < amount) revert InsufficientStake(account, staked, amount);
                staked -= amount;
                if (staked != 0 && staked < MIN_STAKE) revert StakeBelowMinimum(staked, MIN_STAKE);
                t.totalStaked -= uint88(amount); // amount <= staked <= totalStaked
                payout = amount;
                emit Withdrawn(account, amount);
            } else if (action == Action.Claim) {
                payout = rewards;
                if (payout == 0) revert NothingToClaim(account);
                rewards = 0;
                t.rewardReserve -= uint88(payout); // rewards <= reserve (solvency invariant)
                emit RewardPaid(account, payout);
            } else if (action == Action.Stake) {
                if (block.timestamp < f.stakingPausedUntil) revert StakingIsPaused(f.stakingPausedUntil);
                t.totalStaked = uint88(_toAmount(t.totalStaked + amount));
                staked += amount; // <= totalStaked < 2^85
                if (staked < MIN_STAKE) revert StakeBelowMinimum(staked, MIN_STAKE);
                emit Staked(account, amount);
            } else {
                if (staked == 0 && rewards == 0) revert ZeroAmount();
                t.totalStaked -= uint88(staked);
                t.rewardReserve -= uint88(rewards);
                payout = staked + rewards;
                if (staked != 0) emit Withdrawn(account, staked);
                if (rewards != 0) emit RewardPaid(account, rewards);
                (staked, rewards) = (0, 0);
            }

            // The shift keeps reward per token modulo 2^86: its higher bits leave the word. Without a stake the
            // checkpoint earns nothing and is left out, so an account that exits clears its slot.
            _accounts[account] =
                staked == 0
                    ? rewards << AMOUNT_BITS
                    : staked | (rewards << AMOUNT_BITS) | (uint256(s.rewardPerTokenStored) << PAID_SHIFT);
            bool isHolder = staked != 0 || rewards != 0;
            if (isHolder != wasHolder) {
                s.holders = isHolder ? s.holders + 1 : s.holders - 1;
                // When the last holder leaves, nobody is owed anything, so the whole reserve is undistributed
                // again: the per-account rounding dust rejoins the stream instead of staying in the reserve.
                if (s.holders == 0) s.undistributed = t.rewardReserve; // < 2^85
            }
        } else if (action == Action.SetFee) {
            emit FeeUpdated(f.feeBps, amount);
            _funding.feeBps = uint16(amount);
        }

        _storeStream(s);
        _totals = t;
        uint256 held = uint256(t.totalStaked) + t.rewardReserve;
        if (held != heldBefore) _held.push(uint48(block.timestamp), held);
        if (fee != 0) _token.safeTransfer(treasury, fee);
    }

    /// @dev The stream credited up to min(now, periodFinish): the new reward per token and what is left
    /// undistributed. The stream pays `undistributed` linearly from lastUpdateTime until periodFinish: it credits
    /// undistributed * elapsed / (periodFinish - lastUpdateTime), and all of it from periodFinish on (StreamMath
    /// clamps). Credits nothing while nobody stakes: that time's share stays undistributed and is paid over the rest
    /// of the period. Only what reward per token can represent leaves `undistributed`; the remainder, too, stays for
    /// the rest of the period (or the next period, once this one has ended).
    function _accrued(
        Stream memory s,
        Totals memory t
    ) private view returns (uint104 rewardPerTokenStored, uint88 undistributed) {
        uint256 last = t.lastUpdateTime;
        uint256 finish = t.periodFinish;
        // Nothing to credit in the same second, or once the period ended at or before the last update.
        if (block.timestamp <= last || finish <= last) return (s.rewardPerTokenStored, s.undistributed);
        uint256 delta;
        uint256 taken;
        unchecked {
            // Both differences are positive (checked just above) and below 2^40.
            (delta, taken) = StreamMath.accrue(s.undistributed, block.timestamp - last, finish - last, t.totalStaked);
        }
        // taken <= undistributed (StreamMath). delta < 2^156 (StreamMath's bounds), so the sum does not overflow 256
        // bits; the cast keeps it modulo 2^104, the wrap the Stream struct describes.
        return (uint104(s.rewardPerTokenStored + delta), s.undistributed - uint88(taken));
    }

    /// @dev The Stream from its word.
    function _loadStream() private view returns (Stream memory s) {
        uint256 word = _stream;
        s.rewardPerTokenStored = uint104(word);
        s.undistributed = uint88(word >> 104);
        s.holders = uint64(word >> 192);
    }

    /// @dev The Stream into its word: one SSTORE, no read.
    function _storeStream(Stream memory s) private {
        _stream = uint256(s.rewardPerTokenStored) | (uint256(s.undistributed) << 104) | (uint256(s.holders) << 192);
    }

    /// @dev Reward per token gained since the account's slot `word` was last settled: the difference modulo 2^86,
    /// exact while it is below 2^86 (see `_accounts`).
    function _sincePaid(uint256 rewardPerTokenNow, uint256 word) private pure returns (uint256) {
        unchecked {
            return (rewardPerTokenNow - (word >> PAID_SHIFT)) & PAID_MASK;
        }
    }

    /// @dev `value` as a pool amount: reverts above 2^85 - 1, which no NUMI amount reaches (all NUMI ever < 2^85).
    function _toAmount(uint256 value) private pure returns (uint256) {
        if (value > MAX_AMOUNT) revert SafeCast.SafeCastOverflowedUintDowncast(uint8(AMOUNT_BITS), value);
        return value;
    }

    /// @dev NUMI held beyond principal and the reward reserve: new mining rewards or donations.
    function _arrived(uint256 staked, uint256 reserve) private view returns (uint256) {
        uint256 balance = _token.balanceOf(address(this));
        uint256 accounted = staked + reserve;
        return balance > accounted ? balance - accounted : 0;
    }

    // ───────────────────────────── Views ─────────────────────────────

    /// @inheritdoc IMiningPool
    function stakingToken() external view returns (address) {
        return address(_token);
    }

    /// @inheritdoc IMiningPool
    function totalStaked() external view returns (uint256) {
        return _totals.totalStaked;
    }

    /// @inheritdoc IMiningPool
    function balanceOf(address account) external view returns (uint256) {
        return _accounts[account] & MAX_AMOUNT;
    }

    /// @inheritdoc IMiningPool
    function rewardPerToken() public view returns (uint256) {
        (uint104 current, ) = _accrued(_loadStream(), _totals);
        return current;
    }

    /// @inheritdoc IMiningPool
    function earned(address account) public view returns (uint256) {
        uint256 word = _accounts[account];
        return
            ((word >> AMOUNT_BITS) & MAX_AMOUNT) +
            ((word & MAX_AMOUNT) * _sincePaid(rewardPerToken(), word)) / PRECISION;
    }

    /// @inheritdoc IMiningPool
    function poolState() external view returns (PoolState memory) {
        Stream memory s = _loadStream();
        Totals memory t = _totals;
        Funding memory f = _funding;
        (uint256 rewardPerTokenNow, uint256 undistributed) = _accrued(s, t);
        return
            PoolState({
                totalStaked: t.totalStaked,
                rewardRate: _currentRate(t, undistributed),
                periodFinish: t.periodFinish,
                rewardPerToken: rewardPerTokenNow,
                undistributed: undistributed,
                rewardReserve: t.rewardReserve,
                unsynced: _arrived(t.totalStaked, t.rewardReserve),
                rewardsDuration: rewardsDuration,
                feeBps: f.feeBps,
                treasury: treasury,
                stakingPaused: block.timestamp < f.stakingPausedUntil,
                stakingPausedUntil: block.timestamp < f.stakingPausedUntil ? f.stakingPausedUntil : 0,
                holders: s.holders
            });
    }

    /// @inheritdoc IMiningPool
    function heldAt(uint256 timepoint) external view returns (uint256) {
        if (timepoint >= block.timestamp) revert FutureLookup(timepoint, block.timestamp);
        return _held.upperLookupRecent(uint48(timepoint));
    }

    /// @inheritdoc IMiningPool
    function position(address account) external view returns (Position memory p) {
        Totals memory t = _totals;
        p.staked = _accounts[account] & MAX_AMOUNT;
        p.earned = earned(account);
        p.periodFinish = t.periodFinish;
        if (t.totalStaked != 0) {
            p.shareBps = (p.staked * 10_000) / t.totalStaked;
            (, uint256 undistributed) = _accrued(_loadStream(), t);
            p.rewardRate = (_currentRate(t, undistributed) * p.staked) / t.totalStaked;
        }
    }

    /// @dev The stream rate in wei per second, zero once the period has ended: what is left undistributed (accrued
    /// up to now) over the seconds left until periodFinish, the rate at which `_accrued` pays it from now on.
    function _currentRate(Totals memory t, uint256 undistributed) private view returns (uint256) {
        return block.timestamp < t.periodFinish ? undistributed / (t.periodFinish - block.timestamp) : 0;
    }

    // ───────────────────────────── Governance ─────────────────────────────

    /// @inheritdoc IMiningPool
    function setFee(uint16 feeBps) external onlyOwner nonReentrant {
        if (feeBps > MAX_FEE_BPS) revert FeeTooHigh(feeBps, MAX_FEE_BPS);
        // Rewards that already arrived are charged the fee in force when they arrived: `_update` streams them
        // before it sets the new fee.
        _update(address(0), Action.SetFee, feeBps);
    }

    /// @inheritdoc IMiningPool
    function setTreasury(address newTreasury) external onlyOwner {
        if (newTreasury == address(0) || newTreasury == address(this)) revert InvalidTreasury(newTreasury);
        emit TreasuryUpdated(treasury, newTreasury);
        treasury = newTreasury;
    }

    /// @inheritdoc IMiningPool
    function setStakingPaused(bool paused) external onlyOwner {
        uint256 until = _funding.stakingPausedUntil; // the end of the pause in force, or of the last one
        if ((block.timestamp < until) == paused) revert StakingPauseUnchanged(paused);
        if (paused) {
            if (until != 0 && block.timestamp < until + STAKING_PAUSE_COOLDOWN) {
                revert StakingPauseCoolingDown(until + STAKING_PAUSE_COOLDOWN);
            }
            until = block.timestamp + MAX_STAKING_PAUSE;
        } else {
            until = block.timestamp;
        }
        _funding.stakingPausedUntil = uint40(until);
        emit StakingPausedSet(paused, until);
    }

    /// @inheritdoc IMiningPool
    function sweep(address token, address to, uint256 amount) external onlyOwner nonReentrant {
        if (token == address(_token)) revert CannotSweepStakingToken();
        if (to == address(0)) revert InvalidRecipient(to);
        emit Swept(token, to, amount);
        IERC20(token).safeTransfer(to, amount);
    }
}
