#!/usr/bin/env bash
# Builds the Word export module (crates/docx-wasm) beside the page: yingsu-docx.js and yingsu-docx_bg.wasm.
# Run by Trunk after each build (Trunk.toml [[hooks]] post_build), into its staging folder. The page loads
# the module only when a user asks for a .docx, so it adds nothing to what a browser downloads otherwise.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${TRUNK_STAGING_DIR:-$ROOT/dist}"
PROFILE="${TRUNK_PROFILE:-release}"
cd "$ROOT"
flags=(--target wasm32-unknown-unknown -p yingsu-docx)
[ "$PROFILE" = release ] && flags+=(--release)
cargo build "${flags[@]}"
TARGET_DIR="$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')"
wasm-bindgen --target web --no-typescript --out-dir "$OUT" --out-name yingsu-docx \
  "$TARGET_DIR/wasm32-unknown-unknown/$PROFILE/yingsu_docx.wasm"
if [ "$PROFILE" = release ]; then
  wasm-opt --output="$OUT/yingsu-docx_bg.wasm" -Oz "$OUT/yingsu-docx_bg.wasm"
fi
