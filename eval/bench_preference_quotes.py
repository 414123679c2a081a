"""How much of a preference score comes from the user's own words quoted back (review10 H3).

    .venv/bin/python eval/bench_preference_quotes.py RUN_DIR [RUN_DIR ...] [--out eval/results/preference_quotes]

kgmem's preference answers cite the user's stated likes and needs in quotation marks ("you told me:
'…'"). The offline scorer judges a preference answer by overlap with the rubric's keywords, and a
rubric names what the user likes — so quoting the user can earn keywords the recommendation itself
does not contain. For each run directory this re-scores its single-session-preference answers with
every quoted span removed and reports both counts. Aggregates only: no question, answer or id is
printed or written (held-out run directories may be passed).
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
    """Preference questions of one run: n, right as scored, right with quoted spans removed."""
    from kgmem.evaluation.judge import NormalisedMatchScorer
    from kgmem.evaluation.metrics import latest_records
    from kgmem.evaluation.runner import PREDICTIONS, read_predictions

    scorer = NormalisedMatchScorer()
    out = {"n": 0, "as_scored": 0, "quotes_removed": 0}
    for rec in latest_records(read_predictions(run_dir / PREDICTIONS)):
        if rec.get("error") or rec.get("is_abstention") or rec.get("question_type") != "single-session-preference":
            continue
        out["n"] += 1
        out["as_scored"] += int(bool((rec.get("verdict") or {}).get("correct")))
        verdict = scorer.judge(question=str(rec.get("question") or ""), gold=str(rec.get("gold_answer") or ""),
                               prediction=without_quotes(str(rec.get("predicted_answer") or "")),
                               question_type="single-session-preference", is_abstention=False)
        out["quotes_removed"] += int(verdict.correct)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("run_dirs", nargs="+", type=Path)
    ap.add_argument("--out", type=Path, default=ROOT / "eval" / "results" / "preference_quotes")
    args = ap.parse_args(argv)
    with measured(percentiles=False) as run:
        rows = {str(d): count(d) for d in args.run_dirs}
    report: dict[str, Any] = {**run, "runs": rows}
    lines = ["# Preference answers scored with and without the user's quoted words", "", *provenance_lines(run), "",
             "Offline scorer (rubric keywords); the same answers, once as scored and once with every quoted span "
             "removed. Aggregates only.", "", "| run directory | preference questions | right as scored | "
             "right without quotes |", "|---|---:|---:|---:|"]
    lines += [f"| `{d}` | {r['n']} | {r['as_scored']} | {r['quotes_removed']} |" for d, r in rows.items()]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    Path(f"{args.out}.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    Path(f"{args.out}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
