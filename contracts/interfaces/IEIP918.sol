// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title EIP-918 mineable token interface
/// @notice The subset of EIP-918 that existing mining software calls. A solution is valid when
/// `uint256(keccak256(abi.encodePacked(challengeNumber, minerAddress, nonce))) <= miningTarget`.
interface IEIP918 {
    /// @notice Emitted for every reward, as EIP-918 mining software expects.
    /// @param from The address that received the miner's part of the reward.
    /// @param rewardAmount The miner's part of the reward, in wei.
    /// @param epochCount The number of rewards minted so far, this one included.
    /// @param newChallengeNumber The challenge for the next epoch.
    event Mint(address indexed from, uint256 rewardAmount, uint256 epochCount, bytes32 newChallengeNumber);

    /// @notice Submits a solution found for `msg.sender`.
    /// @param nonce The nonce that solves the current challenge for `msg.sender`.
    /// @param challengeDigest keccak256(abi.encodePacked(challengeNumber, msg.sender, nonce)).
    /// @return success Always true; failures revert with a custom error.
    function mint(uint256 nonce, bytes32 challengeDigest) external returns (bool success);

    /// @notice The challenge the next solution must be computed over.
    function getChallengeNumber() external view returns (bytes32);

    /// @notice MAX_TARGET / miningTarget: how many times harder than the easiest target.
    function getMiningDifficulty() external view returns (uint256);

    /// @notice The largest digest (as uint256) accepted for the current epoch.
    function getMiningTarget() external view returns (uint256);

    /// @notice The total reward (miner's part plus pool part) of the current epoch, in wei.
    function getMiningReward() external view returns (uint256);
}
