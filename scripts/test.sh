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
# The store tests run on SQLite and on a real PostgreSQL server: as root, Debian's postgresql is installed
# when missing and a throwaway server started on 127.0.0.1 (scripts/postgres.sh); the tests then require it.
if [ "$(id -u)" = 0 ]; then
  if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "noto sans cjk"; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  fi
  export PA_REQUIRE_BROWSER=1
  if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  eval "$(bash scripts/postgres.sh start)"
  trap 'bash scripts/postgres.sh stop "$PA_TEST_POSTGRES_DIR"' EXIT
  export PA_REQUIRE_POSTGRES=1
fi
export HF_HUB_OFFLINE=1 GRADIO_ANALYTICS_ENABLED=False ANONYMIZED_TELEMETRY=False
ruff check .
python -m pytest -q -p no:logging
