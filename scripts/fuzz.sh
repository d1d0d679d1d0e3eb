#!/usr/bin/env bash
# Fuzzes the export verifier (`rollout audit verify --file`) and the fixture loader
# with libFuzzer + AddressSanitizer, each for FUZZ_SECONDS (default 60), starting
# from the corpus committed under Fixtures/fuzz/<target>/. Fails on any crash,
# leak, hang (FUZZ_TIMEOUT seconds for one input, default 10) or broken property
# (Tests/TestSupport/FuzzChecks.swift); the input that did it is left in
# .build-fuzz/crashes/ and should become a regression test (add it to the corpus:
# FuzzCorpusTests replays every corpus file in the normal `swift test`).
#
# Builds in its own scratch path (.build-fuzz), so the normal build is untouched.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${FUZZ_SECONDS:-60}"
timeout="${FUZZ_TIMEOUT:-10}"
targets=(FuzzExport FuzzPlanLoader)

swift_bin="$(readlink -f "$(command -v swift)")"
library="$(ls "$(dirname "$swift_bin")"/../lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-*.a 2>/dev/null | head -n 1 || true)"
if [ -z "$library" ]; then
  echo "fuzz.sh: libFuzzer (libclang_rt.fuzzer_no_main) not found beside $swift_bin; a Linux Swift toolchain has it" >&2
  exit 1
fi

start=$(date +%s)
for target in "${targets[@]}"; do
  ROLLOUT_FUZZER_LIB="$library" swift build -c release --scratch-path .build-fuzz --product "$target"
done
built=$(date +%s)
echo "fuzz.sh: built ${targets[*]} in $((built - start)) s"

mkdir -p .build-fuzz/crashes
status=0
for target in "${targets[@]}"; do
  work=".build-fuzz/corpus/$target"   # new inputs go here, never into the committed corpus
  mkdir -p "$work"
  echo "fuzz.sh: $target for ${seconds} s"
  if ! ".build-fuzz/release/$target" -max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix=".build-fuzz/crashes/$target-" "$work" "Fixtures/fuzz/$target" \
      > ".build-fuzz/$target.log" 2>&1; then
    tail -n 40 ".build-fuzz/$target.log"
    echo "fuzz.sh: $target FAILED; the input is in .build-fuzz/crashes/ (log: .build-fuzz/$target.log)" >&2
    status=1
  else
    grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|Done)" ".build-fuzz/$target.log" || true
    grep -E "cov: [0-9]+" ".build-fuzz/$target.log" | tail -n 1 || true
  fi
done
echo "fuzz.sh: done in $(( $(date +%s) - start )) s"
exit $status
