#!/usr/bin/env bash
# Starts the web app's development server in one mode, installing what it needs first:
#   bash app/start.sh playground                  # the artifacts in the browser, a demo DAO
#   COMMONS_RPC=https://rpc.example:443 COMMONS_CHAIN_ID=pion-1 COMMONS_GAS_PRICE=0.025untrn \
#     bash app/start.sh chain                       # a deployed suite, deployments/<chain-id>.json, Keplr
# The playground needs artifacts/ (bash scripts/build.sh). PORT (default 5173) picks the port.
set -euo pipefail
mode="${1:-playground}"
case "$mode" in
  playground | chain) ;;
  *) echo "usage: bash app/start.sh playground|chain" >&2; exit 2 ;;
esac
app="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$app")"
if [ "$mode" = playground ] && [ ! -f "$root/artifacts/checksums.txt" ]; then
  echo "no artifacts/: build them first with bash scripts/build.sh" >&2
  exit 1
fi
# commons-client is installed as a packed copy of clients/ts (app/.npmrc: install-links), so
# it is built first and the copy renewed when clients/ts changed
if [ ! -d "$root/clients/ts/node_modules" ]; then (cd "$root/clients/ts" && npm ci --no-audit --no-fund --loglevel=error); fi
if [ ! -f "$root/clients/ts/dist/src/simulator.js" ]; then (cd "$root/clients/ts" && npm run --silent build); fi
cd "$app"
if [ ! -d node_modules ] || ! diff -rq "$root/clients/ts/dist/src" node_modules/commons-client/dist/src >/dev/null 2>&1; then
  npm ci --no-audit --no-fund --loglevel=error
fi
port="${PORT:-5173}"
echo "Commons app ($mode): http://127.0.0.1:$port/?mode=$mode"
exec npx vite --host 127.0.0.1 --port "$port" --strictPort
