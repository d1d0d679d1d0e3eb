#!/usr/bin/env bash
# The web story of issue #14 in a real browser: headless Chromium driven by
# Selenium through scripts/browser_story.py, against `rollout serve` on a fresh
# database. Saves screenshots into docs/screenshots/. Exits non-zero on any failure.
# Needs (installed if missing, Debian): chromium, chromium-driver, fonts-noto-cjk;
# Selenium and axe-core (axe-core-python) from PyPI in a virtual environment under .build.
set -euo pipefail
cd "$(dirname "$0")/.."

SELENIUM_VERSION=4.27.1
AXE_CORE_PYTHON_VERSION=0.1.0   # bundles axe-core 4.4.3
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi

venv="$PWD/.build/selenium-venv"
if [ "$("$venv/bin/python" -c 'import selenium; print(selenium.__version__)' 2>/dev/null)" != "$SELENIUM_VERSION" ] \
  || ! "$venv/bin/python" -c 'import axe_core_python' 2>/dev/null; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "selenium==$SELENIUM_VERSION" "axe-core-python==$AXE_CORE_PYTHON_VERSION"
fi

swift build --product rollout
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$venv/bin/python" scripts/browser_story.py "$PWD/.build/debug/rollout" "$work"
