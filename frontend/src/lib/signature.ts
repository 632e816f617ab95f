import type { Hex } from "viem";

/**
 * Splits a 65-byte signature into r, s, v. By hand: viem's parseSignature would bundle the whole secp256k1
 * library for three slices (docs/adr/0004-own-read-layer.md).
 */
export function splitSignature(signature: Hex): { r: Hex; s: Hex; v: number } {
  if (!/^0x[0-9a-fA-F]{130}$/.test(signature)) throw new Error("The wallet returned a malformed signature.");
  const v = parseInt(signature.slice(130, 132), 16);
  return { r: `0x${signature.slice(2, 66)}`, s: `0x${signature.slice(66, 130)}`, v: v < 27 ? v + 27 : v };
}
