"""Whether a preference question's gold liked line could be found by relevance: aggregate counts only (pf31, session 31).

    .venv/bin/python eval/diag_pref_relevance.py RUN_DIR --data /work/data-heldout3/synthetic/synthetic_s.json \
        --gold /work/data-heldout3/synthetic/synthetic_s.gold.json [--json OUT]

For every preference question of a run (``RUN_DIR/predictions.jsonl``, right and wrong apart), the haystack's user
lines (``kgmem.answer.evidence`` splits turns into lines) are ranked by MiniLM cosine to the question, as
:mod:`kgmem.answer.pref_relevance` ranks them, and the gold's liked lines are sorted by:

- ``rank``: the best rank of a gold liked line among all the user's lines (``1``, ``2-3``, ``4-8``, ``>8``);
- ``cosine``: its cosine to the question (``>=0.30``, ``0.20-0.30``, ``<0.20``; the module's floor is 0.20);
- ``in domain``: whether the question's domain view keeps the line;
- ``gate``: what the line gates of :func:`kgmem.answer.pref_relevance.liked_by_relevance` say: ``pass``, ``not
  actual (…)``, ``not readable (…)`` (a question mark, too long, asking, not the speaker's own clause, an order), ``denied`` (a negation, an obligation, a wish), ``judged``
  (a verdict on a thing), ``no thing`` (no phrase of the domain);
- ``thing has a rubric word``: whether the phrase read holds a word of the rubric's preferred tastes.

Counts only: no question, line or id is printed, so a held-out family may be run (project rule).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

KEYS = ("rank", "cosine", "in_domain", "gate", "rubric_thing")


def _bucket(rank: int) -> str:
    return "1" if rank == 1 else "2-3" if rank <= 3 else "4-8" if rank <= 8 else ">8"


def _unread(text: str) -> str:
    """Which gate of :func:`kgmem.answer.pref_meaning.readable` a line fails."""
    from kgmem.answer.pref_meaning import _LONGEST, ordered
    from kgmem.answer.pref_reading import asks_in, own_clause

    return "a question mark" if "?" in text else "too long" if len(text) > _LONGEST else \
        "asks" if asks_in(text) else "not own clause" if not own_clause(text) else "an order" if ordered(text) else "?"


def _gate(text: str, view: Any) -> tuple[str, str | None]:
    from kgmem.answer.actuality import actuality
    from kgmem.answer.pref_meaning import readable
    from kgmem.answer.pref_relevance import _DENIED, _thing, judged

    if actuality(text) == "request":
        return "a request (ends with '?')" if text.rstrip(" )\"'").endswith("?") else \
            "a request (opens as one)" if "?" not in text else "a request (opens as one, a '?' inside)", None
    if actuality(text) != "actual":
        return f"not actual ({actuality(text)})", None
    if not readable(text):
        return f"not readable ({_unread(text)})", None
    if _DENIED.search(text):
        return "denied", None
    if judged(text):
        return "judged", None
    thing = _thing(text, view)
    return ("pass", thing) if thing else ("no thing", None)


def diagnose(run_dir: Path, data: Path, gold_path: Path) -> list[dict[str, str]]:
    """One row per gold liked line of each preference question (classes only)."""
    from kgmem.answer.evidence import _pieces
    from kgmem.answer.pref_domains import DomainView
    from kgmem.datasets.longmemeval import load_haystacks
    from kgmem.embeddings import load_embedder
    from kgmem.evaluation.metrics import latest_records
    from kgmem.evaluation.runner import PREDICTIONS, read_predictions

    gold = json.loads(gold_path.read_text(encoding="utf-8"))["questions"]
    recs = [r for r in latest_records(read_predictions(run_dir / PREDICTIONS))
            if r.get("question_type") == "single-session-preference" and not r.get("is_abstention")]
    hays = {h.question_id: h for h in load_haystacks(data, question_ids=[str(r["question_id"]) for r in recs])}
    emb = load_embedder()
    model = f"{emb.name}:{emb.dim}"
    rows = []
    for rec in recs:
        g = gold.get(str(rec["question_id"]), {})
        h = hays[str(rec["question_id"])]
        prefer = {w for p in (g.get("rubric") or {}).get("prefer") or [] for w in re.findall(r"[a-z]{4,}", p.casefold())}
        lines = [p for s in h.sessions for t in s.turns if t.role == "user" for p in _pieces(t.text, True)]
        vecs = emb.embed([h.question] + lines)
        sims = [float(vecs[0] @ v) for v in vecs[1:]]
        order = sorted(range(len(lines)), key=lambda k: -sims[k])
        view = DomainView(h.question, emb.embed, model)
        for f in g.get("facts", []):
            if f.get("predicate") == "dislikes":
                continue
            text = str(f.get("text") or "")
            # (the piece that holds the line, or the longest piece of it: "Honestly?" alone is no liked line)
            at = sorted((k for k in order if text.strip() and (text.strip() in lines[k] or lines[k] in text)),
                        key=lambda k: -min(len(lines[k]), len(text)))
            if not at:
                rows.append({"correct": str((rec.get("verdict") or {}).get("correct")), "rank": "not a line",
                             "cosine": "n/a", "in_domain": "n/a", "gate": "n/a", "rubric_thing": "n/a"})
                continue
            k = at[0]
            gate, thing = _gate(lines[k], view)
            rows.append({"correct": str((rec.get("verdict") or {}).get("correct")),
                         "rank": _bucket(order.index(k) + 1),
                         "cosine": ">=0.30" if sims[k] >= 0.3 else "0.20-0.30" if sims[k] >= 0.2 else "<0.20",
                         "in_domain": "yes" if view.fit([lines[k]], floor=0.0)[0] > 0 else "no", "gate": gate,
                         "rubric_thing": "n/a" if thing is None else
                         "yes" if set(re.findall(r"[a-z]{4,}", thing.casefold())) & prefer else "no"})
    return rows


def tables(rows: list[dict[str, str]]) -> list[str]:
    lines = [f"gold liked lines: {len(rows)} (of questions answered right {sum(r['correct'] == 'True' for r in rows)}, "
             f"wrong {sum(r['correct'] != 'True' for r in rows)})", ""]
    for key in KEYS:
        right = Counter(r[key] for r in rows if r["correct"] == "True")
        wrong = Counter(r[key] for r in rows if r["correct"] != "True")
        lines += [f"| {key} | of right answers | of wrong answers |", "|---|---:|---:|"]
        lines += [f"| {k} | {right[k]} | {wrong[k]} |" for k in sorted(set(right) | set(wrong))] + [""]
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("run_dir", type=Path)
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--gold", type=Path, required=True)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    rows = diagnose(args.run_dir, args.data, args.gold)
    print("\n".join(tables(rows)))
    if args.json:
        agg = {key: dict(Counter(f"{r[key]}:{r['correct']}" for r in rows)) for key in KEYS}
        args.json.write_text(json.dumps({"n": len(rows), "aggregates": agg}, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
