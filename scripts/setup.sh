#!/usr/bin/env bash
# Installs what building and testing Assent needs, skipping whatever is already there:
# the wasm target, cargo-leptos 0.3.10, wasm-bindgen-cli (the version in Cargo.lock),
# wasm-opt and playwright-core from npm (end2end/), and, for tests, Debian's Chromium and
# Python's aiosmtpd and Schemathesis.
# Source it (`. scripts/setup.sh`) to get the PATH it sets up.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
want_browser="${1:-}"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! cargo leptos --version 2>/dev/null | grep -q '0\.3\.10'; then
  log "installing cargo-leptos 0.3.10 (about 15 minutes, once)"
  cargo install cargo-leptos@0.3.10 --locked --features no_downloads
fi

wbg_version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$root/Cargo.lock")"
if ! wasm-bindgen --version 2>/dev/null | grep -q " $wbg_version\$"; then
  log "installing wasm-bindgen-cli $wbg_version (the version in Cargo.lock)"
  cargo install wasm-bindgen-cli --version "$wbg_version"
fi

if [ ! -x "$root/end2end/node_modules/.bin/wasm-opt" ] || [ ! -d "$root/end2end/node_modules/playwright-core" ]; then
  log "installing wasm-opt (npm binaryen) and playwright-core"
  (cd "$root/end2end" && npm ci --no-audit --no-fund)
fi
# Debian's wasm-opt 108 emits wasm that crashes Chromium; the npm one must come first.
export PATH="$root/end2end/node_modules/.bin:$PATH"

if [ "$want_browser" = "--browser" ] && ! python3 -c 'import aiosmtpd' 2>/dev/null; then
  log "installing aiosmtpd (the SMTP server the email tests deliver to)"
  python3 -m pip install --quiet aiosmtpd
fi

schemathesis_version=4.32.5
if [ "$want_browser" = "--browser" ] && [ "$(python3 -m pip show schemathesis 2>/dev/null | sed -n "s/^Version: //p")" != "$schemathesis_version" ]; then
  log "installing Schemathesis $schemathesis_version (the API fuzzer)"
  python3 -m pip install --quiet "schemathesis==$schemathesis_version"
fi

if [ "$want_browser" = "--browser" ] && [ ! -x /usr/bin/chromium ]; then
  log "installing Debian's chromium"
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
fi
