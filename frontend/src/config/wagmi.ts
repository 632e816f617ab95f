// One wagmi config per app instance (created inside useState by the providers) and one for the server,
// both with cookie storage so the server renders the reconnecting session without a "disconnected" flash.
import { cookieStorage, createConfig, createStorage, http } from "wagmi";
import { injected } from "wagmi/connectors/injected";
import type { Transport } from "viem";
import { LOCAL_CHAIN_ID, pollingIntervalFor, rpcUrls, supportedChains, TARGET_CHAIN_ID } from "./chains";
import { createBurnerProvider } from "@/lib/burner/provider";

/** The burner wallet, offered only when the app acts on the local chain (lib/burner/provider.ts). */
function localBurner() {
  if (TARGET_CHAIN_ID !== LOCAL_CHAIN_ID) return [];
  return [
    injected({
      shimDisconnect: true,
      target: { id: "numiBurner", name: "Burner wallet (local chain only)", provider: createBurnerProvider() as never },
    }),
  ];
}

export function makeWagmiConfig() {
  const chains = supportedChains();
  const transports: Record<number, Transport> = {};
  const pollingInterval: Record<number, number> = {};
  for (const chain of chains) {
    pollingInterval[chain.id] = pollingIntervalFor(chain);
    // retryCount: RPC hiccups are retried (with backoff) before the UI reports a failure.
    transports[chain.id] = http(rpcUrls[chain.id], { retryCount: 3, retryDelay: 400, batch: { wait: 16 } });
  }
  return createConfig({
    chains,
    // EIP-6963 discovery is on: each announcing wallet becomes its own connector with name and icon;
    // injected() is the fallback for a wallet that only sets window.ethereum.
    multiInjectedProviderDiscovery: true,
    connectors: [injected({ shimDisconnect: true }), ...localBurner()],
    ssr: true,
    storage: createStorage({ storage: cookieStorage, key: "numi" }),
    transports,
    // Per chain: once per block (12 s on mainnet and Sepolia, 2 s on the local node), docs/rpc-budget.md.
    pollingInterval,
  });
}

declare module "wagmi" {
  interface Register {
    config: ReturnType<typeof makeWagmiConfig>;
  }
}
