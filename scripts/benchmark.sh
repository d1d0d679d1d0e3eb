#!/usr/bin/env bash
# Benchmarks rollout against SQLite's own floor (the sqlite3 shell running the
# equivalent SQL on the same file). Not part of the test suite. See docs/performance.md.
#
# Usage: scripts/benchmark.sh [WORKDIR]      (default WORKDIR: /tmp/rollout-bench)
# Needs: hyperfine, sqlite3, GNU time (apt-get install -y hyperfine sqlite3 time).
# The national database (40,000 offices, about 1.06 million entries) is generated
# once into WORKDIR and reused; delete it to measure generation again.
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-/tmp/rollout-bench}"
mkdir -p "$work"
for tool in hyperfine sqlite3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y hyperfine sqlite3 time" >&2; exit 2; }
done

swift build -c release --static-swift-stdlib >/dev/null
bin="$(swift build -c release --static-swift-stdlib --show-bin-path)/rollout"
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
