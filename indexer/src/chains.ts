// Which chains of the generated deployments the indexer follows, and through which RPC endpoint.
export const LOCAL_CHAIN_ID = 31337;
export const DEFAULT_LOCAL_RPC = "http://127.0.0.1:8545";

interface Deployment {
  chainId: number;
  name: string;
  contracts: Record<
    "NumiCoin" | "MiningPool" | "NumiGovernor" | "NumiTimelock",
    { address: `0x${string}` | string; blockNumber: number }
  >;
}

export interface IndexedChain extends Deployment {
  rpcUrl: string;
}

/**
 * The chains to index: the local chain always (NUMI_RPC_URL or the default node), any other chain only when
 * PONDER_RPC_URL_<chainId> names its endpoint (a public chain without one is reported and skipped). The chain's
 * name in Ponder is `<network name>_<chainId>`, unique even when two deployments share a network name.
 */
export function chainsToIndex(
  deployments: Record<string, Deployment>,
  env: Record<string, string | undefined>,
  warn: (msg: string) => void = console.warn,
): IndexedChain[] {
  const chains: IndexedChain[] = [];
  for (const d of Object.values(deployments)) {
    const rpcUrl =
      d.chainId === LOCAL_CHAIN_ID ? (env.NUMI_RPC_URL ?? DEFAULT_LOCAL_RPC) : env[`PONDER_RPC_URL_${d.chainId}`];
    if (!rpcUrl) {
      warn(`indexer: chain ${d.chainId} (${d.name}) skipped: set PONDER_RPC_URL_${d.chainId} to index it`);
      continue;
    }
    chains.push({ ...d, name: `${d.name}_${d.chainId}`, rpcUrl });
  }
  if (chains.length === 0) throw new Error("indexer: no chain to index (no deployment has an RPC endpoint)");
  return chains;
}
