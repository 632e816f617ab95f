// Memory layout shared by the kernel generator (keccakWat.ts) and the searcher that drives the kernel.

/** The 136-byte input block (the template: challenge, miner, nonce's high 192 bits, padding) starts here. */
export const TEMPLATE_OFFSET = 0;
/** `hash` writes the 32-byte digest here. */
export const DIGEST_OFFSET = 256;
/** `search` keeps its two 25-lane states (16 bytes a lane in the SIMD kernel) from here. */
export const STATE_BASE = 1024;
