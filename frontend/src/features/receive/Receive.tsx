"use client";
import { useWatchAsset } from "wagmi";
import { contracts } from "@/config/contracts";
import { useWallet } from "@/hooks/useWallet";
import { describeError } from "@/lib/errors";
import { CopyButton } from "@/components/CopyButton";
import { QrCode } from "./QrCode";

/** wallet_watchAsset (EIP-747): the wallet lists NUMI with its balance, without the user typing the address. */
function AddToWallet() {
  const watch = useWatchAsset();
  const { numi } = contracts();
  return (
    <>
      <button
        type="button"
        className="secondary"
        onClick={() =>
          watch.mutate({ type: "ERC20", options: { address: numi.address, symbol: "NUMI", decimals: 18 } })
        }
      >
        Add NUMI to your wallet
      </button>
      <span role="status" className="small" data-testid="watch-status">
        {watch.isSuccess
          ? watch.data
            ? "NUMI is in your wallet's token list."
            : "The wallet did not add NUMI."
          : watch.isError
            ? describeError(watch.error).kind === "cancelled"
              ? "Not added: you declined in the wallet."
              : `The wallet could not add NUMI: ${describeError(watch.error).message}`
            : ""}
      </span>
    </>
  );
}

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
          <AddToWallet />
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
