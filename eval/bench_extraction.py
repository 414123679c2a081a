"""Extraction quality against a split's gold sidecar (planted facts).

    .venv/bin/python eval/bench_extraction.py [--split sample] [--tier rules] [--show-dev-misses N]

Metrics, reported separately for the generator's development and held-out template families
(the gold says which family each question's evidence used):

- recall: planted facts (``facts`` + ``distractor_facts``) matched by an extracted candidate from
  the same session and turn — same subject (user / assistant), same predicate, equal normalised
  value (the sidecar's ``fact_matching_rule``); ``recall_relaxed`` also accepts one value
  containing the other;
- precision: among candidates extracted from turns that carry planted facts, the share matching
  a planted fact of that turn (a ``spent`` candidate equal to the ``price`` the gold records on a
  planted purchase counts as matching: the generator plants ``spent`` itself only for questions
  that sum amounts, though every priced purchase says it);
- exact-day: matched planted facts with a relative time expression whose resolved ``valid_from``
  day equals the gold day;
- chains: planted supersessions (``supersedes``) reproduced in the store after ingest — the new
  fact SUPERSEDES the old and the old's ``invalid_at`` is the new one's ``observed_at`` — once in
  chronological order and once ingesting sessions newest-first (out of order).

Only dev misses are printed (``--show-dev-misses``): held-out examples are never shown, so rules
are not tuned on them. Writes eval/results/extraction.{json,md}.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import defaultdict
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eval._report import SHARED, measured, provenance_lines  # noqa: E402
from eval.bench_extraction_perturb import TRANSFORMS, expected_words, perturb  # noqa: E402
from kgmem.datasets.longmemeval import iter_haystacks, strip_labels  # noqa: E402
from kgmem.datasets.registry import resolve_split  # noqa: E402
from kgmem.datasets.synthetic.families import HELD_OUT as FAMILY_HELD_OUT  # noqa: E402
from kgmem.extraction.schema import CandidateFact  # noqa: E402
from kgmem.extraction.zero import RuleExtractor  # noqa: E402
from kgmem.ids import normalise_name  # noqa: E402
from kgmem.memory.ingest import ingest_haystack, ingest_session  # noqa: E402
from kgmem.settings import Settings  # noqa: E402
from kgmem.store.networkx_store import NetworkxStore  # noqa: E402

#: template families whose examples are never printed (the first family, "heldout", was declared a
#: development family in session 8: COMMON.md; its name is kept for the gold's sake; "dev3" is a
#: development family too): one list, kept with the family table
HELD_OUT = FAMILY_HELD_OUT


def _norm(v: Any) -> str:
    return normalise_name(str(v))


def _subject_ok(gold: dict[str, Any], cand: CandidateFact) -> bool:
    if gold.get("subject") == "assistant" or gold.get("role") == "assistant":
        return cand.speaker == "assistant"
    return cand.subject == "user" and cand.speaker == "user"


def _match(gold: dict[str, Any], cand: CandidateFact, relaxed: bool = False) -> bool:
    if gold["predicate"] != cand.predicate or not _subject_ok(gold, cand):
        return False
    a, b = _norm(gold["value"]), _norm(cand.value)
    if a == b:
        return True
    return relaxed and bool(a) and bool(b) and (a in b or b in a)


def _price_of(gold: dict[str, Any], cand: CandidateFact) -> bool:
    """A ``spent`` candidate equal to the price the gold records on a planted purchase: the same
    statement (the generator plants ``spent`` itself only for questions that sum amounts)."""
    price = (gold.get("attributes") or {}).get("price")
    return (cand.predicate == "spent" and gold["predicate"] == "bought" and price is not None
            and _subject_ok(gold, cand) and _norm(price) == _norm(cand.value))


def _ratio(n: int, d: int) -> float | None:
    return round(n / d, 4) if d else None


# long: extract, score per family and check chains over one shared state; x13g owns it and splits it (review6 §4)
def run(split: str, tier: str, show_dev_misses: int, gold_path: str | None = None,
        limit: int | None = None, families: set[str] | None = None,
        show_family: str = "dev", transform: str = "none") -> dict[str, Any]:
    if show_family in HELD_OUT:
        raise SystemExit(f"the {show_family!r} family is held out: its misses are never shown")
    settings = Settings.load()
    info = resolve_split(split, settings)
    gold_file = Path(gold_path) if gold_path else info.gold_file
    if gold_file is None or not gold_file.is_file():
        raise SystemExit(f"split {split!r} has no gold sidecar (expected next to {info.path}; or pass --gold)")
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    questions: dict[str, dict[str, Any]] = gold["questions"]
    if families is not None:  # e.g. development families only, so a held-out figure is not read by the way
        questions = {q: v for q, v in questions.items() if v.get("template_family", "dev") in families}
    if tier not in ("rules", "patterns", "proposals"):
        raise SystemExit("only --tier rules|patterns|proposals is measured offline (the LLM tier needs a model)")
    # patterns: the fast path alone; proposals: meaning + typed values alone (diagnostics)
    extractor = RuleExtractor(proposals=tier != "patterns", rules=tier != "proposals")

    haystacks = []
    for f in info.files:
        for h in iter_haystacks(f, info.tag):
            if families is not None and h.question_id not in questions:
                continue
            if limit is not None and len(haystacks) >= limit:
                break
            haystacks.append(strip_labels(h))
    if limit is not None:  # measure only the questions whose haystacks were loaded
        loaded = {h.question_id for h in haystacks}
        questions = {q: v for q, v in questions.items() if q in loaded}
    t0 = time.perf_counter()
    # extract every session once per unique content (as ingest does)
    cands: dict[tuple[str, str], list[CandidateFact]] = {}  # (question_id, source session id)
    n_sessions = 0
    if transform != "none":
        # user turns lower-cased or misspelled (eval/bench_extraction_perturb.py; gold words kept), for the
        # extraction and the chains' ingest alike
        keep = expected_words([{"expected": [*v.get("facts", []), *v.get("distractor_facts", [])]}
                               for v in questions.values()])
        for h in haystacks:
            for s in h.sessions:
                for t in s.turns:
                    t.text = perturb(t.text, transform, keep) if t.role == "user" else t.text
    for h in haystacks:
        results = extractor.extract_many([([(t.role, t.text) for t in s.turns], s.started_at) for s in h.sessions])
        for s, r in zip(h.sessions, results):
            cands[(h.question_id, s.source_id or s.id)] = r.facts
            n_sessions += 1
    extract_s = time.perf_counter() - t0

    per: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    # aggregate recall per predicate and family (figures only; no example is ever shown)
    per_pred: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
    dev_misses: list[str] = []
    dev_false: list[str] = []
    loaded_sessions = {h.question_id: {s.source_id or s.id for s in h.sessions} for h in haystacks}
    for qid, q in questions.items():
        fam = q.get("template_family", "dev")
        planted_all = [*q.get("facts", []), *q.get("distractor_facts", [])]
        # an oracle file holds only evidence sessions: a distractor planted in another session
        # cannot be found there, so it is not counted (the count is reported)
        planted = [g for g in planted_all if g["session_id"] in loaded_sessions.get(qid, set())]
        per[fam]["not_in_loaded_sessions"] += len(planted_all) - len(planted)
        by_turn: dict[tuple[str, int], list[dict[str, Any]]] = defaultdict(list)
        for g in planted:
            by_turn[(g["session_id"], int(g["turn_index"]))].append(g)
        for g in planted:
            c = per[fam]
            c["planted"] += 1
            per_pred[fam][g["predicate"]]["planted"] += 1
            found = [x for x in cands.get((qid, g["session_id"]), []) if int(g["turn_index"]) in x.source_turns]
            hit = next((x for x in found if _match(g, x)), None)
            if hit is not None:
                c["matched"] += 1
                per_pred[fam][g["predicate"]]["matched"] += 1
            if any(_match(g, x, relaxed=True) for x in found):
                c["matched_relaxed"] += 1
            elif fam == show_family and len(dev_misses) < show_dev_misses:
                dev_misses.append(f"{g['predicate']}={g['value']!r} in {g['text']!r} got "
                                  f"{[(x.predicate, x.value) for x in found]}")
            if g.get("time_expression"):
                c["timed"] += 1
                if hit is not None:
                    c["timed_matched"] += 1
                    gday = datetime.fromisoformat(g["valid_from"]).date()
                    if hit.valid_from is not None and hit.valid_from.date() == gday:
                        c["timed_exact"] += 1
                    elif fam == show_family and len(dev_misses) < show_dev_misses:
                        dev_misses.append(f"TIME {g['time_expression']!r} observed {g['observed_at']} gold "
                                          f"{gday} got {hit.valid_from} ({hit.time_text!r}) in {g['text']!r}")
        # every fact of the loaded sessions, for precision over all turns (facts from turns that
        # carry no planted fact count as false: review7 H5)
        per[fam]["extracted_all_turns"] += sum(len(cands.get((qid, sid), [])) for sid in loaded_sessions.get(qid, set()))
        for (sid, turn), gs in by_turn.items():
            c = per[fam]
            for x in cands.get((qid, sid), []):
                if turn not in x.source_turns:
                    continue
                c["extracted_on_planted_turns"] += 1
                if any(_match(g, x, relaxed=False) or _price_of(g, x) for g in gs):
                    c["correct_on_planted_turns"] += 1
                elif fam == show_family and len(dev_false) < show_dev_misses:
                    dev_false.append(f"{x.predicate}={x.value!r} from turn with {[g['text'] for g in gs]}")

    # chains: ingest (no embeddings: not what is measured here) and check SUPERSEDES edges
    for order in ("chronological", "reverse"):
        with tempfile.TemporaryDirectory() as tmp:
            store = NetworkxStore(Path(tmp))
            by_q = {h.question_id: h for h in haystacks}
            for qid, q in questions.items():
                sup_facts = [g for g in q.get("facts", []) if g.get("supersedes")]
                if not sup_facts or qid not in by_q:
                    continue
                h = by_q[qid]
                if order == "chronological":
                    ingest_haystack(store, h, extractor=extractor, embedder=None)
                else:
                    for s in sorted(h.sessions, key=lambda s: s.started_at, reverse=True):
                        ingest_session(store, h.user_id, s, extractor=extractor, embedder=None)
                stored = store.facts(h.user_id)
                edges = {(s.new_fact_id, s.old_fact_id) for s in store.supersessions(h.user_id)}
                gold_by_id = {g["fact_id"]: g for g in q["facts"]}
                for g in sup_facts:
                    fam = q.get("template_family", "dev")
                    c = per[fam]
                    c[f"chains_{order}"] += 1
                    old = gold_by_id.get(g["supersedes"])
                    if old is None:
                        continue

                    def find(gf: dict[str, Any], stored: list[Any] = stored) -> Any:
                        for f in stored:
                            src = {t.rsplit(":", 1)[0] for t in f.source_turn_ids}
                            if (f.predicate == gf["predicate"] and _norm(f.value) == _norm(gf["value"])
                                    and any(s.split("#")[0] == gf["session_id"] for s in src | {f.session_id})):
                                return f
                        return None

                    fn, fo = find(g), find(old)
                    if fn is not None and fo is not None and (fn.id, fo.id) in edges \
                            and fo.invalid_at == fn.observed_at:
                        c[f"chains_{order}_ok"] += 1
            store.close()

    def summary(c: dict[str, int]) -> dict[str, Any]:
        return {
            "planted_facts": c["planted"],
            "planted_not_in_loaded_sessions": c["not_in_loaded_sessions"],
            "recall": _ratio(c["matched"], c["planted"]),
            "recall_relaxed": _ratio(c["matched_relaxed"], c["planted"]),
            "precision_on_planted_turns": _ratio(c["correct_on_planted_turns"], c["extracted_on_planted_turns"]),
            "extracted_on_planted_turns": c["extracted_on_planted_turns"],
            "precision_all_turns": _ratio(c["correct_on_planted_turns"], c["extracted_all_turns"]),
            "extracted_all_turns": c["extracted_all_turns"],
            "timed_facts": c["timed"],
            "exact_day_accuracy": _ratio(c["timed_exact"], c["timed_matched"]),
            "exact_day_over_all_timed": _ratio(c["timed_exact"], c["timed"]),
            "chains": c["chains_chronological"],
            "chain_accuracy": _ratio(c["chains_chronological_ok"], c["chains_chronological"]),
            "chain_accuracy_reverse_order": _ratio(c["chains_reverse_ok"], c["chains_reverse"]),
        }

    total: dict[str, int] = defaultdict(int)
    for c in per.values():
        for k, v in c.items():
            total[k] += v
    return {
        "split": split,
        "tier": tier,
        "extractor_version": extractor.cache_key,
        "haystacks": len(haystacks),
        "sessions_extracted": n_sessions,
        "extract_seconds": round(extract_s, 2),
        "families": {fam: summary(c) for fam, c in sorted(per.items())},
        "recall_by_predicate": {fam: {p: {"planted": v["planted"], "recall": _ratio(v["matched"], v["planted"])}
                                      for p, v in sorted(preds.items())} for fam, preds in sorted(per_pred.items())},
        "all": summary(total),
        "targets": {"recall": 0.90, "precision": 0.80, "exact_day": 0.95, "chains": 0.95},
        "dev_misses": dev_misses,
        "dev_false_positives": dev_false,
    }


def to_markdown(res: dict[str, Any]) -> str:
    rows = [("all", res["all"]), *res["families"].items()]
    lines = [
        f"# Extraction benchmark ({res['split']}, tier {res['tier']}, {res['extractor_version']})"
        + {"lower": ", user turns lower-cased", "typos": ", letters swapped in user turns"}.get(res.get("transform", ""), ""),
        "",
        f"{res['haystacks']} haystacks, {res['sessions_extracted']} sessions extracted in "
        f"{res['extract_seconds']} s. Targets: recall ≥ 0.90, precision ≥ 0.80, exact-day ≥ 0.95, "
        "chains ≥ 0.95.",
        "",
        "| family | planted | recall | recall (relaxed) | precision (planted turns) | precision (all turns) | "
        "exact-day (matched) | exact-day (all timed) | chains | chains (reverse order) |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, s in rows:
        lines.append(
            f"| {name} | {s['planted_facts']} | {s['recall']} | {s['recall_relaxed']} | "
            f"{s['precision_on_planted_turns']} | {s.get('precision_all_turns')} | {s['exact_day_accuracy']} | "
            f"{s['exact_day_over_all_timed']} | "
            f"{s['chain_accuracy']} (n={s['chains']}) | {s['chain_accuracy_reverse_order']} |"
        )
    run_info = res.get("run")
    if run_info:
        lines += ["", *provenance_lines(run_info), "- issue #13 targets: held-out recall and precision >= 0.85, "
                  "chains >= 0.80; dev not lower than 0.85 / 0.86."]
    lines += ["", "Matching: same subject, same registry predicate, equal normalised value "
              "(relaxed: one value contains the other). Precision (planted turns) counts candidates from "
              "turns that carry planted facts, the figure issue #13's target was set on; precision (all turns) "
              "counts every candidate of the loaded sessions, a fact from a turn without a planted fact being "
              "false (some are true facts the generator did not plant, so it is a lower bound). Held-out "
              "examples are never printed.",
              "",
              "Read the dev row as a tuning figure: the rules were developed while looking at dev "
              "misses (allowed), so it overstates what the rules do on unseen phrasing. The "
              "held-out row (template families never looked at) is the honest generalisation "
              "figure; the sample has few held-out facts, so it is noisy."]
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="sample")
    ap.add_argument("--tier", default="rules")
    ap.add_argument("--show-dev-misses", type=int, default=0)
    ap.add_argument("--out", default=str(ROOT / "eval" / "results"))
    ap.add_argument("--name", default="extraction")
    ap.add_argument("--gold", default=None, help="gold sidecar to use (e.g. synthetic_s.gold.json for synthetic-s-oracle)")
    ap.add_argument("--limit", type=int, default=None, help="measure only the first N haystacks")
    ap.add_argument("--family", action="append", default=None,
                    help="measure only these template families (repeatable; default: all)")
    ap.add_argument("--show-family", default="dev",
                    help="the family whose misses --show-dev-misses prints (dev, heldout or dev3; heldout2/heldout3 are refused)")
    ap.add_argument("--transform", choices=TRANSFORMS, default="none",
                    help="user turns lower-cased or with letters swapped (eval/bench_extraction_perturb.py)")
    args = ap.parse_args()
    with measured(percentiles=False) as prov:
        res = run(args.split, args.tier, args.show_dev_misses, args.gold, args.limit,
                  set(args.family) if args.family else None, args.show_family, args.transform)
    res["transform"] = args.transform
    res["run"] = {**prov, "note": SHARED}
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    misses, fps = res.pop("dev_misses"), res.pop("dev_false_positives")
    (out / f"{args.name}.json").write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    (out / f"{args.name}.md").write_text(to_markdown(res), encoding="utf-8")
    print(to_markdown(res))
    for m in misses:
        print("MISS", m)
    for m in fps:
        print("FP  ", m)


if __name__ == "__main__":
    main()
