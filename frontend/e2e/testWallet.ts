// The e2e test wallet: an EIP-1193 provider announced over EIP-6963, injected into the page before any app
// script runs. It holds no key: accounts are the Hardhat node's unlocked test accounts, so signing
// (eth_sendTransaction, eth_signTypedData_v4) is forwarded to the node, which signs with the well-known
// local test key. It behaves like a real wallet where the app can tell: chain switching (4902 for an
// unknown chain, then wallet_addEthereumChain), events, and user rejection (code 4001) on demand.

export interface TestWalletOptions {
  rpcUrl: string;
  account: string;
  /** Hex chain id the wallet starts on (e.g. "0x1" to test the wrong-network flow). */
  startChainId: string;
  /** Hex chain ids the wallet already knows besides the start chain. */
  knownChains?: string[];
}

/**
 * What a test steers from the page: `rejectNext` refuses the next signing request (4001), `requests` logs every
 * method, `watched` holds the tokens added with wallet_watchAsset.
 */
export interface TestWalletControl {
  rejectNext: boolean;
  requests: string[];
  /** The tokens the page asked the wallet to watch (wallet_watchAsset's options). */
  watched: unknown[];
}

/** The page's window with the test wallet installed, for page.evaluate callbacks. */
export type TestWalletWindow = typeof window & { __testWallet: TestWalletControl };

/** Runs in the page (serialised by Playwright's addInitScript): keep it self-contained. */
export function installTestWallet(opts: TestWalletOptions): void {
  type Listener = (...args: unknown[]) => void;
  const listeners: Record<string, Listener[]> = {};
  const stored = sessionStorage.getItem("testwallet:state");
  const state: { chainId: string; connected: boolean; known: string[] } = stored
    ? JSON.parse(stored)
    : { chainId: opts.startChainId, connected: false, known: [opts.startChainId, ...(opts.knownChains ?? [])] };
  const save = () => sessionStorage.setItem("testwallet:state", JSON.stringify(state));
  const emit = (event: string, ...args: unknown[]) => (listeners[event] ?? []).forEach((l) => l(...args));
  const control: TestWalletControl = { rejectNext: false, requests: [], watched: [] };
  Object.assign(window, { __testWallet: control });

  const rpcError = (code: number, message: string) => Object.assign(new Error(message), { code });
  let id = 0;
  async function forward(method: string, params: unknown[] = []): Promise<unknown> {
    const res = await fetch(opts.rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: ++id, method, params }),
    });
    const body = (await res.json()) as { result?: unknown; error?: { code: number; message: string; data?: unknown } };
    if (body.error) throw Object.assign(new Error(body.error.message), body.error);
    return body.result;
  }

  const signing = new Set([
    "eth_sendTransaction",
    "eth_signTypedData_v4",
    "personal_sign",
    "eth_requestAccounts",
    "wallet_switchEthereumChain",
    "wallet_addEthereumChain",
    "wallet_watchAsset",
  ]);
  const provider = {
    isMetaMask: false,
    async request({ method, params }: { method: string; params?: unknown[] }): Promise<unknown> {
      control.requests.push(method);
      if (signing.has(method) && control.rejectNext) {
        control.rejectNext = false;
        throw rpcError(4001, "User rejected the request.");
      }
      switch (method) {
        case "eth_requestAccounts":
          state.connected = true;
          save();
          emit("connect", { chainId: state.chainId });
          emit("accountsChanged", [opts.account]);
          return [opts.account];
        case "eth_accounts":
          return state.connected ? [opts.account] : [];
        case "eth_chainId":
          return state.chainId;
        case "net_version":
          return String(parseInt(state.chainId, 16));
        case "wallet_requestPermissions":
          return [{ parentCapability: "eth_accounts" }];
        case "wallet_revokePermissions":
          state.connected = false;
          save();
          return null;
        case "wallet_switchEthereumChain": {
          const target = (params?.[0] as { chainId: string }).chainId.toLowerCase();
          if (!state.known.includes(target)) throw rpcError(4902, `Unrecognized chain ID ${target}.`);
          state.chainId = target;
          save();
          emit("chainChanged", target);
          return null;
        }
        case "wallet_addEthereumChain": {
          const target = (params?.[0] as { chainId: string }).chainId.toLowerCase();
          if (!state.known.includes(target)) state.known.push(target);
          state.chainId = target;
          save();
          emit("chainChanged", target);
          return null;
        }
        case "wallet_watchAsset": {
          // EIP-747: params is an object, not an array.
          control.watched.push((params as unknown as { options: unknown }).options);
          return true;
        }
        case "eth_sendTransaction": {
          if (state.chainId !== "0x7a69") throw rpcError(4901, "The test wallet only sends on the local chain.");
          const tx = { ...(params?.[0] as Record<string, unknown>) };
          delete tx.gasPrice; // let the node price it (EIP-1559)
          return forward("eth_sendTransaction", [tx]);
        }
        default:
          return forward(method, params ?? []);
      }
    },
    on(event: string, listener: Listener) {
      (listeners[event] ??= []).push(listener);
      return provider;
    },
    removeListener(event: string, listener: Listener) {
      listeners[event] = (listeners[event] ?? []).filter((l) => l !== listener);
      return provider;
    },
  };

  const icon =
    "data:image/svg+xml;base64," +
    btoa(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#7c3aed"/><text x="16" y="22" font-size="16" text-anchor="middle" fill="#fff">T</text></svg>',
    );
  const detail = Object.freeze({
    info: Object.freeze({
      uuid: "6f1c4c0e-9a3e-4d1b-8f55-0e2b7e0a7d11",
      name: "Numi Test Wallet",
      icon,
      rdns: "dev.numicoin.testwallet",
    }),
    provider,
  });
  const announce = () => window.dispatchEvent(new CustomEvent("eip6963:announceProvider", { detail }));
  window.addEventListener("eip6963:requestProvider", announce);
  announce();
}
