// The hashing core against ethers' keccak256: every kernel, random and edge inputs, both SIMD lanes, the
// search semantics (first solution, batch bounds, carries, the exact 256-bit comparison) and input checks.
import { expect } from "chai";
import { randomBytes } from "crypto";
import { hexlify, solidityPackedKeccak256 } from "ethers";
import {
  compileKernel,
  createSearcher,
  createSearcherAsync,
  expectedHashes,
  KernelKind,
  MAX_UINT256,
  simdSupported,
} from "@numi/miner";

const digestOf = (challenge: string, miner: string, nonce: bigint) =>
  solidityPackedKeccak256(["bytes32", "address", "uint256"], [challenge, miner, nonce]);

/** The first nonce in [start, start + count) whose digest is <= target, by ethers (the reference). */
function referenceSearch(challenge: string, miner: string, target: bigint, start: bigint, count: number) {
  for (let i = 0; i < count; i++) {
    const nonce = start + BigInt(i);
    if (nonce > MAX_UINT256) break;
    if (BigInt(digestOf(challenge, miner, nonce)) <= target) return nonce;
  }
  return undefined;
}

const random32 = () => hexlify(randomBytes(32));
const random20 = () => hexlify(randomBytes(20));
const randomUint = (bytes: number) => BigInt(hexlify(randomBytes(bytes)));

const EDGE_NONCES = [
  0n,
  1n,
  0xffn,
  0x100n,
  0xffffn,
  0x10000n,
  0xffff_ffffn,
  1n << 32n,
  (1n << 64n) - 1n,
  1n << 64n,
  (1n << 64n) + 1n,
  (1n << 128n) - 1n,
  1n << 192n,
  MAX_UINT256 - 1n,
  MAX_UINT256,
];

describe("miner core", function () {
  it("this engine supports the SIMD kernel (Node 20)", function () {
    expect(simdSupported()).to.equal(true);
  });

  for (const kernel of ["simd", "scalar"] as KernelKind[]) {
    describe(`${kernel} kernel`, function () {
      const searcher = createSearcher({ kernel });

      it("reports its kernel", function () {
        expect(searcher.kernel).to.equal(kernel);
      });

      it("hashes random inputs exactly like solidityPackedKeccak256", function () {
        for (let i = 0; i < 200; i++) {
          const challenge = random32();
          const miner = random20();
          const nonce = randomUint(1 + (i % 32));
          expect(searcher.hash(challenge, miner, nonce), `nonce ${nonce}`).to.equal(digestOf(challenge, miner, nonce));
        }
      });

      it("hashes edge inputs: zero and max nonce, carries across bytes and words, all-0x00/0xff fields", function () {
        const challenges = ["0x" + "00".repeat(32), "0x" + "ff".repeat(32), random32()];
        const miners = ["0x" + "00".repeat(20), "0x" + "ff".repeat(20), random20()];
        for (const challenge of challenges) {
          for (const miner of miners) {
            for (const nonce of EDGE_NONCES) {
              expect(searcher.hash(challenge, miner, nonce)).to.equal(digestOf(challenge, miner, nonce));
            }
          }
        }
      });

      it("accepts the challenge as bytes or as hex, and a checksummed or lowercase miner", function () {
        const challenge = random32();
        const miner = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
        const expected = digestOf(challenge, miner, 42n);
        expect(searcher.hash(Uint8Array.from(Buffer.from(challenge.slice(2), "hex")), miner, 42n)).to.equal(expected);
        expect(searcher.hash(challenge, miner.toLowerCase(), 42n)).to.equal(expected);
      });

      it("finds the first solution, like an exhaustive reference search, in both SIMD lanes", function () {
        const target = MAX_UINT256 / 64n; // 1 in 64
        const parities = new Set<bigint>();
        for (let i = 0; i < 12; i++) {
          const challenge = random32();
          const miner = random20();
          const start = randomUint(8) + BigInt(i % 2); // odd and even starts
          const expected = referenceSearch(challenge, miner, target, start, 2_000);
          const result = searcher.search(challenge, miner, target, start, 2_000);
          expect(result.found).to.equal(expected !== undefined);
          if (expected === undefined) continue;
          expect(result.nonce).to.equal(expected);
          expect(result.digest).to.equal(digestOf(challenge, miner, expected));
          expect(result.hashes).to.equal(Number(expected - start) + 1);
          parities.add((expected - start) % 2n);
        }
        expect([...parities].sort()).to.deep.equal([0n, 1n]); // solutions at both lanes of a pair were found
      });

      it("carries the nonce across the 64-bit word inside a search", function () {
        const challenge = random32();
        const miner = random20();
        const target = MAX_UINT256 / 8n;
        const start = (5n << 64n) - 40n;
        for (let from = start; from < start + 80n;) {
          const result = searcher.search(challenge, miner, target, from, 80);
          const expected = referenceSearch(challenge, miner, target, from, 80);
          expect(result.nonce).to.equal(expected);
          if (expected === undefined) break;
          from = expected + 1n;
        }
      });

      it("stops at the last uint256 nonce", function () {
        const result = searcher.search(random32(), random20(), 0n, MAX_UINT256 - 4n, 100);
        expect(result).to.deep.equal({ found: false, hashes: 5 });
      });

      it("counts every attempt of a batch without a solution", function () {
        const result = searcher.search(random32(), random20(), 0n, 7n, 3_001);
        expect(result).to.deep.equal({ found: false, hashes: 3_001 });
        expect(searcher.search(random32(), random20(), MAX_UINT256, 7n, 0)).to.deep.equal({ found: false, hashes: 0 });
      });

      it("compares all 256 bits: a digest equal to the target passes, target = digest - 1 does not", function () {
        const challenge = random32();
        const miner = random20();
        const nonce = randomUint(32);
        const digest = BigInt(digestOf(challenge, miner, nonce));
        expect(searcher.search(challenge, miner, digest, nonce, 1).found).to.equal(true);
        expect(searcher.search(challenge, miner, digest - 1n, nonce, 1).found).to.equal(false);
      });

      it("accepts every nonce at the maximum target and none at target 0 (practically)", function () {
        const result = searcher.search(random32(), random20(), MAX_UINT256, 123n, 10);
        expect(result.found).to.equal(true);
        expect(result.nonce).to.equal(123n);
        expect(result.hashes).to.equal(1);
      });

      it("rejects malformed input", function () {
        expect(() => searcher.search("0x1234", random20(), 1n, 0n, 1)).to.throw(/32 bytes/);
        expect(() => searcher.search(random32(), "0x1234", 1n, 0n, 1)).to.throw(/20 bytes/);
        expect(() => searcher.search(random32(), random20(), MAX_UINT256 + 1n, 0n, 1)).to.throw(/target/);
        expect(() => searcher.search(random32(), random20(), 1n, -1n, 1)).to.throw(/startNonce/);
        expect(() => searcher.search(random32(), random20(), 1n, 0n, 1.5)).to.throw(/count/);
        expect(() => searcher.hash(random32(), random20(), MAX_UINT256 + 1n)).to.throw(/nonce/);
      });
    });
  }

  it("builds searchers from a precompiled module and asynchronously, all agreeing", async function () {
    const challenge = random32();
    const miner = random20();
    const expected = digestOf(challenge, miner, 99n);
    const fromModule = createSearcher({ module: compileKernel("scalar"), kernel: "scalar" });
    const fromBareModule = createSearcher(compileKernel("simd"));
    const asyncDefault = await createSearcherAsync();
    const asyncScalar = await createSearcherAsync({ kernel: "scalar" });
    for (const s of [fromModule, fromBareModule, asyncDefault, asyncScalar])
      expect(s.hash(challenge, miner, 99n)).to.equal(expected);
    expect(asyncDefault.kernel).to.equal("simd");
    expect(asyncScalar.kernel).to.equal("scalar");
  });

  it("refuses a WebAssembly module that is not the kernel", function () {
    const { WebAssembly: wasm } = globalThis as unknown as {
      WebAssembly: { Module: new (bytes: Uint8Array) => object };
    };
    const empty = new wasm.Module(Uint8Array.from([0, 97, 115, 109, 1, 0, 0, 0])); // "\0asm", version 1, nothing else
    expect(() => createSearcher({ module: empty })).to.throw(/not a NUMI keccak kernel/);
  });

  it("expectedHashes is 2^256 / (target + 1)", function () {
    expect(expectedHashes(MAX_UINT256)).to.equal(1);
    expect(expectedHashes(2n ** 252n)).to.be.closeTo(16, 1e-9);
    expect(expectedHashes((2n ** 252n) >> 12n)).to.be.closeTo(65_536, 1e-6);
  });
});
