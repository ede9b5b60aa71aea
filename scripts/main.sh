#!/usr/bin/env bash
# The main job: build the optimized contracts, validate them, print sizes and checksums, then
# run the demo: the suite bootstrapped on the embedded chain, walking its main flows.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

bash scripts/build.sh
section "checksums.txt"
cat artifacts/checksums.txt
section "demo (embedded chain)"
cargo run --quiet --locked -p commons-e2e --bin demo
