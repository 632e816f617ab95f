// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {NumiCoin} from "../../../contracts/NumiCoin.sol";
import {MiningPool} from "../../../contracts/MiningPool.sol";
import {IMiningPool} from "../../../contracts/interfaces/IMiningPool.sol";
import {TestBase} from "../utils/TestBase.sol";
import {Schedule} from "../utils/Schedule.sol";
import {NumiSystemHandler} from "./handlers/NumiSystemHandler.sol";

/// @title Stateful invariants of the whole system: token, mining, pool, votes and bounded governance
/// @notice Foundry calls random sequences of NumiSystemHandler actions (mine, relay, transfer, delegate, donate,
/// stake, permit-stake with and without front-running, withdraw, claim, exit, sync, time passing, and the owner's
/// bounded parameter changes) and checks every invariant below after each call.
/// Run: `npm run test:invariant` (CI profile: fixed seed, 256 runs x depth 50) or `npm run test:invariant:deep`.
contract NumiSystemInvariants is TestBase {
    NumiSystemHandler private handler;
    NumiCoin private coin;
    MiningPool private pool;

    function setUp() public {
        handler = new NumiSystemHandler();
        coin = handler.coin();
        pool = handler.pool();
    }

    /// @notice Foundry fuzzes only the handler (not the contracts directly, nor this test).
    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    // ───────────────────────────── Token and mining ─────────────────────────────

    /// @notice Every NUMI is in some holder's balance and the total never passes the 21M cap.
    function invariant_balancesSumToTotalSupplyWithinCap() public view {
        address[] memory holders = handler.holders();
        uint256 sum;
        for (uint256 i = 0; i < holders.length; i++) sum += coin.balanceOf(holders[i]);
        assertEq(sum, coin.totalSupply(), "sum of balances == totalSupply");
        assertLe(coin.totalSupply(), coin.MAX_SUPPLY(), "totalSupply <= MAX_SUPPLY");
    }

    /// @notice Minted supply is exactly the schedule's rewards for the epochs rewarded so far: never more.
    function invariant_supplyNeverExceedsEmissionSchedule() public view {
        uint256 scheduled = Schedule.scheduledSupply(coin.epochCount());
        assertLe(coin.totalSupply(), scheduled, "totalSupply <= sum of rewards of epochs 0..epochCount-1");
        // No cap clipping is reachable in these runs, so every reward was minted in full.
        assertEq(coin.totalSupply(), scheduled, "every reward minted in full, nothing else minted");
        assertEq(coin.epochCount(), handler.ghostMints(), "one epoch per successful mint");
    }

    /// @notice The difficulty controller keeps the target within [MIN_TARGET, MAX_TARGET].
    function invariant_targetWithinBounds() public view {
        uint256 target = coin.getMiningTarget();
        assertGe(target, coin.MIN_TARGET(), "target >= MIN_TARGET");
        assertLe(target, coin.MAX_TARGET(), "target <= MAX_TARGET");
    }

    /// @notice The reward of an epoch is never larger than the reward of the epoch before.
    function invariant_rewardNeverIncreasesAcrossEpochs() public view {
        assertTrue(!handler.ghostRewardIncreased(), "reward increased across epochs");
        assertLe(coin.getMiningReward(), handler.ghostLastEpochReward(), "current reward <= last paid reward");
    }

    /// @notice At most one reward per block, whoever submits it.
    function invariant_oneRewardPerBlock() public view {
        assertLe(handler.ghostMaxMintsInOneBlock(), 1, "rewards minted in one block");
    }

    // ───────────────────────────── Votes ─────────────────────────────

    /// @notice At every past timepoint, each holder's votes and all holders' votes together are at most the
    /// past total supply: nobody votes twice with the same tokens (staked NUMI is held undelegated by the pool).
    function invariant_pastVotesNeverExceedPastSupply() public view {
        uint256[] memory points = handler.timepoints();
        address[4] memory accounts = handler.actors();
        for (uint256 p = 0; p < points.length; p++) {
            uint256 supply = coin.getPastTotalSupply(points[p]);
            uint256 sum;
            for (uint256 i = 0; i < accounts.length; i++) {
                uint256 votes = coin.getPastVotes(accounts[i], points[p]);
                assertLe(votes, supply, "getPastVotes <= getPastTotalSupply");
                sum += votes;
            }
            assertLe(sum, supply, "sum of past votes <= past total supply");
        }
        assertEq(coin.getVotes(address(pool)), 0, "the pool never votes");
    }

    // ───────────────────────────── Pool ─────────────────────────────

    /// @notice The pool holds at least every stake plus every reward it owes or has yet to stream.
    function invariant_poolSolvency() public view {
        IMiningPool.PoolState memory s = pool.poolState();
        uint256 owed = _sumEarned();
        uint256 held = coin.balanceOf(address(pool));
        assertGe(held, s.totalStaked + owed + s.undistributed, "NUMI held >= staked + earned + undistributed");
        assertGe(held, s.totalStaked + s.rewardReserve, "NUMI held >= staked + reserve");
    }

    /// @notice The reward reserve covers what is owed plus what is still to stream (rounding favours the pool).
    function invariant_rewardReserveCoversEarnedAndUndistributed() public view {
        IMiningPool.PoolState memory s = pool.poolState();
        assertGe(s.rewardReserve, _sumEarned() + s.undistributed, "reserve >= earned + undistributed");
    }

    /// @notice totalStaked is exactly the sum of every account's stake.
    function invariant_stakesSumToTotalStaked() public view {
        address[4] memory accounts = handler.actors();
        uint256 sum;
        for (uint256 i = 0; i < accounts.length; i++) sum += pool.balanceOf(accounts[i]);
        assertEq(sum, pool.totalStaked(), "sum of stakes == totalStaked");
    }

    /// @notice Reward per token only grows: nobody's accrued rewards can shrink.
    function invariant_rewardPerTokenNeverDecreases() public view {
        assertTrue(!handler.ghostRewardPerTokenDecreased(), "rewardPerToken decreased");
        assertGe(pool.rewardPerToken(), handler.ghostLastRewardPerToken(), "rewardPerToken >= last seen");
    }

    /// @notice Rewards paid plus rewards owed plus rewards still to stream never exceed what was funded
    /// (pool share minted plus donations, minus the fee sent to the treasury).
    function invariant_rewardsPaidAndOwedWithinFunded() public view {
        uint256 funded = handler.ghostPoolMinted() + handler.ghostDonated() - coin.balanceOf(handler.treasury());
        uint256 accounted = handler.ghostRewardsPaid() + _sumEarned() + pool.poolState().undistributed;
        assertLe(accounted, funded, "paid + owed + undistributed <= funded - fees");
    }

    function _sumEarned() private view returns (uint256 sum) {
        address[4] memory accounts = handler.actors();
        for (uint256 i = 0; i < accounts.length; i++) sum += pool.earned(accounts[i]);
    }
}
