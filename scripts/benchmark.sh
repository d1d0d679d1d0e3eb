#!/usr/bin/env bash
# Benchmarks rollout against SQLite's own floor (the sqlite3 shell running the
# equivalent SQL on the same file), the same commands on PostgreSQL beside
# them, and `rollout serve` with wrk on both engines. Not part of the test
# suite. See docs/performance.md.
#
# Usage: scripts/benchmark.sh [WORKDIR]      (default WORKDIR: /tmp/rollout-bench)
#   ONLY_SERVER=1   run only the server section (wrk); SKIP_SERVER=1 skips it.
#   SKIP_POSTGRES=1 SQLite only. Otherwise the script runs itself again beside a
#                   throwaway PostgreSQL cluster (scripts/with-postgres.sh) unless
#                   ROLLOUT_TEST_POSTGRES already names a server, and copies the
#                   databases into it with `rollout db copy`.
#   SCRATCH_PATH=D  build the release binary in D (swift build --scratch-path) instead of .build.
#   WRK_SECONDS=N   length of each wrk run (default 10).
# Needs: hyperfine, sqlite3, GNU time, wrk, curl, python3, and for PostgreSQL
#   its server and psql (apt-get install -y hyperfine sqlite3 time wrk curl python3 postgresql).
# The national database (40,000 offices, about 1.06 million entries) is generated
# once into WORKDIR and reused; delete it to measure generation again.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."
if [ -z "${SKIP_POSTGRES:-}" ] && [ -z "${ROLLOUT_TEST_POSTGRES:-}" ]; then
  exec bash scripts/with-postgres.sh bash "$0" "$@"
fi
work="${1:-/tmp/rollout-bench}"
mkdir -p "$work"
for tool in hyperfine sqlite3 /usr/bin/time wrk curl python3; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y hyperfine sqlite3 time wrk curl python3" >&2; exit 2; }
done

build=(-c release --static-swift-stdlib)
[ -n "${SCRATCH_PATH:-}" ] && build+=(--scratch-path "$SCRATCH_PATH")
swift build "${build[@]}" >/dev/null
bin="$(swift build "${build[@]}" --show-bin-path)/rollout"
export NO_COLOR=1 ROLLOUT_NOW=2026-11-27T10:00:00+08:00

yz="$work/yuzhong.sqlite"; nat="$work/national.sqlite"; open_db="$work/national-open.sqlite"
rm -f "$yz"*
"$bin" demo --db "$yz" >/dev/null
if [ ! -f "$nat" ]; then
  echo "== generation (40,000 offices)"
  /usr/bin/time -f "peak memory %M KB" "$bin" generate --db "$nat" --offices 40000 --districts 38
  # The floor: the sqlite3 shell inserting as many entry rows into an empty
  # database of the same schema (same indexes, random hashes), in one
  # transaction, with no rules, no chain and no state tables.
  floor_db="$work/generation-floor.sqlite"
  rm -f "$floor_db"*
  sqlite3 "$nat" .schema | grep -v '^CREATE TABLE sqlite_' | sqlite3 "$floor_db"
  count=$(sqlite3 "$nat" "SELECT count(*) FROM entries")
  start=$(date +%s.%N)
  sqlite3 "$floor_db" >/dev/null <<SQL
PRAGMA journal_mode = WAL;
PRAGMA synchronous = FULL;
BEGIN IMMEDIATE;
WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < $count)
INSERT INTO entries (seq, kind, batch_id, office_id, milestone_id, actor, actor_role, effective, recorded_at, note, evidence, detail,
                     plan_version, previous_hash, hash)
SELECT n, 'milestone', 'batch' || (n % 5 + 1), 'd' || (n % 38 + 1) || '-o' || (n % 1053 + 1), 'network_built', 'staff', 'office',
       '2026-01-05', '2026-01-25T02:00:00Z', '', '[]', '{}', lower(hex(randomblob(32))), lower(hex(randomblob(32))), lower(hex(randomblob(32)))
FROM c;
COMMIT;
SQL
  python3 -c "import time; s = time.time() - $start; print('generation floor: %d rows in %.1f s = %d rows/s' % ($count, s, $count / s))"
  rm -f "$floor_db"*
fi
if [ ! -f "$open_db" ]; then
  "$bin" generate --db "$open_db" --offices 40000 --districts 38 --open-last-batch >/dev/null
fi

# ------------------------------------------------------------- PostgreSQL copies
# The same histories in PostgreSQL, copied hash for hash; write benchmarks run
# on a fresh database made from a template copy of the base each time.
postgres=""
if [ -z "${SKIP_POSTGRES:-}" ]; then
  postgres=1
  pg() { python3 -c "import sys, urllib.parse as u; a = u.urlsplit(sys.argv[1]); print(a._replace(path='/' + sys.argv[2]).geturl())" "$ROLLOUT_TEST_POSTGRES" "$1"; }
  # fresh_pg NAME TEMPLATE: database NAME made anew as a copy of TEMPLATE (fresh_pg_command prints the command, for hyperfine).
  fresh_pg_command() { echo "psql -X -q -d '$(pg postgres)' -c 'DROP DATABASE IF EXISTS $1 WITH (FORCE)' -c 'CREATE DATABASE $1 TEMPLATE $2'"; }
  fresh_pg() { eval "$(fresh_pg_command "$1" "$2")"; }
  pg_settings="$work/postgres-settings.md"
  psql -X -At -d "$(pg postgres)" -c "SELECT '| ' || name || ' | ' || setting || coalesce(' ' || unit, '') || ' |' FROM pg_settings
    WHERE name IN ('server_version', 'shared_buffers', 'work_mem', 'effective_cache_size', 'synchronous_commit', 'fsync', 'wal_level',
                   'max_connections', 'full_page_writes', 'checkpoint_timeout', 'max_wal_size', 'jit') ORDER BY name" > "$pg_settings"
  for name in yz open nat; do psql -X -q -d "$(pg postgres)" -c "DROP DATABASE IF EXISTS bench_$name WITH (FORCE)"; done
  "$bin" db copy "$yz" "$(pg bench_yz)" >/dev/null
  echo "== copying the national history into PostgreSQL"
  /usr/bin/time -f "db copy national: %e s, peak memory %M KB" "$bin" db copy "$nat" "$(pg bench_nat)"
  "$bin" db copy "$open_db" "$(pg bench_open)" >/dev/null
  psql -X -q -d "$(pg bench_nat)" -c "VACUUM ANALYZE"; psql -X -q -d "$(pg bench_open)" -c "VACUUM ANALYZE"; psql -X -q -d "$(pg bench_yz)" -c "VACUUM ANALYZE"
fi

# ---------------------------------------------------------------- the commands
if [ -z "${ONLY_SERVER:-}" ]; then
  results="$work/results.md"
  echo "| scale | command | rollout (ms) | sqlite3 floor (ms) | ratio | rollout peak memory (MB) |" > "$results"
  echo "|---|---|---|---|---|---|" >> "$results"

  # bench NAME SCALE "rollout args" "floor sql" DB [prepare]
  bench() {
    local name="$1" scale="$2" args="$3" sql="$4" db="$5" prepare="${6:-true}"
    local json="$work/$name.json"
    hyperfine --style none --warmup 2 --runs "${RUNS:-10}" --prepare "$prepare" \
      -n rollout "$bin $args >/dev/null" \
      -n floor "sqlite3 $db \"$sql\" >/dev/null" --export-json "$json" >/dev/null
    local times
    times=$(python3 -c "import json,sys; r=json.load(open('$json'))['results']; print(' '.join('%.1f' % (x['mean']*1000) for x in r))")
    local ours floor
    ours=${times% *}; floor=${times#* }
    eval "$prepare"
    local memory
    memory=$( { /usr/bin/time -f "%M" $bin $args >/dev/null; } 2>&1 | tail -1 )
    echo "| $scale | \`rollout $args\` | $ours | $floor | $(python3 -c "print('%.1f' % ($ours/$floor))") | $(python3 -c "print('%.0f' % ($memory/1024))") |" >> "$results"
    echo "$scale $name: rollout ${ours} ms, floor ${floor} ms"
    [ -n "$postgres" ] && bench_postgres "$name" "$scale" "$args" "$db" "$ours" "$prepare"
    return 0
  }

  # bench_postgres NAME SCALE "rollout args" SQLITE_DB SQLITE_MS PREPARE: the same
  # command with --db naming the PostgreSQL copy; a row of the side-by-side table.
  both="$work/results-both-engines.md"
  echo "| scale | command | SQLite (ms) | PostgreSQL (ms) | PostgreSQL / SQLite |" > "$both"
  echo "|---|---|---|---|---|" >> "$both"
  bench_postgres() {
    local name="$1" scale="$2" args="$3" db="$4" ours="$5" prepare="$6" target pg_prepare=true
    case "$db" in
      "$yz") target=bench_yz ;;
      "$nat") target=bench_nat ;;
      "$work/yz-run.sqlite") target=bench_yz_run; pg_prepare=$(fresh_pg_command bench_yz_run bench_yz) ;;
      "$work/open-run.sqlite") target=bench_open_run; pg_prepare=$(fresh_pg_command bench_open_run bench_open) ;;
      *) echo "no PostgreSQL copy of $db" >&2; return 1 ;;
    esac
    local url="'$(pg "$target")'"
    local pg_args="${args/--db $db/--db $url}" json="$work/$name-postgres.json"
    eval "$pg_prepare"
    hyperfine --style none --warmup 2 --runs "${RUNS:-10}" --prepare "$pg_prepare" -n rollout "$bin $pg_args >/dev/null" --export-json "$json" >/dev/null
    local theirs
    theirs=$(python3 -c "import json; print('%.1f' % (json.load(open('$json'))['results'][0]['mean'] * 1000))")
    echo "| $scale | \`rollout ${args/--db $db /}\` | $ours | $theirs | $(python3 -c "print('%.1f' % ($theirs/$ours))") |" >> "$both"
    echo "$scale $name on PostgreSQL: ${theirs} ms"
  }

  cp "$yz" "$work/yz-base.sqlite"
  bench yz-status Yuzhong "status --db $yz --batch 2" \
    "SELECT o.name, c.milestone_id, c.effective FROM offices o LEFT JOIN office_completions c ON c.office_id = o.id AND c.batch_id = 'batch2' ORDER BY o.position" "$yz"
  bench yz-record Yuzhong "record ready --batch 2 --office hualongqiao --as 朱军 --db $work/yz-run.sqlite" \
    "BEGIN IMMEDIATE; INSERT INTO entries (seq, kind, batch_id, office_id, milestone_id, actor, actor_role, effective, recorded_at, note, evidence, detail, plan_version, previous_hash, hash) SELECT max(seq) + 1, 'milestone', 'batch2', 'hualongqiao', 'ready', '朱军', 'office', '2026-11-27', '2026-11-27T02:00:00Z', '', '[]', '{}', (SELECT version FROM plan_versions), (SELECT hash FROM entries ORDER BY seq DESC LIMIT 1), lower(hex(randomblob(32))) FROM entries; INSERT INTO office_completions SELECT 'batch2', 'hualongqiao', 'ready', max(seq), '2026-11-27' FROM entries; COMMIT;" \
    "$work/yz-run.sqlite" "cp $work/yz-base.sqlite $work/yz-run.sqlite; rm -f $work/yz-run.sqlite-wal $work/yz-run.sqlite-shm"
  bench yz-history Yuzhong "history --db $yz --office jiefangbei" \
    "SELECT * FROM entries WHERE office_id = 'jiefangbei' ORDER BY seq" "$yz"
  bench yz-catalog Yuzhong "catalog --db $yz" "SELECT document FROM plan_versions" "$yz"

  RUNS=5 bench nat-status national "status --db $nat --batch batch3" \
    "SELECT o.name, c.milestone_id, c.effective FROM offices o LEFT JOIN office_completions c ON c.office_id = o.id AND c.batch_id = 'batch3' ORDER BY o.position" "$nat"
  RUNS=5 bench nat-overdue national "overdue --db $nat" \
    "SELECT batch_id, milestone_id, count(*) FROM office_completions GROUP BY batch_id, milestone_id" "$nat"
  RUNS=3 bench nat-overdue-past national "overdue --db $nat --as-of 2026-07-15" \
    "SELECT batch_id, milestone_id, count(*) FROM office_completions WHERE effective <= '2026-07-15' GROUP BY batch_id, milestone_id" "$nat"
  RUNS=5 bench nat-history national "history --db $nat --office d7-o42" \
    "SELECT * FROM entries WHERE office_id = 'd7-o42' ORDER BY seq" "$nat"
  RUNS=5 bench nat-asof national "status --db $nat --batch batch3 --as-of 2026-05-20" \
    "SELECT o.name, c.milestone_id, c.effective FROM offices o LEFT JOIN office_completions c ON c.office_id = o.id AND c.batch_id = 'batch3' AND c.effective <= '2026-05-20' ORDER BY o.position" "$nat"
  cp "$open_db" "$work/open-base.sqlite"
  RUNS=3 bench nat-bulk national "record staff_trained --batch batch5 --office all --as 总协调员 --db $work/open-run.sqlite" \
    "BEGIN IMMEDIATE; INSERT INTO office_completions SELECT 'batch5', id, 'staff_trained', 1, '2026-11-27' FROM offices; COMMIT;" \
    "$work/open-run.sqlite" "cp $work/open-base.sqlite $work/open-run.sqlite; rm -f $work/open-run.sqlite-wal $work/open-run.sqlite-shm"
  RUNS=3 bench nat-verify national "audit verify --db $nat" "SELECT count(*), sum(length(hash) + length(detail) + length(note)) FROM entries" "$nat"

  echo
  cat "$results"
  if [ -n "$postgres" ]; then
    echo
    cat "$both"
    echo
    echo "| PostgreSQL setting | value |"
    echo "|---|---|"
    cat "$pg_settings"
  fi
fi

# ------------------------------------------------------------------ the server
# `rollout serve` under wrk, on loopback: the health check (the floor), a
# batch's JSON status and an office's history at Yuzhong and national scale,
# each with one client and with 50, then 50 clients recording milestones
# through the API (real writes, synchronous = FULL). Each scenario starts a
# fresh server on a copy of the database and stops it with SIGTERM; its peak
# memory is the process's VmHWM read just before. Accounts are made as a
# coordinator would: a one-time code from the CLI, sign-in, a new password,
# then an API token sent as `Authorization: Bearer`.
if [ -z "${SKIP_SERVER:-}" ]; then
  seconds="${WRK_SECONDS:-10}"
  server_results="$work/server-results.md"
  echo "| engine | scale | scenario | clients | requests/s | p50 (ms) | p99 (ms) | errors | statuses | peak memory (MB) |" > "$server_results"
  echo "|---|---|---|---|---|---|---|---|---|---|" >> "$server_results"

  # Counts each response's status per thread and prints them at the end;
  # both wrk scripts below load it.
  cat > "$work/statuses.lua" <<'LUA'
threads = {}
function collect(thread) table.insert(threads, thread) end
function response(status, headers, body) statuses[status] = (statuses[status] or 0) + 1 end
function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do total[status] = (total[status] or 0) + count end
  end
  local parts = {}
  for status, count in pairs(total) do table.insert(parts, status .. "=" .. count) end
  table.sort(parts)
  print("statuses " .. table.concat(parts, " "))
end
LUA
  {
    echo "dofile(\"$work/statuses.lua\")"
    cat <<'LUA'
function setup(thread) collect(thread) end
function init(args) statuses = {} end
LUA
  } > "$work/count.lua"
  # Records milestones: each request names one office, a different one every
  # time across all threads (office k of the generator's numbering). Every
  # REFUSE-th request asks for something the rules refuse (go-live of an office
  # not ready), which is recorded too and answered 403.
  # Arguments: TOKEN OFFICES DISTRICTS THREADS REFUSE
  {
    echo "dofile(\"$work/statuses.lua\")"
    cat <<'LUA'
function setup(thread)
  thread:set("id", #threads)
  collect(thread)
end
function init(args)
  token, offices, districts = args[1], tonumber(args[2]), tonumber(args[3])
  nthreads, refuse = tonumber(args[4]), tonumber(args[5])
  per_district = math.ceil(offices / districts)
  n, statuses = 0, {}
end
function request()
  local k = (id + n * nthreads) % offices
  n = n + 1
  local office = "d" .. (math.floor(k / per_district) + 1) .. "-o" .. (k % per_district + 1)
  local milestone = (n % refuse == 0) and "live" or "staff_trained"
  local body = '{"milestone":"' .. milestone .. '","batch":"batch5","offices":["' .. office .. '"]}'
  return wrk.format("POST", "/api/v1/milestones",
    {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}, body)
end
LUA
  } > "$work/milestones.lua"

  serve_pid=""
  stop_on_exit='[ -n "$serve_pid" ] && kill -TERM "$serve_pid" 2>/dev/null || true'
  trap "$stop_on_exit" EXIT

  # serve_start DB LOG: starts the server and waits (bounded) for its address in $url.
  serve_start() {
    : > "$work/serve.out"
    env -u ROLLOUT_NOW "$bin" serve --db "$1" --port 0 >"$work/serve.out" 2>"$2" &
    serve_pid=$!
    url=""
    for _ in $(seq 1 600); do
      url=$(sed -n 's/^Serving .* at \(http:[^ ]*\)$/\1/p' "$work/serve.out")
      [ -n "$url" ] && return 0
      kill -0 "$serve_pid" 2>/dev/null || { echo "rollout serve exited:" >&2; cat "$2" >&2; serve_pid=""; exit 1; }
      sleep 0.05
    done
    echo "rollout serve printed no address within 30 s" >&2
    exit 1
  }
  # serve_stop: records the peak resident memory (KB) in $peak and stops the server with SIGTERM.
  serve_stop() {
    peak=$(awk '/^VmHWM/ {print $2}' "/proc/$serve_pid/status")
    kill -TERM "$serve_pid"
    local rc=0
    wait "$serve_pid" || rc=$?
    serve_pid=""
    [ "$rc" = 0 ] || echo "warning: rollout serve exited with status $rc after SIGTERM" >&2
  }
  json() { python3 -c "import json, sys; print(json.load(sys.stdin)$1)"; }

  # sign_in DB LOGIN JAR: starts a server on DB and signs LOGIN (a coordinator) in
  # as a coordinator would (a one-time code from the CLI, sign-in, a new
  # password), leaving the session cookie in JAR and the CSRF token in $csrf.
  # The caller stops the server.
  sign_in() {
    local db="$1" login="$2" jar="$3" code password="benchmark-password-$RANDOM-$RANDOM"
    code=$(env -u ROLLOUT_NOW "$bin" accounts reset "$login" --as "$login" --db "$db" --json | json '["oneTimeCode"]')
    serve_start "$db" "$work/serve-sign-in.log"
    rm -f "$jar"
    csrf=$(curl -sS --fail-with-body -c "$jar" -H 'Content-Type: application/json' \
      -d "$(python3 -c 'import json, sys; print(json.dumps({"login": sys.argv[1], "password": sys.argv[2]}))' "$login" "$code")" \
      "$url/api/v1/session" | json '["csrfToken"]')
    curl -sS --fail-with-body -b "$jar" -c "$jar" -X PUT -H 'Content-Type: application/json' -H "X-CSRF-Token: $csrf" \
      -d "{\"current\":\"$code\",\"new\":\"$password\"}" "$url/api/v1/password" >/dev/null
  }

  # api_token DB LOGIN: a bearer token for LOGIN (a coordinator) on DB.
  api_token() {
    local jar="$work/cookies.txt"
    trap "$stop_on_exit" EXIT   # runs in a command substitution's subshell, which has no traps
    sign_in "$1" "$2" "$jar"
    curl -sS --fail-with-body -b "$jar" -H 'Content-Type: application/json' -H "X-CSRF-Token: $csrf" \
      -d '{"name":"benchmark"}' "$url/api/v1/tokens" | json '["token"]'
    serve_stop >&2
  }

  # page_cookie DB LOGIN: a signed-in browser's session cookie for LOGIN on DB
  # (the pages take a session, not a bearer token).
  page_cookie() {
    local jar="$work/page-cookies.txt"
    trap "$stop_on_exit" EXIT
    sign_in "$1" "$2" "$jar"
    awk '$6 == "rollout_session" {print "rollout_session=" $7}' "$jar"
    serve_stop >&2
  }

  # server_bench NAME SCALE SCENARIO CLIENTS DB PATH TOKEN SCRIPT [script arguments…]:
  # one wrk run against a fresh server on DB; a row of the results.
  server_bench() {
    local name="$1" scale="$2" scenario="$3" clients="$4" db="$5" path="$6" token="$7" script="$8"
    shift 8
    local out="$work/wrk-$name.txt" threads=2 auth=()
    [ "$clients" -lt 2 ] && threads=1
    if [[ "$token" == rollout_session=* ]]; then auth=(-H "Cookie: $token"); elif [ -n "$token" ]; then auth=(-H "Authorization: Bearer $token"); fi
    serve_start "$db" "$work/serve-$name.log"
    wrk -t "$threads" -c "$clients" -d "${seconds}s" --timeout 30s --latency "${auth[@]}" -s "$script" "$url$path" "$@" > "$out" 2>&1 \
      || { cat "$out" >&2; exit 1; }
    serve_stop
    local engine=SQLite
    [[ "$db" == postgresql://* ]] && engine=PostgreSQL
    python3 - "$out" "$peak" "$scale" "$scenario" "$clients" "$engine" >> "$server_results" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def ms(value):
    number, unit = re.match(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]
latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", text, re.M))
rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
socket = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", text))
statuses = dict((int(s), int(n)) for s, n in re.findall(r"(\d+)=(\d+)", re.search(r"^statuses(.*)$", text, re.M).group(1)))
refused = statuses.get(403, 0) if "POST" in sys.argv[4] else 0
failed = socket + sum(n for s, n in statuses.items() if not 200 <= s < 300 and not (s == 403 and refused))
def fmt(x): return "%.2f" % x if x < 10 else "%.0f" % x
print("| %s | %s | %s | %s | %s | %s | %s | %d | %s | %.0f |" % (sys.argv[6], sys.argv[3], sys.argv[4], sys.argv[5], "%.2f" % rate if rate < 10 else "{:,.0f}".format(rate),
      fmt(ms(latency["50"])), fmt(ms(latency["99"])), failed, " ".join("%d: %d" % kv for kv in sorted(statuses.items())), int(sys.argv[2]) / 1024))
PY
    tail -1 "$server_results"
  }

  server_yz="$work/server-yuzhong.sqlite"; server_nat="$work/server-national.sqlite"; server_open="$work/server-national-open.sqlite"
  rm -f "$server_yz"* "$server_nat"* "$server_open"*
  cp "$yz" "$server_yz"; cp "$nat" "$server_nat"; cp "$open_db" "$server_open"
  yz_token=$(api_token "$server_yz" 王敏)
  nat_token=$(api_token "$server_nat" 总协调员)
  open_token=$(api_token "$server_open" 总协调员)
  for token in "$yz_token" "$nat_token" "$open_token"; do
    [[ "$token" == rlt_* ]] || { echo "no API token: $token" >&2; exit 1; }
  done
  yz_cookie=$(page_cookie "$server_yz" 王敏)
  [[ "$yz_cookie" == rollout_session=* ]] || { echo "no session cookie: $yz_cookie" >&2; exit 1; }

  for clients in 1 50; do
    server_bench "yz-healthz-$clients" Yuzhong '`GET /healthz` (the floor)' "$clients" "$server_yz" /healthz "" "$work/count.lua"
    server_bench "yz-status-$clients" Yuzhong '`GET /api/v1/status?batch=1`' "$clients" "$server_yz" "/api/v1/status?batch=1" "$yz_token" "$work/count.lua"
    server_bench "yz-history-$clients" Yuzhong '`GET /api/v1/offices/jiefangbei/history`' "$clients" "$server_yz" /api/v1/offices/jiefangbei/history "$yz_token" "$work/count.lua"
    server_bench "yz-board-$clients" Yuzhong 'page `GET /board` (the batches in progress, HTML)' "$clients" "$server_yz" /board "$yz_cookie" "$work/count.lua"
    server_bench "yz-office-$clients" Yuzhong 'page `GET /offices/jiefangbei`' "$clients" "$server_yz" /offices/jiefangbei "$yz_cookie" "$work/count.lua"
  done
  for clients in 1 50; do
    server_bench "nat-healthz-$clients" national '`GET /healthz` (the floor)' "$clients" "$server_nat" /healthz "" "$work/count.lua"
    server_bench "nat-status-$clients" national '`GET /api/v1/status?batch=batch1` (40,000 rows)' "$clients" "$server_nat" "/api/v1/status?batch=batch1" "$nat_token" "$work/count.lua"
    server_bench "nat-history-$clients" national '`GET /api/v1/offices/d7-o42/history`' "$clients" "$server_nat" /api/v1/offices/d7-o42/history "$nat_token" "$work/count.lua"
  done
  # The writes: one office per request, every 10th a refused go-live.
  before=$(sqlite3 "$server_open" "SELECT count(*) FROM entries")
  server_bench nat-record-50 national '`POST /api/v1/milestones` (one office each; every 10th refused)' 50 "$server_open" /api/v1/milestones "" \
    "$work/milestones.lua" "$open_token" 40000 38 2 10
  after=$(sqlite3 "$server_open" "SELECT count(*) FROM entries")
  echo "writes: $((after - before)) entries added ($(python3 -c "print('%.0f' % (($after - $before) / $seconds))") per second), by kind:"
  sqlite3 "$server_open" "SELECT kind, count(*) FROM entries WHERE seq > $before GROUP BY kind"

  # The same scenarios on PostgreSQL (each server holds up to 8 connections).
  if [ -n "$postgres" ]; then
    fresh_pg bench_server_yz bench_yz; fresh_pg bench_server_nat bench_nat; fresh_pg bench_server_open bench_open
    pg_yz=$(pg bench_server_yz); pg_nat=$(pg bench_server_nat); pg_open=$(pg bench_server_open)
    pg_yz_token=$(api_token "$pg_yz" 王敏); pg_nat_token=$(api_token "$pg_nat" 总协调员); pg_open_token=$(api_token "$pg_open" 总协调员)
    pg_yz_cookie=$(page_cookie "$pg_yz" 王敏)
    for clients in 1 50; do
      server_bench "pg-yz-status-$clients" Yuzhong '`GET /api/v1/status?batch=1`' "$clients" "$pg_yz" "/api/v1/status?batch=1" "$pg_yz_token" "$work/count.lua"
      server_bench "pg-yz-history-$clients" Yuzhong '`GET /api/v1/offices/jiefangbei/history`' "$clients" "$pg_yz" /api/v1/offices/jiefangbei/history "$pg_yz_token" "$work/count.lua"
      server_bench "pg-yz-board-$clients" Yuzhong 'page `GET /board` (the batches in progress, HTML)' "$clients" "$pg_yz" /board "$pg_yz_cookie" "$work/count.lua"
      server_bench "pg-nat-status-$clients" national '`GET /api/v1/status?batch=batch1` (40,000 rows)' "$clients" "$pg_nat" "/api/v1/status?batch=batch1" "$pg_nat_token" "$work/count.lua"
      server_bench "pg-nat-history-$clients" national '`GET /api/v1/offices/d7-o42/history`' "$clients" "$pg_nat" /api/v1/offices/d7-o42/history "$pg_nat_token" "$work/count.lua"
    done
    before=$(psql -X -At -d "$pg_open" -c "SELECT count(*) FROM entries")
    server_bench pg-nat-record-50 national '`POST /api/v1/milestones` (one office each; every 10th refused)' 50 "$pg_open" /api/v1/milestones "" \
      "$work/milestones.lua" "$pg_open_token" 40000 38 2 10
    after=$(psql -X -At -d "$pg_open" -c "SELECT count(*) FROM entries")
    echo "PostgreSQL writes: $((after - before)) entries added ($(python3 -c "print('%.0f' % (($after - $before) / $seconds))") per second)"
    "$bin" audit verify --db "$pg_open" | tail -1
  fi

  echo
  cat "$server_results"
fi
