"use client";
import { useEffect } from "react";

/**
 * Marks the page interactive (html.hydrated): until then the server's HTML shows "Loading the app…" and its controls
 * take no clicks that would be lost (globals.css). Rendered last inside the page's Suspense boundary, which React
 * hydrates after the layout, so its effect runs once both are live.
 */
export function HydratedMark() {
  useEffect(() => {
    document.documentElement.classList.add("hydrated");
  }, []);
  return null;
}
