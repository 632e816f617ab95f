// Resolves what the miner task needs from the Hardhat environment: the token, the sending account and the
// beneficiary, with one clear message for each thing that can be missing. On a network over HTTP the miner
// gets a provider of its own (bounded timeouts, no silent retries: @numi/miner/cli connectRpc) instead of
// Hardhat's, whose HTTP client retries 429s unseen and waits 40 s for a hung call.
import { getAddress, JsonRpcSigner, Wallet, ZeroAddress, type JsonRpcProvider, type Signer } from "ethers";
import type { HardhatRuntimeEnvironment, HttpNetworkConfig } from "hardhat/types";
import { connectRpc } from "@numi/miner/cli";
import { optionalVar } from "../../../deploy/config/env";
import { MINER_KEY_VAR } from "../../../deploy/config/networks";
import { NumiCoin__factory, type NumiCoin } from "../../../typechain-types";

export interface MinerSetup {
  contract: NumiCoin;
  beneficiary?: string;
}

/** A checksum-valid, non-zero address (an all-lowercase address carries no checksum and is accepted). */
export function parseBeneficiary(value: string): string {
  let address: string;
  try {
    address = getAddress(value);
  } catch {
    throw new Error(`--beneficiary ${value} is not a valid address (wrong length or bad EIP-55 checksum)`);
  }
  if (address === ZeroAddress) throw new Error("--beneficiary must not be the zero address");
  return address;
}

function noAccount(hre: HardhatRuntimeEnvironment, index: number): Error {
  return new Error(
    `No account #${index} on ${hre.network.name}. Set ${MINER_KEY_VAR} (export ${MINER_KEY_VAR}=0x... or ` +
      `npx hardhat vars set ${MINER_KEY_VAR}) or configure accounts for this network.`,
  );
}

/** The miner's own provider over HTTP, or null for the in-process network (Hardhat's provider serves it). */
function minerRpc(hre: HardhatRuntimeEnvironment, rpcTimeoutMs?: number): JsonRpcProvider | null {
  if (hre.network.name === "hardhat") return null;
  const config = hre.network.config as HttpNetworkConfig;
  if (config.chainId === undefined)
    throw new Error(`network ${hre.network.name} has no chainId in hardhat.config.ts; the miner needs it`);
  return connectRpc(config.url, { chainId: config.chainId, timeoutMs: rpcTimeoutMs });
}

export async function resolveMinerSetup(
  hre: HardhatRuntimeEnvironment,
  args: { address?: string; account?: number; beneficiary?: string; rpcTimeoutMs?: number },
): Promise<MinerSetup> {
  const beneficiary = args.beneficiary === undefined ? undefined : parseBeneficiary(args.beneficiary);
  const rpc = minerRpc(hre, args.rpcTimeoutMs);
  const provider = rpc ?? hre.ethers.provider;
  const index = args.account ?? 0;

  // The sending account: MINER_PRIVATE_KEY (env or `npx hardhat vars set`), else a configured account
  // (on localhost and hardhat: the funded development accounts).
  const key = optionalVar(MINER_KEY_VAR);
  let signer: Signer;
  const accounts = hre.network.config.accounts;
  if (key && args.account === undefined) {
    signer = new Wallet(key, provider);
  } else if (rpc && Array.isArray(accounts)) {
    const configured = accounts[index];
    if (typeof configured !== "string") throw noAccount(hre, index);
    signer = new Wallet(configured, rpc);
  } else {
    const configured = (await hre.ethers.getSigners())[index];
    if (!configured) throw noAccount(hre, index);
    // The node signs for these accounts (eth_sendTransaction); the miner reaches it through its own provider.
    signer = rpc ? new JsonRpcSigner(rpc, configured.address) : configured;
  }

  let address = args.address;
  if (!address) {
    let deployment = await hre.deployments.getOrNull("NumiCoin");
    if (!deployment && hre.network.name === "hardhat") {
      await hre.deployments.fixture(); // an in-process chain: deploy the stack for this run
      deployment = await hre.deployments.getOrNull("NumiCoin");
    }
    if (!deployment) {
      throw new Error(
        `No NumiCoin deployment for network ${hre.network.name}: deploy it (npm start, or npx hardhat deploy ` +
          `--network ${hre.network.name}) or pass --address 0x...`,
      );
    }
    address = deployment.address;
  }
  const code = await hre.ethers.provider.getCode(address).catch(() => null); // null: RPC down, the miner retries
  if (code === "0x") {
    throw new Error(
      `No contract at ${address} on ${hre.network.name}: the chain was reset or the records are stale. ` +
        `Redeploy (npm start, or npx hardhat deploy --network ${hre.network.name}) or pass --address.`,
    );
  }
  // The compiled ABI (typechain): a deployment record's ABI is the same, checked by test/deploy/config.test.ts.
  return { contract: NumiCoin__factory.connect(getAddress(address), signer), beneficiary };
}
