"use client";
// Whether the app can reach the network. navigator.onLine alone is unreliable (it says "online" on a
// captive portal, and an emulated or flaky offline state can be lost on reload), so a tiny same-origin
// probe that the service worker never answers from cache confirms it.
import { useSyncExternalStore } from "react";
import { nextTask } from "@/lib/nextTask";

const PROBE_URL = "/manifest.webmanifest";
const PROBE_EVERY_MS = 5_000;

let reachable = true;
let timer: number | undefined;
const listeners = new Set<() => void>();

function snapshot(): boolean {
  return navigator.onLine && reachable;
}

function set(next: boolean) {
  if (next === reachable) return;
  reachable = next;
  listeners.forEach((l) => l());
}

async function probe() {
  if (!navigator.onLine) return set(false);
  try {
    const res = await fetch(PROBE_URL, { method: "HEAD", cache: "no-store" });
    set(res.ok);
  } catch {
    set(false);
  }
}

function subscribe(onChange: () => void) {
  listeners.add(onChange);
  const onEvent = () => {
    onChange();
    void probe();
  };
  window.addEventListener("online", onEvent);
  window.addEventListener("offline", onEvent);
  if (listeners.size === 1) {
    // Not inside the subscribing effect: at hydration that task is already the page's longest.
    void nextTask().then(probe);
    timer = window.setInterval(probe, PROBE_EVERY_MS);
  }
  return () => {
    listeners.delete(onChange);
    window.removeEventListener("online", onEvent);
    window.removeEventListener("offline", onEvent);
    if (listeners.size === 0) window.clearInterval(timer);
  };
}

/** Online as React state; the server assumes online so the first paint never flashes "offline". */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribe, snapshot, () => true);
}
