#!/usr/bin/env bash
# The README's first command: the main job on the bundled example, no AWS account needed.
# Installs and builds, generates 90 days of flow logs for the demo estate, then runs
# analyse and plan and prints the before/after table.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/pnpm.sh

pnpm install --frozen-lockfile --silent >&2
pnpm run --silent build >/dev/null

demo=examples/demo
out=$demo/out
rm -rf "$demo/flow-logs" "$out"
mkdir -p "$out"
pnpm exec tsx $demo/generate-flow-logs.ts $demo/flow-logs >&2

cli() { node packages/cli/dist/bin.js "$@"; }
cli analyse --flow-logs $demo/flow-logs --now 2026-05-28T12:00:00Z --days 90 \
  --out $out/approved.json
echo
cli plan --approved $out/approved.json --estate $demo/estate --max-rules 60 \
  --out $out/plan.json
