#!/usr/bin/env bash
# `npm run lint`: every source file of every workspace, zero warnings. Solidity: solhint and
# prettier-plugin-solidity. TypeScript: tsc per project, ESLint, Prettier, madge (no import cycles) and the
# workspace boundary check (no relative import across workspaces). Prometheus alert rules: promtool.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PWD/node_modules/.bin:$PATH"

step() {
  echo "lint: $1"
  shift
  "$@"
}

step "solhint" solhint --max-warnings 0 'contracts/**/*.sol'
step "promtool check rules (alert rules)" promtool check rules ops/prometheus/numi.rules.yml
step "compile (typechain types for tsc)" hardhat compile --quiet
step "tsc (root, miner, sdk, history, indexer, frontend)" bash -c \
  'tsc --noEmit && tsc --noEmit -p miner && tsc --noEmit -p sdk && tsc --noEmit -p history && tsc --noEmit -p indexer && tsc --noEmit -p frontend'
step "eslint" eslint . --max-warnings 0
step "prettier" prettier --check --log-level warn 'contracts/**/*.sol' '**/*.{ts,tsx}'
step "madge (root project and workspaces)" madge --circular --no-spinner --extensions ts --ts-config tsconfig.json \
  scripts deploy test ops miner sdk history hardhat.config.ts
step "madge (indexer)" madge --circular --no-spinner --extensions ts --ts-config indexer/tsconfig.json \
  indexer/src indexer/test indexer/bench indexer/ponder.config.ts indexer/ponder.schema.ts
step "madge (dApp)" madge --circular --no-spinner --extensions ts,tsx --ts-config frontend/tsconfig.json \
  frontend/src frontend/tests frontend/e2e
step "workspace boundaries" ts-node --transpile-only scripts/ci/check-boundaries.ts
