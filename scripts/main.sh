#!/usr/bin/env bash
# The main job: build the optimized contracts, validate them, print sizes and checksums.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

bash scripts/build.sh
section "checksums.txt"
cat artifacts/checksums.txt
