"use client";
// Offline: say so, show the last-known figures with their time; every chain action is disabled by useWrite
// and by the forms (they read useOnline). Back online, wagmi refetches on its own.
import { useEffect, useState } from "react";
import { useOnline } from "@/hooks/useOnline";
import { loadSnapshot, type Snapshot } from "@/lib/lastKnown";

export function OfflineBanner() {
  const online = useOnline();
  const [snapshot, setSnapshot] = useState<Snapshot>();
  useEffect(() => {
    if (!online) setSnapshot(loadSnapshot());
  }, [online]);
  if (online) return null;
  return (
    <div className="banner offline" role="status" data-testid="offline-banner">
      <p>
        <strong>You are offline.</strong> Actions that need the network are disabled; nothing is queued for signing.
      </p>
      {snapshot ? (
        <p data-testid="last-known">
          Last known {snapshot.account ? `for ${snapshot.account.slice(0, 6)}…${snapshot.account.slice(-4)}` : ""} at{" "}
          <time dateTime={new Date(snapshot.at).toISOString()}>{new Date(snapshot.at).toLocaleString()}</time>: balance{" "}
          {snapshot.balance ?? "–"}, staked {snapshot.staked ?? "–"}, earned {snapshot.earned ?? "–"}, votes{" "}
          {snapshot.votes ?? "–"}.
        </p>
      ) : (
        <p>No figures saved yet on this device.</p>
      )}
    </div>
  );
}
