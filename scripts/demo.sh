#!/usr/bin/env bash
# The main job: evaluate kgmem on the bundled sample split, offline, with the embedded store and
# the embedded local model (SmolLM2-135M-Instruct via llama.cpp), next to the reference RAG
# baseline with the same models, then print both side by side. Re-running resumes instantly.
set -euo pipefail
cd "$(dirname "$0")/.."
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 LITELLM_LOCAL_MODEL_COST_MAP=True
KG=.venv/bin/kgmem
$KG eval --split sample --system kgmem
$KG eval --split sample --system baseline-rag
latest() { ls -td eval/runs/"$1"-* | head -n 1; }
$KG report "$(latest sample-kgmem)" --compare "$(latest sample-baseline-rag)"
