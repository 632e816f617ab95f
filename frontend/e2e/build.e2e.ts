// The production build's startup scripts carry the V8 compile hint (webpack/compileHints.ts); chunks that are
// only imported on demand do not, so code a visitor may never run is still compiled lazily.
import { describe, expect, inject, test } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { FRONTEND } from "./stack";
import { startupScripts } from "./startupScripts";
import { COMPILE_HINT } from "../webpack/compileHints";

const appUrl = inject("appUrl");

describe("build output", () => {
  test("every script a route loads at startup begins with the compile hint", async () => {
    for (const route of ["/", "/mine", "/governance"]) {
      const srcs = await startupScripts(appUrl, route);
      expect(srcs.length, route).toBeGreaterThan(3);
      for (const src of srcs) {
        const body = await (await fetch(src)).text();
        expect(body.startsWith(COMPILE_HINT), `${route}: ${src}`).toBe(true);
      }
    }
  });

  test("chunks loaded on demand (dynamic imports) keep lazy compilation", () => {
    const dir = path.join(FRONTEND, ".next", "static", "chunks");
    // webpack names on-demand chunks `<id>.<contenthash>.js`, startup chunks `<id>-<hash>.js`.
    const onDemand = readdirSync(dir).filter((f) => /^\d+\.[0-9a-f]+\.js$/.test(f));
    expect(onDemand.length).toBeGreaterThan(0);
    for (const f of onDemand) expect(readFileSync(path.join(dir, f), "utf8").startsWith(COMPILE_HINT), f).toBe(false);
  });
});
