#!/usr/bin/env bash
# Installs the project with its test tools into .venv and runs the tests (including the eval gate).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
. .venv/bin/activate
python -m pip install -q --upgrade pip
python -m pip install -q -e '.[dev]'
export HF_HUB_OFFLINE=1 GRADIO_ANALYTICS_ENABLED=False ANONYMIZED_TELEMETRY=False
ruff check .
python -m pytest -q -p no:logging
