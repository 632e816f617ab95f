// Reports RPC trouble the way an operator can act on it: each kind of failure once per episode, in plain words,
// with what the miner does meanwhile, and once more when the endpoint has been answering again for a while.
// Also paces retries: exponential backoff with jitter, never sooner than the endpoint's Retry-After.
import type { Failure } from "./failure";

export interface BackoffOptions {
  /** The first pause, doubled on every consecutive failure. */
  baseMs: number;
  /** The longest pause. */
  maxMs: number;
  /** 0..1, for tests that pin the jitter. */
  random?: () => number;
}

/** Half the exponential delay fixed, half random ("equal jitter"): retries of many miners spread out. */
export function backoffDelay(attempt: number, options: BackoffOptions, retryAfterMs = 0): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(attempt, 30));
  const delay = ceiling / 2 + ((options.random ?? Math.random)() * ceiling) / 2;
  return Math.round(Math.max(delay, retryAfterMs));
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

interface Episode {
  since: number;
  lastFailure: number;
  failures: number;
  /** Consecutive failures since the last success: the backoff exponent. */
  streak: number;
  kinds: Map<string, number>;
}

export class RpcHealth {
  private episode: Episode | null = null;

  constructor(
    private readonly log: (line: string) => void,
    private readonly backoff: BackoffOptions,
    /** Quiet time after the last failure before the endpoint counts as recovered (a 50% error rate never does). */
    private readonly recoveredAfterMs = 5_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a failure of the endpoint; says so if it is new in this episode. Returns the pause before retrying. */
  failed(failure: Failure, meanwhile: string): number {
    const now = this.now();
    const episode = (this.episode ??= { since: now, lastFailure: now, failures: 0, streak: 0, kinds: new Map() });
    const delay = backoffDelay(episode.streak, this.backoff, failure.retryAfterMs);
    episode.failures++;
    episode.streak++;
    episode.lastFailure = now;
    const seen = episode.kinds.get(failure.name) ?? 0;
    episode.kinds.set(failure.name, seen + 1);
    if (seen === 0) {
      this.log(
        `[miner] RPC problem: ${failure.message}. ${meanwhile}; retrying with backoff (first retry in ` +
          `${seconds(delay)}); repeats are counted, not printed`,
      );
    }
    return delay;
  }

  /** Records an answer; reports the recovery once the endpoint has answered for `recoveredAfterMs`. */
  ok(): void {
    const episode = this.episode;
    if (!episode) return;
    episode.streak = 0;
    const now = this.now();
    if (now - episode.lastFailure < this.recoveredAfterMs) return;
    const kinds = [...episode.kinds].map(([name, n]) => `${name} ×${n}`).join(", ");
    this.log(
      `[miner] the RPC endpoint answers again: ${episode.failures} failed call(s) over ` +
        `${seconds(episode.lastFailure - episode.since)} (${kinds})`,
    );
    this.episode = null;
  }

  /** For the status line: what is failing and since when, or null when the endpoint is healthy. */
  status(): string | null {
    const episode = this.episode;
    if (!episode) return null;
    return `RPC failing for ${seconds(this.now() - episode.since)} (${[...episode.kinds.keys()].join(", ")})`;
  }
}
