// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {NumiCoin} from "../../../contracts/NumiCoin.sol";

/// @title A proof-of-work search in Solidity, for tests
/// @notice MAX_TARGET is 2^252 (16 hashes expected per solution), so the EVM itself can mine while the target is
/// near it. The search is bounded: a caller that gets `found == false` lets time pass so the target eases.
library PowSolver {
    /// @notice The EIP-918 digest NumiCoin checks: keccak256(challenge ‖ miner ‖ nonce), 84 packed bytes.
    function digestOf(bytes32 challenge, address miner, uint256 nonce) internal pure returns (bytes32) {
        return keccak256(abi.encodePacked(challenge, miner, nonce));
    }

    /// @notice Searches nonces start, start + 1, ... for one that solves the current challenge for `miner`.
    function solve(
        NumiCoin coin,
        address miner,
        uint256 start,
        uint256 maxTries
    ) internal view returns (bool found, uint256 nonce, bytes32 digest) {
        bytes32 challenge = coin.getChallengeNumber();
        uint256 target = coin.getMiningTarget();
        unchecked {
            for (uint256 i = 0; i < maxTries; i++) {
                nonce = start + i;
                digest = digestOf(challenge, miner, nonce);
                if (uint256(digest) <= target) return (true, nonce, digest);
            }
        }
        return (false, 0, bytes32(0));
    }
}
