// The burner wallet's EIP-1193 provider as the wagmi config sees it: a thin shim in every page's startup code,
// whose requests load the wallet itself (lib/burner/burnerWallet.ts, with its signing code) on first use.
import { BURNER_KEY_STORAGE } from "./storageKey";

export { BURNER_KEY_STORAGE };

type Listener = (...args: unknown[]) => void;
type Wallet = ReturnType<typeof import("./burnerWallet").createBurnerWallet>;

export function createBurnerProvider() {
  const listeners: Record<string, Listener[]> = {};
  let wallet: Promise<Wallet> | undefined;
  const load = () =>
    (wallet ??= import("./burnerWallet").then(({ createBurnerWallet }) =>
      createBurnerWallet((event, ...args) => (listeners[event] ?? []).forEach((l) => l(...args))),
    ));
  const provider = {
    isNumiBurner: true,
    async request(args: { method: string; params?: unknown[] | object }): Promise<unknown> {
      // wagmi asks every connector these at start-up to reconnect: answer them without loading the wallet (its
      // signing code cost 0.4 s of main-thread time on a first visit, measured by npm run perf) unless a burner exists.
      const hasKey = typeof localStorage !== "undefined" && !!localStorage.getItem(BURNER_KEY_STORAGE);
      if (args.method === "eth_chainId") return "0x7a69";
      if (args.method === "eth_accounts" && !hasKey) return [];
      return (await load()).request(args);
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
  return provider;
}
