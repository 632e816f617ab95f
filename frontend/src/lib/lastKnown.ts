// The last figures seen online, kept in localStorage so the offline app can show them, marked with their time.
export interface Snapshot {
  at: number; // ms since epoch when these figures were read
  account?: string;
  balance?: string; // display strings, already formatted
  staked?: string;
  earned?: string;
  votes?: string;
}

const KEY = "numi:last-known";

export function saveSnapshot(s: Snapshot): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(s));
  } catch {
    // storage full or disabled: the offline view just has less to show
  }
}

export function loadSnapshot(): Snapshot | undefined {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Snapshot) : undefined;
  } catch {
    return undefined;
  }
}
