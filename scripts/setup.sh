#!/usr/bin/env bash
# Installs what building (and, with "test", testing) 应诉通 needs, skipping whatever is already there at
# the right version. Sourced by serve.sh and test.sh; safe to run again and again.
#   scripts/setup.sh build   Rust wasm target, Trunk, wasm-bindgen-cli, npm packages (wasm-opt)
#   scripts/setup.sh test    the same plus Debian chromium, chromium-driver, a CJK font, LibreOffice Writer, and Chromium 86/92/109
#                            from npm packages (scripts/old-chromium.mjs)
# Everything comes from crates.io, npm or Debian; nothing downloads a binary from anywhere else.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODE="${1:-build}"
TRUNK_VERSION="0.21.14"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[setup] 失败：%s\033[0m\n' "$*" >&2; exit 1; }

APT_UPDATED=0
apt_install() {
  local missing=()
  # "install ok installed" only: a removed package whose config files remain still answers dpkg -s.
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "需要 Debian 软件包 ${missing[*]}，但本机没有 apt-get"
  if [ "$APT_UPDATED" = 0 ]; then say "apt-get update"; apt-get update -qq || die "apt-get update"; APT_UPDATED=1; fi
  say "apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || die "apt-get install ${missing[*]}"
}

command -v cargo >/dev/null || die "找不到 cargo（本机种类应自带 Rust 工具链）"
command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm

# 1. the wasm target
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown || die "rustup target add wasm32-unknown-unknown"
fi

# 2. Trunk 0.21.14 (0.22 needs a newer rustc than this machine has)
if ! trunk --version 2>/dev/null | grep -q "trunk $TRUNK_VERSION"; then
  say "cargo install trunk $TRUNK_VERSION（首次约 8 分钟）"
  cargo install trunk --version "$TRUNK_VERSION" --locked || die "cargo install trunk"
fi

# 3. wasm-bindgen-cli at exactly the wasm-bindgen version in Cargo.lock (not --locked: its lock file
#    names a crate version the registry lacks)
WB_VERSION="$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/,""); print; exit}' "$ROOT/Cargo.lock")"
[ -n "$WB_VERSION" ] || die "Cargo.lock 中找不到 wasm-bindgen 版本"
if ! wasm-bindgen --version 2>/dev/null | grep -q "wasm-bindgen $WB_VERSION"; then
  say "cargo install wasm-bindgen-cli $WB_VERSION"
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force || die "cargo install wasm-bindgen-cli"
fi

# 4. npm packages: binaryen (wasm-opt, a JS build; Debian's binaryen 108 breaks the page), playwright-core
if [ ! -x "$ROOT/node_modules/.bin/wasm-opt" ] || [ ! -d "$ROOT/node_modules/playwright-core" ] \
   || [ ! -d "$ROOT/node_modules/playwright-core-140" ] \
   || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
  say "npm ci"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci"
fi

# 5. for tests: Debian's Chromium and a CJK font (without one, Chinese renders as boxes)
if [ "$MODE" = "test" ]; then
  # poppler-utils: pdftotext and pdftoppm read the printed reports back in the 公文 tests (small).
  # libreoffice-writer-nogui: e2e 55 opens every exported .docx in LibreOffice, as a clerk's WPS/Word would
  # (without it that test was skipped on every machine, so it checked nothing).
  apt_install chromium chromium-driver fonts-wqy-microhei poppler-utils libreoffice-writer-nogui
  # Chromium 86, 92 and 109 — what 360安全浏览器 13, the UOS browser and Windows 7 run — as headless builds
  # shipped in npm packages (tests/e2e/05-browsers); unpacked once into ~/.cache/yingsu-chromium.
  node "$ROOT/scripts/old-chromium.mjs" >&2 || die "旧版 Chromium（npm 包 chrome-aws-lambda、@sparticuz/chromium）"
fi
say "工具就绪：$(trunk --version)，wasm-bindgen $WB_VERSION，wasm-opt $(wasm-opt --version | head -1)"
