// Seeds a local chain through the node's unlocked accounts (see scripts/tasks/seed.ts). The time between rewards
// is set with evm_increaseTime around the target epoch time, so difficulty moves both ways and stays cheap to meet.
import { parseEther, solidityPackedKeccak256, id, type Signer } from "ethers";
import type { HardhatRuntimeEnvironment } from "hardhat/types";
import type { MiningPool, NumiCoin, NumiGovernor } from "../../typechain-types";
import { paramsFor } from "../../deploy/config/deployParams";

const LOCAL_CHAINS = new Set([31337n, 1337n]);

/**
 * A nonce whose EIP-918 digest for (challenge, miner) meets the target. It yields to the event loop every few thousand
 * hashes: a search that blocks it for seconds outlives the node's keep-alive, and the next request then goes out on a
 * socket the node has closed ("SocketError: other side closed").
 */
async function solve(challenge: string, miner: string, target: bigint): Promise<{ nonce: bigint; digest: string }> {
  for (let nonce = 0n; ; nonce++) {
    const digest = solidityPackedKeccak256(["bytes32", "address", "uint256"], [challenge, miner, nonce]);
    if (BigInt(digest) <= target) return { nonce, digest };
    if (nonce % 5_000n === 4_999n) await new Promise((resolve) => setImmediate(resolve));
  }
}

export async function seed(
  hre: HardhatRuntimeEnvironment,
  { rewards, governance = true }: { rewards: number; governance?: boolean },
): Promise<void> {
  const { ethers, deployments, network } = hre;
  const chainId = (await ethers.provider.getNetwork()).chainId;
  if (!LOCAL_CHAINS.has(chainId)) throw new Error(`numi:seed runs on a local chain only; this is chain ${chainId}.`);
  const at = async <T>(name: string) => (await ethers.getContractAt(name, (await deployments.get(name)).address)) as T;
  const coin = await at<NumiCoin>("NumiCoin");
  const pool = await at<MiningPool>("MiningPool");
  const governor = await at<NumiGovernor>("NumiGovernor");
  const params = paramsFor(network.name === "localhost" ? "localhost" : "hardhat");
  const [, alice, bob, carol] = await ethers.getSigners();
  const miners = [alice, bob, carol, alice, alice];
  const wait = async (seconds: number) => ethers.provider.send("evm_increaseTime", [seconds]);
  const mine = async (signer: Signer) => {
    const who = await signer.getAddress();
    const [challenge, target] = await Promise.all([coin.getChallengeNumber(), coin.getMiningTarget()]);
    const { nonce, digest } = await solve(challenge, who, target);
    await (await coin.connect(signer).mint(nonce, digest)).wait();
  };

  // Epoch times scattered around the target (0.4x to 2x), so the charts have something to show.
  const epochTime = params.targetEpochTime;
  for (let i = 0; i < rewards; i++) {
    await wait(Math.max(1, Math.round(epochTime * (0.4 + ((i * 7) % 17) / 10.6))));
    await mine(miners[i % miners.length]);
    if (i === Math.floor(rewards / 3)) {
      await (await coin.connect(alice).transfer(bob.address, parseEther("10"))).wait();
      await (await coin.connect(bob).transfer(carol.address, parseEther("3"))).wait();
      for (const s of [alice, bob]) await (await coin.connect(s).delegate(s.address)).wait();
      await (await coin.connect(alice).approve(await pool.getAddress(), parseEther("100"))).wait();
      await (await pool.connect(alice).stake(parseEther("40"))).wait();
      await (await coin.connect(bob).approve(await pool.getAddress(), parseEther("5"))).wait();
      await (await pool.connect(bob).stake(parseEther("5"))).wait();
    }
  }
  await (await pool.connect(alice).claim()).wait();
  await (await pool.connect(bob).withdraw(parseEther("2"))).wait();

  if (!governance) {
    console.log(
      `Seeded ${rewards} rewards, transfers, stakes and a claim; block ${await ethers.provider.getBlockNumber()}.`,
    );
    return;
  }
  // One proposal carried through to execution (pool share 10% -> 15%), one left open for voting.
  const g = params.governance;
  const share = coin.interface.encodeFunctionData("setPoolShare", [1500]);
  const coinAddress = await coin.getAddress();
  const text = "Raise the pool share to 15%\n\nStakers get 15% of every reward instead of 10%.";
  await (await governor.connect(alice).propose([coinAddress], [0], [share], text)).wait();
  const proposalId = await governor.hashProposal([coinAddress], [0], [share], id(text));
  await wait(g.votingDelay + 1);
  await ethers.provider.send("evm_mine", []);
  await (await governor.connect(alice).castVoteWithReason(proposalId, 1, "More for stakers")).wait();
  await (await governor.connect(bob).castVote(proposalId, 0)).wait();
  await wait(g.votingPeriod + g.lateQuorumExtension + 1);
  await ethers.provider.send("evm_mine", []);
  await (await governor.connect(carol).queue([coinAddress], [0], [share], id(text))).wait();
  await wait(g.timelockDelay + 1);
  await ethers.provider.send("evm_mine", []);
  await (await governor.connect(carol).execute([coinAddress], [0], [share], id(text))).wait();

  const fee = pool.interface.encodeFunctionData("setFee", [200]);
  const poolAddress = await pool.getAddress();
  await (
    await governor.connect(bob).propose([poolAddress], [0], [fee], "Set the pool fee to 2%\n\nFunds the treasury.")
  ).wait();
  console.log(
    `Seeded ${rewards} rewards, transfers, stakes, a claim and two proposals (one executed); block ${await ethers.provider.getBlockNumber()}.`,
  );
}
