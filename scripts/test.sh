#!/usr/bin/env bash
# Installs, builds, type-checks and runs every test, then prints one closing line,
# "N passed, N failed", so a run that tested nothing is visible.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/pnpm.sh

pnpm install --frozen-lockfile
pnpm run build
pnpm run typecheck

status=0
pnpm exec vitest run --reporter=default --reporter=json --outputFile=.vitest-report.json \
  || status=$?
node scripts/test-summary.mjs .vitest-report.json
exit "$status"
