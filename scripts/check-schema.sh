#!/usr/bin/env bash
# Fails when the committed schema differs from a fresh generation.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

bash scripts/schema.sh
if [ -n "$(git status --porcelain -- schema)" ]; then
  echo "schema/ is out of date with the contract messages; run scripts/schema.sh and commit:" >&2
  git status --porcelain -- schema >&2
  git --no-pager diff --stat -- schema >&2
  exit 1
fi
echo "schema/ matches the code"
