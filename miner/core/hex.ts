// Hex and big-integer helpers of the mining core, free of Node APIs (the core also runs in a Web Worker).

/** Bytes of a 0x-prefixed (or bare) hex string of exactly `length` bytes. */
export function hexToBytes(hex: string, length: number): Uint8Array {
  const body = hex.startsWith("0x") || hex.startsWith("0X") ? hex.slice(2) : hex;
  if (body.length !== length * 2 || !/^[0-9a-fA-F]*$/.test(body)) {
    throw new Error(`expected ${length} bytes of hex, got "${hex}"`);
  }
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = parseInt(body.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** 0x-prefixed lowercase hex of `bytes`. */
export function bytesToHex(bytes: Uint8Array): string {
  let s = "0x";
  for (let i = 0; i < bytes.length; i++) s += bytes[i].toString(16).padStart(2, "0");
  return s;
}

/** A 32-byte value given as bytes or hex. */
export function toBytes32(value: Uint8Array | string): Uint8Array {
  if (typeof value === "string") return hexToBytes(value, 32);
  if (value.length !== 32) throw new Error(`expected 32 bytes, got ${value.length}`);
  return value;
}

export const MAX_UINT256 = (1n << 256n) - 1n;
export const MAX_UINT64 = (1n << 64n) - 1n;

/** A uint256 as 32 big-endian bytes. */
export function uint256ToBytes(value: bigint): Uint8Array {
  if (value < 0n || value > MAX_UINT256) throw new Error(`not a uint256: ${value}`);
  const out = new Uint8Array(32);
  let v = value;
  for (let i = 31; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

/** 32 big-endian bytes as a bigint. */
export function bytesToUint256(bytes: Uint8Array): bigint {
  let v = 0n;
  for (let i = 0; i < bytes.length; i++) v = (v << 8n) | BigInt(bytes[i]);
  return v;
}
