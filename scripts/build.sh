#!/usr/bin/env bash
# Builds every contract to an optimized artifacts/<crate>.wasm, writes artifacts/checksums.txt,
# and fails unless every artifact passes cosmwasm-check's static validation.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

bash scripts/install-tools.sh

mapfile -t crates < <(contract_crates)
section "cargo build (wasm32, release): ${crates[*]}"
packages=()
for crate in "${crates[@]}"; do packages+=(-p "$crate"); done
RUSTFLAGS="$WASM_RUSTFLAGS" cargo build --release --lib --target wasm32-unknown-unknown --locked "${packages[@]}"

section "wasm-lower + wasm-opt: lower bulk-memory and sign-extension ops, optimize for size"
mkdir -p artifacts
rm -f artifacts/*.wasm artifacts/*.lowered artifacts/checksums.txt
for crate in "${crates[@]}"; do
  optimize_wasm "target/wasm32-unknown-unknown/release/${crate//-/_}.wasm" "artifacts/$crate.wasm"
done
(cd artifacts && sha256sum ./*.wasm | sed 's# \./# #' > checksums.txt)

section "cosmwasm-check $COSMWASM_CHECK_VERSION"
cosmwasm-check artifacts/*.wasm

section "artifacts"
printf '%-32s %10s  %s\n' "artifact" "bytes" "sha256"
for crate in "${crates[@]}"; do
  file="artifacts/$crate.wasm"
  printf '%-32s %10s  %s\n' "$crate.wasm" "$(stat -c%s "$file")" "$(sha256sum "$file" | cut -d' ' -f1)"
done
