// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {HandoverOwnable} from "./access/HandoverOwnable.sol";
import {NumiVotesToken} from "./token/NumiVotesToken.sol";
import {IEIP918} from "./interfaces/IEIP918.sol";
import {INumiCoin} from "./interfaces/INumiCoin.sol";
import {IMiningPool} from "./interfaces/IMiningPool.sol";
import {Difficulty} from "./libraries/Difficulty.sol";
import {Emission} from "./libraries/Emission.sol";
import {PackedTarget} from "./libraries/PackedTarget.sol";

/// @title NumiCoin (NUMI): the people's coin, earned by work
/// @notice An ERC-20 with EIP-2612 permit and ERC-5805 votes (timestamp clock) whose every token enters
/// through EIP-918 proof-of-work mining: no premine, a hard cap of 21,000,000 NUMI, 50 NUMI per epoch halving
/// every 210,000 epochs, and a share of every reward (10% by default, at most 20%) minted to the staking pool.
/// A miner (an account without code) that has not chosen a delegate votes with its own rewards from the first one
/// (self-delegation on reward), so the supply mined is voting supply from the start.
/// The ERC-20, permit and votes code is NumiVotesToken (contracts/token): OZ's behaviour with an account's balance
/// and delegate in one slot (docs/adr/0009-token-storage-layout.md). The supply is not stored: it is the emission
/// schedule's sum over the epochs mined, and its history is the reward times (docs/adr/0012-supply-from-epochs.md).
/// @dev Invariants an overrider must never break:
/// - totalSupply() is Emission.supplyAfter(epochCount) < MAX_SUPPLY, and tokens are created only by `_reward`, which
///   credits exactly Emission.reward(epoch) per epoch (no `_mint` or other `_credit` call exists).
/// - One reward per epoch and per block; the challenge changes with every reward and after every pause.
/// - The owner (the governance timelock, for good once handed over) can pause mining for at most
///   MAX_MINING_PAUSE and then not again for MINING_PAUSE_COOLDOWN, and set the pool share within its bound.
///   The pool is fixed during deployment. Nothing can touch balances, transfers, the cap or the schedule.
contract NumiCoin is NumiVotesToken, HandoverOwnable, INumiCoin {
    /// @notice Hard cap on total supply.
    uint256 public constant MAX_SUPPLY = Emission.MAX_SUPPLY;
    /// @notice Epochs per halving era.
    uint256 public constant HALVING_INTERVAL = Emission.HALVING_INTERVAL;
    /// @notice The hardest target the difficulty controller will set.
    uint256 public constant MIN_TARGET = Difficulty.MIN_TARGET;
    /// @notice The easiest target (difficulty 1).
    uint256 public constant MAX_TARGET = Difficulty.MAX_TARGET;
    /// @notice The pool share can never exceed 20% of a reward.
    uint16 public constant MAX_POOL_SHARE_BPS = 2_000;
    /// @notice A pause of mining ends on its own after this long.
    uint256 public constant MAX_MINING_PAUSE = 7 days;
    /// @notice After a pause ends, the next may start only this much later: mining is paused at most 7 days in
    /// any 37.
    uint256 public constant MINING_PAUSE_COOLDOWN = 30 days;
    /// @notice The pool share at deployment: 10% of every reward.
    uint16 internal constant DEFAULT_POOL_SHARE_BPS = 1_000;
    /// @notice The longest target epoch time accepted at deployment.
    uint256 internal constant MAX_TARGET_EPOCH_TIME = 7 days;

    /// @notice Seconds the difficulty controller aims for between rewards, fixed at deployment.
    uint256 public immutable targetEpochTime;

    /// @dev Everything `mint` reads and writes besides the challenge, packed in one slot (256 bits).
    /// Bounds: emission ends within 67 eras (50 NUMI >> 66 = 0), so epochCount < 67 * 210,000 < 2^40; timestamps
    /// fit 40 bits until the year 36812 and block numbers 48 bits; the target is PackedTarget's 32 bits (rounded
    /// down by less than 2^-23 of itself). docs/adr/0010-mining-state-packing.md.
    struct MiningClock {
        uint40 epochCount; // rewards minted so far
        uint40 epochStart; // the current epoch's time counts from here; a settled pause shifts it by its length
        uint48 lastRewardBlock; // block of the last reward
        uint16 poolShareBps;
        uint40 pauseStart; // non-zero from a pause until it is settled (by unpause or the first reward after it)
        uint40 pauseEnd; // when the latest pause ends or ended; the next may start MINING_PAUSE_COOLDOWN later
        uint32 target; // the largest digest accepted this epoch, packed (PackedTarget)
    }

    MiningClock internal _mining; // internal so test harnesses (contracts/mocks) can set the epoch count
    /// @notice The staking pool that receives the pool share; set once during deployment, then fixed.
    address public pool;
    /// @dev The challenge's 96 bits, in the slot of `pool` that `mint` reads anyway. The challenge is bytes32(this):
    /// the first 12 bytes of a hash bound to the chain, this contract, the previous challenge and the parent block,
    /// so nobody can compute it before that block, and 2^96 values rule out precomputing solutions for it.
    bytes12 internal _challenge;
    /// @dev When each reward was minted, six 40-bit timestamps per word: epoch i's in word i / 6, at bit 40 * (i % 6).
    /// Written once per reward (a fresh word every sixth), read by `getPastTotalSupply`. Bounds: timestamps < 2^40
    /// (until the year 36812; a reward later reverts with SafeCastOverflowedUintDowncast(40, time)); epochs <
    /// 67 * 210,000 (`_mining`'s bound), so fewer than 2.4 million words.
    mapping(uint256 word => uint256 times) private _rewardTimes;

    uint256 private constant TIME_BITS = 40;
    uint256 private constant TIMES_PER_WORD = 6; // 6 * 40 = 240 bits
    uint256 private constant TIME_MASK = (1 << TIME_BITS) - 1;

    /// @param initialOwner Deployer during wiring; ownership then moves to the governance timelock for good.
    /// @param targetEpochTime_ Seconds per epoch the difficulty aims for (600 on mainnet, a few locally).
    /// @param initialTarget The first epoch's target, within [MIN_TARGET, MAX_TARGET].
    constructor(
        address initialOwner,
        uint256 targetEpochTime_,
        uint256 initialTarget
    ) NumiVotesToken("NumiCoin", "NUMI") Ownable(initialOwner) {
        if (targetEpochTime_ == 0 || targetEpochTime_ > MAX_TARGET_EPOCH_TIME) {
            revert InvalidTargetEpochTime(targetEpochTime_);
        }
        if (initialTarget < MIN_TARGET || initialTarget > MAX_TARGET) {
            revert InitialTargetOutOfRange(initialTarget, MIN_TARGET, MAX_TARGET);
        }
        targetEpochTime = targetEpochTime_;
        _challenge = _nextChallenge(bytes12(0));
        _mining.epochStart = uint40(block.timestamp);
        _mining.poolShareBps = DEFAULT_POOL_SHARE_BPS;
        _mining.target = PackedTarget.pack(initialTarget);
    }

    // ───────────────────────────── Mining ─────────────────────────────

    /// @inheritdoc IEIP918
    function mint(uint256 nonce, bytes32 challengeDigest) external returns (bool success) {
        (MiningClock memory c, bytes32 challenge) = _openEpoch();
        bytes32 digest = _digest(challenge, msg.sender, nonce);
        if (digest != challengeDigest) revert ChallengeDigestMismatch(digest, challengeDigest);
        _reward(c, challenge, msg.sender, digest);
        return true;
    }

    /// @inheritdoc INumiCoin
    function mintTo(uint256 nonce, address beneficiary) external returns (bool success) {
        if (beneficiary == address(0)) revert InvalidBeneficiary(beneficiary);
        (MiningClock memory c, bytes32 challenge) = _openEpoch();
        _reward(c, challenge, beneficiary, _digest(challenge, beneficiary, nonce));
        return true;
    }

    /// @dev The clock and challenge the next solution is checked against. Reverts while mining is paused; the
    /// first reward after a pause expired on its own settles it here (carried epoch time, derived challenge).
    function _openEpoch() private view returns (MiningClock memory c, bytes32 challenge) {
        c = _mining;
        challenge = _challenge;
        if (c.pauseStart != 0) {
            if (block.timestamp < c.pauseEnd) revert MiningIsPaused(c.pauseEnd);
            challenge = _settleEndedPause(c, challenge);
        }
    }

    /// @dev Checks the solution, then (effects only, no external call) adjusts difficulty, refreshes the
    /// challenge and mints the miner's and the pool's parts. Minting to the pool is a plain balance update,
    /// so nothing about the pool can make this revert.
    function _reward(MiningClock memory c, bytes32 challenge, address miner, bytes32 digest) private {
        if (c.lastRewardBlock == block.number) revert RewardAlreadyMintedThisBlock(block.number);
        uint256 target = PackedTarget.unpack(c.target);
        if (uint256(digest) > target) revert SolutionAboveTarget(digest, target);
        uint256 minted = Emission.supplyAfter(c.epochCount);
        uint256 reward = Emission.reward(c.epochCount, minted); // the scheduled reward: the schedule never clips
        if (reward == 0) revert MiningFinished(minted, MAX_SUPPLY);

        uint32 packedTarget = PackedTarget.pack(
            Difficulty.nextTarget(target, block.timestamp - c.epochStart, targetEpochTime)
        );
        bytes12 newChallenge = _nextChallenge(bytes12(challenge));
        _challenge = newChallenge;
        c.target = packedTarget;
        uint40 epoch = c.epochCount;
        c.epochCount = epoch + 1;
        c.epochStart = uint40(block.timestamp);
        c.lastRewardBlock = uint48(block.number);
        _storeClock(c);
        _recordRewardTime(epoch);

        address pool_ = pool;
        uint256 poolReward = pool_ == address(0) ? 0 : (reward * c.poolShareBps) / 10_000;
        uint256 minerReward = reward - poolReward;
        // The supply is Emission.supplyAfter(epochCount), just advanced by `reward`: credited without a checkpoint.
        _credit(miner, minerReward); // miner != 0: msg.sender, or checked by mintTo
        if (poolReward != 0) _credit(pool_, poolReward);
        // Votes count from the first reward: a miner without a delegate delegates to itself. Only an account
        // without code: otherwise anyone could mintTo() the pool or a DEX pair and make every later transfer of
        // that contract pay for votes checkpoints nobody can use.
        if (delegates(miner) == address(0) && miner.code.length == 0) _delegate(miner, miner);
        emit Mint(miner, minerReward, epoch + 1, newChallenge);
        emit EpochRewarded(epoch, PackedTarget.unpack(packedTarget), poolReward);
    }

    /// @dev Writes the clock in one SSTORE (assigning the struct would read and write the slot once per field). The
    /// layout is Solidity's for MiningClock: fields from the lowest bits up, in declaration order.
    function _storeClock(MiningClock memory c) internal {
        uint256 word =
            uint256(c.epochCount) |
                (uint256(c.epochStart) << 40) |
                (uint256(c.lastRewardBlock) << 80) |
                (uint256(c.poolShareBps) << 128) |
                (uint256(c.pauseStart) << 144) |
                (uint256(c.pauseEnd) << 184) |
                (uint256(c.target) << 224);
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            sstore(_mining.slot, word)
        }
    }

    /// @dev Appends now as the time of reward `epoch`: the first of a word writes the fresh word whole.
    function _recordRewardTime(uint256 epoch) private {
        uint256 word = epoch / TIMES_PER_WORD;
        uint256 shift = (epoch - word * TIMES_PER_WORD) * TIME_BITS;
        uint256 time = SafeCast.toUint40(block.timestamp); // the bound of _rewardTimes, checked
        // the word's bits from `shift` up are still zero: times are only ever appended
        _rewardTimes[word] = shift == 0 ? time : _rewardTimes[word] | (time << shift);
    }

    /// @dev The time reward `epoch` was minted.
    function _rewardTime(uint256 epoch) private view returns (uint256) {
        uint256 word = epoch / TIMES_PER_WORD;
        return (_rewardTimes[word] >> ((epoch - word * TIMES_PER_WORD) * TIME_BITS)) & TIME_MASK;
    }

    /// @dev How many rewards were minted at or before `timepoint`: the first epoch minted later, by binary search
    /// (reward times never decrease). Like OZ's upperLookupRecent, it first tries the last sqrt(n) epochs, since
    /// governance looks up recent timepoints.
    function _rewardsUntil(uint256 timepoint) private view returns (uint256) {
        uint256 low = 0;
        uint256 high = _mining.epochCount;
        if (high > 5) {
            uint256 mid = high - Math.sqrt(high);
            if (timepoint < _rewardTime(mid)) high = mid;
            else low = mid + 1;
        }
        while (low < high) {
            uint256 mid = Math.average(low, high);
            if (_rewardTime(mid) > timepoint) high = mid;
            else low = mid + 1;
        }
        return high;
    }

    /// @dev The EIP-918 digest: 84 packed bytes (32 + 20 + 32).
    function _digest(bytes32 challenge, address miner, uint256 nonce) private pure returns (bytes32) {
        return keccak256(abi.encodePacked(challenge, miner, nonce));
    }

    /// @dev Binds this contract and chain (no replay on another deployment or chain) and the previous block's
    /// hash (the next challenge is unknown until the reward's block is built), chained to the last challenge.
    function _nextChallenge(bytes12 previous) private view returns (bytes12) {
        return
            bytes12(
                keccak256(abi.encode(block.chainid, address(this), bytes32(previous), blockhash(block.number - 1)))
            );
    }

    /// @dev The challenge after a pause that ended on its own: no transaction marks that moment, so it is derived
    /// from the old challenge and the end time. It differs from the old one, so EIP-918 miners that gave up on the
    /// old challenge during the pause see a new one and start again.
    function _resumedChallenge(bytes32 challenge, uint256 pauseEnd) private pure returns (bytes32) {
        return bytes12(keccak256(abi.encode(challenge, pauseEnd)));
    }

    /// @dev If `c` holds a pause that ended on its own and is not yet settled, settles it in `c` and returns the
    /// challenge derived at its end; otherwise returns `challenge` unchanged.
    function _settleEndedPause(MiningClock memory c, bytes32 challenge) private view returns (bytes32) {
        if (c.pauseStart != 0 && block.timestamp >= c.pauseEnd) {
            _settlePause(c, c.pauseEnd);
            return _resumedChallenge(challenge, c.pauseEnd);
        }
        return challenge;
    }

    /// @dev Ends the pause in `c` at `end`: the epoch's clock resumes where it stopped.
    function _settlePause(MiningClock memory c, uint256 end) private pure {
        c.epochStart += uint40(end - c.pauseStart);
        c.pauseStart = 0;
    }

    /// @dev Whether a pause is in force now.
    function _isPaused(MiningClock memory c) private view returns (bool) {
        return c.pauseStart != 0 && block.timestamp < c.pauseEnd;
    }

    // ───────────────────────────── Views ─────────────────────────────

    /// @notice Tokens in existence: the emission schedule's sum over the rewards minted so far.
    function totalSupply() public view virtual override returns (uint256) {
        return Emission.supplyAfter(_mining.epochCount);
    }

    /// @dev The supply at the end of `timepoint`: the schedule's sum over the rewards minted by then.
    function _pastTotalSupply(uint48 timepoint) internal view virtual override returns (uint256) {
        return Emission.supplyAfter(_rewardsUntil(timepoint));
    }

    /// @inheritdoc IEIP918
    function getChallengeNumber() public view returns (bytes32) {
        MiningClock memory c = _mining;
        return _settleEndedPause(c, _challenge);
    }

    /// @inheritdoc IEIP918
    function getMiningDifficulty() public view returns (uint256) {
        return MAX_TARGET / PackedTarget.unpack(_mining.target);
    }

    /// @inheritdoc IEIP918
    function getMiningTarget() external view returns (uint256) {
        return PackedTarget.unpack(_mining.target);
    }

    /// @inheritdoc IEIP918
    function getMiningReward() public view returns (uint256) {
        uint256 epoch = _mining.epochCount;
        return Emission.reward(epoch, Emission.supplyAfter(epoch));
    }

    /// @notice Rewards minted so far (EIP-918 `epochCount`).
    function epochCount() external view returns (uint256) {
        return _mining.epochCount;
    }

    /// @notice The share of each reward minted to the pool, in basis points.
    function poolShareBps() external view returns (uint16) {
        return _mining.poolShareBps;
    }

    /// @notice Whether mining is paused now (a pause ends on its own at `miningState().pausedUntil`).
    function miningPaused() external view returns (bool) {
        return _isPaused(_mining);
    }

    /// @inheritdoc INumiCoin
    function miningState() external view returns (MiningState memory s) {
        MiningClock memory c = _mining;
        bool paused = _isPaused(c);
        // The epoch's clock stands still during a pause: report its start as it would be if the pause ended now.
        if (c.pauseStart != 0) _settlePause(c, paused ? block.timestamp : c.pauseEnd);
        uint256 era = Emission.era(c.epochCount);
        s = MiningState({
            challenge: getChallengeNumber(),
            target: PackedTarget.unpack(c.target),
            difficulty: getMiningDifficulty(),
            reward: getMiningReward(),
            epoch: c.epochCount,
            era: era,
            nextHalvingEpoch: (era + 1) * HALVING_INTERVAL,
            epochStart: c.epochStart,
            lastRewardBlock: c.lastRewardBlock,
            minted: totalSupply(),
            targetEpochTime: targetEpochTime,
            poolShareBps: c.poolShareBps,
            pool: pool,
            paused: paused,
            pausedUntil: paused ? c.pauseEnd : 0,
            nextPauseAllowedAt: c.pauseEnd == 0 ? 0 : c.pauseEnd + MINING_PAUSE_COOLDOWN
        });
    }

    // ───────────────────────────── Governance ─────────────────────────────

    /// @inheritdoc INumiCoin
    function pauseMining() external onlyOwner {
        MiningClock memory c = _mining;
        if (_isPaused(c)) revert MiningPauseUnchanged(true);
        if (c.pauseEnd != 0 && block.timestamp < c.pauseEnd + MINING_PAUSE_COOLDOWN) {
            revert MiningPauseCoolingDown(c.pauseEnd + MINING_PAUSE_COOLDOWN);
        }
        // The previous pause may have ended on its own with nobody mining since: settle it first.
        _challenge = bytes12(_settleEndedPause(c, _challenge));
        c.pauseStart = uint40(block.timestamp);
        c.pauseEnd = uint40(block.timestamp + MAX_MINING_PAUSE);
        _storeClock(c);
        emit MiningPausedSet(true, c.pauseEnd);
    }

    /// @inheritdoc INumiCoin
    function unpauseMining() external onlyOwner {
        MiningClock memory c = _mining;
        if (!_isPaused(c)) revert MiningPauseUnchanged(false);
        _settlePause(c, block.timestamp);
        c.pauseEnd = uint40(block.timestamp);
        _storeClock(c);
        _challenge = _nextChallenge(_challenge);
        emit MiningPausedSet(false, block.timestamp);
    }

    /// @inheritdoc INumiCoin
    function setPoolShare(uint16 shareBps) external onlyOwner {
        if (shareBps > MAX_POOL_SHARE_BPS) revert PoolShareTooHigh(shareBps, MAX_POOL_SHARE_BPS);
        emit PoolShareUpdated(_mining.poolShareBps, shareBps);
        _mining.poolShareBps = shareBps;
    }

    /// @inheritdoc INumiCoin
    function setPool(address newPool) external onlyOwner {
        if (ownershipFinal || pool != address(0)) revert PoolIsFixed(pool);
        if (!_stakesThisToken(newPool)) revert InvalidPool(newPool);
        emit PoolUpdated(address(0), newPool);
        pool = newPool;
    }

    /// @dev Whether `candidate` is a contract answering stakingToken() with this token. An EOA and a contract
    /// without the function get the documented InvalidPool, not the call's empty revert; only an answer that does
    /// not decode as an address reverts without a reason.
    function _stakesThisToken(address candidate) private view returns (bool) {
        if (candidate.code.length == 0) return false;
        try IMiningPool(candidate).stakingToken() returns (address token) {
            return token == address(this);
        } catch {
            return false;
        }
    }
}
