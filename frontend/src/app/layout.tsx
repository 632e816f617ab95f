import type { Metadata, Viewport } from "next";
import { Suspense, type ReactNode } from "react";
import { headers } from "next/headers";
import { cookieToInitialState } from "wagmi";
import { makeWagmiConfig } from "@/config/wagmi";
import { Providers } from "@/components/Providers";
import { ConnectButton } from "@/components/ConnectDialog";
import { NetworkGuard } from "@/components/NetworkGuard";
import { OfflineBanner } from "@/components/OfflineBanner";
import { Nav } from "@/components/Nav";
import { PwaControls } from "@/components/PwaControls";
import { HydratedMark } from "@/components/HydratedMark";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "NumiCoin wallet", template: "%s · NumiCoin" },
  description: "Send, receive, mine, stake and govern NUMI with your own browser wallet.",
  applicationName: "NumiCoin",
  manifest: "/manifest.webmanifest",
  appleWebApp: { capable: true, title: "NumiCoin", statusBarStyle: "default" },
  icons: { icon: "/icons/icon-192.png", apple: "/icons/apple-touch-icon.png" },
};

export const viewport: Viewport = { themeColor: "#14532d", width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The wallet session lives in a cookie, so the server renders the connected state the client will have.
  const initialState = cookieToInitialState(makeWagmiConfig(), (await headers()).get("cookie"));
  return (
    <html lang="en">
      <body>
        <a href="#main" className="skip">
          Skip to content
        </a>
        <p className="loading-app" role="status" data-testid="loading-app">
          Loading the app…
        </p>
        <Providers initialState={initialState}>
          <header className="top">
            <span className="brand">NumiCoin</span>
            <ConnectButton />
          </header>
          <Nav />
          <OfflineBanner />
          <NetworkGuard />
          <main id="main" tabIndex={-1}>
            {/* Its own hydration pass: React hydrates a server-rendered boundary after the layout, in a separate
                commit, so start-up is two shorter main-thread tasks, not one long one (docs/frontend-performance.md). */}
            <Suspense>
              {children}
              <HydratedMark />
            </Suspense>
          </main>
          <PwaControls />
        </Providers>
      </body>
    </html>
  );
}
