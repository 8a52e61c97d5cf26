#!/usr/bin/env bash
# Builds the banner wasm, the public pages' bundle, and the dashboard's bundle with the server
# (release), all with cargo-leptos; puts the public bundle beside the dashboard's; and writes
# gzip and brotli copies of the static files.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. scripts/setup.sh "${1:-}"
cargo leptos build --release --project banner --frontend-only
cargo leptos build --release --project public --frontend-only
cargo leptos build --release --project assent
cp target/public-site/pkg/public.js target/public-site/pkg/public.wasm target/site/pkg/
node scripts/precompress.mjs target/site/pkg target/banner-site/pkg
