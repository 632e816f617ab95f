// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {NumiVotesTokenMock} from "../../../contracts/mocks/NumiVotesTokenMock.sol";
import {ERC20Mock} from "../../../contracts/mocks/ERC20Mock.sol";
import {MiningPool} from "../../../contracts/MiningPool.sol";
import {vm} from "../utils/Vm.sol";
import {TestBase} from "../utils/TestBase.sol";

/// @title Fuzz: the bounds of the packed checkpoints (PackedCheckpoints) where NumiVotesToken and MiningPool use them
/// @notice Timestamps: both checkpoint at 2^40 - 1 (the year 36812) and refuse at any later 48-bit time with OZ's
/// SafeCastOverflowedUintDowncast(40, t). The token's raw total-supply trace holds two checkpoints per slot.
/// (Values: the token's supply bound 2^88 - 1 is in VotesTokenPacking.fuzz.t.sol; the pool's in
/// test/MiningPool/pool.test.ts, "checkpoints holdings up to 2^88 - 1".)
contract CheckpointBoundsFuzzTest is TestBase {
    uint256 private constant MAX_KEY = 2 ** 40 - 1;
    /// @dev NumiVotesToken's `_totalCheckpoints` (`forge inspect NumiVotesTokenMock storageLayout`): after EIP712's
    /// two strings (0, 1), Nonces (2), `_accounts` (3), `_allowances` (4) and `_delegateCheckpoints` (5).
    uint256 private constant TOTAL_CHECKPOINTS_SLOT = 6;

    /// @notice The token checkpoints supply and votes at 2^40 - 1 and refuses any later timestamp below 2^48.
    function testFuzz_tokenTimestampBound(uint256 later, uint256 amount) public {
        NumiVotesTokenMock token = new NumiVotesTokenMock("NumiCoin", "NUMI");
        amount = bound(amount, 1, type(uint88).max - 1);
        token.delegate(address(this));
        vm.warp(MAX_KEY);
        token.mint(address(this), amount);
        assertEq(token.checkpoints(address(this), 0)._key, MAX_KEY, "vote checkpoint at the bound");
        assertEq(token.getVotes(address(this)), amount, "votes at the bound");
        uint256 t = bound(later, MAX_KEY + 1, type(uint48).max);
        vm.warp(t);
        vm.expectRevert(abi.encodeWithSelector(SafeCast.SafeCastOverflowedUintDowncast.selector, 40, t));
        token.mint(address(this), 1);
        vm.expectRevert(abi.encodeWithSelector(SafeCast.SafeCastOverflowedUintDowncast.selector, 40, t));
        token.transfer(address(1), 1); // moves votes: a checkpoint too
        token.approve(address(1), 1); // no checkpoint: unaffected
        assertEq(token.getPastTotalSupply(MAX_KEY), amount, "lookups still answer");
    }

    /// @notice The pool checkpoints what it holds at 2^40 - 1 and refuses a stake at any later 48-bit timestamp.
    function testFuzz_poolTimestampBound(uint256 later) public {
        ERC20Mock token = new ERC20Mock();
        MiningPool pool = new MiningPool(address(token), address(this), 7 days, address(0xFEE));
        token.mint(address(this), 2 ether);
        token.approve(address(pool), 2 ether);
        vm.warp(MAX_KEY);
        pool.stake(1 ether);
        vm.warp(MAX_KEY + 1);
        assertEq(pool.heldAt(MAX_KEY), 1 ether, "held at the bound");
        uint256 t = bound(later, MAX_KEY + 1, type(uint48).max);
        vm.warp(t);
        vm.expectRevert(abi.encodeWithSelector(SafeCast.SafeCastOverflowedUintDowncast.selector, 40, t));
        pool.stake(1 ether);
    }

    /// @notice The token's total-supply checkpoints, read raw: slot 6 counts them; they sit two per word from
    /// keccak256(6) (supply << 40 | timestamp, even positions low, odd high).
    function testFuzz_tokenSupplyCheckpointsShareSlots(uint256 a, uint256 b, uint256 c, uint256 t0) public {
        NumiVotesTokenMock token = new NumiVotesTokenMock("NumiCoin", "NUMI");
        a = bound(a, 0, 2 ** 86);
        b = bound(b, 0, 2 ** 86);
        c = bound(c, 0, 2 ** 86);
        t0 = bound(t0, 1, MAX_KEY - 2);
        vm.warp(t0);
        token.mint(address(this), a);
        vm.warp(t0 + 1);
        token.mint(address(this), b);
        vm.warp(t0 + 2);
        token.mint(address(this), c);
        token.mint(address(this), 0); // the same second: overwrites the third
        uint256 data = uint256(keccak256(abi.encode(TOTAL_CHECKPOINTS_SLOT)));
        assertEq(uint256(vm.load(address(token), bytes32(TOTAL_CHECKPOINTS_SLOT))), 3, "three checkpoints");
        uint256 w0 = t0 | (a << 40) | (((t0 + 1) | ((a + b) << 40)) << 128);
        assertEq(uint256(vm.load(address(token), bytes32(data))), w0, "first two in one word");
        assertEq(uint256(vm.load(address(token), bytes32(data + 1))), (t0 + 2) | ((a + b + c) << 40), "third");
        assertEq(token.totalSupply(), a + b + c, "supply is the latest checkpoint");
    }
}
