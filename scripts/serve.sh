#!/usr/bin/env bash
# Installs the project into .venv, builds the index if missing and serves UI + API on 127.0.0.1:7860.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
. .venv/bin/activate
python -m pip install -q --upgrade pip
python -m pip install -q -e .
export HF_HUB_OFFLINE=1 GRADIO_ANALYTICS_ENABLED=False ANONYMIZED_TELEMETRY=False
exec policy-assistant serve --host 127.0.0.1 --port 7860
