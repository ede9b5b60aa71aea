#!/usr/bin/env bash
# Regenerates schema/<crate>.json for every contract. cosmwasm-schema writes into ./schema and
# clears the .json files it finds there, so each crate is generated in a scratch directory and
# only its combined schema is kept.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

mkdir -p schema
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
for manifest in contracts/*/Cargo.toml; do
  [ -f "$(dirname "$manifest")/src/bin/schema.rs" ] || continue
  crate="$(sed -n 's/^name = "\(.*\)"/\1/p' "$manifest" | head -1)"
  dir="$scratch/$crate"
  mkdir -p "$dir"
  (cd "$dir" && cargo run --quiet --locked --manifest-path "$ROOT/Cargo.toml" --bin schema -p "$crate" > /dev/null)
  cp "$dir/schema/$crate.json" "schema/$crate.json"
  echo "schema/$crate.json"
done
