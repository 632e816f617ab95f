"use client";
import { useState } from "react";
import { useWallet } from "@/hooks/useWallet";
import { QrCode } from "./QrCode";

export function Receive() {
  const { address, isConnected } = useWallet();
  const [note, setNote] = useState("");
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
          <button
            type="button"
            onClick={async () => {
              try {
                await navigator.clipboard.writeText(address);
                setNote("Address copied.");
              } catch {
                setNote("Copy failed: select the address and copy it by hand.");
              }
            }}
          >
            Copy address
          </button>
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
        <p role="status" data-testid="copy-status">
          {note}
        </p>
      </section>
    </>
  );
}
