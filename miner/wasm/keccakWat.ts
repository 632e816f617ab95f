// Emits the WebAssembly text (WAT) of the NUMI proof-of-work kernel: Keccak-f[1600] specialised for the
// EIP-918 input keccak256(bytes32 challenge ‖ address miner ‖ uint256 nonce), 84 bytes = one 136-byte block.
// Build-time only (run by generate.ts); the browser and the workers load the compiled bytes, never this file.
//
// Why generated: 24 fully unrolled rounds (round constants and rotation counts as immediates) are ~4,000
// instructions that nobody should write or review by hand; the generator states each step of the
// permutation once. Per attempt: one permutation, the nonce written in place, nothing allocated.
// Specialisations, all checked against ethers by test/miner/core.test.ts:
// - the first round's nonce-independent part is computed once per challenge (`prepare`);
// - the last round computes only lane 0 (the digest's most significant 64 bits), enough to reject
//   practically every attempt; a candidate is confirmed by `hash` with the full digest;
// - rows are computed one at a time (ping-pong between state sets a and e) so B values live briefly.
//
// Two variants of the same module: "scalar" (one nonce per permutation, i64 lanes) and "simd" (two nonces
// per permutation, i64x2 lanes in v128 values; nonces n and n+1). Both export the same functions:
//   memory                          input template at 0..135 (lanes 0..16, little-endian, padding applied),
//                                   digest written by `hash` at DIGEST_OFFSET, search state at STATE_BASE
//   prepare(targetHi: i64)          after the template changes: folds everything that does not depend on the
//                                   nonce's low 64 bits into globals (column parities, whole lanes of the
//                                   first round) and stores the target's most significant 64 bits
//   search(lo: i64, count: i32)->i32 tries nonces lo .. lo+count-1 (low 64 bits; the caller keeps the batch
//                                   from wrapping) and returns the index of the first candidate whose digest's
//                                   top 64 bits are <= targetHi, or -1. The caller confirms the full 256-bit
//                                   comparison with `hash` (needed only when the top words are equal).
//   hash(lo: i64)                   the full digest of one nonce, written at DIGEST_OFFSET (32 bytes)

import { DIGEST_OFFSET, STATE_BASE } from "../core/layout";

export type KernelVariant = "scalar" | "simd";

const ROUND_CONSTANTS: bigint[] = [
  0x0000000000000001n,
  0x0000000000008082n,
  0x800000000000808an,
  0x8000000080008000n,
  0x000000000000808bn,
  0x0000000080000001n,
  0x8000000080008081n,
  0x8000000000008009n,
  0x000000000000008an,
  0x0000000000000088n,
  0x0000000080008009n,
  0x000000008000000an,
  0x000000008000808bn,
  0x800000000000008bn,
  0x8000000000008089n,
  0x8000000000008003n,
  0x8000000000008002n,
  0x8000000000000080n,
  0x000000000000800an,
  0x800000008000000an,
  0x8000000080008081n,
  0x8000000000008080n,
  0x0000000080000001n,
  0x8000000080008008n,
];

// Rotation offsets of rho, indexed by lane x + 5y.
const RHO = [0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14];

// Lanes 9 and 10 hold the nonce's low 64 bits (input bytes 76..83, big-endian); every other lane of the
// 84-byte input is fixed for a given challenge and miner. Lanes 11..24 are zero except the padding in 16.
const NONCE_LANES = [9, 10];
const ZERO_LANES = new Set([11, 12, 13, 14, 15, 17, 18, 19, 20, 21, 22, 23, 24]);
const CONST_COLUMN = 2; // the only column whose first-round theta term D[x] does not depend on the nonce

/** Signed decimal of a 64-bit pattern, as WAT's i64.const wants it. */
function i64(value: bigint): string {
  return BigInt.asIntN(64, value).toString();
}

/** Operations on one lane, for the chosen lane type. Expressions are WAT folded s-expressions. */
interface LaneOps {
  type: string;
  xor(a: string, b: string): string;
  /** ~a & b */
  andNot(a: string, b: string): string;
  /** Rotate left; `x` must be a bare local.get (it may be read twice). */
  rotl(x: string, n: number): string;
  constant(value: bigint): string;
}

const scalarOps: LaneOps = {
  type: "i64",
  xor: (a, b) => `(i64.xor ${a} ${b})`,
  andNot: (a, b) => `(i64.and (i64.xor ${a} (i64.const -1)) ${b})`,
  rotl: (x, n) => (n === 0 ? x : `(i64.rotl ${x} (i64.const ${n}))`),
  constant: (v) => `(i64.const ${i64(v)})`,
};

function byteRotateShuffle(n: number): string {
  const k = n / 8;
  const idx: number[] = [];
  for (let lane = 0; lane < 2; lane++) for (let j = 0; j < 8; j++) idx.push(lane * 8 + ((j - k + 8) % 8));
  return idx.join(" ");
}

const simdOps: LaneOps = {
  type: "v128",
  xor: (a, b) => `(v128.xor ${a} ${b})`,
  andNot: (a, b) => `(v128.andnot ${b} ${a})`,
  rotl: (x, n) => {
    if (n === 0) return x;
    // Whole-byte rotations are one byte shuffle (pshufb); the rest are shift, shift, or.
    if (n % 8 === 0) return `(i8x16.shuffle ${byteRotateShuffle(n)} ${x} ${x})`;
    const left = n === 1 ? `(i64x2.add ${x} ${x})` : `(i64x2.shl ${x} (i32.const ${n}))`;
    return `(v128.or ${left} (i64x2.shr_u ${x} (i32.const ${64 - n})))`;
  },
  constant: (v) => `(v128.const i64x2 ${i64(v)} ${i64(v)})`,
};

// The state lanes (a*, e*) of `search` live in linear memory, not in locals: measured on V8 (Node 20), the
// optimising compiler's register allocator spills badly with 50 long-lived lane locals (SIMD 1.3 M/s), while
// with loads/stores at fixed offsets the same code runs 2.4 M/s scalar and 3.0 M/s SIMD (memory operands are
// cheap; the short-lived C, D and B values stay in registers). `hash` keeps locals: it runs once per solution.
let memState: string | null = null; // lane type while emitting `search`, null otherwise
function stateOffset(name: string): number | null {
  const m = /^([ae])(\d+)$/.exec(name);
  if (!m || !memState) return null;
  const size = memState === "v128" ? 16 : 8;
  return STATE_BASE + (m[1] === "e" ? 25 * size : 0) + Number(m[2]) * size;
}
const get = (name: string) => {
  const off = stateOffset(name);
  return off === null ? `(local.get $${name})` : `(${memState}.load offset=${off} (i32.const 0))`;
};
const set = (name: string, expr: string) => {
  const off = stateOffset(name);
  return off === null ? `(local.set $${name} ${expr})` : `(${memState}.store offset=${off} (i32.const 0) ${expr})`;
};

/**
 * One round from lanes `<from>0..24` to lanes `<to>0..24` (ping-pong between the a and e sets, so each output
 * row is computed from its five B values as soon as they exist: short live ranges, fewer spills).
 * `out` lists the output lanes needed: the last round of `search` needs only lane 0 (the digest's most
 * significant word). `first` replaces theta and the input lanes in the first round.
 */
function round(ops: LaneOps, r: number, from: string, to: string, out: number[], first?: FirstRound): string[] {
  const code: string[] = [];
  if (first) {
    code.push(...first.theta());
  } else {
    for (let x = 0; x < 5; x++) {
      const lanes = [0, 1, 2, 3, 4].map((y) => get(`${from}${x + 5 * y}`));
      code.push(
        set(
          `c${x}`,
          lanes.reduce((acc, lane) => ops.xor(acc, lane)),
        ),
      );
    }
    for (let x = 0; x < 5; x++) {
      code.push(set(`d${x}`, ops.xor(get(`c${(x + 4) % 5}`), ops.rotl(get(`c${(x + 1) % 5}`), 1))));
    }
  }
  for (let row = 0; row < 5; row++) {
    const outs = out.filter((i) => Math.floor(i / 5) === row);
    if (outs.length === 0) continue;
    const needB = new Set<number>();
    for (const i of outs) for (let k = 0; k < 3; k++) needB.add((i + k) % 5);
    // rho and pi: B[x', y'] = rotl(A[x, y] ^ D[x], RHO[x, y]) with x' = y, y' = 2x + 3y, i.e. x = 3(y' - 3x').
    for (let xb = 0; xb < 5; xb++) {
      if (!needB.has(xb)) continue;
      const y = xb;
      const x = (((3 * (row - 3 * xb)) % 5) + 5) % 5;
      const src = x + 5 * y;
      if (first) {
        code.push(...first.rhoPi(src, `b${xb}`));
      } else if (RHO[src] === 0) {
        code.push(set(`b${xb}`, ops.xor(get(`${from}${src}`), get(`d${x}`))));
      } else if (ops.type === "i64") {
        code.push(set(`b${xb}`, ops.rotl(ops.xor(get(`${from}${src}`), get(`d${x}`)), RHO[src])));
      } else {
        code.push(set("t", ops.xor(get(`${from}${src}`), get(`d${x}`))));
        code.push(set(`b${xb}`, ops.rotl(get("t"), RHO[src])));
      }
    }
    // chi and iota
    for (const i of outs) {
      const x = i % 5;
      let e = ops.xor(get(`b${x}`), ops.andNot(get(`b${(x + 1) % 5}`), get(`b${(x + 2) % 5}`)));
      if (i === 0) e = ops.xor(e, ops.constant(ROUND_CONSTANTS[r]));
      code.push(set(`${to}${i}`, e));
    }
  }
  return code;
}

/**
 * The first round, specialised: lanes 0..8 and the fixed halves of 9 and 10 are per-challenge constants held
 * in globals g_k0..g_k10 (copied to locals once per batch), so the column parities of columns 1..3, the
 * theta term of column 2 and the five lanes of column 2 after rho are computed once per challenge in
 * `prepare`, and zero lanes skip their xor.
 */
interface FirstRound {
  theta(): string[];
  rhoPi(src: number, dst: string): string[];
}

function firstRound(ops: LaneOps): FirstRound {
  return {
    theta: () => [
      set("c0", ops.xor(get("p0"), get("v10"))),
      set("c4", ops.xor(get("p4"), get("v9"))),
      set("d0", ops.xor(get("c4"), get("r1"))), // r1 = rotl(C1, 1), constant
      set("d1", ops.xor(get("c0"), get("r2"))), // r2 = rotl(C2, 1), constant
      set("d3", ops.xor(get("p2"), ops.rotl(get("c4"), 1))),
      set("d4", ops.xor(get("p3"), ops.rotl(get("c0"), 1))),
    ],
    rhoPi: (src, dst) => {
      const x = src % 5;
      if (x === CONST_COLUMN) return [set(dst, get(`q${src}`))];
      let lane: string;
      if (NONCE_LANES.includes(src)) lane = ops.xor(get(`k${src}`), get(`v${src}`));
      else if (src === 16) lane = ops.xor(ops.constant(1n << 63n), get(`d${x}`));
      else if (ZERO_LANES.has(src)) lane = get(`d${x}`);
      else lane = ops.xor(get(`k${src}`), get(`d${x}`));
      if (NONCE_LANES.includes(src)) lane = ops.xor(lane, get(`d${x}`));
      if (RHO[src] === 0) return [set(dst, lane)];
      if (ops.type === "i64") return [set(dst, ops.rotl(lane, RHO[src]))];
      return [set("t", lane), set(dst, ops.rotl(get("t"), RHO[src]))];
    },
  };
}

/** Byte-swap of a 32-bit word (wasm has no bswap): two masks and two rotations. */
function bswap32(x: string): string {
  return `(i32.or (i32.rotl (i32.and ${x} (i32.const 0x00ff00ff)) (i32.const 24)) (i32.rotl (i32.and ${x} (i32.const 0xff00ff00)) (i32.const 8)))`;
}

/** Big-endian value of a digest's first 8 bytes from lane 0 (little-endian): a 64-bit byte swap. */
function bswap64Code(v: string): string[] {
  return [
    set(
      v,
      `(i64.or (i64.and (i64.shr_u ${get(v)} (i64.const 8)) (i64.const 0x00ff00ff00ff00ff)) (i64.shl (i64.and ${get(v)} (i64.const 0x00ff00ff00ff00ff)) (i64.const 8)))`,
    ),
    set(
      v,
      `(i64.or (i64.and (i64.shr_u ${get(v)} (i64.const 16)) (i64.const 0x0000ffff0000ffff)) (i64.shl (i64.and ${get(v)} (i64.const 0x0000ffff0000ffff)) (i64.const 16)))`,
    ),
    set(v, `(i64.rotl ${get(v)} (i64.const 32))`),
  ];
}

/** The nonce-dependent halves of lanes 9 and 10 for low word `n` (i64): bytes 76..83 = big-endian n. */
function nonceLanesScalar(n: string, v9: string, v10: string): string[] {
  return [
    set(v9, `(i64.shl (i64.extend_i32_u ${bswap32(`(i32.wrap_i64 (i64.shr_u ${n} (i64.const 32)))`)}) (i64.const 32))`),
    set(v10, `(i64.extend_i32_u ${bswap32(`(i32.wrap_i64 ${n})`)})`),
  ];
}

function locals(names: string[], type: string): string {
  return names.map((n) => `(local $${n} ${type})`).join(" ");
}

const range = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

/** Per-challenge constants, in globals: k = template lanes 0..10, p/r = theta parts, q = column-2 lanes. */
const CONSTANT_NAMES = [
  ...range(11, "k"),
  "p0",
  "p2",
  "p3",
  "p4",
  "r1",
  "r2",
  ...[2, 7, 12, 17, 22].map((i) => `q${i}`),
];

function prepareFunction(): string {
  // Scalar i64 in both variants: runs once per challenge. C[x] here is over the template, with the nonce
  // halves of lanes 9 and 10 zero; the search xors them into c0 and c4 per nonce.
  const code: string[] = [];
  for (let i = 0; i <= 10; i++) code.push(set(`k${i}`, `(i64.load offset=${8 * i} (i32.const 0))`));
  const lane = (i: number) => (i <= 10 ? get(`k${i}`) : i === 16 ? scalarOps.constant(1n << 63n) : "(i64.const 0)");
  for (let x = 0; x < 5; x++) {
    code.push(
      set(
        `c${x}`,
        [0, 1, 2, 3, 4].map((y) => lane(x + 5 * y)).reduce((a, b) => scalarOps.xor(a, b)),
      ),
    );
  }
  code.push(set("d2", scalarOps.xor(get("c1"), scalarOps.rotl(get("c3"), 1))));
  for (const i of [2, 7, 12, 17, 22])
    code.push(set(`q${i}`, scalarOps.rotl(scalarOps.xor(lane(i), get("d2")), RHO[i])));
  code.push(set("p0", get("c0")), set("p4", get("c4")), set("p2", get("c2")), set("p3", get("c3")));
  code.push(set("r1", scalarOps.rotl(get("c1"), 1)), set("r2", scalarOps.rotl(get("c2"), 1)));
  for (const name of CONSTANT_NAMES) code.push(`(global.set $g_${name} ${get(name)})`);
  code.push(`(global.set $target_hi (local.get $target_hi))`);
  return `(func $prepare (export "prepare") (param $target_hi i64)
    ${locals(CONSTANT_NAMES, "i64")} ${locals(range(5, "c"), "i64")} (local $d2 i64)
    ${code.join("\n    ")})`;
}

/** Loads the per-challenge constants into locals, splatted to both SIMD lanes when needed. */
function loadConstants(ops: LaneOps): string[] {
  return CONSTANT_NAMES.map((name) =>
    set(name, ops.type === "i64" ? `(global.get $g_${name})` : `(i64x2.splat (global.get $g_${name}))`),
  );
}

function permutationLocals(ops: LaneOps): string {
  return [
    locals(CONSTANT_NAMES, ops.type),
    locals(range(25, "a"), ops.type),
    locals(range(25, "e"), ops.type),
    locals(range(5, "b"), ops.type),
    locals(range(5, "c"), ops.type),
    locals(range(5, "d"), ops.type),
    locals(["t", "v9", "v10"], ops.type),
  ].join(" ");
}

/** The 24 rounds; the last computes only `lastOut`. */
function permutation(ops: LaneOps, lastOut: number[]): string[] {
  const all = range(25, "").map(Number);
  const code: string[] = [];
  // Round 0 reads the specialised input and writes e; rounds then alternate, so round 23 writes a.
  for (let r = 0; r < 24; r++) {
    const [from, to] = r % 2 === 0 ? ["a", "e"] : ["e", "a"];
    code.push(...round(ops, r, from, to, r === 23 ? lastOut : all, r === 0 ? firstRound(ops) : undefined));
  }
  return code;
}

function searchFunction(ops: LaneOps): string {
  const simd = ops.type === "v128";
  const nonceCode: string[] = simd
    ? [
        ...nonceLanesScalar(get("n"), "s9", "s10"),
        ...nonceLanesScalar(`(i64.add ${get("n")} (i64.const 1))`, "u9", "u10"),
        set("v9", `(i64x2.replace_lane 1 (i64x2.splat ${get("s9")}) ${get("u9")})`),
        set("v10", `(i64x2.replace_lane 1 (i64x2.splat ${get("s10")}) ${get("u10")})`),
      ]
    : nonceLanesScalar(get("n"), "v9", "v10");
  const check = simd
    ? [
        set("h", `(i64x2.extract_lane 0 ${get("a0")})`),
        ...bswap64Code("h"),
        `(if (i64.le_u ${get("h")} (global.get $target_hi)) (then (return ${get("i")})))`,
        set("h", `(i64x2.extract_lane 1 ${get("a0")})`),
        ...bswap64Code("h"),
        `(if (i32.and (i64.le_u ${get("h")} (global.get $target_hi)) (i32.lt_u (i32.add ${get("i")} (i32.const 1)) ${get("count")})) (then (return (i32.add ${get("i")} (i32.const 1)))))`,
      ]
    : [
        set("h", get("a0")),
        ...bswap64Code("h"),
        `(if (i64.le_u ${get("h")} (global.get $target_hi)) (then (return ${get("i")})))`,
      ];
  const step = simd ? 2 : 1;
  return `(func $search (export "search") (param $lo i64) (param $count i32) (result i32)
    (local $i i32) (local $n i64) (local $h i64) (local $s9 i64) (local $s10 i64) (local $u9 i64) (local $u10 i64)
    ${permutationLocals(ops)}
    ${loadConstants(ops).join("\n    ")}
    (block $done (loop $next
      (br_if $done (i32.ge_u ${get("i")} ${get("count")}))
      ${set("n", `(i64.add ${get("lo")} (i64.extend_i32_u ${get("i")}))`)}
      ${nonceCode.join("\n      ")}
      ${permutation(ops, [0]).join("\n      ")}
      ${check.join("\n      ")}
      ${set("i", `(i32.add ${get("i")} (i32.const ${step}))`)}
      (br $next)))
    (i32.const -1))`;
}

/** Full digest of one nonce; scalar in both variants (called only to confirm a candidate). */
function hashFunction(): string {
  const ops = scalarOps;
  const store = [0, 1, 2, 3].map((i) => `(i64.store offset=${DIGEST_OFFSET + 8 * i} (i32.const 0) ${get(`a${i}`)})`);
  return `(func $hash (export "hash") (param $n i64)
    ${permutationLocals(ops)}
    ${loadConstants(ops).join("\n    ")}
    ${nonceLanesScalar(get("n"), "v9", "v10").join("\n    ")}
    ${permutation(ops, [0, 1, 2, 3]).join("\n    ")}
    ${store.join("\n    ")})`;
}

/** The whole module as WAT text. */
export function keccakWat(variant: KernelVariant): string {
  const ops = variant === "simd" ? simdOps : scalarOps;
  memState = ops.type;
  const searchCode = searchFunction(ops);
  memState = null;
  const globals = [...CONSTANT_NAMES, "target_hi"].map((n) => `(global $g_${n} (mut i64) (i64.const 0))`);
  globals[globals.length - 1] = `(global $target_hi (mut i64) (i64.const 0))`;
  return `;; GENERATED by miner/wasm/keccakWat.ts (${variant}); do not edit.
(module
  (memory (export "memory") 1)
  ${globals.join("\n  ")}
  ${prepareFunction()}
  ${searchCode}
  ${hashFunction()})
`;
}
