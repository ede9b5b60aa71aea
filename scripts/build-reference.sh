#!/usr/bin/env bash
# Builds the reference contracts in bench/reference with the same settings as scripts/build.sh
# into artifacts/reference/, validates them and prints their sizes. Not part of the tests.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

bash scripts/install-tools.sh
section "reference contracts (bench/reference)"
(cd bench/reference && RUSTFLAGS="$WASM_RUSTFLAGS" cargo build --release --lib --target wasm32-unknown-unknown)
mkdir -p artifacts/reference
for raw in bench/reference/target/wasm32-unknown-unknown/release/*.wasm; do
  name="$(basename "$raw" .wasm)"
  name="${name//_/-}"
  name="${name%-ref}"
  optimize_wasm "$raw" "artifacts/reference/$name.wasm"
done
cosmwasm-check artifacts/reference/*.wasm
printf '%-32s %10s\n' "reference" "bytes"
for f in artifacts/reference/*.wasm; do
  printf '%-32s %10s\n' "$(basename "$f")" "$(stat -c%s "$f")"
done
