// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";

/// @title OZVotesTokenReference: plain OpenZeppelin 5 ERC20 + Permit + Votes, the gas reference for NUMI transfers
/// @notice Measured by test/gas/gasScenarios.ts in exactly NUMI's scenarios (same accounts, amounts and balances),
/// so the comparison isolates what NumiCoin itself adds.
contract OZVotesTokenReference is ERC20, ERC20Permit, ERC20Votes {
    constructor() ERC20("Reference", "REF") ERC20Permit("Reference") {}

    /// @notice Mints freely (test only).
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @inheritdoc ERC20Permit
    function nonces(address owner) public view override(ERC20Permit, Nonces) returns (uint256) {
        return super.nonces(owner);
    }

    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Votes) {
        super._update(from, to, value);
    }
}
