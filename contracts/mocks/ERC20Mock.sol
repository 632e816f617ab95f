// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title ERC20Mock: a freely mintable token, for sweep tests and as a foreign staking token
contract ERC20Mock is ERC20 {
    constructor() ERC20("Mock", "MOCK") {}

    /// @notice Mints `amount` to `to`; anyone may call it (test only).
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }
}
