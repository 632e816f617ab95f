// Deterministic gas scenarios (issue #2): each figure is receipt.gasUsed, the 21,000 base included, measured on
// a fresh Hardhat network with fixed timestamps, and compared with anchors measured on this machine with the
// same compiler settings (solc 0.8.30, prague; optimizer runs per docs/adr/0008-optimizer-settings.md).
// Each row also carries the gas the two governance safety designs cost (test/gas/governanceAttribution.ts): a bar
// missed only by that gas is OVER BY DESIGN, not FAIL (GAS_STRICT=1 fails on FAIL only).
// Run: npm run gas:scenarios  →  gas-reports/gas-summary.json and gas-reports/gas-summary.md
import { ethers, network } from "hardhat";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseEther } from "ethers";
import type { ContractTransactionResponse } from "ethers";
import { time } from "@nomicfoundation/hardhat-network-helpers";
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/signers";
import { TEST_TARGET, solveFor } from "../helpers/mining";
import { signPermit, signPermitFor } from "../helpers/permit";
import type { MiningPool, NumiCoin } from "../../typechain-types";
import { governanceAttribution, governanceGasOf } from "./governanceAttribution";
import type { Attribution, GovernanceGas, StructLog } from "./governanceAttribution";

const TARGET_EPOCH_TIME = 60n;
const REWARDS_DURATION = 3_600n;

interface Row {
  scenario: string;
  gasUsed: number;
  /** Gas the governance safety designs cost in this transaction, attributed from its trace (a lower bound). */
  governanceGas: number;
  governanceGasByDesign: Omit<GovernanceGas, "total">;
  /** gasUsed - governanceGas: what the row would cost without the designs' storage and logs (an upper bound). */
  withoutGovernance: number;
  anchor?: { name: string; gas: number };
  bar?: { limit: number; rule: string };
}

/** One measured transaction. */
interface Measured {
  gasUsed: number;
  governance: GovernanceGas;
}

/** A deployed contract: its deployment gas and runtime size against EIP-170's limit. */
interface Size {
  contract: string;
  deployGas: number;
  runtimeBytes: number;
}

const rows: Row[] = [];
const sizes: Size[] = [];
let clock = 0;
/** Storage slots and event of the two governance designs, set once the contracts are deployed. */
let attribution: Attribution | undefined;
/** EIP-170: the most runtime bytecode a contract may have. */
const MAX_RUNTIME_BYTES = 24_576;
/** 0xBitcoin's mint by an existing holder, measured on this machine with the same compiler settings. */
const OXBTC_MINT = 94_414;
/** Seconds each epoch of the moving-target series takes (target epoch time 60 s): never exactly the target, as on a
 * live chain, so every reward moves the target. Fixed, so the run is the same on every machine. */
const MOVING_EPOCHS = [41, 95, 52, 73, 33, 88, 64, 47, 120, 58, 70, 39, 81, 55, 66, 49];

/** Every transaction lands `seconds` after the previous one, so the run is the same on every machine. */
async function nextTimestamp(seconds = 12) {
  clock += seconds;
  await time.setNextBlockTimestamp(clock);
}

/** Sends one transaction `seconds` after the previous one and returns its gasUsed and the part of it the
 * governance designs cost (from the transaction's trace). */
async function gasOf(
  scenario: string,
  send: () => Promise<ContractTransactionResponse>,
  seconds = 12,
): Promise<Measured> {
  if (!attribution) throw new Error("governance attribution not set up");
  await nextTimestamp(seconds);
  const receipt = await (await send()).wait();
  if (!receipt || receipt.status !== 1 || !receipt.to) throw new Error(`${scenario} failed`);
  const trace = await network.provider.send("debug_traceTransaction", [
    receipt.hash,
    { disableMemory: true, disableStorage: true },
  ]);
  const logs = trace.structLogs as StructLog[];
  if (process.env.GAS_TRACE && scenario.includes(process.env.GAS_TRACE)) traceOpcodes(logs);
  return { gasUsed: Number(receipt.gasUsed), governance: governanceGasOf(attribution, receipt.to, logs) };
}

/** A row of one transaction. */
function rowOf(scenario: string, m: Measured, extra: Partial<Row> = {}): Row {
  const { total, ...byDesign } = m.governance;
  return {
    scenario,
    gasUsed: m.gasUsed,
    governanceGas: total,
    governanceGasByDesign: byDesign,
    withoutGovernance: m.gasUsed - total,
    ...extra,
  };
}

async function measure(scenario: string, send: () => Promise<ContractTransactionResponse>, extra: Partial<Row> = {}) {
  rows.push(rowOf(scenario, await gasOf(scenario, send), extra));
}

/** A row summing up a series of transactions: `pick` (mean or highest) of the gas used, of the governance gas
 * and of the gas without governance, each per transaction (the highest of each may come from different ones). */
function seriesRow(scenario: string, series: Measured[], pick: (values: number[]) => number, extra: Partial<Row>): Row {
  const of = (f: (m: Measured) => number) => Math.round(pick(series.map(f)));
  return {
    scenario,
    gasUsed: of((m) => m.gasUsed),
    governanceGas: of((m) => m.governance.total),
    governanceGasByDesign: {
      minerVotesCheckpoint: of((m) => m.governance.minerVotesCheckpoint),
      poolHoldingsCheckpoint: of((m) => m.governance.poolHoldingsCheckpoint),
    },
    withoutGovernance: of((m) => m.gasUsed - m.governance.total),
    ...extra,
  };
}

/** Debug aid (GAS_TRACE=<scenario substring>): gas per opcode of one transaction, children excluded. */
function traceOpcodes(logs: StructLog[]) {
  const byOp = new Map<string, number>();
  logs.forEach((l, i) => {
    const next = logs[i + 1];
    // a call's gasCost includes the gas forwarded to the child; count only what the caller keeps
    const cost = next && next.depth > l.depth ? 0 : l.gasCost;
    const key = `${l.depth}:${l.op}`;
    byOp.set(key, (byOp.get(key) ?? 0) + cost);
  });
  console.log(
    [...byOp]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 25)
      .map(([k, v]) => `${k}=${v}`)
      .join("  "),
  );
}

async function deployMeasured(name: string, args: unknown[]) {
  await nextTimestamp();
  const contract = await ethers.deployContract(name, args);
  const receipt = await contract.deploymentTransaction()!.wait();
  const code = await ethers.provider.getCode(await contract.getAddress());
  sizes.push({ contract: name, deployGas: Number(receipt!.gasUsed), runtimeBytes: (code.length - 2) / 2 });
  return contract;
}

async function mintAs(coin: NumiCoin, miner: HardhatEthersSigner) {
  const sol = await solveFor(coin, miner.address);
  return coin.connect(miner).mint(sol.nonce, sol.digest);
}

async function main() {
  await network.provider.send("hardhat_reset");
  clock = (await ethers.provider.getBlock("latest"))!.timestamp + 1_000;
  const signers = await ethers.getSigners();
  const [deployer, alice, bob, carol, relayer, staker, permitStaker, fresh, treasury, seedStaker, holder, holder2] =
    signers;

  // ── Deployments ──
  const coin = (await deployMeasured("NumiCoin", [
    deployer.address,
    TARGET_EPOCH_TIME,
    TEST_TARGET,
  ])) as unknown as NumiCoin;
  const coinAddress = await coin.getAddress();
  const pool = (await deployMeasured("MiningPool", [
    coinAddress,
    deployer.address,
    REWARDS_DURATION,
    treasury.address,
  ])) as unknown as MiningPool;
  const poolAddress = await pool.getAddress();
  const timelock = await deployMeasured("NumiTimelock", [30n, 30n, [], [ethers.ZeroAddress], deployer.address]);
  const timelockAddress = await timelock.getAddress();
  const governor = await deployMeasured("NumiGovernor", [
    coinAddress,
    await timelock.getAddress(),
    poolAddress,
    {
      votingDelay: 1n,
      votingPeriod: 120n,
      proposalThreshold: 0n,
      quorumPercent: 4n,
      lateQuorumExtension: 30n,
      launchSupply: 0n,
    },
  ]);
  await nextTimestamp();
  await (await coin.setPool(poolAddress)).wait();
  attribution = await governanceAttribution(
    coinAddress,
    poolAddress,
    [...signers.map((s) => s.address), coinAddress, poolAddress, timelockAddress, await governor.getAddress()],
    coin.interface.getEvent("DelegateVotesChanged")?.topicHash,
  );

  // ── Mining: each epoch takes exactly the target time, so the target stays put ──
  const epoch = Number(TARGET_EPOCH_TIME) - 12; // measure() adds 12 s
  await nextTimestamp(epoch);
  await (await mintAs(coin, alice)).wait(); // alice and the pool hold NUMI from now on
  await nextTimestamp(epoch);
  await measure("mint() by a first-time miner", () => mintAs(coin, bob), {
    anchor: { name: "0xBitcoin mint (first-time)", gas: 111_514 },
  });
  await nextTimestamp(epoch);
  await measure("mint() by an existing holder, previous epoch mined by someone else", () => mintAs(coin, alice), {
    anchor: { name: "0xBitcoin mint (existing holder)", gas: OXBTC_MINT },
    bar: { limit: OXBTC_MINT, rule: "<= 0xBitcoin" },
  });
  await nextTimestamp(epoch);
  {
    const sol = await solveFor(coin, alice.address);
    await measure("mintTo() relayed for an existing holder", () =>
      coin.connect(relayer).mintTo(sol.nonce, alice.address),
    );
  }
  // Design 1's alternative side by side: a reward to a contract (the timelock, no delegate) self-delegates nothing
  // and writes no votes checkpoint. Its first reward makes it an existing holder; the measured one follows it.
  // Like the EOA rows above, its reward time lands in a word of reward times already opened (a fresh word every
  // sixth reward), so the rows compare.
  const relayFor = async (beneficiary: string) => {
    const sol = await solveFor(coin, beneficiary);
    return coin.connect(relayer).mintTo(sol.nonce, beneficiary);
  };
  await nextTimestamp(epoch);
  await (await relayFor(timelockAddress)).wait();
  await nextTimestamp(epoch);
  await measure(
    "mintTo() relayed for a contract beneficiary (existing holder, no delegate: no votes checkpoint)",
    () => relayFor(timelockAddress),
    { anchor: { name: "0xBitcoin mint (existing holder)", gas: OXBTC_MINT } },
  );
  if (
    (await coin.delegates(timelockAddress)) !== ethers.ZeroAddress ||
    (await coin.numCheckpoints(timelockAddress)) !== 0n ||
    rows[rows.length - 1].governanceGas !== 0
  ) {
    throw new Error("the contract beneficiary was self-delegated or checkpointed: the row measures the wrong path");
  }
  for (const miner of [bob, alice, bob]) {
    await nextTimestamp(epoch);
    await (await mintAs(coin, miner)).wait();
  }

  // ── Mining as on a live chain: the target moves with every reward; two existing holders take turns ──
  {
    const moving: Measured[] = [];
    for (const [i, seconds] of MOVING_EPOCHS.entries()) {
      const miner = i % 2 ? alice : bob;
      moving.push(await gasOf("mint(), target moving", () => mintAs(coin, miner), seconds));
    }
    const n = moving.length;
    rows.push(
      seriesRow(
        `mint() by an existing holder, target moving: the highest of ${n} consecutive mints`,
        moving,
        (values) => Math.max(...values),
        {
          anchor: { name: "0xBitcoin mint (existing holder)", gas: OXBTC_MINT },
          bar: { limit: OXBTC_MINT, rule: "every mint <= 0xBitcoin" },
        },
      ),
    );
    rows.push(
      seriesRow(
        `mint() by an existing holder, target moving: the mean of ${n} consecutive mints`,
        moving,
        (values) => values.reduce((a, b) => a + b, 0) / n,
        {
          anchor: { name: "0xBitcoin mint (existing holder)", gas: OXBTC_MINT },
          bar: { limit: 78_500, rule: "mean <= 78,500" },
        },
      ),
    );
  }

  // ── ERC-20, permit, votes: holders who never mined (no delegate, as most holders of a votes token) ──
  for (const [who, amount] of [
    [holder, parseEther("40")],
    [holder2, parseEther("10")],
  ] as const) {
    await nextTimestamp();
    await (await coin.connect(alice).transfer(who.address, amount)).wait();
  }
  await measure(
    "transfer to an existing holder",
    () => coin.connect(holder).transfer(holder2.address, parseEther("1")),
    {
      anchor: { name: "OZ5 ERC20+Permit+Votes transfer (existing)", gas: 39_216 },
      bar: { limit: 36_000, rule: "<= 36,000 (Solady 34,065)" },
    },
  );
  await measure("transfer to a fresh address", () => coin.connect(holder).transfer(fresh.address, parseEther("1")), {
    anchor: { name: "OZ5 ERC20+Permit+Votes transfer (fresh)", gas: 56_316 },
    bar: { limit: 56_316, rule: "<= OZ" },
  });
  await nextTimestamp();
  await (await coin.connect(holder).approve(carol.address, parseEther("10"))).wait();
  await measure(
    "transferFrom (finite allowance, to an existing holder)",
    () => coin.connect(carol).transferFrom(holder.address, holder2.address, parseEther("1")),
    { anchor: { name: "OZ5 transferFrom", gas: 45_305 }, bar: { limit: 42_000, rule: "<= 42,000" } },
  );
  {
    const p = await signPermit(coin, holder2, carol.address, parseEther("5"), BigInt(clock + 3_600));
    await measure(
      "permit (first permit of the owner)",
      () => coin.connect(carol).permit(p.owner, p.spender, p.value, p.deadline, p.v, p.r, p.s),
      {
        anchor: { name: "OZ5 permit", gas: 74_870 },
        bar: { limit: 74_870, rule: "<= OZ" },
      },
    );
  }
  await measure("first self-delegate", () => coin.connect(holder).delegate(holder.address), {
    anchor: { name: "OZ5 first self-delegate", gas: 95_654 },
  });
  // Miners vote from their first reward (self-delegated on reward): a transfer between two miners moves votes.
  await measure("transfer between two miners (both self-delegated)", () =>
    coin.connect(alice).transfer(bob.address, parseEther("1")),
  );

  // The same operations on a plain OZ 5 ERC20+Permit+Votes token, same accounts and balances: shows how much
  // of any difference is NumiCoin's own (its larger function dispatcher) rather than the scenario.
  {
    await nextTimestamp();
    const ref = await ethers.deployContract("OZVotesTokenReference");
    for (const who of [holder, holder2, alice, bob]) {
      await nextTimestamp();
      await (await ref.mint(who.address, await coin.balanceOf(who.address))).wait();
    }
    for (const miner of [alice, bob]) {
      await nextTimestamp();
      await (await ref.connect(miner).delegate(miner.address)).wait();
    }
    await measure("reference OZ token: transfer to an existing holder", () =>
      ref.connect(holder).transfer(holder2.address, parseEther("1")),
    );
    await measure("reference OZ token: transfer to a fresh address", () =>
      ref.connect(holder).transfer(fresh.address, parseEther("1")),
    );
    await nextTimestamp();
    await (await ref.connect(holder).approve(carol.address, parseEther("10"))).wait();
    await measure("reference OZ token: transferFrom", () =>
      ref.connect(carol).transferFrom(holder.address, holder2.address, parseEther("1")),
    );
    const p = await signPermitFor(ref, "Reference", holder2, carol.address, parseEther("5"), BigInt(clock + 3_600));
    await measure("reference OZ token: permit", () =>
      ref.connect(carol).permit(p.owner, p.spender, p.value, p.deadline, p.v, p.r, p.s),
    );
    await measure("reference OZ token: first self-delegate", () => ref.connect(holder).delegate(holder.address));
    await measure("reference OZ token: transfer between two self-delegated holders", () =>
      ref.connect(alice).transfer(bob.address, parseEther("1")),
    );
  }

  // ── Pool: stakers who never delegated (no vote checkpoints on their transfers) ──
  await nextTimestamp();
  await (await coin.connect(bob).transfer(staker.address, parseEther("100"))).wait();
  await nextTimestamp();
  await (await coin.connect(bob).transfer(permitStaker.address, parseEther("20"))).wait();
  await nextTimestamp();
  await (await coin.connect(staker).approve(poolAddress, ethers.MaxUint256)).wait();
  // From here every pool operation follows a mined block, as on a live chain: the pool share has arrived
  // and the operation restarts the stream with it.
  const afterMint = async () => {
    await nextTimestamp(epoch);
    await (await mintAs(coin, alice)).wait();
  };
  await nextTimestamp();
  await (await coin.connect(bob).transfer(seedStaker.address, parseEther("10"))).wait();
  await nextTimestamp();
  await (await coin.connect(seedStaker).approve(poolAddress, ethers.MaxUint256)).wait();
  await nextTimestamp();
  await (await pool.connect(seedStaker).stake(parseEther("10"))).wait(); // the pool's first stake starts the stream
  await afterMint();
  await nextTimestamp();
  await (await pool.connect(staker).stake(parseEther("50"))).wait(); // staker's first stake, the stream running
  await afterMint();
  await measure(
    "pool stake (again, existing staker, after a mint)",
    () => pool.connect(staker).stake(parseEther("10")),
    {
      anchor: { name: "Synthetix StakingRewards stake (again)", gas: 106_381 },
      bar: { limit: 72_000, rule: "<= 72,000" },
    },
  );
  await measure("pool stake (again, no new arrival)", () => pool.connect(staker).stake(parseEther("10")));
  await afterMint();
  {
    const p = await signPermit(coin, permitStaker, poolAddress, parseEther("20"), BigInt(clock + 3_600));
    await measure("pool stakeWithPermit (first stake, after a mint)", () =>
      pool.connect(permitStaker).stakeWithPermit(p.value, p.deadline, p.v, p.r, p.s),
    );
  }
  await afterMint();
  await measure("pool withdraw (partial, after a mint)", () => pool.connect(staker).withdraw(parseEther("5")), {
    anchor: { name: "Synthetix StakingRewards withdraw", gas: 84_584 },
    bar: { limit: 67_667, rule: "<= 67,667 (80% of Synthetix)" },
  });
  await afterMint();
  await measure("pool claim (after a mint)", () => pool.connect(staker).claim(), {
    anchor: { name: "Synthetix StakingRewards getReward", gas: 90_740 },
    bar: { limit: 66_000, rule: "<= 66,000" },
  });
  await measure("pool withdraw (partial, no new arrival)", () => pool.connect(staker).withdraw(parseEther("5")));
  await measure("pool claim (no new arrival)", () => pool.connect(staker).claim());
  await afterMint();
  await measure("pool exit (after a mint)", () => pool.connect(staker).exit(), {
    anchor: { name: "Synthetix StakingRewards exit", gas: 101_970 },
    bar: { limit: 64_000, rule: "<= 64,000" },
  });

  writeReports();
}

type Verdict = "PASS" | "OVER BY DESIGN" | "FAIL";

/** PASS: within the bar. OVER BY DESIGN: over it, but within it without the governance designs' gas. FAIL: over
 * it even without. */
function verdictOf(r: Row): Verdict | undefined {
  if (!r.bar) return undefined;
  if (r.gasUsed <= r.bar.limit) return "PASS";
  return r.withoutGovernance <= r.bar.limit ? "OVER BY DESIGN" : "FAIL";
}

/** Which design(s) a row's governance gas comes from. */
function designsOf(r: Row) {
  const { minerVotesCheckpoint, poolHoldingsCheckpoint } = r.governanceGasByDesign;
  return [
    minerVotesCheckpoint ? `miner votes checkpoint ${fmt(minerVotesCheckpoint)}` : "",
    poolHoldingsCheckpoint ? `pool holdings checkpoint ${fmt(poolHoldingsCheckpoint)}` : "",
  ]
    .filter(Boolean)
    .join(" + ");
}

function fmt(n: number) {
  return n.toLocaleString("en-US");
}

function writeReports() {
  const out = join(__dirname, "..", "..", "gas-reports");
  mkdirSync(out, { recursive: true });
  const results = rows.map((r) => {
    const verdict = verdictOf(r);
    return {
      ...r,
      vsAnchor: r.anchor ? `${((100 * r.gasUsed) / r.anchor.gas).toFixed(1)}%` : undefined,
      verdict,
      overBy: r.bar && verdict !== "PASS" ? r.gasUsed - r.bar.limit : undefined,
    };
  });
  const row = (scenario: string) => {
    const r = rows.find((x) => x.scenario === scenario);
    if (!r) throw new Error(`no row ${scenario}`);
    return r;
  };
  const measured = (scenario: string) => fmt(row(scenario).gasUsed);
  const eoaRelay = row("mintTo() relayed for an existing holder");
  const contractRelay = row(
    "mintTo() relayed for a contract beneficiary (existing holder, no delegate: no votes checkpoint)",
  );
  const passed = results.filter((r) => r.verdict === "PASS");
  const byDesign = results.filter((r) => r.verdict === "OVER BY DESIGN");
  const failed = results.filter((r) => r.verdict === "FAIL");
  const barOf = (r: Row) => `${r.bar!.rule} (${fmt(r.bar!.limit)})`;
  const summary = [
    `Bars: ${passed.length} of ${passed.length + byDesign.length + failed.length} pass outright, ${byDesign.length} ` +
      `${byDesign.length === 1 ? "is" : "are"} missed only because of the governance safety designs, ` +
      `${failed.length} fail even without them.`,
    ...byDesign.map(
      (r) =>
        `OVER BY DESIGN: ${r.scenario}: ${fmt(r.gasUsed)} against ${barOf(r)}, the design makes it miss by ` +
        `${fmt(r.overBy!)} (it costs at least ${designsOf(r)}; without it at most ${fmt(r.withoutGovernance)}, ` +
        `${fmt(r.bar!.limit - r.withoutGovernance)} under the bar).`,
    ),
    ...failed.map(
      (r) =>
        `FAIL: ${r.scenario}: ${fmt(r.gasUsed)} against ${barOf(r)}, over by ${fmt(r.overBy!)}; without the ` +
        `designs' attributed gas (${designsOf(r) || "none"}) still ${fmt(r.withoutGovernance - r.bar!.limit)} over.`,
    ),
  ];
  const notes = [
    "gasUsed from the receipt, 21,000 base included; solc 0.8.30, evmVersion prague, optimizer 1,000,000 runs for NumiCoin, MiningPool and the reference OZ token, 200 for the governor and timelock (docs/adr/0008-optimizer-settings.md).",
    "Pool scenarios use stakers who have never delegated (no vote checkpoints), and each follows a mined block, so the operation also starts streaming the newly arrived pool share (the live-chain case). The measured staker first staked while the stream was running (as on a live pool), so 'stake again' updates existing storage rather than creating it.",
    `Governance design 1, miner votes checkpoint (docs/adr/0002-bounded-governance.md item 6): miners' votes count from their first reward, so a minority cannot pass a proposal while the majority's votes sleep. A reward to a miner without a delegate and without code self-delegates it (the first-time mint pays the delegation and a new votes history), and every reward writes the miner's votes checkpoint and DelegateVotesChanged, as any transfer to a delegated holder does. Its alternative (no votes for miners until they delegate), measured side by side: mintTo() relayed for an existing holder costs ${fmt(eoaRelay.gasUsed)} for an EOA and ${fmt(contractRelay.gasUsed)} for a contract beneficiary (the timelock: no self-delegation, no checkpoint), ${fmt(eoaRelay.gasUsed - contractRelay.gasUsed)} apart although the contract path also pays the cold EXTCODESIZE (2,600) that a delegated EOA skips; the trace attributes ${fmt(eoaRelay.governanceGas)} of the EOA row to the design. The safe design is kept; the OVER BY DESIGN mint rows say which target it costs and by how much. ERC-20 rows use holders who never mined and never delegated (most holders of a votes token); 'transfer between two miners' moves votes on both sides, compare the reference token's row with the same delegations.`,
    "Governance design 2, pool holdings checkpoint (docs/adr/0002-bounded-governance.md item 7): the quorum leaves pool-held NUMI out (it can never vote), so the pool checkpoints what it holds (staked + reward reserve, heldAt) whenever that changes: stake, claim and exit pay one checkpoint; a withdraw after a mint that arrives as much as it withdraws does not. The safe design is kept; the OVER BY DESIGN pool rows say which target it costs and by how much.",
    "Governance gas (the designs' cost) is attributed from each transaction's trace (debug_traceTransaction): the gasCost of every SLOAD and SSTORE of a votes checkpoint trace in NumiCoin (_delegateCheckpoints, any delegatee, count slot or data word) or of the pool's _held trace in MiningPool, plus the LOGs emitting DelegateVotesChanged; slots from the compiler's storage layout. It leaves out the opcodes around each push (hashing, arithmetic, jumps), so it under-states the designs' cost: 'without governance' (gas used - governance gas) is an upper bound and OVER BY DESIGN is conservative. NumiCoin writes no total-supply checkpoint (its supply is the schedule's sum over the epochs; a reward records its time, six per word: docs/adr/0012-supply-from-epochs.md), and the reward-time log is never attributed; on rows that delegate or move delegated votes (first self-delegate, transfer between two miners) the attributed gas is what ERC20Votes costs any delegated holder. The 16-mint rows give the mean, resp. the highest, of each figure per mint (the highest of each may come from different mints). Result: PASS if gas used <= bar; OVER BY DESIGN if over the bar only by the designs' gas (without governance <= bar); FAIL otherwise. GAS_STRICT=1 exits non-zero on FAIL only.",
    "Anchors: OZ 5 ERC20+Permit+Votes, Synthetix StakingRewards and 0xBitcoin measured on this machine (solc 0.8.30, prague, 200 runs).",
    "Targets (issue #14): every mint by an existing holder <= 0xBitcoin's, the mean of consecutive mints with the target moving <= 78,500, transfer <= 36,000, transferFrom <= 42,000, pool stake/withdraw/claim/exit <= 72,000/67,667/66,000/64,000. The moving-target series alternates two existing holders over epochs of 33 to 120 s (target 60 s), so every reward changes the target, as on a live chain; the static row keeps every epoch at exactly the target time.",
    `NUMI keeps an account's balance and delegate in one slot (docs/adr/0009-token-storage-layout.md) and derives its supply from the epoch count (docs/adr/0012-supply-from-epochs.md): transfer ${measured("transfer to an existing holder")} against the reference OZ token's ${measured("reference OZ token: transfer to an existing holder")}, transferFrom ${measured("transferFrom (finite allowance, to an existing holder)")} against ${measured("reference OZ token: transferFrom")}; the mining target and challenge share slots with the mining clock and the pool address (docs/adr/0010-mining-state-packing.md). GAS_TRACE=<scenario> prints gas per opcode for one row.`,
  ];
  writeFileSync(
    join(out, "gas-summary.json"),
    JSON.stringify(
      {
        notes,
        summary,
        bars: { pass: passed.length, overByDesign: byDesign.length, fail: failed.length },
        results,
        contracts: sizes,
      },
      null,
      2,
    ) + "\n",
  );
  const lines = [
    "# Gas summary (npm run gas:scenarios)",
    "",
    ...notes.map((n) => `- ${n}`),
    "",
    ...summary.map((s, i) => (i === 0 ? `**${s}**\n` : `- ${s}`)),
    "",
    "| Scenario | Gas used | Governance gas | Without governance | Anchor | Anchor gas | vs anchor | Bar | Result |",
    "|---|---:|---:|---:|---|---:|---:|---|---|",
    ...results.map(
      (r) =>
        `| ${r.scenario} | ${fmt(r.gasUsed)} | ${fmt(r.governanceGas)} | ${fmt(r.withoutGovernance)} | ${
          r.anchor?.name ?? ""
        } | ${r.anchor ? fmt(r.anchor.gas) : ""} | ${r.vsAnchor ?? ""} | ${r.bar ? barOf(r) : ""} | ${
          r.verdict ? `${r.verdict}${r.overBy ? ` (+${fmt(r.overBy)})` : ""}` : ""
        } |`,
    ),
    "",
    `| Contract | Deployment gas | Runtime size (bytes) | EIP-170 limit |`,
    "|---|---:|---:|---:|",
    ...sizes.map((c) => `| ${c.contract} | ${fmt(c.deployGas)} | ${fmt(c.runtimeBytes)} | ${fmt(MAX_RUNTIME_BYTES)} |`),
    "",
  ];
  writeFileSync(join(out, "gas-summary.md"), lines.join("\n"));
  for (const r of results) {
    console.log(
      `${(r.verdict ?? "").padEnd(14)} ${String(r.gasUsed).padStart(7)} gov ${String(r.governanceGas).padStart(6)} ` +
        `w/o ${String(r.withoutGovernance).padStart(7)}  ${r.scenario}${r.bar ? `  (bar ${r.bar.limit})` : ""}`,
    );
  }
  for (const c of sizes)
    console.log(`size  ${String(c.runtimeBytes).padStart(9)}  ${c.contract} runtime bytes (deploy ${c.deployGas} gas)`);
  const oversized = sizes.filter((c) => c.runtimeBytes > MAX_RUNTIME_BYTES);
  if (oversized.length) {
    console.error(`over EIP-170's ${MAX_RUNTIME_BYTES} bytes: ${oversized.map((c) => c.contract).join(", ")}`);
    process.exitCode = 1;
  }
  for (const s of summary) console.log(s);
  // Measuring is the default job; GAS_STRICT=1 turns a missed bar into a failing exit code (for CI gates), unless
  // only the governance safety designs' gas puts the row over it.
  if (failed.length > 0 && process.env.GAS_STRICT === "1") process.exitCode = 1;
}

// `hardhat test` loads every file under test/: run only when this is the script `hardhat run` started.
if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
