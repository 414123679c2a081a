"""How much of a preference score comes from the user's own words quoted back (review10 H3) or said
back about them (review13 M1).

    .venv/bin/python eval/bench_preference_quotes.py RUN_DIR [RUN_DIR ...] [--out eval/results/preference_quotes]
        [--list-changes]

kgmem's preference answers cite the user's stated likes and needs in quotation marks ("you told me:
'…'"). The offline scorer judges a preference answer by overlap with the rubric's keywords, and a
rubric names what the user likes — so quoting the user can earn keywords the recommendation itself
does not contain. For each run directory this re-scores its single-session-preference answers with
every quoted span removed, and with today's scorer (which also leaves out what the answer says back
about the user: "you're lactose intolerant", a list after "what you've told me:"), and reports the
counts. Aggregates only: no question, answer or id is printed or written (held-out run directories
may be passed) — except with ``--list-changes``, for development sets only, which prints the id and
both verdicts of each answer whose verdict today's scorer changes.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from eval._report import measured, provenance_lines  # noqa: E402
from kgmem.evaluation.answer_text import without_quotes  # noqa: E402  (the offline judge's own rule)


def count(run_dir: Path) -> dict[str, int]:
    """Preference questions of one run: n, right as scored, right with quoted spans removed, right by
    today's scorer."""
    return _judged(run_dir)[0]


def _judged(run_dir: Path) -> tuple[dict[str, int], list[tuple[str, bool, bool]]]:
    """:func:`count`, with ``today`` (today's scorer), and each changed verdict as (id, before, today)."""
    from kgmem.evaluation.judge import NormalisedMatchScorer
    from kgmem.evaluation.metrics import latest_records
    from kgmem.evaluation.runner import PREDICTIONS, read_predictions

    scorer = NormalisedMatchScorer()
    out = {"n": 0, "as_scored": 0, "quotes_removed": 0, "today": 0}
    changed: list[tuple[str, bool, bool]] = []
    for rec in latest_records(read_predictions(run_dir / PREDICTIONS)):
        if rec.get("error") or rec.get("is_abstention") or rec.get("question_type") != "single-session-preference":
            continue
        out["n"] += 1
        before = bool((rec.get("verdict") or {}).get("correct"))
        out["as_scored"] += int(before)
        asked = {"question": str(rec.get("question") or ""), "gold": str(rec.get("gold_answer") or ""),
                 "question_type": "single-session-preference", "is_abstention": False}
        prediction = str(rec.get("predicted_answer") or "")
        out["quotes_removed"] += int(scorer.judge(prediction=without_quotes(prediction), **asked).correct)
        today = scorer.judge(prediction=prediction, **asked).correct
        out["today"] += int(today)
        if today != before:
            changed.append((str(rec.get("question_id")), before, today))
    return out, changed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("run_dirs", nargs="+", type=Path)
    ap.add_argument("--out", type=Path, default=ROOT / "eval" / "results" / "preference_quotes")
    ap.add_argument("--list-changes", action="store_true",
                    help="print each changed verdict's id (development sets only, never held-out runs)")
    args = ap.parse_args(argv)
    with measured(percentiles=False) as run:
        judged = {str(d): _judged(d) for d in args.run_dirs}
        rows = {d: r for d, (r, _) in judged.items()}
    report: dict[str, Any] = {**run, "runs": rows}
    lines = ["# Preference answers scored with and without the user's quoted words", "", *provenance_lines(run), "",
             "Offline scorer (rubric keywords); the same answers as scored (by the scorer of the run's own code), "
             "with every quoted span removed, and by today's scorer (quotes and what the answer says back about "
             "the user left out).", "", "| run directory | preference questions | right as scored | "
             "right without quotes (today's scorer) | right by today's scorer |", "|---|---:|---:|---:|---:|"]
    lines += [f"| `{d}` | {r['n']} | {r['as_scored']} | {r['quotes_removed']} | {r['today']} |" for d, r in rows.items()]
    if args.list_changes:
        lines += ["", "Verdicts today's scorer changes (development sets):", ""]
        lines += [f"- `{d}` {qid}: {'right' if b else 'wrong'} -> {'right' if t else 'wrong'}"
                  for d, (_, ch) in judged.items() for qid, b, t in ch] or ["- none"]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    Path(f"{args.out}.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    Path(f"{args.out}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
