#!/usr/bin/env bash
# Installs what the build needs, idempotently: the wasm target, binaryen's wasm-opt (npm,
# project-local under .tools/), wasm-lower (tools/wasm-lower) and cosmwasm-check.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi

if ! "$WASM_OPT" --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then
  mkdir -p "$TOOLS/binaryen"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS/binaryen" "binaryen@$BINARYEN_VERSION"
fi
"$WASM_OPT" --version

# Cargo rebuilds it only when its sources change; an explicit target dir so $WASM_LOWER is its path
# whatever CARGO_TARGET_DIR says.
cargo build --release --locked --quiet --manifest-path "$WASM_LOWER_DIR/Cargo.toml" \
  --target-dir "$WASM_LOWER_DIR/target"

if ! cosmwasm-check --version 2>/dev/null | grep -q "$COSMWASM_CHECK_VERSION"; then
  cargo install cosmwasm-check --version "$COSMWASM_CHECK_VERSION" --locked
fi
cosmwasm-check --version
