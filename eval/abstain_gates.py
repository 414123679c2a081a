"""Which gate abstained: abstentions of a run counted by the gate that decided them, answerable vs ``_abs``.

    .venv/bin/python eval/abstain_gates.py RUN_DIR [RUN_DIR ...] [--list]

RUN_DIR is a ``kgmem eval`` run directory (it holds ``predictions.jsonl``). Each abstention is put
under the gate its ``abstain_reason`` names (:mod:`kgmem.answer.abstain`, the computations'
``abstain_reason``); a hedge ("I'm not sure; the closest thing you told me is …") is counted under
its path. Two more tables split each gate's answerable abstentions by question type and by where the
gold evidence stood (its sessions all in the answer's context, some, retrieved among the ranked
candidates only, or not retrieved). The tables are aggregates: they may be read for any run, held-out
ones included, to choose WHERE to look (COMMON.md). ``--list`` also prints the answerable questions each gate declined;
it refuses a run that is not a development set's and, of a synthetic run, lists the development
families' rows only (never ``heldout2``).
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

from kgmem.datasets.synthetic.families import FAMILIES, HELD_OUT
from kgmem.evaluation.answer_text import normalise
from kgmem.evaluation.judge import declines
from kgmem.evaluation.metrics import latest_records
from kgmem.evaluation.runner import PREDICTIONS, read_predictions

#: reason patterns, in order, and the gate each names
GATES: tuple[tuple[str, str], ...] = (
    (r"^never mentioned", "a name or a strict focus word absent from memory (by form)"),
    (r"^no actual event for", "the question's event unmatched (never the user's own actual event)"),
    (r"^no purchase of|with a price in memory", "nothing to count or add up"),
    (r"value for the question in memory$", "no value of the asked-for type, evidence not related"),
    (r"value in the relevant evidence$", "a sentence only where a typed value is needed, not related"),
    (r"^the evidence never mentions", "focus words absent from the evidence (form, then meaning)"),
    (r"^I never recommended", "the assistant's kind (head word) absent"),
    (r"^best evidence similarity", "best evidence below the similarity floor"),
)
#: synthetic template families whose per-question rows are development data: every family the
#: generator has that is not held out (dev, the first "heldout", dev3; never heldout2/heldout3)
DEV_FAMILIES = frozenset(FAMILIES) - HELD_OUT


def gate_of(row: dict) -> str:
    """The gate that made a prediction an abstention (its reason's class), or its hedge path."""
    notes = row.get("system_notes") or {}
    if notes.get("path") != "abstain":
        return f"a hedge or declining reply on the {notes.get('path')} path"
    reason = str(notes.get("abstain_reason") or "")
    for pattern, gate in GATES:
        if re.search(pattern, reason):
            return gate
    return "other: " + reason[:40]


def evidence_state(row: dict) -> str:
    """Where the gold evidence sessions stood for this answer: all (or some) in the context the
    answer read, retrieved among the ranked candidates only, or not retrieved at all."""
    gold = set(row.get("answer_session_ids") or [])
    if not gold:
        return "no gold evidence"
    context = set(row.get("context_session_ids") or [])
    if gold <= context:
        return "all in context"
    if gold & context:
        return "some in context"
    if gold & set(row.get("retrieved_session_ids") or []):
        return "retrieved, not in context"
    return "not retrieved"


def fallback_why(row: dict) -> str:
    """Why a hedge took the fallback path, by class (``system_notes.fallback`` up to a parenthesis, the
    model's own words dropped: "model output rejected: repeats the context", "no typed value" …)."""
    notes = row.get("system_notes") or {}
    if notes.get("path") == "abstain":
        return "(abstained)"
    path = notes.get("path")
    why = str(notes.get("fallback") or ("the model declined" if path == "model" else f"a {path} reply declined"))
    if not why.startswith("model output rejected"):
        why = why.split(":", 1)[0]
    return why.split("(", 1)[0].strip() or "?"


def quote_holds_gold(row: dict) -> str:
    """Whether a hedge's quoted line holds the gold answer (its normalised words, all of them): the line
    was the answer and only the reading of it failed; an aggregate class, the words themselves never
    printed."""
    said = str(row.get("predicted_answer") or "")
    quote = re.search(r"closest thing you told me is (.*)$", said, re.S)
    if quote is None:
        return "no quoted line"
    gold = normalise(str(row.get("gold_answer") or ""))
    text = f" {normalise(quote.group(1))} "
    return "quoted line holds the gold answer" if gold and f" {gold} " in text else "quoted line lacks it"


_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _gold_number(row: dict) -> str | None:
    """The first number of the gold answer, normalised ("$1,065" -> "1065", "three weeks" -> "3")."""
    m = _NUMBER.search(normalise(str(row.get("gold_answer") or "")))
    return m.group(0) if m else None


def evidence_turns(rows: list[dict], dataset: Path) -> dict[str, list[tuple[str, str]]]:
    """question id -> its gold evidence turns as (role, text), read from ``dataset`` (the run's data file,
    or its oracle twin when there is one): the turns labelled as holding the answer, else every turn of
    the answer sessions. Only for the rows asked; nothing is printed from them (aggregate classes only)."""
    from kgmem.datasets.longmemeval import load_haystacks

    oracle = dataset.with_name(dataset.stem + "_oracle.json")
    wanted = {str(r["question_id"]) for r in rows}
    out: dict[str, list[tuple[str, str]]] = {}
    for h in load_haystacks(oracle if oracle.exists() else dataset, question_ids=sorted(wanted)):
        labels = h.labels
        marked = set(labels.evidence_turn_ids) if labels else set()
        answer = set(labels.answer_session_ids) if labels else set()
        turns = [t for s in h.sessions for t in s.turns]
        picked = [t for t in turns if t.id in marked] or [t for t in turns if t.session_id in answer]
        out[h.question_id] = [(str(t.role), t.text) for t in picked]
    return out


def number_told(row: dict, turns: list[tuple[str, str]]) -> str:
    """Where a declined question's gold number stands in its evidence, as a class: told in digits in a user
    line, told in words (or a number word's form) in a user line, in the assistant's turn only, or in no
    line (a count, a sum or a span the answer must compute)."""
    gold = _gold_number(row)
    if gold is None:
        return "gold answer holds no number"
    def holds(text: str) -> bool:
        return f" {gold} " in f" {normalise(text)} "
    user = [t for role, t in turns if role == "user" and holds(t)]
    if user:
        digits = any(re.search(rf"(?<![\d.]){re.escape(gold)}(?![\d])", re.sub(r"(?<=\d),(?=\d{3})", "", t))
                     for t in user)
        return "told in digits in a user line" if digits else "told in words in a user line"
    if any(holds(t) for role, t in turns if role != "user"):
        return "in the assistant's turn only"
    return "in no line (computed: a count, a sum or a span)"


def planned_types(rows: list[dict]) -> dict[str, str]:
    """Each row's planned answer type (the planner re-run on its question, with the exemplar bank):
    question id -> type. Loads the embedder once; only for the declined rows."""
    from kgmem.embeddings import embedder_from_settings
    from kgmem.retrieval.planner import plan_query
    from kgmem.settings import Settings

    embedder = embedder_from_settings(Settings.load(), cache=False)  # (no cache written into any home)
    return {str(r["question_id"]): str(plan_query(str(r["question"]), embedder=embedder).answer_type or "?")
            for r in rows}


def census(rows: list[dict]) -> tuple[Counter[tuple[str, bool]], dict[str, list[dict]]]:
    """Abstentions (as eval/bench_heldout.py counts them: abstained, or a reply that opens by declining
    or hedging) by (gate, is ``_abs``); the answerable rows declined, by gate."""
    counts: Counter[tuple[str, bool]] = Counter()
    declined: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        if row.get("error") or not (row.get("abstained") or declines(str(row.get("predicted_answer") or ""))):
            continue
        gate = gate_of(row)
        counts[(gate, bool(row.get("is_abstention")))] += 1
        if not row.get("is_abstention"):
            declined[gate].append(row)
    return counts, declined


def listable(run_dir: Path, rows: list[dict]) -> list[dict]:
    """The rows of a run that are development data and may be listed one by one: a development
    answer set's run (its manifest's split tag ``devN``, copies included), or a synthetic run's
    development families only; ``SystemExit`` for any other run."""
    if any(r.get("template_family") for r in rows):
        return [r for r in rows if r.get("template_family") in DEV_FAMILIES]
    manifest = run_dir / "manifest.json"
    tag = json.loads(manifest.read_text(encoding="utf-8")).get("split_tag", "") if manifest.exists() else ""
    if not re.fullmatch(r"dev\d+", str(tag)):
        raise SystemExit(f"{run_dir}: not a development run; --list refused (aggregate only)")
    return rows


def table(counts: Counter[tuple[str, bool]]) -> str:
    gates = sorted({g for g, _ in counts}, key=lambda g: -(counts[(g, False)] + counts[(g, True)]))
    out = ["| gate | answerable (false) | `_abs` (right) |", "|---|---:|---:|"]
    out += [f"| {g} | {counts[(g, False)]} | {counts[(g, True)]} |" for g in gates]
    out.append(f"| **all** | {sum(n for (_, a), n in counts.items() if not a)} | "
               f"{sum(n for (_, a), n in counts.items() if a)} |")
    return "\n".join(out)


def split(declined: dict[str, list[dict]], key: Callable[[dict], str]) -> str:
    """The answerable abstentions of each gate counted by ``key`` (a question type, an evidence state)."""
    cols = sorted({key(r) for rows in declined.values() for r in rows})
    if not cols:
        return "(no answerable abstentions)"
    gates = sorted(declined, key=lambda g: -len(declined[g]))
    out = ["| gate | " + " | ".join(cols) + " |", "|---|" + "---:|" * len(cols)]
    for g in gates:
        n = Counter(key(r) for r in declined[g])
        out.append(f"| {g} | " + " | ".join(str(n[c]) for c in cols) + " |")
    n = Counter(key(r) for rows in declined.values() for r in rows)
    out.append("| **all** | " + " | ".join(str(n[c]) for c in cols) + " |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("run_dirs", nargs="+", type=Path)
    ap.add_argument("--list", action="store_true", help="print the declined answerable questions (development runs only)")
    ap.add_argument("--numbers", action="store_true", help="also split the declined answerable questions whose "
                    "gold answer holds a number by where the evidence tells it (reads the run's data file)")
    ap.add_argument("--types", action="store_true", help="also split the declined answerable questions by the "
                    "planner's answer type (re-plans each one; loads the embedder)")
    args = ap.parse_args(argv)
    total: Counter[tuple[str, bool]] = Counter()
    declined: dict[str, list[dict]] = defaultdict(list)
    for run_dir in args.run_dirs:
        rows = latest_records(read_predictions(run_dir / PREDICTIONS))
        counts, found_by_gate = census(rows)
        total.update(counts)
        for gate, found in found_by_gate.items():
            declined[gate] += found
        if args.list:
            for gate, found in census(listable(run_dir, rows))[1].items():
                for row in found:
                    print(f"{run_dir.name}\t{gate}\t{row['question_id']}\t{row['question']}")
    print(table(total))
    print("\nAnswerable abstentions by question type:\n")
    print(split(declined, lambda r: str(r.get("question_type") or "?")))
    print("\nAnswerable abstentions by where the gold evidence stood:\n")
    print(split(declined, evidence_state))
    hedged = {g: rows for g, rows in declined.items() if g.startswith("a hedge")}
    if hedged:
        print("\nHedges and declines by why the reply fell back:\n")
        print(split(hedged, fallback_why))
        print("\nHedges and declines by the question's planned intent:\n")
        print(split(hedged, lambda r: str((r.get("system_notes") or {}).get("intent") or "?")))
        print("\nHedges and declines by whether the quoted line holds the gold answer:\n")
        print(split(hedged, quote_holds_gold))
    if args.types:
        types = planned_types([r for rows in declined.values() for r in rows])
        print("\nAnswerable abstentions by the planned answer type:\n")
        print(split(declined, lambda r: types.get(str(r["question_id"]), "?")))
    if args.numbers:
        numbered = {g: [r for r in rows if _gold_number(r)] for g, rows in declined.items()}
        told = numbers_told(args.run_dirs, [r for rows in numbered.values() for r in rows])
        print("\nAnswerable abstentions whose gold answer holds a number, by where the evidence tells it:\n")
        print(split({g: rows for g, rows in numbered.items() if rows}, lambda r: told.get(str(r["question_id"]), "?")))
        print("\nThe same, by the question's planned intent:\n")
        print(split({g: rows for g, rows in numbered.items() if rows},
                    lambda r: told.get(str(r["question_id"]), "?") + " / "
                    + str((r.get("system_notes") or {}).get("intent") or "?")))
    return 0


def numbers_told(run_dirs: list[Path], rows: list[dict]) -> dict[str, str]:
    """question id -> :func:`number_told`'s class, each run's rows read from its manifest's data file."""
    out: dict[str, str] = {}
    for run_dir in run_dirs:
        manifest = json.loads((run_dir / "manifest.json").read_text(encoding="utf-8"))
        ids = {str(r["question_id"]) for r in latest_records(read_predictions(run_dir / PREDICTIONS))}
        mine = [r for r in rows if str(r["question_id"]) in ids]
        if not mine:
            continue
        turns = evidence_turns(mine, Path(manifest["dataset_files"][0]))
        out.update({str(r["question_id"]): number_told(r, turns.get(str(r["question_id"]), [])) for r in mine})
    return out


if __name__ == "__main__":
    raise SystemExit(main())
