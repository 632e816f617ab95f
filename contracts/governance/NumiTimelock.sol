// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";

/// @title NumiTimelock: owns NumiCoin and MiningPool and executes what governance passes, after a delay
/// @notice A plain OpenZeppelin TimelockController, named so deployments and explorers show what it is.
/// After deployment the governor is the only proposer and canceller, anyone may execute a ready operation,
/// and the timelock is its own (only) admin: the deployer keeps nothing.
contract NumiTimelock is TimelockController {
    /// @param minDelay Seconds between queueing and execution.
    /// @param proposers Accounts allowed to schedule and cancel (the governor, once wired).
    /// @param executors Accounts allowed to execute; address(0) means anyone.
    /// @param admin Temporary admin for wiring (renounced at the end of deployment), or address(0).
    constructor(
        uint256 minDelay,
        address[] memory proposers,
        address[] memory executors,
        address admin
    ) TimelockController(minDelay, proposers, executors, admin) {}
}
