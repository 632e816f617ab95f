// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";

/// @title HandoverOwnable: ownership that moves once, from the deployer to governance, and stays there
/// @notice Ownable2Step with two powers removed. Ownership can be handed over exactly once (the deployer proposes,
/// the governance timelock accepts); after that no transfer can even be started, and ownership can never be
/// renounced. So a captured governance cannot give the contract away or leave it ownerless, and nobody can
/// take it from governance. See docs/adr/0002-bounded-governance.md.
abstract contract HandoverOwnable is Ownable2Step {
    /// @notice Ownership was already handed over (or renouncing was attempted): it can no longer move.
    error OwnershipIsFinal();

    /// @notice Whether the one handover has happened; from then on the owner never changes.
    bool public ownershipFinal;

    /// @notice Starts the one handover; the new owner must accept. Refused once the handover is done.
    /// @param newOwner The governance timelock (checked by the deployment, which verifies the result).
    function transferOwnership(address newOwner) public override onlyOwner {
        if (ownershipFinal) revert OwnershipIsFinal();
        super.transferOwnership(newOwner);
    }

    /// @notice Always refused: a contract with governed powers must never be left without its governor.
    function renounceOwnership() public view override onlyOwner {
        revert OwnershipIsFinal();
    }

    /// @dev Ownable's constructor sets the first owner (from the zero address); the next change is the handover.
    function _transferOwnership(address newOwner) internal override {
        if (owner() != address(0)) ownershipFinal = true;
        super._transferOwnership(newOwner);
    }
}
