import { describe, expect, test } from "vitest";
import { decodeFunctionData, type Abi } from "viem";
import { numiAbi, poolAbi } from "@/config/contracts";
import { buildCall, checkParam, TEMPLATES } from "@/lib/proposalTemplates";

const targets = {
  numi: { address: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512" as const, abi: numiAbi as Abi },
  pool: { address: "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0" as const, abi: poolAbi as Abi },
};
const ALICE = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

describe("proposal templates", () => {
  test("cover every governed parameter of NumiCoin and MiningPool", () => {
    expect(TEMPLATES.map((t) => t.functionName).sort()).toEqual(
      ["pauseMining", "unpauseMining", "setPoolShare", "setFee", "setTreasury", "setStakingPaused", "sweep"].sort(),
    );
  });

  test("each template's function exists in its contract's ABI", () => {
    for (const t of TEMPLATES) {
      const abi = targets[t.target].abi;
      expect(
        abi.some((x) => x.type === "function" && x.name === t.functionName),
        t.id,
      ).toBe(true);
    }
  });

  test("encodes setPoolShare for the token", () => {
    const t = TEMPLATES.find((x) => x.id === "setPoolShare")!;
    const r = buildCall(t, { shareBps: "1500" }, targets);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.target).toBe(targets.numi.address);
    const decoded = decodeFunctionData({ abi: numiAbi as Abi, data: r.calldata });
    expect(decoded.functionName).toBe("setPoolShare");
    expect(decoded.args).toEqual([1500]);
  });

  test("encodes sweep with three arguments for the pool", () => {
    const t = TEMPLATES.find((x) => x.id === "sweep")!;
    const r = buildCall(t, { token: ALICE, to: ALICE, amount: "1000" }, targets);
    if (!r.ok) throw new Error(r.reason);
    expect(decodeFunctionData({ abi: poolAbi as Abi, data: r.calldata }).args).toEqual([ALICE, ALICE, 1000n]);
  });

  test("refuses a pool share above the contract's 20% maximum", () => {
    const r = checkParam({ name: "shareBps", label: "Pool share", kind: "bps", max: 2000 }, "2001");
    expect(r).toEqual({ ok: false, reason: "Pool share: at most 2000 (20%)." });
  });

  test.each(["", "1.5", "-1", "abc"])("refuses bps input %j", (input) => {
    expect(checkParam({ name: "feeBps", label: "Fee", kind: "bps", max: 1000 }, input).ok).toBe(false);
  });

  test("refuses a zero or malformed treasury address", () => {
    const t = TEMPLATES.find((x) => x.id === "setTreasury")!;
    expect(buildCall(t, { treasury: "0x0000000000000000000000000000000000000000" }, targets).ok).toBe(false);
    expect(buildCall(t, { treasury: "0x1234" }, targets).ok).toBe(false);
  });

  test("refuses a zero sweep amount", () => {
    const t = TEMPLATES.find((x) => x.id === "sweep")!;
    expect(buildCall(t, { token: ALICE, to: ALICE, amount: "0" }, targets)).toEqual({
      ok: false,
      reason: "Amount in the token's smallest unit: must be greater than zero.",
    });
  });
});
