import { describe, expect, test } from "vitest";
import { checkNamedRecipient, checkRecipient } from "@/lib/address";

const CHECKSUMMED = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const TOKEN = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512";
const forbidden = { [TOKEN]: "the NUMI token contract" };

describe("checkRecipient", () => {
  test("accepts a correctly checksummed address and returns it checksummed", () => {
    expect(checkRecipient(CHECKSUMMED, forbidden)).toEqual({ ok: true, address: CHECKSUMMED });
  });
  test("accepts an all-lowercase address (no checksum to verify)", () => {
    expect(checkRecipient(CHECKSUMMED.toLowerCase(), forbidden)).toEqual({ ok: true, address: CHECKSUMMED });
  });
  test("refuses a mixed-case address with a wrong checksum", () => {
    const typo = CHECKSUMMED.replace("C51812", "c51812");
    const r = checkRecipient(typo);
    expect(r).toEqual({
      ok: false,
      reason: "The capital letters do not match the address checksum: check for a typo.",
    });
  });
  test("refuses the zero address", () => {
    const r = checkRecipient("0x0000000000000000000000000000000000000000");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/zero address/);
  });
  test("refuses the token contract, whatever the case", () => {
    const r = checkRecipient(TOKEN.toLowerCase(), forbidden);
    expect(r).toEqual({
      ok: false,
      reason: "That is the NUMI token contract. Tokens sent to it are lost: it cannot send them back.",
    });
  });
  test.each([
    "",
    "0x123",
    "70997970C51812dc3A010C7d01b50e0d17dc79C8",
    "0xZZ997970C51812dc3A010C7d01b50e0d17dc79C8",
    `${CHECKSUMMED}00`,
  ])("refuses malformed %j", (input) => {
    expect(checkRecipient(input).ok).toBe(false);
  });
  test("refuses the sender's own address when given", () => {
    expect(checkRecipient(CHECKSUMMED, {}, CHECKSUMMED.toLowerCase()).ok).toBe(false);
  });
});

describe("checkNamedRecipient: Send's recipient, typed as an address or as an ENS name", () => {
  test("text that is not a name is checked as an address", () => {
    expect(checkNamedRecipient(CHECKSUMMED, { state: "none" }, forbidden)).toEqual({ ok: true, address: CHECKSUMMED });
  });
  test("a resolved name gives its address, checked like a typed one", () => {
    const ens = { ok: true, name: "alice.eth", address: CHECKSUMMED } as const;
    expect(checkNamedRecipient("alice.eth", ens, forbidden)).toEqual({ ok: true, address: CHECKSUMMED });
  });
  test("a name that points at the token contract is refused like the address itself", () => {
    const ens = { ok: true, name: "trap.eth", address: TOKEN } as const;
    expect(checkNamedRecipient("trap.eth", ens, forbidden)).toEqual({
      ok: false,
      reason: "That is the NUMI token contract. Tokens sent to it are lost: it cannot send them back.",
    });
  });
  test("a failed lookup keeps its own reason", () => {
    const ens = { ok: false, reason: "empty.eth has no address set. Ask the recipient for their address." } as const;
    expect(checkNamedRecipient("empty.eth", ens, forbidden)).toEqual(ens);
  });
  test("while the name is being looked up there is no recipient and no error to show", () => {
    expect(checkNamedRecipient("alice.eth", { state: "resolving" }, forbidden)).toEqual({ ok: false, reason: "" });
  });
});
