// `npm run bench:miner [-- --json] [-- --write]`: hashes per second of the NUMI miner on 1 thread and on all
// threads, through the same worker path as the miner, against the machine's ceiling measured in the same run:
// `openssl speed -evp sha3-256 -bytes 84` (OpenSSL's assembly Keccak-f[1600] on one core, same input size).
// --json prints exactly one JSON line; --write also records the figures with machine info in
// docs/bench/miner-results.json. A run takes about 25 s.
//
// Like for like: `openssl speed` divides by the CPU time it used (not wall-clock time, unless -elapsed), so
// its figure does not drop when other processes share the cores. The 1-thread figure here is likewise hashes
// per CPU-second of this process (the main thread only sleeps); the all-threads figure is wall-clock
// throughput, what a miner actually gets. Both wall-clock and CPU figures are printed.
import { execFileSync } from "child_process";
import { mkdirSync, writeFileSync } from "fs";
import os from "os";
import { dirname, join } from "path";
import { WorkerPool } from "./workerPool";

const WARMUP_MS = 1_500; // V8 tiers the kernel up from its baseline compiler after the first batches
const MEASURE_MS = 4_000;
const OPENSSL_SECONDS = 3;
const RESULTS_PATH = join(__dirname, "../../docs/bench/miner-results.json");

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Hashes per second of a pool of `threads` workers searching an unsolvable target (target 0). */
async function measurePool(threads: number): Promise<{ rate: number; ratePerCpuSecond: number; kernel: string }> {
  const pool = await WorkerPool.start({ threads });
  try {
    pool.startJob("0x" + "5a".repeat(32), "0x" + "a5".repeat(20), 0n);
    await sleep(WARMUP_MS);
    const h0 = pool.totalHashes;
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    await sleep(MEASURE_MS);
    const cpu = process.cpuUsage(cpu0);
    const hashes = pool.totalHashes - h0;
    const rate = (hashes * 1000) / (performance.now() - t0);
    const ratePerCpuSecond = (hashes * 1e6) / (cpu.user + cpu.system);
    pool.idle();
    return { rate, ratePerCpuSecond, kernel: pool.kernel };
  } finally {
    await pool.stop();
  }
}

/** OpenSSL's SHA3-256 (Keccak-f[1600]) rate on 84-byte inputs, one core. */
export function opensslRate(seconds = OPENSSL_SECONDS): number {
  const out = execFileSync(
    "/usr/bin/openssl",
    ["speed", "-evp", "sha3-256", "-bytes", "84", "-seconds", String(seconds)],
    {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  // Last line: "sha3-256        207887.99k" (thousands of bytes per second for the one size asked for)
  const match = /^sha3-256\s+([\d.]+)k\s*$/m.exec(out);
  if (!match) throw new Error(`cannot parse openssl speed output:\n${out}`);
  return (parseFloat(match[1]) * 1000) / 84;
}

async function main() {
  const json = process.argv.includes("--json");
  const write = process.argv.includes("--write");
  const say = (line: string) => {
    if (!json) console.log(line);
  };
  const threads = os.availableParallelism();
  say(`NUMI miner benchmark: ${os.cpus()[0]?.model ?? "unknown CPU"}, ${threads} cores, Node ${process.version}`);
  const load = os.loadavg()[0];
  say(`  load average (1 min) before the run: ${load.toFixed(2)} on ${threads} cores`);
  const one = await measurePool(1);
  say(
    `  1 thread (${one.kernel} kernel): ${(one.ratePerCpuSecond / 1e6).toFixed(3)} M hashes per CPU-second ` +
      `(${(one.rate / 1e6).toFixed(3)} M/s wall-clock)`,
  );
  const all = threads === 1 ? one : await measurePool(threads);
  say(`  ${threads} threads: ${(all.rate / 1e6).toFixed(3)} M hashes/s wall-clock`);
  const openssl = opensslRate();
  say(`  openssl speed -evp sha3-256 -bytes 84 (1 core, per CPU-second): ${(openssl / 1e6).toFixed(3)} M hashes/s`);
  const ratio = one.ratePerCpuSecond / openssl;
  say(`  ratio 1 thread / openssl: ${(ratio * 100).toFixed(1)}%`);
  const figures = {
    hashesPerSecond1: Math.round(one.ratePerCpuSecond),
    hashesPerSecondAll: Math.round(all.rate),
    threads,
    opensslPerSecond: Math.round(openssl),
    ratio: Math.round(ratio * 1000) / 1000,
  };
  if (json) console.log(JSON.stringify(figures));
  if (write) {
    const record = {
      ...figures,
      kernel: one.kernel,
      hashesPerSecond1WallClock: Math.round(one.rate),
      basis:
        "hashesPerSecond1 and opensslPerSecond: per CPU-second of one thread (openssl speed's own basis); hashesPerSecondAll: wall-clock",
      machine: {
        cpu: os.cpus()[0]?.model ?? "unknown",
        cores: threads,
        node: process.version,
        openssl: execFileSync("/usr/bin/openssl", ["version"], { encoding: "utf8" }).trim(),
        loadAverage1m: Math.round(load * 100) / 100,
      },
      command: "npm run bench:miner -- --write",
      measuredAt: new Date().toISOString(),
    };
    mkdirSync(dirname(RESULTS_PATH), { recursive: true });
    writeFileSync(RESULTS_PATH, JSON.stringify(record, null, 2) + "\n");
    say(`  wrote ${RESULTS_PATH}`);
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
