// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";

/// @title OZVotesTimestampReference: plain OpenZeppelin 5 ERC20 + Permit + Votes configured as NumiVotesToken
/// @notice The reference of the differential suite (test/foundry/fuzz/VotesToken.diff.t.sol). It differs from
/// OZVotesTokenReference (the gas reference) only through OZ's own hooks: a timestamp clock (as NumiCoin) and
/// `_maxSupply()` = 2^88 - 1 (the bound of NumiVotesToken's packed balances), and a name chosen by the test.
contract OZVotesTimestampReference is ERC20, ERC20Permit, ERC20Votes {
    constructor(string memory name_, string memory symbol_) ERC20(name_, symbol_) ERC20Permit(name_) {}

    /// @notice Mints freely (test only).
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @notice Calls the internal `_transfer` with any sender, as NumiVotesTokenMock does (test only).
    function transferInternal(address from, address to, uint256 amount) external {
        _transfer(from, to, amount);
    }

    /// @notice Calls the internal `_approve` with any owner, as NumiVotesTokenMock does (test only).
    function approveInternal(address owner, address spender, uint256 amount) external {
        _approve(owner, spender, amount);
    }

    /// @notice Timestamp clock, as NumiCoin.
    function clock() public view override returns (uint48) {
        return uint48(block.timestamp);
    }

    /// @notice ERC-6372 description of the timestamp clock.
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() public pure override returns (string memory) {
        return "mode=timestamp";
    }

    /// @inheritdoc ERC20Permit
    function nonces(address owner) public view override(ERC20Permit, Nonces) returns (uint256) {
        return super.nonces(owner);
    }

    function _maxSupply() internal pure override returns (uint256) {
        return type(uint88).max;
    }

    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Votes) {
        super._update(from, to, value);
    }
}
