#!/usr/bin/env bash
# The figures of issue 9: the integration write (POST /api/universalconsent/integration/{id}:
# a durable commit with its ledger entry and projection; with a webhook subscription, also the
# delivery and its outbox job, delivered to a receiver on loopback) and the consent-given check,
# each against GET /healthz on the same release server (scripts/build.sh), under the same load
# generator (server/examples/load.rs: keep-alive connections, no client library), in one run;
# once on SQLite (WAL, synchronous FULL) and once on PostgreSQL.
#
# BENCH_SECONDS (default 8) per route, BENCH_CONNECTIONS (default 16). PostgreSQL comes from
# ASSENT_TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres), where the run
# creates and drops a database of its own; BENCH_DATABASES=sqlite skips it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if [ -z "${BENCH_ONE:-}" ]; then
  cargo build --quiet --release -p server --example load
  for db in ${BENCH_DATABASES:-sqlite postgres}; do
    BENCH_ONE="$db" "$0"
  done
  exit 0
fi

. "$root/scripts/scratch-server.sh"
admin_url="${ASSENT_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
if [ "$BENCH_ONE" = postgres ]; then
  name="assent_bench_$(date +%s)_$$"
  psql -q "$admin_url" -c "CREATE DATABASE $name" >/dev/null
  export SCRATCH_DATABASE_URL="${admin_url%/*}/$name"
fi
drop_db() { [ "$BENCH_ONE" != postgres ] || psql -q "$admin_url" -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" >/dev/null; }

lots=100000000
start_scratch_server --api-rate-per-minute $lots --integration-rate-per-address-per-minute $lots \
  --integration-rate-per-minute $lots --webhook-allow-cidrs 127.0.0.0/8
trap '[ -z "$scratch_pid" ] || kill "$scratch_pid" 2>/dev/null || true; [ -z "${receiver_pid:-}" ] || kill "$receiver_pid" 2>/dev/null || true; drop_db; rm -rf "$work"' EXIT

# A webhook receiver that answers 204 to everything and counts what it got.
python3 - "$work/received" <<'PY' &
import http.server, sys, threading
count = 0
lock = threading.Lock()
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        global count
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(204); self.end_headers()
        with lock:
            count += 1
            open(sys.argv[1], "w").write(str(count))
    def log_message(self, *a): pass
s = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
open(sys.argv[1] + ".port", "w").write(str(s.server_address[1]))
s.serve_forever()
PY
receiver_pid=$!
for _ in $(seq 1 50); do [ -s "$work/received.port" ] && break; sleep 0.1; done

python3 - "$url" "$key" "$root/target/release/examples/load" "$BENCH_ONE" "$(cat "$work/received.port")" "$work/received" \
  "${BENCH_SECONDS:-8}" "${BENCH_CONNECTIONS:-16}" <<'PY'
import json, subprocess, sys, time, urllib.request
base, key, load, db, receiver_port, received, seconds, conns = sys.argv[1:]
addr = base.removeprefix("http://")
api = {"X-API-Key": key, "Content-Type": "application/json"}

def call(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    return json.load(urllib.request.urlopen(urllib.request.Request(base + path, data=data, headers=api, method=method)))

quiet = call("POST", "/api/v1/integrations", {"name": "Quiet site"})["id"]
watched = call("POST", "/api/v1/integrations", {"name": "Watched site"})["id"]
call("POST", "/api/universalconsent/subscribe", {"Reference": "Watched site", "WebhookUrl": f"http://127.0.0.1:{receiver_port}/hook"})
client = call("POST", "/api/universalconsent", {"ConsentGiven": "All", "CustomUserId": "ada@example.com", "Reference": "terms"})["ClientId"]

def run(method, path, body="", headers=()):
    out = subprocess.run([load, addr, method, path, conns, seconds, body, *headers], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)

rows = [
    ("GET /healthz (no-op)", run("GET", "/healthz")),
    ("integration write", run("POST", f"/api/universalconsent/integration/{quiet}", '{"ConsentGiven":"All"}')),
    ("integration write + webhook", run("POST", f"/api/universalconsent/integration/{watched}", '{"ConsentGiven":"All"}')),
    ("consent-given check", run("GET", f"/api/universalconsent/consent-given?ClientId={client}&Reference=terms", "", [f"X-API-Key: {key}"])),
]
time.sleep(3)
base_rps = rows[0][1]["rps"]
print(f"\n{db}: {conns} connections, {seconds} s per route")
print(f"{'route':32} {'req/s':>9} {'ratio':>7} {'p50 ms':>8} {'p99 ms':>8}  statuses")
for name, r in rows:
    print(f"{name:32} {r['rps']:>9.0f} {r['rps'] / base_rps:>7.3f} {r['p50_ms']:>8.2f} {r['p99_ms']:>8.2f}  {r['statuses']}")
written = rows[2][1]["statuses"].get("200", 0)
try:
    got = int(open(received).read())
except (FileNotFoundError, ValueError):
    got = 0
print(f"webhook deliveries received within 3 s of the run: {got} of {written}")
PY
