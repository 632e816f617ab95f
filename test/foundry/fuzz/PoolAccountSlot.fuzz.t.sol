// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MiningPool} from "../../../contracts/MiningPool.sol";
import {ERC20Mock} from "../../../contracts/mocks/ERC20Mock.sol";
import {vm} from "../utils/Vm.sol";
import {TestBase} from "../utils/TestBase.sol";

/// @title Fuzz: MiningPool's one slot per account (staked 85 bits, rewards 85 bits, paid reward per token mod 2^86)
/// @notice Over a freely mintable token, so that stakes and arrivals span the whole 85-bit range, and with reward
/// per token started anywhere below 2^104 (written into the stream slot), so that the stored checkpoint wraps
/// modulo 2^86, and reward per token itself modulo 2^104, at arbitrary points. The slot must decode to the stake,
/// the rewards and the checkpoint, and every account must be credited exactly
/// stake * (reward per token now - at its last settlement, modulo 2^104) / 1e18.
contract PoolAccountSlotFuzzTest is TestBase {
    uint256 private constant STREAM_SLOT = 2; // `_stream`: reward per token (mod 2^104) in the low 104 bits
    uint256 private constant ACCOUNTS_SLOT = 5; // `_accounts`
    uint256 private constant AMOUNT_MASK = (1 << 85) - 1;
    uint256 private constant DURATION = 1 hours;

    ERC20Mock private token;
    MiningPool private pool;
    address private alice = address(0xA1);
    address private bob = address(0xB0);

    function setUp() public {
        token = new ERC20Mock();
        pool = new MiningPool(address(token), address(this), DURATION, address(0x7EA5));
    }

    function _stake(address account, uint256 amount) private {
        token.mint(account, amount);
        vm.startPrank(account);
        token.approve(address(pool), amount);
        pool.stake(amount);
        vm.stopPrank();
    }

    function _word(address account) private view returns (uint256) {
        return uint256(vm.load(address(pool), keccak256(abi.encode(account, ACCOUNTS_SLOT))));
    }

    /// @dev What reward per token gained from `from` to `to`, both kept modulo 2^104.
    function _since(uint256 to, uint256 from) private pure returns (uint256) {
        unchecked {
            return (to - from) % 2 ** 104;
        }
    }

    function testFuzz_accountSlotPacksAndCreditsAcrossAnyWrap(
        uint256 start,
        uint256 stakeA,
        uint256 stakeB,
        uint256 arrival,
        uint256 gap1,
        uint256 gap2
    ) public {
        // Half the runs start within 2^86 below 2^104, so that reward per token itself wraps in many of them.
        start = bound(start, 0, 2 ** 105 - 1);
        if (start >= 2 ** 104) start = 2 ** 104 - 1 - (start % 2 ** 86);
        stakeA = bound(stakeA, pool.MIN_STAKE(), 2 ** 83);
        stakeB = bound(stakeB, pool.MIN_STAKE(), 2 ** 83);
        arrival = bound(arrival, 1, 2 ** 85 - 1 - stakeA - stakeB); // the reward reserve stays below 2^85
        gap1 = bound(gap1, 0, DURATION);
        gap2 = bound(gap2, 0, 2 * DURATION);
        vm.store(address(pool), bytes32(STREAM_SLOT), bytes32(start));
        assertEq(pool.rewardPerToken(), start, "reward per token starts where written");

        _stake(alice, stakeA);
        _stake(bob, stakeB);
        uint256 word = _word(alice);
        assertEq(word & AMOUNT_MASK, stakeA, "staked in bits 0-84");
        assertEq((word >> 85) & AMOUNT_MASK, 0, "no rewards yet in bits 85-169");
        assertEq(word >> 170, start % 2 ** 86, "the checkpoint modulo 2^86 in bits 170-255");

        token.mint(address(pool), arrival);
        pool.sync();
        vm.warp(block.timestamp + gap1);
        uint256 bobEarned = pool.earned(bob);
        uint256 rptAtBob = pool.rewardPerToken();
        assertEq(bobEarned, (stakeB * _since(rptAtBob, start)) / 1e18, "bob's credit, exact");
        if (bobEarned != 0) {
            vm.prank(bob);
            pool.claim(); // bob's checkpoint moves to rptAtBob, possibly past a multiple of 2^86
            assertEq(token.balanceOf(bob), bobEarned, "claim pays what earned showed");
        }
        word = _word(bob);
        assertEq(word & AMOUNT_MASK, stakeB, "bob's stake kept");
        assertEq((word >> 85) & AMOUNT_MASK, 0, "bob's rewards paid out");
        if (bobEarned != 0) assertEq(word >> 170, rptAtBob % 2 ** 86, "bob's checkpoint modulo 2^86");

        vm.warp(block.timestamp + gap2);
        uint256 rpt = pool.rewardPerToken();
        uint256 aliceEarned = pool.earned(alice);
        assertEq(aliceEarned, (stakeA * _since(rpt, start)) / 1e18, "alice's credit across any wrap, exact");
        uint256 bobSettledAt = bobEarned != 0 ? rptAtBob : start;
        uint256 bobPending = pool.earned(bob);
        assertEq(bobPending, (stakeB * _since(rpt, bobSettledAt)) / 1e18, "bob's credit since his checkpoint, exact");

        vm.prank(alice);
        pool.exit();
        vm.prank(bob);
        pool.exit();
        assertEq(token.balanceOf(alice), stakeA + aliceEarned, "alice's exit pays stake and every earned wei");
        assertEq(token.balanceOf(bob), stakeB + bobEarned + bobPending, "bob's exit pays the rest");
        assertEq(_word(alice), 0, "an exit clears the slot");
        assertEq(_word(bob), 0, "an exit clears the slot");
        assertLe(pool.poolState().rewardReserve, token.balanceOf(address(pool)), "solvent");
    }
}
