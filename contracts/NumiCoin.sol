// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {IEIP918} from "./interfaces/IEIP918.sol";
import {INumiCoin} from "./interfaces/INumiCoin.sol";
import {IMiningPool} from "./interfaces/IMiningPool.sol";
import {Difficulty} from "./libraries/Difficulty.sol";
import {Emission} from "./libraries/Emission.sol";

/// @title NumiCoin (NUMI): the people's coin, earned by work
/// @notice An ERC-20 with EIP-2612 permit and ERC-5805 votes (timestamp clock) whose every token enters
/// through EIP-918 proof-of-work mining: no premine, a hard cap of 21,000,000 NUMI, 50 NUMI per epoch halving
/// every 210,000 epochs, and a share of every reward (10% by default, at most 20%) minted to the staking pool.
/// @dev Invariants an overrider must never break:
/// - totalSupply() <= MAX_SUPPLY, and tokens are created only by `_reward` (no other `_mint` call exists).
/// - One reward per epoch and per block; the challenge changes with every reward.
/// - The owner (the governance timelock) can pause mining, set the pool share within its bound and set the
///   pool, nothing else: it can never touch balances, transfers, the cap or the schedule.
contract NumiCoin is ERC20, ERC20Permit, ERC20Votes, Ownable2Step, INumiCoin {
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
    /// @notice The pool share at deployment: 10% of every reward.
    uint16 internal constant DEFAULT_POOL_SHARE_BPS = 1_000;
    /// @notice The longest target epoch time accepted at deployment.
    uint256 internal constant MAX_TARGET_EPOCH_TIME = 7 days;

    /// @notice Seconds the difficulty controller aims for between rewards, fixed at deployment.
    uint256 public immutable targetEpochTime;

    /// @notice The challenge the next solution must be computed over (EIP-918 `challengeNumber`).
    bytes32 internal challengeNumber;
    /// @notice The largest digest accepted this epoch.
    uint256 internal miningTarget;

    /// @dev Everything `mint` reads and writes besides the challenge and target, packed in one slot.
    struct Clock {
        uint64 epochCount; // rewards minted so far
        uint64 lastRewardTime; // timestamp of the last reward (or deployment, or unpause)
        uint64 lastRewardBlock; // block of the last reward
        uint16 poolShareBps;
        bool paused;
    }

    Clock internal _clock; // internal so test harnesses (contracts/mocks) can set the epoch count
    /// @notice The staking pool that receives the pool share; zero until governance sets it.
    address public pool;

    /// @param initialOwner Deployer during wiring; ownership then moves to the governance timelock.
    /// @param targetEpochTime_ Seconds per epoch the difficulty aims for (600 on mainnet, a few locally).
    /// @param initialTarget The first epoch's target, within [MIN_TARGET, MAX_TARGET].
    constructor(
        address initialOwner,
        uint256 targetEpochTime_,
        uint256 initialTarget
    ) ERC20("NumiCoin", "NUMI") ERC20Permit("NumiCoin") Ownable(initialOwner) {
        if (targetEpochTime_ == 0 || targetEpochTime_ > MAX_TARGET_EPOCH_TIME) {
            revert InvalidTargetEpochTime(targetEpochTime_);
        }
        if (initialTarget < MIN_TARGET || initialTarget > MAX_TARGET) {
            revert InitialTargetOutOfRange(initialTarget, MIN_TARGET, MAX_TARGET);
        }
        targetEpochTime = targetEpochTime_;
        miningTarget = initialTarget;
        challengeNumber = _nextChallenge(bytes32(0));
        _clock = Clock({
            epochCount: 0,
            lastRewardTime: uint64(block.timestamp),
            lastRewardBlock: 0,
            poolShareBps: DEFAULT_POOL_SHARE_BPS,
            paused: false
        });
    }

    // ───────────────────────────── Mining ─────────────────────────────

    /// @inheritdoc IEIP918
    function mint(uint256 nonce, bytes32 challengeDigest) external returns (bool success) {
        bytes32 digest = _digest(msg.sender, nonce);
        if (digest != challengeDigest) revert ChallengeDigestMismatch(digest, challengeDigest);
        _reward(msg.sender, digest);
        return true;
    }

    /// @inheritdoc INumiCoin
    function mintTo(uint256 nonce, address beneficiary) external returns (bool success) {
        if (beneficiary == address(0)) revert InvalidBeneficiary(beneficiary);
        _reward(beneficiary, _digest(beneficiary, nonce));
        return true;
    }

    /// @dev Checks the solution, then (effects only, no external call) adjusts difficulty, refreshes the
    /// challenge and mints the miner's and the pool's parts. Minting to the pool is a plain balance update,
    /// so nothing about the pool can make this revert.
    function _reward(address miner, bytes32 digest) private {
        Clock memory c = _clock;
        if (c.paused) revert MiningIsPaused();
        if (c.lastRewardBlock == block.number) revert RewardAlreadyMintedThisBlock(block.number);
        uint256 target = miningTarget;
        if (uint256(digest) > target) revert SolutionAboveTarget(digest, target);
        uint256 minted = totalSupply();
        uint256 reward = Emission.reward(c.epochCount, minted);
        if (reward == 0) revert MiningFinished(minted, MAX_SUPPLY);

        uint256 newTarget = Difficulty.nextTarget(target, block.timestamp - c.lastRewardTime, targetEpochTime);
        bytes32 newChallenge = _nextChallenge(challengeNumber);
        miningTarget = newTarget;
        challengeNumber = newChallenge;
        uint64 epoch = c.epochCount;
        _clock = Clock({
            epochCount: epoch + 1,
            lastRewardTime: uint64(block.timestamp),
            lastRewardBlock: uint64(block.number),
            poolShareBps: c.poolShareBps,
            paused: false
        });

        address pool_ = pool;
        uint256 poolReward = pool_ == address(0) ? 0 : (reward * c.poolShareBps) / 10_000;
        uint256 minerReward = reward - poolReward;
        _mint(miner, minerReward);
        if (poolReward != 0) _mint(pool_, poolReward);
        emit Mint(miner, minerReward, epoch + 1, newChallenge);
        emit EpochRewarded(epoch, newTarget, poolReward);
    }

    /// @dev The EIP-918 digest over the current challenge: 84 packed bytes (32 + 20 + 32).
    function _digest(address miner, uint256 nonce) private view returns (bytes32) {
        return keccak256(abi.encodePacked(challengeNumber, miner, nonce));
    }

    /// @dev Binds this contract and chain (no replay on another deployment or chain) and the previous block's
    /// hash (the next challenge is unknown until the reward's block is built), chained to the last challenge.
    function _nextChallenge(bytes32 previous) private view returns (bytes32) {
        return keccak256(abi.encode(block.chainid, address(this), previous, blockhash(block.number - 1)));
    }

    // ───────────────────────────── Views ─────────────────────────────

    /// @inheritdoc IEIP918
    function getChallengeNumber() external view returns (bytes32) {
        return challengeNumber;
    }

    /// @inheritdoc IEIP918
    function getMiningDifficulty() public view returns (uint256) {
        return MAX_TARGET / miningTarget;
    }

    /// @inheritdoc IEIP918
    function getMiningTarget() external view returns (uint256) {
        return miningTarget;
    }

    /// @inheritdoc IEIP918
    function getMiningReward() public view returns (uint256) {
        return Emission.reward(_clock.epochCount, totalSupply());
    }

    /// @notice Rewards minted so far (EIP-918 `epochCount`).
    function epochCount() external view returns (uint256) {
        return _clock.epochCount;
    }

    /// @notice The share of each reward minted to the pool, in basis points.
    function poolShareBps() external view returns (uint16) {
        return _clock.poolShareBps;
    }

    /// @notice Whether governance has paused mining.
    function miningPaused() external view returns (bool) {
        return _clock.paused;
    }

    /// @inheritdoc INumiCoin
    function miningState() external view returns (MiningState memory s) {
        Clock memory c = _clock;
        uint256 era = Emission.era(c.epochCount);
        s = MiningState({
            challenge: challengeNumber,
            target: miningTarget,
            difficulty: getMiningDifficulty(),
            reward: getMiningReward(),
            epoch: c.epochCount,
            era: era,
            nextHalvingEpoch: (era + 1) * HALVING_INTERVAL,
            lastRewardTime: c.lastRewardTime,
            lastRewardBlock: c.lastRewardBlock,
            minted: totalSupply(),
            targetEpochTime: targetEpochTime,
            poolShareBps: c.poolShareBps,
            pool: pool,
            paused: c.paused
        });
    }

    // ───────────────────────────── Governance ─────────────────────────────

    /// @inheritdoc INumiCoin
    function pauseMining() external onlyOwner {
        if (_clock.paused) revert MiningPauseUnchanged(true);
        _clock.paused = true;
        emit MiningPausedSet(true);
    }

    /// @inheritdoc INumiCoin
    function unpauseMining() external onlyOwner {
        if (!_clock.paused) revert MiningPauseUnchanged(false);
        _clock.paused = false;
        _clock.lastRewardTime = uint64(block.timestamp);
        emit MiningPausedSet(false);
    }

    /// @inheritdoc INumiCoin
    function setPoolShare(uint16 shareBps) external onlyOwner {
        if (shareBps > MAX_POOL_SHARE_BPS) revert PoolShareTooHigh(shareBps, MAX_POOL_SHARE_BPS);
        emit PoolShareUpdated(_clock.poolShareBps, shareBps);
        _clock.poolShareBps = shareBps;
    }

    /// @inheritdoc INumiCoin
    function setPool(address newPool) external onlyOwner {
        if (!_stakesThisToken(newPool)) revert InvalidPool(newPool);
        emit PoolUpdated(pool, newPool);
        pool = newPool;
    }

    /// @dev Whether `candidate` is a contract answering stakingToken() with this token. An EOA or a contract
    /// without the function gets InvalidPool, as documented, instead of a bare revert (only an answer that does not
    /// decode as an address still reverts bare). try/catch rather than a low-level staticcall: the latter changed
    /// the optimizer's layout and cost every transfer 6 gas (npm run gas:scenarios).
    function _stakesThisToken(address candidate) private view returns (bool) {
        if (candidate.code.length == 0) return false;
        try IMiningPool(candidate).stakingToken() returns (address token) {
            return token == address(this);
        } catch {
            return false;
        }
    }

    // ───────────────────────────── ERC-5805 clock and overrides ─────────────────────────────

    /// @notice Votes are checkpointed by timestamp (ERC-6372), so governance works in seconds.
    function clock() public view override returns (uint48) {
        return uint48(block.timestamp);
    }

    /// @notice ERC-6372 machine-readable description of the clock.
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() public pure override returns (string memory) {
        return "mode=timestamp";
    }

    /// @inheritdoc ERC20Permit
    function nonces(address owner) public view override(ERC20Permit, Nonces) returns (uint256) {
        return super.nonces(owner);
    }

    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Votes) {
        super._update(from, to, value);
    }
}
