// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {IERC5805} from "@openzeppelin/contracts/interfaces/IERC5805.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";
import {Checkpoints} from "@openzeppelin/contracts/utils/structs/Checkpoints.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {PackedCheckpoints} from "../libraries/PackedCheckpoints.sol";

/// @title NumiVotesToken: OpenZeppelin 5.7 ERC20 + ERC20Permit + ERC20Votes (timestamp clock) with its own storage
/// @notice Behaves exactly like OZ `ERC20, ERC20Permit, ERC20Votes` with `clock()` = block.timestamp and
/// `_maxSupply()` = 2^88 - 1: same functions, events, IERC6093 errors, EIP-712 domain (name, version "1"), nonces
/// shared by permit and delegateBySig, checkpoints and ERC-5805 lookups. test/foundry/fuzz/VotesToken.diff.t.sol
/// checks this call by call against the OZ code itself.
/// @dev The one change (docs/adr/0009-token-storage-layout.md): an account's balance (uint96) and its delegate
/// share one storage slot, so a transfer gets both parties' delegates with the balances it reads anyway instead of
/// two more cold look-ups (2,100 gas each); the total supply is the latest total-supply checkpoint rather than a
/// separate slot that every mint would write as well (a token that knows its supply otherwise overrides it, as
/// NumiCoin does: docs/adr/0012-supply-from-epochs.md); and checkpoints are stored two per slot (PackedCheckpoints:
/// 40-bit timestamp, 88-bit value), so every second one costs no fresh slot. Bounds: every balance and vote count
/// <= totalSupply <= MAX_SAFE_SUPPLY = 2^88 - 1, enforced in `_mint`, the only place new tokens enter storage
/// besides `_credit`, whose caller accounts for the supply itself and owes the same bound (NumiCoin: its supply is a
/// function of the epoch count, below 2^85); checkpoint timestamps < 2^40 (until the year 36812), enforced by
/// PackedCheckpoints.push. There is no burn: nothing removes tokens.
/// The rest is OZ's code, reduced to mint and transfer (the only two balance updates this token has).
abstract contract NumiVotesToken is IERC20Metadata, IERC20Errors, IERC20Permit, IERC5805, EIP712, Nonces {
    using PackedCheckpoints for PackedCheckpoints.Trace;

    /// @notice The largest total supply (and so balance and vote count) the packed storage holds: 2^88 - 1, the
    /// largest checkpoint value (PackedCheckpoints.VALUE_BITS), about 3.1e26 (309 million tokens of 18 decimals).
    /// NumiCoin's cap, 2.1e25 < 2^85, is below it. Internal, so the
    /// ABI stays exactly OZ's (which reports it only in ERC20ExceededSafeSupply).
    uint256 internal constant MAX_SAFE_SUPPLY = type(uint88).max;

    bytes32 private constant PERMIT_TYPEHASH = keccak256(
        "Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"
    );
    bytes32 private constant DELEGATION_TYPEHASH = keccak256(
        "Delegation(address delegatee,uint256 nonce,uint256 expiry)"
    );

    /// @dev Balance and delegate in one slot (96 + 160 bits). balance <= totalSupply <= MAX_SAFE_SUPPLY < 2^88.
    struct Account {
        uint96 balance;
        address delegatee;
    }

    mapping(address account => Account) private _accounts;
    mapping(address account => mapping(address spender => uint256)) private _allowances;
    mapping(address delegatee => PackedCheckpoints.Trace) private _delegateCheckpoints;
    /// @dev Its latest value is the total supply (no separate slot).
    PackedCheckpoints.Trace private _totalCheckpoints;
    string private _name;
    string private _symbol;

    /// @notice Minting would take the total supply above MAX_SAFE_SUPPLY (OZ ERC20Votes' error).
    error ERC20ExceededSafeSupply(uint256 increasedSupply, uint256 cap);
    /// @notice A permit's deadline has passed (OZ ERC20Permit's error).
    error ERC2612ExpiredSignature(uint256 deadline);
    /// @notice A permit was not signed by its owner (OZ ERC20Permit's error).
    error ERC2612InvalidSigner(address signer, address owner);
    /// @notice A lookup of a timepoint that is not yet in the past (OZ Votes' error).
    error ERC5805FutureLookup(uint256 timepoint, uint48 clock);

    /// @param name_ Token name, also the EIP-712 domain name (version "1").
    /// @param symbol_ Token symbol.
    constructor(string memory name_, string memory symbol_) EIP712(name_, "1") {
        _name = name_;
        _symbol = symbol_;
    }

    // ───────────────────────────── ERC-20 ─────────────────────────────

    /// @notice The token's name.
    function name() public view returns (string memory) {
        return _name;
    }

    /// @notice The token's symbol.
    function symbol() public view returns (string memory) {
        return _symbol;
    }

    /// @notice 18, as OZ ERC20 (view and virtual as there: the ABI is OZ's).
    function decimals() public view virtual returns (uint8) {
        return 18;
    }

    /// @notice Tokens in existence: the latest total-supply checkpoint.
    /// @dev Virtual, with `_pastTotalSupply`: a token that accounts for its supply itself (NumiCoin) overrides both.
    function totalSupply() public view virtual returns (uint256) {
        return _totalCheckpoints.latest();
    }

    /// @notice Tokens held by `account`.
    function balanceOf(address account) public view returns (uint256) {
        return _accounts[account].balance;
    }

    /// @notice Moves `value` tokens from the caller to `to`.
    function transfer(address to, uint256 value) external returns (bool) {
        _transfer(msg.sender, to, value);
        return true;
    }

    /// @notice What `spender` may still move from `owner` with transferFrom.
    function allowance(address owner, address spender) public view returns (uint256) {
        return _allowances[owner][spender];
    }

    /// @notice Lets `spender` move up to `value` of the caller's tokens (type(uint256).max: unlimited, never spent).
    function approve(address spender, uint256 value) external returns (bool) {
        _approve(msg.sender, spender, value);
        return true;
    }

    /// @notice Moves `value` tokens from `from` to `to` within the caller's allowance.
    function transferFrom(address from, address to, uint256 value) external returns (bool) {
        _spendAllowance(from, msg.sender, value);
        _transfer(from, to, value);
        return true;
    }

    // ───────────────────────────── EIP-2612 ─────────────────────────────

    /// @notice Sets `spender`'s allowance over `owner`'s tokens to `value` with `owner`'s EIP-712 signature.
    function permit(
        address owner,
        address spender,
        uint256 value,
        uint256 deadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external {
        if (block.timestamp > deadline) revert ERC2612ExpiredSignature(deadline);
        bytes32 structHash = keccak256(abi.encode(PERMIT_TYPEHASH, owner, spender, value, _useNonce(owner), deadline));
        address signer = ECDSA.recover(_hashTypedDataV4(structHash), v, r, s);
        if (signer != owner) revert ERC2612InvalidSigner(signer, owner);
        _approve(owner, spender, value);
    }

    /// @notice The next nonce of `owner`, shared by permit and delegateBySig.
    function nonces(address owner) public view override(IERC20Permit, Nonces) returns (uint256) {
        return super.nonces(owner);
    }

    /// @notice The EIP-712 domain separator permit and delegateBySig signatures are made over.
    // solhint-disable-next-line func-name-mixedcase
    function DOMAIN_SEPARATOR() external view returns (bytes32) {
        return _domainSeparatorV4();
    }

    // ───────────────────────────── ERC-6372 / ERC-5805 ─────────────────────────────

    /// @notice Votes are checkpointed by timestamp (ERC-6372), so governance works in seconds.
    function clock() public view returns (uint48) {
        return uint48(block.timestamp);
    }

    /// @notice ERC-6372 machine-readable description of the clock.
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() external pure returns (string memory) {
        return "mode=timestamp";
    }

    /// @notice Votes `account` holds now (delegated to it, its own included only if it delegates to itself).
    function getVotes(address account) external view returns (uint256) {
        return _delegateCheckpoints[account].latest();
    }

    /// @notice Votes `account` held at the end of `timepoint`, which must be in the past.
    function getPastVotes(address account, uint256 timepoint) external view returns (uint256) {
        return _delegateCheckpoints[account].upperLookupRecent(_validateTimepoint(timepoint));
    }

    /// @notice Total supply at the end of `timepoint`, which must be in the past.
    function getPastTotalSupply(uint256 timepoint) external view returns (uint256) {
        return _pastTotalSupply(_validateTimepoint(timepoint));
    }

    /// @notice The account `account` delegates its votes to (zero: none, its tokens do not vote).
    function delegates(address account) public view returns (address) {
        return _accounts[account].delegatee;
    }

    /// @notice Delegates the caller's votes to `delegatee`.
    function delegate(address delegatee) external {
        _delegate(msg.sender, delegatee);
    }

    /// @notice Delegates the signer's votes to `delegatee` with an EIP-712 signature over (delegatee, nonce, expiry).
    function delegateBySig(address delegatee, uint256 nonce, uint256 expiry, uint8 v, bytes32 r, bytes32 s) external {
        if (block.timestamp > expiry) revert VotesExpiredSignature(expiry);
        address signer = ECDSA.recover(
            _hashTypedDataV4(keccak256(abi.encode(DELEGATION_TYPEHASH, delegatee, nonce, expiry))),
            v,
            r,
            s
        );
        _useCheckedNonce(signer, nonce);
        _delegate(signer, delegatee);
    }

    /// @notice Number of vote checkpoints of `account`.
    function numCheckpoints(address account) external view returns (uint32) {
        return SafeCast.toUint32(_delegateCheckpoints[account].length());
    }

    /// @notice The `pos`-th vote checkpoint of `account` (reverts past the last, as OZ).
    function checkpoints(address account, uint32 pos) external view returns (Checkpoints.Checkpoint208 memory) {
        return _delegateCheckpoints[account].at(pos);
    }

    // ───────────────────────────── Internal ─────────────────────────────

    /// @dev OZ ERC20._transfer + ERC20Votes._update, with both parties' delegates read from their balance slots.
    function _transfer(address from, address to, uint256 value) internal {
        if (from == address(0)) revert ERC20InvalidSender(address(0));
        if (to == address(0)) revert ERC20InvalidReceiver(address(0));
        Account storage src = _accounts[from];
        uint256 fromBalance = src.balance;
        if (fromBalance < value) revert ERC20InsufficientBalance(from, fromBalance, value);
        Account storage dst = _accounts[to];
        unchecked {
            // value <= fromBalance < 2^96; the receiver's balance is at most totalSupply - value (from == to: the
            // sender's own, just lowered by value), so adding value stays <= MAX_SAFE_SUPPLY.
            src.balance = uint96(fromBalance - value);
            dst.balance += uint96(value);
        }
        emit Transfer(from, to, value);
        _moveDelegateVotes(src.delegatee, dst.delegatee, value);
    }

    /// @dev The total supply at the end of `timepoint` (a past one): the total-supply checkpoints.
    function _pastTotalSupply(uint48 timepoint) internal view virtual returns (uint256) {
        return _totalCheckpoints.upperLookupRecent(timepoint);
    }

    /// @dev OZ ERC20._mint + ERC20Votes._update: checkpoints the new total supply, then credits `account`. The
    /// bound of every packed balance (and vote count) is enforced here: the checkpointed supply <= MAX_SAFE_SUPPLY.
    function _mint(address account, uint256 value) internal {
        if (account == address(0)) revert ERC20InvalidReceiver(address(0));
        // checked: overflows with a panic, as OZ's `_totalSupply += value`
        uint256 supply = _totalCheckpoints.latest() + value;
        if (supply > MAX_SAFE_SUPPLY) revert ERC20ExceededSafeSupply(supply, MAX_SAFE_SUPPLY);
        _totalCheckpoints.push(clock(), supply);
        _credit(account, value);
    }

    /// @dev The mint without the supply checkpoint: adds `value` to `account`'s balance and to its delegate's votes
    /// and emits Transfer from zero. For a token that accounts for its supply itself (overriding `totalSupply` and
    /// `_pastTotalSupply`); its caller guarantees what `_mint` checks: a non-zero `account` and a total supply that
    /// stays <= MAX_SAFE_SUPPLY, so that no balance overflows its 96 bits.
    function _credit(address account, uint256 value) internal {
        Account storage a = _accounts[account];
        unchecked {
            a.balance += uint96(value); // balance <= supply <= MAX_SAFE_SUPPLY
        }
        emit Transfer(address(0), account, value);
        _moveDelegateVotes(address(0), a.delegatee, value);
    }

    /// @dev Sets an allowance and emits Approval (OZ ERC20._approve).
    function _approve(address owner, address spender, uint256 value) internal {
        _approve(owner, spender, value, true);
    }

    /// @dev OZ ERC20._approve: transferFrom does not emit Approval.
    function _approve(address owner, address spender, uint256 value, bool emitEvent) internal {
        if (owner == address(0)) revert ERC20InvalidApprover(address(0));
        if (spender == address(0)) revert ERC20InvalidSpender(address(0));
        _allowances[owner][spender] = value;
        if (emitEvent) emit Approval(owner, spender, value);
    }

    /// @dev OZ ERC20._spendAllowance: an unlimited allowance is never lowered.
    function _spendAllowance(address owner, address spender, uint256 value) internal {
        uint256 currentAllowance = allowance(owner, spender);
        if (currentAllowance < type(uint256).max) {
            if (currentAllowance < value) revert ERC20InsufficientAllowance(spender, currentAllowance, value);
            unchecked {
                _approve(owner, spender, currentAllowance - value, false);
            }
        }
    }

    /// @dev OZ Votes._delegate: moves the account's whole balance from its old delegate's votes to the new one's.
    function _delegate(address account, address delegatee) internal {
        Account storage a = _accounts[account];
        address oldDelegate = a.delegatee;
        a.delegatee = delegatee;
        emit DelegateChanged(account, oldDelegate, delegatee);
        _moveDelegateVotes(oldDelegate, delegatee, a.balance);
    }

    /// @dev OZ Votes._moveDelegateVotes. A delegate's votes are the sum of its delegators' balances, so they never
    /// go below amount nor above MAX_SAFE_SUPPLY < 2^88 (checked all the same: the subtraction, and push's bound).
    function _moveDelegateVotes(address from, address to, uint256 amount) private {
        if (from != to && amount > 0) {
            if (from != address(0)) {
                PackedCheckpoints.Trace storage votes = _delegateCheckpoints[from];
                (uint256 oldValue, uint256 newValue) = votes.push(clock(), votes.latest() - amount);
                emit DelegateVotesChanged(from, oldValue, newValue);
            }
            if (to != address(0)) {
                PackedCheckpoints.Trace storage votes = _delegateCheckpoints[to];
                (uint256 oldValue, uint256 newValue) = votes.push(clock(), votes.latest() + amount);
                emit DelegateVotesChanged(to, oldValue, newValue);
            }
        }
    }

    /// @dev OZ Votes._validateTimepoint: only past timepoints have final values. timepoint < clock() < 2^48.
    function _validateTimepoint(uint256 timepoint) private view returns (uint48) {
        uint48 currentTimepoint = clock();
        if (timepoint >= currentTimepoint) revert ERC5805FutureLookup(timepoint, currentTimepoint);
        return uint48(timepoint);
    }
}
