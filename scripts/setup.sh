#!/usr/bin/env bash
# Set up kgmem on a fresh machine: uv, then every Python dependency from the lock file (uv.lock).
#
# llama-cpp-python ships only a source distribution on PyPI; building it takes ~5-15 min on
# 2 cores, and uv's own cache was seen to rebuild it for every new virtual environment. So we
# build the exact locked version once per machine (sha256 checked against uv.lock) into a
# wheelhouse under ~/.cache/kgmem/wheels and install that wheel; everything else comes from
# `uv sync --frozen`. torch (~3 GB, a CUDA build on PyPI) is downloaded once into ~/.cache/uv.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system_deps.sh build   # pip, cmake, a C++ compiler (apt-get when missing and root)

source scripts/uv_env.sh   # UV_VERSION, UV_DIR (on PATH once installed)
# uv's binary comes out of its PyPI wheel into ~/.cache/kgmem/uv-<version>: `pip install` is refused
# on a system Python that is "externally managed" (PEP 668: Debian 12, Ubuntu 23.04+), `pip download` is not
if ! command -v uv >/dev/null 2>&1 || [ "$(uv --version | awk '{print $2}')" != "$UV_VERSION" ]; then
  if [ ! -x "$UV_DIR/uv" ]; then
    uv_src="$(mktemp -d)"
    python3 -m pip download --quiet --disable-pip-version-check --no-deps --only-binary :all: \
      "uv==$UV_VERSION" -d "$uv_src"
    python3 - "$uv_src" "$UV_DIR" <<'PY'
import pathlib, sys, zipfile
src, dest = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
(wheel,) = src.glob("uv-*.whl")
with zipfile.ZipFile(wheel) as z:
    (member,) = [n for n in z.namelist() if n.endswith("/scripts/uv")]
    dest.mkdir(parents=True, exist_ok=True)
    tmp = dest / "uv.partial"
    tmp.write_bytes(z.read(member))
    tmp.chmod(0o755)
    tmp.rename(dest / "uv")  # a rename in one folder: never half a binary
PY
    rm -rf "$uv_src"
  fi
  export PATH="$UV_DIR:$PATH"
fi
export CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc)}"

# the locked llama-cpp-python version and its sdist hash, read from uv.lock
lock_field() {  # $1 = package, $2 = awk program run on its [[package]] block
  awk -v pkg="$1" '/^\[\[package\]\]/{inblk=0} $0=="name = \"" pkg "\""{inblk=1} inblk' uv.lock | awk "$2"
}
LLAMA_VERSION=$(lock_field llama-cpp-python '/^version = /{gsub(/"/,"",$3); print $3; exit}')
LLAMA_SHA=$(lock_field llama-cpp-python '/^sdist = /{match($0,/sha256:[0-9a-f]+/); print substr($0,RSTART+7,RLENGTH-7); exit}')
# A portable x86-64 build (AVX2/FMA/F16C, no AVX-512/AMX), not -march=native: a native build on a Xeon with
# AMX segfaulted in every generation (llama.cpp's AMX weight buffers; seen on this project's 2-core VMs, 2026-12-05),
# and ~/.cache may travel to a machine with another CPU. The flags name the wheelhouse, so a wheel built with
# other flags is never picked up. Set KGMEM_LLAMA_CMAKE_ARGS to build something else (e.g. "-DGGML_NATIVE=ON").
LLAMA_CMAKE_ARGS="${KGMEM_LLAMA_CMAKE_ARGS:--DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON -DGGML_AVX512=OFF -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF}"
LLAMA_FLAGS_TAG=$(printf '%s' "$LLAMA_CMAKE_ARGS" | sha256sum | cut -c1-12)
WHEELHOUSE="${XDG_CACHE_HOME:-$HOME/.cache}/kgmem/wheels/$LLAMA_FLAGS_TAG"
wheel() { ls "$WHEELHOUSE"/llama_cpp_python-"$LLAMA_VERSION"-*.whl 2>/dev/null | head -n 1; }
if [ -z "$(wheel)" ]; then
  echo "setup: building llama-cpp-python $LLAMA_VERSION once for this machine (5-15 min)" >&2
  src="$(mktemp -d)"
  python3 -m pip download --quiet --disable-pip-version-check --no-deps --no-binary :all: \
    "llama-cpp-python==$LLAMA_VERSION" -d "$src"
  echo "$LLAMA_SHA  $src/llama_cpp_python-$LLAMA_VERSION.tar.gz" | sha256sum -c --quiet -
  staging="$WHEELHOUSE/.build-$$"
  mkdir -p "$staging"
  CMAKE_ARGS="$LLAMA_CMAKE_ARGS" uv build --quiet --wheel --out-dir "$staging" "$src/llama_cpp_python-$LLAMA_VERSION.tar.gz"
  mv "$staging"/llama_cpp_python-*.whl "$WHEELHOUSE"/   # a rename in one folder: never half a wheel
  rm -rf "$src" "$staging"
fi

# --frozen: install exactly what uv.lock says; fail rather than re-resolve.
# --compile-bytecode: write the .pyc files now (once per venv, ~1.5 min on 2 cores; later syncs
# take seconds). Without them every `kgmem` process compiles numpy/neo4j/pydantic/rich/torch
# from source (PYTHONDONTWRITEBYTECODE=1 is set here and in scripts/test.sh): a CLI error that
# should take ~1 s took 3-17 s, and each test that starts `kgmem` paid it.
uv sync --frozen --all-extras --no-install-package llama-cpp-python --compile-bytecode ${KGMEM_SYNC_ARGS:-}
uv pip install --quiet --python .venv/bin/python --no-deps --compile-bytecode --reinstall-package llama-cpp-python "$(wheel)"
echo "setup: environment ready in .venv" >&2
