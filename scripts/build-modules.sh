#!/usr/bin/env bash
# Builds the page's two on-demand WebAssembly modules beside it, and compat.html (the page for Chromium
# 86–96), run by Trunk after each build (Trunk.toml
# [[hooks]] post_build) into its staging folder:
#   yingsu-docx.js / yingsu-docx_bg.wasm  the Word export (crates/docx-wasm), fetched on the first 导出 Word
#   yingsu-more.js / yingsu-more_bg.wasm  the 报表 and 导入导出 pages (crates/more-wasm), fetched the first
#                                         time one of them is opened
# Neither is part of what a browser downloads to open the page.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${TRUNK_STAGING_DIR:-$ROOT/dist}"
PROFILE="${TRUNK_PROFILE:-release}"
cd "$ROOT"
flags=(--target wasm32-unknown-unknown -p yingsu-docx -p yingsu-more)
[ "$PROFILE" = release ] && flags+=(--release)
cargo build "${flags[@]}"
TARGET_DIR="$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')"
for m in docx more; do
  wasm-bindgen --target web --no-typescript --out-dir "$OUT" --out-name "yingsu-$m" \
    "$TARGET_DIR/wasm32-unknown-unknown/$PROFILE/yingsu_$m.wasm"
  if [ "$PROFILE" = release ]; then
    wasm-opt --output="$OUT/yingsu-${m}_bg.wasm" -Oz "$OUT/yingsu-${m}_bg.wasm"
  fi
done
# The start scripts without their comments, and compat.html: the page for Chromium 86–96, whose policy also
# names 'unsafe-eval' (scripts/page-files.mjs).
node scripts/page-files.mjs "$OUT"
