#!/usr/bin/env bash
# The web app (app/): installs Debian's Chromium when it is missing (idempotent), the app from
# its lockfile (npm ci; commons-client is a packed copy of clients/ts, which is built first when
# needed), type-checks it (tsc --strict), builds it with the artifacts (vite build) and runs its
# browser stories (member, provider, client, chain mode's form) in headless Chromium in
# playground mode. Needs artifacts/ (scripts/build.sh). Type errors are reported, and the
# stories still run; the script fails if either did.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

section "Chromium for the browser tests (Debian's chromium package)"
if [ ! -x /usr/bin/chromium ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  started=$(date +%s)
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
  echo "installed chromium in $(($(date +%s) - started)) s"
fi
/usr/bin/chromium --version 2>/dev/null

section "clients/ts build (the app's commons-client)"
cd "$ROOT/clients/ts"
if [ ! -d node_modules ]; then npm ci --no-audit --no-fund --loglevel=error; fi
if [ ! -f dist/src/simulator.js ]; then
  # tsc writes the JavaScript even when a generated client has type errors (check-ts.sh reports those)
  npx tsc -p . >/dev/null || true
fi
test -f dist/src/simulator.js

section "npm ci (app)"
cd "$ROOT/app"
npm ci --no-audit --no-fund --loglevel=error

status=0
section "tsc --strict (app)"
if npx tsc -p .; then
  echo "tsc --strict: no errors"
else
  echo "tsc --strict reported errors (above)" >&2
  status=1
fi

section "vite build (app, with artifacts/)"
rm -rf dist
npx vite build --logLevel warn 2>&1 | grep -v "externalized for browser compatibility" || true
test -f dist/index.html

section "browser tests (app, headless Chromium, playground mode)"
if ! node tests/run.mjs; then
  echo "browser tests failed: the screenshots of each step are in app/test-results/" >&2
  status=1
fi
exit "$status"
