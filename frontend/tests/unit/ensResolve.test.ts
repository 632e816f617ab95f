// ENS resolution for Send (lib/ensResolve.ts, lib/ensName.ts) against a fake chain: a viem `custom` transport that
// answers the Universal Resolver's resolveWithGateways eth_call the way the deployed contract does.
import { describe, expect, test } from "vitest";
import {
  createClient,
  custom,
  decodeFunctionData,
  encodeErrorResult,
  encodeFunctionResult,
  HttpRequestError,
  toHex,
  zeroAddress,
  type Address,
  type Hex,
} from "viem";
import { namehash, packetToBytes } from "viem/ens";
import { mainnet, sepolia } from "viem/chains";
import { knownChain } from "@/config/chains";
import { resolveEnsName } from "@/lib/ensResolve";
import { chainHasEns, ensResolverOf, looksLikeEnsName, noEnsOn } from "@/lib/ensName";

// ENS's Universal Resolver on mainnet and Sepolia, as viem's own chain records give it.
const ENS_UNIVERSAL_RESOLVER = "0xeeeeeeee14d718c2b47d9923deab1335e144eeee";

const VITALIK = "0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045";
const RESOLVER = "0x231b0Ee14048e9dCcD1d247744d114a4EB5E8E63";

// The Universal Resolver's interface, as deployed (ENS v3 UR): resolve a name's record through its resolver.
const universalResolverAbi = [
  {
    name: "resolveWithGateways",
    type: "function",
    stateMutability: "view",
    inputs: [
      { name: "name", type: "bytes" },
      { name: "data", type: "bytes" },
      { name: "gateways", type: "string[]" },
    ],
    outputs: [
      { name: "", type: "bytes" },
      { name: "address", type: "address" },
    ],
  },
  { name: "ResolverNotFound", type: "error", inputs: [{ name: "name", type: "bytes" }] },
] as const;
const addrAbi = [
  {
    name: "addr",
    type: "function",
    stateMutability: "view",
    inputs: [{ name: "name", type: "bytes32" }],
    outputs: [{ type: "address" }],
  },
] as const;

/** What the fake chain holds: a name's address record, or no resolver at all (absent from both maps). */
interface FakeEns {
  records?: Record<string, Address>;
  /** Names with a resolver but no address record. */
  noRecord?: string[];
  /** Every eth_call fails the way an unreachable RPC does. */
  down?: boolean;
  /** Every eth_call fails with the node's own error (it answered, but not with a result). */
  broken?: boolean;
}

/** A client on `chainId` whose only answers are the Universal Resolver's; `calls` records each name asked for. */
function fakeClient(ens: FakeEns, chainId = 1) {
  const calls: string[] = [];
  const request = async ({ method, params }: { method: string; params?: unknown }) => {
    if (method === "eth_chainId") return toHex(chainId);
    if (method !== "eth_call") throw new Error(`unexpected ${method}`);
    if (ens.down) throw new HttpRequestError({ url: "https://rpc.example", details: "fetch failed" });
    if (ens.broken) throw Object.assign(new Error("header not found"), { code: -32000 });
    const [{ to, data }] = params as [{ to: string; data: Hex }];
    expect(to.toLowerCase()).toBe(ENS_UNIVERSAL_RESOLVER);
    const { args } = decodeFunctionData({ abi: universalResolverAbi, data });
    const [dnsName, inner] = args;
    const name = Object.keys({ ...ens.records, ...Object.fromEntries((ens.noRecord ?? []).map((n) => [n, 0])) }).find(
      (n) => toHex(packetToBytes(n)) === dnsName,
    );
    calls.push(name ?? dnsName);
    if (!name) {
      const revert = encodeErrorResult({ abi: universalResolverAbi, errorName: "ResolverNotFound", args: [dnsName] });
      throw Object.assign(new Error("execution reverted"), { code: 3, data: revert });
    }
    // The inner call is addr(namehash(name)) for that very name.
    expect(decodeFunctionData({ abi: addrAbi, data: inner }).args[0]).toBe(namehash(name));
    const record = ens.records?.[name] ?? zeroAddress;
    return encodeFunctionResult({
      abi: universalResolverAbi,
      functionName: "resolveWithGateways",
      result: [encodeFunctionResult({ abi: addrAbi, functionName: "addr", result: record }), RESOLVER],
    });
  };
  const client = createClient({ chain: knownChain(chainId), transport: custom({ request }, { retryCount: 0 }) });
  return { client, calls };
}

describe("resolveEnsName", () => {
  test("resolves a name to its checksummed address through the Universal Resolver", async () => {
    const { client, calls } = fakeClient({ records: { "vitalik.eth": VITALIK.toLowerCase() as Address } });
    expect(await resolveEnsName(client, "vitalik.eth")).toEqual({ ok: true, name: "vitalik.eth", address: VITALIK });
    expect(calls).toEqual(["vitalik.eth"]);
  });

  test("normalises the name (ENSIP-15) before looking it up: case and surrounding spaces", async () => {
    const { client, calls } = fakeClient({ records: { "vitalik.eth": VITALIK } });
    expect(await resolveEnsName(client, "  Vitalik.ETH ")).toEqual({ ok: true, name: "vitalik.eth", address: VITALIK });
    expect(calls).toEqual(["vitalik.eth"]);
  });

  test("a name whose resolver has no address record says so", async () => {
    const { client } = fakeClient({ noRecord: ["empty.eth"] });
    expect(await resolveEnsName(client, "empty.eth")).toEqual({
      ok: false,
      reason: "empty.eth has no address set. Ask the recipient for their address.",
    });
  });

  test("a name with no resolver at all (not registered) reads the same: no address set", async () => {
    const { client } = fakeClient({});
    expect(await resolveEnsName(client, "nobody-registered-this.eth")).toEqual({
      ok: false,
      reason: "nobody-registered-this.eth has no address set. Ask the recipient for their address.",
    });
  });

  test.each(["bad name.eth", "a..eth", "\u200dx.eth"])(
    "refuses %j as an invalid name, without a request",
    async (n) => {
      const { client, calls } = fakeClient({});
      const r = await resolveEnsName(client, n);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(new RegExp(`^".+" is not a valid ENS name: .+\\.$`));
      expect(calls).toEqual([]);
    },
  );

  test("an RPC that does not answer is a network failure, not a missing name", async () => {
    const { client } = fakeClient({ down: true });
    expect(await resolveEnsName(client, "vitalik.eth")).toEqual({
      ok: false,
      reason: "Could not look up vitalik.eth: the network (RPC) did not answer. Try again, or paste the address.",
    });
  });
});

test("any other failure of the lookup says so with the node's reason, not as a missing name", async () => {
  const { client } = fakeClient({ broken: true });
  const r = await resolveEnsName(client, "vitalik.eth");
  expect(r.ok).toBe(false);
  if (!r.ok)
    expect(r.reason).toMatch(
      /^Could not look up vitalik\.eth \(.*header not found.*\)\. Try again, or paste the address\.$/,
    );
});

describe("names and chains", () => {
  test.each([
    ["vitalik.eth", true],
    [" alice.box ", true],
    ["0x70997970C51812dc3A010C7d01b50e0d17dc79C8", false],
    ["0x12.eth", false],
    ["vitalik", false],
    ["", false],
  ])("looksLikeEnsName(%j) is %s", (text, expected) => {
    expect(looksLikeEnsName(text)).toBe(expected);
  });

  test("Ethereum and Sepolia have ENS at viem's Universal Resolver address; the local chain has none", () => {
    expect(chainHasEns(knownChain(1)!)).toBe(true);
    expect(chainHasEns(knownChain(11155111)!)).toBe(true);
    expect(chainHasEns(knownChain(31337)!)).toBe(false);
    expect(ensResolverOf(mainnet)).toBe(mainnet.contracts.ensUniversalResolver.address);
    expect(ensResolverOf(knownChain(1)!)).toBe(mainnet.contracts.ensUniversalResolver.address);
    expect(ensResolverOf(knownChain(11155111)!)).toBe(sepolia.contracts.ensUniversalResolver.address);
  });

  test("a lookup on a chain without ENS is refused, not sent", async () => {
    const { client, calls } = fakeClient({ records: { "vitalik.eth": VITALIK } }, 31337);
    expect(await resolveEnsName(client, "vitalik.eth")).toEqual({
      ok: false,
      reason: "ENS names work on Ethereum and Sepolia; on NumiCoin Local paste an address.",
    });
    expect(calls).toEqual([]);
  });

  test("a name typed on the local chain gets the local-chain message", () => {
    expect(noEnsOn(knownChain(31337)!)).toBe(
      "ENS names work on Ethereum and Sepolia; on NumiCoin Local paste an address.",
    );
  });
});
