import type { MetadataRoute } from "next";

export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "NumiCoin wallet",
    short_name: "NumiCoin",
    description: "Send, receive, mine, stake and govern NUMI with your own browser wallet.",
    start_url: "/",
    scope: "/",
    display: "standalone",
    theme_color: "#14532d",
    background_color: "#f8faf8",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-192.png", sizes: "192x192", type: "image/png", purpose: "maskable" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
    screenshots: [
      { src: "/screenshots/wide.png", sizes: "1280x720", type: "image/png", form_factor: "wide", label: "Dashboard" },
      {
        src: "/screenshots/narrow.png",
        sizes: "540x960",
        type: "image/png",
        form_factor: "narrow",
        label: "Dashboard on a phone",
      },
    ],
    shortcuts: [
      { name: "Send", url: "/send", icons: [{ src: "/icons/icon-192.png", sizes: "192x192" }] },
      { name: "Receive", url: "/receive", icons: [{ src: "/icons/icon-192.png", sizes: "192x192" }] },
      { name: "Mine", url: "/mine", icons: [{ src: "/icons/icon-192.png", sizes: "192x192" }] },
      { name: "Pool", url: "/pool", icons: [{ src: "/icons/icon-192.png", sizes: "192x192" }] },
    ],
  };
}
