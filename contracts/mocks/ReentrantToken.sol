// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title ReentrantToken: an ERC-20 that calls back into a target on its next transfer (attack mock)
/// @notice Used as the staking token (and as the pool's owner) of a test pool, to show that every state-changing
/// entry point of MiningPool refuses to be re-entered from inside a token transfer. NUMI itself has no hooks.
contract ReentrantToken is ERC20 {
    address private _target;
    bytes private _data;

    constructor() ERC20("Reentrant", "REENTER") {}

    /// @notice Mints freely (test only).
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @notice On the next transfer, call `target` with `data` (once), bubbling up any revert.
    function setHook(address target, bytes calldata data) external {
        _target = target;
        _data = data;
    }

    /// @notice Calls `target` with `data` as this contract (lets it act as the pool's owner).
    function execute(address target, bytes calldata data) external {
        // solhint-disable-next-line avoid-low-level-calls
        (bool ok, bytes memory ret) = target.call(data);
        if (!ok) _bubble(ret);
    }

    function _update(address from, address to, uint256 value) internal override {
        super._update(from, to, value);
        address target = _target;
        if (target != address(0)) {
            _target = address(0);
            // solhint-disable-next-line avoid-low-level-calls
            (bool ok, bytes memory ret) = target.call(_data);
            if (!ok) _bubble(ret);
        }
    }

    /// @dev Re-throws the callee's revert data unchanged, so the test sees the pool's own custom error.
    function _bubble(bytes memory ret) private pure {
        // solhint-disable-next-line no-inline-assembly
        assembly {
            revert(add(ret, 32), mload(ret))
        }
    }
}
