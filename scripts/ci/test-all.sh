#!/usr/bin/env bash
# `npm test`: every suite of the project, in dependency order, each timed. Stops at the first failing suite
# (its output is above), and ends with one line "N passed, N failed" counted from the runners' own summaries.
set -uo pipefail
cd "$(dirname "$0")/../.."
export NEXT_TELEMETRY_DISABLED=1 HARDHAT_DISABLE_TELEMETRY_PROMPT=true FORCE_COLOR=0 NO_COLOR=1
LOG_DIR=$(mktemp -d)
passed=0
failed=0

# suite NAME COMMAND...: runs the command, shows its output, adds its test counts.
suite() {
  local name=$1
  shift
  local log="$LOG_DIR/$name.log" start=$SECONDS
  echo "::: $name: $*"
  "$@" 2>&1 | tee "$log"
  local code=${PIPESTATUS[0]}
  sed -i 's/\x1b\[[0-9;]*m//g' "$log" # colour codes would split the runners' summary lines
  # mocha: "12 passing" / "1 failing"; forge: "N tests passed, M failed"; vitest/playwright: "Tests  N passed";
  # halmos: "Symbolic test result: N passed; M failed; time: 1.23s" (one line per contract)
  local p f
  p=$(grep -Eo '^\s*[0-9]+ passing' "$log" | grep -Eo '[0-9]+' | awk '{s+=$1} END {if (NR) print s}')
  f=$(grep -Eo '^\s*[0-9]+ failing' "$log" | grep -Eo '[0-9]+' | awk '{s+=$1} END {if (NR) print s}')
  if [[ -z $p ]]; then
    p=$(grep -Eo '[0-9]+ tests passed' "$log" | grep -Eo '^[0-9]+' | awk '{s+=$1} END {if (NR) print s}')
    f=$(grep -Eo 'tests passed, [0-9]+ failed' "$log" | grep -Eo '[0-9]+' | awk '{s+=$1} END {if (NR) print s}')
  fi
  if [[ -z $p ]]; then
    p=$(grep -Eo 'Symbolic test result: [0-9]+ passed' "$log" | grep -Eo '[0-9]+' | awk '{s+=$1} END {if (NR) print s}')
    f=$(grep -Eo 'Symbolic test result: [0-9]+ passed; [0-9]+ failed' "$log" | grep -Eo '[0-9]+ failed' | grep -Eo '[0-9]+' | awk '{s+=$1} END {if (NR) print s}')
  fi
  if [[ -z $p ]]; then
    p=$(grep -Eo 'Tests +[0-9]+ passed' "$log" | grep -Eo '[0-9]+' | awk '{s+=$1} END {if (NR) print s}')
    f=$(grep -Eo 'Tests +.*[0-9]+ failed' "$log" | grep -Eo '[0-9]+ failed' | grep -Eo '[0-9]+' | awk '{s+=$1} END {if (NR) print s}')
  fi
  # promtool test rules: "Unit Testing:  <file>" then "  SUCCESS" (or "  FAILED:" and the cases) for each test file,
  # added to the counts above since the alerts suite runs mocha too
  local files successes
  files=$(grep -c '^Unit Testing: ' "$log")
  successes=$(grep -c '^  SUCCESS$' "$log")
  p=$((${p:-0} + successes))
  f=$((${f:-0} + files - successes))
  passed=$((passed + p))
  failed=$((failed + f))
  echo "::: $name: exit $code in $((SECONDS - start))s"
  if [[ $code -ne 0 ]]; then
    [[ ${f:-0} -eq 0 ]] && failed=$((failed + 1)) # a suite that failed without counting a test still fails
    echo "$passed passed, $failed failed"
    exit "$code"
  fi
}

suite lint npm run lint
suite history npm run test -w @numi/history
suite contracts npm run test:contracts
suite alerts npm run test:alerts
suite coverage npm run coverage:check
suite invariants npm run test:invariant
suite symbolic npm run test:symbolic
suite slither npm run slither
suite indexer npm run test:indexer
if [[ -f frontend/package.json ]]; then
  suite frontend-unit npm run test:frontend
  suite e2e npm run test:e2e
  suite pwa npm run test:pwa
  suite start npm run test:start # after the e2e and PWA suites: it reuses their production build
fi
echo "$passed passed, $failed failed"
