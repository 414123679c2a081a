#!/usr/bin/env bash
# Run the whole test suite the way CI does: lint, types, a real Neo4j 5.26 server, headless
# Chromium for the Neo4j Browser test, then pytest; any skip not on .ci/skip-allowlist.txt fails.
# Expects scripts/setup.sh to have run (make test does both).
set -euo pipefail
cd "$(dirname "$0")/.."
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 LITELLM_LOCAL_MODEL_COST_MAP=True
export PYTHONDONTWRITEBYTECODE=1
source scripts/uv_env.sh   # the uv setup.sh installed (tests/unit/test_packaging.py builds a wheel with it)
KG=.venv/bin/kgmem
WORK="$(mktemp -d -t kgmem-test-XXXXXX)"
export KGMEM_HOME="$WORK/home"   # fresh stores and caches for this run
# this run's own Neo4j home (conf, pid, logs; lib/ links the jars installed once in ~/.cache/kgmem): two runs on one
# machine at once each start their own server on free ports and never write the other's files
export KGMEM_NEO4J_HOME="$WORK/neo4j-home"
# On exit: stop this run's Neo4j (a start that fails half way must not leave a JVM running), then
# remove the run's files (~0.5 GB of store and server data) unless the run failed or
# KGMEM_KEEP_TEST_DIR is set, so repeated runs do not fill the disk.
cleanup() {
  local rc=$?
  if [ -n "${neo4j_tests:-}" ]; then kill "$neo4j_tests" 2>/dev/null || true; fi   # the Neo4j tests' run, if left
  $KG neo4j stop --data-dir "$WORK/neo4j-data" >/dev/null 2>&1 || true
  if [ "$rc" -eq 0 ] && [ -z "${KGMEM_KEEP_TEST_DIR:-}" ]; then
    rm -rf "$WORK"
  else
    echo "test run files kept in $WORK" >&2
  fi
}
trap cleanup EXIT

step() { echo "== $* ($(date +%T))" >&2; }

step "lint (ruff) and types (mypy)"
.venv/bin/ruff check kgmem tests eval scripts
# mypy's incremental cache outlives the clone (~/.cache): a warm run re-checks only changed modules
# (5.5 min cold -> ~20 s warm on this 2-core machine); mypy validates each cached module by its hash
.venv/bin/mypy --cache-dir "${KGMEM_MYPY_CACHE:-$HOME/.cache/kgmem/mypy}" kgmem

step "system packages: Java 17 + Maven (Neo4j), headless Chromium (the Neo4j Browser test)"
bash scripts/system_deps.sh test

step "Neo4j 5.26 (jars from Maven Central, cached in ~/.m2 and ~/.cache/kgmem; this run's server in $KGMEM_NEO4J_HOME)"
export NEO4J_USER=neo4j NEO4J_PASSWORD="kgmem-test-password"
$KG neo4j install --link
# ports: KGMEM_NEO4J_BOLT_PORT / KGMEM_NEO4J_HTTP_PORT, else free ones (0); the URI comes back in the JSON
$KG neo4j start --data-dir "$WORK/neo4j-data" --password "$NEO4J_PASSWORD" --bolt-port "${KGMEM_NEO4J_BOLT_PORT:-0}" \
  --http-port "${KGMEM_NEO4J_HTTP_PORT:-0}" --json >"$WORK/neo4j-start.json"
NEO4J_URI="$(.venv/bin/python -c 'import json, sys; d = json.load(open(sys.argv[1])); print(d["bolt_uri"])
print("Neo4j {version} running (pid {pid}) at {bolt_uri}, started in {start_seconds}s".format(**d), file=sys.stderr)' \
  "$WORK/neo4j-start.json")"
export NEO4J_URI

# With no arguments: two pytest runs side by side. The tests that need the one Neo4j server (marked `neo4j`) run
# one at a time in one process, as they share its schema and load; all the others (tests/unit, the networkx
# variants, the service, reliability and failure-report tests, each on its own temp dirs) on every core with
# pytest-xdist (KGMEM_TEST_WORKERS: how many workers; tests/conftest.py gives each its own KGMEM_HOME). That run
# sees no server (NEO4J_URI at a closed port): a test that reaches it without the mark skips, and CI fails on it.
# The Neo4j run leaves tests/unit out (collecting it costs minutes): no unit test carries the mark
# (tests/unit/test_ci_split.py checks it).
# (One xdist run with `--dist loadgroup` would do the same, but pytest 9.2's node ids break xdist's groups:
# pytest-dev/pytest-xdist#1386.)
# Any arguments: one plain pytest run with them (`bash scripts/test.sh tests/store -k parity`).
set +e
if [ $# -eq 0 ]; then
  workers="${KGMEM_TEST_WORKERS:-auto}"
  step "pytest: the Neo4j tests in one process (output below when done), beside the others on $([ "$workers" = auto ] && echo "every core" || echo "$workers workers") (pytest-xdist)"
  .venv/bin/pytest -p no:cacheprovider -m neo4j --durations=15 --junitxml="$WORK/junit-neo4j.xml" \
    tests --ignore=tests/unit >"$WORK/pytest-neo4j.log" 2>&1 &
  neo4j_tests=$!
  NEO4J_URI="bolt://127.0.0.1:9" .venv/bin/pytest -p no:cacheprovider -n "$workers" -m "not neo4j" --durations=15 \
    --junitxml="$WORK/junit.xml" tests
  code=$?
  wait "$neo4j_tests"
  neo4j_code=$?
  neo4j_tests=""
  step "pytest: the Neo4j tests (one process)"
  cat "$WORK/pytest-neo4j.log"
  if [ $code -eq 0 ]; then code=$neo4j_code; fi
else
  step "pytest $*"
  .venv/bin/pytest -p no:cacheprovider --junitxml="$WORK/junit.xml" "$@"
  code=$?
fi
set -e
if [ $code -ne 0 ]; then exit $code; fi
for junit in "$WORK"/junit*.xml; do
  .venv/bin/python scripts/check_skips.py "$junit" .ci/skip-allowlist.txt
done
