#!/usr/bin/env bash
# Builds the banner wasm, the app wasm and the server (release) with cargo-leptos.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. scripts/setup.sh "${1:-}"
cargo leptos build --release --project banner --frontend-only
cargo leptos build --release --project assent
