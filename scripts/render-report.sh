#!/usr/bin/env bash
# Renders the demo's HTML report to a PNG with headless Chromium, for the README.
# Usage: scripts/render-report.sh [OUTPUT.png]   (default: docs/report.png)
# Needs: a Swift toolchain, and Chromium plus CJK fonts (installed if missing, Debian):
#   apt-get install -y chromium fonts-noto-cjk
set -euo pipefail
cd "$(dirname "$0")/.."
output="${1:-docs/report.png}"
if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "CJK"; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
swift build -q
.build/debug/rollout demo --db "$work/demo.sqlite" >/dev/null
ROLLOUT_NOW=2026-11-20T18:00:00+08:00 .build/debug/rollout report --db "$work/demo.sqlite" --html "$work/report.html" >/dev/null
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1100,2400 \
  --screenshot="$work/report.png" "file://$work/report.html" >/dev/null 2>&1
cp "$work/report.png" "$output"
echo "Wrote $output"
