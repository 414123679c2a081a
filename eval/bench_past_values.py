"""An earlier value of the user's own slot said in passing (session 28, oe28; issue #13 point 6).

    .venv/bin/python eval/bench_past_values.py [--fixture tests/fixtures/extraction/past_values_oe28.jsonl] [--show]

Each record (format: tests/fixtures/extraction/README.md, ``past_values_oe28.jsonl``) is two sessions of one
user: a current value of a single-valued slot of the user's (home, employer, car, phone, partner, gym, diet,
job, commute) and, before or after it, another value said in passing. Ingested with the zero-LLM tier into a
fresh user, then asked its question with ``Memory(llm=False).answer`` (as eval/bench_other_entity_updates.py).
Per record:

- ``answered``: the answer carries the current value; ``wrong``: it carries the other value instead;
- ``past`` records (an earlier value of the user's: "back when I lived in Manchester", "my old Honda Civic"):
  ``history`` when a fact of the slot carries the earlier value, is not current, and the fact carrying the
  current value SUPERSEDES it (directly or through values between);
- ``distractor`` records (someone else's old job, a place visited, an old friend from a city): ``clean`` when no
  fact of the user's slot carries the other value;
- ``keep`` records (a plan to leave): ``clean`` when the current value's fact is still current.

Writes eval/results/past_values_<tag>.{json,md}.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
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
from kgmem.ids import entity_id  # noqa: E402
from kgmem.memory.entities import USER_NAME  # noqa: E402
from kgmem.models import Fact  # noqa: E402
from kgmem.settings import Settings  # noqa: E402
from kgmem.store.networkx_store import NetworkxStore  # noqa: E402
from kgmem.temporal import parse_dataset_date  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "extraction" / "past_values_oe28.jsonl"


def _carries(f: Fact, value: str) -> bool:
    return bool(f.value) and oe.contains(f.value or "", value)


def score(rec: dict[str, Any], answer: str, facts: dict[str, Fact], store: NetworkxStore, user: str,
          user_entity: str) -> dict[str, Any]:
    """One record's outcome (see the module docstring)."""
    slot = [f for f in facts.values() if f.subject_id == user_entity and f.predicate == rec["slot"]]
    current = [f for f in slot if _carries(f, rec["answer"])]
    other = [f for f in slot if _carries(f, rec["other_value"])]
    answered = oe.contains(answer, rec["answer"])
    row: dict[str, Any] = {"id": rec["id"], "kind": rec["kind"], "answered": answered,
                           "wrong": not answered and rec["kind"] != "keep" and oe.contains(answer, rec["other_value"]),
                           "answer": answer[:160], "slot": [(f.value, f.invalid_at is None) for f in slot]}
    if rec["kind"] in ("past", "change"):  # a change: the old value superseded by the new one
        row["ok"] = any(o.invalid_at is not None and any(o.id == r.id for c in current
                                                         for r in oe._replaced(c.id, store, user, facts))
                        for o in other)
    elif rec["kind"] == "distractor":
        row["ok"] = not other
    else:
        row["ok"] = any(f.invalid_at is None for f in current)
    return row


def run(path: Path, tmp: Path) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    store = NetworkxStore(tmp / "store")
    mem = Memory(Settings.load({"home": str(tmp / "home")}), store=store, llm=False)
    out: list[dict[str, Any]] = []
    for rec in rows:
        user = f"pv:{rec['id']}"
        for n, raw in enumerate(rec["sessions"]):
            mem.add_session(user, oe._session(user, rec["id"], n, raw))
        ans = mem.answer(user, rec["question"], question_date=parse_dataset_date(rec["question_date"]))
        facts = {f.id: f for f in store.facts(user)}
        out.append(score(rec, ans.text, facts, store, user, entity_id(user, USER_NAME)))
    mem.close()
    return out


def summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    kinds = Counter(r["kind"] for r in rows)
    return {"records": len(rows), "answered": sum(r["answered"] for r in rows),
            "confidently_wrong": sum(r["wrong"] for r in rows),
            **{f"{k}_ok": f"{sum(r['ok'] for r in rows if r['kind'] == k)}/{n}" for k, n in sorted(kinds.items())}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--fixture", type=Path, default=FIXTURE)
    ap.add_argument("--tag", default="oe28")
    ap.add_argument("--show", action="store_true", help="print every record's outcome")
    args = ap.parse_args()
    if "heldout" in args.fixture.parts:
        raise SystemExit("held-out sets are never read per record")
    with _report.measured(percentiles=False) as meta, tempfile.TemporaryDirectory() as d:
        rows = run(args.fixture, Path(d))
    summ = summary(rows)
    if args.show:
        for r in rows:
            print(f"{r['id']} {r['kind']:10} ok={r['ok']!s:5} answered={r['answered']!s:5} wrong={r['wrong']!s:5} "
                  f"{r['slot']} {r['answer'][:80]!r}")
    print(json.dumps(summ))
    out = ROOT / "eval" / "results" / f"past_values_{args.tag}"
    out.with_suffix(".json").write_text(json.dumps({"meta": meta, "summary": summ, "rows": rows}, indent=1) + "\n",
                                        encoding="utf-8")
    lines = [f"# Past values said in passing ({args.fixture.name})", "", *_report.provenance_lines(meta), "",
             "| figure | value |", "|---|---|", *[f"| {k} | {v} |" for k, v in summ.items()], "",
             "| record | kind | ok | answered | wrong |", "|---|---|---|---|---|",
             *[f"| {r['id']} | {r['kind']} | {r['ok']} | {r['answered']} | {r['wrong']} |" for r in rows]]
    out.with_suffix(".md").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
