"""Relative-time suite: kgmem's one time resolver against calendar-computed expectations.

    .venv/bin/python eval/bench_relative_time.py [--out eval/results/relative_time]

Reads ``tests/fixtures/temporal/relative_time.jsonl`` (written by the held-out author, expected
dates computed by plain calendar code, never by kgmem), resolves each expression inside its
sentence against the session date with :func:`kgmem.temporal.find_time_expressions`, and scores
it **exact**: the resolved interval equals the expected ``[start, end]`` and the granularity is the
expected one (``week`` covers Monday–Sunday weeks and Saturday–Sunday weekends). Records of
granularity ``approx`` ("a few days ago") are exact when the interval equals the expected range.
Writes ``<out>.json`` and ``<out>.md`` with a per-category table and every miss.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eval._report import measured, provenance_lines, write_pair  # noqa: E402

SUITE = ROOT / "tests" / "fixtures" / "temporal" / "relative_time.jsonl"


def resolve_record(rec: dict[str, Any]) -> dict[str, Any]:
    """Our resolution of one record's expression (the span overlapping it in the sentence)."""
    from kgmem.temporal import find_time_expressions

    sentence, expr = rec["sentence"], rec["expression"]
    base = datetime.fromisoformat(rec["session_date"])
    at = sentence.lower().find(expr.lower())
    lo, hi = (at, at + len(expr)) if at >= 0 else (0, len(sentence))
    spans = [s for s in find_time_expressions(sentence, base) if s.start_char < hi and lo < s.end_char]
    if not spans:
        return {"resolved": None}
    best = max(spans, key=lambda s: min(hi, s.end_char) - max(lo, s.start_char))
    r = best.resolved
    return {"resolved": sentence[best.start_char:best.end_char], "start": r.start.date().isoformat(),
            "end": r.end.date().isoformat(), "granularity": r.granularity, "kind": r.kind}


def is_exact(rec: dict[str, Any], got: dict[str, Any]) -> bool:
    """Interval equal to the expected one, at the expected granularity (approx: interval only)."""
    if got.get("resolved") is None:
        return False
    same = (got["start"], got["end"]) == (rec["expected_start"], rec["expected_end"])
    return same if rec["granularity"] == "approx" else same and got["granularity"] == rec["granularity"]


def score(records: list[dict[str, Any]]) -> dict[str, Any]:
    """Per-category exact counts and the misses."""
    by_cat: dict[str, list[bool]] = defaultdict(list)
    misses = []
    for rec in records:
        got = resolve_record(rec)
        ok = is_exact(rec, got)
        by_cat[rec["category"]].append(ok)
        if not ok:
            misses.append({"id": rec["id"], "category": rec["category"], "expression": rec["expression"],
                           "session_date": rec["session_date"], "expected": [rec["expected_start"],
                           rec["expected_end"], rec["granularity"]], "got": got})
    rows = {c: {"n": len(v), "exact": sum(v), "accuracy": sum(v) / len(v)} for c, v in sorted(by_cat.items())}
    total = sum(r["exact"] for r in rows.values())
    n = sum(r["n"] for r in rows.values())
    return {"per_category": rows, "overall": {"n": n, "exact": total, "accuracy": total / n if n else 0.0},
            "misses": misses}



def render(report: dict[str, Any]) -> str:
    """The Markdown report."""
    res = report
    lines = ["# Relative-time suite", "", *provenance_lines(report, "shared machine; accuracy does not depend on it"),
             "", f"Suite: `{report['suite']}` "
             "(187 hand-written expressions, expected dates computed from the calendar by the suite's own "
             "script, not by kgmem; a set the resolver was developed against). Rule: " + report["rule"] + ".", "",
             "| category | n | exact | % |", "|---|---:|---:|---:|"]
    for cat, row in res["per_category"].items():
        lines.append(f"| {cat} | {row['n']} | {row['exact']} | {100 * row['accuracy']:.1f} |")
    o = res["overall"]
    lines += [f"| **overall** | {o['n']} | {o['exact']} | **{100 * o['accuracy']:.1f}** |", ""]
    if res["misses"]:
        lines += ["## Misses", "", "| id | expression | session | expected | got |", "|---|---|---|---|---|"]
        for m in res["misses"]:
            g = m["got"]
            got = "—" if g.get("resolved") is None else f"{g['start']}…{g['end']} {g['granularity']} ({g['kind']})"
            lines.append(f"| {m['id']} | {m['expression']} | {m['session_date'][:10]} | "
                         f"{m['expected'][0]}…{m['expected'][1]} {m['expected'][2]} | {got} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "eval" / "results" / "relative_time"))
    args = ap.parse_args()
    records = [json.loads(line) for line in SUITE.read_text(encoding="utf-8").splitlines() if line.strip()]
    with measured(percentiles=False) as run:
        res = score(records)
    report = {"title": "Relative-time suite", **run, "suite": str(SUITE.relative_to(ROOT)),
              "rule": "exact interval at the expected granularity; approx records: exact interval", **res}
    write_pair(Path(args.out), report, render)
    o = res["overall"]
    print(f"relative time: {o['exact']}/{o['n']} exact ({100 * o['accuracy']:.1f}%)")


if __name__ == "__main__":
    main()
