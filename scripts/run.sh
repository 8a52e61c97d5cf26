#!/usr/bin/env bash
# Sets up a fresh machine, builds, and starts Assent on http://127.0.0.1:3000 with embedded
# SQLite under ./data. Extra arguments go to `assent serve` (e.g. --listen 0.0.0.0:3000).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scripts/build.sh
exec target/release/assent serve "$@"
