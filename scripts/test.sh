#!/usr/bin/env bash
# Runs everything CI runs: formatting, lints, all tests, the schema drift check, the wasm
# build with static validation, the TypeScript package (clients/ts) against the built
# artifacts, the real-VM tests of the built artifacts, and the tests of the build's own
# wasm lowering tool (tools/wasm-lower).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

section "tools"
bash scripts/install-tools.sh

section "cargo fmt --check"
cargo fmt --all -- --check

section "cargo clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings

section "cargo test"
test_log="$(mktemp)"
trap 'rm -f "$test_log" "$test_log.vm" "$test_log.ts"' EXIT
cargo test --workspace --locked 2>&1 | tee "$test_log"
passed=$(sed -n 's/^test result: ok\. \([0-9]*\) passed.*/\1/p' "$test_log" | awk '{s += $1} END {print s + 0}')
failed=$(sed -n 's/^test result: [A-Z]*\. [0-9]* passed; \([0-9]*\) failed.*/\1/p' "$test_log" | awk '{s += $1} END {print s + 0}')

section "schema drift"
bash scripts/check-schema.sh

section "wasm build and validation"
bash scripts/build.sh

section "TypeScript package: npm ci, generated clients drift, tsc --strict, JS tests on the artifacts"
# Its failure is reported at the end, after the real-VM tests have run too.
ts_status=0
bash scripts/check-ts.sh 2>&1 | tee "$test_log.ts" || ts_status=$?
bash scripts/check-app.sh 2>&1 | tee -a "$test_log.ts" || ts_status=$?
js_passed=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$test_log.ts" | awk '{s += $1} END {print s + 0}')
js_failed=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$test_log.ts" | awk '{s += $1} END {print s + 0}')

section "real-VM tests of the artifacts (cosmwasm-vm)"
(cd tests/vm && cargo fmt -- --check && cargo test --locked 2>&1 | tee "$test_log.vm")

section "wasm-lower (the build's memory.copy / memory.fill lowering): each module run before and after"
(cd "$WASM_LOWER_DIR" && cargo fmt -- --check && cargo clippy --all-targets --locked --target-dir target -- -D warnings &&
  cargo test --locked --target-dir target 2>&1 | tee -a "$test_log.vm")
vm_passed=$(sed -n 's/^test result: ok\. \([0-9]*\) passed.*/\1/p' "$test_log.vm" | awk '{s += $1} END {print s + 0}')
passed=$((passed + vm_passed))

section "summary"
echo "cargo test: $passed passed, $failed failed"
echo "clients/ts (node --test): $js_passed passed, $js_failed failed"
if [ "$ts_status" -ne 0 ]; then
  echo "clients/ts failed: see its generated clients drift, tsc --strict and test sections above" >&2
fi
passed=$((passed + js_passed))
failed=$((failed + js_failed))
echo "$passed passed, $failed failed"
exit "$ts_status"
