# Shared settings for the Commons scripts (sourced, not run).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
WASM_OPT="$TOOLS/binaryen/node_modules/.bin/wasm-opt"
# Built by install-tools.sh from tools/wasm-lower (its own workspace, own target dir).
WASM_LOWER_DIR="$ROOT/tools/wasm-lower"
WASM_LOWER="$WASM_LOWER_DIR/target/release/wasm-lower"
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

# Optimizes raw wasm $1 into $2. wasm-lower first turns memory.copy / memory.fill (chains reject
# bulk memory) into calls of word-wise loops: binaryen's --llvm-memory-copy-fill-lowering copies one
# byte per iteration, ~4,600 gas a byte. wasm-opt then rejects any bulk-memory op left (not enabled),
# lowers sign-extension ops and optimizes for size.
optimize_wasm() {
  local raw="$1" out="$2"
  "$WASM_LOWER" "$raw" "$out.lowered"
  "$WASM_OPT" -Os --signext-lowering "$out.lowered" -o "$out"
  rm "$out.lowered"
}

section() {
  printf '\n==== %s ====\n' "$*"
}
