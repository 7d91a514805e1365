#!/usr/bin/env bash
# Serves the UI (at /) and the API (under /v1) on 127.0.0.1, building the index when missing.
#   bash scripts/serve.sh [PORT]      (or PA_PORT=PORT; default 7860)
# Installs the project into .venv first, only when pyproject.toml changed since the last install.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-${PA_PORT:-7860}}"
if ! [[ "$port" =~ ^[0-9]+$ ]] || [ "$port" -lt 1 ] || [ "$port" -gt 65535 ]; then
  echo "error: the port must be a number from 1 to 65535, not '$port'" >&2
  exit 2
fi
# SO_REUSEADDR as the server binds: connections of a stopped server left in TIME_WAIT do not count as taken.
if ! python3 -c "import socket, sys; s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(('127.0.0.1', int(sys.argv[1])))" "$port" 2>/dev/null; then
  echo "error: port $port on 127.0.0.1 is already in use; pass another, e.g. bash scripts/serve.sh $((port % 65535 + 1))" >&2
  exit 2
fi
. scripts/venv.sh
pa_venv ""
# The project's own modules kept as bytecode: where PYTHONDONTWRITEBYTECODE is set (as on some machines)
# Python would otherwise compile them again at every start, 0.3 CPU-seconds; only changed files are compiled.
.venv/bin/python -m compileall -q assistant index ui eval prompts >/dev/null 2>&1 || true
export HF_HUB_OFFLINE=1 GRADIO_ANALYTICS_ENABLED=False ANONYMIZED_TELEMETRY=False
exec .venv/bin/policy-assistant serve --host 127.0.0.1 --port "$port"
