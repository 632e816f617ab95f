// What the Governance page tells a voter about a proposal: each action decoded and put in words with the value
// it replaces, unknown actions spelled out, the title and body of a description, and the dated timeline.
import { describe, expect, test } from "vitest";
import { encodeFunctionData, parseAbi, type Abi, type Address } from "viem";
import { numiAbi, poolAbi } from "@/config/contracts";
import { governorAbi } from "@/config/governanceContracts";
import { CURRENT_VALUE, decodeAction, describeAction, type KnownContract } from "@/lib/proposalActions";
import { splitDescription, type ProposalRecord } from "@/features/governance/proposalRecord";
import { timeline } from "@/features/governance/ProposalCard";
import type { Proposal } from "@/features/governance/useProposals";

const NUMI = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512" as Address;
const POOL = "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0" as Address;
const GOV = "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9" as Address;
const OTHER = "0x1111111111111111111111111111111111111111" as Address;
const known: KnownContract[] = [
  { name: "NumiCoin", address: NUMI, abi: numiAbi as Abi, templateTarget: "numi" },
  { name: "MiningPool", address: POOL, abi: poolAbi as Abi, templateTarget: "pool" },
  { name: "NumiGovernor", address: GOV, abi: governorAbi as Abi },
];
const call = (abi: Abi, functionName: string, args: unknown[] = []) =>
  encodeFunctionData({ abi, functionName, args } as never);

describe("proposal actions", () => {
  test("a pool share change reads as the percentage it replaces and the one it sets", () => {
    const a = decodeAction(NUMI, 0n, call(numiAbi as Abi, "setPoolShare", [1500]), known);
    expect(a).toMatchObject({ contract: "NumiCoin", functionName: "setPoolShare", args: [1500] });
    expect(a.template?.id).toBe("setPoolShare");
    expect(describeAction(a, 1000)).toBe("Pool share: 10% → 15% of every reward");
    expect(describeAction(a)).toBe("Pool share: 15% of every reward");
  });

  test("every template with a current value names a view its contract has", () => {
    for (const [id, how] of Object.entries(CURRENT_VALUE)) {
      const abi = (how.target === "numi" ? numiAbi : poolAbi) as Abi;
      expect(
        abi.some((x) => x.type === "function" && x.name === how.functionName && x.inputs.length === 0),
        id,
      ).toBe(true);
    }
  });

  test("fee, treasury, staking pause and mining pause read in words", () => {
    const fee = decodeAction(POOL, 0n, call(poolAbi as Abi, "setFee", [200]), known);
    expect(describeAction(fee, 0)).toBe("Pool fee: 0% → 2% of arriving rewards");
    const treasury = decodeAction(POOL, 0n, call(poolAbi as Abi, "setTreasury", [OTHER]), known);
    expect(describeAction(treasury, NUMI)).toBe(`Treasury: ${NUMI} → ${OTHER}`);
    const pause = decodeAction(POOL, 0n, call(poolAbi as Abi, "setStakingPaused", [true]), known);
    expect(describeAction(pause, false)).toBe("New stakes: open → paused (at most 7 days)");
    const mining = decodeAction(NUMI, 0n, call(numiAbi as Abi, "pauseMining"), known);
    expect(describeAction(mining, false)).toBe("Mining: running → paused (at most 7 days)");
  });

  test("a known contract's function without a template is spelled out, with no template", () => {
    const a = decodeAction(GOV, 0n, call(governorAbi as Abi, "setVotingPeriod", [7200]), known);
    expect(a.template).toBeUndefined();
    expect(describeAction(a)).toBe("NumiGovernor.setVotingPeriod(7200)");
  });

  test("an unknown target or undecodable data is said to be unknown, with any ETH it sends", () => {
    const foreign = call(parseAbi(["function transfer(address,uint256)"]), "transfer", [OTHER, 5n]);
    const a = decodeAction(OTHER, 10n ** 18n, foreign, known);
    expect(a.contract).toBeUndefined();
    expect(describeAction(a)).toBe(
      "Call unknown contract 0x1111…1111 with data the dApp cannot decode (0xa9059cbb…), sending 1 ETH",
    );
    const garbage = decodeAction(NUMI, 0n, "0xdeadbeef", known);
    expect(garbage.functionName).toBeUndefined();
    expect(describeAction(garbage)).toMatch(/^Call NumiCoin with data the dApp cannot decode/);
  });
});

describe("proposal descriptions", () => {
  test("the first line is the title without its heading mark; the rest is the body", () => {
    expect(splitDescription("# Raise the share\r\n\r\nStakers earn more.\nSecond line.")).toEqual({
      title: "Raise the share",
      body: "Stakers earn more.\nSecond line.",
    });
    expect(splitDescription("   ")).toEqual({ title: "(untitled)", body: "" });
    // Markup stays text: the page renders it through React, which escapes it.
    expect(splitDescription('<img src=x onerror="alert(1)">').title).toBe('<img src=x onerror="alert(1)">');
  });
});

describe("proposal timeline", () => {
  const record: ProposalRecord = {
    id: 1n,
    proposer: OTHER,
    description: "t",
    targets: [],
    values: [],
    calldatas: [],
    voteStart: 100n,
    voteEnd: 200n,
    createdBlock: 1n,
    createdTx: "0x01",
    createdAt: 90,
  };
  const at = (p: Partial<Proposal>): Proposal => ({
    ...record,
    state: 1,
    eta: 0n,
    votes: [0n, 0n, 0n],
    hasVoted: false,
    ...p,
  });

  test("shows what happened and what is scheduled, in order", () => {
    expect(timeline(at({ state: 0 }), 95n)).toEqual([
      { label: "Proposed", at: 90, done: true },
      { label: "Voting opens", at: 100, done: false },
      { label: "Voting closes", at: 200, done: false },
    ]);
    const executed = timeline(at({ state: 7, eta: 300n, queuedAt: 210, executedAt: 305 }), 400n);
    expect(executed.map((s) => [s.label, s.at, s.done])).toEqual([
      ["Proposed", 90, true],
      ["Voting opens", 100, true],
      ["Voting closes", 200, true],
      ["Queued on the timelock", 210, true],
      ["Executable", 300, true],
      ["Executed", 305, true],
    ]);
    expect(timeline(at({ state: 2, canceledAt: 150 }), 160n).map((s) => s.label)).toContain("Canceled");
  });
});
