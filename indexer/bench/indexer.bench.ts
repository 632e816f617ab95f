// `npm run bench:indexer [-- --rewards N --transfers-per-block K --write]`: the indexer against the direct-getLogs
// fallback on one chain, in one run. Builds a fresh local chain with N mined rewards (default 10,000) and K
// transfers in each reward's block (default 5: 50,000 transfers), indexes it from an empty PGlite database, then
// loads one account's Activity both ways: a GraphQL page from the indexer (p50/p95 over 200 queries), and the
// dApp's fallback (seven filtered eth_getLogs per 2,000-block range from the deployment block). `--write` records
// the figures in docs/bench/indexer-results.json; docs/indexer.md ("Benchmark") gives the latest full run.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { encodeFunctionData, encodePacked, keccak256, type Address, type Hex } from "viem";
import { deployments, NumiCoin, NumiCoinAbi } from "@numi/contracts";
import {
  ROOT,
  INDEXER,
  freePort,
  indexedBlock,
  saveGenerated,
  start,
  startDeployedNode,
  stop,
  tempDir,
  waitFor,
  type Proc,
} from "../test/stack";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const REWARDS = arg("rewards", 10_000);
const TRANSFERS_PER_BLOCK = arg("transfers-per-block", 5);
const FALLBACK_RANGE = 2_000n; // the fallback's default range (issue #15)
const QUERIES = 200;
const MINERS = 8;

const contracts = deployments["31337"].contracts;
const COIN = contracts.NumiCoin.address as Address;
const POOL = contracts.MiningPool.address as Address;
const GOVERNOR = contracts.NumiGovernor.address as Address;

let rpcUrl = "";
let rpcCalls = 0;

/** POST, retried once when the node closed a kept-alive connection under the request (undici's
 * UND_ERR_SOCKET, seen once in a 10,000-reward run); a resent transaction that already landed only reverts or
 * adds a transfer, which the counts below see. */
async function postWithRetry(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code !== "UND_ERR_SOCKET") throw error;
    return fetch(url, init);
  }
}

async function rpcBatch(calls: { method: string; params?: unknown[] }[]): Promise<unknown[]> {
  rpcCalls += calls.length;
  const res = await postWithRetry(rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(calls.map((c, id) => ({ jsonrpc: "2.0", id, method: c.method, params: c.params ?? [] }))),
  });
  const body = (await res.json()) as { id: number; result?: unknown; error?: { message: string } }[];
  return body
    .sort((a, b) => a.id - b.id)
    .map((r, i) => {
      if (r.error) throw new Error(`${at(calls, i).method}: ${r.error.message}`);
      return r.result;
    });
}
const rpc = async (method: string, params: unknown[] = []) => (await rpcBatch([{ method, params }]))[0];

const call = (data: Hex) => ({ method: "eth_call", params: [{ to: COIN, data }, "latest"] });
const word = (hex: unknown) => BigInt(hex as Hex);
/** `list[i]`, which the caller knows exists (noUncheckedIndexedAccess). */
function at<T>(list: readonly T[], i: number): T {
  const item = list[i];
  if (item === undefined) throw new Error(`no item ${i}`);
  return item;
}

/** The chain under test: REWARDS blocks, each with one reward (miners in turn), and REWARDS * TRANSFERS_PER_BLOCK
 * transfers: TRANSFERS_PER_BLOCK in every block but the first two (the first block's go out with the second's). */
async function buildChain(accounts: Address[]) {
  const miners = accounts.slice(0, MINERS);
  const [epochTimeHex] = await rpcBatch([
    call(encodeFunctionData({ abi: NumiCoinAbi, functionName: "targetEpochTime" })),
  ]);
  const epochTime = Number(word(epochTimeHex));
  let time = Number(((await rpc("eth_getBlockByNumber", ["latest", false])) as { timestamp: Hex }).timestamp);
  await rpc("evm_setAutomine", [false]);
  let hashes = 0;
  let lap = performance.now();
  let owed = 0; // transfers not sent yet
  let sent = 0;
  for (let i = 0; i < REWARDS; i++) {
    const [challenge, target] = (
      await rpcBatch([
        call(encodeFunctionData({ abi: NumiCoinAbi, functionName: "getChallengeNumber" })),
        call(encodeFunctionData({ abi: NumiCoinAbi, functionName: "getMiningTarget" })),
      ])
    ).map((r) => r as Hex) as [Hex, Hex];
    const miner = at(miners, i % MINERS);
    let nonce = 0n;
    let digest: Hex;
    for (; ; nonce++) {
      digest = keccak256(encodePacked(["bytes32", "address", "uint256"], [challenge, miner, nonce]));
      if (BigInt(digest) <= word(target)) break;
    }
    hashes += Number(nonce) + 1;
    const txs = [
      {
        from: miner,
        to: COIN,
        data: encodeFunctionData({ abi: NumiCoinAbi, functionName: "mint", args: [nonce, digest] }),
      },
    ];
    // Transfers of 1 wei from miners that mined in an earlier block (none before the first reward, all MINERS of
    // them from block MINERS on) to the next miners in turn.
    owed += TRANSFERS_PER_BLOCK;
    const holders = Math.min(i, MINERS);
    for (let k = 0; holders > 0 && k < owed; k++) {
      const from = at(miners, (i + k) % holders);
      const to = at(miners, (i + k + 1) % MINERS);
      txs.push({
        from,
        to: COIN,
        data: encodeFunctionData({ abi: NumiCoinAbi, functionName: "transfer", args: [to, 1n] }),
      });
    }
    if (holders > 0) {
      sent += owed;
      owed = 0;
    }
    // The difficulty is not what this bench measures, and the local deployment's target (MAX_TARGET >> 12, 65,536
    // hashes per reward) costs this JS loop about a second a reward: 10,000 rewards would take hours. Epochs of
    // 9T ease the target 4x each (the controller's largest step), so the first six rewards take it to MAX_TARGET
    // (16 hashes); epochs of exactly T keep it there (Difficulty.nextTarget leaves it unchanged).
    time += word(target) < NumiCoin.MAX_TARGET ? 9 * epochTime : epochTime;
    // The node answers a batch's requests concurrently: the block is mined only once every transaction is in.
    await rpcBatch(txs.map((tx) => ({ method: "eth_sendTransaction", params: [{ ...tx, gas: "0x30000" }] })));
    await rpcBatch([{ method: "evm_setNextBlockTimestamp", params: [time] }]);
    await rpc("evm_mine");
    if ((i + 1) % 1000 === 0 || i + 1 === REWARDS) {
      const seconds = ((performance.now() - lap) / 1000).toFixed(1);
      console.log(`bench: ${i + 1} of ${REWARDS} rewards mined (${seconds} s, ${hashes} hashes since the last line)`);
      hashes = 0;
      lap = performance.now();
    }
  }
  await rpc("evm_setAutomine", [true]);
  return { transfers: sent };
}

/** One account's Activity the dApp's fallback way: seven filtered getLogs per range, deployment block to head. */
async function fallbackActivity(account: Address, head: bigint) {
  const topic = (a: Address) => `0x${a.slice(2).toLowerCase().padStart(64, "0")}` as Hex;
  const id = (signature: string) => keccak256(new TextEncoder().encode(signature));
  const TRANSFER = id("Transfer(address,address,uint256)");
  const queries = [
    { address: COIN, topics: [TRANSFER, topic(account)] },
    { address: COIN, topics: [TRANSFER, null, topic(account)] },
    { address: POOL, topics: [id("Staked(address,uint256)"), topic(account)] },
    { address: POOL, topics: [id("Withdrawn(address,uint256)"), topic(account)] },
    { address: POOL, topics: [id("RewardPaid(address,uint256)"), topic(account)] },
    { address: GOVERNOR, topics: [id("VoteCast(address,uint256,uint8,uint256,string)"), topic(account)] },
    { address: COIN, topics: [id("DelegateChanged(address,address,address)"), topic(account)] },
  ];
  const from = BigInt(Math.min(contracts.NumiCoin.blockNumber, contracts.MiningPool.blockNumber));
  const before = rpcCalls;
  const started = performance.now();
  let logs = 0;
  for (let start = from; start <= head; start += FALLBACK_RANGE) {
    const end = start + FALLBACK_RANGE - 1n < head ? start + FALLBACK_RANGE - 1n : head;
    const range = { fromBlock: `0x${start.toString(16)}`, toBlock: `0x${end.toString(16)}` };
    const results = await rpcBatch(queries.map((q) => ({ method: "eth_getLogs", params: [{ ...q, ...range }] })));
    for (const r of results) logs += (r as unknown[]).length;
  }
  return { ms: performance.now() - started, requests: rpcCalls - before, logs };
}

/** Every log of NumiCoin, MiningPool and NumiGovernor up to `head`, counted in 2,000-block ranges; `transfers`
 * counts every Transfer, `minted` those from the zero address (each reward credits the miner and the pool). */
async function chainLogs(head: bigint) {
  const TRANSFER = keccak256(new TextEncoder().encode("Transfer(address,address,uint256)"));
  const MINT = keccak256(new TextEncoder().encode("Mint(address,uint256,uint256,bytes32)"));
  const ZERO = `0x${"0".repeat(64)}`;
  const counts = { total: 0, transfers: 0, minted: 0, mints: 0 };
  for (let start = 0n; start <= head; start += FALLBACK_RANGE) {
    const end = start + FALLBACK_RANGE - 1n < head ? start + FALLBACK_RANGE - 1n : head;
    const [logs] = (await rpcBatch([
      {
        method: "eth_getLogs",
        params: [
          { address: [COIN, POOL, GOVERNOR], fromBlock: `0x${start.toString(16)}`, toBlock: `0x${end.toString(16)}` },
        ],
      },
    ])) as { topics: Hex[] }[][];
    for (const log of logs ?? []) {
      counts.total++;
      if (log.topics[0] === TRANSFER) counts.transfers++;
      if (log.topics[0] === TRANSFER && log.topics[1] === ZERO) counts.minted++;
      if (log.topics[0] === MINT) counts.mints++;
    }
  }
  return counts;
}

const percentile = (sorted: number[], p: number) =>
  at(sorted, Math.min(sorted.length - 1, Math.floor(p * sorted.length)));

async function main() {
  const benchStarted = performance.now();
  const restore = saveGenerated();
  const db = tempDir("numi-bench-");
  let node: Proc | undefined;
  let indexer: Proc | undefined;
  try {
    ({ node, rpcUrl } = await startDeployedNode());
    const accounts = (await rpc("eth_accounts")) as Address[];

    const built = performance.now();
    const sent = await buildChain(accounts);
    const head = BigInt((await rpc("eth_blockNumber")) as Hex);
    const buildSeconds = (performance.now() - built) / 1000;
    console.log(`bench: chain built in ${buildSeconds.toFixed(0)} s, head ${head}`);

    const apiPort = await freePort();
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const indexStarted = performance.now();
    indexer = start("npm", ["run", "start", "--", "--schema", "bench", "--port", String(apiPort)], INDEXER, {
      NUMI_RPC_URL: rpcUrl,
      PONDER_PGLITE_DIR: db.dir,
      PONDER_LOG_LEVEL: "warn",
    });
    // Startup (Ponder builds the schema and opens the database) ends when the API first answers; indexing from there.
    await waitFor(async () => (await fetch(`${apiUrl}/status`)).ok, "the indexer's API", 120_000, indexer.log);
    const startupSeconds = (performance.now() - indexStarted) / 1000;
    await waitFor(
      async () => (await indexedBlock(apiUrl)) >= Number(head),
      "the indexer to reach the head",
      3_600_000,
      indexer.log,
    );
    const indexSeconds = (performance.now() - indexStarted) / 1000 - startupSeconds;
    const graphql = async (query: string) => {
      const res = await fetch(`${apiUrl}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query }),
      });
      const body = (await res.json()) as {
        data?: Record<string, { totalCount?: number; items: unknown[] }>;
        errors?: unknown;
      };
      if (!body.data) throw new Error(`GraphQL: ${JSON.stringify(body.errors)}`);
      return body.data;
    };
    const counts = await graphql(
      "{ transfers { totalCount } mints { totalCount } activitys { totalCount } poolEvents { totalCount } }",
    );
    const rows = Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v.totalCount ?? 0])) as Record<
      "transfers" | "mints" | "activitys" | "poolEvents",
      number
    >;
    // The events indexed are the chain's logs of the three contracts, counted on the chain itself. The chain must
    // hold every reward and every transfer sent (a reverted or lost transaction shows here), and the indexer
    // exactly the chain's transfers (those of the rewards too) and rewards.
    const logs = await chainLogs(head);
    const events = logs.total;
    const transfers = logs.transfers - logs.minted;
    if (logs.mints !== REWARDS) throw new Error(`the chain holds ${logs.mints} rewards, not ${REWARDS}`);
    if (transfers !== sent.transfers) throw new Error(`the chain holds ${transfers} transfers, not ${sent.transfers}`);
    if (rows.transfers !== logs.transfers || rows.mints !== logs.mints) {
      throw new Error(`indexed ${JSON.stringify(rows)} but the chain has ${JSON.stringify(logs)}`);
    }

    // One account's newest 20 Activity rows, QUERIES times in a row. The dApp's page is one chain's (the indexer
    // may hold several), which the table's (chain_id, account, block_number) index serves; the same page without
    // the chain is measured too, as what that index does not serve.
    const account = at(accounts, 0).toLowerCase();
    const chainId = Number(await rpc("eth_chainId"));
    const pageLatency = async (where: string) => {
      const page = `{ activitys(where: { ${where} }, orderBy: "blockNumber", orderDirection: "desc", limit: 20) { items { kind amount counterparty blockNumber txHash } } }`;
      const latencies: number[] = [];
      for (let i = 0; i < QUERIES; i++) {
        const t = performance.now();
        const data = await graphql(page);
        latencies.push(performance.now() - t);
        if (i === 0 && data.activitys?.items.length !== 20) throw new Error("the Activity page is not full");
      }
      latencies.sort((a, b) => a - b);
      return {
        where,
        p50Ms: Number(percentile(latencies, 0.5).toFixed(1)),
        p95Ms: Number(percentile(latencies, 0.95).toFixed(1)),
        queries: QUERIES,
      };
    };
    const activityPage = await pageLatency(`chainId: ${chainId}, account: "${account}"`);
    const activityPageAnyChain = await pageLatency(`account: "${account}"`);
    const fallback = await fallbackActivity(at(accounts, 0), head);

    const result = {
      date: new Date().toISOString(),
      node: process.version,
      command: `npm run bench:indexer -- --rewards ${REWARDS} --transfers-per-block ${TRANSFERS_PER_BLOCK}`,
      wallSeconds: 0, // set below, when the run is over
      chain: {
        buildSeconds: Number(buildSeconds.toFixed(1)),
        rewards: REWARDS,
        transfers,
        logs,
        blocks: Number(head),
        indexedEvents: events,
        activityRows: rows.activitys,
      },
      indexer: {
        startupSeconds: Number(startupSeconds.toFixed(1)),
        seconds: Number(indexSeconds.toFixed(1)),
        eventsPerSecond: Math.round(events / indexSeconds),
        rows,
        activityPage,
        activityPageAnyChain,
      },
      fallback: {
        activityMs: Math.round(fallback.ms),
        requests: fallback.requests,
        rangeBlocks: Number(FALLBACK_RANGE),
        logs: fallback.logs,
      },
    };
    result.wallSeconds = Math.round((performance.now() - benchStarted) / 1000);
    console.table({
      "indexer: events/s": result.indexer.eventsPerSecond,
      "indexer: Activity page p50 ms": result.indexer.activityPage.p50Ms,
      "indexer: Activity page p95 ms": result.indexer.activityPage.p95Ms,
      "indexer: page without chainId p50 ms": result.indexer.activityPageAnyChain.p50Ms,
      "indexer: page without chainId p95 ms": result.indexer.activityPageAnyChain.p95Ms,
      "fallback: Activity load ms": result.fallback.activityMs,
      "fallback: eth_getLogs requests": result.fallback.requests,
    });
    console.log(JSON.stringify(result, null, 2));
    if (process.argv.includes("--write")) {
      mkdirSync(path.join(ROOT, "docs", "bench"), { recursive: true });
      writeFileSync(path.join(ROOT, "docs", "bench", "indexer-results.json"), `${JSON.stringify(result, null, 2)}\n`);
    }
  } finally {
    await stop(indexer);
    await stop(node);
    restore();
    db.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
