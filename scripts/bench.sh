#!/usr/bin/env bash
# Benchmarks (not part of the tests' pass/fail): native engine, then WebAssembly in headless Chromium side
# by side with PapaParse, interaction with 1,000 / 10,000 / 20,000 stored matters (first render, page
# switches, saving one matter beside a bare localStorage.setItem), storage size, start in Chromium 86, 92,
# 109 and the current one with 10,000 matters, transfer size.
# Prints the tables that docs/BENCHMARKS.md holds. RUNS=n sets the runs per interaction figure (default 5).
# The browser part runs on a build with the benchmark's entry points (--features bench, dist-bench/); the
# transfer size is the page that ships (dist/, without them).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/setup.sh test
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
YINGSU_VERSION="$(bash scripts/version.sh)"
export YINGSU_VERSION
echo "## Native (cargo run --release --example bench)"
cargo run -q --release -p yingsu-engine --example bench
TRUNK_OFFLINE=true trunk build --release --features bench --dist dist-bench >/dev/null 2>&1
echo
node scripts/bench-browser.mjs dist-bench
echo
node scripts/bench-start.mjs dist-bench
TRUNK_OFFLINE=true trunk build --release >/dev/null 2>&1
echo
echo "## Transfer size (the page that ships)"
node scripts/sizes.mjs dist
