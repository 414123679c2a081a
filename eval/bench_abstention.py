"""Abstention calibration on DEVELOPMENT data only: the evidence features per question, and a sweep.

    nice -n 10 .venv/bin/python eval/bench_abstention.py --sets dev3 sample synthetic-dev [dev4] \\
        [--rows-dir DIR] [--out eval/results/abstention_calibration]

For every question of the development sets (dev3 and dev4 of eval/devsets/, the dev template family
of the bundled sample split, the dev template family of synthetic-s — its haystacks already in
``$KGMEM_HOME``'s store, every ``_abs`` one, and ``--ingest N`` more), the answerer runs without a model and records
what :func:`kgmem.answer.abstain.evidence_features` read (best turn and sentence similarity to the
question, named entities missing from memory after Unicode folding, the asked-for event never told as
done, a computed answer, a typed value, the question's content nouns absent from memory and from the
evidence), whether the question is an ``_abs`` one, and whether the answer committed to with
abstention switched off is right (offline scorer). Then candidate rules over those features are swept
and ``<out>.json`` / ``<out>.md`` list each rule's false abstentions on answerable questions, correct
abstentions on ``_abs`` questions and the accuracy it would give, per set and pooled. The rule in
:data:`kgmem.answer.abstain.RULE` is the sweep's choice (the objective is stated in the report).

Held-out sets (eval/heldout/*, the synthetic heldout2 family) are never read here.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eval._report import git_sha  # noqa: E402

DEV_FILES = {"dev3": ROOT / "eval" / "devsets" / "dev3.json", "dev4": ROOT / "eval" / "devsets" / "dev4.json"}
#: the family that may be read and tuned on (heldout2 stays held out; "heldout" is dev for extraction only)
DEV_FAMILY = "dev"


def _haystacks(name: str) -> Iterator[Any]:
    from kgmem.datasets.longmemeval import iter_haystacks
    from kgmem.datasets.registry import resolve_split
    from kgmem.evaluation.selection import load_gold_sidecar
    from kgmem.settings import Settings

    if name in DEV_FILES:
        yield from iter_haystacks(DEV_FILES[name], name)
        return
    split = "sample" if name == "sample" else "synthetic-s"
    info = resolve_split(split, Settings.load())
    per_q, _ = load_gold_sidecar(info.gold_file)
    for h in iter_haystacks(info.files[0], info.tag):
        if per_q.get(h.question_id, {}).get("template_family") == DEV_FAMILY:
            yield h


def collect(name: str, *, ingest: int, limit: int | None) -> list[dict[str, Any]]:
    """One row per development question: features, label, the decision, committed correctness."""
    from kgmem.answer.answerer import Answerer
    from kgmem.api import Memory
    from kgmem.datasets.longmemeval import strip_labels
    from kgmem.evaluation.judge import NormalisedMatchScorer, declines
    from kgmem.retrieval.planner import plan_query
    from kgmem.retrieval.search import Retriever
    from kgmem.settings import Settings

    mem = Memory(Settings.load(), llm=False)
    committed = Answerer(None, abstention=False)
    scorer = NormalisedMatchScorer()
    rows: list[dict[str, Any]] = []
    for h in _haystacks(name):
        if limit is not None and len(rows) >= limit:
            break
        stored = all(mem.store.has_session(h.user_id, s.id) for s in h.sessions)
        if not stored:
            if name.startswith("synthetic"):
                # only haystacks already ingested (50 sessions each: minutes apiece), plus up to
                # ``ingest`` more (every ``_abs`` one: they are few)
                if not h.is_abstention and ingest <= 0:
                    continue
                ingest -= 0 if h.is_abstention else 1
            mem.ingest_haystack(strip_labels(h))
        vec = mem._question_vector(h.question)
        plan = plan_query(h.question, h.question_date, embedder=mem.embedder, vector=vec)
        result = Retriever(mem.store, mem.embedder).retrieve(h.user_id, plan, vector=vec)
        ans = mem.answerer.answer(result)
        forced = committed.answer(result)
        gold, qtype = str(h.labels.answer), h.labels.question_type

        def ok(text: str, h: Any = h, gold: str = gold, qtype: str = qtype) -> bool:
            return scorer.judge(question=h.question, gold=gold, prediction=text, question_type=qtype,
                                is_abstention=h.is_abstention).correct
        decision = ans.extra["decision"]["abstain"]
        rows.append({"set": name, "id": h.question_id, "type": qtype, "abs": h.is_abstention,
                     "intent": plan.intent.value, "answer_type": plan.answer_type,
                     "features": decision["evidence"].get("features", {}), "reason": decision["reason"],
                     "first_decision": decision["decision"], "path": ans.extra.get("path"),
                     "declined": declines(ans.text), "correct": ok(ans.text),
                     "committed_correct": (not h.is_abstention) and ok(forced.text) and not declines(forced.text)})
        print(f"  {name}: {len(rows)} questions", file=sys.stderr, flush=True)
    mem.close()
    return rows


# ---------------------------------------------------------------------------------------- sweep

Rule = Callable[[dict[str, Any]], bool]

#: the grid swept: every key of kgmem.answer.abstain.RULE
GRID: dict[str, tuple[Any, ...]] = {
    "event_unfound": ("abstain", "any_absent", "all_absent"),
    "focus_absent": (None, "any", "half", "all"),
    "focus_scope": ("user", "all"),
    "not_actual": (False, True),
    "slot_unsupported": (False, True),
    "off_topic_line": (None, 0.4, 0.5, 0.6),
    "assistant_head": (False, True),
    "strict_evidence": (False, True),
    "min_similarity": (0.0, 0.3, 0.4),
    "typed_min_similarity": (None, 0.4, 0.5),
}


def candidate_rules() -> dict[str, tuple[dict[str, Any], Rule]]:
    """Every combination of the grid, read by the answerer's own :func:`~kgmem.answer.abstain.rule_reason`."""
    from kgmem.answer.abstain import rule_reason

    rules: dict[str, tuple[dict[str, Any], Rule]] = {}
    for values in itertools.product(*GRID.values()):
        params = dict(zip(GRID, values, strict=True))
        rules[json.dumps(params, sort_keys=True)] = (params, lambda f, p=params: rule_reason(f, p) is not None)
    return rules


def score(rows: list[dict[str, Any]], rule: Rule) -> dict[str, Any]:
    ans = [r for r in rows if not r["abs"]]
    abs_ = [r for r in rows if r["abs"]]
    fa = sum(rule(r["features"]) for r in ans)
    ca = sum(rule(r["features"]) for r in abs_)
    right = sum(1 for r in ans if not rule(r["features"]) and r["committed_correct"]) + ca
    return {"answerable": len(ans), "false_abstentions": fa, "false_abstention_rate": fa / len(ans) if ans else None,
            "abs": len(abs_), "correct_abstentions": ca, "abs_rate": ca / len(abs_) if abs_ else None,
            "accuracy": right / len(rows) if rows else None}


def objective(s: dict[str, Any]) -> float:
    """Balanced: the mean of (1 - false-abstention rate) and the correct-abstention rate — both
    targets (<= 2 % and >= 90 %) weigh the same; ties go to higher accuracy."""
    return 0.5 * (1 - (s["false_abstention_rate"] or 0.0)) + 0.5 * (s["abs_rate"] or 0.0) + 1e-3 * (s["accuracy"] or 0.0)


def sweep(rows: list[dict[str, Any]]) -> dict[str, Any]:
    sets = sorted({r["set"] for r in rows})
    table = []
    rules = candidate_rules()
    for params, rule in rules.values():
        pooled = score(rows, rule)
        table.append({"rule": params, "pooled": pooled, "objective": round(objective(pooled), 4)})
    table.sort(key=lambda x: -x["objective"])
    for row in table[:100]:  # per set for the best only (the sweep is large)
        rule = rules[json.dumps(row["rule"], sort_keys=True)][1]
        row["per_set"] = {s: score([r for r in rows if r["set"] == s], rule) for s in sets}
    current = {s: _current([r for r in rows if r["set"] == s]) for s in sets}
    from kgmem.answer.abstain import rule_reason

    chosen = table[0]["rule"]
    reasons: dict[str, dict[str, int]] = {}
    for r in rows:
        why = rule_reason(r["features"], chosen)
        if why is not None:
            cell = reasons.setdefault(why, {"answerable": 0, "abs": 0})
            cell["abs" if r["abs"] else "answerable"] += 1
    return {"table": table, "chosen": chosen, "current": current, "chosen_reasons": reasons,
            "never_abstain": score(rows, lambda f: False)}


def _current(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """What the deployed answerer did (its final reply, second look included)."""
    ans = [r for r in rows if not r["abs"]]
    abs_ = [r for r in rows if r["abs"]]
    return {"answerable": len(ans), "declined": sum(r["declined"] for r in ans), "abs": len(abs_),
            "correct_abstentions": sum(r["declined"] for r in abs_),
            "accuracy": sum(r["correct"] for r in rows) / len(rows) if rows else None}


def _md(report: dict[str, Any]) -> str:
    out = ["# Abstention calibration (development data only)", "",
           f"git {report['git']}, {report['written']}; sets: {', '.join(report['sets'])} "
           f"({report['n']} questions, {report['n_abs']} `_abs`). Command: `{report['command']}`", "",
           report.get("note", ""), "",
           "Features per question: `kgmem.answer.abstain.evidence_features`. Objective: mean of (1 - false-abstention "
           "rate) and the `_abs` correct-abstention rate, ties by accuracy (targets <= 2 % and >= 90 %).", "",
           "## What the answerer did (final replies, no model)", "",
           "| set | answerable | declined | `_abs` | abstained | accuracy |", "|---|---:|---:|---:|---:|---:|"]
    for s, c in report["current"].items():
        out.append(f"| {s} | {c['answerable']} | {c['declined']} | {c['abs']} | {c['correct_abstentions']} | "
                   f"{c['accuracy']:.3f} |")
    out += ["", "## Sweep (best 15 by the objective; pooled)", "",
            "| rule | false abst. | `_abs` | accuracy | per set (FA / abs) |", "|---|---:|---:|---:|---|"]
    for row in report["sweep"]["table"][:15]:
        p = row["pooled"]
        per = "; ".join(f"{s} {v['false_abstentions']}/{v['answerable']}, {v['correct_abstentions']}/{v['abs']}"
                        for s, v in row["per_set"].items())
        out.append(f"| `{json.dumps(row['rule'], sort_keys=True)}` | {p['false_abstentions']}/{p['answerable']} | "
                   f"{p['correct_abstentions']}/{p['abs']} | {p['accuracy']:.3f} | {per} |")
    out += ["", f"Chosen (first by the objective, then accuracy, then grid order): "
            f"`{json.dumps(report['sweep']['chosen'], sort_keys=True)}`", "",
            "## Why the chosen rule abstains (pooled)", "", "| evidence | answerable | `_abs` |", "|---|---:|---:|"]
    out += [f"| {k} | {v['answerable']} | {v['abs']} |" for k, v in sorted(report["sweep"]["chosen_reasons"].items())]
    n = report["sweep"]["never_abstain"]
    out += ["", f"Never abstaining: accuracy {n['accuracy']:.3f}. FA/`_abs` in the sweep are the rule's first "
            "decision; the first table is the deployed answerer's final replies (second look and quoted-line check "
            "included), without an answer model.", ""]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sets", nargs="+", default=["dev3", "sample", "synthetic-dev"])
    ap.add_argument("--rows-dir", default=None, help="cache of per-question rows (outside the repository)")
    ap.add_argument("--ingest", type=int, default=0,
                    help="synthetic dev: ingest up to N answerable haystacks not yet stored (and every _abs one)")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--note", default="", help="provenance added to the report")
    ap.add_argument("--out", default=str(ROOT / "eval" / "results" / "abstention_calibration"))
    a = ap.parse_args(argv)
    rows: list[dict[str, Any]] = []
    for name in a.sets:
        cache = Path(a.rows_dir) / f"{name}.jsonl" if a.rows_dir else None
        if cache is not None and cache.is_file():
            got = [json.loads(x) for x in cache.read_text().splitlines() if x.strip()]
        else:
            if name in DEV_FILES and not DEV_FILES[name].is_file():
                print(f"skip {name}: {DEV_FILES[name]} not there", file=sys.stderr)
                continue
            got = collect(name, ingest=a.ingest, limit=a.limit)
            if cache is not None:
                cache.parent.mkdir(parents=True, exist_ok=True)
                cache.write_text("".join(json.dumps(r) + "\n" for r in got))
        rows += got
    report = {"git": git_sha(), "written": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
              "command": " ".join(["eval/bench_abstention.py", *(argv if argv is not None else sys.argv[1:])]),
              "sets": sorted({r["set"] for r in rows}), "n": len(rows), "n_abs": sum(r["abs"] for r in rows),
              "note": a.note,
              "sweep": sweep(rows)}
    report["current"] = report["sweep"].pop("current")
    full = dict(report)
    full["sweep"] = {**report["sweep"], "table": report["sweep"]["table"][:100], "rules_swept": len(report["sweep"]["table"])}
    Path(a.out + ".json").write_text(json.dumps(full, indent=1) + "\n")
    Path(a.out + ".md").write_text(_md(report))
    print(_md(report)[:3000])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
