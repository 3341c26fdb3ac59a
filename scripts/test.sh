#!/usr/bin/env bash
# Runs every test of 应诉通, in order, stopping at the first failure. Installs what is missing.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
START=$(date +%s)
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
fail() { printf '\n\033[31m测试失败：%s\033[0m\n' "$*" >&2; exit 1; }

step "安装/检查工具"
bash scripts/setup.sh test || fail "工具安装"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# The version the page shows (the same for every step, so no step rebuilds for another's sake).
YINGSU_VERSION="$(bash scripts/version.sh)"
export YINGSU_VERSION

step "cargo fmt --check"
cargo fmt --all --check || fail "代码格式（运行 cargo fmt --all）"

step "cargo clippy --all-targets --all-features -- -D warnings（含基准入口 --features bench）"
cargo clippy --workspace --all-targets --all-features -- -D warnings || fail "clippy"

step "规则引擎不依赖 Web 库"
if cargo tree -p yingsu-engine -e normal | grep -E 'leptos|web-sys|wasm-bindgen|gloo'; then fail "yingsu-engine 依赖了 Web 库"; fi

step "cargo test（原生）"
cargo test --workspace || fail "cargo test"

step "trunk build --release（离线，wasm-opt 开启）"
TRUNK_OFFLINE=true trunk build --release || fail "trunk build"

step "发布包（release/yingsu-$YINGSU_VERSION.zip：静态网站、应诉通.html、部署说明、SHA256SUMS）"
NO_BUILD=1 bash scripts/package.sh || fail "发布包"

step "端到端测试（headless Chromium）"
node --test --test-concurrency=1 tests/e2e/ || fail "端到端测试"

step "体积"
node scripts/sizes.mjs dist

echo
echo "全部测试通过，用时 $(( $(date +%s) - START )) 秒"
