#!/usr/bin/env bash
# The system packages kgmem's scripts need, installed with apt-get when missing (CI runs as root
# on Debian/Ubuntu); otherwise one clear line naming what to install, and exit 1.
#   scripts/system_deps.sh build   pip, cmake and a C++ compiler (to build llama-cpp-python once)
#   scripts/system_deps.sh test    Java 17+ and Maven (the Neo4j 5.26 server from its jars),
#                                  headless Chromium + chromedriver (the Neo4j Browser test)
set -euo pipefail

want=()   # Debian package names of what is missing
need() {  # $1 = command that must exist, $2.. = the packages that provide it
  local cmd="$1"; shift
  command -v "$cmd" >/dev/null 2>&1 || want+=("$@")
}

case "${1:-}" in
  build)
    python3 -m pip --version >/dev/null 2>&1 || want+=(python3-pip)
    need cmake cmake
    need c++ build-essential
    ;;
  test)
    need java "openjdk-17-jre-headless"
    need mvn maven
    need chromium chromium
    need chromedriver chromium-driver
    ;;
  *) echo "usage: $0 build|test" >&2; exit 2 ;;
esac

[ ${#want[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "system_deps: missing ${want[*]}: install them (e.g. apt-get install ${want[*]}) and retry" >&2
  exit 1
fi
echo "system_deps: installing ${want[*]}" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${want[@]}" >/dev/null
