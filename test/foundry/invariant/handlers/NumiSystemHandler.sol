// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {NumiCoin} from "../../../../contracts/NumiCoin.sol";
import {MiningPool} from "../../../../contracts/MiningPool.sol";
import {NumiGovernor} from "../../../../contracts/governance/NumiGovernor.sol";
import {NumiTimelock} from "../../../../contracts/governance/NumiTimelock.sol";
import {INumiCoin} from "../../../../contracts/interfaces/INumiCoin.sol";
import {IMiningPool} from "../../../../contracts/interfaces/IMiningPool.sol";
import {vm} from "../../utils/Vm.sol";
import {TestBase} from "../../utils/TestBase.sol";
import {PowSolver} from "../../utils/PowSolver.sol";

/// @title Drives NumiCoin, MiningPool and their owner through realistic sequences
/// @notice Every action a holder, miner, relayer, staker or the governance timelock can take, with fuzzed inputs
/// shaped into the valid range, plus the invalid variants whose exact custom error the handler checks. A handler
/// call that sees an unexpected success or an unexpected error reverts (fail_on_revert = true fails the run).
/// Ghost variables record what the contracts cannot tell the invariants themselves (money in and out, history).
/// @dev The handler owns both contracts (it stands in for the timelock) and mines for real: MAX_TARGET = 2^252,
/// so a solution takes ~16 hashes at the easiest target and the search gives up (letting time ease the target)
/// beyond MAX_SEARCH hashes.
contract NumiSystemHandler is TestBase {
    uint256 public constant TARGET_EPOCH_TIME = 60;
    uint256 public constant REWARDS_DURATION = 300;
    uint256 public constant ACTOR_COUNT = 4;
    uint256 private constant MAX_SEARCH = 3_000;
    uint256 private constant MAX_TIMEPOINTS = 24;
    bytes32 private constant PERMIT_TYPEHASH = keccak256(
        "Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"
    );

    // The deployment's governance parameters (local-like, small): also the floors governance can never go below.
    uint256 public constant TIMELOCK_DELAY_FLOOR = 30;
    uint256 public constant TIMELOCK_DELAY = 60;
    uint48 public constant VOTING_DELAY = 1;
    uint32 public constant VOTING_PERIOD = 120;
    uint256 public constant PROPOSAL_THRESHOLD = 10 ether;
    uint256 public constant QUORUM_PERCENT = 4;
    uint48 public constant LATE_QUORUM_EXTENSION = 30;
    uint256 public constant LAUNCH_SUPPLY = 400 ether; // exactly the setup's eight rewards

    NumiCoin public immutable coin;
    MiningPool public immutable pool;
    NumiTimelock public immutable timelock;
    NumiGovernor public immutable governor;
    address public immutable treasury = address(0x7EA5); // the pool's treasury at deployment
    address public immutable otherTreasury = address(0x7EA6); // the one governance may switch to
    address public immutable relayer = address(0x5E1A7E5);

    uint256[ACTOR_COUNT] private _keys;
    address[ACTOR_COUNT] private _actors;

    // ── Ghosts: money into and out of the pool, and history the invariants compare against ──
    uint256 public ghostPoolMinted; // pool share minted to the pool
    uint256 public ghostMinerMinted; // rewards minted to miners
    uint256 public ghostStaked; // principal staked (stake and stakeWithPermit)
    uint256 public ghostWithdrawn; // principal paid back (withdraw and exit)
    uint256 public ghostDonated; // NUMI sent to the pool by plain transfer
    uint256 public ghostRewardsPaid; // rewards paid by claim and exit
    uint256 public ghostLastRewardPerToken;
    bool public ghostRewardPerTokenDecreased;
    uint256 public ghostLastEpochReward = type(uint256).max;
    bool public ghostRewardIncreased;
    uint256 public ghostMints;
    uint256 public ghostMaxMintsInOneBlock;
    uint256 private _lastMintBlock;
    uint256 private _mintsInLastMintBlock;

    /// @dev Past timepoints with what was observed right after they became past: checked again by the invariant.
    uint256[] private _timepoints;
    uint256 private _lastSeenTime;

    mapping(string action => uint256 count) public calls;

    error UnexpectedOutcome(string action, bytes returned, bytes expected);

    /// @dev Deploys and wires the system as deploy/01..05 do, with this handler as the deployer: timelock (delay 0,
    /// the deployer's temporary roles), token, pool, governor; setPool; both ownerships handed to the timelock by
    /// one timelock batch that also sets the real delay; completeHandover(governor) strips the deployer and
    /// freezes the roles. Then the setup's mining history (which reaches the launch supply).
    constructor() {
        // A realistic clock: at forge's default timestamp 1 a zero-delay timelock operation would be scheduled at
        // TimelockController's "done" marker (timestamp 1) and could never execute.
        vm.warp(1_700_000_000);
        vm.roll(100);
        address[] memory me = new address[](1);
        me[0] = address(this);
        timelock = new NumiTimelock(0, TIMELOCK_DELAY_FLOOR, me, me, address(this));
        coin = new NumiCoin(address(this), TARGET_EPOCH_TIME, 2 ** 252);
        pool = new MiningPool(address(coin), address(this), REWARDS_DURATION, treasury);
        governor = new NumiGovernor(
            coin,
            timelock,
            pool,
            NumiGovernor.Params({
                votingDelay: VOTING_DELAY,
                votingPeriod: VOTING_PERIOD,
                proposalThreshold: PROPOSAL_THRESHOLD,
                quorumPercent: QUORUM_PERCENT,
                lateQuorumExtension: LATE_QUORUM_EXTENSION,
                launchSupply: LAUNCH_SUPPLY
            })
        );
        coin.setPool(address(pool));
        coin.transferOwnership(address(timelock));
        pool.transferOwnership(address(timelock));
        address[] memory targets = new address[](3);
        (targets[0], targets[1], targets[2]) = (address(coin), address(pool), address(timelock));
        bytes[] memory datas = new bytes[](3);
        (datas[0], datas[1]) = (abi.encodeCall(coin.acceptOwnership, ()), abi.encodeCall(pool.acceptOwnership, ()));
        datas[2] = abi.encodeCall(TimelockController.updateDelay, (TIMELOCK_DELAY));
        uint256[] memory values = new uint256[](3);
        bytes32 salt = keccak256("numicoin.handover.v1");
        timelock.scheduleBatch(targets, values, datas, bytes32(0), salt, 0);
        timelock.executeBatch(targets, values, datas, bytes32(0), salt);
        timelock.completeHandover(address(governor));
        // No proposal before the launch supply.
        (bool ok, bytes memory returned) = address(governor).call(
            abi.encodeCall(governor.propose, (targets, values, datas, "too early"))
        );
        _expect(
            "propose before launch",
            ok,
            returned,
            abi.encodeWithSelector(NumiGovernor.GovernanceNotLive.selector, 0, LAUNCH_SUPPLY)
        );

        for (uint256 i = 0; i < ACTOR_COUNT; i++) {
            _keys[i] = 0xA11CE + i;
            _actors[i] = vm.addr(_keys[i]);
        }
        // A short history before the fuzzing starts: every actor has mined two rewards, so holders can act.
        for (uint256 round = 0; round < 2; round++) {
            for (uint256 i = 0; i < ACTOR_COUNT; i++) _mine(i, TARGET_EPOCH_TIME, round, false, false);
        }
        _lastSeenTime = block.timestamp;
    }

    // ───────────────────────────── Miners and relayers ─────────────────────────────

    /// @notice A miner finds a solution after `elapsed` seconds and submits it with `mint`.
    function mine(uint256 actorSeed, uint256 elapsed, uint256 nonceStart) external {
        _mine(actorSeed, elapsed, nonceStart, false, false);
    }

    /// @notice A relayer submits a miner's solution with `mintTo`.
    function mineViaRelayer(uint256 actorSeed, uint256 elapsed, uint256 nonceStart) external {
        _mine(actorSeed, elapsed, nonceStart, true, false);
    }

    /// @notice A second solution in the block of the last reward: refused with RewardAlreadyMintedThisBlock.
    function mineAgainInSameBlock(uint256 actorSeed, uint256 nonceStart) external {
        _mine(actorSeed, 0, nonceStart, actorSeed % 2 == 0, true);
    }

    function _mine(uint256 actorSeed, uint256 elapsed, uint256 nonceStart, bool viaRelayer, bool sameBlock) private {
        address miner = _actor(actorSeed);
        if (!sameBlock) {
            // Mostly around the target epoch time, sometimes instant, sometimes far beyond the 9 T clamp.
            vm.warp(block.timestamp + bound(elapsed, 0, 12 * TARGET_EPOCH_TIME));
            vm.roll(block.number + 1);
        }
        _observeTime();
        (bool found, uint256 nonce, bytes32 digest) = PowSolver.solve(coin, miner, nonceStart, MAX_SEARCH);
        if (!found) {
            calls["mine: target too hard to search, time passes"]++;
            vm.warp(block.timestamp + 2 * TARGET_EPOCH_TIME);
            return;
        }
        INumiCoin.MiningState memory before = coin.miningState();
        bytes memory expected;
        if (before.paused) expected = abi.encodeWithSelector(INumiCoin.MiningIsPaused.selector, before.pausedUntil);
        else if (before.lastRewardBlock == block.number) {
            expected = abi.encodeWithSelector(INumiCoin.RewardAlreadyMintedThisBlock.selector, block.number);
        }
        uint256 minerBefore = coin.balanceOf(miner);
        uint256 poolBefore = coin.balanceOf(address(pool));

        vm.prank(viaRelayer ? relayer : miner);
        bool ok;
        bytes memory returned;
        if (viaRelayer) (ok, returned) = address(coin).call(abi.encodeCall(coin.mintTo, (nonce, miner)));
        else (ok, returned) = address(coin).call(abi.encodeCall(coin.mint, (nonce, digest)));
        _expect(sameBlock ? "mineAgainInSameBlock" : "mine", ok, returned, expected);
        if (!ok) return;

        uint256 poolPart = coin.balanceOf(address(pool)) - poolBefore;
        uint256 minerPart = coin.balanceOf(miner) - minerBefore;
        assertEq(minerPart + poolPart, before.reward, "reward minted in full, split between miner and pool");
        assertEq(poolPart, (before.reward * before.poolShareBps) / 10_000, "pool share");
        ghostPoolMinted += poolPart;
        ghostMinerMinted += minerPart;
        ghostMints++;
        if (before.reward > ghostLastEpochReward) ghostRewardIncreased = true;
        ghostLastEpochReward = before.reward;
        if (_lastMintBlock == block.number) _mintsInLastMintBlock++;
        else (_lastMintBlock, _mintsInLastMintBlock) = (block.number, 1);
        if (_mintsInLastMintBlock > ghostMaxMintsInOneBlock) ghostMaxMintsInOneBlock = _mintsInLastMintBlock;
        _afterPoolAction();
    }

    // ───────────────────────────── Holders ─────────────────────────────

    /// @notice A holder sends part of its balance to another holder.
    function transfer(uint256 fromSeed, uint256 toSeed, uint256 amount) external {
        address from = _holder(fromSeed);
        uint256 balance = coin.balanceOf(from);
        amount = amount % 8 == 7 ? balance + 1 : _amountUpTo(amount, balance);
        bytes memory expected;
        if (amount > balance) {
            expected = abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, from, balance, amount);
        }
        vm.prank(from);
        (bool ok, bytes memory returned) = address(coin).call(abi.encodeCall(coin.transfer, (_actor(toSeed), amount)));
        _expect("transfer", ok, returned, expected);
        _observeTime();
    }

    /// @notice A holder delegates its votes (to itself or another holder).
    function delegate(uint256 fromSeed, uint256 toSeed) external {
        vm.prank(_actor(fromSeed));
        coin.delegate(_actor(toSeed));
        calls["delegate"]++;
        _observeTime();
    }

    /// @notice A holder sends NUMI straight to the pool: it is streamed like a mining reward, never lost.
    function donate(uint256 actorSeed, uint256 amount) external {
        address from = _holder(actorSeed);
        amount = _amountUpTo(amount, coin.balanceOf(from));
        vm.prank(from);
        coin.transfer(address(pool), amount);
        ghostDonated += amount;
        calls["donate"]++;
        _afterPoolAction();
    }

    // ───────────────────────────── Stakers ─────────────────────────────

    /// @notice A holder approves and stakes part of its balance.
    function stake(uint256 actorSeed, uint256 amount) external {
        address account = _holder(actorSeed);
        amount = _amountUpTo(amount, coin.balanceOf(account));
        vm.startPrank(account);
        coin.approve(address(pool), amount);
        (bool ok, bytes memory returned) = address(pool).call(abi.encodeCall(pool.stake, (amount)));
        vm.stopPrank();
        bytes memory refusal = _stakeRefusal(account, amount);
        _expect("stake", ok, returned, refusal);
        if (ok) ghostStaked += amount;
        _afterPoolAction();
    }

    /// @notice A holder stakes with a signed permit; with `frontRun`, someone submits the permit first.
    function stakeWithPermit(uint256 actorSeed, uint256 amount, bool frontRun) external {
        uint256 index = _holderIndex(actorSeed);
        address account = _actors[index];
        amount = _amountUpTo(amount, coin.balanceOf(account));
        bytes memory data = _signedStakeWithPermit(index, amount, frontRun);
        vm.prank(account);
        (bool ok, bytes memory returned) = address(pool).call(data);
        _expect(
            frontRun ? "stakeWithPermit (front-run)" : "stakeWithPermit",
            ok,
            returned,
            _stakeRefusal(account, amount)
        );
        if (ok) ghostStaked += amount;
        _afterPoolAction();
    }

    /// @dev The stakeWithPermit call for actor `index`, its permit signed; with `frontRun`, the relayer submits
    /// the permit first.
    function _signedStakeWithPermit(uint256 index, uint256 amount, bool frontRun) private returns (bytes memory) {
        address account = _actors[index];
        uint256 deadline = block.timestamp + 1 hours;
        bytes32 structHash = keccak256(
            abi.encode(PERMIT_TYPEHASH, account, address(pool), amount, coin.nonces(account), deadline)
        );
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(
            _keys[index],
            keccak256(abi.encodePacked("\x19\x01", coin.DOMAIN_SEPARATOR(), structHash))
        );
        if (frontRun) {
            vm.prank(relayer);
            coin.permit(account, address(pool), amount, deadline, v, r, s);
        }
        return abi.encodeCall(pool.stakeWithPermit, (amount, deadline, v, r, s));
    }

    /// @notice A staker withdraws part of its stake (or one wei too much, refused with InsufficientStake; or so much
    /// that less than MIN_STAKE but not nothing would be left, refused with StakeBelowMinimum).
    function withdraw(uint256 actorSeed, uint256 amount) external {
        address account = _staker(actorSeed);
        uint256 staked = pool.balanceOf(account);
        amount = amount % 8 == 7 ? staked + 1 : _amountUpTo(amount, staked);
        bytes memory expected;
        if (amount == 0) expected = abi.encodeWithSelector(IMiningPool.ZeroAmount.selector);
        else if (amount > staked) {
            expected = abi.encodeWithSelector(IMiningPool.InsufficientStake.selector, account, staked, amount);
        } else if (staked - amount != 0 && staked - amount < pool.MIN_STAKE()) {
            expected = abi.encodeWithSelector(
                IMiningPool.StakeBelowMinimum.selector,
                staked - amount,
                pool.MIN_STAKE()
            );
        }
        uint256 balanceBefore = coin.balanceOf(account);
        vm.prank(account);
        (bool ok, bytes memory returned) = address(pool).call(abi.encodeCall(pool.withdraw, (amount)));
        _expect("withdraw", ok, returned, expected);
        if (ok) {
            assertEq(coin.balanceOf(account) - balanceBefore, amount, "withdraw pays exactly the amount");
            ghostWithdrawn += amount;
        }
        _afterPoolAction();
    }

    /// @notice A staker claims what `earned` shows, to the wei.
    function claim(uint256 actorSeed) external {
        address account = _staker(actorSeed);
        uint256 owed = pool.earned(account);
        bytes memory expected;
        if (owed == 0) expected = abi.encodeWithSelector(IMiningPool.NothingToClaim.selector, account);
        uint256 balanceBefore = coin.balanceOf(account);
        vm.prank(account);
        (bool ok, bytes memory returned) = address(pool).call(abi.encodeCall(pool.claim, ()));
        _expect("claim", ok, returned, expected);
        if (ok) {
            assertEq(coin.balanceOf(account) - balanceBefore, owed, "claim pays what earned() showed");
            ghostRewardsPaid += owed;
        }
        _afterPoolAction();
    }

    /// @notice A staker leaves: whole stake plus rewards, to the wei.
    function exit(uint256 actorSeed) external {
        address account = _staker(actorSeed);
        uint256 staked = pool.balanceOf(account);
        uint256 owed = pool.earned(account);
        bytes memory expected;
        if (staked == 0 && owed == 0) expected = abi.encodeWithSelector(IMiningPool.ZeroAmount.selector);
        uint256 balanceBefore = coin.balanceOf(account);
        vm.prank(account);
        (bool ok, bytes memory returned) = address(pool).call(abi.encodeCall(pool.exit, ()));
        _expect("exit", ok, returned, expected);
        if (ok) {
            assertEq(coin.balanceOf(account) - balanceBefore, staked + owed, "exit pays stake plus earned");
            assertEq(pool.balanceOf(account), 0, "exit leaves no stake");
            ghostWithdrawn += staked;
            ghostRewardsPaid += owed;
        }
        _afterPoolAction();
    }

    /// @notice Anyone starts streaming what arrived.
    function sync() external {
        pool.sync();
        calls["sync"]++;
        _afterPoolAction();
    }

    /// @notice Time passes (blocks too) with nothing happening: streams run, stakes earn.
    function passTime(uint256 seconds_) external {
        // Within a block time, within a stream period, or long enough for streams to end.
        uint256 longest = seconds_ % 3 == 0 ? 12 : (seconds_ % 3 == 1 ? REWARDS_DURATION : 2 days);
        vm.warp(block.timestamp + bound(seconds_ / 3, 1, longest));
        vm.roll(block.number + 1 + (seconds_ % 50));
        calls["passTime"]++;
        _afterPoolAction();
    }

    // ───────────────────────────── Views for the invariants ─────────────────────────────

    function actors() external view returns (address[ACTOR_COUNT] memory) {
        return _actors;
    }

    function timepoints() external view returns (uint256[] memory) {
        return _timepoints;
    }

    /// @notice Every address that holds NUMI in this system, and those that never may (timelock, governor,
    /// deployer): the sum of their balances is the whole supply.
    function holders() external view returns (address[] memory list) {
        list = new address[](ACTOR_COUNT + 7);
        for (uint256 i = 0; i < ACTOR_COUNT; i++) list[i] = _actors[i];
        list[ACTOR_COUNT] = address(pool);
        list[ACTOR_COUNT + 1] = treasury;
        list[ACTOR_COUNT + 2] = otherTreasury;
        list[ACTOR_COUNT + 3] = relayer;
        list[ACTOR_COUNT + 4] = address(timelock);
        list[ACTOR_COUNT + 5] = address(governor);
        list[ACTOR_COUNT + 6] = address(this);
    }

    /// @notice The fee the pool paid so far: the treasuries receive NUMI from nothing else.
    function feesPaid() external view returns (uint256) {
        return coin.balanceOf(treasury) + coin.balanceOf(otherTreasury);
    }

    // ───────────────────────────── Internals ─────────────────────────────

    function _actor(uint256 seed) private view returns (address) {
        return _actors[seed % ACTOR_COUNT];
    }

    /// @dev All of it, half of it, a uniform share of it, or nothing: the fuzzer's raw values are mostly huge or
    /// tiny, and realistic sequences need large stakes and transfers as well as the 0 and 1-wei edges.
    function _amountUpTo(uint256 seed, uint256 available) private pure returns (uint256) {
        uint256 mode = seed % 8;
        if (mode == 0 || available == 0) return 0;
        if (mode == 1) return available;
        if (mode == 2) return available / 2;
        if (mode == 3) return available < 1 ? available : 1;
        return bound(seed >> 3, 0, available);
    }

    /// @dev The actor picked by `seed`, or (seven times in eight) the next one that holds NUMI, so that holder
    /// actions mostly act; the empty-handed case stays reachable.
    function _holderIndex(uint256 seed) private view returns (uint256) {
        uint256 first = seed % ACTOR_COUNT;
        if (seed % 8 == 7) return first;
        for (uint256 i = 0; i < ACTOR_COUNT; i++) {
            uint256 index = (first + i) % ACTOR_COUNT;
            if (coin.balanceOf(_actors[index]) != 0) return index;
        }
        return first;
    }

    function _holder(uint256 seed) private view returns (address) {
        return _actors[_holderIndex(seed)];
    }

    /// @dev Like `_holder`, for accounts with a stake or rewards in the pool.
    function _staker(uint256 seed) private view returns (address) {
        uint256 first = seed % ACTOR_COUNT;
        if (seed % 8 == 7) return _actors[first];
        for (uint256 i = 0; i < ACTOR_COUNT; i++) {
            address account = _actors[(first + i) % ACTOR_COUNT];
            if (pool.balanceOf(account) != 0 || pool.earned(account) != 0) return account;
        }
        return _actors[first];
    }

    function _stakeRefusal(address account, uint256 amount) private view returns (bytes memory) {
        if (amount == 0) return abi.encodeWithSelector(IMiningPool.ZeroAmount.selector);
        IMiningPool.PoolState memory s = pool.poolState();
        if (s.stakingPaused) return abi.encodeWithSelector(IMiningPool.StakingIsPaused.selector, s.stakingPausedUntil);
        uint256 position = pool.balanceOf(account) + amount;
        uint256 minimum = pool.MIN_STAKE();
        if (position < minimum) {
            return abi.encodeWithSelector(IMiningPool.StakeBelowMinimum.selector, position, minimum);
        }
        return "";
    }

    /// @dev Success when `expected` is empty, otherwise exactly that revert data.
    function _expect(string memory action, bool ok, bytes memory returned, bytes memory expected) private {
        if (expected.length == 0 ? !ok : (ok || keccak256(returned) != keccak256(expected))) {
            revert UnexpectedOutcome(action, returned, expected);
        }
        calls[string.concat(action, ok ? ": ok" : ": refused as expected")]++;
    }

    function _afterPoolAction() private {
        uint256 rpt = pool.rewardPerToken();
        if (rpt < ghostLastRewardPerToken) ghostRewardPerTokenDecreased = true;
        ghostLastRewardPerToken = rpt;
        _observeTime();
    }

    /// @dev Once a timestamp is in the past its votes are final: remember it for the history invariant.
    function _observeTime() private {
        if (block.timestamp > _lastSeenTime) {
            if (_timepoints.length < MAX_TIMEPOINTS) _timepoints.push(_lastSeenTime);
            else _timepoints[_lastSeenTime % MAX_TIMEPOINTS] = _lastSeenTime;
            _lastSeenTime = block.timestamp;
        }
    }
}
