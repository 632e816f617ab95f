// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {NumiCoin} from "../../../contracts/NumiCoin.sol";
import {MiningPool} from "../../../contracts/MiningPool.sol";
import {vm} from "./Vm.sol";
import {TestBase} from "./TestBase.sol";
import {PowSolver} from "./PowSolver.sol";

/// @title A deployed NumiCoin + MiningPool owned by `governance`, and a real miner
/// @notice Shared by the attack and regression tests: each test starts from this state and mines for real.
abstract contract NumiFixture is TestBase {
    uint256 internal constant TARGET_EPOCH_TIME = 60;
    uint256 internal constant REWARDS_DURATION = 300;
    uint256 internal constant EASIEST_TARGET = 2 ** 252;

    address internal governance = address(0x71E10C);
    address internal treasury = address(0x7EA5);
    NumiCoin internal coin;
    MiningPool internal pool;

    function setUp() public virtual {
        vm.warp(1_700_000_000);
        vm.roll(100);
        coin = new NumiCoin(governance, TARGET_EPOCH_TIME, EASIEST_TARGET);
        pool = new MiningPool(address(coin), governance, REWARDS_DURATION, treasury);
        vm.prank(governance);
        coin.setPool(address(pool));
    }

    /// @dev Moves one block and `elapsed` seconds on, then mines one reward for `miner` (sent by the miner).
    function _mineFor(address miner, uint256 elapsed) internal returns (uint256 reward) {
        vm.warp(block.timestamp + elapsed);
        vm.roll(block.number + 1);
        (bool found, uint256 nonce, bytes32 digest) = PowSolver.solve(coin, miner, 0, 100_000);
        assertTrue(found, "solution found within 100k hashes");
        reward = coin.getMiningReward();
        vm.prank(miner);
        coin.mint(nonce, digest);
    }

    /// @dev Mines until `miner` holds at least `amount`.
    function _mineUntil(address miner, uint256 amount) internal {
        while (coin.balanceOf(miner) < amount) _mineFor(miner, TARGET_EPOCH_TIME);
    }

    function _stake(address account, uint256 amount) internal {
        vm.startPrank(account);
        coin.approve(address(pool), amount);
        pool.stake(amount);
        vm.stopPrank();
    }
}
