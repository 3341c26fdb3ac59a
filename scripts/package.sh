#!/usr/bin/env bash
# The release bundle for agencies: builds the release app (version = Cargo version + short commit + build
# date, shown in the page) and writes release/yingsu-<version>.zip with the static site (yingsu/), the
# single self-contained file 应诉通.html, 部署说明.txt and SHA256SUMS. See scripts/package.mjs.
#   NO_BUILD=1 bash scripts/package.sh   packages the dist/ that is already there (scripts/test.sh builds it
#                                        itself, with the same version, just before)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# With NO_BUILD=1 the version is the one dist/ was built with (scripts/test.sh exports it); a commit made
# since must not rename the bundle away from what its page shows.
if [ "${NO_BUILD:-0}" != 1 ] || [ -z "${YINGSU_VERSION:-}" ]; then YINGSU_VERSION="$(bash scripts/version.sh)"; fi
export YINGSU_VERSION
if [ "${NO_BUILD:-0}" != 1 ]; then
  bash scripts/setup.sh build
  echo "构建 应诉通 $YINGSU_VERSION（发布版）"
  TRUNK_OFFLINE=true trunk build --release
fi
node scripts/package.mjs "$YINGSU_VERSION" dist release
