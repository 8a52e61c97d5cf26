#!/usr/bin/env bash
# Runs every test: unit, HTTP and CLI tests, the store suite on SQLite and PostgreSQL, and
# the browser tests in Debian's Chromium.
#
# PostgreSQL: the suite creates (and drops) its own databases on the server at
# ASSENT_TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres). A missing
# server fails the run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scripts/build.sh --browser
. scripts/setup.sh --browser

echo "==> cargo test (backend, server)"
cargo test -p backend -p server --no-fail-fast

echo "==> browser tests (Chromium)"
(cd end2end && npm test)
