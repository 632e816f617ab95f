"use client";
// In-browser mining: N Web Workers run the shared hashing core on the current challenge; a solution is
// checked against the live challenge, then submitted with `mint` through the usual simulate-then-sign flow.
import { Numi } from "@/components/Numi";
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { Hex } from "viem";
import { contracts } from "@/config/contracts";
import { useWallet } from "@/hooks/useWallet";
import { useMiningState } from "./useMiningState";
import { useWrite } from "@/hooks/useWrite";
import { useOnline } from "@/hooks/useOnline";
import { useHeadBlock } from "@/lib/headBlock";
import { TxStatus } from "@/components/TxStatus";
import { Stat } from "@/components/Stat";
import { duration, when } from "@/lib/format";
import { expectedHashes, startNonces, type FromWorker, type ToWorker } from "@numi/miner";

type Status = "idle" | "mining" | "paused" | "submitting";

interface BatteryLike extends EventTarget {
  level: number;
  charging: boolean;
}

const noSubscription = () => () => undefined;

/**
 * The browser's cores, for the thread choice. The server renders 1 and the browser switches to its count after
 * hydration (useSyncExternalStore's server snapshot), so the first render matches the server's HTML.
 */
function useCoreCount(): number {
  return useSyncExternalStore(
    noSubscription,
    () => Math.max(1, navigator.hardwareConcurrency || 1),
    () => 1,
  );
}

/** Resolves once the head block passes `seen` (or after 30 s, so a stalled chain cannot hold the miner forever). */
function nextBlock(head: () => bigint | undefined, seen: bigint | undefined): Promise<void> {
  return new Promise((resolve) => {
    const started = Date.now();
    const t = window.setInterval(() => {
      const now = head();
      if ((now !== undefined && (seen === undefined || now > seen)) || Date.now() - started > 30_000) {
        window.clearInterval(t);
        resolve();
      }
    }, 250);
  });
}

export function Miner() {
  const { address, isConnected, onTargetChain } = useWallet();
  const online = useOnline();
  const mining = useMiningState();
  const { write, lastError, state: tx } = useWrite();
  const head = useHeadBlock();
  const headRef = useRef(head);
  headRef.current = head;
  const c = contracts();
  const maxThreads = useCoreCount();
  const [threads, setThreads] = useState(1);
  const [status, setStatus] = useState<Status>("idle");
  const [pauseReason, setPauseReason] = useState<string>();
  const [hashRate, setHashRate] = useState(0);
  const [found, setFound] = useState(0);
  const [note, setNote] = useState<string>();
  const workers = useRef<Worker[]>([]);
  const jobId = useRef(0);
  const jobChallenge = useRef<string>(undefined); // the challenge the current job searches
  const counter = useRef({ hashes: 0, since: 0 });
  const wanted = useRef(false); // the user pressed Start (and not Stop)

  const m = mining.data;
  const challenge = m?.challenge;
  const target = m?.target;

  const stopWorkers = useCallback(() => {
    for (const w of workers.current) w.terminate();
    workers.current = [];
  }, []);

  const post = (msg: ToWorker) => workers.current.forEach((w) => w.postMessage(msg));

  const submit = useCallback(
    async (nonce: bigint, digest: Hex, solvedChallenge: string) => {
      setStatus("submitting");
      const fresh = await mining.refetch();
      if (fresh.data && fresh.data.challenge !== solvedChallenge) {
        setNote(
          "Stale: the challenge moved on before submitting (someone else mined this block). Restarted on the new one.",
        );
        return;
      }
      // A reward already in the block this one would join: the solution stays good for the next block (the
      // challenge moves only with a reward), so wait for it and submit again, a few blocks at most.
      for (let attempt = 0; attempt < 3; attempt++) {
        const receipt = await write({
          ...c.numi,
          functionName: "mint",
          args: [nonce, digest],
          label: "Submit mined block",
        });
        if (receipt) {
          setFound((n) => n + 1);
          return;
        }
        const why = lastError();
        if (why?.errorName !== "RewardAlreadyMintedThisBlock") return;
        const seen = headRef.current;
        setNote(
          `A reward was already minted in block ${seen ?? "the current block"}: waiting for the next block to submit yours.`,
        );
        await nextBlock(() => headRef.current, seen);
        const now = await mining.refetch();
        if (now.data && now.data.challenge !== solvedChallenge) {
          setNote("Stale: another reward took the next block first. Restarted on the new challenge.");
          return;
        }
        setNote(undefined);
      }
    },
    [mining, write, lastError, c.numi],
  );
  const submitRef = useRef(submit);
  submitRef.current = submit;

  const startJob = useCallback(() => {
    if (!challenge || target === undefined || !address) return;
    jobId.current += 1;
    const id = jobId.current;
    jobChallenge.current = challenge;
    const nonces = startNonces(workers.current.length);
    workers.current.forEach((w, i) => {
      w.postMessage({
        type: "job",
        job: { id, challenge, miner: address, target, startNonce: nonces[i] },
      } satisfies ToWorker);
    });
    setStatus("mining");
  }, [challenge, target, address]);

  const spawn = useCallback(() => {
    stopWorkers();
    counter.current = { hashes: 0, since: performance.now() };
    for (let i = 0; i < threads; i++) {
      const w = new Worker(new URL("../../workers/miner.worker.ts", import.meta.url), {
        type: "module",
        name: `numi-miner-${i}`,
      });
      w.onmessage = (e: MessageEvent<FromWorker>) => {
        const msg = e.data;
        if (msg.type === "progress") counter.current.hashes += msg.hashes;
        if (msg.type === "solution" && msg.jobId === jobId.current && jobChallenge.current) {
          post({ type: "idle" });
          jobId.current += 1; // ignore other threads' results for this job
          void submitRef.current(msg.nonce, msg.digest as Hex, jobChallenge.current).finally(() => {
            if (wanted.current) setStatus("mining");
          });
        }
      };
      w.onerror = () => setNote("A mining thread failed to start. This browser may not support WebAssembly workers.");
      workers.current.push(w);
    }
  }, [threads, stopWorkers]);

  // (Re)start the job whenever the challenge or target changes: work on an old challenge is stale.
  useEffect(() => {
    if (!wanted.current || status === "paused" || status === "submitting") return;
    if (workers.current.length === 0) spawn();
    startJob();
  }, [challenge, target, status, spawn, startJob]);

  // Hash rate, sampled every second.
  useEffect(() => {
    const t = window.setInterval(() => {
      const now = performance.now();
      const dt = (now - counter.current.since) / 1000;
      if (dt > 0) setHashRate(workers.current.length ? counter.current.hashes / dt : 0);
      counter.current = { hashes: 0, since: now };
    }, 1000);
    return () => window.clearInterval(t);
  }, []);

  // Pause when the tab is hidden or the battery is low and not charging; resume when that ends.
  useEffect(() => {
    let battery: BatteryLike | undefined;
    const evaluate = () => {
      const reason = document.hidden
        ? "the tab is hidden"
        : battery && !battery.charging && battery.level < 0.2
          ? "the battery is low"
          : undefined;
      setPauseReason(reason);
      if (!wanted.current) return;
      if (reason) {
        post({ type: "idle" });
        setStatus("paused");
      } else setStatus((s) => (s === "paused" ? "mining" : s));
    };
    document.addEventListener("visibilitychange", evaluate);
    const nav = navigator as Navigator & { getBattery?: () => Promise<BatteryLike> };
    nav.getBattery?.().then((b) => {
      battery = b;
      b.addEventListener("levelchange", evaluate);
      b.addEventListener("chargingchange", evaluate);
      evaluate();
    });
    return () => {
      document.removeEventListener("visibilitychange", evaluate);
      battery?.removeEventListener("levelchange", evaluate);
      battery?.removeEventListener("chargingchange", evaluate);
    };
  }, []);

  useEffect(() => () => stopWorkers(), [stopWorkers]);

  const start = () => {
    setNote(undefined);
    wanted.current = true;
    spawn();
    startJob();
  };
  const stop = () => {
    wanted.current = false;
    stopWorkers();
    setStatus("idle");
    setHashRate(0);
  };

  const expected = target !== undefined ? expectedHashes(target) : undefined;
  const canMine = isConnected && onTargetChain && online && !!m && !m.paused;
  return (
    <>
      <h1>Mine NUMI</h1>
      <section className="card">
        <dl className="grid">
          <Stat label="Difficulty" value={m?.difficulty.toString()} />
          <Stat label="Reward" value={<Numi value={m?.reward} />} />
          <Stat label="Epoch" value={m?.epoch.toString()} testId="mine-epoch" />
          <Stat label="Hash rate" value={`${Math.round(hashRate).toLocaleString()} H/s`} testId="hashrate" />
          <Stat
            label="Expected time to a solution"
            value={expected && hashRate > 0 ? duration(expected / hashRate) : "start to estimate"}
          />
          <Stat label="Blocks you mined this session" value={String(found)} testId="mined-count" />
        </dl>
        {m?.paused && (
          <p className="error">
            Governance has paused mining until {when(m.pausedUntil)}; it resumes on its own, with a new challenge.
          </p>
        )}
        <label htmlFor="threads">Threads</label>
        <select
          id="threads"
          value={threads}
          disabled={status !== "idle"}
          onChange={(e) => setThreads(Number(e.target.value))}
        >
          {Array.from({ length: maxThreads }, (_, i) => i + 1).map((n) => (
            <option key={n} value={n}>
              {n} {n === 1 ? "thread" : "threads"}
            </option>
          ))}
        </select>
        <div className="row">
          {status === "idle" ? (
            <button type="button" onClick={start} disabled={!canMine}>
              Start mining
            </button>
          ) : (
            <button type="button" onClick={stop}>
              Stop mining
            </button>
          )}
        </div>
        <p role="status" data-testid="miner-status">
          {status === "mining" && "Mining…"}
          {status === "paused" && `Paused because ${pauseReason}.`}
          {status === "submitting" && "Solution found: submitting…"}
          {status === "idle" && (isConnected ? "Stopped." : "Connect a wallet to mine.")}
        </p>
        {note && <p role="status">{note}</p>}
        <p className="hint">
          Mining uses your device's processor; it pauses while the tab is hidden or the battery is low.
        </p>
      </section>
      <TxStatus state={tx} />
    </>
  );
}
