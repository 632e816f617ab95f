// The chains the dApp serves, built from the generated deployment records. Transports go only to the RPC
// configured here: the local node, or URLs set at build time. Never a public RPC by default.
import { defineChain, type Chain } from "viem";
import { deployments } from "@numi/contracts/deployments";

export { LOCAL_CHAIN_ID, rpcUrls, rpcOrigins } from "./rpc";
import { LOCAL_CHAIN_ID, MAINNET_CHAIN_ID, SEPOLIA_CHAIN_ID, rpcUrls } from "./rpc";

// Multicall3, deployed at the same address on mainnet and Sepolia (https://www.multicall3.com). Views of one
// refresh go to it in one eth_call (lib/contractRead.ts). The local Hardhat node has none: it gets batched
// eth_calls instead (docs/rpc-budget.md).
export const MULTICALL3 = "0xcA11bde05977b3631167028862bE2a173976CA11";

// The local Hardhat node automines (a block per transaction), so there is no block time to follow. Its
// blockTime is the polling interval: 2 s keeps the UI quick after a transaction, and a local node has no quota.
const localChain = defineChain({
  id: LOCAL_CHAIN_ID,
  name: "NumiCoin Local",
  nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
  rpcUrls: { default: { http: [rpcUrls[LOCAL_CHAIN_ID]!] } },
  blockTime: 2_000,
  testnet: true,
});

// Defined here rather than imported from viem/chains, whose records carry public RPC URLs we never want
// in the bundle: the only RPC is the one configured at build time.
function publicChain(id: number, name: string, explorer: string, testnet: boolean, multicall3Block: number): Chain {
  const url = rpcUrls[id];
  return defineChain({
    id,
    name,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: url ? [url] : [] } },
    blockExplorers: { default: { name: "Etherscan", url: explorer } },
    // A slot every 12 s since the merge (viem's mainnet record carries the same blockTime).
    blockTime: 12_000,
    contracts: { multicall3: { address: MULTICALL3, blockCreated: multicall3Block } },
    testnet,
  });
}

const known: Record<number, Chain> = {
  [LOCAL_CHAIN_ID]: localChain,
  [SEPOLIA_CHAIN_ID]: publicChain(SEPOLIA_CHAIN_ID, "Sepolia", "https://sepolia.etherscan.io", true, 751_532),
  [MAINNET_CHAIN_ID]: publicChain(MAINNET_CHAIN_ID, "Ethereum", "https://etherscan.io", false, 14_353_601),
};

/** The chain record for an id the app knows (local, Sepolia, mainnet). */
export function knownChain(id: number): Chain | undefined {
  return known[id];
}

/**
 * How often the app asks a chain for its block number: once per block (the chain's blockTime), never faster
 * than 1 s. NEXT_PUBLIC_POLLING_INTERVAL_MS overrides it for every chain (e.g. a paid endpoint, or a slower
 * poll on a tight quota). Budget and figures: docs/rpc-budget.md.
 */
export function pollingIntervalFor(chain: Chain): number {
  const override = Number(process.env.NEXT_PUBLIC_POLLING_INTERVAL_MS);
  if (Number.isFinite(override) && override > 0) return Math.max(override, 1_000);
  return Math.max(chain.blockTime ?? 12_000, 1_000);
}

export type Deployment = (typeof deployments)[keyof typeof deployments];
const records = deployments as Record<string, Deployment | undefined>;

/** Chains with both a deployment record and an RPC URL, the configured target first. */
export function supportedChains(): [Chain, ...Chain[]] {
  const ids = Object.keys(records)
    .map(Number)
    .filter((id) => known[id] && rpcUrls[id]);
  const target = targetChainId();
  ids.sort((a, b) => (a === target ? -1 : b === target ? 1 : a - b));
  const chains = ids.map((id) => known[id]);
  return chains.length ? (chains as [Chain, ...Chain[]]) : [localChain];
}

/** The chain the app acts on: NEXT_PUBLIC_CHAIN_ID, else the local chain. */
export function targetChainId(): number {
  const configured = Number(process.env.NEXT_PUBLIC_CHAIN_ID || LOCAL_CHAIN_ID);
  return records[String(configured)] ? configured : LOCAL_CHAIN_ID;
}

/** The id of the chain the app acts on, fixed at build time (see targetChainId). */
export const TARGET_CHAIN_ID = targetChainId();

export function targetChain(): Chain {
  return known[targetChainId()] ?? localChain;
}

export function deploymentFor(chainId: number = targetChainId()): Deployment {
  const record = records[String(chainId)] ?? records[String(LOCAL_CHAIN_ID)];
  if (!record) throw new Error("No deployment record: run `npm run export:deployments` after deploying.");
  return record;
}

/** Explorer base URL for links; the local chain has none. */
export function explorerUrl(chainId: number): string | undefined {
  return known[chainId]?.blockExplorers?.default.url;
}
