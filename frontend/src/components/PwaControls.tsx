"use client";
// Service worker registration, the "reload to update" prompt (a new version waits; it never swaps itself
// in the middle of a signing flow), and the install button or iOS instructions.
import { useEffect, useState } from "react";
import { watchServiceWorker } from "@/lib/serviceWorkerUpdates";

interface InstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: "accepted" | "dismissed" }>;
}

export function PwaControls() {
  const [waiting, setWaiting] = useState<ServiceWorker | null>(null);
  const [installEvent, setInstallEvent] = useState<InstallPromptEvent | null>(null);
  const [ios, setIos] = useState(false);
  const [showIos, setShowIos] = useState(false);

  useEffect(() => {
    const standalone = window.matchMedia("(display-mode: standalone)").matches;
    setIos(/iphone|ipad|ipod/i.test(navigator.userAgent) && !standalone);
    const onPrompt = (e: Event) => {
      e.preventDefault();
      setInstallEvent(e as InstallPromptEvent);
    };
    window.addEventListener("beforeinstallprompt", onPrompt);
    // Registered after the page has loaded and settled, so precaching never competes with the first paint.
    let stopWatching: (() => void) | undefined;
    let reloaded = false;
    const onControllerChange = () => {
      if (!reloaded && sessionStorage.getItem("numi:update-accepted")) {
        reloaded = true;
        sessionStorage.removeItem("numi:update-accepted");
        window.location.reload();
      }
    };
    const register = () => {
      const stopUpdates = watchServiceWorker(navigator.serviceWorker, setWaiting);
      navigator.serviceWorker.addEventListener("controllerchange", onControllerChange);
      stopWatching = () => {
        stopUpdates();
        navigator.serviceWorker.removeEventListener("controllerchange", onControllerChange);
      };
    };
    let timer: number | undefined;
    const later = () => {
      timer = window.setTimeout(register, 1500);
    };
    if ("serviceWorker" in navigator && process.env.NODE_ENV === "production") {
      if (document.readyState === "complete") later();
      else window.addEventListener("load", later, { once: true });
    }
    return () => {
      window.removeEventListener("beforeinstallprompt", onPrompt);
      window.removeEventListener("load", later);
      window.clearTimeout(timer);
      stopWatching?.();
    };
  }, []);

  return (
    <footer className="pwa">
      {waiting && (
        <div className="banner update" role="status" data-testid="update-prompt">
          <p>A new version of the app is ready. Finish any signature in progress first.</p>
          <button
            type="button"
            onClick={() => {
              sessionStorage.setItem("numi:update-accepted", "1");
              waiting.postMessage({ type: "SKIP_WAITING" });
            }}
          >
            Reload to update
          </button>
        </div>
      )}
      {installEvent && (
        <button
          type="button"
          className="secondary"
          onClick={async () => {
            await installEvent.prompt();
            await installEvent.userChoice;
            setInstallEvent(null);
          }}
        >
          Install app
        </button>
      )}
      {ios && (
        <>
          <button type="button" className="secondary" aria-expanded={showIos} onClick={() => setShowIos(!showIos)}>
            Install on iPhone or iPad
          </button>
          {showIos && <p>In Safari, tap the Share button, then “Add to Home Screen”.</p>}
        </>
      )}
      <p className="muted small">NumiCoin never asks for your seed phrase, private key or password.</p>
    </footer>
  );
}
