#!/usr/bin/env bash
# The TypeScript package (clients/ts): installs it from its lockfile, fails when its generated
# clients differ from a fresh generation from schema/ (like scripts/check-schema.sh), type-checks
# it with `tsc --strict`, and runs its tests: the deploy and SPEC flows 2-4 on the built
# artifacts in a simulator, and the checks of every JSON and TypeScript example in README.md and
# docs/. Needs artifacts/ (scripts/build.sh). Every step runs even when an earlier one failed,
# so one report shows them all; the script fails if any did.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT/clients/ts"

status=0
section "npm ci (clients/ts)"
npm ci --no-audit --no-fund --loglevel=error

section "generated clients drift (clients/ts/src/generated)"
npm run --silent generate
if [ -n "$(git status --porcelain -- src/generated)" ]; then
  echo "clients/ts/src/generated/ is out of date with schema/; run 'npm run generate' in clients/ts and commit:" >&2
  git status --porcelain -- src/generated >&2
  status=1
else
  echo "clients/ts/src/generated/ matches schema/"
fi

section "tsc --strict (clients/ts)"
rm -rf dist
# tsc still writes the JavaScript when a file has type errors, so the tests below run anyway
if npx tsc -p . --strict; then
  echo "tsc --strict: no errors"
else
  echo "tsc --strict reported errors (above)" >&2
  status=1
fi

section "JavaScript tests (clients/ts)"
if ! node scripts/run-tests.mjs; then
  status=1
fi
exit "$status"
