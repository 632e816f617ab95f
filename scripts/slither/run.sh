#!/usr/bin/env bash
# `npm run slither`: Slither on the Hardhat project, gated by scripts/slither/gate.js.
# Self-sufficient for a fresh clone (CI): creates .venv-audit with a pinned Slither when it is missing.
# Slither compiles through crytic-compile (`hardhat compile --force`), which rewrites artifacts/ and cache/:
# run it where nothing else is reading them (CI runs steps one after another; on a shared tree use a copy).
# Output: audits/slither/slither.{txt,sarif} (paths made relative), audits/slither/slither.json (the part of the 600 KB
# JSON the gate reads: findings with their source mappings and a sha256 of each source file, no absolute paths), then
# the gate's verdict on it in audits/slither/gate.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$(pwd)"

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

mkdir -p audits/slither
for f in slither.txt slither.sarif; do
  # Absolute paths differ per machine; keep the committed reports reproducible.
  sed "s#$root/##g; s#$root#.#g" "$work/$f" >"audits/slither/$f"
done
node scripts/slither/gate.js --compact "$work/slither.json" >audits/slither/slither.json
node scripts/slither/gate.js audits/slither/slither.json scripts/slither/triage.json | tee audits/slither/gate.txt
