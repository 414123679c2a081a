#!/usr/bin/env bash
# Set up kgmem on a fresh machine: uv, then every Python dependency from the lock file (uv.lock).
# The first run builds llama-cpp-python from source (~5-15 min on 2 cores) and downloads torch
# (~3 GB); both land in ~/.cache/uv, so later runs take seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

UV_VERSION="0.13.9"
if ! command -v uv >/dev/null 2>&1 || [ "$(uv --version | awk '{print $2}')" != "$UV_VERSION" ]; then
  python3 -m pip install --quiet --disable-pip-version-check "uv==$UV_VERSION"
fi
export CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc)}"
# --frozen: install exactly what uv.lock says; fail rather than re-resolve
uv sync --frozen --all-extras ${KGMEM_SYNC_ARGS:-}
echo "setup: environment ready in .venv" >&2
