// A deployment in use, for the monitor's tests: four rewards (the last one after a stake, so its pool share waits
// to stream), 40 NUMI staked and one pending proposal.
import { ethers } from "hardhat";
import { time } from "@nomicfoundation/hardhat-network-helpers";
import { parseEther } from "ethers";
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/signers";
import { deployedFixture, mineRewards } from "../helpers/deployed";

export async function activeDeployment() {
  const f = await deployedFixture();
  const [, alice, bob] = await ethers.getSigners();
  for (let i = 0; i < 3; i++) {
    await mineRewards(f.token, alice, 1);
    await time.increase(5);
  }
  await f.token.connect(alice).approve(await f.pool.getAddress(), parseEther("40"));
  await f.pool.connect(alice).stake(parseEther("40"));
  await mineRewards(f.token, bob, 1);
  await time.increase(60);
  await proposePause(f, alice, "NIP-9: pause\nbody");
  return { ...f, alice, bob };
}

/** `proposer` delegates to itself and proposes to pause mining: one proposal in the governor's history. */
export async function proposePause(
  f: Awaited<ReturnType<typeof deployedFixture>>,
  proposer: HardhatEthersSigner,
  description: string,
): Promise<void> {
  await f.token.connect(proposer).delegate(proposer.address);
  await time.increase(1);
  const target = await f.token.getAddress();
  await f.governor
    .connect(proposer)
    .propose([target], [0], [f.token.interface.encodeFunctionData("pauseMining")], description);
}

/**
 * A fixture of the file's own for loadFixture (call once per test file): a fixture function shared between files
 * is invalidated when another file's fixture calls hardhat-deploy's `deployments.fixture`, which reverts to an older
 * snapshot (capture.attacks.test.ts explains); the monitor tests failed that way in the full suite.
 */
export function activeDeploymentForThisFile() {
  const thisFilesDeployment = () => activeDeployment(); // named: loadFixture refuses anonymous functions
  return thisFilesDeployment;
}
