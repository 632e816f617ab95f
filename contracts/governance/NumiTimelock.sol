// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";

/// @title NumiTimelock: owns NumiCoin and MiningPool and executes what governance passes, after a delay
/// @notice An OpenZeppelin TimelockController with two guarantees that hold whatever governance later passes:
/// - the delay never goes below `minDelayFloor` (nor above MAX_DELAY), so holders always have that long to react;
/// - once `completeHandover` has run, the roles are frozen: the governor is the only proposer and canceller,
///   anyone may execute a ready operation, and nobody (the timelock itself included) can grant, revoke or
///   renounce a role again.
/// Before the handover the deployer holds temporary roles and the delay may be zero, so that the timelock can
/// accept ownership of the token and the pool; `completeHandover` refuses to run until the delay is at the floor.
/// @dev See docs/adr/0002-bounded-governance.md for why the timelock must not administer itself.
contract NumiTimelock is TimelockController {
    /// @notice The longest delay governance may set: a longer one would freeze governance in practice.
    uint256 public constant MAX_DELAY = 30 days;

    /// @notice The shortest delay governance may ever set, fixed at deployment.
    uint256 public immutable minDelayFloor;
    /// @notice Whether the handover has run; from then on no role can change.
    bool public rolesFrozen;

    /// @notice The delay is outside [minDelayFloor, MAX_DELAY].
    error DelayOutOfBounds(uint256 delay, uint256 floor, uint256 ceiling);
    /// @notice The roles are frozen since the handover.
    error RolesFrozen();
    /// @notice The governor must be a deployed contract.
    error InvalidGovernor(address governor);

    /// @notice The deployer handed the timelock over: `governor` proposes and cancels, anyone executes.
    event HandoverCompleted(address indexed governor, uint256 delay);

    /// @param minDelay Seconds between queueing and execution during wiring (0 for the deployment's handover).
    /// @param minDelayFloor_ The shortest delay governance may ever set, at most MAX_DELAY.
    /// @param proposers Accounts allowed to schedule and cancel until the handover (the deployer).
    /// @param executors Accounts allowed to execute until the handover (the deployer).
    /// @param admin Temporary admin for wiring (gives up every role in `completeHandover`), or address(0).
    constructor(
        uint256 minDelay,
        uint256 minDelayFloor_,
        address[] memory proposers,
        address[] memory executors,
        address admin
    ) TimelockController(minDelay, proposers, executors, admin) {
        if (minDelayFloor_ > MAX_DELAY) revert DelayOutOfBounds(minDelayFloor_, 0, MAX_DELAY);
        minDelayFloor = minDelayFloor_;
    }

    /// @notice Ends the wiring: grants the governor the proposer and canceller roles, opens execution to anyone,
    /// takes every role from the caller (the deployer) and freezes the roles for good. Admin only, once, and only
    /// when the delay is at least the floor.
    /// @param governor The NumiGovernor that will propose and cancel.
    function completeHandover(address governor) external onlyRole(DEFAULT_ADMIN_ROLE) {
        uint256 delay = getMinDelay();
        if (delay < minDelayFloor) revert DelayOutOfBounds(delay, minDelayFloor, MAX_DELAY);
        if (governor.code.length == 0) revert InvalidGovernor(governor);
        address deployer = _msgSender();
        _grantRole(PROPOSER_ROLE, governor);
        _grantRole(CANCELLER_ROLE, governor);
        _grantRole(EXECUTOR_ROLE, address(0));
        _revokeRole(PROPOSER_ROLE, deployer);
        _revokeRole(CANCELLER_ROLE, deployer);
        _revokeRole(EXECUTOR_ROLE, deployer);
        _revokeRole(DEFAULT_ADMIN_ROLE, deployer);
        rolesFrozen = true;
        emit HandoverCompleted(governor, delay);
    }

    /// @notice Changes the delay, within [minDelayFloor, MAX_DELAY]. Only through a timelock operation.
    /// @param newDelay The new delay in seconds.
    function updateDelay(uint256 newDelay) public override {
        if (_msgSender() != address(this)) revert TimelockUnauthorizedCaller(_msgSender());
        if (newDelay < minDelayFloor || newDelay > MAX_DELAY) {
            revert DelayOutOfBounds(newDelay, minDelayFloor, MAX_DELAY);
        }
        super.updateDelay(newDelay);
    }

    /// @dev Every grant (grantRole, the constructor, the handover) passes here: refused once frozen.
    function _grantRole(bytes32 role, address account) internal override returns (bool) {
        if (rolesFrozen) revert RolesFrozen();
        return super._grantRole(role, account);
    }

    /// @dev Every revocation (revokeRole, renounceRole, the handover) passes here: refused once frozen.
    function _revokeRole(bytes32 role, address account) internal override returns (bool) {
        if (rolesFrozen) revert RolesFrozen();
        return super._revokeRole(role, account);
    }
}
