#!/usr/bin/env bash
# The decision flood of issue 8: one consent link, one client posting Approve and Decline in
# turn as fast as it can for 8 s, against the release server (scripts/build.sh) on a fresh
# SQLite database. Prints what was answered and recorded, then the median latency of the
# link's status endpoint and its page against /healthz on the same server.
#
# FLOOD_SERVE_ARGS adds `assent serve` options, e.g.
# FLOOD_SERVE_ARGS="--decisions-per-address-per-minute 1000000" to see the per-link limit alone.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/scripts/scratch-server.sh"
# shellcheck disable=SC2086 # FLOOD_SERVE_ARGS is a list of options
start_scratch_server ${FLOOD_SERVE_ARGS:-}

python3 - "$url" "$key" <<'PY'
import collections, json, sys, time, urllib.error, urllib.parse, urllib.request

base, key = sys.argv[1:]
api = {"X-API-Key": key, "X-Org-Id": "acme", "Content-Type": "application/json"}

def call(path, body=None):
    data = None if body is None else json.dumps(body).encode()
    return json.load(urllib.request.urlopen(urllib.request.Request(base + path, data=data, headers=api)))

asset = call("/api/v1/assets", {"name": "Shop"})["id"]
call("/api/v1/collection-points", {"asset_id": asset, "name": "Signup", "display_id": "CP010",
     "purposes": [{"name": "Marketing"}, {"name": "Analytics"}], "notices": {"en": "We use your data."}})
link = call("/api/consent/consent-links", {"collection_point_id": "CP010", "asset_id": asset, "phone": "+919876543210"})

page_path = urllib.parse.urlsplit(link["consent_link"]).path

class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None

opener = urllib.request.build_opener(NoRedirect)
answers = collections.Counter()
posts = 0
end = time.time() + 8
while time.time() < end:
    # As the page's own client posts its form to the decision's server function (JSON answers,
    # so a refusal is a 429 rather than a redirect to the page that says so).
    form = f"link={urllib.parse.quote(page_path, safe='')}&decision=".encode() + (b"approve" if posts % 2 == 0 else b"decline")
    posts += 1
    try:
        answers[opener.open(urllib.request.Request(base + "/_server/consent_decision", data=form, headers={"Accept": "application/json"})).status] += 1
    except urllib.error.HTTPError as e:
        answers[e.code] += 1

def median_ms(path, headers=None):
    times = []
    for _ in range(31):
        start = time.perf_counter()
        urllib.request.urlopen(urllib.request.Request(path, headers=headers or {})).read()
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2] * 1000

status_path = f"/api/v1/external/public/consent-link/status/{link['request_id']}"
recorded = len(call(status_path)["consent_logs"])
healthz = median_ms(base + "/healthz")
status = median_ms(base + status_path, api)
page = median_ms(link["consent_link"])
print(f"posts in 8 s: {posts}; answers: " + ", ".join(f"{n} × {code}" for code, n in sorted(answers.items())))
print(f"decisions recorded: {recorded}")
print(f"median latency: /healthz {healthz:.2f} ms, status {status:.2f} ms ({status / healthz:.1f}×), "
      f"page {page:.2f} ms ({page / healthz:.1f}×)")
PY
