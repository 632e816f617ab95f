// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {NumiCoin} from "../../../contracts/NumiCoin.sol";

/// @title A proof-of-work search in Solidity, for tests
/// @notice MAX_TARGET is 2^252 (16 hashes expected per solution), so the EVM itself can mine while the target is
/// near it. The search is bounded: a caller that gets `found == false` lets time pass so the target eases.
library PowSolver {
    /// @notice The EIP-918 digest NumiCoin checks: keccak256(challenge ‖ miner ‖ nonce), 84 packed bytes.
    /// @dev Hashed in scratch memory past the free-memory pointer, which is left where it is: abi.encodePacked would
    /// allocate 84 bytes per try, and a search of a few hundred thousand tries then runs out of gas on memory
    /// expansion alone (MemoryOOG), which a hard target with an unlucky challenge needs.
    function digestOf(bytes32 challenge, address miner, uint256 nonce) internal pure returns (bytes32 digest) {
        assembly ("memory-safe") {
            let p := mload(0x40)
            mstore(p, challenge)
            mstore(add(p, 0x20), shl(96, miner)) // the address's 20 bytes; the nonce overwrites the padding
            mstore(add(p, 0x34), nonce)
            digest := keccak256(p, 0x54)
        }
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
