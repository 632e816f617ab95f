// The local chain's burner wallet (issue #16), loaded by lib/burner/provider.ts on first use: chain 31337 only, with a key made in this
// browser and kept in its localStorage, funded with test ETH by the local node on connect. It lets a newcomer try
// every flow without importing a key into MetaMask. config/wagmi.ts offers it only when the app's chain is the
// local one; it refuses every other chain itself as well. The signing code loads only when it is first used.
import { LOCAL_CHAIN_ID, rpcUrls } from "@/config/rpc";
import { BURNER_KEY_STORAGE } from "./storageKey";
const CHAIN_HEX = `0x${LOCAL_CHAIN_ID.toString(16)}`;
/** The test ETH a burner gets when it has less than 1 ETH: enough for any number of local transactions. */
const FUNDING = `0x${(100n * 10n ** 18n).toString(16)}`;

interface ProviderError extends Error {
  code: number;
}
const providerError = (code: number, message: string): ProviderError => Object.assign(new Error(message), { code });

async function rpc(method: string, params: unknown[] = []): Promise<unknown> {
  const res = await fetch(rpcUrls[LOCAL_CHAIN_ID]!, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = (await res.json()) as { result?: unknown; error?: { code: number; message: string; data?: unknown } };
  if (body.error) throw Object.assign(providerError(body.error.code, body.error.message), { data: body.error.data });
  return body.result;
}

/** The burner's signer, made (or read back) on first use. */
async function signer() {
  const [{ generatePrivateKey, privateKeyToAccount }, { createWalletClient, http }] = await Promise.all([
    import("viem/accounts"),
    import("viem"),
  ]);
  let key = localStorage.getItem(BURNER_KEY_STORAGE) as `0x${string}` | null;
  if (!key) {
    key = generatePrivateKey();
    localStorage.setItem(BURNER_KEY_STORAGE, key);
  }
  const account = privateKeyToAccount(key);
  const chain = {
    id: LOCAL_CHAIN_ID,
    name: "NumiCoin Local",
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [rpcUrls[LOCAL_CHAIN_ID]!] } },
  } as const;
  return { account, wallet: createWalletClient({ account, chain, transport: http(rpcUrls[LOCAL_CHAIN_ID]) }) };
}

const big = (v: unknown) => (typeof v === "string" ? BigInt(v) : undefined);

/** The wallet behind the provider shim; `emit` reaches the listeners the shim holds. */
export function createBurnerWallet(emit: (event: string, ...args: unknown[]) => void) {
  let ready: ReturnType<typeof signer> | undefined;
  let connected = false;
  const load = () => (ready ??= signer());

  return {
    async request({ method, params = [] }: { method: string; params?: unknown[] | object }): Promise<unknown> {
      const list = Array.isArray(params) ? params : [params];
      switch (method) {
        case "eth_requestAccounts": {
          if ((await rpc("eth_chainId")) !== CHAIN_HEX)
            throw providerError(4901, "The burner wallet works on the local chain only.");
          const { account } = await load();
          // Test ETH for the network fees, from the local node (only a development node has this method).
          if (BigInt((await rpc("eth_getBalance", [account.address, "latest"])) as string) < 10n ** 18n)
            await rpc("hardhat_setBalance", [account.address, FUNDING]);
          connected = true;
          emit("connect", { chainId: CHAIN_HEX });
          emit("accountsChanged", [account.address]);
          return [account.address];
        }
        case "eth_accounts":
          return connected || localStorage.getItem(BURNER_KEY_STORAGE) ? [(await load()).account.address] : [];
        case "eth_chainId":
          return CHAIN_HEX;
        case "net_version":
          return String(LOCAL_CHAIN_ID);
        case "wallet_requestPermissions":
          return [{ parentCapability: "eth_accounts" }];
        case "wallet_revokePermissions":
          connected = false;
          return null;
        case "wallet_switchEthereumChain":
        case "wallet_addEthereumChain": {
          const target = String((list[0] as { chainId?: string })?.chainId ?? "").toLowerCase();
          if (target !== CHAIN_HEX) throw providerError(4902, "The burner wallet works on the local chain only.");
          return null;
        }
        case "wallet_watchAsset":
          return false; // it keeps no token list
        case "eth_sendTransaction": {
          const { wallet } = await load();
          const tx = list[0] as Record<string, string | undefined>;
          return wallet.sendTransaction({
            to: tx.to as `0x${string}` | undefined,
            data: tx.data as `0x${string}` | undefined,
            value: big(tx.value),
            gas: big(tx.gas),
            nonce: tx.nonce === undefined ? undefined : Number(tx.nonce),
            maxFeePerGas: big(tx.maxFeePerGas),
            maxPriorityFeePerGas: big(tx.maxPriorityFeePerGas),
          } as Parameters<typeof wallet.sendTransaction>[0]);
        }
        case "eth_signTypedData_v4": {
          const { account } = await load();
          const data = JSON.parse(list[1] as string) as Parameters<typeof account.signTypedData>[0];
          return account.signTypedData(data);
        }
        case "personal_sign": {
          const { account } = await load();
          return account.signMessage({ message: { raw: list[0] as `0x${string}` } });
        }
        default:
          return rpc(method, list);
      }
    },
  };
}
