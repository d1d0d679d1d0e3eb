#!/usr/bin/env bash
# Proves that a PostgreSQL history can be backed up and restored, both ways
# docs/deployment.md describes, and that a restore never hides tampering:
#
#   1. the demo history (SQLite) is copied into the database rollout_live
#      with `rollout db copy`; its entry count and head hash are noted;
#   2. backup A: `pg_dump -Fc`, restored with createdb + `pg_restore
#      --no-owner` into rollout_restored_dump; `audit verify --expect-head`
#      and `check` pass and the head is the noted one;
#   3. backup B: `rollout backup` (a SQLite file), restored with
#      `rollout db copy` into rollout_restored_copy; same checks;
#   4. one more entry is recorded on rollout_live: the restored copies do not
#      have it (a head noted after the backups fails on them), while the
#      live chain still starts with the noted head;
#   5. an entry of the dump-restored database is altered by a superuser with
#      the triggers disabled: `audit verify` fails, naming entry #5.
#
# Usage (CI): bash scripts/with-postgres.sh bash scripts/postgres-backup-restore.sh
# Needs ROLLOUT_TEST_POSTGRES (an admin URL; its database part is replaced),
# PGHOST and PGUSER from the environment, as scripts/with-postgres.sh exports
# them; pg_dump, pg_restore, createdb, dropdb and psql; python3 (to read JSON).
# The binary is ${ROLLOUT_BIN:-.build/debug/rollout}. It creates the three
# databases above (refusing to start if one exists) and drops them again at
# the end; its files live in a temporary folder that is removed on exit.
set -euo pipefail
shopt -s inherit_errexit

fail() {
  echo "postgres-backup-restore: FAILED: $*" >&2
  exit 1
}

# --- What it needs ----------------------------------------------------------

for var in ROLLOUT_TEST_POSTGRES PGHOST PGUSER; do
  if [ -z "${!var:-}" ]; then
    fail "$var is not set; run me as: bash scripts/with-postgres.sh bash scripts/postgres-backup-restore.sh"
  fi
done
for tool in pg_dump pg_restore createdb dropdb psql python3; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is not on PATH (PostgreSQL's client tools and python3 are needed)"
done

bin="${ROLLOUT_BIN:-.build/debug/rollout}"
case "$bin" in /*) ;; *) bin="$PWD/$bin" ;; esac
[ -x "$bin" ] || fail "no rollout binary at $bin; build it (swift build) or set ROLLOUT_BIN"

# Only --db and the arguments below say which database is meant, and only a
# test database's clock is set, explicitly, where needed.
unset ROLLOUT_DB ROLLOUT_ACTOR ROLLOUT_NOW

live_db=rollout_live
dump_db=rollout_restored_dump
copy_db=rollout_restored_copy

# The admin URL with its database replaced (keeps user, password, host, port, query).
url_for() {
  python3 - "$ROLLOUT_TEST_POSTGRES" "$1" <<'PY'
import sys, urllib.parse as u
parts = u.urlsplit(sys.argv[1])
print(u.urlunsplit(parts._replace(path="/" + u.quote(sys.argv[2]))))
PY
}
# One field of a JSON document in FILE (a key path, dots between keys).
json_field() {
  python3 - "$1" "$2" <<'PY'
import json, sys
value = json.load(open(sys.argv[1], encoding="utf-8"))
for key in sys.argv[2].split("."):
    value = value[int(key)] if isinstance(value, list) else value[key]
print(str(value).lower() if isinstance(value, bool) else value)
PY
}

admin_url="$ROLLOUT_TEST_POSTGRES"
live_url="$(url_for "$live_db")"
dump_url="$(url_for "$dump_db")"
copy_url="$(url_for "$copy_db")"

work="$(mktemp -d "${TMPDIR:-/tmp}/rollout-backup-restore.XXXXXX")"
created_dbs=()
cleanup() {
  local status=$?
  trap - EXIT INT TERM HUP
  for db in "${created_dbs[@]}"; do
    dropdb --maintenance-db="$admin_url" --if-exists "$db" >/dev/null 2>&1 || true
  done
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP
cd "$work"

# run NAME CMD...: runs CMD with its output in NAME.log; returns CMD's status.
run() {
  local name="$1"
  shift
  local status=0
  "$@" >"$name.log" 2>&1 || status=$?
  return "$status"
}
# must NAME WHAT CMD...: runs CMD and fails the script, showing its output, unless it exits 0.
must() {
  local name="$1" what="$2"
  shift 2
  local status=0
  run "$name" "$@" || status=$?
  if [ "$status" -ne 0 ]; then
    echo "--- output of: $*" >&2
    cat "$name.log" >&2
    fail "$what (exit $status)"
  fi
}
step() { echo "== $*"; }

exists="$(psql "$admin_url" -X -At -v ON_ERROR_STOP=1 \
  -c "SELECT string_agg(datname, ', ') FROM pg_database WHERE datname IN ('$live_db', '$dump_db', '$copy_db')")" ||
  fail "cannot query the cluster at $admin_url"
[ -z "$exists" ] || fail "database(s) $exists already exist in this cluster; drop them or use a throwaway cluster (scripts/with-postgres.sh)"

# --- 1. A live history on PostgreSQL -----------------------------------------

step "1. demo history copied into $live_db"
must demo "rollout demo could not make the demo history" "$bin" demo --db demo.sqlite
created_dbs+=("$live_db")
must copy-live "rollout db copy demo.sqlite -> $live_db failed" "$bin" db copy demo.sqlite "$live_url" --json
cp copy-live.log copy-live.json
must verify-live "rollout audit verify of $live_db failed" "$bin" audit verify --db "$live_url" --json
cp verify-live.log verify-live.json
head="$(json_field verify-live.json head)"
count="$(json_field verify-live.json entries)"
[ "$(json_field copy-live.json head)" = "$head" ] ||
  fail "db copy reported head $(json_field copy-live.json head), audit verify of $live_db says $head"
[[ "$head" =~ ^[0-9a-f]{64}$ ]] || fail "the head of $live_db is not a SHA-256 hash: '$head'"
[ "$count" -gt 5 ] || fail "the demo history has only $count entries; step 5 alters entry #5"
noted="$count:$head"
echo "   $live_db: $count entries, head $head (noted as $count:${head:0:12})"

# checks that database URL (named NAME) verifies against the noted head, passes check, and ends at it.
check_restored() {
  local name="$1" url="$2"
  must "verify-$name" "audit verify --expect-head $noted failed on $name" \
    "$bin" audit verify --db "$url" --expect-head "$noted" --json
  cp "verify-$name.log" "verify-$name.json"
  must "check-$name" "rollout check failed on $name" "$bin" check --db "$url"
  local got_head got_count
  got_head="$(json_field "verify-$name.json" head)"
  got_count="$(json_field "verify-$name.json" entries)"
  [ "$got_head" = "$head" ] || fail "$name ends at head $got_head, not the noted $head"
  [ "$got_count" = "$count" ] || fail "$name has $got_count entries, not the noted $count"
  echo "   $name: $got_count entries, head ${got_head:0:12}, audit verify --expect-head and check pass"
}

# --- 2. Backup A: pg_dump / pg_restore ---------------------------------------

step "2. backup A: pg_dump -Fc, restored with pg_restore into $dump_db"
must pg-dump "pg_dump -Fc of $live_db failed" pg_dump -Fc -f live.dump "$live_url"
[ -s live.dump ] || fail "pg_dump wrote an empty live.dump"
created_dbs+=("$dump_db")
must createdb-dump "createdb $dump_db failed" createdb --maintenance-db="$admin_url" "$dump_db"
must pg-restore "pg_restore --no-owner into $dump_db failed" \
  pg_restore --no-owner --exit-on-error -d "$dump_url" live.dump
check_restored "$dump_db" "$dump_url"

# --- 3. Backup B: rollout backup / rollout db copy ---------------------------

step "3. backup B: rollout backup (SQLite file), restored with rollout db copy into $copy_db"
must backup "rollout backup of $live_db failed" "$bin" backup --db "$live_url" backup.sqlite
[ -s backup.sqlite ] || fail "rollout backup left no backup.sqlite"
must verify-backup-file "audit verify --expect-head $noted failed on the backup file" \
  "$bin" audit verify --db backup.sqlite --expect-head "$noted"
created_dbs+=("$copy_db")
must copy-restore "rollout db copy backup.sqlite -> $copy_db failed" "$bin" db copy backup.sqlite "$copy_url" --json
cp copy-restore.log copy-restore.json
[ "$(json_field copy-restore.json head)" = "$head" ] ||
  fail "db copy into $copy_db reported head $(json_field copy-restore.json head), not the noted $head"
check_restored "$copy_db" "$copy_url"

# --- 4. The backups are a point in time --------------------------------------

step "4. one more entry on $live_db after the backups"
must people "rollout people list on $live_db failed" "$bin" people list --db "$live_url" --json
cp people.log people.json
coordinator="$(python3 - <<'PY'
import json
people = json.load(open("people.json", encoding="utf-8"))
print(next(p["login"] for p in people if p["role"] == "coordinator"))
PY
)" || fail "no coordinator in $live_db's register"
# The demo's history is a test database with a fixed clock in the past: record
# one hour after its last entry, so that a machine's clock plays no part.
must last-entry "rollout history --limit 1 on $live_db failed" "$bin" history --db "$live_url" --limit 1 --json
cp last-entry.log last-entry.json
now="$(python3 - <<'PY'
import datetime, json
last = json.load(open("last-entry.json", encoding="utf-8"))[0]["recorded_at"]
t = datetime.datetime.fromisoformat(last.replace("Z", "+00:00")) + datetime.timedelta(hours=1)
print(t.strftime("%Y-%m-%dT%H:%M:%SZ"))
PY
)" || fail "cannot read the recording time of $live_db's last entry"
must people-add "rollout people add on $live_db (as $coordinator, ROLLOUT_NOW=$now) failed" \
  env ROLLOUT_NOW="$now" "$bin" people add 测试员 --role auditor --as "$coordinator" --db "$live_url"
must verify-live-after "audit verify of $live_db after the new entry failed" "$bin" audit verify --db "$live_url" --json
cp verify-live-after.log verify-live-after.json
new_head="$(json_field verify-live-after.json head)"
new_count="$(json_field verify-live-after.json entries)"
[ "$new_count" -eq $((count + 1)) ] || fail "$live_db has $new_count entries after one more, expected $((count + 1))"
[ "$new_head" != "$head" ] || fail "the head of $live_db did not move after the new entry"
must verify-live-prefix "audit verify --expect-head $noted failed on $live_db: the noted head is no longer a prefix of the live chain" \
  "$bin" audit verify --db "$live_url" --expect-head "$noted"
echo "   $live_db: $new_count entries, head ${new_head:0:12}; still verifies against the noted $count:${head:0:12}"
for name in "$dump_db" "$copy_db"; do
  url="$(url_for "$name")"
  must "verify-$name-later" "audit verify of $name failed" "$bin" audit verify --db "$url" --json
  cp "verify-$name-later.log" "verify-$name-later.json"
  later_count="$(json_field "verify-$name-later.json" entries)"
  [ "$later_count" -lt "$new_count" ] ||
    fail "$name has $later_count entries, as many as $live_db after the backup; it should not have the new entry"
  status=0
  run "verify-$name-new-head" "$bin" audit verify --db "$url" --expect-head "$new_count:$new_head" || status=$?
  if [ "$status" -ne 5 ]; then
    cat "verify-$name-new-head.log" >&2
    fail "audit verify --expect-head $new_count:${new_head:0:12} (a head noted after the backup) exited $status on $name, expected 5"
  fi
  echo "   $name: still $later_count entries; --expect-head $new_count:${new_head:0:12} fails (exit 5), as it should"
done

# --- 5. A restore never hides tampering --------------------------------------

step "5. tampering in $dump_db"
status=0
run update-refused psql "$dump_url" -X -v ON_ERROR_STOP=1 -c "UPDATE entries SET note = note || 'x' WHERE seq = 5" || status=$?
if [ "$status" -eq 0 ] || ! grep -q "append-only" update-refused.log; then
  cat update-refused.log >&2
  fail "a plain UPDATE of entry #5 in $dump_db was not refused by the append-only trigger (exit $status): the restore lost its triggers"
fi
echo "   a plain UPDATE is refused: $(grep -m1 'append-only' update-refused.log)"
must tamper "could not alter entry #5 in $dump_db as superuser" \
  psql "$dump_url" -X -v ON_ERROR_STOP=1 \
  -c "ALTER TABLE entries DISABLE TRIGGER USER; UPDATE entries SET note = note || 'x' WHERE seq = 5; ALTER TABLE entries ENABLE TRIGGER USER;"
status=0
run verify-tampered "$bin" audit verify --db "$dump_url" || status=$?
if [ "$status" -ne 5 ]; then
  cat verify-tampered.log >&2
  fail "audit verify of the tampered $dump_db exited $status, expected 5 (verification failed)"
fi
grep -q "entry #5" verify-tampered.log || {
  cat verify-tampered.log >&2
  fail "audit verify of the tampered $dump_db failed but did not name entry #5"
}
echo "   with the triggers disabled, entry #5 altered: audit verify exits 5: $(grep -m1 'entry #5' verify-tampered.log)"

# --- 6. Summary --------------------------------------------------------------

step "6. summary"
cat <<EOF
   noted head:      $count:$head
   pg_dump/restore: $dump_db ends at the noted head, audit verify --expect-head and check pass
   rollout backup:  backup.sqlite -> $copy_db ends at the noted head, audit verify --expect-head and check pass
   point in time:   $live_db moved on to $new_count entries; the restores stayed at $count; the noted head is a prefix of $live_db
   tampering:       entry #5 altered in $dump_db is named by audit verify (exit 5)
postgres-backup-restore: all checks passed
EOF
