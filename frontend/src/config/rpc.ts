// RPC endpoints per chain id, from NEXT_PUBLIC_* variables (inlined at build time). Kept free of imports
// so next.config.ts can read it for the CSP. Never a public RPC by default.
export const LOCAL_CHAIN_ID = 31337;
export const SEPOLIA_CHAIN_ID = 11155111;
export const MAINNET_CHAIN_ID = 1;

export const rpcUrls: Record<number, string | undefined> = {
  [LOCAL_CHAIN_ID]: process.env.NEXT_PUBLIC_LOCAL_RPC_URL || "http://127.0.0.1:8545",
  [SEPOLIA_CHAIN_ID]: process.env.NEXT_PUBLIC_SEPOLIA_RPC_URL || undefined,
  [MAINNET_CHAIN_ID]: process.env.NEXT_PUBLIC_MAINNET_RPC_URL || undefined,
};

/** Every origin the app talks to at runtime (CSP connect-src). */
export function rpcOrigins(): string[] {
  return Object.values(rpcUrls)
    .filter((u): u is string => !!u)
    .map((u) => new URL(u).origin);
}
