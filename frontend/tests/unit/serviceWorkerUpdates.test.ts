import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { UPDATE_CHECK_MS, watchServiceWorker } from "@/lib/serviceWorkerUpdates";

/** A registration whose update() calls are counted, and whose updatefound listener the test can fire. */
function fakeRegistration(waiting: unknown = null) {
  const listeners: Array<() => void> = [];
  return {
    waiting,
    installing: null as unknown,
    update: vi.fn(() => Promise.resolve()),
    addEventListener: (_type: string, listener: () => void) => listeners.push(listener),
    fireUpdateFound: () => listeners.forEach((l) => l()),
  };
}

function fakeContainer(reg: ReturnType<typeof fakeRegistration>, controller: unknown = {}) {
  let settle: () => void = () => undefined;
  const registered = new Promise<typeof reg>((resolve) => (settle = () => resolve(reg)));
  return {
    container: { register: vi.fn(() => registered), controller } as unknown as ServiceWorkerContainer,
    settle,
  };
}

const flush = () => vi.advanceTimersByTimeAsync(0);

/** Starts the watch on `reg` and lets its registration settle. */
async function watching(reg: ReturnType<typeof fakeRegistration>, controller: unknown = {}) {
  const { container, settle } = fakeContainer(reg, controller);
  const onWaiting = vi.fn();
  const stop = watchServiceWorker(container, onWaiting);
  settle();
  await flush();
  return { container, onWaiting, stop };
}

describe("watchServiceWorker", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("registers /sw.js for the whole app and checks for a new version every minute", async () => {
    const reg = fakeRegistration();
    const { container, stop } = await watching(reg);
    expect(container.register).toHaveBeenCalledWith("/sw.js", { scope: "/" });
    await vi.advanceTimersByTimeAsync(3 * UPDATE_CHECK_MS);
    expect(reg.update).toHaveBeenCalledTimes(3);
    stop();
  });

  it("stops checking once stopped", async () => {
    const reg = fakeRegistration();
    const { stop } = await watching(reg);
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_MS);
    stop();
    await vi.advanceTimersByTimeAsync(5 * UPDATE_CHECK_MS);
    expect(reg.update).toHaveBeenCalledTimes(1);
  });

  it("starts no check when stopped before the registration settles", async () => {
    const reg = fakeRegistration({ state: "installed" });
    const { container, settle } = fakeContainer(reg);
    const onWaiting = vi.fn();
    const stop = watchServiceWorker(container, onWaiting);
    stop();
    settle();
    await flush();
    await vi.advanceTimersByTimeAsync(5 * UPDATE_CHECK_MS);
    expect(reg.update).not.toHaveBeenCalled();
    expect(onWaiting).not.toHaveBeenCalled();
  });

  it("reports a version already waiting, but not on the first install", async () => {
    const waiting = { state: "installed" };
    for (const [controller, reported] of [
      [{}, true],
      [null, false],
    ] as const) {
      const { onWaiting, stop } = await watching(fakeRegistration(waiting), controller);
      expect(onWaiting.mock.calls).toEqual(reported ? [[waiting]] : []);
      stop();
    }
  });

  it("reports a new version once it has installed", async () => {
    const reg = fakeRegistration();
    const { onWaiting, stop } = await watching(reg);
    let onState: () => void = () => undefined;
    const next = { state: "installing", addEventListener: (_t: string, l: () => void) => (onState = l) };
    reg.installing = next;
    reg.fireUpdateFound();
    onState();
    expect(onWaiting).not.toHaveBeenCalled();
    next.state = "installed";
    onState();
    expect(onWaiting).toHaveBeenCalledWith(next);
    stop();
  });
});
