"use client";
import { useWallet } from "@/hooks/useWallet";
import { CopyButton } from "@/components/CopyButton";
import { QrCode } from "./QrCode";

export function Receive() {
  const { address, isConnected } = useWallet();
  if (!isConnected || !address) {
    return (
      <>
        <h1>Receive NUMI</h1>
        <p className="card">Connect a wallet to show your address.</p>
      </>
    );
  }
  const canShare = typeof navigator !== "undefined" && "share" in navigator;
  return (
    <>
      <h1>Receive NUMI</h1>
      <section className="card">
        <p>
          Share this address to receive NUMI on {process.env.NEXT_PUBLIC_CHAIN_NAME ?? "this network"}. Only send NUMI
          on the same network.
        </p>
        <p>
          <code data-testid="receive-address">{address}</code>
        </p>
        <QrCode value={address} label={`QR code of the address ${address}`} />
        <div className="row">
          <CopyButton value={address} label="Copy address" what="address" className="" />
          {canShare && (
            <button
              type="button"
              className="secondary"
              onClick={() => navigator.share({ title: "My NUMI address", text: address }).catch(() => undefined)}
            >
              Share
            </button>
          )}
        </div>
      </section>
    </>
  );
}
