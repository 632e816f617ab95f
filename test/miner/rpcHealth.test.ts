// How the miner paces and reports RPC trouble: backoff doubles with jitter up to a ceiling and never undercuts
// Retry-After; each kind of failure is said once per episode; recovery is said once the endpoint has stayed
// healthy for the quiet period (so a 50% error rate is one long episode, not a line per call).
import { expect } from "chai";
import { RpcHealth, backoffDelay, broadcastLatency, quantile } from "@numi/miner/cli";

const timeout = { name: "RpcTimeout", action: "retry" as const, transport: true, message: "no answer in time" };
const limited = { ...timeout, name: "RpcRateLimited", message: "rate-limited (HTTP 429)", retryAfterMs: 3_000 };

describe("miner RPC health: backoff and reporting", function () {
  it("backoff doubles, stays within [ceiling/2, ceiling], stops at the maximum, honours Retry-After", function () {
    const options = { baseMs: 100, maxMs: 1_000 };
    expect(backoffDelay(0, { ...options, random: () => 0 })).to.equal(50);
    expect(backoffDelay(0, { ...options, random: () => 1 })).to.equal(100);
    expect(backoffDelay(3, { ...options, random: () => 0.5 })).to.equal(600); // ceiling 800
    expect(backoffDelay(20, { ...options, random: () => 1 })).to.equal(1_000);
    expect(backoffDelay(0, { ...options, random: () => 0 }, 3_000)).to.equal(3_000);
    const spread = new Set(Array.from({ length: 20 }, () => backoffDelay(4, options)));
    expect(spread.size).to.be.greaterThan(1); // jitter: many miners do not retry in step
  });

  it("says each kind once per episode, says the recovery after the quiet period, then starts afresh", function () {
    let now = 0;
    const lines: string[] = [];
    const health = new RpcHealth(
      (l) => lines.push(l),
      { baseMs: 100, maxMs: 1_000, random: () => 1 },
      5_000,
      () => now,
    );
    expect(health.status()).to.equal(null);
    expect(health.failed(timeout, "Holding the solution")).to.equal(100);
    now = 100;
    expect(health.failed(timeout, "Holding the solution")).to.equal(200);
    expect(health.failed(limited, "Holding the solution")).to.equal(3_000);
    expect(lines).to.have.length(2);
    expect(lines[0]).to.equal(
      "[miner] RPC problem: no answer in time. Holding the solution; retrying with backoff (first retry in 0.1 s); " +
        "repeats are counted, not printed",
    );
    expect(health.status()).to.equal("RPC failing for 0.1 s (RpcTimeout, RpcRateLimited)");
    now = 2_000;
    health.ok(); // too soon after the last failure: still the same episode
    expect(lines).to.have.length(2);
    expect(health.failed(timeout, "Holding the solution")).to.equal(100); // the success reset the backoff
    expect(lines).to.have.length(2);
    now = 7_000;
    health.ok();
    expect(lines[2]).to.equal(
      "[miner] the RPC endpoint answers again: 4 failed call(s) over 2.0 s (RpcTimeout ×3, RpcRateLimited ×1)",
    );
    expect(health.status()).to.equal(null);
    health.failed(timeout, "Searching on the last known challenge");
    expect(lines).to.have.length(4); // a new episode is said again
  });

  it("summarises solution-to-broadcast times as p50 and p95", function () {
    expect(quantile([], 0.5)).to.equal(null);
    expect(quantile([5, 1, 3], 0.5)).to.equal(3);
    const broadcastMs = Array.from({ length: 100 }, (_, i) => (i + 1) * 10);
    expect(broadcastLatency({ broadcastMs })).to.equal("p50 0.50 s, p95 0.95 s over 100");
    expect(broadcastLatency({ broadcastMs: [] })).to.equal("no solution sent yet");
  });
});
