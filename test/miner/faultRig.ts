// A miner's world behind a misbehaving RPC: a NumiCoin on the in-process chain, served over HTTP, a fault proxy
// in front of it, and the miner's own bounded-timeout provider pointed at the proxy with a funded key of its
// own (signing locally, as with MINER_PRIVATE_KEY). Shared by the fault tests and the soak command.
import { ethers, network } from "hardhat";
import { JsonRpcSigner, Wallet, parseEther, toQuantity, type Signer } from "ethers";
import { connectRpc } from "@numi/miner/cli";
import { NumiCoin } from "@numi/contracts";
import { NumiCoin__factory, type NumiCoin as NumiCoinContract } from "../../typechain-types";
import { startFaultProxy, type FaultProxy } from "../ops/faultProxy";
import { serveProvider } from "../ops/serveProvider";

/** ~1,000 hashes for the first solutions; with a 1 s target epoch time the difficulty settles at ~1 reward/s. */
export const EASY_TARGET = NumiCoin.MAX_TARGET >> 10n;

export interface FaultRig {
  /** NumiCoin as the test reads it: directly on the in-process chain, never through the proxy. */
  coin: NumiCoinContract;
  proxy: FaultProxy;
  /** NumiCoin connected through the proxy to the miner's signer. */
  minerContract: NumiCoinContract;
  minerAddress: string;
  /** Transactions the miner's account had sent before this rig (the node-signed account is shared). */
  sentBefore: number;
  close(): Promise<void>;
}

export interface RigOptions {
  /** Per-request timeout of the miner's provider (default 1 s: a hung call costs the tests little). */
  timeoutMs?: number;
  /** Mine from a node-signed account (eth_sendTransaction) instead of a local key. */
  nodeSigned?: boolean;
}

export async function startFaultRig(options: RigOptions = {}): Promise<FaultRig> {
  const [owner, , , , nodeAccount] = await ethers.getSigners();
  const coin = (await ethers.deployContract("NumiCoin", [
    owner.address,
    1,
    EASY_TARGET,
  ])) as unknown as NumiCoinContract;
  await coin.waitForDeployment();
  const upstream = await serveProvider(network.provider);
  const proxy = await startFaultProxy(upstream.url);
  const provider = connectRpc(proxy.url, { chainId: 31_337, timeoutMs: options.timeoutMs ?? 1_000 });
  let signer: Signer;
  if (options.nodeSigned) {
    signer = new JsonRpcSigner(provider, nodeAccount.address);
  } else {
    const wallet = Wallet.createRandom(provider);
    await network.provider.request({
      method: "hardhat_setBalance",
      params: [wallet.address, toQuantity(parseEther("100"))],
    });
    signer = wallet;
  }
  const minerContract = NumiCoin__factory.connect(await coin.getAddress(), signer);
  const minerAddress = await signer.getAddress();
  return {
    coin,
    proxy,
    minerContract,
    minerAddress,
    sentBefore: await ethers.provider.getTransactionCount(minerAddress, "latest"),
    async close() {
      provider.destroy();
      await proxy.close();
      await upstream.close();
    },
  };
}

export interface ChainTally {
  /** Mint events for the address. */
  rewards: number;
  rewardWei: bigint;
  /** Transactions the address sent that did not mint (every transaction the miner sends is a mint). */
  revertedMints: number;
}

/** What the chain says the miner earned and spent, read directly (not through the proxy). */
export async function chainTally(rig: FaultRig): Promise<ChainTally> {
  const { coin, minerAddress } = rig;
  const mints = await coin.queryFilter(coin.filters.Mint(minerAddress));
  const sent = (await ethers.provider.getTransactionCount(minerAddress, "latest")) - rig.sentBefore;
  return {
    rewards: mints.length,
    rewardWei: mints.reduce((sum, m) => sum + m.args.rewardAmount, 0n),
    revertedMints: sent - mints.length,
  };
}
