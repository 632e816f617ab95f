// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {GovernorPreventLateQuorum} from "@openzeppelin/contracts/governance/extensions/GovernorPreventLateQuorum.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {Errors} from "@openzeppelin/contracts/utils/Errors.sol";
import {NumiCoin} from "../../../../contracts/NumiCoin.sol";
import {MiningPool} from "../../../../contracts/MiningPool.sol";
import {HandoverOwnable} from "../../../../contracts/access/HandoverOwnable.sol";
import {NumiGovernor} from "../../../../contracts/governance/NumiGovernor.sol";
import {NumiTimelock} from "../../../../contracts/governance/NumiTimelock.sol";
import {INumiCoin} from "../../../../contracts/interfaces/INumiCoin.sol";
import {IMiningPool} from "../../../../contracts/interfaces/IMiningPool.sol";
import {ERC20Mock} from "../../../../contracts/mocks/ERC20Mock.sol";
import {vm} from "../../utils/Vm.sol";
import {TestBase} from "../../utils/TestBase.sol";
import {NumiSystemHandler} from "./NumiSystemHandler.sol";

uint256 constant MENU_KINDS = 28;
uint256 constant MENU_FIRST_HOSTILE = 10;

/// @notice The menu item a random draw picks: legitimate and hostile calls half the time each. (A free function, so
/// that it is not one of the handler's fuzzed actions.)
function menuKind(uint256 draw) pure returns (uint8) {
    uint256 hostile = MENU_KINDS - MENU_FIRST_HOSTILE;
    return uint8(draw % 2 == 0 ? (draw >> 1) % MENU_FIRST_HOSTILE : MENU_FIRST_HOSTILE + (draw >> 1) % hostile);
}

/// @dev Looks like a pool of NUMI (answers stakingToken() with the coin), so only PoolIsFixed can refuse it.
contract AttackerPool {
    address public immutable stakingToken;

    constructor(address token) {
        stakingToken = token;
    }
}

/// @title Drives governance end to end: proposals from a menu of legitimate and hostile calls, votes, queue, execute
/// @notice Holders (the miners, who self-delegate on reward) propose, vote for/against/abstain, queue, wait out
/// the delays, execute and cancel. Each proposal carries one to three calls drawn from a menu: the bounded powers
/// within and beyond their bounds, and hostile calls a captured governance might try (give ownership away, change
/// the pool, grant itself roles, shorten the delay, swap the timelock, sweep NUMI, call functions that do not
/// exist). The handler predicts each execution's outcome from its own model of the governed state, to the exact
/// revert data, and fails the run (fail_on_revert) on any other outcome: a hostile call must never succeed.
/// @dev Time moves by warps only (never by mining blocks); the model (`m`) and the pause histories are what the
/// invariants compare the contracts against.
contract GovernanceHandler is TestBase {
    uint256 public constant KINDS = MENU_KINDS;
    uint256 public constant FIRST_HOSTILE = MENU_FIRST_HOSTILE;

    // Menu: 0..9 legitimate calls (some refused by their bound), 10.. hostile calls (always refused).
    uint8 private constant SET_POOL_SHARE = 0;
    uint8 private constant SET_FEE = 1;
    uint8 private constant SET_TREASURY = 2;
    uint8 private constant SET_STAKING_PAUSED = 3;
    uint8 private constant PAUSE_MINING = 4;
    uint8 private constant UNPAUSE_MINING = 5;
    uint8 private constant SWEEP_FOREIGN = 6;
    uint8 private constant UPDATE_DELAY = 7;
    uint8 private constant GOV_SETTING = 8;
    uint8 private constant GOV_SETTING_OUT_OF_BOUNDS = 9;
    uint8 private constant RENOUNCE_COIN = 10;
    uint8 private constant TRANSFER_COIN = 11;
    uint8 private constant RENOUNCE_POOL = 12;
    uint8 private constant TRANSFER_POOL = 13;
    uint8 private constant SET_POOL_ATTACKER = 14;
    uint8 private constant TIMELOCK_GRANT = 15;
    uint8 private constant TIMELOCK_REVOKE_GOVERNOR = 16;
    uint8 private constant RELAY_GRANT = 17;
    uint8 private constant RELAY_RENOUNCE_GOVERNOR = 18;
    uint8 private constant TIMELOCK_RENOUNCE_ADMIN = 19;
    uint8 private constant UPDATE_DELAY_OUT_OF_BOUNDS = 20;
    uint8 private constant UPDATE_TIMELOCK = 21;
    uint8 private constant SWEEP_NUMI = 22;
    uint8 private constant MINT_NONEXISTENT = 23;
    uint8 private constant ARBITRARY_CALLDATA = 24;
    uint8 private constant RELAY_AS_OWNER = 25;
    uint8 private constant TIMELOCK_SELF_SCHEDULE = 26;
    uint8 private constant RELAY_UPDATE_DELAY = 27;

    NumiSystemHandler public immutable sys;
    NumiCoin public immutable coin;
    MiningPool public immutable pool;
    NumiTimelock public immutable timelock;
    NumiGovernor public immutable governor;
    ERC20Mock public immutable foreign;
    AttackerPool public immutable attackerPool;
    address public immutable attacker = address(0xBAD);
    address public immutable deployedPool;

    /// @notice The governed state as the handler expects it from the calls that succeeded.
    struct Model {
        uint256 miningPauseStart; // start of the latest mining pause (0: never paused)
        uint256 miningPauseEnd; // its end: start + 7 days, or when it was lifted
        uint256 stakingPausedUntil; // new stakes refused before this
        uint256 poolShareBps;
        uint256 feeBps;
        address treasury;
        uint256 delay;
        uint256 votingDelay;
        uint256 votingPeriod;
        uint256 proposalThreshold;
        uint256 quorumPercent;
        uint256 lateQuorumExtension;
        uint256 foreignInPool;
    }

    Model public m;

    struct Proposal {
        uint256 id;
        address proposer;
        bytes32 descriptionHash;
        uint8[] kinds;
        uint256[] params;
        bool hostile;
    }

    Proposal[] private _proposals;
    uint256 private _nonce;

    // ── Ghosts: pause history and what governance did ──
    uint256 public ghostMiningPauses;
    uint256 public ghostMaxMiningPauseLength;
    uint256 public ghostMinMiningPauseGap = type(uint256).max; // from one pause's end to the next one's start
    uint256 public ghostStakingPauses;
    uint256 public ghostStakingPauseStart;
    uint256 public ghostMaxStakingPauseLength;
    uint256 public ghostMinStakingPauseGap = type(uint256).max;

    uint256 public ghostProposed;
    uint256 public ghostProposalsRefused; // below the threshold
    uint256 public ghostVotes;
    uint256 public ghostQueued;
    uint256 public ghostDefeated;
    uint256 public ghostCanceled;
    uint256 public ghostExecuted; // every call of the proposal succeeded
    uint256 public ghostExecutionsReverted; // reverted with the predicted error
    uint256 public ghostHostileReverted; // of those, proposals with a hostile call
    uint256 public ghostLegitRefused; // of those, legitimate calls refused by their bound or state
    uint256 public ghostDirectCalls; // governed calls made straight by the timelock (no proposal)
    uint256 public ghostOutsiderRefused;
    mapping(bytes4 selector => uint256 count) public executionRevertsByError;
    bytes4[] private _errorsSeen;

    error UnexpectedOutcome(string action, bytes returned, bytes expected);

    constructor(NumiSystemHandler sys_) {
        sys = sys_;
        coin = sys_.coin();
        pool = sys_.pool();
        timelock = sys_.timelock();
        governor = sys_.governor();
        deployedPool = address(pool);
        foreign = new ERC20Mock();
        foreign.mint(address(pool), 1_000 ether); // sent to the pool by mistake: governance may return it
        attackerPool = new AttackerPool(address(coin));
        m.poolShareBps = coin.poolShareBps();
        m.treasury = pool.treasury();
        m.delay = timelock.getMinDelay();
        m.votingDelay = governor.votingDelay();
        m.votingPeriod = governor.votingPeriod();
        m.proposalThreshold = governor.proposalThreshold();
        m.quorumPercent = governor.quorumNumerator();
        m.lateQuorumExtension = governor.lateQuorumVoteExtension();
        m.foreignInPool = 1_000 ether;
    }

    // ───────────────────────────── The governance flow, step by step ─────────────────────────────

    /// @notice A holder (or the attacker, who holds nothing) proposes one to three calls from the menu.
    function propose(uint256 actorSeed, uint256 menuSeed, uint256 param) external {
        _propose(actorSeed % 5 == 4 ? attacker : _actor(actorSeed), menuSeed, param);
    }

    /// @notice A holder votes on a proposal (voting opens first if it is still pending).
    function castVote(uint256 actorSeed, uint256 proposalSeed, uint8 support) external {
        if (_proposals.length == 0) return;
        Proposal storage p = _proposals[proposalSeed % _proposals.length];
        if (governor.state(p.id) == IGovernor.ProposalState.Pending) _warpTo(governor.proposalSnapshot(p.id) + 1);
        _vote(p, _actor(actorSeed), support % 3);
    }

    /// @notice Anyone queues a proposal (its voting ends first if it is still active).
    function queue(uint256 proposalSeed) external {
        if (_proposals.length == 0) return;
        Proposal storage p = _proposals[proposalSeed % _proposals.length];
        IGovernor.ProposalState s = governor.state(p.id);
        if (s == IGovernor.ProposalState.Pending || s == IGovernor.ProposalState.Active) {
            _warpTo(governor.proposalDeadline(p.id) + 1);
        }
        _queue(p);
    }

    /// @notice Anyone executes a queued proposal, usually once its delay has passed (one time in five too early).
    function execute(uint256 proposalSeed, uint256 when) external {
        if (_proposals.length == 0) return;
        Proposal storage p = _proposals[proposalSeed % _proposals.length];
        if (when % 5 != 0 && governor.state(p.id) == IGovernor.ProposalState.Queued) {
            _warpTo(governor.proposalEta(p.id));
        }
        _execute(p);
    }

    /// @notice The proposer (or the attacker) cancels a proposal: only the proposer, only while pending.
    function cancel(uint256 proposalSeed, bool byAttacker) external {
        if (_proposals.length == 0) return;
        _cancel(_proposals[proposalSeed % _proposals.length], byAttacker ? attacker : address(0));
    }

    /// @notice A whole proposal's life in one call: propose, every holder votes (mostly for), queue once voting
    /// ends, wait out the timelock delay and execute; one time in eight the proposer cancels it while pending.
    function governEndToEnd(uint256 actorSeed, uint256 menuSeed, uint256 param, uint256 voteSeed) external {
        (bool ok, uint256 index) = _propose(_actor(actorSeed), menuSeed, param);
        if (!ok) return;
        Proposal storage p = _proposals[index];
        if (voteSeed % 8 == 7) {
            _cancel(p, address(0));
            return;
        }
        _warpTo(governor.proposalSnapshot(p.id) + 1);
        address[4] memory voters = sys.actors();
        for (uint256 i = 0; i < voters.length; i++) {
            uint256 draw = (voteSeed >> (8 * i)) % 20; // 70% for, 15% against, 15% abstain
            _vote(p, voters[i], draw < 14 ? 1 : (draw < 17 ? 0 : 2));
        }
        _warpTo(governor.proposalDeadline(p.id) + 1);
        if (governor.state(p.id) != IGovernor.ProposalState.Succeeded) {
            ghostDefeated++;
            return;
        }
        _queue(p);
        _warpTo(governor.proposalEta(p.id));
        _execute(p);
    }

    // ───────────────────────────── Direct calls ─────────────────────────────

    /// @notice The timelock itself makes a legitimate governed call (as an executed proposal would), so that the
    /// bounded powers change state often, between the slower proposals.
    function timelockCalls(uint256 kindSeed, uint256 param) external {
        uint8 kind = uint8(kindSeed % FIRST_HOSTILE);
        if (kind == UPDATE_DELAY || kind == GOV_SETTING || kind == GOV_SETTING_OUT_OF_BOUNDS) kind = PAUSE_MINING;
        (address target, bytes memory data) = _build(kind, param);
        Model memory next = m;
        bytes memory expected = _predict(next, kind, param);
        vm.prank(address(timelock));
        (bool ok, bytes memory returned) = target.call(data);
        _check("timelockCalls", ok, returned, expected);
        if (ok) _commit(next);
        ghostDirectCalls++;
    }

    /// @notice Nobody but governance holds any power: the attacker, the deployer and a holder are refused every
    /// owner, proposer, canceller, admin and executor-only function, each with its exact error.
    function outsiderTriesGovernance(uint256 which, uint256 actorSeed) external {
        address deployer = address(sys);
        address who = actorSeed % 3 == 0 ? attacker : (actorSeed % 3 == 1 ? deployer : _actor(actorSeed));
        address target;
        bytes memory data;
        bytes memory expected;
        uint256 w = which % 9;
        if (w == 0) {
            (target, data) = (address(coin), abi.encodeCall(coin.setPoolShare, (2_000)));
            expected = abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, who);
        } else if (w == 1) {
            (target, data) = (address(coin), abi.encodeCall(coin.transferOwnership, (who)));
            expected = abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, who);
        } else if (w == 2) {
            (target, data) = (address(pool), abi.encodeCall(pool.sweep, (address(coin), who, 1)));
            expected = abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, who);
        } else if (w == 3) {
            (target, data) = (address(coin), abi.encodeCall(coin.pauseMining, ()));
            expected = abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, who);
        } else if (w == 4) {
            bytes32 role = timelock.PROPOSER_ROLE();
            (target, data) = (address(timelock), abi.encodeCall(timelock.schedule, (who, 0, "", 0, 0, m.delay)));
            expected = abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, who, role);
        } else if (w == 5) {
            bytes32 role = timelock.CANCELLER_ROLE();
            (target, data) = (address(timelock), abi.encodeCall(timelock.cancel, (bytes32(which))));
            expected = abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, who, role);
        } else if (w == 6) {
            bytes32 role = timelock.PROPOSER_ROLE();
            (target, data) = (address(timelock), abi.encodeCall(timelock.grantRole, (role, who)));
            expected = abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, who, bytes32(0));
        } else if (w == 7) {
            (target, data) = (address(governor), abi.encodeCall(governor.setVotingDelay, (0)));
            expected = abi.encodeWithSelector(IGovernor.GovernorOnlyExecutor.selector, who);
        } else {
            (target, data) = (address(governor), abi.encodeCall(governor.relay, (address(coin), 0, "")));
            expected = abi.encodeWithSelector(IGovernor.GovernorOnlyExecutor.selector, who);
        }
        vm.prank(who);
        (bool ok, bytes memory returned) = target.call(data);
        _check("outsiderTriesGovernance", ok, returned, expected);
        ghostOutsiderRefused++;
    }

    // ───────────────────────────── Views for the invariants ─────────────────────────────

    function model() external view returns (Model memory) {
        return m;
    }

    function proposalCount() external view returns (uint256) {
        return _proposals.length;
    }

    function errorsSeen() external view returns (bytes4[] memory) {
        return _errorsSeen;
    }

    /// @notice Whether the model has mining paused now.
    function modelMiningPaused() public view returns (bool) {
        return m.miningPauseEnd != 0 && block.timestamp < m.miningPauseEnd;
    }

    // ───────────────────────────── Flow internals ─────────────────────────────

    function _propose(address proposer, uint256 menuSeed, uint256 param) private returns (bool ok, uint256 index) {
        uint256 count = 1 + (menuSeed % 4 == 3 ? 1 + ((menuSeed >> 2) % 2) : 0); // one call, sometimes 2 or 3
        Proposal memory p;
        p.kinds = new uint8[](count);
        p.params = new uint256[](count);
        for (uint256 i = 0; i < count; i++) {
            p.kinds[i] = menuKind(uint256(keccak256(abi.encode(menuSeed, i))));
            p.params[i] = uint256(keccak256(abi.encode(param, i)));
            if (p.kinds[i] >= FIRST_HOSTILE) p.hostile = true;
        }
        (address[] memory targets, uint256[] memory values, bytes[] memory datas) = _calls(p);
        string memory description = string.concat("proposal #", _uintToString(++_nonce));
        p.descriptionHash = keccak256(bytes(description));
        p.proposer = proposer;
        p.id = governor.getProposalId(targets, values, datas, p.descriptionHash);

        uint256 votes = coin.getPastVotes(proposer, block.timestamp - 1);
        bytes memory expected;
        if (votes < m.proposalThreshold) {
            expected = abi.encodeWithSelector(
                IGovernor.GovernorInsufficientProposerVotes.selector,
                proposer,
                votes,
                m.proposalThreshold
            );
        }
        vm.prank(proposer);
        bytes memory returned;
        (ok, returned) = address(governor).call(abi.encodeCall(governor.propose, (targets, values, datas, description)));
        _check("propose", ok, returned, expected);
        if (!ok) {
            ghostProposalsRefused++;
            return (false, 0);
        }
        assertEq(abi.decode(returned, (uint256)), p.id, "proposal id");
        _proposals.push(p);
        ghostProposed++;
        index = _proposals.length - 1;
    }

    function _vote(Proposal storage p, address voter, uint8 support) private {
        IGovernor.ProposalState s = governor.state(p.id);
        bytes memory expected;
        if (s != IGovernor.ProposalState.Active) expected = _stateError(p.id, s, IGovernor.ProposalState.Active);
        else if (governor.hasVoted(p.id, voter)) {
            expected = abi.encodeWithSelector(IGovernor.GovernorAlreadyCastVote.selector, voter);
        }
        vm.prank(voter);
        (bool ok, bytes memory returned) = address(governor).call(abi.encodeCall(governor.castVote, (p.id, support)));
        _check("castVote", ok, returned, expected);
        if (ok) ghostVotes++;
    }

    function _queue(Proposal storage p) private {
        IGovernor.ProposalState s = governor.state(p.id);
        bytes memory expected;
        if (s != IGovernor.ProposalState.Succeeded) expected = _stateError(p.id, s, IGovernor.ProposalState.Succeeded);
        (address[] memory targets, uint256[] memory values, bytes[] memory datas) = _calls(p);
        (bool ok, bytes memory returned) = address(governor).call(
            abi.encodeCall(governor.queue, (targets, values, datas, p.descriptionHash))
        );
        _check("queue", ok, returned, expected);
        if (ok) {
            ghostQueued++;
            assertEq(governor.proposalEta(p.id), block.timestamp + timelock.getMinDelay(), "eta = now + delay");
        }
        if (s == IGovernor.ProposalState.Defeated) ghostDefeated++;
    }

    function _execute(Proposal storage p) private {
        IGovernor.ProposalState s = governor.state(p.id);
        (address[] memory targets, uint256[] memory values, bytes[] memory datas) = _calls(p);
        Model memory next = m;
        bytes memory expected;
        bool predictedCall; // the outcome is the proposal's calls', not the governor's or the timelock's state check
        if (s != IGovernor.ProposalState.Queued) {
            expected = _stateError(p.id, s, IGovernor.ProposalState.Queued);
        } else if (block.timestamp < governor.proposalEta(p.id)) {
            bytes32 op = timelock.hashOperationBatch(targets, values, datas, 0, _salt(p.descriptionHash));
            expected = abi.encodeWithSelector(
                TimelockController.TimelockUnexpectedOperationState.selector,
                op,
                bytes32(1 << uint8(TimelockController.OperationState.Ready))
            );
        } else {
            predictedCall = true;
            for (uint256 i = 0; i < p.kinds.length && expected.length == 0; i++) {
                expected = _predict(next, p.kinds[i], p.params[i]);
            }
        }
        (bool ok, bytes memory returned) = address(governor).call(
            abi.encodeCall(governor.execute, (targets, values, datas, p.descriptionHash))
        );
        _check(p.hostile ? "execute (hostile)" : "execute", ok, returned, expected);
        if (!predictedCall) return;
        if (ok) {
            assertTrue(!p.hostile, "a hostile proposal executed");
            _commit(next);
            ghostExecuted++;
        } else {
            ghostExecutionsReverted++;
            if (p.hostile) ghostHostileReverted++;
            else ghostLegitRefused++;
            bytes4 selector = bytes4(returned);
            if (executionRevertsByError[selector]++ == 0) _errorsSeen.push(selector);
        }
    }

    function _cancel(Proposal storage p, address caller) private {
        if (caller == address(0)) caller = p.proposer;
        IGovernor.ProposalState s = governor.state(p.id);
        bytes memory expected;
        if (s != IGovernor.ProposalState.Pending || caller != p.proposer) {
            expected = abi.encodeWithSelector(IGovernor.GovernorUnableToCancel.selector, p.id, caller);
        }
        (address[] memory targets, uint256[] memory values, bytes[] memory datas) = _calls(p);
        vm.prank(caller);
        (bool ok, bytes memory returned) = address(governor).call(
            abi.encodeCall(governor.cancel, (targets, values, datas, p.descriptionHash))
        );
        _check("cancel", ok, returned, expected);
        if (ok) {
            ghostCanceled++;
            assertTrue(governor.state(p.id) == IGovernor.ProposalState.Canceled, "canceled");
        }
    }

    // ───────────────────────────── The menu ─────────────────────────────

    function _calls(
        Proposal memory p
    ) private view returns (address[] memory targets, uint256[] memory values, bytes[] memory datas) {
        uint256 n = p.kinds.length;
        targets = new address[](n);
        values = new uint256[](n);
        datas = new bytes[](n);
        for (uint256 i = 0; i < n; i++) (targets[i], datas[i]) = _build(p.kinds[i], p.params[i]);
    }

    /// @dev The call of menu item `kind` with its parameter shaped from `param` (a pure function of both, so a
    /// proposal's calls can be rebuilt at queue and execute time).
    function _build(uint8 kind, uint256 param) private view returns (address target, bytes memory data) {
        if (kind == SET_POOL_SHARE) return (address(coin), abi.encodeCall(coin.setPoolShare, (_share(param))));
        if (kind == SET_FEE) return (address(pool), abi.encodeCall(pool.setFee, (_fee(param))));
        if (kind == SET_TREASURY) return (address(pool), abi.encodeCall(pool.setTreasury, (_treasury(param))));
        if (kind == SET_STAKING_PAUSED) return (address(pool), abi.encodeCall(pool.setStakingPaused, (param % 2 == 0)));
        if (kind == PAUSE_MINING) return (address(coin), abi.encodeCall(coin.pauseMining, ()));
        if (kind == UNPAUSE_MINING) return (address(coin), abi.encodeCall(coin.unpauseMining, ()));
        if (kind == SWEEP_FOREIGN) {
            (address to, uint256 amount) = _sweep(param);
            return (address(pool), abi.encodeCall(pool.sweep, (address(foreign), to, amount)));
        }
        if (kind == UPDATE_DELAY) {
            return (address(timelock), abi.encodeCall(timelock.updateDelay, (_delay(param))));
        }
        if (kind == GOV_SETTING || kind == GOV_SETTING_OUT_OF_BOUNDS) {
            (uint256 which, uint256 value, , ) = _setting(param, kind == GOV_SETTING_OUT_OF_BOUNDS);
            if (which == 0) data = abi.encodeCall(governor.setVotingDelay, (uint48(value)));
            else if (which == 1) data = abi.encodeCall(governor.setVotingPeriod, (uint32(value)));
            else if (which == 2) data = abi.encodeCall(governor.setProposalThreshold, (value));
            else if (which == 3) data = abi.encodeCall(governor.updateQuorumNumerator, (value));
            else data = abi.encodeCall(governor.setLateQuorumVoteExtension, (uint48(value)));
            return (address(governor), data);
        }
        if (kind == RENOUNCE_COIN) return (address(coin), abi.encodeCall(coin.renounceOwnership, ()));
        if (kind == TRANSFER_COIN) return (address(coin), abi.encodeCall(coin.transferOwnership, (attacker)));
        if (kind == RENOUNCE_POOL) return (address(pool), abi.encodeCall(pool.renounceOwnership, ()));
        if (kind == TRANSFER_POOL) return (address(pool), abi.encodeCall(pool.transferOwnership, (attacker)));
        if (kind == SET_POOL_ATTACKER) return (address(coin), abi.encodeCall(coin.setPool, (address(attackerPool))));
        if (kind == TIMELOCK_GRANT) {
            return (address(timelock), abi.encodeCall(timelock.grantRole, (_role(param), attacker)));
        }
        if (kind == TIMELOCK_REVOKE_GOVERNOR) {
            return (address(timelock), abi.encodeCall(timelock.revokeRole, (_role(param), address(governor))));
        }
        if (kind == RELAY_GRANT) {
            data = abi.encodeCall(timelock.grantRole, (_role(param), attacker));
            return (address(governor), abi.encodeCall(governor.relay, (address(timelock), 0, data)));
        }
        if (kind == RELAY_RENOUNCE_GOVERNOR) {
            data = abi.encodeCall(timelock.renounceRole, (_role(param), address(governor)));
            return (address(governor), abi.encodeCall(governor.relay, (address(timelock), 0, data)));
        }
        if (kind == TIMELOCK_RENOUNCE_ADMIN) {
            return (address(timelock), abi.encodeCall(timelock.renounceRole, (bytes32(0), address(timelock))));
        }
        if (kind == UPDATE_DELAY_OUT_OF_BOUNDS) {
            return (address(timelock), abi.encodeCall(timelock.updateDelay, (_badDelay(param))));
        }
        if (kind == UPDATE_TIMELOCK) {
            return (address(governor), abi.encodeCall(governor.updateTimelock, (TimelockController(payable(attacker)))));
        }
        if (kind == SWEEP_NUMI) {
            return (address(pool), abi.encodeCall(pool.sweep, (address(coin), attacker, param % 1_000 ether)));
        }
        if (kind == MINT_NONEXISTENT) {
            return (address(coin), abi.encodeWithSignature("mint(address,uint256)", attacker, 1_000_000 ether));
        }
        if (kind == ARBITRARY_CALLDATA) {
            address[4] memory four = [address(coin), address(pool), address(timelock), address(governor)];
            bytes4 selector = bytes4(keccak256(abi.encode("arbitrary", param)));
            return (four[param % 4], abi.encodePacked(selector, keccak256(abi.encode(param)), param >> 128));
        }
        if (kind == RELAY_AS_OWNER) {
            data = abi.encodeCall(coin.setPoolShare, (0));
            return (address(governor), abi.encodeCall(governor.relay, (address(coin), 0, data)));
        }
        if (kind == TIMELOCK_SELF_SCHEDULE) {
            data = abi.encodeCall(timelock.updateDelay, (0));
            return (
                address(timelock),
                abi.encodeCall(timelock.schedule, (address(timelock), 0, data, 0, bytes32(param), 0))
            );
        }
        // RELAY_UPDATE_DELAY
        data = abi.encodeCall(timelock.updateDelay, (timelock.minDelayFloor()));
        return (address(governor), abi.encodeCall(governor.relay, (address(timelock), 0, data)));
    }

    /// @dev The exact outcome of menu item `kind` executed by the timelock now, given the model `n`: empty for
    /// success (and `n` then holds the state after it), otherwise the exact revert data.
    function _predict(Model memory n, uint8 kind, uint256 param) private view returns (bytes memory) {
        uint256 now_ = block.timestamp;
        if (kind == SET_POOL_SHARE) {
            uint256 share = _share(param);
            if (share > 2_000) return abi.encodeWithSelector(INumiCoin.PoolShareTooHigh.selector, share, 2_000);
            n.poolShareBps = share;
        } else if (kind == SET_FEE) {
            uint256 fee = _fee(param);
            if (fee > 1_000) return abi.encodeWithSelector(IMiningPool.FeeTooHigh.selector, fee, 1_000);
            n.feeBps = fee;
        } else if (kind == SET_TREASURY) {
            address t = _treasury(param);
            if (t == address(0) || t == address(pool)) {
                return abi.encodeWithSelector(IMiningPool.InvalidTreasury.selector, t);
            }
            n.treasury = t;
        } else if (kind == SET_STAKING_PAUSED) {
            bool pause = param % 2 == 0;
            if ((now_ < n.stakingPausedUntil) == pause) {
                return abi.encodeWithSelector(IMiningPool.StakingPauseUnchanged.selector, pause);
            }
            if (pause && n.stakingPausedUntil != 0 && now_ < n.stakingPausedUntil + 30 days) {
                return abi.encodeWithSelector(IMiningPool.StakingPauseCoolingDown.selector, n.stakingPausedUntil + 30 days);
            }
            n.stakingPausedUntil = pause ? now_ + 7 days : now_;
        } else if (kind == PAUSE_MINING) {
            if (n.miningPauseEnd != 0 && now_ < n.miningPauseEnd) {
                return abi.encodeWithSelector(INumiCoin.MiningPauseUnchanged.selector, true);
            }
            if (n.miningPauseEnd != 0 && now_ < n.miningPauseEnd + 30 days) {
                return abi.encodeWithSelector(INumiCoin.MiningPauseCoolingDown.selector, n.miningPauseEnd + 30 days);
            }
            (n.miningPauseStart, n.miningPauseEnd) = (now_, now_ + 7 days);
        } else if (kind == UNPAUSE_MINING) {
            if (n.miningPauseEnd == 0 || now_ >= n.miningPauseEnd) {
                return abi.encodeWithSelector(INumiCoin.MiningPauseUnchanged.selector, false);
            }
            n.miningPauseEnd = now_;
        } else if (kind == SWEEP_FOREIGN) {
            (address to, uint256 amount) = _sweep(param);
            if (to == address(0)) return abi.encodeWithSelector(IMiningPool.InvalidRecipient.selector, to);
            if (amount > n.foreignInPool) {
                return
                    abi.encodeWithSelector(
                        IERC20Errors.ERC20InsufficientBalance.selector,
                        address(pool),
                        n.foreignInPool,
                        amount
                    );
            }
            n.foreignInPool -= amount;
        } else if (kind == UPDATE_DELAY) {
            n.delay = _delay(param);
        } else if (kind == GOV_SETTING || kind == GOV_SETTING_OUT_OF_BOUNDS) {
            (uint256 which, uint256 value, uint256 floor, uint256 ceiling) = _setting(
                param,
                kind == GOV_SETTING_OUT_OF_BOUNDS
            );
            if (value < floor || value > ceiling) {
                return abi.encodeWithSelector(NumiGovernor.SettingOutOfBounds.selector, value, floor, ceiling);
            }
            if (which == 4 && value > n.votingPeriod) {
                // OpenZeppelin's own bound, checked after NumiGovernor's: no extension beyond the voting period.
                return
                    abi.encodeWithSelector(
                        GovernorPreventLateQuorum.GovernorPreventLateQuorumVoteExtensionTooLarge.selector,
                        value,
                        n.votingPeriod
                    );
            }
            if (which == 0) n.votingDelay = value;
            else if (which == 1) n.votingPeriod = value;
            else if (which == 2) n.proposalThreshold = value;
            else if (which == 3) n.quorumPercent = value;
            else n.lateQuorumExtension = value;
        } else if (kind >= RENOUNCE_COIN && kind <= TRANSFER_POOL) {
            return abi.encodeWithSelector(HandoverOwnable.OwnershipIsFinal.selector);
        } else if (kind == SET_POOL_ATTACKER) {
            return abi.encodeWithSelector(INumiCoin.PoolIsFixed.selector, deployedPool);
        } else if (kind == TIMELOCK_GRANT || kind == TIMELOCK_REVOKE_GOVERNOR || kind == TIMELOCK_RENOUNCE_ADMIN) {
            return abi.encodeWithSelector(NumiTimelock.RolesFrozen.selector);
        } else if (kind == RELAY_GRANT) {
            return
                abi.encodeWithSelector(
                    IAccessControl.AccessControlUnauthorizedAccount.selector,
                    address(governor),
                    bytes32(0)
                );
        } else if (kind == RELAY_RENOUNCE_GOVERNOR) {
            return abi.encodeWithSelector(NumiTimelock.RolesFrozen.selector);
        } else if (kind == UPDATE_DELAY_OUT_OF_BOUNDS) {
            uint256 floor = timelock.minDelayFloor();
            return abi.encodeWithSelector(NumiTimelock.DelayOutOfBounds.selector, _badDelay(param), floor, 30 days);
        } else if (kind == UPDATE_TIMELOCK) {
            return abi.encodeWithSelector(NumiGovernor.TimelockIsFixed.selector);
        } else if (kind == SWEEP_NUMI) {
            return abi.encodeWithSelector(IMiningPool.CannotSweepStakingToken.selector);
        } else if (kind == MINT_NONEXISTENT || kind == ARBITRARY_CALLDATA) {
            return abi.encodeWithSelector(Errors.FailedCall.selector); // no such function, no fallback: empty revert
        } else if (kind == RELAY_AS_OWNER) {
            return abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, address(governor));
        } else if (kind == TIMELOCK_SELF_SCHEDULE) {
            return
                abi.encodeWithSelector(
                    IAccessControl.AccessControlUnauthorizedAccount.selector,
                    address(timelock),
                    timelock.PROPOSER_ROLE()
                );
        } else {
            return abi.encodeWithSelector(TimelockController.TimelockUnauthorizedCaller.selector, address(governor));
        }
        return "";
    }

    // Parameter shaping: mostly within the bound, sometimes on it, sometimes beyond.
    function _share(uint256 param) private pure returns (uint16) {
        return uint16(param % 5 == 0 ? 2_001 + (param >> 8) % 200 : (param >> 8) % 2_001);
    }

    function _fee(uint256 param) private pure returns (uint16) {
        return uint16(param % 5 == 0 ? 1_001 + (param >> 8) % 100 : (param >> 8) % 1_001);
    }

    function _treasury(uint256 param) private view returns (address) {
        uint256 w = param % 6;
        if (w == 4) return address(0);
        if (w == 5) return address(pool);
        return w % 2 == 0 ? sys.treasury() : sys.otherTreasury();
    }

    function _sweep(uint256 param) private view returns (address to, uint256 amount) {
        to = param % 7 == 6 ? address(0) : sys.treasury();
        amount = (param >> 8) % 600 ether; // twice that exceeds what the pool holds
    }

    function _delay(uint256 param) private view returns (uint256) {
        uint256 floor = timelock.minDelayFloor();
        if (param % 7 == 0) return 30 days;
        if (param % 7 == 1) return floor;
        return floor + (param >> 8) % 2 hours;
    }

    function _badDelay(uint256 param) private view returns (uint256) {
        uint256 floor = timelock.minDelayFloor();
        if (param % 3 == 0) return 0;
        if (param % 3 == 1) return floor - 1 - (param >> 8) % floor;
        return 30 days + 1 + (param >> 8) % 365 days;
    }

    function _role(uint256 param) private view returns (bytes32) {
        uint256 w = param % 4;
        if (w == 0) return timelock.PROPOSER_ROLE();
        if (w == 1) return timelock.CANCELLER_ROLE();
        if (w == 2) return timelock.EXECUTOR_ROLE();
        return bytes32(0); // DEFAULT_ADMIN_ROLE
    }

    /// @dev Which governor setting, its value, and its bounds [deployment value, ceiling]. Within bounds the values
    /// stay small enough that later proposals still pass in a run (threshold <= 20 NUMI, quorum <= 10%).
    function _setting(
        uint256 param,
        bool outOfBounds
    ) private view returns (uint256 which, uint256 value, uint256 floor, uint256 ceiling) {
        which = param % 5;
        uint256 r = param >> 8;
        if (which == 0) (floor, ceiling, value) = (sys.VOTING_DELAY(), 30 days, sys.VOTING_DELAY() + (r % 1 hours));
        else if (which == 1) (floor, ceiling, value) = (sys.VOTING_PERIOD(), 30 days, sys.VOTING_PERIOD() + (r % 1 days));
        else if (which == 2) {
            (floor, ceiling, value) = (sys.PROPOSAL_THRESHOLD(), 210_000 ether, sys.PROPOSAL_THRESHOLD() + (r % 10 ether));
        } else if (which == 3) (floor, ceiling, value) = (sys.QUORUM_PERCENT(), 30, sys.QUORUM_PERCENT() + (r % 7));
        else (floor, ceiling, value) = (sys.LATE_QUORUM_EXTENSION(), 14 days, sys.LATE_QUORUM_EXTENSION() + (r % 1 hours));
        if (outOfBounds) value = (r % 2 == 0) ? floor - 1 : ceiling + 1 + (r % 1000); // every floor here is >= 1
    }

    // ───────────────────────────── Helpers ─────────────────────────────

    /// @dev Applies a successful call's model and records the pause history it implies.
    function _commit(Model memory next) private {
        if (next.miningPauseStart != m.miningPauseStart) {
            if (m.miningPauseEnd != 0) {
                uint256 gap = next.miningPauseStart - m.miningPauseEnd;
                if (gap < ghostMinMiningPauseGap) ghostMinMiningPauseGap = gap;
            }
            ghostMiningPauses++;
        }
        if (next.miningPauseEnd - next.miningPauseStart > ghostMaxMiningPauseLength) {
            ghostMaxMiningPauseLength = next.miningPauseEnd - next.miningPauseStart;
        }
        if (next.stakingPausedUntil != m.stakingPausedUntil) {
            if (next.stakingPausedUntil > block.timestamp) {
                // a new pause starts now
                if (m.stakingPausedUntil != 0) {
                    uint256 gap = block.timestamp - m.stakingPausedUntil;
                    if (gap < ghostMinStakingPauseGap) ghostMinStakingPauseGap = gap;
                }
                ghostStakingPauseStart = block.timestamp;
                ghostStakingPauses++;
            }
            uint256 length = next.stakingPausedUntil - ghostStakingPauseStart;
            if (length > ghostMaxStakingPauseLength) ghostMaxStakingPauseLength = length;
        }
        m = next;
    }

    function _stateError(
        uint256 id,
        IGovernor.ProposalState current,
        IGovernor.ProposalState wanted
    ) private pure returns (bytes memory) {
        return
            abi.encodeWithSelector(
                IGovernor.GovernorUnexpectedProposalState.selector,
                id,
                current,
                bytes32(1 << uint8(wanted))
            );
    }

    /// @dev GovernorTimelockControl's salt: the governor's address mixed into the description hash.
    function _salt(bytes32 descriptionHash) private view returns (bytes32) {
        return bytes20(address(governor)) ^ descriptionHash;
    }

    function _actor(uint256 seed) private view returns (address) {
        return sys.actors()[seed % 4];
    }

    /// @dev Time moves forward only; one block per jump.
    function _warpTo(uint256 timestamp) private {
        if (timestamp <= block.timestamp) return;
        vm.warp(timestamp);
        vm.roll(block.number + 1);
    }

    /// @dev Success when `expected` is empty, otherwise exactly that revert data.
    function _check(string memory action, bool ok, bytes memory returned, bytes memory expected) private pure {
        if (expected.length == 0 ? !ok : (ok || keccak256(returned) != keccak256(expected))) {
            revert UnexpectedOutcome(action, returned, expected);
        }
    }

    function _uintToString(uint256 v) private pure returns (string memory) {
        if (v == 0) return "0";
        bytes memory b;
        while (v != 0) {
            b = abi.encodePacked(bytes1(uint8(48 + (v % 10))), b);
            v /= 10;
        }
        return string(b);
    }
}
