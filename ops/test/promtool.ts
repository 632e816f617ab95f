// Runs Debian's promtool (the prometheus package; .ci/run installs it) and returns what it printed.
import { spawnSync } from "node:child_process";

export function promtool(...args: string[]): { ok: boolean; output: string } {
  const run = spawnSync("promtool", args, { encoding: "utf8" });
  if (run.error) {
    throw new Error(
      `promtool could not run (${run.error.message}): apt-get install --no-install-recommends prometheus`,
    );
  }
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}
