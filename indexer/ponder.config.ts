// What Ponder indexes: every chain of the generated deployments (@numi/contracts) that has an RPC endpoint, with
// the addresses and deployment blocks recorded there. The local chain 31337 reads NUMI_RPC_URL (default
// http://127.0.0.1:8545); any other chain reads PONDER_RPC_URL_<chainId> and is skipped while that is unset.
// The database is Ponder's choice: PostgreSQL when DATABASE_URL is set, else PGlite (in PONDER_PGLITE_DIR if set).
import { createConfig } from "ponder";
import { deployments, MiningPoolAbi, NumiCoinAbi, NumiGovernorAbi } from "@numi/contracts";
import { chainsToIndex } from "./src/chains";

const chains = chainsToIndex(deployments, process.env);

/** One contract on every indexed chain, at its recorded address and from its deployment block. */
function onEveryChain(name: "NumiCoin" | "MiningPool" | "NumiGovernor") {
  return Object.fromEntries(
    chains.map((c) => [
      c.name,
      { address: c.contracts[name].address as `0x${string}`, startBlock: c.contracts[name].blockNumber },
    ]),
  );
}

const pgliteDir = process.env.PONDER_PGLITE_DIR;

export default createConfig({
  ...(pgliteDir && !process.env.DATABASE_URL ? { database: { kind: "pglite" as const, directory: pgliteDir } } : {}),
  chains: Object.fromEntries(
    chains.map((c) => [c.name, { id: c.chainId, rpc: c.rpcUrl, disableCache: c.chainId === 31337 }]),
  ),
  contracts: {
    NumiCoin: { abi: NumiCoinAbi, chain: onEveryChain("NumiCoin") },
    MiningPool: { abi: MiningPoolAbi, chain: onEveryChain("MiningPool") },
    NumiGovernor: { abi: NumiGovernorAbi, chain: onEveryChain("NumiGovernor") },
  },
});
