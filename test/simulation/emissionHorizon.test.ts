// Long-horizon emission under adversarial timing, on the contract's real difficulty rule.
//
// The rule is test/helpers/difficultyModel.ts, checked bit for bit against Difficulty.nextTarget
// (test/simulation/difficultyModel.test.ts: every fixed-point exponent and 20,000 random inputs), so millions of
// epochs run in seconds. Mainnet parameters: T = 600 s, initial target 2^221. Post-merge Ethereum: a block's
// timestamp is its 12 s slot time, so a miner only chooses which slot (at or after finding the solution) to land in.
//
// The bound. ASERT moves log2(target) by (min(elapsed, 9T) - T) / 4T per epoch, so after n epochs spanning t
// seconds: log2(target_n / target_0) = (sum of capped elapsed - nT) / 4T + rounding. The cap only removes
// elapsed time (sum capped <= t), so
//     epochs ahead := n - t / T  <=  4 * log2(target_0 / target_n) + 4 * n * DELTA,
// where DELTA is the largest overshoot, in doublings, of the aserti3-2d cubic over 2^x (the floors in the rule
// only round toward harder). target_n >= MIN_TARGET caps it: at most 4 * log2(2^221 / 2^16) = 820 epochs plus
// the DELTA term. Each reward is at most the schedule's, so minted supply <= the scheduled supply of
// floor(t / T) + that many epochs: the supply can run ahead of one reward per T only by the rewards of those
// epochs. A controller that eases even 0.25% of an epoch too much per epoch breaks the bound (checked below).
import { expect } from "chai";
import { expectedNextTarget } from "../helpers/difficultyModel";
import { MIN_TARGET } from "../helpers/mining";
import { Rng } from "../helpers/rng";
import { NumiCoin } from "@numi/contracts";

const T = 600n;
const SLOT = 12;
const TARGET_0 = 2n ** 221n;
const TWO_256 = 2 ** 256;
const { MAX_SUPPLY } = NumiCoin;
const HALVING_INTERVAL = Number(NumiCoin.HALVING_INTERVAL);
/** A halving schedule emits twice its first era: MAX_SUPPLY = 2 x interval x first reward. */
const INITIAL_REWARD = MAX_SUPPLY / (2n * NumiCoin.HALVING_INTERVAL);

type Rule = (target: bigint, elapsed: bigint, targetEpochTime: bigint) => bigint;

/** DELTA: the largest amount, in doublings, by which the cubic's factor exceeds 2^x, over all 65,536 fractions. */
function cubicOvershoot(): number {
  let worst = 0;
  for (let x = 0n; x < 65_536n; x++) {
    const f = 65_536n + ((195_766_423_245_049n * x + 971_821_376n * x * x + 5_127n * x * x * x + 2n ** 47n) >> 48n);
    worst = Math.max(worst, Math.log2(Number(f) / 65_536) - Number(x) / 65_536);
  }
  return worst;
}

function log2Big(x: bigint): number {
  const bits = x.toString(2).length;
  const shift = bits > 60 ? BigInt(bits - 60) : 0n;
  return Math.log2(Number(x >> shift)) + Number(shift);
}

function rewardOf(epoch: number, minted: bigint): bigint {
  const era = Math.floor(epoch / HALVING_INTERVAL);
  const scheduled = era < 256 ? INITIAL_REWARD >> BigInt(era) : 0n;
  const left = minted < MAX_SUPPLY ? MAX_SUPPLY - minted : 0n;
  return scheduled < left ? scheduled : left;
}

/** Scheduled supply after `epochs` epochs (no clipping: the schedule never reaches the cap). */
function scheduledSupply(epochs: number): bigint {
  let total = 0n;
  for (let era = 0; epochs > 0 && era < 256; era++) {
    const n = Math.min(epochs, HALVING_INTERVAL);
    total += BigInt(n) * (INITIAL_REWARD >> BigInt(era));
    epochs -= n;
  }
  return total;
}

interface Result {
  epochs: number;
  seconds: number;
  worstAhead: number; // max over epochs of n - t / T
  worstSlack: number; // max over epochs of (n - t / T) - 4 log2(target_0 / target_n) - 4 n DELTA (<= 0 when bound holds)
  worstSupplyExcess: bigint; // max of minted - scheduledSupply(floor(t / T)), in wei
  hardestTarget: bigint;
  withheld: number;
  oneSlot: number; // epochs that took a single slot (12 s), the fastest possible
  violations: number;
}

/**
 * A network whose hash rate jumps (steps up to 1000x either way, within [H0 / 1000, H0 * 1000 * 1000], plus short
 * 1000x bursts), an adversary with a share of it who withholds solutions, and slot-quantized timestamps.
 * Time to a solution is exponential with mean (2^256 / (target + 1)) / hashrate; the hash rate is piecewise
 * constant in time, so the solution arrives when the hashes done since the epoch began reach an Exp(1) multiple
 * of 2^256 / (target + 1).
 */
function simulate(rule: Rule, epochs: number, seed: number, delta: number): Result {
  const rng = new Rng(seed);
  const h0 = TWO_256 / (Number(TARGET_0) + 1) / Number(T); // one solution per T at the initial target
  let rate = h0;
  let burstUntil = -1; // while now < burstUntil the hash rate is rate * 1000
  let nextChange = 0; // time of the next hash-rate event
  let adversaryShare = 0.3;
  const effectiveRate = (at: number) => (at < burstUntil ? rate * 1000 : rate);

  let target = TARGET_0;
  let now = 0; // seconds since deployment (the first lastRewardTime)
  let lastReward = 0;
  let minted = 0n;
  const r: Result = {
    epochs,
    seconds: 0,
    worstAhead: -Infinity,
    worstSlack: -Infinity,
    worstSupplyExcess: -(10n ** 30n),
    hardestTarget: target,
    withheld: 0,
    oneSlot: 0,
    violations: 0,
  };
  const log2Target0 = log2Big(TARGET_0);
  // Hash-rate events: about every 2,000 epochs of time a step by a log-uniform factor in [1/1000, 1000] (kept
  // within [h0 / 1000, h0 * 10^6]), sometimes a 1000x burst lasting up to 20 T, and a new adversary share.
  const event = () => {
    const kind = rng.float();
    if (kind < 0.6) {
      rate = Math.min(h0 * 1e6, Math.max(h0 / 1e3, rate * 1000 ** (2 * rng.float() - 1)));
    } else if (kind < 0.9) {
      burstUntil = now + rng.float() * 20 * Number(T);
    } else {
      rate = rng.float() < 0.5 ? Math.min(h0 * 1e6, rate * 1000) : Math.max(h0 / 1e3, rate / 1000);
    }
    adversaryShare = [0, 0.3, 0.6, 0.9][rng.u32() % 4];
    nextChange = now + rng.exp() * 2_000 * Number(T);
  };

  for (let n = 1; n <= epochs; n++) {
    // Hashes needed: Exp(1) * 2^256 / (target + 1); walk through hash-rate segments until done.
    let work = rng.exp() * (TWO_256 / (Number(target) + 1));
    let t = now;
    for (;;) {
      if (t >= nextChange) event();
      const segmentEnd = Math.min(nextChange, t < burstUntil ? burstUntil : Infinity);
      const hashes = effectiveRate(t) * (segmentEnd - t);
      if (hashes >= work) {
        t += work / effectiveRate(t);
        break;
      }
      work -= hashes;
      t = segmentEnd;
    }
    const found = t;
    // The earliest slot the solution can land in: the first slot at or after it was found, and never the slot of
    // the previous reward (NumiCoin pays one reward per block, and the next challenge needs that block).
    let slot = Math.max(Math.ceil(found / SLOT) * SLOT, lastReward + SLOT);
    if (rng.float() < adversaryShare) {
      // The adversary found it: withhold to make the epoch look slow, up to the 9T that eases the most, unless
      // the honest rest of the network would find one first (then publish in the slot before theirs).
      const honestRate = effectiveRate(found) * (1 - adversaryShare);
      const honestAt = found + (rng.exp() * (TWO_256 / (Number(target) + 1))) / Math.max(honestRate, 1e-300);
      const want = lastReward + 9 * Number(T);
      const latest = Math.min(want, Math.floor(honestAt / SLOT) * SLOT);
      if (latest > slot) {
        slot = latest;
        r.withheld++;
      }
    }
    if (slot === lastReward + SLOT) r.oneSlot++;
    const elapsed = BigInt(slot - lastReward);
    minted += rewardOf(n - 1, minted);
    target = rule(target, elapsed, T);
    lastReward = slot;
    now = slot;
    if (target < r.hardestTarget) r.hardestTarget = target;

    const ahead = n - slot / Number(T);
    const slack = ahead - 4 * (log2Target0 - log2Big(target)) - 4 * n * delta;
    if (ahead > r.worstAhead) r.worstAhead = ahead;
    if (slack > r.worstSlack) r.worstSlack = slack;
    if (slack > 1e-6) r.violations++;
    if (ahead > 0) {
      const excess = minted - scheduledSupply(Math.floor(slot / Number(T)));
      if (excess > r.worstSupplyExcess) r.worstSupplyExcess = excess;
    }
  }
  r.seconds = now;
  return r;
}

describe("Emission over millions of epochs with the real difficulty rule and adversarial timing", function () {
  this.timeout(180_000);
  const DELTA = cubicOvershoot();
  // The static cap: target_n >= MIN_TARGET.
  const staticBound = (n: number) => 4 * (log2Big(TARGET_0) - log2Big(MIN_TARGET)) + 4 * n * DELTA;

  it("minted supply never runs ahead of one reward per T by more than 4 log2(target_0 / target_n) + 4 n DELTA epochs", function () {
    const EPOCHS = 5_000_000;
    const started = Date.now();
    const r = simulate(expectedNextTarget, EPOCHS, 0x4e554d49, DELTA);
    const ms = Date.now() - started;
    const bound = staticBound(EPOCHS);
    console.log(
      `      ${EPOCHS} epochs (${(r.seconds / 86_400 / 365).toFixed(1)} years simulated) in ${(ms / 1000).toFixed(1)} s; ` +
        `DELTA = ${DELTA.toExponential(3)} doublings/epoch\n` +
        `      worst epochs ahead ${r.worstAhead.toFixed(2)} vs static bound ${bound.toFixed(1)} ` +
        `(4 log2(2^221 / MIN_TARGET) = 820 + 4 n DELTA = ${(4 * EPOCHS * DELTA).toFixed(1)}); ` +
        `worst (ahead - dynamic bound) ${r.worstSlack.toFixed(3)} (must be <= 0)\n` +
        `      worst supply excess over scheduledSupply(floor(t / T)): ${Number(r.worstSupplyExcess) / 1e18} NUMI; ` +
        `hardest target 2^${log2Big(r.hardestTarget).toFixed(1)}; ${r.withheld} withheld, ${r.oneSlot} one-slot (12 s) epochs`,
    );
    expect(r.violations).to.equal(0);
    expect(r.worstSlack).to.be.at.most(0);
    expect(r.worstAhead).to.be.at.most(bound);
    expect(r.withheld).to.be.greaterThan(10_000); // the adversary was active
    expect(r.oneSlot).to.be.greaterThan(1_000); // bursts made epochs as fast as the chain allows
    expect(r.hardestTarget).to.be.greaterThan(MIN_TARGET); // the static cap did not bind: the dynamic bound is the test
    // Supply: within the rewards of `bound` epochs of the first era.
    expect(r.worstSupplyExcess).to.be.at.most(BigInt(Math.ceil(bound)) * INITIAL_REWARD);
  });

  it("the bound is tight enough to catch a controller that eases 0.25% of an epoch too much per epoch", function () {
    const broken: Rule = (target, elapsed, epochTime) =>
      expectedNextTarget(target, elapsed + (epochTime * 25n) / 10_000n, epochTime);
    const r = simulate(broken, 300_000, 0x4e554d49, DELTA);
    expect(r.violations).to.be.greaterThan(0);
  });

  it("measures what withholding one solution buys a miner with all the hash rate", function () {
    // A dominant miner at the equilibrium target (one solution per T on average) finds epoch 1's solution and holds
    // it until the epoch has lasted `holdTo` (idle meanwhile: the next challenge needs this reward's block), then
    // mines honestly. Compared with the same miner never withholding, on the same random draws (common random
    // numbers, 4,000 trials of 400 epochs): the hashing saved over the epochs after the withheld one, in epochs of
    // equilibrium work, and how much later the 400th reward lands.
    const equilibriumWork = TWO_256 / (Number(TARGET_0) + 1);
    const rate = equilibriumWork / Number(T);
    const run = (draws: number[], holdTo: number) => {
      let target = TARGET_0;
      let last = 0;
      let work = 0; // hashes spent on epochs 2.. (after the withheld one), in equilibrium epochs
      for (let i = 0; i < draws.length; i++) {
        const needed = draws[i] * (TWO_256 / (Number(target) + 1));
        const found = last + needed / rate;
        let slot = Math.max(Math.ceil(found / SLOT) * SLOT, last + SLOT);
        if (i === 0) slot = Math.max(slot, holdTo);
        else work += needed / equilibriumWork;
        target = expectedNextTarget(target, BigInt(slot - last), T);
        last = slot;
      }
      return { work, end: last };
    };
    const rng = new Rng(0x4e554d49);
    const measure = (holdTo: number) => {
      let saved = 0;
      let later = 0;
      const TRIALS = 4_000;
      for (let trial = 0; trial < TRIALS; trial++) {
        const draws = Array.from({ length: 400 }, () => rng.exp());
        const honest = run(draws, 0);
        const withheld = run(draws, holdTo);
        saved += honest.work - withheld.work;
        later += (withheld.end - honest.end) / Number(T);
      }
      return { saved: saved / TRIALS, later: later / TRIALS };
    };
    const to5T = measure(5 * Number(T));
    const to9T = measure(9 * Number(T));
    console.log(
      `      held to 5T (2x easier): saves ${to5T.saved.toFixed(2)} epochs of work, 400th reward ${to5T.later.toFixed(2)} T later\n` +
        `      held to 9T (4x easier, the cap): saves ${to9T.saved.toFixed(2)} epochs of work, 400th reward ${to9T.later.toFixed(2)} T later`,
    );
    // ASERT: the target eased by 2^k comes back by fast epochs, and the work they save sums to 4k epochs (k = 1 at
    // 5T, k = 2 at 9T), while the rewards stay tied to wall-clock time.
    expect(to5T.saved).to.be.within(3, 5);
    expect(to9T.saved).to.be.within(6.5, 8.5);
  });
});
