"""Where temporal answers fail in a run directory: aggregate counts only (session 28, tr28).

    .venv/bin/python eval/diag_temporal.py RUN_DIR --gold /work/data-heldout3/synthetic/synthetic_s.gold.json \
        [--type temporal-reasoning] [--show N] [--json OUT]

Reads ``RUN_DIR/predictions.jsonl`` (a ``kgmem eval`` run) and the generator's gold file, and sorts every question of
the type by what the answer rested on:

- ``op``: the generator's operation (days_between, weeks_between, which_first, days_ago, weeks_ago, event_date /
  event_date_anchored, order, abstain) and the gold value's kind (days / weeks / date / name / order / abstain);
- ``evidence``: every / some / no gold evidence session among the retrieved sessions, the context's sessions, and
  whether a gold evidence turn was cited;
- ``path`` and ``intent``: the answerer's path (computed / extractive / model / fallback / abstain) and the plan's
  intent, from ``system_notes``;
- ``dates``: the dates the answer states against the gold events' dates: ``all_gold`` / ``some_gold`` / ``session_date``
  (the evidence session's date where the line told another day: the time expression was not resolved) / ``other`` /
  ``no_date``;
- ``value``: a number asked: the answer's number ``exact`` / ``off_by_1`` / ``off``, or ``no_number``;
- ``told``: how the gold events' days are told: ``expression`` (a time phrase in the line) or ``session`` (the
  session's own day), per event;
- ``abstain``: an abstention's reason by class (``never mentioned``, ``no actual event (only as negated)``, ...);
  the reason's own words are never printed;
- ``stage``: one class per wrong answer: ``retrieval`` (a gold session never retrieved), ``abstained: <class>``,
  ``plan: <intent> for a <kind> question`` (the plan's intent is not the one the gold kind needs: duration for days
  and weeks, ordering for a name or an order, when for a date), ``computed: wrong events`` / ``one event wrong`` /
  ``right dates, wrong value``, ``not computed: <path>``;
- ``ago_stage``: a wrong "how long ago" answer by where its event was lost (:func:`ago_stage`).

Per-question lines (``--show N``) are printed only for development families: a question of a held-out family
(``kgmem.datasets.synthetic.families.HELD_OUT``) is counted, never shown (project rule: held-out material is never read
per item). Nothing here reads the haystacks.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kgmem.datasets.synthetic.families import HELD_OUT  # noqa: E402

_MONTHS = ("january february march april may june july august september october november december").split()
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_LONG = re.compile(r"\b(" + "|".join(_MONTHS) + r")\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", re.I)
_NUMBER = re.compile(r"\b(\d+)\s+(day|week|month)s?\b", re.I)
_GOLD_NUMBER = re.compile(r"\b(\d+)\s+(day|week|month)s?\b", re.I)
_ONLY_AS = re.compile(r"mentioned only as (\w+)")


def answer_dates(text: str) -> set[date]:
    """Every day the answer states (ISO or "June 28, 2023")."""
    out = {date(int(y), int(m), int(d)) for y, m, d in _ISO.findall(text)}
    for mon, d, y in _LONG.findall(text):
        try:
            out.add(date(int(y), _MONTHS.index(mon.lower()) + 1, int(d)))
        except ValueError:
            continue
    return out


def _day(s: str | None) -> date | None:
    if not s:
        return None
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        try:
            return datetime.strptime(s[:10], "%Y/%m/%d").date()
        except ValueError:
            return None


def gold_events(gold: dict[str, Any]) -> list[dict[str, Any]]:
    """The planted facts the operation rests on (its ``facts``, ``fact`` and ``anchor``)."""
    op = gold.get("operation") or {}
    ids = list(op.get("facts") or []) + [op[k] for k in ("fact", "anchor") if op.get(k)]
    by_id = {f["fact_id"]: f for f in gold.get("facts") or []}
    return [by_id[i] for i in ids if i in by_id]


def op_kind(gold: dict[str, Any]) -> tuple[str, str]:
    """(operation, the gold value's kind)."""
    op = (gold.get("operation") or {}).get("op", "?")
    if op == "event_date" and (gold.get("operation") or {}).get("anchor"):
        op = "event_date_anchored"
    kind = {"days_between": "days", "days_ago": "days", "weeks_between": "weeks", "weeks_ago": "weeks",
            "event_date": "date", "event_date_anchored": "date", "which_first": "name", "order": "order",
            "abstain": "abstain"}.get(op, "?")
    return op, kind


def abstain_class(reason: str | None) -> str:
    """An abstention's reason by class, none of its own words."""
    if not reason:
        return "no reason recorded"
    head = reason.split(":", 1)[0].strip()
    if head.startswith("no actual event"):
        kinds = sorted(set(_ONLY_AS.findall(reason)))
        return "no actual event (" + ("only as " + "/".join(kinds) if kinds else "not near") + ")"
    for lead in ("never mentioned", "the evidence never mentions", "no purchase of", "nothing of that kind told",
                 "only someone else's", "I never recommended"):
        if reason.startswith(lead):
            return lead
    return "other: " + re.sub(r"[^a-z ]", "", head.lower())[:24].split(" ")[0]


def classify(pred: dict[str, Any], gold: dict[str, Any]) -> dict[str, str]:
    """One question's classes (see the module docstring)."""
    op, kind = op_kind(gold)
    notes = pred.get("system_notes") or {}
    ans = str(pred.get("predicted_answer") or "")
    sessions = set(pred.get("answer_session_ids") or [])
    retrieved = set(pred.get("retrieved_session_ids") or [])
    context = set(pred.get("context_session_ids") or [])
    cited = set(pred.get("cited_turn_ids") or [])
    events = gold_events(gold)

    def share(have: set[str]) -> str:
        n = len(sessions & have)
        return "none" if not sessions else "all" if n == len(sessions) else "some" if n else "no"

    gold_days = {d for d in (_day(f.get("valid_from")) for f in events) if d}
    said_days = {d for d in (_day(f.get("observed_at")) for f in events) if d}
    stated = answer_dates(ans)
    if not stated:
        dates = "no_date"
    elif gold_days and gold_days <= stated:
        dates = "all_gold"
    elif stated & gold_days:
        dates = "some_gold"
    elif stated & (said_days - gold_days):
        dates = "session_date"
    else:
        dates = "other"
    value = "-"
    want = _GOLD_NUMBER.search(str(gold.get("answer") or ""))
    if want:
        got = _NUMBER.search(ans)
        if got is None:
            value = "no_number"
        else:
            diff = abs(int(got.group(1)) - int(want.group(1)))
            value = "exact" if diff == 0 else "off_by_1" if diff == 1 else "off"
    told = "+".join(sorted("expression" if f.get("time_expression") else "session" for f in events)) or "-"
    path = str(notes.get("path") or "?")
    correct = bool((pred.get("verdict") or {}).get("correct"))
    out = {"op": op, "kind": kind, "path": path, "intent": str(notes.get("intent") or "?"),
           "retrieved": share(retrieved), "context": share(context),
           "cited": "yes" if cited & set(pred.get("evidence_turn_ids") or []) else "no",
           "dates": dates, "value": value, "told": told,
           "predicates": "+".join(sorted(str(f.get("predicate")) for f in events)) or "-",
           "abstain": abstain_class(notes.get("abstain_reason")) if path == "abstain" else "-",
           "verdict": "right" if correct else "wrong"}
    out["stage"] = "-" if correct else stage(out)
    out["ago_stage"] = ago_stage(out) if not correct and op in ("days_ago", "weeks_ago") else "-"
    return out


def ago_stage(c: dict[str, str]) -> str:
    """Where a wrong "how long ago" answer lost its event (session 29): ``not retrieved``, ``planned as <intent>``,
    ``retrieved, not matched`` (the plan was right, no line was taken for the event: a fallback or model answer),
    ``matched, abstained: <class>`` (a line was found and read as not the user's actual event), ``matched, wrong
    date`` (computed from another day)."""
    if c["retrieved"] in ("no", "some"):
        return "not retrieved"
    if c["intent"] != "duration":
        return f"planned as {c['intent']}"
    if c["path"] == "abstain":
        return f"matched, abstained: {c['abstain']}" if c["abstain"].startswith("no actual event (only") \
            else f"retrieved, not matched (abstained: {c['abstain']})"
    if c["path"] == "computed":
        return "matched, wrong date"
    return f"retrieved, not matched ({c['path']})"


#: the plan intent each gold kind needs
_INTENT_FOR = {"days": "duration", "weeks": "duration", "date": "when", "name": "ordering", "order": "ordering"}


def stage(c: dict[str, str]) -> str:
    """Where a wrong answer went wrong, first failing stage first."""
    if c["kind"] == "abstain":
        return f"answered an _abs question (plan {c['intent']}, path {c['path']})"
    if c["retrieved"] in ("no", "some"):
        return f"retrieval ({c['retrieved']} gold sessions retrieved; path {c['path']})"
    if _INTENT_FOR.get(c["kind"], c["intent"]) != c["intent"]:
        return f"plan: {c['intent']} for a {c['kind']} question (path {c['path']})"
    if c["path"] == "abstain":
        return f"abstained: {c['abstain']}"
    if c["path"] == "computed":
        if c["dates"] == "all_gold":
            return "computed: right dates, wrong value"
        if c["dates"] == "some_gold":
            return "computed: one event wrong"
        if c["dates"] == "session_date":
            return "computed: session date for a told day"
        return f"computed: wrong events ({c['dates']})"
    return f"not computed: {c['path']}"


def run(run_dir: Path, gold_path: Path, qtype: str, show: int) -> dict[str, Any]:
    golds = json.loads(gold_path.read_text())["questions"]
    rows = []
    for line in (run_dir / "predictions.jsonl").read_text().splitlines():
        if not line.strip():
            continue
        p = json.loads(line)
        if p.get("question_type") != qtype or p.get("question_id") not in golds:
            continue
        c = classify(p, golds[p["question_id"]])
        c["family"] = str(p.get("template_family") or golds[p["question_id"]].get("template_family") or "?")
        rows.append((p, c))
    dims = ("op", "kind", "path", "intent", "retrieved", "context", "cited", "dates", "value", "told",
            "predicates", "abstain", "stage", "ago_stage", "family")
    report: dict[str, Any] = {"run": str(run_dir), "type": qtype, "n": len(rows),
                              "right": sum(c["verdict"] == "right" for _, c in rows)}
    for group in ("all", "wrong"):
        sel = [c for _, c in rows if group == "all" or c["verdict"] == "wrong"]
        report[group] = {d: dict(Counter(c[d] for c in sel).most_common()) for d in dims}
        report[group]["op x verdict"] = dict(Counter(f"{c['op']} {c['verdict']}" for c in sel).most_common())
        report[group]["op x intent"] = dict(Counter(f"{c['op']} {c['intent']}" for c in sel).most_common())
    shown = 0
    for p, c in rows:
        if shown >= show or c["verdict"] == "right" or c["family"] in HELD_OUT:
            continue
        shown += 1
        print(json.dumps({"id": p["question_id"], "q": p.get("question"), "gold": p.get("gold_answer"),
                          "pred": str(p.get("predicted_answer"))[:240], **c}))
    return report


def render(report: dict[str, Any]) -> str:
    lines = [f"# {report['type']}: {report['right']}/{report['n']} right ({report['run']})"]
    for group in ("all", "wrong"):
        lines.append(f"\n## {group} ({sum(report[group]['op'].values())})")
        for dim, counts in report[group].items():
            if counts:
                lines.append(f"- {dim}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("run_dir", type=Path)
    ap.add_argument("--gold", type=Path, required=True)
    ap.add_argument("--type", default="temporal-reasoning")
    ap.add_argument("--show", type=int, default=0, help="per-question lines, development families only")
    ap.add_argument("--json", type=Path, default=None)
    a = ap.parse_args(argv)
    report = run(a.run_dir, a.gold, a.type, a.show)
    print(render(report))
    if a.json:
        a.json.write_text(json.dumps(report, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
