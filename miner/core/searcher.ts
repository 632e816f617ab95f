// The NUMI proof-of-work searcher: finds nonces with
//   uint256(keccak256(abi.encodePacked(bytes32 challenge, address miner, uint256 nonce))) <= target
// Pure TypeScript around an embedded WebAssembly kernel (see keccakWat.ts); no Node APIs, no dependencies,
// so the same file runs in Node worker_threads and in a browser Web Worker.
//
// One `search` call is one batch: it returns after `count` attempts (or the first solution), so the caller
// can check for a new challenge between batches and abandon stale work without losing anything.
import { SCALAR_KERNEL_BASE64, SIMD_KERNEL_BASE64 } from "./keccakWasm.generated";
import { DIGEST_OFFSET } from "./layout";
import { MAX_UINT256, MAX_UINT64, bytesToHex, bytesToUint256, hexToBytes, toBytes32 } from "./hex";

export type KernelKind = "simd" | "scalar";

export interface SearchResult {
  /** True when `nonce` solves the challenge: its digest is <= target. */
  found: boolean;
  /** The solving nonce (when found). */
  nonce?: bigint;
  /** keccak256(challenge ‖ miner ‖ nonce) of the solving nonce, 0x-prefixed (the `mint` digest). */
  digest?: string;
  /** Attempts made in this call (up to and including the solution). */
  hashes: number;
}

export interface Searcher {
  /** Which kernel this searcher runs. */
  readonly kernel: KernelKind;
  /**
   * Tries nonces startNonce, startNonce + 1, ... (at most `count`, capped so the nonce never passes 2^256 - 1)
   * and returns at the first whose digest is <= target.
   */
  search(
    challenge: Uint8Array | string,
    miner: string,
    target: bigint,
    startNonce: bigint,
    count: number,
  ): SearchResult;
  /** keccak256(abi.encodePacked(challenge, miner, nonce)), 0x-prefixed. */
  hash(challenge: Uint8Array | string, miner: string, nonce: bigint): string;
}

/**
 * A compiled kernel: a WebAssembly.Module. Typed opaquely (with the few WebAssembly calls below) so the core
 * compiles with neither the DOM nor the Node typings, and so the frontend and the CLI share it unchanged.
 */
export type KernelModule = object;

interface WasmApi {
  Module: { new (bytes: Uint8Array): KernelModule; exports(module: KernelModule): { name: string }[] };
  Instance: new (module: KernelModule, imports: object) => { exports: object };
  validate(bytes: Uint8Array): boolean;
  compile(bytes: Uint8Array): Promise<KernelModule>;
  /** With a Module (not bytes) it resolves to the Instance itself. */
  instantiate(module: KernelModule, imports: object): Promise<{ exports: object }>;
}

const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

interface KernelExports {
  memory: { buffer: ArrayBuffer };
  prepare(targetHi: bigint): void;
  search(lo: bigint, count: number): number;
  hash(lo: bigint): void;
}

// Input layout (one 136-byte Keccak block): challenge 0..31, miner 32..51, nonce 52..83 (big-endian),
// padding 0x01 at 84 and 0x80 at 135. The kernel varies bytes 76..83 (the nonce's low 64 bits).
const MINER_OFFSET = 32;
const NONCE_OFFSET = 52;
const LOW_WORD_OFFSET = 76;
const RATE = 136;
const MAX_BATCH = 0x7fffffff; // the kernel's count is an i32

function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The kernel's bytes: SIMD when the engine supports WebAssembly SIMD (Node 16.4+, Chromium 91+). */
export function kernelBytes(kind: KernelKind): Uint8Array {
  return base64ToBytes(kind === "simd" ? SIMD_KERNEL_BASE64 : SCALAR_KERNEL_BASE64);
}

/** True when this engine can run the SIMD kernel. */
export function simdSupported(): boolean {
  return wasm.validate(kernelBytes("simd"));
}

/**
 * Compiles the best kernel for this engine (or the one asked for). Compile once and pass the module to
 * `createSearcher` in each worker to skip recompiling (a WebAssembly.Module can be posted to workers).
 */
export function compileKernel(kind: KernelKind = simdSupported() ? "simd" : "scalar"): KernelModule {
  return new wasm.Module(kernelBytes(kind));
}

/** Async variant for the browser main thread, where synchronous compilation of large modules is refused. */
export async function compileKernelAsync(
  kind: KernelKind = simdSupported() ? "simd" : "scalar",
): Promise<KernelModule> {
  return wasm.compile(kernelBytes(kind));
}

export interface SearcherOptions {
  /** A compiled kernel (from `compileKernel`); compiled here when omitted. */
  module?: KernelModule;
  /** Force a kernel; the default is SIMD when supported. Ignored when `module` is given. */
  kernel?: KernelKind;
}

function checkKernel(module: KernelModule): void {
  const exported = wasm.Module.exports(module).map((e) => e.name);
  if (!exported.includes("search") || !exported.includes("prepare")) throw new Error("not a NUMI keccak kernel");
}

/**
 * Creates a searcher with its own kernel instance (64 KiB of memory; nothing allocated per hash). Synchronous:
 * use it in workers (Node worker_threads, browser Web Workers). On a browser's main thread, where synchronous
 * compilation of modules over 4 KiB is refused, use `createSearcherAsync`.
 */
export function createSearcher(options: SearcherOptions | KernelModule = {}): Searcher {
  const opts: SearcherOptions = options instanceof wasm.Module ? { module: options } : (options as SearcherOptions);
  // A module does not say which variant it is (both export the same functions): `kernel` is informative then.
  const kind = opts.kernel ?? (simdSupported() ? "simd" : "scalar");
  const module = opts.module ?? compileKernel(kind);
  checkKernel(module);
  return searcherFor(kind, new wasm.Instance(module, {}).exports as unknown as KernelExports);
}

/** Like `createSearcher`, compiling and instantiating asynchronously (any thread, including a page's main thread). */
export async function createSearcherAsync(options: SearcherOptions = {}): Promise<Searcher> {
  const kind = options.kernel ?? (simdSupported() ? "simd" : "scalar");
  const module = options.module ?? (await compileKernelAsync(kind));
  checkKernel(module);
  const instance = await wasm.instantiate(module, {});
  return searcherFor(kind, instance.exports as unknown as KernelExports);
}

function searcherFor(kind: KernelKind, kernel: KernelExports): Searcher {
  const mem = new Uint8Array(kernel.memory.buffer);

  // The template currently in kernel memory, to skip `prepare` when a batch continues the same work.
  let loadedChallenge = "";
  let loadedMiner = "";
  let loadedHigh = -1n;
  let loadedTarget = -1n;

  function load(challenge: Uint8Array | string, miner: string, high: bigint, target: bigint): void {
    const challengeHex = typeof challenge === "string" ? challenge.toLowerCase() : bytesToHex(toBytes32(challenge));
    const minerHex = miner.toLowerCase();
    if (challengeHex === loadedChallenge && minerHex === loadedMiner && high === loadedHigh && target === loadedTarget)
      return;
    mem.fill(0, 0, RATE);
    mem.set(toBytes32(challengeHex), 0);
    mem.set(hexToBytes(minerHex, 20), MINER_OFFSET);
    // Nonce bytes 0..23: the high 192 bits; bytes 24..31 stay zero in the template.
    let h = high;
    for (let i = LOW_WORD_OFFSET - 1; i >= NONCE_OFFSET; i--) {
      mem[i] = Number(h & 0xffn);
      h >>= 8n;
    }
    mem[84] = 0x01;
    mem[RATE - 1] |= 0x80;
    kernel.prepare(BigInt.asIntN(64, target >> 192n));
    loadedChallenge = challengeHex;
    loadedMiner = minerHex;
    loadedHigh = high;
    loadedTarget = target;
  }

  function digestAt(lo: bigint): Uint8Array {
    kernel.hash(BigInt.asIntN(64, lo));
    return mem.subarray(DIGEST_OFFSET, DIGEST_OFFSET + 32);
  }

  return {
    kernel: kind,
    search(challenge, miner, target, startNonce, count) {
      if (target < 0n || target > MAX_UINT256) throw new Error(`target is not a uint256: ${target}`);
      if (startNonce < 0n || startNonce > MAX_UINT256) throw new Error(`startNonce is not a uint256: ${startNonce}`);
      if (!Number.isInteger(count) || count < 0) throw new Error(`count must be a non-negative integer: ${count}`);
      let remaining = Math.min(count, Number(MAX_UINT256 - startNonce) + 1);
      let nonce = startNonce;
      let hashes = 0;
      while (remaining > 0) {
        const high = nonce >> 64n;
        const lo = nonce & MAX_UINT64;
        // A batch never wraps the low word: the kernel keeps the high 192 bits fixed.
        const batch = Math.min(remaining, MAX_BATCH, Number(MAX_UINT64 - lo) + 1);
        load(challenge, miner, high, target);
        let offset = 0;
        while (offset < batch) {
          const index = kernel.search(BigInt.asIntN(64, lo + BigInt(offset)), batch - offset);
          if (index < 0) break;
          const candidate = lo + BigInt(offset + index);
          const digest = digestAt(candidate);
          // The kernel compared the top 64 bits; equal top words need the full comparison.
          if (bytesToUint256(digest) <= target) {
            return {
              found: true,
              nonce: (high << 64n) | candidate,
              digest: bytesToHex(digest),
              hashes: hashes + offset + index + 1,
            };
          }
          offset += index + 1;
        }
        hashes += batch;
        remaining -= batch;
        nonce += BigInt(batch);
      }
      return { found: false, hashes };
    },
    hash(challenge, miner, nonce) {
      if (nonce < 0n || nonce > MAX_UINT256) throw new Error(`nonce is not a uint256: ${nonce}`);
      load(challenge, miner, nonce >> 64n, loadedTarget < 0n ? 0n : loadedTarget);
      return bytesToHex(digestAt(nonce & MAX_UINT64));
    },
  };
}
