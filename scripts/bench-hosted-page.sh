#!/usr/bin/env bash
# The hosted consent page (server-rendered, with its words resolved from the Fluent catalogue)
# against GET /healthz on the same release server (scripts/build.sh), under the same load
# generator (server/examples/load.rs), in one run: in English, in Tamil, in Urdu, and in Tamil
# with the organisation's own wording of two messages; then GET /metrics. SQLite.
#
# BENCH_SECONDS (default 8) per route, BENCH_CONNECTIONS (default 16). ASSENT_BIN runs another
# build of `assent` (an older one, to compare); routes it does not have are skipped.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cargo build --quiet --release -p server --example load
. "$root/scripts/scratch-server.sh"
if [ -n "${ASSENT_BIN:-}" ]; then
  mkdir -p "$root/target/bench-bin" && cp "$ASSENT_BIN" "$root/target/bench-bin/assent"
  start_scratch_server() {
    local assent="$root/target/bench-bin/assent"
    work="$(mktemp -d)"; scratch_pid=""
    trap '[ -z "$scratch_pid" ] || kill "$scratch_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
    "$assent" --data-dir "$work/data" org create --slug acme --name "Acme" --json >/dev/null
    key="$("$assent" --data-dir "$work/data" api-key create --org acme --scopes consent,admin --json | python3 -c 'import json, sys; print(json.load(sys.stdin)["key"])')"
    "$assent" --data-dir "$work/data" serve --listen 127.0.0.1:0 "$@" >"$work/server.log" 2>&1 &
    scratch_pid=$!
    for _ in $(seq 1 100); do url="$(sed -n 's/^Assent is running at \([^ ]*\).*/\1/p' "$work/server.log")"; [ -n "$url" ] && return 0; sleep 0.1; done
    cat "$work/server.log" >&2; exit 1
  }
fi
start_scratch_server --api-rate-per-minute 100000000

python3 - "$url" "$key" "$root/target/release/examples/load" "${BENCH_SECONDS:-8}" "${BENCH_CONNECTIONS:-16}" <<'PY'
import json, subprocess, sys, urllib.error, urllib.request
base, key, load, seconds, conns = sys.argv[1:]
addr = base.removeprefix("http://")
api = {"X-API-Key": key, "X-Org-Id": "acme", "Content-Type": "application/json"}

def call(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    return json.load(urllib.request.urlopen(urllib.request.Request(base + path, data=data, headers=api, method=method)))

asset = call("POST", "/api/v1/assets", {"name": "App"})["id"]
call("POST", "/api/v1/collection-points", {"asset_id": asset, "name": "Signup", "display_id": "CP001",
     "purposes": [{"name": "Account", "description": "Run your account", "required": True},
                  {"name": "Offers", "description": "Send you offers", "data_categories": ["phone", "email"]}],
     "notices": {"en": "We use your phone number to run your account.", "ta": "உங்கள் கணக்கை இயக்க உங்கள் தொலைபேசி எண்ணைப் பயன்படுத்துகிறோம்."}})
link = call("POST", "/api/consent/consent-links", {"collection_point_id": "CP001", "asset_id": asset, "phone": "+919876543210"})["consent_link"]
path = link.removeprefix(base)

def run(path):
    out = subprocess.run([load, addr, "GET", path, conns, seconds, ""], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)

rows = [("GET /healthz (no-op)", run("/healthz")), ("hosted page, English", run(path)), ("hosted page, Tamil", run(path + "?lang=ta")),
        ("hosted page, Urdu", run(path + "?lang=ur"))]
try:
    call("PUT", "/api/v1/translations/ta", {"overrides": {"page-approve": "சரி", "page-asks-consent": "{ $org } உங்கள் அனுமதியைக் கேட்கிறது"}})
    rows.append(("hosted page, Tamil + 2 overrides", run(path + "?lang=ta")))
except urllib.error.HTTPError:
    pass
rows.append(("GET /metrics", run("/metrics")))
base_rps = rows[0][1]["rps"]
print(f"\n{conns} connections, {seconds} s per route")
print(f"{'route':34} {'req/s':>9} {'ratio':>7} {'p50 ms':>8} {'p99 ms':>8}  statuses")
for name, r in rows:
    print(f"{name:34} {r['rps']:>9.0f} {r['rps'] / base_rps:>7.3f} {r['p50_ms']:>8.2f} {r['p99_ms']:>8.2f}  {r['statuses']}")
PY
