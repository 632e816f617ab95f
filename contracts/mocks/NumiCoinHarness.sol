// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {NumiCoin} from "../NumiCoin.sol";

/// @title NumiCoinHarness: NumiCoin with test-only setters (never deployed outside tests)
/// @notice Lets unit tests jump to a halving boundary or to the supply cap without mining 210,000 epochs.
contract NumiCoinHarness is NumiCoin {
    constructor(
        address initialOwner,
        uint256 targetEpochTime_,
        uint256 initialTarget
    ) NumiCoin(initialOwner, targetEpochTime_, initialTarget) {}

    /// @notice Sets the number of rewards minted so far (moves the schedule to any era).
    function setEpochCount(uint64 epochs) external {
        _mining.epochCount = uint40(epochs);
    }

    /// @notice Mints outside the schedule, to put the supply right below the cap.
    function mintUnscheduled(address to, uint256 amount) external {
        _mint(to, amount);
    }
}
