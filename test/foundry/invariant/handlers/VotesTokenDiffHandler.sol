// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {NumiVotesTokenMock} from "../../../../contracts/mocks/NumiVotesTokenMock.sol";
import {OZVotesTimestampReference} from "../../../../contracts/mocks/OZVotesTimestampReference.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {Vm, vm} from "../../utils/Vm.sol";
import {TestBase} from "../../utils/TestBase.sol";

/// @title Drives NumiVotesToken and the OpenZeppelin reference with the same calls, side by side
/// @notice Every action is sent, from the same sender and with the same calldata, to NumiVotesTokenMock (the token
/// under test) and to OZVotesTimestampReference (OZ ERC20 + ERC20Permit + ERC20Votes, timestamp clock, cap 2^88 - 1);
/// the two must succeed or fail together with byte-identical return or revert data and identical events (topics
/// and data). Inputs are shaped to reach both the successful paths and every refusal: zero addresses, balances and
/// allowances plus one, the supply cap exactly and one above it, uint256 overflow, expired, wrongly signed and
/// malformed signatures, wrong nonces, future timepoints. The invariant suite compares the whole state after each.
/// @dev Signatures are made per token with the same key: the EIP-712 domains differ only by verifyingContract, so
/// the recovered signer, and so every error that carries it, is the same on both sides.
contract VotesTokenDiffHandler is TestBase {
    uint256 public constant KEYED = 4; // actors with a private key (permit and delegateBySig signers)
    uint256 public constant ADDRESSES = 6; // the keyed actors, one holder without a key, and address(0)
    uint256 public constant MAX_TIMEPOINTS = 24;
    uint256 public constant MAX_SAFE_SUPPLY = type(uint88).max; // NumiVotesToken's bound, OZVotesTimestampReference's cap
    uint256 private constant SECP256K1_HALF_N = 0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0;
    bytes32 private constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");
    bytes32 private constant DELEGATION_TYPEHASH = keccak256("Delegation(address delegatee,uint256 nonce,uint256 expiry)");

    NumiVotesTokenMock public immutable token;
    OZVotesTimestampReference public immutable ref;

    uint256[KEYED] private _keys;
    address[ADDRESSES] private _addrs;
    uint256[] private _timepoints;

    uint256 public ghostSucceeded;
    uint256 public ghostReverted;
    mapping(string action => uint256 count) public calls;

    error Diverged(string action, bytes mine, bytes theirs);
    error LogsDiverged(string action, uint256 index, uint256 mine, uint256 theirs);

    constructor() {
        token = new NumiVotesTokenMock("NumiCoin", "NUMI");
        ref = new OZVotesTimestampReference("NumiCoin", "NUMI");
        for (uint256 i = 0; i < KEYED; i++) {
            _keys[i] = 0xA11CE + i;
            _addrs[i] = vm.addr(_keys[i]);
        }
        _addrs[KEYED] = address(0xBEEF);
        _addrs[KEYED + 1] = address(0);
    }

    // ───────────────────────────── Views for the invariants ─────────────────────────────

    /// @notice The addresses every comparison covers (the last one is address(0)).
    function addrs() external view returns (address[ADDRESSES] memory) {
        return _addrs;
    }

    /// @notice Timepoints seen by the actions (the latest may still be the present: both must refuse it alike).
    function timepoints() external view returns (uint256[] memory) {
        return _timepoints;
    }

    // ───────────────────────────── Actions ─────────────────────────────

    /// @notice Mint: mostly ordinary amounts; sometimes exactly up to the cap, one above it, or a uint256 overflow.
    function mint(uint256 callerSeed, uint256 toSeed, uint256 amount, uint8 mode) external {
        uint256 room = MAX_SAFE_SUPPLY - token.totalSupply();
        if (mode % 10 == 0) amount = room + bound(amount, 0, 1); // the cap exactly, then one above it
        else if (mode % 10 == 1) amount = type(uint256).max - bound(amount, 0, 3); // totalSupply + amount overflows
        else if (mode % 10 != 2) amount = bound(amount, 0, 1_000_000 ether);
        _both(_caller(callerSeed), abi.encodeCall(token.mint, (_addr(toSeed), amount)), "mint");
    }

    /// @notice transfer: up to one more than the sender's balance (or anything), to anyone including address(0).
    function transfer(uint256 fromSeed, uint256 toSeed, uint256 amount, bool raw) external {
        address from = _caller(fromSeed);
        if (!raw) amount = bound(amount, 0, token.balanceOf(from) + 1);
        _both(from, abi.encodeCall(token.transfer, (_addr(toSeed), amount)), "transfer");
    }

    /// @notice transferFrom by any caller, within or one above the allowance and the balance.
    function transferFrom(uint256 spenderSeed, uint256 fromSeed, uint256 toSeed, uint256 amount, bool raw) external {
        address spender = _caller(spenderSeed);
        address from = _addr(fromSeed);
        if (!raw) {
            uint256 allowed = token.allowance(from, spender);
            uint256 balance = token.balanceOf(from);
            amount = bound(amount, 0, (allowed < balance ? allowed : balance) + 1);
        }
        _both(spender, abi.encodeCall(token.transferFrom, (from, _addr(toSeed), amount)), "transferFrom");
    }

    /// @notice The internal transfer with any sender, address(0) included (ERC20InvalidSender).
    function transferInternal(uint256 fromSeed, uint256 toSeed, uint256 amount) external {
        address from = _addr(fromSeed);
        amount = bound(amount, 0, token.balanceOf(from) + 1);
        _both(address(this), abi.encodeCall(token.transferInternal, (from, _addr(toSeed), amount)), "transferInternal");
    }

    /// @notice approve: finite, unlimited (never spent) or zero allowances, to anyone including address(0).
    function approve(uint256 ownerSeed, uint256 spenderSeed, uint256 amount, uint8 mode) external {
        if (mode % 4 == 0) amount = type(uint256).max;
        else if (mode % 4 == 1) amount = bound(amount, 0, 1_000_000 ether);
        _both(_caller(ownerSeed), abi.encodeCall(token.approve, (_addr(spenderSeed), amount)), "approve");
    }

    /// @notice The internal approve with any owner, address(0) included (ERC20InvalidApprover).
    function approveInternal(uint256 ownerSeed, uint256 spenderSeed, uint256 amount) external {
        bytes memory data = abi.encodeCall(token.approveInternal, (_addr(ownerSeed), _addr(spenderSeed), amount));
        _both(address(this), data, "approveInternal");
    }

    /// @dev One permit as signed for both tokens.
    struct Permit {
        address owner;
        address spender;
        uint256 value;
        uint256 deadline;
        uint256 key;
        uint8 mode;
    }

    /// @notice permit relayed by anyone: signed by the owner or by another key, live or expired, or malformed.
    function permit(
        uint256 relayerSeed,
        uint256 ownerSeed,
        uint256 keySeed,
        uint256 spenderSeed,
        uint256 value,
        uint256 deadlineShift,
        uint8 mode
    ) external {
        Permit memory p;
        p.owner = _addr(ownerSeed);
        p.key = _keys[keySeed % KEYED];
        // Mostly the owner's own key (owner = the keyed actor), so most permits are valid.
        if (mode % 4 != 0 && ownerSeed % ADDRESSES < KEYED) p.key = _keys[ownerSeed % ADDRESSES];
        p.deadline = _deadline(deadlineShift, mode);
        p.spender = _addr(spenderSeed);
        p.value = value;
        p.mode = mode;
        _bothPair(_caller(relayerSeed), _permitCall(address(token), p), _permitCall(address(ref), p), "permit");
    }

    /// @dev The permit call for `verifier`, signed over its domain; modes 3 and 5 make the signature malformed.
    function _permitCall(address verifier, Permit memory p) private view returns (bytes memory) {
        uint256 nonce = NumiVotesTokenMock(verifier).nonces(p.owner);
        bytes32 structHash = keccak256(abi.encode(PERMIT_TYPEHASH, p.owner, p.spender, p.value, nonce, p.deadline));
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(p.key, _digest(verifier, structHash));
        if (p.mode % 16 == 3) s = bytes32(SECP256K1_HALF_N + 1); // ECDSAInvalidSignatureS
        if (p.mode % 16 == 5) v = 29; // v neither 27 nor 28: ECDSAInvalidSignature
        return abi.encodeCall(IERC20Permit.permit, (p.owner, p.spender, p.value, p.deadline, v, r, s));
    }

    /// @notice delegate by any holder, to anyone including address(0) (which undelegates).
    function delegate(uint256 accountSeed, uint256 delegateeSeed) external {
        _both(_caller(accountSeed), abi.encodeCall(token.delegate, (_addr(delegateeSeed))), "delegate");
    }

    /// @notice delegateBySig relayed by anyone: current or wrong nonce, live or expired, or malformed.
    function delegateBySig(
        uint256 relayerSeed,
        uint256 keySeed,
        uint256 delegateeSeed,
        uint256 expiryShift,
        uint8 mode
    ) external {
        uint256 key = _keys[keySeed % KEYED];
        address signer = vm.addr(key);
        uint256 nonce = token.nonces(signer);
        if (mode % 8 == 1) nonce += 1; // InvalidAccountNonce(signer, current)
        if (mode % 8 == 2 && nonce > 0) nonce -= 1; // a replay
        uint256 expiry = _deadline(expiryShift, mode);
        address delegatee = _addr(delegateeSeed);
        address relayer = _caller(relayerSeed);
        _bothPair(
            relayer,
            _delegationCall(address(token), key, delegatee, nonce, expiry, mode),
            _delegationCall(address(ref), key, delegatee, nonce, expiry, mode),
            "delegateBySig"
        );
    }

    /// @dev The delegateBySig call for `verifier`, signed over its domain; mode 3 makes the signature malformed.
    function _delegationCall(
        address verifier,
        uint256 key,
        address delegatee,
        uint256 nonce,
        uint256 expiry,
        uint8 mode
    ) private pure returns (bytes memory) {
        bytes32 structHash = keccak256(abi.encode(DELEGATION_TYPEHASH, delegatee, nonce, expiry));
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, _digest(verifier, structHash));
        if (mode % 16 == 3) s = bytes32(SECP256K1_HALF_N + 1); // ECDSAInvalidSignatureS
        return abi.encodeCall(IVotes.delegateBySig, (delegatee, nonce, expiry, v, r, s));
    }

    /// @notice Time passes: nothing, a second, or up to three days (the block advances with it).
    function warp(uint256 seconds_) external {
        _record();
        vm.warp(block.timestamp + bound(seconds_, 0, 3 days));
        vm.roll(block.number + 1);
        calls["warp"]++;
    }

    /// @notice Past, present and future lookups, and checkpoints at and past the end: same values or same errors.
    function lookup(uint256 accountSeed, uint256 back, uint256 ahead, uint32 pos) external {
        _record();
        address account = _addr(accountSeed);
        uint256 timepoint = block.timestamp - bound(back, 0, block.timestamp);
        _sameView(abi.encodeCall(token.getPastVotes, (account, timepoint)), "getPastVotes(past)");
        _sameView(abi.encodeCall(token.getPastTotalSupply, (timepoint)), "getPastTotalSupply(past)");
        if (ahead % 3 == 0) timepoint = ahead; // anything, up to uint256 max (beyond uint48 too)
        else timepoint = block.timestamp + bound(ahead, 0, 2);
        _sameView(abi.encodeCall(token.getPastVotes, (account, timepoint)), "getPastVotes(any)");
        _sameView(abi.encodeCall(token.getPastTotalSupply, (timepoint)), "getPastTotalSupply(any)");
        pos = uint32(bound(pos, 0, token.numCheckpoints(account) + 1));
        _sameView(abi.encodeCall(token.checkpoints, (account, pos)), "checkpoints");
        calls["lookup"]++;
    }

    // ───────────────────────────── Comparison ─────────────────────────────

    /// @notice Reverts unless `data` (a view call) answers the same on both tokens, revert data included.
    function sameView(bytes memory data, string memory what) external view {
        _sameView(data, what);
    }

    function _sameView(bytes memory data, string memory what) private view {
        (bool okA, bytes memory outA) = address(token).staticcall(data);
        (bool okB, bytes memory outB) = address(ref).staticcall(data);
        if (okA != okB || keccak256(outA) != keccak256(outB)) revert Diverged(what, outA, outB);
    }

    function _both(address sender, bytes memory data, string memory action) private {
        _bothPair(sender, data, data, action);
    }

    /// @dev The same sender sends `dataA` to the token and `dataB` to the reference (they differ only by signatures).
    function _bothPair(address sender, bytes memory dataA, bytes memory dataB, string memory action) private {
        _record();
        vm.recordLogs();
        vm.prank(sender);
        (bool okA, bytes memory outA) = address(token).call(dataA);
        Vm.Log[] memory logsA = vm.getRecordedLogs();
        vm.prank(sender);
        (bool okB, bytes memory outB) = address(ref).call(dataB);
        Vm.Log[] memory logsB = vm.getRecordedLogs();
        if (okA != okB || keccak256(outA) != keccak256(outB)) revert Diverged(action, outA, outB);
        // Foundry records the events of reverted calls too: only a success's events are the token's events.
        if (!okA) logsA = logsB = new Vm.Log[](0);
        if (logsA.length != logsB.length) revert LogsDiverged(action, type(uint256).max, logsA.length, logsB.length);
        for (uint256 i = 0; i < logsA.length; i++) {
            bool same = logsA[i].emitter == address(token) && logsB[i].emitter == address(ref);
            same = same && keccak256(abi.encode(logsA[i].topics)) == keccak256(abi.encode(logsB[i].topics));
            if (!same || keccak256(logsA[i].data) != keccak256(logsB[i].data)) revert LogsDiverged(action, i, logsA.length, logsB.length);
        }
        if (okA) ghostSucceeded++;
        else ghostReverted++;
        calls[action]++;
    }

    // ───────────────────────────── Inputs ─────────────────────────────

    /// @dev Any address, address(0) included.
    function _addr(uint256 seed) private view returns (address) {
        return _addrs[seed % ADDRESSES];
    }

    /// @dev A sender: never address(0).
    function _caller(uint256 seed) private view returns (address) {
        return _addrs[seed % (ADDRESSES - 1)];
    }

    /// @dev Mostly in the future or now (valid), sometimes one second or more in the past (expired).
    function _deadline(uint256 shift, uint8 mode) private view returns (uint256) {
        if (mode % 8 == 7) return block.timestamp - bound(shift, 1, block.timestamp);
        if (mode % 8 == 6) return block.timestamp;
        return block.timestamp + bound(shift, 0, 30 days);
    }

    /// @dev Remembers the present as a timepoint to look up later (a bounded list, the oldest kept).
    function _record() private {
        uint256 n = _timepoints.length;
        if (n < MAX_TIMEPOINTS && (n == 0 || _timepoints[n - 1] != block.timestamp)) _timepoints.push(block.timestamp);
    }

    /// @dev The EIP-712 digest, with the domain written out here (not read from the tokens): name "NumiCoin",
    /// version "1", this chain, the verifying token.
    function _digest(address verifier, bytes32 structHash) private pure returns (bytes32) {
        bytes32 domain = keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256("NumiCoin"),
                keccak256("1"),
                uint256(31337),
                verifier
            )
        );
        return keccak256(abi.encodePacked("\x19\x01", domain, structHash));
    }
}
