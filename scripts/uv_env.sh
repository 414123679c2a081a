# uv's pinned version and the folder scripts/setup.sh puts its binary in (out of uv's PyPI wheel);
# sourced by setup.sh and test.sh, so the test run finds the same uv (test_packaging builds a wheel
# with it) although setup ran in another process.
UV_VERSION="0.13.9"
UV_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/kgmem/uv-$UV_VERSION"
if [ -x "$UV_DIR/uv" ]; then
  export PATH="$UV_DIR:$PATH"
fi
