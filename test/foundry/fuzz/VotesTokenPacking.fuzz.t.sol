// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {NumiVotesTokenMock} from "../../../contracts/mocks/NumiVotesTokenMock.sol";
import {NumiVotesToken} from "../../../contracts/token/NumiVotesToken.sol";
import {vm} from "../utils/Vm.sol";
import {TestBase} from "../utils/TestBase.sol";

/// @title Fuzz: NumiVotesToken's packed account slot (uint96 balance | delegate << 96) and its bound
/// @notice The slot is read raw (vm.load) and must hold exactly (balance, delegate) after any mint, delegation and
/// transfer, with neither field spilling into the other, up to the bound totalSupply <= 2^88 - 1 and at it.
contract VotesTokenPackingFuzzTest is TestBase {
    uint256 private constant MAX_SAFE_SUPPLY = type(uint88).max;
    /// @dev `_accounts` is slot 3 (EIP712's two fallback strings, then Nonces' mapping): `forge inspect
    /// NumiVotesTokenMock storageLayout`.
    uint256 private constant ACCOUNTS_SLOT = 3;

    NumiVotesTokenMock private token;

    function setUp() public {
        token = new NumiVotesTokenMock("NumiCoin", "NUMI");
    }

    function _slot(address account) private view returns (uint256 balance, address delegatee, uint256 raw) {
        raw = uint256(vm.load(address(token), keccak256(abi.encode(account, ACCOUNTS_SLOT))));
        balance = uint96(raw);
        delegatee = address(uint160(raw >> 96));
    }

    function _expectSlot(address account, uint256 balance, address delegatee, string memory what) private view {
        (uint256 b, address d, uint256 raw) = _slot(account);
        assertEq(b, balance, what);
        assertEq(uint160(d), uint160(delegatee), what);
        assertEq(raw, (uint256(uint160(delegatee)) << 96) | balance, what); // nothing else in the slot
        assertEq(token.balanceOf(account), balance, "balanceOf reads the low 96 bits");
        assertEq(uint160(token.delegates(account)), uint160(delegatee), "delegates reads the high 160 bits");
    }

    /// @notice Any balance up to the bound and any delegate (all-ones addresses included) share the slot intact,
    /// through delegation, a transfer and a re-delegation, in either order.
    function testFuzz_balanceAndDelegateShareTheSlot(
        address a,
        address b,
        address delegateA,
        address delegateB,
        uint256 minted,
        uint256 moved,
        bool delegateFirst
    ) public {
        vm.assume(a != address(0) && b != address(0) && a != b);
        minted = bound(minted, 0, MAX_SAFE_SUPPLY);
        moved = bound(moved, 0, minted);
        if (delegateFirst) {
            vm.prank(a);
            token.delegate(delegateA);
            _expectSlot(a, 0, delegateA, "delegate before any balance");
        }
        token.mint(a, minted);
        if (!delegateFirst) {
            _expectSlot(a, minted, address(0), "minted, no delegate");
            vm.prank(a);
            token.delegate(delegateA);
        }
        _expectSlot(a, minted, delegateA, "minted and delegated");
        vm.prank(b);
        token.delegate(delegateB);
        vm.prank(a);
        token.transfer(b, moved);
        _expectSlot(a, minted - moved, delegateA, "sender after transfer");
        _expectSlot(b, moved, delegateB, "receiver after transfer");
        vm.prank(b);
        token.delegate(delegateA);
        _expectSlot(b, moved, delegateA, "re-delegated");
        if (delegateA != address(0)) assertEq(token.getVotes(delegateA), minted, "all votes with delegateA");
    }

    /// @notice At the bound: the supply reaches 2^88 - 1 exactly, one more unit reverts with OZ's
    /// ERC20ExceededSafeSupply(2^88, 2^88 - 1), and the whole supply moves and votes without overflow.
    function testFuzz_boundIsReachableAndEnforced(address a, address b, address d, uint256 split) public {
        vm.assume(a != address(0) && b != address(0) && a != b && d != address(0));
        split = bound(split, 0, MAX_SAFE_SUPPLY);
        token.mint(a, split);
        token.mint(b, MAX_SAFE_SUPPLY - split);
        assertEq(token.totalSupply(), MAX_SAFE_SUPPLY, "supply at the bound");
        vm.expectRevert(
            abi.encodeWithSelector(NumiVotesToken.ERC20ExceededSafeSupply.selector, MAX_SAFE_SUPPLY + 1, MAX_SAFE_SUPPLY)
        );
        token.mint(a, 1);
        vm.prank(b);
        token.transfer(a, MAX_SAFE_SUPPLY - split);
        _expectSlot(a, MAX_SAFE_SUPPLY, address(0), "the whole supply in one balance");
        _expectSlot(b, 0, address(0), "emptied");
        vm.prank(a);
        token.delegate(d);
        _expectSlot(a, MAX_SAFE_SUPPLY, d, "the whole supply delegated");
        assertEq(token.getVotes(d), MAX_SAFE_SUPPLY, "votes at the bound");
        vm.prank(a);
        token.transfer(a, MAX_SAFE_SUPPLY); // a self-transfer of everything leaves the slot as it was
        _expectSlot(a, MAX_SAFE_SUPPLY, d, "self-transfer at the bound");
    }
}
