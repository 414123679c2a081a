"""Where preference answers fail in a run directory: aggregate counts only (session 29, pf29).

    .venv/bin/python eval/diag_preference.py RUN_DIR --gold /work/data-heldout3/synthetic/synthetic_s.gold.json \
        [--show N] [--json OUT]

Reads ``RUN_DIR/predictions.jsonl`` (a ``kgmem eval`` run) and the generator's gold file, and sorts every preference
question by what its answer rested on:

- ``path``: the answerer's path (``preference``, ``extractive``, ``model``, ``abstain`` …) from ``system_notes``;
- ``built on``: what the suggestion builds on, read from the answer's own frame: ``tastes`` ("you enjoy X, Y"),
  ``constraints only`` ("I'd suggest … that fits what you've told me: …"), ``dislikes only`` ("something without X"),
  ``statements only`` ("Going by what you've told me …"), ``other`` (another path's wording);
- ``tastes found``: the tastes the answer names against the rubric's: ``asked`` (one of them names a rubric taste),
  ``other only`` (tastes named, none the rubric's), ``none``;
- ``gold read``: how many of the gold's liked lines the taste reader (``kgmem.answer.taste.read_taste``, the parts a
  line is split into) reads as a liking: ``all`` / ``some`` / ``none`` — a line the reader cannot read cannot be built on;
- ``line used`` (pf31): which user line the answer says back: ``no user line``, ``other line`` (none of the gold's),
  ``gold dislike only``, ``gold liked line`` (the gold's liking said back, the answer judged wrong on its wording);
- ``gold in domain``: whether the question's domain view (``kgmem.answer.pref_domains.DomainView``, MiniLM) keeps the
  gold's liked values: ``all`` / ``some`` / ``none`` (only with the embedder; ``--no-embed`` leaves it out);
- ``retrieved``: whether the gold answer session is among the retrieved sessions;
- ``stage``: one class per wrong answer: ``abstained``, ``not the preference path``, ``gold not read`` (no liked line
  read), ``gold out of domain`` (read, but the domain view drops every one), ``built on other tastes``, ``constraints
  only``, ``dislikes only``, ``statements only``, ``asked taste named, too few rubric words``.

Per-question lines (``--show N``) are printed only for development families: a question of a held-out family
(``kgmem.datasets.synthetic.families.HELD_OUT``) is counted, never shown (project rule: held-out material is never read
per item). Nothing here reads the haystacks; the gold's liked lines are read by the taste reader and counted, never
printed for a held-out family.
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

from kgmem.datasets.synthetic.families import HELD_OUT  # noqa: E402

_LIKES = re.compile(r"\byou (?:enjoy|like|love)\s+(.+?),?\s+so I'd suggest", re.I)
_QUOTES = re.compile(r"\"[^\"]*\"|\u201c[^\u201d]*\u201d")


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.casefold()) if len(w) > 2}


def named_tastes(answer: str) -> list[str]:
    """The tastes a preference answer says it builds on ("you enjoy X, Y and Z, so I'd suggest …")."""
    m = _LIKES.search(_QUOTES.sub(" ", answer))
    return [t.strip() for t in re.split(r",\s*|\s+and\s+", m.group(1)) if t.strip()] if m else []


def built_on(answer: str) -> str:
    """What the suggestion builds on, by the answer's own frame."""
    if named_tastes(answer):
        return "tastes"
    if answer.startswith("Going by what you've told me"):
        return "statements only"
    if "something without" in answer:
        return "dislikes only"
    if answer.startswith("I'd suggest"):
        return "constraints only"
    return "other"


def tastes_found(answer: str, prefer: list[str]) -> str:
    """``asked`` when a named taste shares a word with a rubric taste, ``other only`` when none does, ``none``."""
    named = named_tastes(answer)
    if not named:
        return "none"
    wanted = [_words(p) for p in prefer]
    return "asked" if any(_words(t) & w for t in named for w in wanted) else "other only"


def frame_reads(text: str, embedder: Any = None) -> bool:
    """Whether the line reader of ``kgmem.answer.pref_stated.candidates`` reads a liking in any part of the line: a taste
    frame (``read_taste``, ``taste_of_it``) or, with the embedder, a reaction to a thing offered (``pref_reaction``:
    "anything with X and I'm …", its polarity by meaning)."""
    from kgmem.answer.pref_reaction import offered, polarities
    from kgmem.answer.pref_reading import PARTS, taste_of_it
    from kgmem.answer.taste import read_taste
    from kgmem.answer.taste_things import run_on_sentences

    parts = [pt for pc in run_on_sentences(text) for pt in PARTS.split(pc)]
    if any((t := read_taste(p) or taste_of_it(text, p)) is not None and t[0] for p in parts):
        return True
    reactions = [told[1] for p in parts if (told := offered(p)) is not None]
    if not reactions or embedder is None:
        return False
    return any(like for like in polarities(reactions, embedder.embed, f"{embedder.name}:{embedder.dim}"))


def gold_read(liked: list[dict[str, Any]], embedder: Any = None) -> str:
    """How many of the gold's liked lines the line reader reads as a liking (:func:`frame_reads`)."""
    return _share(sum(frame_reads(str(f.get("text") or ""), embedder) for f in liked), len(liked))


def gold_in_domain(question: str, liked: list[dict[str, Any]], embedder: Any) -> str:
    """How many of the gold's liked values the question's domain view keeps (as ``stated_preferences`` keeps them)."""
    from kgmem.answer.pref_domains import DomainView
    from kgmem.answer.pref_reasons import TASTE_FLOOR

    view = DomainView(question, embedder.embed, f"{embedder.name}:{embedder.dim}")
    if not view.wanted or not liked:
        return "n/a"
    values = [str(f.get("value") or "") for f in liked]
    fits = view.fit(values + [str(f.get("text") or "") for f in liked], floor=TASTE_FLOOR)
    away = view.elsewhere(values)
    n = len(values)
    kept = sum(1 for k in range(n) if fits[k] or (fits[n + k] and not away[k]))
    return _share(kept, n)


def meaning_causes(question: str, liked: list[dict[str, Any]], embedder: Any) -> list[str]:
    """Per gold liked line that no frame reads (:func:`frame_reads`), the meaning reader's verdict (:mod:`kgmem.answer.pref_meaning`): ``read`` (a
    thing of the question's domain, told fondly, by the line gates of ``reads_liking``), ``no phrase of the domain``, ``not fond``, ``an order`` (the reader
    reads no line opening with a bare verb)."""
    from kgmem.answer import pref_meaning as meaning
    from kgmem.answer.pref_domains import DomainView

    model = f"{embedder.name}:{embedder.dim}"
    view = DomainView(question, embedder.embed, model)
    out = []
    for f in liked:
        text = str(f.get("text") or "")
        if frame_reads(text, embedder):
            continue
        if meaning.ordered(text):
            out.append("an order")
        elif meaning.reads_liking(text, view, embedder.embed, model) is not None:
            out.append("read")
        else:
            phrases = [p for _, _, p in meaning.things(text)]
            fits = view.fit(phrases, floor=meaning.DOMAIN_FLOOR, margin=meaning.THING_MARGIN) if phrases else []
            out.append("not fond" if any(fits) else "no phrase of the domain")
    return out


def _said_back(answer: str) -> list[str]:
    """The user's words an answer says back: its quotes and the reasons after "fit(s) what you've told me:"."""
    reasons = re.findall(r"what you've told me:\s*([^.]*)", answer)
    return [q.strip("\"\u201c\u201d") for q in _QUOTES.findall(answer)] + reasons


def _holds(said: str, line: str) -> bool:
    """Whether a line said back is the gold line: most of the line's words are in it."""
    words = _words(line) - {"you", "your", "yours", "me", "my", "mine"}
    return bool(words) and len(words & _words(said)) >= 0.6 * len(words)


def line_used(answer: str, liked: list[dict[str, Any]], disliked: list[dict[str, Any]]) -> str:
    """Which user line the answer rests on (pf31's split): ``no user line`` (nothing said back), ``other line`` (lines
    said back, none of the gold's), ``gold dislike only``, ``gold liked line`` (a gold liked line said back; the
    answer then fails on its wording: too few rubric words, a constraint ignored)."""
    said = _said_back(answer)
    if not said:
        return "no user line"
    if any(_holds(s, str(f.get("text") or "")) for s in said for f in liked):
        return "gold liked line"
    if any(_holds(s, str(f.get("text") or "")) for s in said for f in disliked):
        return "gold dislike only"
    return "other line"


def _share(hits: int, n: int) -> str:
    return "n/a" if n == 0 else "all" if hits == n else "none" if hits == 0 else "some"


def stage(row: dict[str, Any]) -> str:
    """One class per wrong answer (module docstring)."""
    if row["path"] == "abstain" or row["abstained"] == "yes":
        return "abstained"
    if row["path"] != "preference":
        return "not the preference path"
    if row["gold_read"] == "none":
        return "gold not read"
    if row["gold_in_domain"] == "none":
        return "gold out of domain"
    if row["built_on"] == "tastes":
        return "built on other tastes" if row["tastes_found"] == "other only" else \
            "asked taste named, too few rubric words"
    return row["built_on"]


def diagnose(run_dir: Path, gold_path: Path, embed: bool = True) -> list[dict[str, Any]]:
    """One row of classes per preference question of the run."""
    from kgmem.evaluation.metrics import latest_records
    from kgmem.evaluation.runner import PREDICTIONS, read_predictions

    gold = json.loads(gold_path.read_text(encoding="utf-8"))["questions"]
    embedder = None
    if embed:
        from kgmem.embeddings import load_embedder

        embedder = load_embedder()
    rows = []
    for rec in latest_records(read_predictions(run_dir / PREDICTIONS)):
        if rec.get("question_type") != "single-session-preference" or rec.get("is_abstention"):
            continue
        g = gold.get(str(rec["question_id"]), {})
        prefer = list((g.get("rubric") or {}).get("prefer") or [])
        liked = [f for f in g.get("facts", []) if f.get("predicate") != "dislikes"]
        disliked = [f for f in g.get("facts", []) if f.get("predicate") == "dislikes"]
        answer = str(rec.get("predicted_answer") or "")
        notes = rec.get("system_notes") or {}
        row = {"question_id": str(rec["question_id"]), "family": str(rec.get("template_family") or ""),
               "correct": "yes" if (rec.get("verdict") or {}).get("correct") else "no",
               "path": str(notes.get("path") or ""), "abstained": "yes" if rec.get("abstained") else "no",
               "built_on": built_on(answer), "tastes_found": tastes_found(answer, prefer),
               "gold_read": gold_read(liked, embedder), "line_used": line_used(answer, liked, disliked),
               "gold_in_domain": gold_in_domain(str(rec.get("question") or ""), liked, embedder) if embedder else "n/a",
               "retrieved": "yes" if set(rec.get("answer_session_ids") or []) <= set(rec.get("retrieved_session_ids")
                                                                                    or []) else "no"}
        row["stage"] = "right" if row["correct"] == "yes" else stage(row)
        row["meaning"] = meaning_causes(str(rec.get("question") or ""), liked, embedder) if embedder else []
        rows.append(row)
    return rows


def tables(rows: list[dict[str, Any]]) -> list[str]:
    """The aggregate tables: every class by right / wrong, and the wrong answers' stages."""
    lines = [f"preference questions: {len(rows)}, right {sum(r['correct'] == 'yes' for r in rows)}", ""]
    for key in ("path", "built_on", "tastes_found", "gold_read", "line_used", "gold_in_domain", "retrieved"):
        right = Counter(r[key] for r in rows if r["correct"] == "yes")
        wrong = Counter(r[key] for r in rows if r["correct"] == "no")
        lines += [f"| {key} | right | wrong |", "|---|---:|---:|"]
        lines += [f"| {k} | {right[k]} | {wrong[k]} |" for k in sorted(set(right) | set(wrong))]
        lines.append("")
    causes = Counter(c for r in rows for c in r.get("meaning") or [])
    lines += ["| the meaning reader on the gold's liked lines no frame reads | lines |", "|---|---:|"]
    lines += [f"| {k} | {n} |" for k, n in causes.most_common()] + [""]
    lines += ["| stage of the wrong answers | n |", "|---|---:|"]
    lines += [f"| {k} | {n} |" for k, n in Counter(r["stage"] for r in rows if r["correct"] == "no").most_common()]
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("run_dir", type=Path)
    ap.add_argument("--gold", type=Path, required=True)
    ap.add_argument("--show", type=int, default=0, help="per-question lines (development families only)")
    ap.add_argument("--no-embed", action="store_true", help="leave out the domain view (no embedder loaded)")
    ap.add_argument("--json", type=Path, help="write the aggregate counts here")
    args = ap.parse_args(argv)
    rows = diagnose(args.run_dir, args.gold, embed=not args.no_embed)
    lines = tables(rows)
    shown = [r for r in rows if r["family"] not in HELD_OUT and r["correct"] == "no"][:args.show]
    if shown:
        lines += ["", "| id | stage | built on | tastes | gold read | in domain | retrieved |", "|---|---|---|---|---|---|---|"]
        lines += [f"| {r['question_id']} | {r['stage']} | {r['built_on']} | {r['tastes_found']} | {r['gold_read']} | "
                  f"{r['gold_in_domain']} | {r['retrieved']} |" for r in shown]
    print("\n".join(lines))
    if args.json:
        agg: dict[str, Any] = {key: dict(Counter(f"{r[key]}:{r['correct']}" for r in rows))
                               for key in ("path", "built_on", "tastes_found", "gold_read", "line_used", "gold_in_domain",
                                           "retrieved", "stage")}
        agg["meaning"] = dict(Counter(c for r in rows for c in r.get("meaning") or []))
        args.json.write_text(json.dumps({"n": len(rows), "aggregates": agg}, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
