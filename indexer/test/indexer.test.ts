// The indexer against a real chain: a fresh Hardhat node with the contracts deployed, some mining, a transfer,
// a stake, a proposal and votes; then `ponder start` on an empty PGlite database. The API (SQL over HTTP through
// @ponder/client, GraphQL) must return exactly what the chain holds; after a reorg (evm_snapshot → new blocks →
// evm_revert → different blocks at the same heights) it must hold exactly the post-revert chain.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  createPublicClient,
  createWalletClient,
  encodeFunctionData,
  encodePacked,
  http,
  keccak256,
  parseEther,
  toBytes,
  type Address,
  type Hex,
} from "viem";
import { createClient } from "@ponder/client";
import { deployments, MiningPoolAbi, NumiCoinAbi, NumiGovernorAbi } from "@numi/contracts";
import * as schema from "../ponder.schema";
import { expectedHashes } from "../src/stats";
import {
  ROOT,
  INDEXER,
  freePort,
  indexedBlock,
  jsonRpc,
  saveGenerated,
  start,
  startDeployedNode,
  stop,
  tempDir,
  waitFor,
  type Proc,
} from "./stack";

const committed = deployments["31337"].contracts;
const COIN = committed.NumiCoin.address as Address;
const POOL = committed.MiningPool.address as Address;
const GOVERNOR = committed.NumiGovernor.address as Address;

let node: Proc | undefined;
let indexer: Proc | undefined;
let restoreGenerated: (() => void) | undefined;
let db: ReturnType<typeof tempDir> | undefined;
let rpcUrl = "";
let apiUrl = "";
let accounts: Address[] = [];

const chain = {
  id: 31337,
  name: "hardhat",
  nativeCurrency: { name: "ETH", symbol: "ETH", decimals: 18 },
  rpcUrls: { default: { http: [""] } },
} as const;
const pub = () => createPublicClient({ chain, transport: http(rpcUrl) });
const wallet = (account: Address) => createWalletClient({ account, chain, transport: http(rpcUrl) });

const rpc = (method: string, params: unknown[] = []) => jsonRpc(rpcUrl, method, params);

async function send(from: Address, tx: Parameters<ReturnType<typeof wallet>["writeContract"]>[0]): Promise<Hex> {
  const hash = await wallet(from).writeContract(tx);
  const receipt = await pub().waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new Error(`transaction ${hash} reverted`);
  return hash;
}

/** Finds a nonce whose EIP-918 digest meets the current target, for `miner`, and sends mintTo from `sender`. */
async function mineReward(sender: Address, beneficiary: Address = sender): Promise<Hex> {
  const client = pub();
  const [challenge, target] = await Promise.all([
    client.readContract({ address: COIN, abi: NumiCoinAbi, functionName: "getChallengeNumber" }),
    client.readContract({ address: COIN, abi: NumiCoinAbi, functionName: "getMiningTarget" }),
  ]);
  for (let nonce = 0n; ; nonce++) {
    const digest = keccak256(encodePacked(["bytes32", "address", "uint256"], [challenge, beneficiary, nonce]));
    if (BigInt(digest) > target) continue;
    return sender === beneficiary
      ? send(sender, { address: COIN, abi: NumiCoinAbi, functionName: "mint", args: [nonce, digest] } as never)
      : send(sender, { address: COIN, abi: NumiCoinAbi, functionName: "mintTo", args: [nonce, beneficiary] } as never);
  }
}

async function transfer(from: Address, to: Address, amount: bigint): Promise<Hex> {
  return send(from, { address: COIN, abi: NumiCoinAbi, functionName: "transfer", args: [to, amount] } as never);
}

async function advance(seconds: number) {
  await rpc("evm_increaseTime", [seconds]);
  await rpc("evm_mine");
}

function sqlClient() {
  return createClient(`${apiUrl}/sql`, { schema });
}

async function caughtUp(): Promise<void> {
  const head = Number(await pub().getBlockNumber());
  await waitFor(
    async () => (await indexedBlock(apiUrl)) >= head,
    `the indexer to reach block ${head}`,
    60_000,
    indexer?.log,
  );
}

beforeAll(async () => {
  restoreGenerated = saveGenerated();
  ({ node, rpcUrl } = await startDeployedNode());
  const deployed = (name: string) =>
    (
      JSON.parse(readFileSync(path.join(ROOT, "deployments", "localhost", `${name}.json`), "utf8")) as {
        address: string;
      }
    ).address;
  // The indexer reads the committed module: the fresh node must give the same addresses.
  expect([deployed("NumiCoin"), deployed("MiningPool"), deployed("NumiGovernor")]).toEqual([COIN, POOL, GOVERNOR]);
  accounts = (await rpc("eth_accounts")) as Address[];
}, 180_000);

afterAll(async () => {
  await stop(indexer);
  await stop(node);
  restoreGenerated?.();
  db?.remove();
});

describe("indexer", () => {
  const proposalIds: bigint[] = [];

  it("indexes a chain with mining, a transfer, a stake, a proposal and votes", async () => {
    const [alice, bob, carol] = accounts as [Address, Address, Address];
    for (let i = 0; i < 3; i++) await mineReward(alice);
    await mineReward(carol, bob); // mintTo: carol's work, bob's reward
    await transfer(alice, bob, parseEther("10"));
    await send(bob, {
      address: COIN,
      abi: NumiCoinAbi,
      functionName: "approve",
      args: [POOL, parseEther("5")],
    } as never);
    await send(bob, { address: POOL, abi: MiningPoolAbi, functionName: "stake", args: [parseEther("5")] } as never);
    const calldata = encodeFunctionData({ abi: MiningPoolAbi, functionName: "setFee", args: [100] });
    const description = "# Fee to 1%\n\nSets the pool fee to 100 basis points.";
    const args = [[POOL], [0n], [calldata], description] as const;
    const { result: id } = await pub().simulateContract({
      account: alice,
      address: GOVERNOR,
      abi: NumiGovernorAbi,
      functionName: "propose",
      args,
    });
    await send(alice, { address: GOVERNOR, abi: NumiGovernorAbi, functionName: "propose", args } as never);
    proposalIds.push(id);
    await advance(2); // past the voting delay
    await send(alice, { address: GOVERNOR, abi: NumiGovernorAbi, functionName: "castVote", args: [id, 1] } as never);
    await send(bob, {
      address: GOVERNOR,
      abi: NumiGovernorAbi,
      functionName: "castVoteWithReason",
      args: [id, 0, "too early"],
    } as never);
    // The vote passes (alice's 125 NUMI for, bob's 50 against): queue it, wait out the timelock, execute it.
    await advance(121); // past the voting period
    const descriptionHash = keccak256(toBytes(description));
    const batch = [[POOL], [0n], [calldata], descriptionHash] as const;
    await send(alice, { address: GOVERNOR, abi: NumiGovernorAbi, functionName: "queue", args: batch } as never);
    await advance(31); // past the timelock delay
    await send(alice, { address: GOVERNOR, abi: NumiGovernorAbi, functionName: "execute", args: batch } as never);
    // A second proposal, cancelled by its proposer while still pending (in the block right after it).
    const other = [
      [COIN],
      [0n],
      [encodeFunctionData({ abi: NumiCoinAbi, functionName: "setPoolShare", args: [500] })],
      "Pool share to 5%",
    ] as const;
    const { result: otherId } = await pub().simulateContract({
      account: alice,
      address: GOVERNOR,
      abi: NumiGovernorAbi,
      functionName: "propose",
      args: other,
    });
    const proposed = await send(alice, {
      address: GOVERNOR,
      abi: NumiGovernorAbi,
      functionName: "propose",
      args: other,
    } as never);
    proposalIds.push(otherId);
    const { blockNumber } = await pub().getTransactionReceipt({ hash: proposed });
    const { timestamp } = await pub().getBlock({ blockNumber });
    await rpc("evm_setNextBlockTimestamp", [Number(timestamp) + 1]); // still Pending: the vote starts after it
    const otherBatch = [other[0], other[1], other[2], keccak256(toBytes(other[3]))] as const;
    await send(alice, { address: GOVERNOR, abi: NumiGovernorAbi, functionName: "cancel", args: otherBatch } as never);

    db = tempDir("numi-indexer-");
    apiUrl = `http://127.0.0.1:${await freePort()}`;
    indexer = start(
      "npx",
      ["ponder", "start", "--log-level", "debug", "--schema", "numi_test", "--port", apiUrl.split(":")[2]!],
      INDEXER,
      {
        NUMI_RPC_URL: rpcUrl,
        PONDER_PGLITE_DIR: db.dir,
        DATABASE_URL: "",
        DATABASE_PRIVATE_URL: "",
      },
    );
    await waitFor(async () => (await fetch(`${apiUrl}/ready`)).status === 200, "/ready", 120_000, indexer.log);
    await caughtUp();
  });

  it("holds every account's balance, stake, delegate and votes as the chain does", async () => {
    const client = pub();
    const rows = await sqlClient().db.select().from(schema.account);
    expect(rows.length).toBeGreaterThan(0);
    let total = 0n;
    for (const row of rows) {
      const address = row.address as Address;
      const [balance, staked, delegate, votes] = await Promise.all([
        client.readContract({ address: COIN, abi: NumiCoinAbi, functionName: "balanceOf", args: [address] }),
        client.readContract({ address: POOL, abi: MiningPoolAbi, functionName: "balanceOf", args: [address] }),
        client.readContract({ address: COIN, abi: NumiCoinAbi, functionName: "delegates", args: [address] }),
        client.readContract({ address: COIN, abi: NumiCoinAbi, functionName: "getVotes", args: [address] }),
      ]);
      expect({ address, balance: row.balance, staked: row.staked, votes: row.votes }).toEqual({
        address,
        balance,
        staked,
        votes,
      });
      expect((row.delegate ?? "0x0000000000000000000000000000000000000000").toLowerCase()).toBe(delegate.toLowerCase());
      total += row.balance;
    }
    const supply = await client.readContract({ address: COIN, abi: NumiCoinAbi, functionName: "totalSupply" });
    expect(total).toBe(supply);
  });

  it("holds one mint row per Mint event, joined with its EpochRewarded", async () => {
    const client = pub();
    const fromBlock = BigInt(committed.NumiCoin.blockNumber);
    const mints = await client.getContractEvents({ address: COIN, abi: NumiCoinAbi, eventName: "Mint", fromBlock });
    const rewarded = await client.getContractEvents({
      address: COIN,
      abi: NumiCoinAbi,
      eventName: "EpochRewarded",
      fromBlock,
    });
    const rows = await sqlClient().db.select().from(schema.mint).orderBy(schema.mint.epoch);
    expect(
      rows.map((r) => ({ epoch: r.epoch, beneficiary: r.beneficiary, reward: r.reward, txHash: r.txHash })),
    ).toEqual(
      mints.map((m) => ({
        epoch: m.args.epochCount! - 1n,
        beneficiary: m.args.from!.toLowerCase(),
        reward: m.args.rewardAmount!,
        txHash: m.transactionHash,
      })),
    );
    expect(rows.map((r) => [r.poolReward, r.nextTarget])).toEqual(
      rewarded.map((e) => [e.args.poolReward!, e.args.newTarget!]),
    );
    expect(rows[3]!.miner.toLowerCase()).toBe(accounts[2]!.toLowerCase()); // mintTo: the sender is the miner
    // Each epoch's target is the one the solution met: the previous epoch's new target.
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.target).toBe(rows[i - 1]!.nextTarget);
    const stats = await sqlClient().db.select().from(schema.epochStat).orderBy(schema.epochStat.epoch);
    expect(stats.length).toBe(rows.length);
    const last = stats[stats.length - 1]!;
    expect(last.supply).toBe(
      await client.readContract({ address: COIN, abi: NumiCoinAbi, functionName: "totalSupply" }),
    );
    expect(last.expectedHashes).toBe(expectedHashes(last.target));
    if (last.duration) expect(last.hashRate).toBe(last.expectedHashes / last.duration);
  });

  it("holds the proposals with their decoded actions, states and tallies", async () => {
    const client = pub();
    const rows = await sqlClient().db.select().from(schema.proposal).orderBy(schema.proposal.createdBlock);
    expect(rows.map((r) => r.id)).toEqual(proposalIds);
    expect(rows.map((r) => r.status)).toEqual(["executed", "canceled"]);
    const STATUS: Record<number, string> = { 2: "canceled", 5: "queued", 7: "executed" };
    for (const row of rows) {
      const [state, votes] = await Promise.all([
        client.readContract({ address: GOVERNOR, abi: NumiGovernorAbi, functionName: "state", args: [row.id] }),
        client.readContract({ address: GOVERNOR, abi: NumiGovernorAbi, functionName: "proposalVotes", args: [row.id] }),
      ]);
      expect(row.status).toBe(STATUS[state] ?? "created");
      expect([row.againstVotes, row.forVotes, row.abstainVotes]).toEqual([...votes]);
      // Each state change carries the time of the block its transaction landed in.
      for (const [tx, at] of [
        [row.queuedTx, row.queuedAt],
        [row.executedTx, row.executedAt],
        [row.canceledTx, row.canceledAt],
      ] as const) {
        if (!tx) expect(at).toBeNull();
        else
          expect(at).toBe(
            (await client.getBlock({ blockHash: (await client.getTransactionReceipt({ hash: tx })).blockHash }))
              .timestamp,
          );
      }
    }
    expect(rows[0]!.executedAt).not.toBeNull();
    expect(rows[1]!.canceledAt).not.toBeNull();
    const actions = await sqlClient().db.select().from(schema.proposalAction).orderBy(schema.proposalAction.proposalId);
    expect(actions).toHaveLength(2);
    expect(actions.find((a) => a.proposalId === proposalIds[1])).toMatchObject({
      contract: "NumiCoin",
      functionName: "setPoolShare",
      args: [500],
    });
    expect(actions.find((a) => a.proposalId === proposalIds[0])).toMatchObject({
      contract: "MiningPool",
      functionName: "setFee",
      signature: "setFee(uint16)",
      args: [100],
    });
    const votes = await sqlClient().db.select().from(schema.vote);
    expect(votes.map((v) => [v.support, v.reason])).toEqual([
      [1, ""],
      [0, "too early"],
    ]);
    // The executed proposal changed the pool's fee: its event is indexed too.
    const fees = await sqlClient().db.select().from(schema.poolEvent);
    expect(fees.filter((e) => e.name === "FeeUpdated").map((e) => e.args)).toEqual([
      { oldFeeBps: "0", newFeeBps: "100" },
    ]);
    const kinds = (await sqlClient().db.select().from(schema.activity))
      .filter((a) => a.account.toLowerCase() === accounts[0]!.toLowerCase())
      .map((a) => a.kind);
    expect(kinds.filter((k) => ["proposed", "voted", "queued", "executed"].includes(k)).sort()).toEqual([
      "executed",
      "proposed",
      "proposed",
      "queued",
      "voted",
    ]);
  });

  it("records the activity of an account and answers GraphQL", async () => {
    const bob = accounts[1]!;
    const res = await fetch(`${apiUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: `{ activitys(where: { account: "${bob}" }, limit: 100) { items { kind amount blockNumber logIndex support } } }`,
      }),
    });
    type Item = { kind: string; amount: string | null; blockNumber: string; logIndex: number; support: number | null };
    const body = (await res.json()) as { data?: { activitys: { items: Item[] } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    const items = body.data!.activitys.items.sort(
      (a, b) => Number(BigInt(a.blockNumber) - BigInt(b.blockNumber)) || a.logIndex - b.logIndex,
    );
    expect(items.map((a) => a.kind)).toEqual([
      "delegated", // the first reward delegates a miner's votes to itself
      "mined",
      "received",
      "approved",
      "staked", // the stake's Transfer to the pool adds no "sent" row: Staked stands for it
      "voted",
    ]);
    expect(items.find((a) => a.kind === "staked")?.amount).toBe(parseEther("5").toString());
    expect(items.filter((a) => a.support !== null).map((a) => [a.kind, a.support])).toEqual([["voted", 0]]); // against
  });

  it("answers /analytics/miners and /analytics/pool as the tables and the chain hold", async () => {
    const client = pub();
    type Miners = {
      chainId: number;
      rewards: number;
      reward: string;
      poolReward: string;
      miners: number;
      top: { beneficiary: string; rewards: number; reward: string; lastEpoch: string }[];
    };
    const miners = (await (await fetch(`${apiUrl}/analytics/miners?chainId=31337&limit=100`)).json()) as Miners;
    const mints = await sqlClient().db.select().from(schema.mint);
    const per = new Map<string, { rewards: number; reward: bigint; lastEpoch: bigint }>();
    for (const m of mints) {
      const row = per.get(m.beneficiary) ?? { rewards: 0, reward: 0n, lastEpoch: 0n };
      per.set(m.beneficiary, {
        rewards: row.rewards + 1,
        reward: row.reward + m.reward,
        lastEpoch: m.epoch > row.lastEpoch ? m.epoch : row.lastEpoch,
      });
    }
    const expected = [...per]
      .sort(([a, x], [b, y]) => (x.reward === y.reward ? (a < b ? -1 : 1) : x.reward > y.reward ? -1 : 1))
      .map(([beneficiary, r]) => ({
        beneficiary,
        rewards: r.rewards,
        reward: String(r.reward),
        lastEpoch: String(r.lastEpoch),
      }));
    expect(miners.top).toEqual(expected);
    expect(miners.miners).toBe(per.size);
    expect(miners.rewards).toBe(mints.length);
    // Every token was minted as a beneficiary's or the pool's part of a reward.
    const supply = await client.readContract({ address: COIN, abi: NumiCoinAbi, functionName: "totalSupply" });
    expect(BigInt(miners.reward) + BigInt(miners.poolReward)).toBe(supply);
    const top1 = (await (await fetch(`${apiUrl}/analytics/miners?limit=1`)).json()) as Miners;
    expect(top1.top).toEqual(expected.slice(0, 1));
    expect((await fetch(`${apiUrl}/analytics/miners?chainId=abc`)).status).toBe(400);

    type Pool = {
      events: number;
      points: { event: string; totalStaked: string; rewardRate: string; periodFinish: string }[];
    };
    const pool = (await (await fetch(`${apiUrl}/analytics/pool?chainId=31337`)).json()) as Pool;
    const fromBlock = BigInt(committed.MiningPool.blockNumber);
    const logs = (
      await client.getContractEvents({ address: POOL, abi: MiningPoolAbi, fromBlock, strict: true })
    ).filter((l) => ["Staked", "Withdrawn", "RewardsStreamed"].includes(l.eventName));
    expect(pool.events).toBe(logs.length);
    expect(pool.points.map((p) => p.event)).toEqual(logs.map((l) => l.eventName));
    const last = pool.points[pool.points.length - 1]!;
    const staked = await client.readContract({ address: POOL, abi: MiningPoolAbi, functionName: "totalStaked" });
    expect(BigInt(last.totalStaked)).toBe(staked);
    const streamed = logs.filter((l) => l.eventName === "RewardsStreamed").pop();
    expect(streamed).toBeDefined();
    const args = streamed!.args as { rewardRate: bigint; periodFinish: bigint };
    expect([last.rewardRate, last.periodFinish]).toEqual([String(args.rewardRate), String(args.periodFinish)]);
  });

  it("ends a reorg with exactly the chain's post-revert state", async () => {
    const [alice, , , dave, erin] = accounts as [Address, Address, Address, Address, Address];
    const snapshot = await rpc("evm_snapshot");
    const gone = await transfer(alice, dave, parseEther("1"));
    const goneMint = await mineReward(alice);
    await caughtUp();
    const seen = await sqlClient().db.select().from(schema.transfer);
    expect(seen.map((t) => t.txHash)).toContain(gone);

    expect(await rpc("evm_revert", [snapshot])).toBe(true);
    const kept = await transfer(alice, erin, parseEther("2"));
    await mineReward(alice, erin); // not the reverted mint: that one would be the same transaction again
    await transfer(alice, erin, parseEther("3")); // one block past the reverted head, so the fork is seen
    await caughtUp();

    const transfers = await sqlClient().db.select().from(schema.transfer);
    const hashes = transfers.map((t) => t.txHash);
    expect(hashes).not.toContain(gone);
    expect(hashes).not.toContain(goneMint);
    expect(hashes).toContain(kept);
    expect(indexer!.log.join("")).toContain("Reconciled reorg");
    const client = pub();
    const onChain = await client.getContractEvents({
      address: COIN,
      abi: NumiCoinAbi,
      eventName: "Transfer",
      fromBlock: BigInt(committed.NumiCoin.blockNumber),
    });
    expect([...hashes].sort()).toEqual(onChain.map((l) => l.transactionHash).sort());
    const mints = await sqlClient().db.select().from(schema.mint);
    const chainMints = await client.getContractEvents({
      address: COIN,
      abi: NumiCoinAbi,
      eventName: "Mint",
      fromBlock: BigInt(committed.NumiCoin.blockNumber),
    });
    expect(mints.map((m) => m.txHash).sort()).toEqual(chainMints.map((m) => m.transactionHash).sort());
    for (const address of [alice, dave, erin]) {
      const [row] = (await sqlClient().db.select().from(schema.account)).filter(
        (r) => r.address.toLowerCase() === address.toLowerCase(),
      );
      const balance = await client.readContract({
        address: COIN,
        abi: NumiCoinAbi,
        functionName: "balanceOf",
        args: [address],
      });
      expect(row?.balance ?? 0n).toBe(balance);
    }
  });
});
