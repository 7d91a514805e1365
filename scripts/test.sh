#!/usr/bin/env bash
# Installs the project with its test tools into .venv and runs ruff and the tests (including the eval gate).
#   bash scripts/test.sh              the default: no torch; the sentence-transformers test is skipped
#   PA_EXTRAS=dev,st bash scripts/test.sh   also installs sentence-transformers/torch and runs that test (CI)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/venv.sh
pa_venv "${PA_EXTRAS:-dev}"
# The browser tests drive Debian's Chromium (CJK fonts for the screenshots) and inject axe-core from npm.
# As root (CI) both are installed here and the tests are then required; elsewhere they are skipped when absent.
# The store tests run on SQLite and on a real PostgreSQL server: as root, Debian's postgresql is installed
# when missing and a throwaway server started on 127.0.0.1 (scripts/postgres.sh); the tests then require it.
if [ "$(id -u)" = 0 ]; then
  if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "noto sans cjk"; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  fi
  if ! command -v npm >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null
  fi
  export PA_REQUIRE_BROWSER=1
  if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  eval "$(bash scripts/postgres.sh start)"
  trap 'bash scripts/postgres.sh stop "$PA_TEST_POSTGRES_DIR"' EXIT
  export PA_REQUIRE_POSTGRES=1
fi
if [ ! -f .cache/npm/node_modules/axe-core/axe.min.js ] && command -v npm >/dev/null; then
  npm install --no-save --no-audit --no-fund --silent --prefix .cache/npm axe-core@4 >/dev/null
fi
export HF_HUB_OFFLINE=1 GRADIO_ANALYTICS_ENABLED=False ANONYMIZED_TELEMETRY=False
.venv/bin/ruff check .
.venv/bin/mypy
.venv/bin/python -m pytest -q -p no:logging
