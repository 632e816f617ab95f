#!/usr/bin/env bash
# `npm run test:symbolic`: the Halmos proofs in test/foundry/symbolic (`check_` functions, proved for every input).
# Self-sufficient for a fresh clone (CI): creates .venv-halmos (git-ignored; kept apart from Slither's .venv-audit so
# neither tool's pinned dependencies move the other's) with a pinned halmos when it is missing.
# Halmos runs `forge build` itself: the npm forge (node_modules/.bin) must be on PATH, and foundry.toml writes
# artifacts to out-forge. Exits non-zero if any proof fails, times out, or finds nothing to prove.
set -euo pipefail
cd "$(dirname "$0")/../.."

HALMOS_VERSION="0.3.3"
venv=".venv-halmos"
# Per solver query; a query that needs longer counts as a failure (TIMEOUT), never as a pass.
ASSERTION_TIMEOUT="${HALMOS_ASSERTION_TIMEOUT:-60s}"

source scripts/ci/venv.sh
ensure_venv "$venv" "halmos --version" "halmos $HALMOS_VERSION" "halmos==$HALMOS_VERSION"

export PATH="$PWD/node_modules/.bin:$PATH"
# Halmos needs the AST in the artifacts; `forge test` writes out-forge without it, and halmos then skips the
# contracts it cannot parse (a warning, exit 0). Its own build directory keeps the two apart.
export FOUNDRY_OUT=out-halmos FOUNDRY_CACHE_PATH=cache_halmos
log="$(mktemp)"
trap 'rm -rf "$log"' EXIT
# Only the symbolic suites: the fuzz/invariant contracts have no check_ functions anyway, and naming them keeps
# halmos from scanning every test contract. Per-proof options (loop bounds) are @custom:halmos tags in the tests.
set +e
"$venv/bin/halmos" --forge-build-out "$FOUNDRY_OUT" --match-contract 'SymbolicTest$' \
  --solver-timeout-assertion "$ASSERTION_TIMEOUT" --no-status 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# halmos prints one "Symbolic test result: N passed; M failed; time: ..." line per contract; TIMEOUT counts as failed.
if ! grep -q 'Symbolic test result:' "$log"; then
  echo "halmos: no proofs ran (exit $status)" >&2
  exit 1
fi
if [ "$status" -ne 0 ] || grep -Eq '\[(FAIL|TIMEOUT|ERROR)\]|; [1-9][0-9]* failed' "$log"; then
  echo "halmos: a proof failed or timed out (exit $status)" >&2
  exit 1
fi
# Every proof contract must have run: a contract halmos skipped (unparsable artifact) is a failure, not a pass.
for contract in $(grep -ho 'contract [A-Za-z0-9_]*SymbolicTest\b' test/foundry/symbolic/*.sol | cut -d' ' -f2); do
  # halmos wraps its lines at the terminal width (CI has none): search the log with line breaks removed.
  if ! tr -d '\n' <"$log" | grep -Eq "Running [0-9]+ tests for *[^ ]*:$contract([^A-Za-z0-9_]|\$)"; then
    echo "halmos: $contract did not run (see the warnings above)" >&2
    exit 1
  fi
done

