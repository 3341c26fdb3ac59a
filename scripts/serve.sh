#!/usr/bin/env bash
# Builds the release app and serves it at http://127.0.0.1:8080 (PORT to change). Installs what is missing.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/setup.sh" build
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
cd "$ROOT"
TRUNK_OFFLINE=true trunk build --release
PORT="${PORT:-8080}"
echo "应诉通已构建。打开 http://127.0.0.1:$PORT/ （Ctrl+C 停止）"
exec node "$ROOT/scripts/static-server.mjs" "$ROOT/dist" "$PORT"
