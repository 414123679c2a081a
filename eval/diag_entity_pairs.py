"""Where other-entity update pairs are lost: one stage per pair (issue #13 items 6-7).

    .venv/bin/python eval/diag_entity_pairs.py                      # every development pair set
    .venv/bin/python eval/diag_entity_pairs.py --sets dev8 dev9     # some of them
    .venv/bin/python eval/diag_entity_pairs.py --show               # also print each lost pair's facts

Each pair is ingested as eval/bench_other_entity_updates.py does (zero-LLM tier, a fresh user, then
``Memory(llm=False).answer``), and its stored facts are read back to name the first stage that lost it:

- ``ok``: answered with the corrected value and the corrected fact supersedes the old one;
- ``no_statement``: no fact carries the old value (the first statement was never stored);
- ``no_correction``: no fact carries the corrected value;
- ``other_entity``: both stored, never on one subject entity (entity resolution);
- ``other_attribute``: both stored on one entity, never under one predicate (slot identity);
- ``not_superseded``: one slot holds both values and no SUPERSEDES edge joins them;
- ``answer_path``: superseded, but the answer does not carry the corrected value;
- ``answered_unlinked``: answered with no SUPERSEDES edge (both values stored, or the answer read a turn).

Development sets only (tests/fixtures/extraction/entity_updates_*.jsonl, other_entity_updates.jsonl);
auth4's held-out pairs (tests/fixtures/extraction/heldout/) are refused. Writes
eval/results/diag_entity_pairs[_<tag>].{json,md}: counts per set and stage, and per lost pair its stage.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))
sys.path.insert(0, str(ROOT / "tests" / "unit"))

import _report  # noqa: E402
import test_other_entity_updates as oe  # noqa: E402

from kgmem.api import Memory  # noqa: E402
from kgmem.models import Fact  # noqa: E402
from kgmem.settings import Settings  # noqa: E402
from kgmem.store.networkx_store import NetworkxStore  # noqa: E402
from kgmem.temporal import parse_dataset_date  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "extraction"
SETS = {"dev2": "entity_updates_dev2", "dev3": "entity_updates_dev3", "dev4": "entity_updates_dev4",
        "dev5": "entity_updates_dev5", "dev6": "entity_updates_dev6", "dev7": "entity_updates_dev7",
        "dev8": "entity_updates_dev8", "dev9": "entity_updates_dev9", "oe21": "entity_updates_oe21", "oe23": "entity_updates_oe23", "oe24": "entity_updates_oe24", "oe25": "entity_updates_oe25", "oe26": "entity_updates_oe26", "oe29": "entity_updates_oe29", "oe30": "entity_updates_oe30",
        "oe27user": "user_updates_oe27", "oe27dev": "user_updates_oe27d",
        "x13i": "entity_updates_x13i", "o13d": "entity_updates_o13d", "auth13": "other_entity_updates"}
STAGES = ("ok", "no_statement", "no_correction", "other_entity", "other_attribute", "not_superseded",
          "answer_path", "answered_unlinked")


def _carries(fact: Fact, value: str) -> bool:
    return bool(fact.value) and oe.contains(fact.value or "", value)


def stage(rec: dict[str, Any], facts: list[Fact], answered: bool, superseded: bool) -> str:
    """The first stage that lost ``rec`` (see the module docstring)."""
    if answered and superseded:
        return "ok"
    if superseded:
        return "answer_path"
    if answered:
        return "answered_unlinked"
    old = [f for f in facts if _carries(f, rec["old_value"])]
    new = [f for f in facts if _carries(f, rec["answer"])]
    if not old:
        return "no_statement"
    if not new:
        return "no_correction"
    same_entity = [(a, b) for a in old for b in new if a.subject_id == b.subject_id]
    if not same_entity:
        return "other_entity"
    if not any(a.predicate == b.predicate for a, b in same_entity):
        return "other_attribute"
    return "not_superseded"


def _describe(facts: list[Fact], names: dict[str, str]) -> list[str]:
    return [f"{names.get(f.subject_id, f.subject_id)} | {f.predicate} | {f.value!s:.60} | "
            f"{'current' if f.invalid_at is None else 'superseded'}" for f in facts]


def measure(path: Path, tmp: Path) -> list[dict[str, Any]]:
    """Ingest each pair of ``path`` into its own user; return per pair its stage and stored facts."""
    if "heldout" in path.parts:
        raise SystemExit("held-out pairs are never diagnosed here")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    store = NetworkxStore(tmp / "store")
    mem = Memory(Settings.load({"home": str(tmp / "home")}), store=store, llm=False)
    out: list[dict[str, Any]] = []
    for rec in rows:
        user = f"oe:{rec['id']}"
        for n, raw in enumerate(rec["sessions"]):
            mem.add_session(user, oe._session(user, rec["id"], n, raw))
        ans = mem.answer(user, rec["question"], question_date=parse_dataset_date(rec["question_date"]))
        facts = store.facts(user)
        by_id = {f.id: f for f in facts}
        superseded = any(_carries(new, rec["answer"]) and any(_carries(old, rec["old_value"])
                                                              for old in oe._replaced(new.id, store, user, by_id))
                         for new in facts)
        answered = oe.contains(ans.text, rec["answer"])
        names = {e.id: e.name for e in store.entities(user)}
        out.append({"id": rec["id"], "topic": rec.get("topic", ""), "stage": stage(rec, facts, answered, superseded),
                    "answer": ans.text[:120], "facts": _describe(facts, names)})
    mem.close()
    return out


def render(report: dict[str, Any]) -> str:
    run = report["run"]
    lines = [f"# Where other-entity update pairs are lost ({run['git_sha']})", "",
             f"Command: `{run['command']}` ({run['seconds']} s on {run['machine']}; load average "
             f"{' '.join(run['loadavg_before'])} before, {' '.join(run['loadavg_after'])} after). Development pair sets "
             "only; zero-LLM ingest, `Memory(llm=False).answer`; stages as in eval/diag_entity_pairs.py's docstring.", "",
             "| set | pairs | " + " | ".join(STAGES) + " |", "|---|---|" + "---|" * len(STAGES)]
    total: Counter[str] = Counter()
    for name, rows in report["sets"].items():
        c = Counter(r["stage"] for r in rows)
        total.update(c)
        lines.append(f"| {name} | {len(rows)} | " + " | ".join(str(c.get(s, 0)) for s in STAGES) + " |")
    lines.append(f"| **all** | {sum(total.values())} | " + " | ".join(f"**{total.get(s, 0)}**" for s in STAGES) + " |")
    lines += ["", "## Lost pairs", "", "| set | id | topic | stage |", "|---|---|---|---|"]
    for name, rows in report["sets"].items():
        lines += [f"| {name} | {r['id']} | {r['topic']} | {r['stage']} |" for r in rows if r["stage"] != "ok"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sets", nargs="*", default=list(SETS), choices=list(SETS))
    ap.add_argument("--tag", default="", help="suffix of the result files")
    ap.add_argument("--show", action="store_true", help="print each lost pair's stored facts")
    ap.add_argument("--no-write", action="store_true", help="print the table only")
    args = ap.parse_args(argv)
    before, t0 = _report.loadavg(), time.time()
    sets: dict[str, list[dict[str, Any]]] = {}
    with tempfile.TemporaryDirectory() as d:
        for name in args.sets:
            sets[name] = measure(FIXTURES / f"{SETS[name]}.jsonl", Path(d) / name)
            if args.show:
                for r in sets[name]:
                    if r["stage"] != "ok":
                        print(f"{name} {r['id']} [{r['stage']}] {r['topic']}: {r['answer']!r}")
                        for f in r["facts"]:
                            print(f"    {f}")
    command = "python eval/diag_entity_pairs.py" + (f" --sets {' '.join(args.sets)}" if args.sets != list(SETS) else "")
    keep = ("id", "topic", "stage")
    report = {"sets": {n: [{k: v for k, v in r.items() if k in keep or r["stage"] != "ok"} for r in rows]
                       for n, rows in sets.items()},
              "run": {"command": command, "git_sha": _report.git_sha(), "machine": _report.machine(),
                      "loadavg_before": before, "loadavg_after": _report.loadavg(),
                      "seconds": round(time.time() - t0, 1)}}
    if args.no_write:
        print(render(report))
        return
    name = "diag_entity_pairs" + (f"_{args.tag}" if args.tag else "")
    print(_report.write_pair(ROOT / "eval" / "results" / name, report, render))


if __name__ == "__main__":
    main()
