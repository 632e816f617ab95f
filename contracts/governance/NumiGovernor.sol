// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IGovernor, Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {GovernorSettings} from "@openzeppelin/contracts/governance/extensions/GovernorSettings.sol";
import {GovernorCountingSimple} from "@openzeppelin/contracts/governance/extensions/GovernorCountingSimple.sol";
import {GovernorVotes} from "@openzeppelin/contracts/governance/extensions/GovernorVotes.sol";
// solhint-disable-next-line max-line-length
import {GovernorVotesQuorumFraction} from "@openzeppelin/contracts/governance/extensions/GovernorVotesQuorumFraction.sol";
import {GovernorTimelockControl} from "@openzeppelin/contracts/governance/extensions/GovernorTimelockControl.sol";
import {GovernorPreventLateQuorum} from "@openzeppelin/contracts/governance/extensions/GovernorPreventLateQuorum.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IMiningPool} from "../interfaces/IMiningPool.sol";

/// @title NumiGovernor: NUMI holders govern the token's and the pool's bounded parameters
/// @notice OpenZeppelin Governor with votes from NUMI checkpoints (timestamp clock, so every duration below is in
/// seconds), simple for/against/abstain counting, late-quorum protection, and a TimelockController that owns
/// NumiCoin and MiningPool and executes what passes. Three differences from the stock Governor:
/// - The quorum is a fraction of the NUMI that can vote: past total supply minus what the pool held (staked
///   NUMI and the reward reserve never vote), so a unanimous vote of every other holder always reaches it.
/// - No proposal before the supply reaches `launchSupply`: early supply is concentrated in few miners.
/// - Governance may make its own rules stricter or slower, never laxer or faster than at deployment (each
///   setting has the deployment value as its floor and a constant ceiling), and can never change its timelock.
/// @dev The governor holds no power of its own: every governed call goes through the timelock's delay, and the
/// contracts it owns expose only bounded powers (see docs/governance.md for the worst case in numbers).
contract NumiGovernor is
    Governor,
    GovernorSettings,
    GovernorCountingSimple,
    GovernorVotes,
    GovernorVotesQuorumFraction,
    GovernorPreventLateQuorum,
    GovernorTimelockControl
{
    /// @notice The deployment's governance parameters; each is also the floor governance can never go below.
    struct Params {
        uint48 votingDelay; // seconds between proposal and the voting snapshot
        uint32 votingPeriod; // seconds voting stays open
        uint48 lateQuorumExtension; // seconds voting is extended when quorum is reached late
        uint256 proposalThreshold; // votes (wei of NUMI) needed to propose
        uint256 quorumPercent; // percent of the NUMI that can vote (supply minus pool holdings)
        uint256 launchSupply; // no proposal before total supply reaches this (wei of NUMI)
    }

    /// @notice The longest voting delay governance may set.
    uint256 public constant MAX_VOTING_DELAY = 30 days;
    /// @notice The longest voting period governance may set.
    uint256 public constant MAX_VOTING_PERIOD = 30 days;
    /// @notice The highest proposal threshold governance may set: 1% of the cap.
    uint256 public constant MAX_PROPOSAL_THRESHOLD = 210_000 ether;
    /// @notice The highest quorum governance may set, in percent.
    uint256 public constant MAX_QUORUM_PERCENT = 30;
    /// @notice The longest late-quorum extension governance may set.
    uint256 public constant MAX_LATE_QUORUM_EXTENSION = 14 days;

    /// @notice The staking pool, whose holdings cannot vote and so do not count toward the quorum.
    IMiningPool public immutable pool;
    /// @notice Total supply (wei of NUMI) below which no proposal can be made.
    uint256 public immutable launchSupply;
    uint48 private immutable _minVotingDelay;
    uint32 private immutable _minVotingPeriod;
    uint256 private immutable _minProposalThreshold;
    uint256 private immutable _minQuorumPercent;
    uint48 private immutable _minLateQuorumExtension;

    /// @notice A setting outside [deployment value, ceiling].
    error SettingOutOfBounds(uint256 value, uint256 floor, uint256 ceiling);
    /// @notice Proposals open once the supply reaches `launchSupply`.
    error GovernanceNotLive(uint256 supply, uint256 launchSupply);
    /// @notice The timelock is fixed: it owns the governed contracts for good.
    error TimelockIsFixed();

    /// @param token NumiCoin (ERC-5805 votes, timestamp clock).
    /// @param timelock The timelock that owns the governed contracts.
    /// @param pool_ The staking pool (its holdings are left out of the quorum).
    /// @param p The deployment's parameters, each within its ceiling.
    constructor(
        IVotes token,
        TimelockController timelock,
        IMiningPool pool_,
        Params memory p
    )
        Governor("NumiGovernor")
        GovernorSettings(p.votingDelay, p.votingPeriod, p.proposalThreshold)
        GovernorVotes(token)
        GovernorVotesQuorumFraction(p.quorumPercent)
        GovernorPreventLateQuorum(p.lateQuorumExtension)
        GovernorTimelockControl(timelock)
    {
        _checkBounds(p.votingDelay, 0, MAX_VOTING_DELAY);
        _checkBounds(p.votingPeriod, 1, MAX_VOTING_PERIOD);
        _checkBounds(p.proposalThreshold, 0, MAX_PROPOSAL_THRESHOLD);
        _checkBounds(p.quorumPercent, 1, MAX_QUORUM_PERCENT);
        _checkBounds(p.lateQuorumExtension, 0, MAX_LATE_QUORUM_EXTENSION);
        pool = pool_;
        launchSupply = p.launchSupply;
        _minVotingDelay = p.votingDelay;
        _minVotingPeriod = p.votingPeriod;
        _minProposalThreshold = p.proposalThreshold;
        _minQuorumPercent = p.quorumPercent;
        _minLateQuorumExtension = p.lateQuorumExtension;
    }

    /// @notice The votes needed at `timepoint`: the quorum fraction of the NUMI that could vote then, i.e. past
    /// total supply minus what the pool held.
    /// @param timepoint A past timestamp (the proposal's snapshot).
    function quorum(uint256 timepoint) public view override(Governor, GovernorVotesQuorumFraction) returns (uint256) {
        uint256 canVote = token().getPastTotalSupply(timepoint) - pool.heldAt(timepoint);
        return (canVote * quorumNumerator(timepoint)) / quorumDenominator();
    }

    /// @inheritdoc IGovernor
    /// @dev Refused with GovernanceNotLive until the supply reaches `launchSupply`.
    function propose(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        string memory description
    ) public override returns (uint256) {
        uint256 supply = IERC20(address(token())).totalSupply();
        if (supply < launchSupply) revert GovernanceNotLive(supply, launchSupply);
        return super.propose(targets, values, calldatas, description);
    }

    /// @notice Sets the voting delay, within [deployment value, MAX_VOTING_DELAY]. Governance only.
    function setVotingDelay(uint48 newVotingDelay) public override {
        _checkExecutor();
        _checkBounds(newVotingDelay, _minVotingDelay, MAX_VOTING_DELAY);
        super.setVotingDelay(newVotingDelay);
    }

    /// @notice Sets the voting period, within [deployment value, MAX_VOTING_PERIOD]. Governance only.
    function setVotingPeriod(uint32 newVotingPeriod) public override {
        _checkExecutor();
        _checkBounds(newVotingPeriod, _minVotingPeriod, MAX_VOTING_PERIOD);
        super.setVotingPeriod(newVotingPeriod);
    }

    /// @notice Sets the proposal threshold, within [deployment value, MAX_PROPOSAL_THRESHOLD]. Governance only.
    function setProposalThreshold(uint256 newProposalThreshold) public override {
        _checkExecutor();
        _checkBounds(newProposalThreshold, _minProposalThreshold, MAX_PROPOSAL_THRESHOLD);
        super.setProposalThreshold(newProposalThreshold);
    }

    /// @notice Sets the quorum percent, within [deployment value, MAX_QUORUM_PERCENT]. Governance only.
    function updateQuorumNumerator(uint256 newQuorumNumerator) public override {
        _checkExecutor();
        _checkBounds(newQuorumNumerator, _minQuorumPercent, MAX_QUORUM_PERCENT);
        super.updateQuorumNumerator(newQuorumNumerator);
    }

    /// @notice Sets the late-quorum extension, within [deployment value, MAX_LATE_QUORUM_EXTENSION].
    function setLateQuorumVoteExtension(uint48 newVoteExtension) public override {
        _checkExecutor();
        _checkBounds(newVoteExtension, _minLateQuorumExtension, MAX_LATE_QUORUM_EXTENSION);
        super.setLateQuorumVoteExtension(newVoteExtension);
    }

    /// @notice Always refused: the timelock owns NumiCoin and MiningPool for good, so the governor keeps it.
    function updateTimelock(TimelockController) public pure override {
        revert TimelockIsFixed();
    }

    /// @dev The executor check of onlyGovernance, first, so that only governance ever learns a setting's bounds from
    /// a revert; super's onlyGovernance then runs in full.
    function _checkExecutor() private view {
        if (_executor() != _msgSender()) revert GovernorOnlyExecutor(_msgSender());
    }

    function _checkBounds(uint256 value, uint256 floor, uint256 ceiling) private pure {
        if (value < floor || value > ceiling) revert SettingOutOfBounds(value, floor, ceiling);
    }

    // The overrides below only resolve Solidity's multiple inheritance; they add no behaviour.

    /// @inheritdoc IGovernor
    function votingDelay() public view override(Governor, GovernorSettings) returns (uint256) {
        return super.votingDelay();
    }

    /// @inheritdoc IGovernor
    function votingPeriod() public view override(Governor, GovernorSettings) returns (uint256) {
        return super.votingPeriod();
    }

    /// @inheritdoc IGovernor
    function proposalThreshold() public view override(Governor, GovernorSettings) returns (uint256) {
        return super.proposalThreshold();
    }

    /// @inheritdoc IGovernor
    function proposalDeadline(
        uint256 proposalId
    ) public view override(Governor, GovernorPreventLateQuorum) returns (uint256) {
        return super.proposalDeadline(proposalId);
    }

    /// @inheritdoc IGovernor
    function state(uint256 proposalId) public view override(Governor, GovernorTimelockControl) returns (ProposalState) {
        return super.state(proposalId);
    }

    /// @inheritdoc IGovernor
    function proposalNeedsQueuing(
        uint256 proposalId
    ) public view override(Governor, GovernorTimelockControl) returns (bool) {
        return super.proposalNeedsQueuing(proposalId);
    }

    function _tallyUpdated(uint256 proposalId) internal override(Governor, GovernorPreventLateQuorum) {
        super._tallyUpdated(proposalId);
    }

    function _queueOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) returns (uint48) {
        return super._queueOperations(proposalId, targets, values, calldatas, descriptionHash);
    }

    function _executeOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) {
        super._executeOperations(proposalId, targets, values, calldatas, descriptionHash);
    }

    function _cancel(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) returns (uint256) {
        return super._cancel(targets, values, calldatas, descriptionHash);
    }

    function _executor() internal view override(Governor, GovernorTimelockControl) returns (address) {
        return super._executor();
    }
}
