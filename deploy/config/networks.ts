// Every network the project deploys to, in one place. Add an EVM chain by adding an entry here and its
// parameters in deployParams.ts.
import type { NetworksUserConfig } from "hardhat/types";
import { optionalVar } from "./env";

export interface PublicNetwork {
  chainId: number;
  rpcUrlVar: string; // env/config variable holding the RPC URL
  explorer: string; // block explorer base URL (for links and verification)
}

export const publicNetworks: Record<string, PublicNetwork> = {
  sepolia: { chainId: 11_155_111, rpcUrlVar: "SEPOLIA_RPC_URL", explorer: "https://sepolia.etherscan.io" },
  mainnet: { chainId: 1, rpcUrlVar: "MAINNET_RPC_URL", explorer: "https://etherscan.io" },
};

/** Variable holding the deployer's (and default miner's) private key on public networks. */
export const DEPLOYER_KEY_VAR = "DEPLOYER_PRIVATE_KEY";
export const MINER_KEY_VAR = "MINER_PRIVATE_KEY";

/** A URL that cannot resolve, so a missing RPC variable fails at use with our message, not at config load. */
export function missingUrl(varName: string): string {
  return `http://missing-${varName.toLowerCase().replace(/_/g, "-")}.invalid`;
}

export function hardhatNetworks(): NetworksUserConfig {
  const networks: NetworksUserConfig = {
    hardhat: { chainId: 31_337 },
    // `npm start` runs the node on NUMI_RPC_PORT (default 8545); deploy, miner and monitor follow it.
    localhost: { url: `http://127.0.0.1:${process.env.NUMI_RPC_PORT ?? 8545}`, chainId: 31_337 },
  };
  for (const [name, n] of Object.entries(publicNetworks)) {
    const keys = [optionalVar(DEPLOYER_KEY_VAR), optionalVar(MINER_KEY_VAR)].filter((k): k is string => !!k);
    networks[name] = { url: optionalVar(n.rpcUrlVar) ?? missingUrl(n.rpcUrlVar), chainId: n.chainId, accounts: keys };
  }
  return networks;
}
