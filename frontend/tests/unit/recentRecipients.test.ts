// Recent recipients: newest first, once each, five at most, per chain; unreadable storage gives none.
import { beforeEach, describe, expect, test, vi } from "vitest";
import { recentRecipients, rememberRecipient } from "@/lib/recentRecipients";

const a = (n: number) => `0x${n.toString(16).padStart(40, "0")}` as const;
let store: Map<string, string>;
beforeEach(() => {
  store = new Map();
  vi.stubGlobal("localStorage", {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
  });
});

describe("recent recipients", () => {
  test("newest first, once each, at most five, per chain", () => {
    for (const n of [1, 2, 3, 2, 4, 5, 6]) rememberRecipient(31337, a(n));
    expect(recentRecipients(31337)).toEqual([6, 5, 4, 2, 3].map(a));
    expect(recentRecipients(1)).toEqual([]);
  });
  test("a corrupt entry gives no suggestions instead of an error", () => {
    store.set("numi:recent-recipients:31337", "{not json");
    expect(recentRecipients(31337)).toEqual([]);
  });
});
