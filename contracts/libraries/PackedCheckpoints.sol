// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Checkpoints} from "@openzeppelin/contracts/utils/structs/Checkpoints.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Panic} from "@openzeppelin/contracts/utils/Panic.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title PackedCheckpoints: OpenZeppelin's Checkpoints.Trace208, two checkpoints per storage slot
/// @notice Same semantics as OZ 5.7 `Checkpoints.Trace208` for push (a key equal to the last overwrites its value; a
/// smaller key reverts with OZ's `CheckpointUnorderedInsertion`), latest, length, at (a position past the last panics
/// with 0x32, as OZ's array access) and upperLookupRecent; test/foundry/fuzz/PackedCheckpoints.fuzz.t.sol compares
/// them with Trace208 itself. A checkpoint takes 128 bits, so every second push writes the slot the previous one
/// opened (a non-zero to non-zero write, 2,900 gas) instead of a fresh one (20,000 gas).
/// Bounds, checked in `push`, the only place values enter storage (OZ's SafeCast errors):
/// - key < 2^40 (KEY_BITS): a timestamp until the year 36812 (`SafeCastOverflowedUintDowncast(40, key)`);
/// - value < 2^88 (VALUE_BITS): NumiCoin's whole supply is at most 2.1e25 < 2^85 (`SafeCastOverflowedUintDowncast(88,
///   value)`).
/// @dev Layout, as a dynamic array whose length counts checkpoints: the struct's slot p holds the number of
/// checkpoints; checkpoint i is in word keccak256(p) + i / 2, in its low 128 bits if i is even, its high 128 bits if
/// odd; within those 128 bits, key in the low 40, value in the next 88. No checkpoint is ever removed.
library PackedCheckpoints {
    /// @notice Bits of a key (a timestamp).
    uint256 internal constant KEY_BITS = 40;
    /// @notice Bits of a value (a token amount).
    uint256 internal constant VALUE_BITS = 88;

    uint256 private constant KEY_MASK = (1 << KEY_BITS) - 1;
    uint256 private constant HALF_MASK = (1 << 128) - 1;

    /// @dev `_length` checkpoints, stored from keccak256(slot of `_length`) on, two per word.
    struct Trace {
        uint256 _length;
    }

    /// @notice Appends (key, value), or sets the value of the last checkpoint if its key is `key`. Returns the
    /// previous latest value (0 if none) and `value`, as OZ's `push`.
    function push(Trace storage self, uint48 key, uint256 value) internal returns (uint256, uint256) {
        uint256 half = SafeCast.toUint40(key) | (uint256(SafeCast.toUint88(value)) << KEY_BITS);
        uint256 pos = self._length;
        uint256 data = _data(self);
        uint256 slot = data + (pos >> 1);
        if (pos == 0) {
            self._length = 1;
            _store(slot, half);
            return (0, value);
        }
        uint256 lastSlot = data + ((pos - 1) >> 1);
        uint256 word = _load(lastSlot);
        uint256 lastShift = ((pos - 1) & 1) << 7; // 0 or 128
        uint256 last = (word >> lastShift) & HALF_MASK;
        uint256 lastKey = last & KEY_MASK;
        if (lastKey > key) revert Checkpoints.CheckpointUnorderedInsertion();
        if (lastKey == key) {
            _store(lastSlot, (word & ~(HALF_MASK << lastShift)) | (half << lastShift));
        } else {
            self._length = pos + 1;
            // pos even: a fresh word; pos odd: the high half of the word the last checkpoint is in.
            _store(slot, pos & 1 == 0 ? half : word | (half << 128));
        }
        return (last >> KEY_BITS, value);
    }

    /// @notice The latest value, 0 if there is no checkpoint.
    function latest(Trace storage self) internal view returns (uint256) {
        uint256 pos = self._length;
        return pos == 0 ? 0 : _half(_data(self), pos - 1) >> KEY_BITS;
    }

    /// @notice The number of checkpoints.
    function length(Trace storage self) internal view returns (uint256) {
        return self._length;
    }

    /// @notice The checkpoint at `pos`, as OZ's Checkpoint208; panics with 0x32 (array out of bounds) past the last.
    function at(Trace storage self, uint32 pos) internal view returns (Checkpoints.Checkpoint208 memory) {
        if (pos >= self._length) Panic.panic(Panic.ARRAY_OUT_OF_BOUNDS);
        uint256 half = _half(_data(self), pos);
        return Checkpoints.Checkpoint208({_key: uint48(half & KEY_MASK), _value: uint208(half >> KEY_BITS)});
    }

    /// @notice The value of the last checkpoint whose key is <= `key`, 0 if none; like OZ, it first tries the
    /// last sqrt(length) checkpoints (recent lookups are the common case).
    function upperLookupRecent(Trace storage self, uint48 key) internal view returns (uint256) {
        uint256 len = self._length;
        uint256 data = _data(self);
        uint256 low = 0;
        uint256 high = len;
        if (len > 5) {
            uint256 mid = len - Math.sqrt(len);
            if (key < _half(data, mid) & KEY_MASK) high = mid;
            else low = mid + 1;
        }
        while (low < high) {
            uint256 mid = Math.average(low, high);
            if (_half(data, mid) & KEY_MASK > key) high = mid;
            else low = mid + 1;
        }
        return high == 0 ? 0 : _half(data, high - 1) >> KEY_BITS;
    }

    /// @dev The 128 bits of checkpoint `pos` (< length) of the checkpoints starting at word `data`.
    function _half(uint256 data, uint256 pos) private view returns (uint256) {
        return (_load(data + (pos >> 1)) >> ((pos & 1) << 7)) & HALF_MASK;
    }

    // The three assembly blocks below only address storage by slot number (a Solidity array's length cannot count
    // half-words); they touch nothing else, and memory only in the scratch space.

    /// @dev First word of the checkpoints: keccak256 of the struct's slot, as a dynamic array's data.
    function _data(Trace storage self) private pure returns (uint256 data) {
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            mstore(0, self.slot)
            data := keccak256(0, 0x20)
        }
    }

    function _load(uint256 slot) private view returns (uint256 word) {
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            word := sload(slot)
        }
    }

    function _store(uint256 slot, uint256 word) private {
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            sstore(slot, word)
        }
    }
}
