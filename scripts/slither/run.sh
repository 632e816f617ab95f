#!/usr/bin/env bash
# `npm run slither`: Slither on the Hardhat project, gated by scripts/slither/gate.js.
# Self-sufficient for a fresh clone (CI): creates .venv-audit with a pinned Slither when it is missing.
# Slither compiles through crytic-compile (`hardhat compile --force`), which rewrites artifacts/ and cache/:
# run it where nothing else is reading them (CI runs steps one after another; on a shared tree use a copy).
# Output: slither.{txt,sarif} (paths made relative), slither.json (the part of the 600 KB JSON the gate reads: findings
# with their source mappings and a sha256 of each source file, no absolute paths), then the gate's verdict on it in
# gate.txt. They go to cache/slither/ (ignored), so `npm test` leaves the tree clean; `npm run slither -- --write`
# records them in audits/slither/ (committed; test/audit/slitherGate.test.ts checks they match the contracts).
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$(pwd)"
out="cache/slither"
[ "${1:-}" = "--write" ] && out="audits/slither"

SLITHER_VERSION="0.11.6"
CRYTIC_COMPILE_VERSION="0.4.2"
venv=".venv-audit"

source scripts/ci/venv.sh
ensure_venv "$venv" "slither --version" "$SLITHER_VERSION" \
  "slither-analyzer==$SLITHER_VERSION" "crytic-compile==$CRYTIC_COMPILE_VERSION"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# --fail-none: the gate below decides, with the triage list, not Slither's own exit code.
set +e
"$venv/bin/slither" . --config-file slither.config.json --fail-none --disable-color \
  --json "$work/slither.json" --sarif "$work/slither.sarif" >"$work/slither.txt" 2>&1
status=$?
set -e
if [ "$status" -ne 0 ] || [ ! -s "$work/slither.json" ]; then
  cat "$work/slither.txt" >&2
  echo "slither: analysis failed (exit $status)" >&2
  exit 1
fi

mkdir -p "$out"
for f in slither.txt slither.sarif; do
  # Absolute paths differ per machine; keep the reports reproducible. npm's own warnings (crytic-compile runs
  # hardhat through npx) are not Slither's output.
  sed "s#$root/##g; s#$root#.#g" "$work/$f" | grep -v '^npm warn' >"$out/$f"
done
node scripts/slither/gate.js --compact "$work/slither.json" >"$out/slither.json"
node scripts/slither/gate.js "$out/slither.json" scripts/slither/triage.json | tee "$out/gate.txt"
