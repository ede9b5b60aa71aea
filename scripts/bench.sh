#!/usr/bin/env bash
# The benchmark: builds our artifacts and the reference contracts with the same settings, then
# measures gas per operation, wasm sizes and scaling in cosmwasm-vm, and writes
# docs/BENCHMARKS.md and docs/benchmarks.json. Not part of the test command.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

bash scripts/build.sh
bash scripts/build-reference.sh
section "benchmark (cosmwasm-vm)"
(cd tests/vm && cargo run --quiet --locked --bin bench)
