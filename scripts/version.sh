#!/usr/bin/env bash
# Prints this build's version: <Cargo version>-<short commit>-<build date, UTC>, e.g. 0.1.0-1a2b3c4-20261130,
# with "-modified" when the work tree has uncommitted changes. The build reads it from YINGSU_VERSION
# (yingsu_engine::VERSION); scripts/package.sh and scripts/test.sh set it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
CARGO_VERSION="$(awk '/^\[workspace.package\]/{w=1} w && /^version *=/{gsub(/[^0-9A-Za-z.+-]|version/,""); print; exit}' Cargo.toml)"
COMMIT="$(git rev-parse --short=7 HEAD 2>/dev/null || echo nogit)"
if [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then COMMIT="$COMMIT-modified"; fi
echo "$CARGO_VERSION-$COMMIT-$(date -u +%Y%m%d)"
