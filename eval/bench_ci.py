"""Time the CI job the way CI runs it: a clean clone of a commit, then `.ci/run` (the README's
`make test`: setup from the lock, lint, types, a real Neo4j 5.26, the whole suite).

    python eval/bench_ci.py [--repo .] [--rev HEAD] [--out eval/results/ci_time]

Writes ``<out>.json`` / ``<out>.md``: the commit, wall time of `.ci/run`, its exit code, the
pytest summary line (passed / failed / deselected), and the load average before and after (this
machine is shared: the time depends on what else runs). A warm run reuses the caches under
``~/.cache`` (uv, the llama-cpp wheel, the Maven jars), as CI's do; a cold run is one without them.
The log of the run is kept next to the clone and named in the result.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eval._report import loadavg, machine, write_pair  # noqa: E402


def measure(repo: Path, rev: str) -> dict[str, Any]:
    """Clone ``rev`` of ``repo`` into a fresh directory and time `.ci/run` there."""
    work = Path(tempfile.mkdtemp(prefix="kgmem-ci-"))
    clone = work / "clone"
    subprocess.run(["git", "clone", "-q", str(repo), str(clone)], check=True)
    subprocess.run(["git", "-C", str(clone), "checkout", "-q", rev], check=True)
    sha = subprocess.run(["git", "-C", str(clone), "rev-parse", "HEAD"], capture_output=True, text=True,
                         check=True).stdout.strip()
    log = work / "ci.log"
    before = loadavg()
    start = time.monotonic()
    with open(log, "w", encoding="utf-8") as fh:
        code = subprocess.run(["bash", ".ci/run"], cwd=clone, stdout=fh, stderr=subprocess.STDOUT,
                              env={**os.environ, "CI": "true"}).returncode
    seconds = time.monotonic() - start
    text = log.read_text(encoding="utf-8", errors="replace")
    summary = re.findall(r"=+ (.*(?:passed|failed|error).*) in [0-9.]+s", text)
    return {"git_sha": sha, "exit_code": code, "seconds": round(seconds, 1),
            "pytest": summary[-1] if summary else None, "log": str(log),
            "loadavg_before": before, "loadavg_after": loadavg()}


def render(report: dict[str, Any]) -> str:
    """The Markdown of a report."""
    r = report["result"]
    return "\n".join([
        "# CI job timed on a clean clone (`.ci/run` = the README's `make test`)", "",
        f"- command: `{report['command']}`; started {report['started']}",
        f"- commit: `{r['git_sha']}`; exit code **{r['exit_code']}**; wall time **{r['seconds'] / 60:.1f} min**",
        f"- pytest: {r['pytest']}",
        f"- machine: {report['machine']}; load average before {' '.join(r['loadavg_before'])} → after "
        f"{' '.join(r['loadavg_after'])} (shared machine: other jobs ran at the same time)",
        f"- caches: {report['caches']}", "",
    ])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repo", type=Path, default=ROOT)
    ap.add_argument("--rev", default="HEAD")
    ap.add_argument("--caches", default="warm (~/.cache/uv, ~/.cache/kgmem, ~/.m2 already filled)",
                    help="a sentence saying which caches the run found")
    ap.add_argument("--out", type=Path, default=ROOT / "eval" / "results" / "ci_time")
    args = ap.parse_args()
    started = datetime.now(UTC).isoformat(timespec="seconds")
    result = measure(args.repo, args.rev)
    report = {"command": f"python eval/bench_ci.py --rev {args.rev}", "started": started, "machine": machine(),
              "caches": args.caches, "result": result}
    print(write_pair(args.out, report, render))
    sys.exit(0 if result["exit_code"] == 0 else 1)


if __name__ == "__main__":
    main()
