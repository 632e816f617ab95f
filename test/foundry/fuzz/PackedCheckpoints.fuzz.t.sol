// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Checkpoints} from "@openzeppelin/contracts/utils/structs/Checkpoints.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {PackedCheckpointsHarness} from "../../../contracts/mocks/PackedCheckpointsHarness.sol";
import {vm} from "../utils/Vm.sol";
import {TestBase} from "../utils/TestBase.sol";

/// @title Fuzz: PackedCheckpoints against OpenZeppelin's Checkpoints.Trace208, and its packed slot layout
/// @notice Random push sequences (equal keys, increasing keys, and now and then a smaller one) go to the packed trace
/// and to OZ's Trace208; both must succeed or revert alike with the same data, return the same values, and then agree
/// on length, latest, every checkpoint (at, including one past the last) and lookups at random keys. The raw storage
/// must be exactly two checkpoints per word (key 40 bits | value 88 bits, even position low, odd high).
contract PackedCheckpointsFuzzTest is TestBase {
    uint256 private constant MAX_KEY = 2 ** 40 - 1;
    uint256 private constant MAX_VALUE = 2 ** 88 - 1;

    PackedCheckpointsHarness private h;
    uint48[] private _keys;
    uint256[] private _values;

    function setUp() public {
        h = new PackedCheckpointsHarness();
    }

    function _rand(uint256 seed, uint256 i) private pure returns (uint256) {
        return uint256(keccak256(abi.encode(seed, i)));
    }

    /// @dev The same call on both sides: success or failure alike, identical return or revert data.
    function _same(bytes memory mine, bytes memory theirs, string memory what) private returns (bool ok, bytes memory r) {
        bool ok1;
        bool ok2;
        bytes memory r1;
        bytes memory r2;
        (ok1, r1) = address(h).call(mine);
        (ok2, r2) = address(h).call(theirs);
        assertTrue(ok1 == ok2, what);
        assertTrue(keccak256(r1) == keccak256(r2), what);
        return (ok1, r1);
    }

    /// @notice Any sequence of up to 40 pushes and 16 lookups: identical to Trace208 in every result.
    function testFuzz_matchesTrace208(uint256 seed, uint8 pushes, uint48 start) public {
        uint256 n = bound(pushes, 0, 40);
        uint256 key = bound(start, 0, MAX_KEY - 400);
        for (uint256 i = 0; i < n; i++) {
            uint256 r = _rand(seed, i);
            uint256 step = r % 7;
            // 0-2: the same key (overwrite), 3-5: a larger one, 6: a smaller one (both revert) if there is one.
            uint256 k = step < 3 ? key : step < 6 ? key + 1 + ((r >> 8) % 9) : (key == 0 ? 0 : key - 1);
            uint256 v = (r >> 16) % 4 == 0 ? MAX_VALUE - ((r >> 24) % 3) : (r >> 32) % (MAX_VALUE + 1);
            if ((r >> 40) % 5 == 0) v = 0;
            (bool ok, ) = _same(
                abi.encodeCall(h.push, (uint48(k), v)),
                abi.encodeCall(h.pushOZ, (uint48(k), uint208(v))),
                "push"
            );
            if (ok && k > key) key = k;
            _sameState(seed, i);
        }
        for (uint256 j = 0; j < 16; j++) {
            uint256 r = _rand(~seed, j);
            uint256 k = r % 3 == 0 ? (r >> 8) % 2 ** 48 : bound(r >> 8, key > 420 ? key - 420 : 0, key + 2);
            _same(
                abi.encodeCall(h.upperLookupRecent, (uint48(k))),
                abi.encodeCall(h.upperLookupRecentOZ, (uint48(k))),
                "upperLookupRecent"
            );
        }
    }

    function _sameState(uint256 seed, uint256 i) private {
        uint256 len = h.length();
        assertEq(len, h.lengthOZ(), "length");
        assertEq(h.latest(), h.latestOZ(), "latest");
        for (uint32 p = 0; p <= len; p++) {
            _same(abi.encodeCall(h.at, (p)), abi.encodeCall(h.atOZ, (p)), "at"); // p == len: both panic 0x32
        }
        uint256 r = _rand(seed, i + 1000);
        uint48 k = uint48(r % 2 ** 48);
        if (len != 0 && r % 2 == 0) {
            uint256 near = uint256(h.atOZ(uint32((r >> 8) % len))._key) + ((r >> 16) % 3); // a key, or one above
            k = uint48(near == 0 ? 0 : near - 1); // one below a key, the key, or one above
        }
        _same(abi.encodeCall(h.upperLookupRecent, (k)), abi.encodeCall(h.upperLookupRecentOZ, (k)), "lookup");
    }

    /// @notice The raw layout: slot 0 is the number of checkpoints; word keccak256(0) + i / 2 holds checkpoint i in
    /// its low (i even) or high (i odd) 128 bits as key | value << 40; nothing else is written.
    function testFuzz_twoCheckpointsPerSlot(uint256 seed, uint8 pushes) public {
        uint256 n = bound(pushes, 1, 12);
        uint256 key = 0;
        for (uint256 i = 0; i < n; i++) {
            uint256 r = _rand(seed, i);
            key += 1 + (r % 1000);
            if (i == n - 1 && r % 2 == 0) key = MAX_KEY; // the key bound
            uint256 v = r % 3 == 0 ? MAX_VALUE : (r >> 8) % (MAX_VALUE + 1); // the value bound
            h.push(uint48(key), v);
            _keys.push(uint48(key));
            _values.push(v);
        }
        assertEq(uint256(vm.load(address(h), bytes32(0))), n, "length slot");
        uint256 data = uint256(h.data());
        for (uint256 w = 0; w <= n / 2; w++) {
            uint256 word = uint256(vm.load(address(h), bytes32(data + w)));
            uint256 expected = 0;
            for (uint256 half = 0; half < 2; half++) {
                uint256 i = 2 * w + half;
                if (i < n) expected |= (uint256(_keys[i]) | (_values[i] << 40)) << (128 * half);
            }
            assertEq(word, expected, "word");
        }
        assertEq(uint256(vm.load(address(h), bytes32(data + n / 2 + 1))), 0, "nothing beyond");
    }

    /// @notice The bounds where values enter storage: key 2^40 - 1 and value 2^88 - 1 are stored intact; key 2^40
    /// and value 2^88 revert with OZ's SafeCastOverflowedUintDowncast.
    function testFuzz_boundsEnforced(uint48 key, uint256 value) public {
        h.push(uint48(MAX_KEY), MAX_VALUE);
        assertEq(h.latest(), MAX_VALUE, "value bound");
        assertEq(h.at(0)._key, MAX_KEY, "key bound");
        uint256 bigKey = bound(key, MAX_KEY + 1, type(uint48).max);
        vm.expectRevert(abi.encodeWithSelector(SafeCast.SafeCastOverflowedUintDowncast.selector, 40, bigKey));
        h.push(uint48(bigKey), 1);
        uint256 bigValue = bound(value, MAX_VALUE + 1, type(uint256).max);
        vm.expectRevert(abi.encodeWithSelector(SafeCast.SafeCastOverflowedUintDowncast.selector, 88, bigValue));
        h.push(uint48(MAX_KEY), bigValue);
        vm.expectRevert(Checkpoints.CheckpointUnorderedInsertion.selector);
        h.push(uint48(MAX_KEY - 1), 1);
    }
}
