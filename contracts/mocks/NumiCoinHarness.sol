// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {NumiCoin} from "../NumiCoin.sol";
import {NumiVotesToken} from "../token/NumiVotesToken.sol";

/// @title NumiCoinHarness: NumiCoin with test-only setters (never deployed outside tests)
/// @notice Lets unit tests jump to a halving boundary without mining 210,000 epochs, and fund accounts without
/// mining. Its supply is NumiCoin's (the schedule's sum over the epoch count) plus what `mintUnscheduled` added,
/// which NumiVotesToken checkpoints as any OZ token does.
contract NumiCoinHarness is NumiCoin {
    constructor(
        address initialOwner,
        uint256 targetEpochTime_,
        uint256 initialTarget
    ) NumiCoin(initialOwner, targetEpochTime_, initialTarget) {}

    /// @notice Sets the number of rewards minted so far (moves the schedule to any era). The supply moves with it,
    /// as if the skipped epochs had been mined at time 0 by nobody.
    function setEpochCount(uint64 epochs) external {
        _mining.epochCount = uint40(epochs);
    }

    /// @notice Mints outside the schedule (test only): funds accounts without mining.
    function mintUnscheduled(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @notice Writes `c` with NumiCoin's one-SSTORE `_storeClock`, for the round-trip test of its packing.
    function storeClock(MiningClock calldata c) external {
        _storeClock(c);
    }

    /// @notice The clock as Solidity reads the packed slot.
    function clockState() external view returns (MiningClock memory) {
        return _mining;
    }

    /// @notice The schedule's sum plus the unscheduled mints.
    function totalSupply() public view override returns (uint256) {
        return NumiCoin.totalSupply() + NumiVotesToken.totalSupply();
    }

    /// @dev The schedule's sum at `timepoint` plus the unscheduled mints checkpointed by then.
    function _pastTotalSupply(uint48 timepoint) internal view override returns (uint256) {
        return NumiCoin._pastTotalSupply(timepoint) + NumiVotesToken._pastTotalSupply(timepoint);
    }
}
