// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {NumiVotesTokenMock} from "../../../contracts/mocks/NumiVotesTokenMock.sol";
import {OZVotesTimestampReference} from "../../../contracts/mocks/OZVotesTimestampReference.sol";
import {TestBase} from "../utils/TestBase.sol";
import {VotesTokenDiffHandler} from "./handlers/VotesTokenDiffHandler.sol";

/// @title Differential invariants: NumiVotesToken behaves exactly like OZ ERC20 + ERC20Permit + ERC20Votes
/// @notice Foundry calls random sequences of VotesTokenDiffHandler actions (mint, transfer, transferFrom, approve,
/// permit, delegate, delegateBySig, time passing, lookups, and the internal transfer/approve with a zero sender or
/// owner); each action must give both tokens the same outcome, revert data and events. After every call the whole
/// observable state must be identical: total supply, and for every address (address(0) included) balance, delegate,
/// votes, nonce, every vote checkpoint, every allowance, and past votes and past total supply at every timepoint
/// the run has seen. The reference is OZ's own code configured as NumiCoin is (timestamp clock, cap 2^88 - 1).
/// Run: `npm run test:invariant` (CI profile) or `npm run test:invariant:deep`.
contract VotesTokenDiffInvariants is TestBase {
    VotesTokenDiffHandler private handler;
    NumiVotesTokenMock private token;
    OZVotesTimestampReference private ref;

    function setUp() public {
        handler = new VotesTokenDiffHandler();
        token = handler.token();
        ref = handler.ref();
    }

    /// @notice Foundry fuzzes only the handler.
    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    /// @notice One campaign checks all three comparisons after every call (one campaign per invariant_ function
    /// would run the same random sequences three times).
    function invariant_identicalState() public view {
        _sameAccounts();
        _sameAllowances();
        _samePast();
    }

    /// @dev Same total supply, and per address the same balance, delegate, votes, nonce and checkpoints.
    function _sameAccounts() private view {
        handler.sameView(abi.encodeCall(token.totalSupply, ()), "totalSupply");
        address[6] memory addrs = handler.addrs();
        for (uint256 i = 0; i < addrs.length; i++) {
            address a = addrs[i];
            handler.sameView(abi.encodeCall(token.balanceOf, (a)), "balanceOf");
            handler.sameView(abi.encodeCall(token.delegates, (a)), "delegates");
            handler.sameView(abi.encodeCall(token.getVotes, (a)), "getVotes");
            handler.sameView(abi.encodeCall(token.nonces, (a)), "nonces");
            handler.sameView(abi.encodeCall(token.numCheckpoints, (a)), "numCheckpoints");
            uint32 n = token.numCheckpoints(a);
            // Every checkpoint, and the first position past the end (both revert alike).
            for (uint32 pos = 0; pos <= n; pos++) handler.sameView(abi.encodeCall(token.checkpoints, (a, pos)), "ckpt");
        }
    }

    /// @dev Same allowance for every (owner, spender) pair.
    function _sameAllowances() private view {
        address[6] memory addrs = handler.addrs();
        for (uint256 i = 0; i < addrs.length; i++) {
            for (uint256 j = 0; j < addrs.length; j++) {
                handler.sameView(abi.encodeCall(token.allowance, (addrs[i], addrs[j])), "allowance");
            }
        }
    }

    /// @dev Same past votes and past total supply at every timepoint seen (the present one refused alike).
    function _samePast() private view {
        address[6] memory addrs = handler.addrs();
        uint256[] memory tps = handler.timepoints();
        for (uint256 t = 0; t < tps.length; t++) {
            handler.sameView(abi.encodeCall(token.getPastTotalSupply, (tps[t])), "getPastTotalSupply");
            for (uint256 i = 0; i < addrs.length; i++) {
                handler.sameView(abi.encodeCall(token.getPastVotes, (addrs[i], tps[t])), "getPastVotes");
            }
        }
    }

    /// @notice After each run, the mix of outcomes (shown with -vv): both successes and refusals must occur.
    function afterInvariant() public view {
        _log("calls that succeeded on both", handler.ghostSucceeded());
        _log("calls that reverted alike on both", handler.ghostReverted());
        _log("permit", handler.calls("permit"));
        _log("delegateBySig", handler.calls("delegateBySig"));
    }

    /// @notice Same metadata, clock and EIP-712 domain (all but the verifying contract, which is each token's own).
    function test_sameMetadataClockAndDomain() public view {
        handler.sameView(abi.encodeCall(token.name, ()), "name");
        handler.sameView(abi.encodeCall(token.symbol, ()), "symbol");
        handler.sameView(abi.encodeCall(token.decimals, ()), "decimals");
        handler.sameView(abi.encodeCall(token.clock, ()), "clock");
        handler.sameView(abi.encodeCall(token.CLOCK_MODE, ()), "CLOCK_MODE");
        (bytes1 fA, string memory nA, string memory vA, uint256 cA, address wA, bytes32 sA, uint256[] memory eA) = token
            .eip712Domain();
        (bytes1 fB, string memory nB, string memory vB, uint256 cB, address wB, bytes32 sB, uint256[] memory eB) = ref
            .eip712Domain();
        assertTrue(fA == fB && keccak256(bytes(nA)) == keccak256(bytes(nB)), "domain fields and name");
        assertTrue(keccak256(bytes(vA)) == keccak256(bytes(vB)) && cA == cB && sA == sB, "version, chain, salt");
        assertTrue(wA == address(token) && wB == address(ref) && eA.length == eB.length, "verifying contract");
    }
}
