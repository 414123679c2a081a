"""Peak memory of the dataset loader on a LongMemEval_S-sized (~128 MB) file.

Builds a LongMemEval-format file in a temp dir (fixture haystacks repeated with new question ids
and widened to ~50 sessions of long turns, like the real ``*_s_cleaned.json``), then loads it in
fresh subprocesses and reads each child's peak RSS (``resource.getrusage(RUSAGE_SELF).ru_maxrss``
inside the child) and wall time:

- ``import``  — interpreter + kgmem imports only (the floor)
- ``iter``    — ``iter_haystacks``: stream every haystack, keep none (how ingest reads a split)
- ``validate``— ``scan_file``: every problem check over the whole file
- ``load``    — ``load_haystacks``: keep every Haystack in a list
- ``json``    — naive ``json.load`` of the whole file (context: what streaming avoids)

Run: ``.venv/bin/python eval/bench_loader_rss.py [--mb 128]``. Writes
``eval/results/loader_rss.{json,md}``. The generated file is deleted afterwards.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from eval._report import measured, provenance_lines, write_pair  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "datasets" / "longmemeval_s_cleaned.json"
RESULTS = ROOT / "eval" / "results"
LIMIT_MB = 1536  # the bound for iter_haystacks on a 128 MB file

CHILD = r"""
import json, resource, sys, time
mode, path = sys.argv[1], sys.argv[2]
sys.path.insert(0, sys.argv[3])
from kgmem.datasets.longmemeval import iter_haystacks, load_haystacks, scan_file
t0 = time.perf_counter()
n = turns = 0
if mode == "iter":
    for h in iter_haystacks(path):
        n += 1
        turns += sum(len(s.turns) for s in h.sessions)
elif mode == "validate":
    r = scan_file(path)
    assert r.ok, r.problems[:3]
    n, turns = r.records, r.turns
elif mode == "load":
    hs = load_haystacks(path)
    n = len(hs)
    turns = sum(len(s.turns) for h in hs for s in h.sessions)
elif mode == "json":
    with open(path, "rb") as fh:
        data = json.load(fh)
    n = len(data)
    turns = sum(len(s) for r in data for s in r["haystack_sessions"])
elapsed = time.perf_counter() - t0
rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
print(json.dumps({"mode": mode, "records": n, "turns": turns, "seconds": elapsed,
                  "peak_rss_mb": rss_kb / 1024}))
"""


def build_file(path: Path, target_mb: float) -> dict[str, int]:
    """Write a LongMemEval_S-shaped file of about ``target_mb`` MB; returns its shape."""
    base = json.loads(FIXTURE.read_text())
    sessions_per = 50
    # ~10 kB per session (long assistant answers, as in the real haystacks)
    para = (
        "Sure! Here is a detailed, step-by-step answer with examples and caveats. "
        "First, consider the context of your question and what you want to achieve. "
    )
    target = int(target_mb * 1024 * 1024)
    written = records = sessions = 0
    with path.open("w", encoding="utf-8") as fh:
        fh.write("[")
        while written < target:
            rec = json.loads(json.dumps(base[records % len(base)]))
            rec["question_id"] = f"{rec['question_id']}_rep{records:05d}"
            ids, dates, sess = (
                rec["haystack_session_ids"],
                rec["haystack_dates"],
                rec["haystack_sessions"],
            )
            k = 0
            while len(sess) < sessions_per:
                src = k % len(sess)
                ids.append(f"{ids[src]}_x{k}")
                dates.append(dates[src])
                sess.append(
                    [
                        {
                            "role": "user",
                            "content": f"Question {k} of haystack {records}: "
                            + sess[src][0]["content"],
                        },
                        {"role": "assistant", "content": (para * 30) + f" ({records}/{k})"},
                        {"role": "user", "content": "Thanks, and one more thing about that?"},
                        {"role": "assistant", "content": para * 25},
                    ]
                )
                k += 1
            chunk = ("," if records else "") + json.dumps(rec, ensure_ascii=False)
            fh.write(chunk)
            written += len(chunk.encode("utf-8"))
            records += 1
            sessions += len(sess)
        fh.write("]")
    return {"records": records, "sessions": sessions, "bytes": path.stat().st_size}


def run_child(mode: str, path: Path) -> dict[str, float]:
    """Run one measurement in a fresh interpreter (so peak RSS is that mode's alone)."""
    t0 = time.perf_counter()
    proc = subprocess.run(
        # "import" matches no branch in CHILD: it measures the interpreter + imports alone
        [sys.executable, "-c", CHILD, mode, str(path), str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"child {mode} failed: {proc.stderr[-2000:]}")
    result: dict[str, float] = json.loads(proc.stdout.strip().splitlines()[-1])
    result["mode"] = mode  # type: ignore[assignment]
    result["wall_seconds"] = time.perf_counter() - t0
    return result


def measure(args: argparse.Namespace) -> dict[str, Any]:
    """Build the file, run every mode in a fresh child, and return the summary."""
    import ijson

    with tempfile.TemporaryDirectory(prefix="kgmem-rss-") as tmp:
        path = Path(tmp) / "bench_s_cleaned.json"
        t0 = time.perf_counter()
        shape = build_file(path, args.mb)
        build_s = time.perf_counter() - t0
        print(
            f"built {shape['bytes'] / 2**20:.1f} MB, {shape['records']} records, "
            f"{shape['sessions']} sessions in {build_s:.1f}s",
            file=sys.stderr,
        )
        rows = []
        for mode in args.modes.split(","):
            row = run_child(mode, path)
            print(
                f"{mode:>8}: peak RSS {row['peak_rss_mb']:.0f} MB, {row['seconds']:.1f}s",
                file=sys.stderr,
            )
            rows.append(row)

    by = {r["mode"]: r for r in rows}
    return {
        "file_mb": round(shape["bytes"] / 2**20, 1),
        "records": shape["records"],
        "sessions": shape["sessions"],
        "ijson_backend": ijson.backend,
        "python": platform.python_version(),
        "limit_mb": LIMIT_MB,
        "iter_within_limit": bool("iter" in by and by["iter"]["peak_rss_mb"] <= LIMIT_MB),
        "runs": rows,
    }


def render(report: dict[str, Any]) -> str:
    """The Markdown report."""
    summary = report["result"]
    lines = [
        "# Loader peak memory (eval/bench_loader_rss.py)",
        "",
        *provenance_lines(report, "shared machine: peak RSS does not depend on the load, times do"),
        "",
        f"Generated LongMemEval_S-format file: {summary['file_mb']} MB, {summary['records']} "
        f"haystacks, {summary['sessions']} sessions. ijson backend `{summary['ijson_backend']}`, "
        f"Python {summary['python']}. Each mode runs in a fresh "
        "subprocess; peak RSS is the child's `ru_maxrss`.",
        "",
        "| mode | what | peak RSS (MB) | time (s) |",
        "|---|---|---:|---:|",
    ]
    what = {
        "import": "interpreter + kgmem imports (floor)",
        "iter": "`iter_haystacks` — stream, keep nothing",
        "validate": "`scan_file` — check every record",
        "load": "`load_haystacks` — keep every Haystack",
        "json": "naive `json.load` of the whole file",
    }
    for r in summary["runs"]:
        lines.append(
            f"| {r['mode']} | {what.get(str(r['mode']), '')} | {r['peak_rss_mb']:.0f} | {r['seconds']:.2f} |"
        )
    lines += [
        "",
        f"Bound for streaming a 128 MB file: ≤ {LIMIT_MB} MB peak RSS — "
        f"{'met' if summary['iter_within_limit'] else 'NOT met'}.",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=128.0, help="size of the generated file")
    parser.add_argument("--modes", default="import,iter,validate,load,json")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    with measured(percentiles=False) as run:
        result = measure(args)
    report = {"title": "Loader peak memory", **run, "result": result}
    print(write_pair(args.out / "loader_rss", report, render))


if __name__ == "__main__":
    main()
