#!/usr/bin/env bash
# Fuzzes the API with Schemathesis: the release server (scripts/build.sh) on a fresh SQLite
# database, one organisation, a key with both scopes, and every operation of /api/openapi.json.
# The run fails on any 5xx, any response the document does not describe (status, headers, body),
# and any request without or with wrong credentials that succeeds.
#
# The document states each parser's rules as patterns and bounds, in their canonical form; the
# parsers are more lenient (they trim white space, and read "" as "not given"), so Schemathesis's
# checks that valid data is accepted and invalid data refused report that leniency as well as
# real gaps. FUZZ_STRICT=1 runs them too, to review the document against the parsers.
#
# Not fuzzed: revoking API keys (the run would revoke its own key) and logging out; the HTTP
# tests cover both.
#
# FUZZ_SEED (default 1) and FUZZ_EXAMPLES (examples per operation, default 50) vary the run;
# the default is fixed so a failure reproduces.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/scripts/scratch-server.sh"

schemathesis="$(command -v schemathesis || true)"
# pip may put it where PATH does not look: the interpreter's or the user's scripts directory.
for dir in "$(python3 -c 'import sysconfig; print(sysconfig.get_path("scripts"))')" "$(python3 -m site --user-base)/bin"; do
  [ -n "$schemathesis" ] || [ ! -x "$dir/schemathesis" ] || schemathesis="$dir/schemathesis"
done
[ -n "$schemathesis" ] || { echo "fuzz-api: schemathesis is missing; run scripts/setup.sh --browser" >&2; exit 1; }

# Rate limits would turn the fuzzer's thousands of requests into 429s.
start_scratch_server --api-rate-per-minute 1000000 --decisions-per-address-per-minute 1000000 \
  --integration-rate-per-address-per-minute 1000000

echo "fuzz-api: $url, seed ${FUZZ_SEED:-1}, ${FUZZ_EXAMPLES:-50} examples per operation"
lenient=(--exclude-checks positive_data_acceptance,negative_data_rejection)
[ -z "${FUZZ_STRICT:-}" ] || lenient=()
fuzz() {
  # From the scratch directory: Schemathesis keeps a cache in the working directory.
  (cd "$work" && "$schemathesis" run "$url/api/openapi.json" \
    -H "X-API-Key: $key" -H "X-Org-Id: acme" \
    --checks all "${lenient[@]}" \
    --generation-with-security-parameters false \
    --max-examples "${FUZZ_EXAMPLES:-50}" --seed "${FUZZ_SEED:-1}" \
    --no-color --request-timeout 10 --generation-database none "$@")
}
status=0
# The key is sent as given (-H): Schemathesis invents no credentials of its own, and its
# ignored_auth check still sends each request without them and with wrong ones.
fuzz --exclude-operation-id api_keys.revoke --exclude-operation-id session.logout \
  --exclude-operation-id session.login || status=$?
# Login on its own, without the stateful phase: the fuzzer cannot know a password, so every
# scenario that began with a login would end there (and after ten failures, in a 429).
fuzz --include-operation-id session.login --phases examples,coverage,fuzzing || status=$?

if grep -q "panicked" "$work/server.log"; then
  echo "fuzz-api: the server panicked:" >&2
  grep -A5 "panicked" "$work/server.log" >&2
  status=1
fi
exit $status
