// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title The emission schedule written out independently of contracts/libraries/Emission.sol
/// @notice A second implementation to compare against: 50 NUMI per epoch, halving every 210,000 epochs.
library Schedule {
    uint256 internal constant INITIAL_REWARD = 50 ether;
    uint256 internal constant HALVING_INTERVAL = 210_000;

    /// @notice The sum of scheduled rewards of epochs 0 .. epochs - 1, before any cap clipping.
    function scheduledSupply(uint256 epochs) internal pure returns (uint256 total) {
        uint256 reward = INITIAL_REWARD;
        while (epochs != 0 && reward != 0) {
            uint256 inEra = epochs < HALVING_INTERVAL ? epochs : HALVING_INTERVAL;
            total += inEra * reward;
            epochs -= inEra;
            reward /= 2;
        }
    }

    /// @notice The scheduled reward of `epoch` before cap clipping: 50 NUMI halved once per full era.
    function scheduledReward(uint256 epoch) internal pure returns (uint256 reward) {
        reward = INITIAL_REWARD;
        for (uint256 e = epoch / HALVING_INTERVAL; e != 0 && reward != 0; e--) reward /= 2;
    }
}
