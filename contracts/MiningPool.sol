// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Checkpoints} from "@openzeppelin/contracts/utils/structs/Checkpoints.sol";
import {HandoverOwnable} from "./access/HandoverOwnable.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IMiningPool} from "./interfaces/IMiningPool.sol";
import {StreamMath} from "./libraries/StreamMath.sol";

/// @title MiningPool: stake NUMI, share every mined block
/// @notice NumiCoin mints a share of every reward straight to this contract. Whatever NUMI arrives beyond what is
/// staked or reserved for rewards is picked up on the next interaction (or `sync()`) and streamed linearly to
/// stakers over `rewardsDuration`, Synthetix-style, with 1e18 precision on reward per token.
/// @dev Invariants an overrider must never break:
/// - Solvency: NUMI held >= totalStaked + rewardReserve, and rewardReserve >= undistributed + every account's
///   earned rewards. The owner can never move NUMI out (sweep refuses it); withdraw, claim and exit never pause.
/// - Nothing streams while nobody stakes: that time's rewards stay undistributed and restart with the next period.
/// - Rounding dust of each streaming step stays undistributed and is streamed again; per-account rounding (at
///   most 1 wei per account per update) stays in the reserve, so the pool always rounds in its own favour, and
///   rejoins `undistributed` (to be streamed again) as soon as no account has a stake or unclaimed rewards.
/// - Pull-based funding: mining never calls this contract, so nothing here can make a mint revert.
/// - Governance (the owner, for good once handed over) can set the fee (<= 10% of arrivals), the treasury, pause
///   new stakes for at most MAX_STAKING_PAUSE and sweep foreign tokens. It can never move NUMI.
/// Staked NUMI does not vote (see docs/governance.md): the pool holds it undelegated, and a staker who wants to
/// vote withdraws before the proposal's snapshot, which `withdraw` allows at any time. The pool records what it
/// holds over time (`heldAt`) so that governance leaves it out of the quorum.
contract MiningPool is IMiningPool, HandoverOwnable, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;
    using Checkpoints for Checkpoints.Trace208;

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

    uint256 private constant PRECISION = StreamMath.PRECISION;
    uint256 private constant RATE_PRECISION = StreamMath.RATE_PRECISION;

    IERC20 private immutable _token;
    /// @notice Seconds each arrival of rewards is streamed over, fixed at deployment.
    uint256 public immutable rewardsDuration;

    /// @dev Written on every accrual. rewardPerToken fits 160 bits: it grows by at most 1e18 (< 2^60) per wei of
    /// reward per wei staked, and all NUMI ever (21e24 wei) is below 2^85 wei, so the whole supply streamed to a
    /// single wei of stake adds under 2^145: 2^15 such passes before the checked addition could overflow.
    struct Stream {
        uint160 rewardPerTokenStored;
        uint96 undistributed; // funded, not yet credited to reward per token
    }
    /// @dev Written by every staker action, so the reserve (which claim and exit change) lives here too and
    /// they write one global slot less. 88 bits hold any NUMI amount: the whole supply is below 2^85 wei (SafeCast
    /// guards the casts for any other token).
    struct Totals {
        uint88 totalStaked;
        uint88 rewardReserve; // undistributed + credited but unclaimed
        uint40 lastUpdateTime;
        uint40 periodFinish;
    }
    /// @dev Written when rewards arrive (rate), by governance (fee, pause) and when an account opens or closes.
    /// holders < 2^64: each holder is a distinct address that staked at least 1 wei.
    struct Funding {
        uint128 rewardRate; // wei per second * RATE_PRECISION
        uint16 feeBps;
        uint40 stakingPausedUntil; // new stakes are refused before this time
        uint64 holders; // accounts with a stake or unclaimed rewards
    }
    struct Account {
        uint96 staked;
        uint96 rewards; // earned up to the account's last update
    }

    Stream private _stream;
    Totals private _totals;
    Funding private _funding;
    mapping(address account => Account) private _accounts;
    mapping(address account => uint256) private _rewardPerTokenPaid;
    /// @dev staked + rewardReserve over time, for `heldAt`: one checkpoint per second in which it changed.
    Checkpoints.Trace208 private _held;
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
        (Totals memory t, uint256 fee) = _checkpoint();
        Account memory a = _settle(msg.sender);
        if (a.staked < amount) revert InsufficientStake(msg.sender, a.staked, amount);
        a.staked -= uint96(amount);
        t.totalStaked -= uint88(amount); // amount <= a.staked <= totalStaked
        _store(msg.sender, a, true, t);
        emit Withdrawn(msg.sender, amount);
        _payFee(fee);
        _token.safeTransfer(msg.sender, amount);
    }

    /// @inheritdoc IMiningPool
    function claim() external nonReentrant {
        (Totals memory t, uint256 fee) = _checkpoint();
        Account memory a = _settle(msg.sender);
        uint256 reward = a.rewards;
        if (reward == 0) revert NothingToClaim(msg.sender);
        a.rewards = 0;
        t.rewardReserve -= uint88(reward); // reward <= reserve (solvency invariant)
        _store(msg.sender, a, true, t);
        emit RewardPaid(msg.sender, reward);
        _payFee(fee);
        _token.safeTransfer(msg.sender, reward);
    }

    /// @inheritdoc IMiningPool
    function exit() external nonReentrant {
        (Totals memory t, uint256 fee) = _checkpoint();
        Account memory a = _settle(msg.sender);
        uint256 staked = a.staked;
        uint256 reward = a.rewards;
        if (staked == 0 && reward == 0) revert ZeroAmount();
        t.totalStaked -= uint88(staked);
        t.rewardReserve -= uint88(reward);
        _store(msg.sender, Account(0, 0), true, t);
        if (staked != 0) emit Withdrawn(msg.sender, staked);
        if (reward != 0) emit RewardPaid(msg.sender, reward);
        _payFee(fee);
        _token.safeTransfer(msg.sender, staked + reward); // one transfer for both: principal and rewards are NUMI
    }

    /// @inheritdoc IMiningPool
    function sync() external nonReentrant {
        (Totals memory t, uint256 fee) = _checkpoint();
        _storeTotals(t);
        _payFee(fee);
    }

    function _stake(uint256 amount) private {
        if (amount == 0) revert ZeroAmount();
        (Totals memory t, uint256 fee) = _checkpoint();
        uint256 pausedUntil = _funding.stakingPausedUntil;
        if (block.timestamp < pausedUntil) revert StakingIsPaused(pausedUntil);
        Account memory a = _settle(msg.sender);
        bool wasHolder = a.staked != 0 || a.rewards != 0;
        uint88 added = amount.toUint88();
        a.staked += added;
        t.totalStaked += added;
        _store(msg.sender, a, wasHolder, t);
        emit Staked(msg.sender, amount);
        _payFee(fee);
        _token.safeTransferFrom(msg.sender, address(this), amount);
    }

    // ───────────────────────────── Accounting ─────────────────────────────

    /// @dev Credits the stream up to now, then starts streaming whatever NUMI arrived since the last sync.
    /// Writes the stream and funding; returns the totals for the caller to update and write, and the fee the
    /// caller pays after its own effects (checks-effects-interactions).
    function _checkpoint() private returns (Totals memory t, uint256 fee) {
        t = _totals;
        Stream memory s = _stream;
        Funding memory f = _funding;
        _accrue(t, s, f.rewardRate);
        t.lastUpdateTime = uint40(block.timestamp);

        uint256 arrived = _arrived(t.totalStaked, t.rewardReserve);
        if (arrived != 0 || (block.timestamp >= t.periodFinish && s.undistributed != 0)) {
            fee = (arrived * f.feeBps) / 10_000;
            uint256 net = arrived - fee;
            s.undistributed += net.toUint96();
            t.rewardReserve += net.toUint88();
            // Every arrival restarts one stream over the whole undistributed amount: the rate follows what is
            // left to give, and leftovers of an ended stream (dust, nobody staking) roll into the new period.
            f.rewardRate = ((uint256(s.undistributed) * RATE_PRECISION) / rewardsDuration).toUint128();
            t.periodFinish = uint40(block.timestamp + rewardsDuration);
            _funding = f;
            emit RewardsStreamed(arrived, fee, f.rewardRate / RATE_PRECISION, t.periodFinish);
        }
        _stream = s;
    }

    /// @dev Advances `s` to min(now, periodFinish). Credits nothing while nobody stakes. Only what reward per
    /// token can represent is taken out of `undistributed`; the remainder stays for the next period.
    function _accrue(Totals memory t, Stream memory s, uint256 rate) private view {
        uint256 end = block.timestamp < t.periodFinish ? block.timestamp : t.periodFinish;
        if (end <= t.lastUpdateTime) return;
        (uint256 delta, uint256 taken) = StreamMath.accrue(
            rate,
            end - t.lastUpdateTime,
            s.undistributed,
            t.totalStaked
        );
        s.rewardPerTokenStored += uint160(delta);
        s.undistributed -= uint96(taken); // taken <= undistributed (StreamMath)
    }

    /// @dev Brings `account`'s rewards up to the current reward per token.
    function _settle(address account) private returns (Account memory a) {
        a = _accounts[account];
        uint256 rpt = _stream.rewardPerTokenStored;
        uint256 paid = _rewardPerTokenPaid[account];
        if (rpt != paid) {
            a.rewards += ((uint256(a.staked) * (rpt - paid)) / PRECISION).toUint96();
            _rewardPerTokenPaid[account] = rpt;
        }
    }

    /// @dev Writes `account`'s position and the totals, and counts holders (accounts with a stake or unclaimed
    /// rewards). When the last holder leaves, nobody is owed anything, so the whole reserve is undistributed again:
    /// the per-account rounding dust rejoins the stream instead of staying in the reserve for ever.
    function _store(address account, Account memory a, bool wasHolder, Totals memory t) private {
        _accounts[account] = a;
        bool isHolder = a.staked != 0 || a.rewards != 0;
        if (isHolder != wasHolder) {
            uint64 holders = _funding.holders;
            holders = isHolder ? holders + 1 : holders - 1;
            _funding.holders = holders;
            if (holders == 0) _stream.undistributed = uint96(t.rewardReserve); // uint88 into uint96
        }
        _storeTotals(t);
    }

    /// @dev Writes the totals and, when staked + reserve changed, checkpoints it for `heldAt`.
    function _storeTotals(Totals memory t) private {
        Totals memory old = _totals;
        _totals = t;
        uint256 held = uint256(t.totalStaked) + t.rewardReserve;
        if (held != uint256(old.totalStaked) + old.rewardReserve) _held.push(uint48(block.timestamp), uint208(held));
    }

    /// @dev NUMI held beyond principal and the reward reserve: new mining rewards or donations.
    function _arrived(uint256 staked, uint256 reserve) private view returns (uint256) {
        uint256 balance = _token.balanceOf(address(this));
        uint256 accounted = staked + reserve;
        return balance > accounted ? balance - accounted : 0;
    }

    function _payFee(uint256 fee) private {
        if (fee != 0) _token.safeTransfer(treasury, fee);
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
        return _accounts[account].staked;
    }

    /// @inheritdoc IMiningPool
    function rewardPerToken() public view returns (uint256) {
        Totals memory t = _totals;
        Stream memory s = _stream;
        _accrue(t, s, _funding.rewardRate);
        return s.rewardPerTokenStored;
    }

    /// @inheritdoc IMiningPool
    function earned(address account) public view returns (uint256) {
        Account memory a = _accounts[account];
        return a.rewards + (uint256(a.staked) * (rewardPerToken() - _rewardPerTokenPaid[account])) / PRECISION;
    }

    /// @inheritdoc IMiningPool
    function poolState() external view returns (PoolState memory) {
        Totals memory t = _totals;
        Funding memory f = _funding;
        Stream memory s = _stream;
        _accrue(t, s, f.rewardRate);
        return
            PoolState({
                totalStaked: t.totalStaked,
                rewardRate: _currentRate(t, f),
                periodFinish: t.periodFinish,
                rewardPerToken: s.rewardPerTokenStored,
                undistributed: s.undistributed,
                rewardReserve: t.rewardReserve,
                unsynced: _arrived(t.totalStaked, t.rewardReserve),
                rewardsDuration: rewardsDuration,
                feeBps: f.feeBps,
                treasury: treasury,
                stakingPaused: block.timestamp < f.stakingPausedUntil,
                stakingPausedUntil: block.timestamp < f.stakingPausedUntil ? f.stakingPausedUntil : 0,
                holders: f.holders
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
        p.staked = _accounts[account].staked;
        p.earned = earned(account);
        p.periodFinish = t.periodFinish;
        if (t.totalStaked != 0) {
            p.shareBps = (p.staked * 10_000) / t.totalStaked;
            p.rewardRate = (_currentRate(t, _funding) * p.staked) / t.totalStaked;
        }
    }

    /// @dev The stream rate in wei per second, zero once the period has ended.
    function _currentRate(Totals memory t, Funding memory f) private view returns (uint256) {
        return block.timestamp < t.periodFinish ? f.rewardRate / RATE_PRECISION : 0;
    }

    // ───────────────────────────── Governance ─────────────────────────────

    /// @inheritdoc IMiningPool
    function setFee(uint16 feeBps) external onlyOwner nonReentrant {
        if (feeBps > MAX_FEE_BPS) revert FeeTooHigh(feeBps, MAX_FEE_BPS);
        // Rewards that already arrived are charged the fee in force when they arrived.
        (Totals memory t, uint256 fee) = _checkpoint();
        emit FeeUpdated(_funding.feeBps, feeBps);
        _funding.feeBps = feeBps;
        _storeTotals(t);
        _payFee(fee);
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
