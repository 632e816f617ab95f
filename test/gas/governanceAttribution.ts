// Which part of a transaction's gas the two governance safety designs cost, read from its opcode trace:
//  1. miner votes checkpoint (NumiCoin): a reward self-delegates a miner without delegate and writes its votes
//     checkpoint, i.e. storage of `_delegateCheckpoints` (a PackedCheckpoints.Trace per delegatee) and the
//     DelegateVotesChanged event;
//  2. pool holdings checkpoint (MiningPool): `_held`, a PackedCheckpoints.Trace pushed whenever staked + reserve
//     changes, so the governor's quorum leaves pool-held NUMI out.
// Counted: the gasCost of every SLOAD and SSTORE of those traces (length slot or data word) executed in the
// contract that owns them, and of the LOG opcodes emitting DelegateVotesChanged from NumiCoin. Not counted: the
// arithmetic, hashing and jumps around each push, so the figure under-states the designs' cost (conservative).
// The total supply's checkpoints are ERC20Votes itself, not a design: never counted.
import hre from "hardhat";
import { AbiCoder, keccak256, toBeHex } from "ethers";

/** One step of debug_traceTransaction's struct logs (Hardhat: the stack's top is its last element, no 0x). */
export interface StructLog {
  op: string;
  depth: number;
  gasCost: number;
  stack?: string[];
}

/** Gas of one transaction that each design costs, and their sum. */
export interface GovernanceGas {
  minerVotesCheckpoint: number;
  poolHoldingsCheckpoint: number;
  total: number;
}

/** A Trace's storage: the struct's slot p holds the count, checkpoint i lives in word keccak256(p) + i / 2. */
interface TraceSlots {
  length: bigint;
  data: bigint;
}

export interface Attribution {
  coin: string;
  pool: string;
  votes: TraceSlots[];
  held: TraceSlots;
  delegateVotesChangedTopic: string;
}

/** Checkpoint positions are uint32: a data word is at most 2^31 words past the first, counted up to 2^32. */
const DATA_WORDS = 1n << 32n;

interface StorageEntry {
  label: string;
  slot: string;
  offset: number;
  type: string;
}
interface StorageType {
  label: string;
  encoding: string;
  value?: string;
  members?: StorageEntry[];
}
interface StorageLayout {
  storage: StorageEntry[];
  types: Record<string, StorageType>;
}

/** The compiler's storage layout of `fq` ("source:Name"). hardhat-deploy adds storageLayout to the output of the
 * default compiler only, not to the overrides NumiCoin and MiningPool are compiled with: then the layout is asked
 * from the same compiler with the build's own input (layout only, no code generation, well under a second). */
async function storageLayoutOf(fq: string): Promise<StorageLayout> {
  const [source, name] = fq.split(":");
  const buildInfo = await hre.artifacts.getBuildInfo(fq);
  if (!buildInfo) throw new Error(`no build info for ${fq}: compile first`);
  const stored = (buildInfo.output.contracts[source]?.[name] as { storageLayout?: StorageLayout } | undefined)
    ?.storageLayout;
  if (stored) return stored;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const solc = require("solc") as { version(): string; compile(input: string): string };
  if (!solc.version().startsWith(buildInfo.solcLongVersion)) {
    throw new Error(`${fq} was built by solc ${buildInfo.solcLongVersion}, npm package solc is ${solc.version()}`);
  }
  const input = structuredClone(buildInfo.input);
  input.settings.outputSelection = { [source]: { [name]: ["storageLayout"] } };
  const output = JSON.parse(solc.compile(JSON.stringify(input)));
  const errors = (output.errors ?? []).filter((e: { severity: string }) => e.severity === "error");
  const layout = output.contracts?.[source]?.[name]?.storageLayout as StorageLayout | undefined;
  if (errors.length || !layout) throw new Error(`no storage layout for ${fq}: ${JSON.stringify(errors)}`);
  return layout;
}

/** Slot of the PackedCheckpoints.Trace `label` (a Trace, or with `mapping` a mapping to Traces); fails loudly if
 * the variable is missing or is not a Trace whose count is its first slot. */
function traceSlot(layout: StorageLayout, fq: string, label: string, mapping: boolean): bigint {
  const entry = layout.storage.find((s) => s.label === label);
  if (!entry) throw new Error(`${fq} has no storage variable ${label}: update the gas attribution`);
  const type = layout.types[entry.type];
  const traceType = layout.types[(mapping ? type?.value : entry.type) ?? ""];
  const count = traceType?.members?.[0];
  if (
    (mapping && type?.encoding !== "mapping") ||
    !traceType?.label.includes("PackedCheckpoints.Trace") ||
    count?.label !== "_length" ||
    count.slot !== "0"
  ) {
    throw new Error(`${fq}.${label} is not a ${mapping ? "mapping to a " : ""}PackedCheckpoints.Trace`);
  }
  return BigInt(entry.slot);
}

function traceAt(length: bigint): TraceSlots {
  return { length, data: BigInt(keccak256(toBeHex(length, 32))) };
}

/** The slots to attribute: every candidate delegatee's votes trace in NumiCoin, and the pool's `_held`. */
export async function governanceAttribution(
  coin: string,
  pool: string,
  delegatees: string[],
  delegateVotesChangedTopic: string | undefined,
): Promise<Attribution> {
  const coinFq = "contracts/NumiCoin.sol:NumiCoin";
  const poolFq = "contracts/MiningPool.sol:MiningPool";
  const votesMapping = traceSlot(await storageLayoutOf(coinFq), coinFq, "_delegateCheckpoints", true);
  const heldSlot = traceSlot(await storageLayoutOf(poolFq), poolFq, "_held", false);
  if (!delegateVotesChangedTopic) throw new Error("NumiCoin's ABI has no DelegateVotesChanged event");
  const coder = AbiCoder.defaultAbiCoder();
  return {
    coin: coin.toLowerCase(),
    pool: pool.toLowerCase(),
    votes: [...new Set(delegatees.map((d) => d.toLowerCase()))].map((d) =>
      traceAt(BigInt(keccak256(coder.encode(["address", "uint256"], [d, votesMapping])))),
    ),
    held: traceAt(heldSlot),
    delegateVotesChangedTopic: delegateVotesChangedTopic.toLowerCase(),
  };
}

function inTrace(key: bigint, t: TraceSlots) {
  return key === t.length || (key >= t.data && key - t.data < DATA_WORDS);
}

/** Gas each design costs in a transaction sent to `to`, from its struct logs (with the stack). */
export function governanceGasOf(a: Attribution, to: string, logs: StructLog[]): GovernanceGas {
  // the contract whose storage and logs each depth uses: CALL and STATICCALL switch to the callee, DELEGATECALL
  // and CALLCODE keep the caller's (a call to an account without code has no steps, so no new depth)
  const context: string[] = [];
  context[1] = to.toLowerCase();
  let minerVotesCheckpoint = 0;
  let poolHoldingsCheckpoint = 0;
  logs.forEach((l, i) => {
    const stack = l.stack;
    if (!stack) throw new Error("struct logs without the stack: trace with disableStack false");
    const top = (n: number) => stack[stack.length - 1 - n];
    const here = context[l.depth];
    if (l.op === "SLOAD" || l.op === "SSTORE") {
      const key = BigInt(`0x${top(0)}`);
      if (here === a.coin && a.votes.some((t) => inTrace(key, t))) minerVotesCheckpoint += l.gasCost;
      if (here === a.pool && inTrace(key, a.held)) poolHoldingsCheckpoint += l.gasCost;
    } else if (/^LOG[1-4]$/.test(l.op)) {
      if (here === a.coin && `0x${top(2)}`.toLowerCase() === a.delegateVotesChangedTopic) {
        minerVotesCheckpoint += l.gasCost;
      }
    }
    const next = logs[i + 1];
    if (next && next.depth > l.depth) {
      if (l.op === "CALL" || l.op === "STATICCALL") context[next.depth] = `0x${top(1).slice(-40)}`.toLowerCase();
      else if (l.op === "DELEGATECALL" || l.op === "CALLCODE") context[next.depth] = here;
      else context[next.depth] = `unknown:${l.op}`; // CREATE/CREATE2: none of the designs' storage
    }
  });
  return {
    minerVotesCheckpoint,
    poolHoldingsCheckpoint,
    total: minerVotesCheckpoint + poolHoldingsCheckpoint,
  };
}
