"""Where extraction loses planted facts: aggregate failure-stage counts per predicate, one family.

    .venv/bin/python eval/bench_extraction_stages.py --family dev [--split synthetic-s-oracle]
        [--gold /work/data/synthetic/synthetic_s.gold.json] [--limit N]

For every planted fact of the family's questions (facts + distractors in the loaded sessions) the
zero-LLM tier's output for that turn is classified by the first stage that lost the fact:

- ``matched`` (and ``date_mismatch`` when a timed match has the wrong day);
- ``value_partial``: a candidate of the predicate whose value contains or is contained in the gold;
- ``value_mismatch``: a candidate of the predicate with another value;
- ``wrong_predicate_same_value``: the gold value was found under another predicate;
- ``no_candidate_sentence``: the turn gave no candidate sentence (prose filter, questions);
- ``no_cue:<stage>``: the turn's sentences have no first-person or impersonal cue (the patterns
  skip them; the meaning stage still reads them), then the stage below that lost the fact;
- ``blocked_by_check``: every clause of the turn was refused by a check (reason counted apart);
- ``not_past``: the predicate was proposed but the clause was not told as past;
- ``no_value_of_type``: the predicate was proposed, no value of its kind was found;
- ``below_threshold``: the predicate was among a clause's top 3 but not proposed;
- ``wrong_predicate``: other predicates were proposed or read, never this one;
- ``nothing_proposed``: clauses passed the checks, nothing was proposed.

Also counted: bought candidates equal to the item a planted ``spent`` names (``attributes.on``: the
same statement, counted as false by the scorer), gold values absent from the turn text (normalised; a scorer/generator question, not
an extraction one), misses a lenient value rule would accept (punctuation, digits, articles
dropped; one value containing the other), and false positives per predicate (candidates on planted
turns matching no planted fact: ``same_predicate`` when the turn plants that predicate with another
value, else ``extra_predicate``).

Counts only: no example text is ever printed or written, so the script may be run on held-out
families. The held-out families (``heldout2``, ``heldout3``: families.HELD_OUT, nobody tunes on them)
get the aggregate only: the stage totals, the false-positive total and the value checks, no
per-predicate table, no check reasons (``--family heldout2``; run once at the end of a session,
never to choose a rule). Development families (dev, heldout, dev3) get everything. Writes
eval/results/extraction_stages_<family>.{json,md}.

:func:`set_stages` counts the same stages over the hand-written sentence sets (used by
bench_extraction_sets.py ``--stages``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eval._report import git_sha  # noqa: E402
from eval.bench_extraction import _match, _norm, _price_of  # noqa: E402
from kgmem.datasets.longmemeval import iter_haystacks, strip_labels  # noqa: E402
from kgmem.datasets.registry import resolve_split  # noqa: E402
from kgmem.datasets.synthetic.families import HELD_OUT  # noqa: E402
from kgmem.extraction.zero import RuleExtractor  # noqa: E402
from kgmem.extraction.zero.assistant import assistant_sentences  # noqa: E402
from kgmem.extraction.zero.sentences import user_sentences  # noqa: E402
from kgmem.settings import Settings  # noqa: E402

_LATE = ("blocked_by_check", "not_past", "no_value_of_type", "below_threshold", "wrong_predicate", "nothing_proposed")
STAGES = ("matched", "date_mismatch", "value_partial", "value_mismatch", "wrong_predicate_same_value",
          "no_candidate_sentence", *_LATE, *("no_cue:" + s for s in _LATE))


def _lenient(v: str) -> str:
    v = re.sub(r"\b(?:the|a|an|my|our)\b", " ", str(v).casefold())
    return re.sub(r"[^a-z0-9]", "", v)


def _check_kind(reason: str) -> str:
    """A check reason without its detail ("subject is not the user (other)" → "subject is not the user")."""
    return reason.split(" (")[0]


def classify(g: dict[str, Any], found: list[Any], text: str, date: datetime, traces: list[Any]) -> tuple[str, str]:
    """(stage, check reason or "") of one planted fact against its turn's candidates and traces."""
    pred = g["predicate"]
    same_pred = [x for x in found if x.predicate == pred and _match({**g, "value": x.value}, x)]
    if same_pred:
        if any(_match(g, x, relaxed=True) for x in same_pred):
            return "value_partial", ""
        return "value_mismatch", ""
    taken = sorted({x.predicate for x in found if _norm(x.value) == _norm(g["value"])})
    if taken:
        return "wrong_predicate_same_value", "taken as " + "/".join(taken)
    if g.get("role") == "assistant" or g.get("subject") == "assistant":
        if found:
            return "wrong_predicate", ""
        cue = any(s.masked for s in assistant_sentences(int(g["turn_index"]), text))
        return "nothing_proposed", "assistant: " + ("cue sentence, no pattern" if cue else "no recommendation cue")
    sents = list(user_sentences(int(g["turn_index"]), text, date))
    if not sents:
        return "no_candidate_sentence", ""
    cue = "" if any(s.personal for s in sents) else "no_cue:"
    stage, why = _trace_stage(g, found, traces)
    return cue + stage, why


def _trace_stage(g: dict[str, Any], found: list[Any], traces: list[Any]) -> tuple[str, str]:
    pred = g["predicate"]
    mine = [t for t in traces if t.turn == int(g["turn_index"])]
    ok = [t for t in mine if t.checks == "ok"]
    if mine and not ok:
        return "blocked_by_check", Counter(_check_kind(t.checks) for t in mine).most_common(1)[0][0]
    values = [v for t in ok for (p, v) in t.values if p == pred]
    if "(not told as past)" in values and not any(v and v != "(not told as past)" for v in values):
        return "not_past", ""
    if values and not any(values):
        return "no_value_of_type", ""
    if any(p.predicate == pred for t in ok for p in t.proposals):
        return "below_threshold", ""
    if found or any(t.values for t in ok):
        return "wrong_predicate", ""
    return "nothing_proposed", ""


def set_stages(extractor: RuleExtractor, rows: list[dict[str, Any]], matches: Callable[[dict[str, Any], Any], bool]
               ) -> dict[str, int]:
    """Expected facts of hand-written records (tests/fixtures/extraction format: ``text``,
    ``session_date``, ``expected``) counted by the first stage that lost them ("matched" if found;
    ``matches(expected, fact)`` is the set's scorer)."""
    counts: Counter[str] = Counter()
    for r in rows:
        date = datetime.fromisoformat(r["session_date"])
        result, traces = extractor.explain([("user", r["text"])], date)
        facts = list(result.facts)
        for e in r["expected"]:
            if any(matches(e, f) for f in facts):
                counts["matched"] += 1
                continue
            g = {"predicate": e["predicate"], "value": e["value"], "turn_index": 0, "subject": e.get("subject", "user")}
            counts[classify(g, facts, r["text"], date, traces)[0]] += 1
    return dict(counts.most_common())


#: what a held-out family's report keeps: aggregates over every predicate
_AGGREGATE_ONLY = ("family", "split", "haystacks", "extractor_version", "seconds", "stages_total",
                   "false_positives_total", "value_checks")


def run(split: str, gold_path: str | None, family: str, limit: int | None, tier: str = "full") -> dict[str, Any]:
    res = _run(split, gold_path, family, limit, tier)
    if family in HELD_OUT:
        return {k: res[k] for k in _AGGREGATE_ONLY} | {"aggregate_only": True}
    return res


def _run(split: str, gold_path: str | None, family: str, limit: int | None, tier: str = "full") -> dict[str, Any]:
    info = resolve_split(split, Settings.load())
    gold_file = Path(gold_path) if gold_path else info.gold_file
    if gold_file is None or not gold_file.is_file():
        raise SystemExit(f"split {split!r} has no gold sidecar (pass --gold)")
    questions = {q: v for q, v in json.loads(gold_file.read_text(encoding="utf-8"))["questions"].items()
                 if v.get("template_family", "dev") == family}
    haystacks = []
    for f in info.files:
        for h in iter_haystacks(f, info.tag):
            if h.question_id in questions and (limit is None or len(haystacks) < limit):
                haystacks.append(strip_labels(h))
    # proposals: the meaning stage alone (patterns and parse readers off), as on phrasing no rule knows
    extractor = RuleExtractor(rules=tier == "full")
    stage: dict[str, Counter[str]] = defaultdict(Counter)
    checks: Counter[str] = Counter()
    fp: dict[str, Counter[str]] = defaultdict(Counter)
    extra: Counter[str] = Counter({"planted": 0, "gold_value_not_in_turn_text": 0, "miss_accepted_by_lenient_value_rule": 0,
                                   "fp_bought_equal_to_a_planted_spent_item": 0})
    t0 = time.perf_counter()
    for h in haystacks:
        q = questions[h.question_id]
        sessions = {s.source_id or s.id: s for s in h.sessions}
        planted = [g for g in [*q.get("facts", []), *q.get("distractor_facts", [])] if g["session_id"] in sessions]
        for sid in {g["session_id"] for g in planted}:
            s = sessions[sid]
            turns = [(t.role, t.text) for t in s.turns]
            result, traces = extractor.explain(turns, s.started_at)
            gs = [g for g in planted if g["session_id"] == sid]
            for g in gs:
                ti = int(g["turn_index"])
                found = [x for x in result.facts if ti in x.source_turns]
                text = turns[ti][1] if ti < len(turns) else ""
                extra["planted"] += 1
                if _norm(g["value"]) not in _norm(text):
                    extra["gold_value_not_in_turn_text"] += 1
                hit = next((x for x in found if _match(g, x)), None)
                if hit is not None:
                    st, why = "matched", ""
                    if g.get("time_expression"):
                        gday = datetime.fromisoformat(g["valid_from"]).date()
                        if hit.valid_from is None or hit.valid_from.date() != gday:
                            st = "date_mismatch"
                else:
                    st, why = classify(g, found, text, s.started_at, traces)
                    if any(x.predicate == g["predicate"] and _lenient(x.value) and _lenient(g["value"])
                           and (_lenient(x.value) in _lenient(g["value"]) or _lenient(g["value"]) in _lenient(x.value))
                           for x in found):
                        extra["miss_accepted_by_lenient_value_rule"] += 1
                stage[g["predicate"]][st] += 1
                if why:
                    checks[why] += 1
            by_turn: dict[int, list[dict[str, Any]]] = defaultdict(list)
            for g in gs:
                by_turn[int(g["turn_index"])].append(g)
            for ti, tg in by_turn.items():
                for x in result.facts:
                    if ti not in x.source_turns or any(_match(g, x) or _price_of(g, x) for g in tg):
                        continue
                    kind = "same_predicate" if any(g["predicate"] == x.predicate for g in tg) else "extra_predicate"
                    fp[x.predicate][kind] += 1
                    if x.predicate == "bought" and any(
                            g["predicate"] == "spent" and _norm((g.get("attributes") or {}).get("on", "")) == _norm(x.value)
                            for g in tg):
                        extra["fp_bought_equal_to_a_planted_spent_item"] += 1
    totals: Counter[str] = Counter()
    for c in stage.values():
        totals.update(c)
    return {
        "family": family, "split": split, "haystacks": len(haystacks), "extractor_version": extractor.cache_key,
        "seconds": round(time.perf_counter() - t0, 1),
        "stages_total": {k: totals[k] for k in STAGES if totals[k]},
        "stages_by_predicate": {p: {k: c[k] for k in STAGES if c[k]} for p, c in sorted(stage.items())},
        "details": dict(checks.most_common()),
        "false_positives_by_predicate": {p: dict(c) for p, c in sorted(fp.items(), key=lambda kv: -sum(kv[1].values()))},
        "false_positives_total": sum(sum(c.values()) for c in fp.values()),
        "value_checks": dict(extra),
    }


def to_markdown(res: dict[str, Any]) -> str:
    lines = [f"# Extraction failure stages: {res['family']} family ({res['split']}, {res['extractor_version']})", "",
             f"{res['haystacks']} haystacks, {res['seconds']} s. Counts only; no example is shown.", "",
             "| stage | facts |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in res["stages_total"].items()]
    if res.get("aggregate_only"):
        lines += ["", f"Held-out family: aggregates only. False positives on planted turns: {res['false_positives_total']}.",
                  "", "## Value checks", ""] + [f"- {k}: {v}" for k, v in res["value_checks"].items()]
        return "\n".join(lines + _provenance(res)) + "\n"
    cols = [k for k in STAGES if k in res["stages_total"]]
    lines += ["", "## By predicate", "", "| predicate | " + " | ".join(cols) + " |", "|---" * (len(cols) + 1) + "|"]
    for p, c in res["stages_by_predicate"].items():
        lines.append(f"| {p} | " + " | ".join(str(c.get(k, "")) for k in cols) + " |")
    lines += ["", "## Details (check that blocked a turn; predicate a value was taken as; assistant stage)", ""]
    lines += [f"- {k}: {v}" for k, v in res["details"].items()] or ["- none"]
    lines += ["", f"## False positives on planted turns ({res['false_positives_total']})", "",
              "| predicate | same predicate, other value | predicate not planted on the turn |", "|---|---|---|"]
    lines += [f"| {p} | {c.get('same_predicate', 0)} | {c.get('extra_predicate', 0)} |"
              for p, c in res["false_positives_by_predicate"].items()]
    lines += ["", "## Value checks", ""] + [f"- {k}: {v}" for k, v in res["value_checks"].items()]
    return "\n".join(lines + _provenance(res)) + "\n"


def _provenance(res: dict[str, Any]) -> list[str]:
    r = res.get("run")
    if not r:
        return []
    return ["", f"Command: `{r['command']}` at {r['git_sha']} on {r['machine']} ({r['cpus']} CPUs, shared machine; "
            f"load average before {' '.join(r['loadavg_before'])}, after {' '.join(r['loadavg_after'])})."]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--family", default="dev", help="dev, heldout or dev3; heldout2/heldout3: aggregate counts only")
    ap.add_argument("--split", default="synthetic-s-oracle")
    ap.add_argument("--gold", default="/work/data/synthetic/synthetic_s.gold.json")
    ap.add_argument("--limit", type=int, default=None, help="only the first N haystacks of the family")
    ap.add_argument("--out", default=str(ROOT / "eval" / "results"))
    ap.add_argument("--tier", choices=("full", "proposals"), default="full", help="proposals: the meaning stage alone")
    args = ap.parse_args()
    before = Path("/proc/loadavg").read_text().split()[:3]
    res = run(args.split, args.gold, args.family, args.limit, args.tier)
    res["run"] = {"command": "python " + " ".join(sys.argv), "git_sha": git_sha(), "machine": platform.node(),
                  "cpus": os.cpu_count(), "loadavg_before": before,
                  "loadavg_after": Path("/proc/loadavg").read_text().split()[:3]}
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    name = f"extraction_stages_{args.family}" + ("_proposals" if args.tier == "proposals" else "")
    (out / f"{name}.json").write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    (out / f"{name}.md").write_text(to_markdown(res), encoding="utf-8")
    print(to_markdown(res))


if __name__ == "__main__":
    main()
