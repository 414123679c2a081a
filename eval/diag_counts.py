"""Where count answers fail in a run directory: aggregate counts only (session 29, an29).

    KGMEM_HOME=<the run's home> .venv/bin/python eval/diag_counts.py RUN_DIR [--type multi-session] [--show N] [--json OUT]

Reads ``RUN_DIR/predictions.jsonl`` (a ``kgmem eval`` run), keeps the count questions of the type ("how many …", "my
tally of …"; not money totals), and sorts each by its answer's number against the gold number (``right`` / ``too few``
/ ``too many`` / ``abstained`` / ``no number``). For every gold evidence turn of a count answered wrong it then asks the
store of ``KGMEM_HOME`` again (the same plan and retrieval as the run, no answer model) and names the stage at which the
instance was lost:

- ``cited``: the count (re-computed with the code at hand: run it at the run's code) takes an item from the turn;
- ``not an own actual line``: none of the turn's user lines is the user's own actual line (a request, a plan, another's
  doing, a no), with the line classes;
- ``set aside: <class>``: the count read the line and set it aside (someone else's, a plan, booked ahead, another deed
  told, did not happen, …);
- ``merged``: read as an instance but told as the same one as a counted line (same session, same name, same day);
- ``maybe``: reported as "maybe one more", not counted;
- ``not read as an instance``: an own actual line the count did not take (the largest class: told by its effect, by
  another verb, in a side note).

Apart from the stages, the wrong counts' gold instances with a name that the conversation around it types as the
asked kind ("Glastonbury is one of the UK's biggest music festivals": :mod:`kgmem.answer.name_kinds`) are counted.

Per-question lines (``--show N``) are printed only for development families; a question of a held-out family
(``kgmem.datasets.synthetic.families.HELD_OUT``) is counted, never shown (project rule).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kgmem.datasets.synthetic.families import HELD_OUT  # noqa: E402

_COUNT_Q = re.compile(r"\bhow\s+many\b|\b(?:tally|count)\s+of\b|\bcount\s+them\b|\bnumber\s+of\b", re.I)
_MONEY_Q = re.compile(r"\bhow\s+much\b|\bspen[dt]\b|\bcost\b|\$|£|€", re.I)
_NUMBER = re.compile(r"\b(\d+)\b")
_REASONS = (("someone else", "someone else's"), ("plan", "a plan"), ("booked", "booked ahead"), ("booking", "booked ahead"),
            ("tells ", "another deed told"), ("did not happen", "did not happen"), ("declined", "declined or not done"),
            ("called off", "called off"), ("another kind", "another kind of outing"), ("ticket", "a ticket"),
            ("told again", "told again"), ("offer", "an offer"), ("request", "a request"), ("sent back", "sent back"))


def verdict(pred: dict[str, Any]) -> str:
    """right / too few / too many / abstained / no number, against the gold number."""
    if (pred.get("verdict") or {}).get("correct"):
        return "right"
    if pred.get("abstained"):
        return "abstained"
    want = _NUMBER.search(str(pred.get("gold_answer") or ""))
    got = _NUMBER.search(re.sub(r"\d{4}-\d{2}-\d{2}", " ", str(pred.get("predicted_answer") or "")))
    if want is None or got is None:
        return "no number"
    return "too few" if int(got.group(1)) < int(want.group(1)) else "too many" if int(got.group(1)) > int(want.group(1)) \
        else "right number, judged wrong"


def reason_class(why: str) -> str:
    """A set-aside reason by class, none of the line's own words."""
    low = why.lower()
    return next((cls for key, cls in _REASONS if key in low), "other")


def stages(mem: Any, pred: dict[str, Any]) -> list[str]:
    """The stage each gold evidence turn of one count question was lost at (see the module docstring)."""
    from kgmem.answer import name_kinds
    from kgmem.answer.aggregate import compute_aggregate
    from kgmem.answer.count_question import anchors, question_terms
    from kgmem.answer.counting import names, told_events
    from kgmem.answer.evidence import EvidenceSet

    qd = datetime.fromisoformat(str(pred["question_date"]))
    ev = EvidenceSet(mem.search(f"synthetic-s:{pred['question_id']}", pred["question"], question_date=qd))
    cited = set(compute_aggregate(ev).turn_ids)  # the turns the count's items come from
    told = told_events(ev)
    out: list[str] = []
    heads, _others = anchors(ev.result.plan)
    asked = frozenset(question_terms(ev.result.plan.question))
    for tid in pred.get("evidence_turn_ids") or []:
        lines = ev.turn_lines(tid)
        if name_kinds.typed_as(ev, lines, heads, lambda ln: names(ln, asked)):
            out.append("typed by its conversation")  # counted apart: of the wrong counts' gold instances
        if tid in cited:
            out.append("cited")
        elif told is not None and any(ln.turn_id == tid for ln, _ in told.set_aside):
            out.append("set aside: " + reason_class(next(w for ln, w in told.set_aside if ln.turn_id == tid)))
        elif told is not None and any(ln.turn_id == tid for ln in told.merged):
            out.append("merged")
        elif told is not None and any(ln.turn_id == tid for ln in told.unsure):
            out.append("maybe")
        elif not any(ln.actuality == "actual" and not ln.is_request for ln in lines):
            out.append("not an own actual line (" + "/".join(sorted({ln.actuality for ln in lines})) + ")")
        else:
            out.append("not read as an instance")
    return out


def run(run_dir: Path, qtype: str, show: int) -> dict[str, Any]:
    from kgmem.api import Memory
    from kgmem.settings import Settings

    preds = [json.loads(x) for x in (run_dir / "predictions.jsonl").read_text().splitlines() if x.strip()]
    counts = [p for p in preds if p.get("question_type") == qtype and not str(p["question_id"]).endswith("_abs")
              and _COUNT_Q.search(p["question"]) and not _MONEY_Q.search(p["question"])]
    mem = Memory(Settings.load({}), llm=False)
    verdicts: Counter[str] = Counter()
    lost: Counter[str] = Counter()
    typed: Counter[str] = Counter()  # lost instances with a name the conversation types as the asked kind (name_kinds)
    shown = 0
    for p in counts:
        v = verdict(p)
        verdicts[v] += 1
        if v == "right":
            continue
        st = stages(mem, p)
        lost.update(s for s in st if s not in ("cited", "typed by its conversation"))
        typed.update(s for s in st if s == "typed by its conversation")
        held = str(p.get("template_family") or "") in HELD_OUT
        if shown < show and not held:
            shown += 1
            print(f"  {p['question_id']} {v}: {p['question']!r} gold {p['gold_answer']!r} -> {str(p['predicted_answer'])[:90]!r}")
            print("     " + "; ".join(st))
    mem.close()
    res = {"run": str(run_dir), "type": qtype, "count_questions": len(counts), "verdicts": dict(verdicts),
           "instances_lost": dict(lost.most_common()),
           "lost_typed_by_conversation": typed["typed by its conversation"], "money_or_other_questions": sum(
               1 for p in preds if p.get("question_type") == qtype) - len(counts)}
    print(f"{len(counts)} count questions of {qtype}: " + ", ".join(f"{k} {n}" for k, n in verdicts.most_common()))
    print("instances of wrong counts, lost at: " + ", ".join(f"{k} {n}" for k, n in lost.most_common()))
    print("gold instances of wrong counts with a name the conversation types as the asked kind (answer/name_kinds): "
          f"{typed['typed by its conversation']}")
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("run_dir", type=Path)
    ap.add_argument("--type", default="multi-session")
    ap.add_argument("--show", type=int, default=0, help="per-question lines (development families only)")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    res = run(args.run_dir, args.type, args.show)
    if args.json:
        args.json.write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
