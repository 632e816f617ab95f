"use client";
// Wagmi and TanStack Query, created once per browser tab (inside useState) and hydrated from the cookie
// state the server read, so a returning user sees their account on the first paint.
import { useState, type ReactNode } from "react";
import dynamic from "next/dynamic";
import { WagmiProvider, type State } from "wagmi";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { makeWagmiConfig } from "@/config/wagmi";
import { useLiveBlocks } from "@/hooks/useLiveBlocks";

// Loaded after hydration, in its own chunk: nothing to show before the first write, and the startup JS stays lean.
const TxCenter = dynamic(() => import("./TxCenter").then((m) => m.TxCenter), { ssr: false });

function LiveBlocks() {
  useLiveBlocks();
  return null;
}

export function Providers({ children, initialState }: { children: ReactNode; initialState?: State }) {
  const [config] = useState(() => makeWagmiConfig());
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: { retry: 3, retryDelay: (n) => Math.min(500 * 2 ** n, 4000), refetchOnWindowFocus: false },
        },
      }),
  );
  return (
    <WagmiProvider config={config} initialState={initialState}>
      <QueryClientProvider client={queryClient}>
        <LiveBlocks />
        {children}
        <TxCenter />
      </QueryClientProvider>
    </WagmiProvider>
  );
}
