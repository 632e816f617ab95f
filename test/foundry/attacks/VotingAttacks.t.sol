// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC5805} from "@openzeppelin/contracts/interfaces/IERC5805.sol";
import {Votes} from "@openzeppelin/contracts/governance/utils/Votes.sol";
import {vm} from "../utils/Vm.sol";
import {NumiFixture} from "../utils/NumiFixture.sol";

/// @title Attacks on voting power, each shown impossible (audits/README.md, "Attack classes")
/// @notice Votes are ERC-5805 checkpoints on a timestamp clock; governance reads them at a past snapshot.
contract VotingAttacksTest is NumiFixture {
    address private alice = address(0xA11CE);
    address private bob = address(0xB0B);
    address private carol = address(0xCA201);

    function setUp() public override {
        super.setUp();
        _mineUntil(alice, 100 ether);
        _mineUntil(bob, 10 ether);
        vm.prank(alice);
        coin.delegate(alice);
        vm.prank(bob);
        coin.delegate(bob);
        vm.warp(block.timestamp + 1);
    }

    /// @notice Moving tokens (into the pool, or to a friend who delegates) moves their votes: the same NUMI
    /// never counts twice at any timepoint, and staked NUMI (held by the pool, undelegated) counts for nobody.
    function test_movingTokensOrStakeNeverDoublesVotes() public {
        uint256 t0 = block.timestamp - 1; // final: nothing can be written at a past timestamp
        uint256 aliceVotes = coin.getVotes(alice);
        assertEq(coin.getPastVotes(alice, t0), aliceVotes, "setup's votes");
        _stake(alice, 40 ether);
        assertEq(coin.getVotes(alice), aliceVotes - 40 ether, "staked NUMI leaves the staker's votes");
        assertEq(coin.getVotes(address(pool)), 0, "and the pool never votes");
        vm.prank(alice);
        coin.transfer(carol, 30 ether);
        vm.prank(carol);
        coin.delegate(carol);
        vm.warp(block.timestamp + 1);
        uint256 t1 = block.timestamp - 1;
        for (uint256 i = 0; i < 2; i++) {
            uint256 t = i == 0 ? t0 : t1;
            uint256 sum = coin.getPastVotes(alice, t) + coin.getPastVotes(bob, t) + coin.getPastVotes(carol, t);
            assertLe(sum, coin.getPastTotalSupply(t), "all votes together <= supply at every timepoint");
        }
        assertEq(coin.getPastVotes(alice, t0), aliceVotes, "history at t0 is final");
        assertEq(coin.getPastVotes(carol, t1), 30 ether, "carol votes only what she holds");
        assertEq(coin.getPastVotes(alice, t1), aliceVotes - 70 ether, "alice lost what she staked and sent");
    }

    /// @notice Flash-loan voting: tokens borrowed (and returned) after a snapshot add nothing at that snapshot;
    /// borrowed and returned within the same second they net to zero even at that second.
    function test_votesAcquiredAfterSnapshotCountForNothing() public {
        uint256 snapshot = block.timestamp - 1;
        uint256 bobVotes = coin.getPastVotes(bob, snapshot);
        assertEq(bobVotes, coin.balanceOf(bob), "bob votes his own balance");
        // Bob "borrows" alice's tokens (self-delegated already), and returns them.
        vm.prank(alice);
        coin.transfer(bob, 90 ether);
        assertEq(coin.getPastVotes(bob, snapshot), bobVotes, "the snapshot is unchanged by the loan");
        vm.prank(bob);
        coin.transfer(alice, 90 ether);
        uint256 loanTime = block.timestamp;
        vm.warp(block.timestamp + 1);
        assertEq(coin.getPastVotes(bob, loanTime), bobVotes, "borrowed and repaid in one second: nets to zero");
        // The present (and future) cannot be read as a snapshot: it could still change within this second.
        vm.expectRevert(abi.encodeWithSelector(Votes.ERC5805FutureLookup.selector, block.timestamp, block.timestamp));
        IERC5805(address(coin)).getPastVotes(bob, block.timestamp);
    }
}
