#!/usr/bin/env bash
# Runs every test: unit, HTTP and CLI tests, the store suite and the kill -9 suite on SQLite
# and PostgreSQL, the browser tests in Debian's Chromium, and the API fuzzer (Schemathesis)
# against the release server.
#
# PostgreSQL: the suite creates (and drops) its own databases on the server at
# ASSENT_TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres). A missing
# server fails the run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scripts/build.sh --browser
. scripts/setup.sh --browser

log="$(mktemp -d)"
trap 'rm -rf "$log"' EXIT
status=0

echo "==> cargo test (backend, server, app)"
# Tests run in parallel: each HTTP test starts its own server on port 0 with a fresh database.
cargo test -p backend -p server -p app --features backend/testing,app/ssr --no-fail-fast 2>&1 | tee "$log/cargo" || status=1

echo "==> browser tests (Chromium)"
(cd end2end && npm test) 2>&1 | tee "$log/e2e" || status=1

echo "==> API fuzzer (Schemathesis)"
scripts/fuzz-api.sh 2>&1 | tee "$log/fuzz" || status=1

# One closing line for the whole run.
read -r passed failed < <(awk '
  /^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
  /^# pass / { p += $3 } /^# fail / { f += $3 }
  /^  [0-9]+ generated, / { if ($0 ~ /found/) f += 1; else p += 1 }
  END { print p + 0, f + 0 }' "$log/cargo" "$log/e2e" "$log/fuzz")
echo "all: $passed passed, $failed failed"
exit $status
