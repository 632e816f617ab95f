// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {NumiVotesToken} from "../token/NumiVotesToken.sol";

/// @title NumiVotesTokenMock: NumiVotesToken with a free mint (test only, never deployed)
/// @notice The token under test in the differential suite (test/foundry/fuzz/VotesToken.diff.t.sol) and the Hardhat
/// tests of the bound (test/token/), where the supply must reach MAX_SAFE_SUPPLY without mining.
contract NumiVotesTokenMock is NumiVotesToken {
    constructor(string memory name_, string memory symbol_) NumiVotesToken(name_, symbol_) {}

    /// @notice Mints freely (test only).
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @notice Calls the internal `_transfer` with any sender, to reach its zero-sender check (test only).
    function transferInternal(address from, address to, uint256 amount) external {
        _transfer(from, to, amount);
    }

    /// @notice Calls the internal `_approve` with any owner, to reach its zero-approver check (test only).
    function approveInternal(address owner, address spender, uint256 amount) external {
        _approve(owner, spender, amount);
    }
}
