// The service worker's registration and update watch, apart from the component that shows the prompt, so that
// stopping it provably stops everything it started (the update poll used to outlive its component).

/** How often an open app asks whether a new version was deployed. */
export const UPDATE_CHECK_MS = 60_000;

/**
 * Registers /sw.js, reports a new version that waits to take over (never while no version controls the page: that
 * is the first install), and checks for one every UPDATE_CHECK_MS. The returned function stops the checks, also when
 * it is called before the registration has settled.
 */
export function watchServiceWorker(
  container: Pick<ServiceWorkerContainer, "register" | "controller">,
  onWaiting: (worker: ServiceWorker) => void,
): () => void {
  let stopped = false;
  let poll: ReturnType<typeof setInterval> | undefined;
  container
    .register("/sw.js", { scope: "/" })
    .then((reg) => {
      if (stopped) return;
      if (reg.waiting && container.controller) onWaiting(reg.waiting);
      reg.addEventListener("updatefound", () => {
        const next = reg.installing;
        next?.addEventListener("statechange", () => {
          if (!stopped && next.state === "installed" && container.controller) onWaiting(next);
        });
      });
      poll = setInterval(() => reg.update().catch(() => undefined), UPDATE_CHECK_MS);
    })
    .catch(() => undefined);
  return () => {
    stopped = true;
    clearInterval(poll);
  };
}
