"""Where the user's planted chains break (session 20, oe20): a diagnostic beside eval/bench_extraction.py.

    KGMEM_DATA_DIR=/work/data-dev3 .venv/bin/python eval/diag_chains.py --split synthetic-s-oracle \
        --gold /work/data-dev3/synthetic/synthetic_s.gold.json --family dev3 [--show N] [--base-too]

Ingests, in chronological order, the oracle haystacks whose gold plants a supersession (``supersedes``) and
puts each planted chain in one class, matched as bench_extraction's "chains" column matches (predicate,
normalised value, session):

- ``ok``: the new fact SUPERSEDES the old and the old's invalid_at is the new one's observed_at;
- ``both_missed`` / ``old_missed`` / ``new_missed``: the stored facts lack the first / second value;
- ``not_linked``: both stored, no edge between them; ``wrong_way``: the old one supersedes the new;
- ``linked_elsewhere``: both stored and the new one supersedes something, but not the old (another value
  came between them).

A missed value is sub-classed by what the extractor proposed on its planted turn: ``other_predicate`` (the
gold value under another predicate), ``other_value`` (the gold predicate with another value),
``dropped_by_memory`` (proposed with the gold predicate and value but not stored), ``nothing`` (neither).
``--base-too`` reconciles the same extraction a second time without memory/user_news.py (the session-20
reading of a change told by what it replaces): its before and after on one run. Per-chain lines (``--show``) are printed for development families only: a held-out family gives counts
alone (project rule: held-out material is never read per item).
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

from kgmem.datasets.longmemeval import iter_haystacks, strip_labels  # noqa: E402
from kgmem.datasets.registry import resolve_split  # noqa: E402
from kgmem.datasets.synthetic.families import HELD_OUT  # noqa: E402
from kgmem.extraction.schema import CandidateFact, ExtractionResult  # noqa: E402
from kgmem.extraction.zero import RuleExtractor  # noqa: E402
from kgmem.ids import normalise_name  # noqa: E402
from kgmem.memory import manager  # noqa: E402
from kgmem.memory.ingest import ingest_haystack  # noqa: E402
from kgmem.memory.user_news import named_changes as _named  # noqa: E402
from kgmem.settings import Settings  # noqa: E402
from kgmem.store.networkx_store import NetworkxStore  # noqa: E402


class _Recording:
    """The extractor, keeping every session's proposals by (session start, turn)."""

    def __init__(self, inner: RuleExtractor) -> None:
        self.inner = inner
        self.cache_key = inner.cache_key
        self.seen: dict[tuple[str, int], list[CandidateFact]] = {}
        self.current = ""
        #: (session, start) → its extraction, so a second ingest (``--base-too``) re-uses it
        self.done: dict[tuple[str, str], ExtractionResult] = {}

    def extract(self, turns: Any, started_at: Any) -> ExtractionResult:
        key = (self.current, str(started_at))
        res = self.done.get(key) or self.inner.extract(turns, started_at)
        self.done[key] = res
        for c in res.facts:
            for t in c.source_turns:
                self.seen.setdefault((self.current, t), []).append(c)
        return res


def _n(v: Any) -> str:
    return normalise_name(str(v))


def classify(gold_new: dict[str, Any], gold_old: dict[str, Any], stored: list[Any], edges: set[tuple[str, str]],
             proposed: dict[tuple[str, int], list[CandidateFact]]) -> tuple[str, str]:
    """The chain's class and, for a missed value, what was proposed on its turn."""
    def find(g: dict[str, Any]) -> Any:
        for f in stored:
            src = {t.rsplit(":", 1)[0].split("#")[0] for t in f.source_turn_ids} | {f.session_id.split("#")[0]}
            if f.predicate == g["predicate"] and _n(f.value) == _n(g["value"]) and g["session_id"] in src:
                return f
        return None

    def why(g: dict[str, Any]) -> str:
        props = [c for c in proposed.get((g["session_id"], g["turn_index"]), []) if c.subject == "user"]
        if any(c.predicate == g["predicate"] and _n(c.value) == _n(g["value"]) for c in props):
            return "dropped_by_memory"
        if any(_n(c.value) == _n(g["value"]) or _n(g["value"]) in _n(c.value) for c in props):
            return "other_predicate"
        if any(c.predicate == g["predicate"] for c in props):
            return "other_value"
        return "nothing"

    fn, fo = find(gold_new), find(gold_old)
    if fn is None and fo is None:
        return "both_missed", f"{why(gold_old)}/{why(gold_new)}"
    if fo is None:
        return "old_missed", why(gold_old)
    if fn is None:
        return "new_missed", why(gold_new)
    if (fn.id, fo.id) in edges and fo.invalid_at == fn.observed_at:
        return "ok", ""
    if (fo.id, fn.id) in edges:
        return "wrong_way", ""
    if any(a == fn.id for a, _ in edges):
        return "linked_elsewhere", ""
    return "not_linked", ""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="synthetic-s-oracle")
    ap.add_argument("--gold", required=True)
    ap.add_argument("--family", required=True)
    ap.add_argument("--show", type=int, default=0, help="per-chain lines (development families only)")
    ap.add_argument("--limit", type=int, default=None, help="the first N questions with chains only (a smoke run)")
    ap.add_argument("--reverse", action="store_true",
                    help="ingest each haystack's sessions latest first (bench_extraction's 'chains (reverse order)')")
    ap.add_argument("--base-too", action="store_true",
                    help="also reconcile the same extraction without memory/user_news.py (its before/after)")
    args = ap.parse_args()
    show = 0 if args.family in HELD_OUT else args.show
    gold = json.loads(Path(args.gold).read_text(encoding="utf-8"))
    questions = {q: v for q, v in gold["questions"].items()
                 if v.get("template_family", "dev") == args.family and any(f.get("supersedes") for f in v.get("facts", []))}
    if args.limit is not None:
        questions = dict(list(questions.items())[:args.limit])
    info = resolve_split(args.split, Settings.load())
    rec = _Recording(RuleExtractor())
    runs = ["with", "base"] if args.base_too else ["with"]
    classes: dict[str, Counter[str]] = {r: Counter() for r in runs}
    why: dict[str, Counter[str]] = {r: Counter() for r in runs}
    lines: list[str] = []
    for path in info.files:
        for h in iter_haystacks(path, info.tag):
            if h.question_id not in questions:
                continue
            h = strip_labels(h)
            q = questions[h.question_id]
            by_id = {g["fact_id"]: g for g in q["facts"]}
            for run in runs:
                # "base": the same extraction, reconciled without memory/user_news.py's reading
                manager.named_changes = _none if run == "base" else _named  # type: ignore[assignment]
                stored, edges = _ingest(h, rec, args.reverse)
                for g in q["facts"]:
                    old = by_id.get(g.get("supersedes") or "")
                    if old is None:
                        continue
                    cls, sub = classify(g, old, stored, edges, rec.seen)
                    classes[run][cls] += 1
                    if sub:
                        why[run][f"{cls}:{sub}"] += 1
                    if run == "with" and show and cls != "ok" and len(lines) < show:
                        near = [f"{c.predicate}={c.value!r}" for c in rec.seen.get((g["session_id"], g["turn_index"]), [])]
                        lines.append(f"{cls:16} {sub:18} {g['predicate']}: {old['value']!r} -> {g['value']!r} | "
                                     f"{g['text'][:90]!r} | proposed {near[:4]} | old said {old['text'][:110]!r}")
    for run in runs:
        total = sum(classes[run].values())
        order = ", latest session first" if args.reverse else ""
        print(f"family {args.family} ({run} memory/user_news{order}): {classes[run]['ok']}/{total} chains ok")
        for k, v in classes[run].most_common():
            print(f"  {k:18} {v}")
        for k, v in why[run].most_common():
            print(f"  {k:40} {v}")
    for line in lines:
        print(line)


def _none(session: Any, probes: Any, candidates: Any, *_: Any) -> tuple[list[CandidateFact], list[Any]]:
    return list(candidates), []


def _ingest(h: Any, rec: _Recording, reverse: bool = False) -> tuple[list[Any], set[tuple[str, str]]]:
    with tempfile.TemporaryDirectory() as tmp:
        store = NetworkxStore(Path(tmp))
        rec.seen = {}
        for s in sorted(h.sessions, key=lambda s: s.started_at, reverse=reverse):  # one session a call: turns keyed by session
            rec.current = s.id.split("#")[0]
            one = h.model_copy(update={"sessions": [s]})
            ingest_haystack(store, one, extractor=rec, embedder=None)  # type: ignore[arg-type]
        stored = store.facts(h.user_id)
        edges = {(e.new_fact_id, e.old_fact_id) for e in store.supersessions(h.user_id)}
        store.close()
    return stored, edges


if __name__ == "__main__":
    main()
