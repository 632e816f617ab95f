// The local chain's burner wallet: it serves chain 31337 only, funds itself from the local node when short of ETH,
// keeps one key per browser, and signs with it (checked by recovering the signer).
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { recoverTypedDataAddress } from "viem";
import { BURNER_KEY_STORAGE, createBurnerProvider } from "@/lib/burner/provider";

let chainId = "0x7a69";
let balance = "0x0";
const calls: string[] = [];

beforeEach(() => {
  const store = new Map<string, string>();
  vi.stubGlobal("localStorage", {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
  });
  vi.stubGlobal(
    "fetch",
    vi.fn(async (_url: string, init: RequestInit) => {
      const { method } = JSON.parse(init.body as string) as { method: string };
      calls.push(method);
      const result = method === "eth_chainId" ? chainId : method === "eth_getBalance" ? balance : true;
      return new Response(JSON.stringify({ jsonrpc: "2.0", id: 1, result }));
    }),
  );
  chainId = "0x7a69";
  balance = "0x0";
  calls.length = 0;
});
afterEach(() => vi.unstubAllGlobals());

describe("burner wallet", () => {
  test("connects on the local chain, funding an empty account from the node, with one key per browser", async () => {
    const p = createBurnerProvider();
    const [address] = (await p.request({ method: "eth_requestAccounts" })) as string[];
    expect(address).toMatch(/^0x[0-9a-fA-F]{40}$/);
    expect(calls).toContain("hardhat_setBalance");
    expect(localStorage.getItem(BURNER_KEY_STORAGE)).toMatch(/^0x[0-9a-f]{64}$/);
    // A second provider (a reload) is the same account, and a funded account is not topped up again.
    balance = `0x${(5n * 10n ** 18n).toString(16)}`;
    calls.length = 0;
    expect(await createBurnerProvider().request({ method: "eth_requestAccounts" })).toEqual([address]);
    expect(calls).not.toContain("hardhat_setBalance");
  });

  test("refuses any other chain: connecting to one, or switching to one", async () => {
    chainId = "0x1";
    await expect(createBurnerProvider().request({ method: "eth_requestAccounts" })).rejects.toMatchObject({
      code: 4901,
    });
    await expect(
      createBurnerProvider().request({ method: "wallet_switchEthereumChain", params: [{ chainId: "0x1" }] }),
    ).rejects.toMatchObject({ code: 4902 });
  });

  test("signs typed data with its own key", async () => {
    const p = createBurnerProvider();
    const [address] = (await p.request({ method: "eth_requestAccounts" })) as `0x${string}`[];
    const typed = {
      domain: { name: "T", version: "1", chainId: 31337 },
      types: { M: [{ name: "v", type: "uint256" }] },
      primaryType: "M" as const,
      message: { v: "1" },
    };
    const signature = (await p.request({
      method: "eth_signTypedData_v4",
      params: [address, JSON.stringify(typed)],
    })) as `0x${string}`;
    expect(await recoverTypedDataAddress({ ...typed, message: { v: 1n }, signature })).toBe(address);
  });
});

describe("burner wallet offer", () => {
  test("is among the connectors only when the app's chain is the local one", async () => {
    const ids = async (target: number) => {
      vi.resetModules();
      vi.doMock("@/config/chains", async (original) => ({
        ...(await original<typeof import("@/config/chains")>()),
        TARGET_CHAIN_ID: target,
      }));
      const { makeWagmiConfig } = await import("@/config/wagmi");
      return makeWagmiConfig().connectors.map((c) => c.id);
    };
    expect(await ids(31337)).toContain("numiBurner");
    expect(await ids(1)).not.toContain("numiBurner");
    expect(await ids(11155111)).not.toContain("numiBurner");
    vi.doUnmock("@/config/chains");
  });
});
