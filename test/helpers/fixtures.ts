// loadFixture fixtures shared by the NumiCoin and MiningPool unit tests.
import { ethers } from "hardhat";
import { parseEther } from "ethers";
import { TEST_TARGET, solveFor } from "./mining";
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/signers";
import type { NumiCoin, NumiCoinHarness, MiningPool } from "../../typechain-types";

/** Seconds per epoch the test deployments aim for. */
export const TARGET_EPOCH_TIME = 60n;
/** Stream period of the test pool. */
export const REWARDS_DURATION = 3_600n;
export const REWARD = parseEther("50");
/** Everything the schedule ever mints: 5,460,000 wei below the 21M cap (Halmos: check_wholeScheduleBelowCap). */
export const SCHEDULE_TOTAL = parseEther("21000000") - 5_460_000n;

/** A NumiCoin owned by `owner`, no pool, at the easy test target. */
export async function coinFixture() {
  const [owner, alice, bob, carol, relayer, mallory, treasury] = await ethers.getSigners();
  const coin = (await ethers.deployContract("NumiCoin", [
    owner.address,
    TARGET_EPOCH_TIME,
    TEST_TARGET,
  ])) as unknown as NumiCoin;
  return { coin, owner, alice, bob, carol, relayer, mallory, treasury };
}

/** The harness (settable epoch count and supply), owned by `owner`, no pool. */
export async function harnessFixture() {
  const [owner, alice, bob] = await ethers.getSigners();
  const coin = (await ethers.deployContract("NumiCoinHarness", [
    owner.address,
    TARGET_EPOCH_TIME,
    TEST_TARGET,
  ])) as unknown as NumiCoinHarness;
  return { coin, owner, alice, bob };
}

/** `coin` (NumiCoin or the harness) owned by `owner` and wired to a fresh MiningPool. */
async function wiredToPool<C extends NumiCoin | NumiCoinHarness>(name: "NumiCoin" | "NumiCoinHarness") {
  const [owner, alice, bob, carol, relayer, mallory, treasury] = await ethers.getSigners();
  const coin = (await ethers.deployContract(name, [owner.address, TARGET_EPOCH_TIME, TEST_TARGET])) as unknown as C;
  const pool = (await ethers.deployContract("MiningPool", [
    await coin.getAddress(),
    owner.address,
    REWARDS_DURATION,
    treasury.address,
  ])) as unknown as MiningPool;
  await coin.setPool(await pool.getAddress());
  return { coin, pool, owner, alice, bob, carol, relayer, mallory, treasury };
}

/** NumiCoin (the harness, so tests can fund accounts without mining) wired to a MiningPool. */
export function coinAndPoolFixture() {
  return wiredToPool<NumiCoinHarness>("NumiCoinHarness");
}

/** NumiCoin itself (every token mined, the supply exactly the schedule's) wired to a MiningPool. */
export function minedCoinAndPoolFixture() {
  return wiredToPool<NumiCoin>("NumiCoin");
}

/** Solves the current challenge for `signer` and submits it with `mint`. */
export async function mineAs(coin: NumiCoin | NumiCoinHarness, signer: HardhatEthersSigner) {
  const sol = await solveFor(coin, signer.address);
  const tx = await coin.connect(signer).mint(sol.nonce, sol.digest);
  return { tx, sol };
}
