"""Build the hand-written held-out haystacks (LongMemEval format) from ``source_v1.json`` / ``_v2`` / ``_v3`` / ``_v4``.

IMPLEMENTERS: do not read the source or the built files (see eval/heldout/README.md). Running
this script, or eval/bench_heldout.py which calls it, is fine.

Each question's haystack = all of its persona's hand-written sessions (dates as written; the
question's evidence turns get ``has_answer: true``) + filler sessions, so the haystack has
24-36 sessions. Filler comes from two pools: the hand-written life-admin chats in the source
(v2, v3 and v4 add v1's generic chats to their own, via ``filler.also_chats_from``), and coding questions answered with runs of consecutive paragraphs of one topic from the
synthetic generator's prose corpus (``kgmem/datasets/synthetic/data/prose.jsonl.gz``). Filler
dates fall between 30 days before the persona's first session and the question date.

Deterministic: every choice comes from ``random.Random`` seeded by SHA-256 of
(version, label); JSON is written with sorted keys. Session ids are hashes, so an id says
nothing about whether a session is filler or evidence.

    python eval/heldout/build.py [--version v1|v2|v3|v4|all] [--out-dir eval/heldout] [--check]
    # --check: rebuild in memory and compare bytes (default --version all: every set)
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
PROSE = ROOT / "kgmem" / "datasets" / "synthetic" / "data" / "prose.jsonl.gz"
VERSIONS = {"v1": ("source_v1.json", "handwritten_v1"),  # version -> (source, output stem)
            "v2": ("source_v2.json", "handwritten_v2"),
            "v3": ("source_v3.json", "handwritten_v3"),
            "v4": ("source_v4.json", "handwritten_v4")}
SOURCE = HERE / VERSIONS["v1"][0]
STEM = VERSIONS["v1"][1]
MIN_SESSIONS, MAX_SESSIONS = 24, 36
CODE_SHARE = 0.45  # share of filler sessions that are coding questions
FILLER_LEAD_DAYS = 30
DATE_FMT = "%Y/%m/%d %H:%M"
TYPES = ("single-session-user", "single-session-assistant", "single-session-preference",
         "multi-session", "knowledge-update", "temporal-reasoning")


class SourceError(ValueError):
    """A problem in the hand-written source (names the persona, question or session)."""


def rng_for(*label: str, stem: str = STEM) -> random.Random:
    """A random stream keyed by the version and ``label`` (stable across runs and machines)."""
    digest = hashlib.sha256("|".join((stem, *label)).encode()).hexdigest()
    return random.Random(int(digest[:16], 16))


def hashed_id(*label: str, stem: str = STEM) -> str:
    return hashlib.sha256("|".join((stem, *label)).encode()).hexdigest()[:10]


def fmt(dt: datetime) -> str:
    """LongMemEval's date format, e.g. ``2023/05/20 (Sat) 02:21``."""
    return dt.strftime("%Y/%m/%d (%a) %H:%M")


def parse(text: str) -> datetime:
    return datetime.strptime(text, DATE_FMT)


# ---------------------------------------------------------------------------- source checks


def check_source(src: dict[str, Any]) -> None:
    """Raise :class:`SourceError` on a structural or arithmetic problem in the source."""
    seen_q: set[str] = set()
    types: set[str] = set()
    n_abs = 0
    for p in src["personas"]:
        sessions = {s["id"]: s for s in p["sessions"]}
        dates = [parse(s["date"]) for s in p["sessions"]]
        if dates != sorted(dates) or len(sessions) != len(dates):
            raise SourceError(f"persona {p['id']}: session dates not ascending or ids repeated")
        asked = parse(p["question_date"])
        if asked <= dates[-1]:
            raise SourceError(f"persona {p['id']}: question date is not after the last session")
        for q in p["questions"]:
            qid = q["id"]
            if qid in seen_q:
                raise SourceError(f"{qid}: duplicate question id")
            seen_q.add(qid)
            if q["type"] not in TYPES:
                raise SourceError(f"{qid}: unknown type {q['type']!r}")
            types.add(q["type"])
            is_abs = qid.endswith("_abs")
            n_abs += is_abs
            if is_abs != (not q["evidence"]):
                raise SourceError(f"{qid}: _abs questions and only they have no evidence")
            if is_abs and not all(sid in sessions for sid in q.get("near_miss", [])):
                raise SourceError(f"{qid}: near_miss names an unknown session")
            for sid, turn in q["evidence"]:
                if sid not in sessions or not 0 <= turn < len(sessions[sid]["turns"]):
                    raise SourceError(f"{qid}: evidence {sid}[{turn}] does not exist")
            if "check" in q:
                _check_arithmetic(q, sessions, asked)
    if set(TYPES) - types or n_abs < 4 or len(seen_q) < 30:
        raise SourceError(f"coverage: types {sorted(types)}, {n_abs} _abs, {len(seen_q)} questions")


def _check_arithmetic(q: dict[str, Any], sessions: dict[str, Any], asked: datetime) -> None:
    """The temporal answer follows from the annotated dates; each time phrase is in its turn."""
    chk = q["check"]
    days = []
    for sid, turn, expression, resolved in chk["mentions"]:
        said = parse(sessions[sid]["date"]).date()
        day = datetime.strptime(resolved, "%Y-%m-%d").date()
        if expression.casefold() not in sessions[sid]["turns"][turn][1].casefold() or day > said:
            raise SourceError(f"{q['id']}: {expression!r} not in {sid}[{turn}] or after it")
        days.append(day)
    if chk["op"] == "which_first":
        ok = chk["value"].casefold() in q["answer"].casefold()
    else:
        span = (days[1] - days[0]).days if chk["op"] == "between" else (asked.date() - days[0]).days
        per = {"days": 1, "weeks": 7}[chk["unit"]]
        ok = round(span / per) == chk["value"] and q["answer"] == f"{chk['value']} {chk['unit']}"
    if not ok:
        raise SourceError(f"{q['id']}: the answer does not follow from the annotated dates")


# ---------------------------------------------------------------------------- filler


def load_prose(path: Path = PROSE) -> dict[str, list[str]]:
    """Corpus paragraphs grouped by topic, in corpus order."""
    topics: dict[str, list[str]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            topics.setdefault(row["t"], []).append(row["x"])
    return topics


def filler_chats(src: dict[str, Any]) -> list[list[list[str]]]:
    """The source's filler chats, then those of the source named in ``also_chats_from``."""
    chats = list(src["filler"]["chats"])
    other = src["filler"].get("also_chats_from")
    if other:
        chats += json.loads((HERE / other).read_text(encoding="utf-8"))["filler"]["chats"]
    return chats


def filler_pool(src: dict[str, Any], prose: dict[str, list[str]],
                stem: str = STEM) -> list[list[dict[str, str]]]:
    """Every filler session the builder may use: the chats, then 160 coding sessions."""
    pool = [[{"role": r, "content": c} for r, c in chat] for chat in filler_chats(src)]
    topics = [t for t, paras in prose.items() if len(paras) >= 3 and not t.startswith("_")]
    rng = rng_for("code-pool", stem=stem)
    questions, followups = src["filler"]["code_questions"], src["filler"]["code_followups"]
    for topic in rng.sample(topics, 160):
        paras = prose[topic]
        cut = rng.randint(1, min(3, len(paras) - 1))
        session = [{"role": "user", "content": rng.choice(questions).format(t=topic)},
                   {"role": "assistant", "content": "\n\n".join(paras[:cut])}]
        if rng.random() < 0.5:
            session += [{"role": "user", "content": rng.choice(followups)},
                        {"role": "assistant", "content": "\n\n".join(paras[cut:cut + 3])}]
        pool.append(session)
    return pool


# ---------------------------------------------------------------------------- assembly


def build_instance(p: dict[str, Any], q: dict[str, Any], pool: list[list[dict[str, str]]],
                   n_chats: int, stem: str = STEM) -> tuple[dict[str, Any], dict[str, Any]]:
    """The haystack instance of one question, and its oracle instance."""
    rng = rng_for("haystack", q["id"], stem=stem)
    asked = parse(q.get("question_date", p["question_date"]))
    evidence = {(sid, turn) for sid, turn in q["evidence"]}
    personal = []
    for s in p["sessions"]:
        turns = [{"role": r, "content": c, **({"has_answer": True} if (s["id"], i) in evidence
                                                else {})}
                 for i, (r, c) in enumerate(s["turns"])]
        personal.append((parse(s["date"]), hashed_id("session", q["id"], s["id"], stem=stem), turns, s["id"]))

    total = rng.randint(max(MIN_SESSIONS, len(personal) + 8), MAX_SESSIONS)
    n_filler = total - len(personal)
    n_code = round(n_filler * CODE_SHARE)
    picks = (rng.sample(range(n_chats), n_filler - n_code)
             + rng.sample(range(n_chats, len(pool)), n_code))
    start = personal[0][0] - timedelta(days=FILLER_LEAD_DAYS)
    span_min = int((asked - timedelta(hours=2) - start).total_seconds() // 60)
    taken = {d for d, *_ in personal}
    filler = []
    for k in picks:
        when = start + timedelta(minutes=rng.randrange(span_min))
        while when in taken:
            when += timedelta(minutes=1)
        taken.add(when)
        filler.append((when, hashed_id("filler", q["id"], str(k), stem=stem), pool[k], None))

    sessions = sorted(personal + filler, key=lambda item: item[0])
    evidence_sids = sorted({sid for sid, _ in q["evidence"]})
    answer_ids = [hid for _, hid, _, src_id in sessions if src_id in evidence_sids]
    record = {
        "question_id": q["id"],
        "question_type": q["type"],
        "question": q["question"],
        "answer": q["answer"],
        "question_date": fmt(asked),
        "haystack_session_ids": [hid for _, hid, _, _ in sessions],
        "haystack_dates": [fmt(d) for d, _, _, _ in sessions],
        "haystack_sessions": [turns for _, _, turns, _ in sessions],
        "answer_session_ids": answer_ids,
    }
    oracle_sids = set(evidence_sids or q.get("near_miss", []))
    keep = [i for i, (_, _, _, src_id) in enumerate(sessions) if src_id in oracle_sids]
    oracle = {**record,
              "haystack_session_ids": [record["haystack_session_ids"][i] for i in keep],
              "haystack_dates": [record["haystack_dates"][i] for i in keep],
              "haystack_sessions": [record["haystack_sessions"][i] for i in keep]}
    return record, oracle


def render(records: list[dict[str, Any]]) -> str:
    """A JSON array, one instance per line, keys sorted (byte-stable)."""
    lines = [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in records]
    return "[\n" + ",\n".join(lines) + "\n]\n"


def build(source: Path | None = None, prose: Path = PROSE, version: str = "v1") -> tuple[str, str]:
    """The full and oracle files' text of one version (``source`` overrides its source file)."""
    name, stem = VERSIONS[version]
    src = json.loads((source or HERE / name).read_text(encoding="utf-8"))
    check_source(src)
    pool = filler_pool(src, load_prose(prose), stem=stem)
    n_chats = len(filler_chats(src))
    full, oracle = [], []
    for p in src["personas"]:
        for q in p["questions"]:
            rec, orc = build_instance(p, q, pool, n_chats, stem=stem)
            full.append(rec)
            oracle.append(orc)
    return render(full), render(oracle)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--version", choices=[*VERSIONS, "all"], default="all",
                    help="which set to build or check (default: all)")
    ap.add_argument("--out-dir", type=Path, default=HERE)
    ap.add_argument("--check", action="store_true",
                    help="rebuild in memory and fail if the files in --out-dir differ")
    args = ap.parse_args(argv)
    targets = {}
    for version in VERSIONS if args.version == "all" else [args.version]:
        full, oracle = build(version=version)
        stem = VERSIONS[version][1]
        targets |= {args.out_dir / f"{stem}.json": full, args.out_dir / f"{stem}_oracle.json": oracle}
    if args.check:
        stale = [str(p) for p, text in targets.items()
                 if not p.is_file() or p.read_text(encoding="utf-8") != text]
        if stale:
            print("stale (re-run eval/heldout/build.py):", ", ".join(stale), file=sys.stderr)
            return 1
        print("up to date")
        return 0
    args.out_dir.mkdir(parents=True, exist_ok=True)
    for path, text in targets.items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path} ({len(text.encode()) / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
