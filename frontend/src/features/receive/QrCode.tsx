"use client";
// QR code drawn locally on a canvas from the bundled generator: no image service, no innerHTML.
import { useEffect, useRef } from "react";
import qrcode from "qrcode-generator";

export function QrCode({ value, label }: { value: string; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const qr = qrcode(0, "M");
    qr.addData(value);
    qr.make();
    const modules = qr.getModuleCount();
    const quiet = 4;
    const scale = Math.floor(220 / (modules + quiet * 2)) || 1;
    el.width = el.height = (modules + quiet * 2) * scale;
    const ctx = el.getContext("2d");
    if (!ctx) return;
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, el.width, el.height);
    ctx.fillStyle = "#000000";
    for (let r = 0; r < modules; r++)
      for (let c = 0; c < modules; c++)
        if (qr.isDark(r, c)) ctx.fillRect((c + quiet) * scale, (r + quiet) * scale, scale, scale);
  }, [value]);
  return <canvas ref={canvas} className="qr" role="img" aria-label={label} data-testid="qr" />;
}
