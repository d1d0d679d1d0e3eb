#!/usr/bin/env bash
# Runs the part of the suite that exercises threads and parsers under
# ThreadSanitizer and AddressSanitizer, each in its own scratch path
# (.build-tsan, .build-asan) so the normal build is untouched:
#   - the two-thread verification in this process (VerificationThreadsTests,
#     StoreWriteTests) and through the binary (HostileExportTests; AuditTests
#     under AddressSanitizer only: under ThreadSanitizer its scenario of 20
#     commands per test costs nearly 5 minutes and adds no thread the others lack);
#   - concurrent openers and writers (SchemaTests, ConcurrencyTests, the eight writers of ReliabilityTests);
#   - the parsers (export lines, fixtures, the fuzz corpus).
# The binaries the CLI tests start are built with the same sanitizer; a report
# in one makes it exit non-zero, which fails the test that ran it.
#
# Usage: scripts/sanitize.sh [thread|address]...   (default: both)
set -euo pipefail
cd "$(dirname "$0")/.."

filter='RolloutStoreTests\.|ValueTests|PlanLoaderTests|FixtureFuzzTests|FuzzCorpusTests|LineSplitterTests|StrictJSONTests|HostileExportTests|ConcurrencyTests|ReliabilityTests\.testEightConcurrentWriters'
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=0}"

sanitizers=("$@")
[ ${#sanitizers[@]} -gt 0 ] || sanitizers=(thread address)
for sanitizer in "${sanitizers[@]}"; do
  case "$sanitizer" in
    thread) scratch=.build-tsan; tests="$filter" ;;
    address) scratch=.build-asan; tests="$filter|AuditTests" ;;
    *) echo "sanitize.sh: unknown sanitizer \"$sanitizer\"; expected thread or address" >&2; exit 64 ;;
  esac
  start=$(date +%s)
  swift build --build-tests --sanitize="$sanitizer" --scratch-path "$scratch"
  built=$(date +%s)
  swift test --skip-build --sanitize="$sanitizer" --scratch-path "$scratch" --filter "$tests"
  echo "sanitize.sh: $sanitizer: built in $((built - start)) s, tests ran in $(( $(date +%s) - built )) s"
done
