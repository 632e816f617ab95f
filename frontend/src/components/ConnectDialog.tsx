"use client";
// Our own accessible connect dialog: every wallet announced over EIP-6963 with its name and icon, plus
// the plain injected fallback. A native <dialog> gives focus trapping and Escape for free.
import { useEffect, useRef, useState } from "react";
import { useConnect, useConnectors, useDisconnect } from "wagmi";
import { useWallet } from "@/hooks/useWallet";
import { shortAddress } from "@/lib/shortAddress";
import { CopyButton } from "./CopyButton";
import { errorMessage } from "@/lib/errorMessage";

/** Only data: and same-origin icons are shown: the CSP refuses third-party images anyway. */
function safeIcon(icon: string | undefined): string | undefined {
  return icon && (icon.startsWith("data:image/") || icon.startsWith("/")) ? icon : undefined;
}

export function ConnectButton() {
  const { address, isConnected, connector } = useWallet();
  const connectors = useConnectors();
  const connect = useConnect();
  const disconnect = useDisconnect();
  const dialog = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string>();

  const account = useRef<HTMLSpanElement>(null);
  const fromDialog = useRef(false); // set when the user picks a wallet, so a silent reconnect takes no focus
  useEffect(() => {
    if (!isConnected) return;
    dialog.current?.close();
    if (!fromDialog.current) return;
    fromDialog.current = false;
    // Connected from the dialog (now gone): focus lands on the account it connected, not on the page body.
    requestAnimationFrame(() => account.current?.focus());
  }, [isConnected]);

  // The generic "Injected" entry is only useful when no wallet announced itself over EIP-6963.
  const announced = connectors.filter((c) => c.type === "injected" && c.id !== "injected");
  const shown = announced.length ? announced : connectors;

  if (isConnected && address) {
    return (
      <div className="account">
        <span className="account-address" title={address} data-testid="account-address" ref={account} tabIndex={-1}>
          {connector?.name ? <span className="account-wallet">{connector.name}: </span> : null}
          {shortAddress(address)}
        </span>
        <CopyButton value={address} label="Copy" what="address" quiet />
        <button type="button" className="secondary" onClick={() => disconnect.mutate()}>
          Disconnect
        </button>
      </div>
    );
  }
  return (
    <>
      <button
        type="button"
        onClick={() => {
          setError(undefined);
          dialog.current?.showModal();
        }}
      >
        Connect wallet
      </button>
      <dialog ref={dialog} aria-labelledby="connect-title" className="dialog">
        <h2 id="connect-title">Connect a wallet</h2>
        <p className="muted">Your keys stay in your wallet. This app never asks for a seed phrase or password.</p>
        {shown.length === 0 ? (
          <p>No browser wallet found. Install MetaMask, Rabby or another wallet, then reload.</p>
        ) : (
          <ul className="wallet-list">
            {shown.map((c) => (
              <li key={c.uid}>
                <button
                  type="button"
                  className="wallet-option"
                  disabled={connect.isPending}
                  onClick={() => {
                    fromDialog.current = true;
                    connect.mutate(
                      { connector: c },
                      {
                        onError: (e) =>
                          void errorMessage(e, "Not connected: you declined in the wallet.").then(setError),
                      },
                    );
                  }}
                >
                  {safeIcon(c.icon) ? (
                    <img src={safeIcon(c.icon)} alt="" width={28} height={28} />
                  ) : (
                    <span className="wallet-icon" aria-hidden="true" />
                  )}
                  <span>{c.name}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {connect.isPending && <p role="status">Confirm the connection in your wallet…</p>}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <form method="dialog">
          <button type="submit" className="secondary">
            Close
          </button>
        </form>
      </dialog>
    </>
  );
}
