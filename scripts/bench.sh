#!/usr/bin/env bash
# Benchmarks (not part of the tests' pass/fail): native engine, then WebAssembly in headless Chromium side
# by side with PapaParse, first render of 总览 with 10,000 stored matters, storage size, transfer size.
# Prints the tables that docs/BENCHMARKS.md holds.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/setup.sh test
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
echo "## Native (cargo run --release --example bench)"
cargo run -q --release -p yingsu-engine --example bench
TRUNK_OFFLINE=true trunk build --release >/dev/null 2>&1
echo
node scripts/bench-browser.mjs
echo
echo "## Transfer size"
node scripts/sizes.mjs dist
