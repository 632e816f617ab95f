// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {NumiCoin} from "../../../contracts/NumiCoin.sol";
import {NumiCoinHarness} from "../../../contracts/mocks/NumiCoinHarness.sol";
import {vm} from "../utils/Vm.sol";
import {TestBase} from "../utils/TestBase.sol";
import {PowSolver} from "../utils/PowSolver.sol";

/// @title Fuzz: NumiCoin's hand-packed mining state (docs/adr/0012-supply-from-epochs.md)
/// @notice The clock written in one SSTORE reads back field by field exactly as Solidity's own packing; the reward
/// times (six per word) give the supply at the end of every second, whatever the gaps between rewards.
contract MiningStatePackingFuzzTest is TestBase {
    uint256 private constant REWARD = 50 ether;
    address private constant MINER = address(0x111);

    NumiCoinHarness private coin;

    function setUp() public {
        coin = new NumiCoinHarness(address(this), 60, 2 ** 252);
    }

    /// @notice Every field survives `_storeClock` and Solidity's read of the slot, at any value of its width.
    function testFuzz_clockRoundTrip(NumiCoin.MiningClock calldata c) public {
        coin.storeClock(c);
        NumiCoin.MiningClock memory back = coin.clockState();
        assertEq(back.epochCount, c.epochCount, "epochCount");
        assertEq(back.epochStart, c.epochStart, "epochStart");
        assertEq(back.lastRewardBlock, c.lastRewardBlock, "lastRewardBlock");
        assertEq(back.poolShareBps, c.poolShareBps, "poolShareBps");
        assertEq(back.pauseStart, c.pauseStart, "pauseStart");
        assertEq(back.pauseEnd, c.pauseEnd, "pauseEnd");
        assertEq(back.target, c.target, "target");
    }

    /// @notice After up to 20 rewards at random gaps (1 s to a day), getPastTotalSupply is the number of rewards
    /// minted by each second times the reward, just before, at and after every reward time.
    function testFuzz_pastSupplyFromRewardTimes(uint256 seed, uint8 count) public {
        uint256 n = 1 + (uint256(count) % 20);
        uint256[] memory times = new uint256[](n);
        uint256 t = block.timestamp;
        for (uint256 i = 0; i < n; i++) {
            t += 1 + (uint256(keccak256(abi.encode(seed, i))) % 1 days);
            vm.warp(t);
            vm.roll(block.number + 1);
            (, uint256 nonce, ) = PowSolver.solve(coin, MINER, 0, 10_000);
            coin.mintTo(nonce, MINER);
            times[i] = t;
        }
        vm.warp(t + 1);
        assertEq(coin.totalSupply(), n * REWARD, "supply now");
        for (uint256 i = 0; i < n; i++) {
            assertEq(coin.getPastTotalSupply(times[i] - 1), i * REWARD, "just before the reward");
            assertEq(coin.getPastTotalSupply(times[i]), (i + 1) * REWARD, "at the reward");
        }
    }
}
