// Every write of the session, for the transaction centre in the layout (components/TxCenter.tsx): a page's useWrite
// publishes each state here, so a transaction's progress and outcome stay visible after the user leaves the page
// that sent it. In memory only: a reload starts empty (the wallet keeps its own history).
import { useSyncExternalStore } from "react";
import type { TxState } from "./writeFlow";

export interface TxEntry extends TxState {
  /** One per action: the page's writer and its sequence number. */
  id: string;
  /** When this action began (ms since the epoch). */
  started: number;
  /** The page it was sent from (that page shows it inline; the centre shows it everywhere else). */
  path: string;
}

let entries: readonly TxEntry[] = [];
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

/** Records the latest state of action `id` (idle states are not actions). */
export function publishTx(id: string, state: TxState): void {
  if (state.step === "idle") return;
  const previous = entries.find((e) => e.id === id);
  const entry: TxEntry = {
    ...state,
    id,
    started: previous?.started ?? Date.now(),
    path: previous?.path ?? window.location.pathname,
  };
  entries = previous ? entries.map((e) => (e.id === id ? entry : e)) : [entry, ...entries];
  notify();
}

/** Removes an action from the centre. */
export function dismissTx(id: string): void {
  entries = entries.filter((e) => e.id !== id);
  notify();
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};
const none: readonly TxEntry[] = [];

/** The session's actions, newest first. */
export function useTxEntries(): readonly TxEntry[] {
  return useSyncExternalStore(
    subscribe,
    () => entries,
    () => none,
  );
}
