# Sourced by the scripts that drive a real server (fuzz-api.sh, bench-decision-flood.sh):
# `start_scratch_server [serve options…]` starts the release binary (scripts/build.sh) on a fresh
# SQLite database in a temporary directory, with organisation `acme` and a key with both
# scopes, and sets `work` (the directory), `url` (where it listens) and `key`. It is stopped
# and the directory removed when the script exits. With SCRATCH_DATABASE_URL (a postgres://
# URL of an empty database), the server uses that database instead.

start_scratch_server() {
  local assent="$root/target/release/assent"
  [ -x "$assent" ] || { echo "$assent is missing; run scripts/build.sh" >&2; exit 1; }
  work="$(mktemp -d)"
  scratch_pid=""
  trap '[ -z "$scratch_pid" ] || kill "$scratch_pid" 2>/dev/null || true; rm -rf "$work"' EXIT

  local db=(--data-dir "$work/data")
  [ -z "${SCRATCH_DATABASE_URL:-}" ] || db+=(--database-url "$SCRATCH_DATABASE_URL")
  "$assent" "${db[@]}" org create --slug acme --name "Acme" --json >/dev/null
  key="$("$assent" "${db[@]}" api-key create --org acme --scopes consent,admin --json \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["key"])')"
  "$assent" "${db[@]}" serve --listen 127.0.0.1:0 "$@" >"$work/server.log" 2>&1 &
  scratch_pid=$!
  url=""
  for _ in $(seq 1 100); do
    url="$(sed -n 's/^Assent is running at \([^ ]*\).*/\1/p' "$work/server.log")"
    [ -n "$url" ] && return 0
    kill -0 "$scratch_pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "the server did not start:" >&2
  cat "$work/server.log" >&2
  exit 1
}
