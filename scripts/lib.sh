# Shared settings for the Commons scripts (sourced, not run).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
WASM_OPT="$TOOLS/binaryen/node_modules/.bin/wasm-opt"
BINARYEN_VERSION=132
COSMWASM_CHECK_VERSION=3.0.10
# Strip symbols; keep imports undefined (wasm-ld no longer allows that by default from 1.96).
WASM_RUSTFLAGS="-C link-arg=-s -C link-arg=--allow-undefined"

# Contract crates: every contracts/*/Cargo.toml, by package name.
contract_crates() {
  for manifest in "$ROOT"/contracts/*/Cargo.toml; do
    sed -n 's/^name = "\(.*\)"/\1/p' "$manifest" | head -1
  done
}

section() {
  printf '\n==== %s ====\n' "$*"
}
