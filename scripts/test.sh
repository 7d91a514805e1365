#!/usr/bin/env bash
# Installs the project with its test tools into .venv and runs the tests (including the eval gate).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
. .venv/bin/activate
python -m pip install -q --upgrade pip
python -m pip install -q -e '.[dev,st]'
# The browser test drives Debian's Chromium (CJK fonts for the screenshot). As root (CI) it is
# installed here and the test is then required; elsewhere it is skipped when Chromium is absent.
if [ "$(id -u)" = 0 ]; then
  if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "noto sans cjk"; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  fi
  export PA_REQUIRE_BROWSER=1
fi
export HF_HUB_OFFLINE=1 GRADIO_ANALYTICS_ENABLED=False ANONYMIZED_TELEMETRY=False
ruff check .
mypy
python -m pytest -q -p no:logging
