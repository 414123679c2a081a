"""Structure checks for the hand-written extraction and relative-time sets (issues #13, #14).

These files are yardsticks written by hand before tuning; this test only checks that each is
self-consistent (fields, categories, dates, registry predicate names, values present in the text,
temporal answers equal to the committed calendar script's). It never runs kgmem's extraction or
time resolver: accuracy on these sets is measured by the extraction and answer tests.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from script_loader import load_script

from kgmem.predicates import REGISTRY

ROOT = Path(__file__).resolve().parents[2]
EXTRACTION = ROOT / "tests" / "fixtures" / "extraction"
TEMPORAL = ROOT / "tests" / "fixtures" / "temporal"
SENTENCE_CATEGORIES = ("question_aside", "task_aside", "typos", "rambling", "two_facts", "plain", "negative")
NOISE_CATEGORIES = ("boot_log", "heartbeat", "system_dump", "stack_trace", "config_paste", "gossip",
                    "hypothetical", "plan_wish", "declined", "quoted_speech")
DATASET_DATE = re.compile(r"^(\d{4}/\d{2}/\d{2}) \((Mon|Tue|Wed|Thu|Fri|Sat|Sun)\) (\d{2}:\d{2})$")


def _load(path: Path) -> list[dict[str, Any]]:
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        assert line.strip(), f"{path.name}:{n}: blank line"
        out.append(json.loads(line))
    ids = [r["id"] for r in out]
    assert len(ids) == len(set(ids)), f"{path.name}: duplicate ids"
    return out


def _dataset_date(text: str) -> datetime:
    m = DATASET_DATE.match(text)
    assert m, text
    dt = datetime.strptime(f"{m[1]} {m[3]}", "%Y/%m/%d %H:%M")
    assert dt.strftime("%a") == m[2], f"{text}: weekday does not match the date"
    return dt


# ---- handwritten_sentences.jsonl ---------------------------------------------------------------
def _check_fact(rid: str, text: str, session: date, f: dict[str, Any]) -> None:
    allowed = {"subject", "predicate", "value", "alt", "alt_predicates", "valid_from", "inferred", "relation"}
    assert set(f) <= allowed and {"subject", "predicate", "value"} <= set(f), (rid, f)
    assert isinstance(f["subject"], str) and f["subject"], rid
    assert f["predicate"] == "open" or f["predicate"] in REGISTRY, (rid, f["predicate"])
    assert all(p == "open" or p in REGISTRY for p in f.get("alt_predicates", [])), rid
    values = [f["value"], *f.get("alt", [])]
    assert all(isinstance(v, str) and v.strip() for v in values), rid
    if not f.get("inferred"):
        assert any(v.casefold() in text.casefold() for v in values), (rid, values)
    if "valid_from" in f:
        vf = date.fromisoformat(f["valid_from"])
        assert vf <= session and (session - vf).days <= 400, (rid, vf)


# (file, id prefix, minimum records): the first set (auth13), the second (auth5), third (auth11), fourth (au14), fifth (au16), sixth (au18),
# seventh (au19), eighth (au20) and ninth (au21) dev sets, x17's variety set
SENTENCE_SETS = [("handwritten_sentences.jsonl", "hs", 110), ("sentences_dev2.jsonl", "hs2", 80),
                 ("sentences_dev3.jsonl", "hs3", 190), ("sentences_dev4.jsonl", "hs4", 80),
                 ("sentences_dev5.jsonl", "hs5", 80), ("sentences_dev6.jsonl", "hs6", 80),
                 ("sentences_dev7.jsonl", "hs7", 100), ("sentences_dev8.jsonl", "hs8", 100),
                 ("sentences_dev9.jsonl", "hs9", 100), ("sentences_x21.jsonl", "hx21", 125),
                 ("sentences_variety_x17.jsonl", "hv", 200)]
ENTITY_SETS = [("other_entity_updates.jsonl", "oe", 44), ("entity_updates_dev2.jsonl", "oe2", 60),
               ("entity_updates_dev3.jsonl", "oe3", 28), ("entity_updates_dev4.jsonl", "oe4", 40),
               ("entity_updates_dev5.jsonl", "oe5", 40), ("entity_updates_dev6.jsonl", "oe6", 40),
               ("entity_updates_dev7.jsonl", "oe7", 44), ("entity_updates_dev8.jsonl", "oe8", 43),
               ("entity_updates_dev9.jsonl", "oe9", 43),
               ("entity_updates_oe21.jsonl", "oe21", 46), ("entity_updates_oe23.jsonl", "oe23", 12),
               ("entity_updates_oe24.jsonl", "oe24", 20), ("entity_updates_oe25.jsonl", "oe25", 18),
               ("entity_updates_oe26.jsonl", "oe26", 18), ("entity_updates_oe29.jsonl", "oe29", 36),
               ("entity_updates_oe30.jsonl", "oe30", 36)]


@pytest.mark.parametrize(("name", "prefix", "minimum"), SENTENCE_SETS)
def test_handwritten_sentences_are_consistent(name: str, prefix: str, minimum: int) -> None:
    recs = _load(EXTRACTION / name)
    assert len(recs) >= minimum
    counts = Counter(r["category"] for r in recs)
    assert set(counts) == set(SENTENCE_CATEGORIES)
    assert min(counts.values()) >= 10, counts
    for r in recs:
        assert set(r) == {"id", "category", "session_date", "text", "expected"}, r["id"]
        assert re.fullmatch(rf"{prefix}-\d{{3}}", r["id"]), r["id"]
        session = date.fromisoformat(r["session_date"])
        assert r["text"].strip()
        assert (r["category"] == "negative") == (r["expected"] == []), r["id"]
        for f in r["expected"]:
            _check_fact(r["id"], r["text"], session, f)


# ---- other_entity_updates.jsonl -------------------------------------------------------------------
def _user_text(session: dict[str, Any]) -> str:
    return "\n".join(t["content"] for t in session["turns"] if t["role"] == "user").casefold()


#: the same shape about the user's own slots (subject "user"): a statement and a later change of it
USER_SETS = [("user_updates_oe27.jsonl", "oe27", 30), ("user_updates_oe27d.jsonl", "oe27d", 12)]


@pytest.mark.parametrize(("name", "prefix", "minimum"), [*ENTITY_SETS, *USER_SETS])
def test_other_entity_updates_are_consistent(name: str, prefix: str, minimum: int) -> None:
    recs = _load(EXTRACTION / name)
    assert len(recs) >= minimum
    keys = {"id", "topic", "subject", "attribute", "sessions", "question", "question_date", "answer", "old_value"}
    own = (name, prefix, minimum) in USER_SETS
    for r in recs:
        assert set(r) == keys, r["id"]
        assert re.fullmatch(rf"{prefix}-\d{{3}}", r["id"]), r["id"]
        assert (r["subject"] == "user") == own and r["attribute"] and r["topic"], r["id"]
        assert len(r["sessions"]) >= 2, r["id"]
        dates = [_dataset_date(s["date"]) for s in r["sessions"]]
        assert dates == sorted(dates) and len(set(dates)) == len(dates), r["id"]
        assert _dataset_date(r["question_date"]) >= dates[-1], r["id"]
        for s in r["sessions"]:
            roles = [t["role"] for t in s["turns"]]
            assert len(roles) >= 4 and roles[::2] == ["user"] * len(roles[::2]) and set(roles[1::2]) == {"assistant"}, r["id"]
            assert all(isinstance(t["content"], str) and t["content"].strip() for t in s["turns"])
        old, new = r["old_value"].casefold(), r["answer"].casefold()
        assert old != new, r["id"]
        assert old in _user_text(r["sessions"][0]), (r["id"], "old value not stated first")
        assert new in _user_text(r["sessions"][-1]), (r["id"], "answer not stated in the last session")
        assert new not in _user_text(r["sessions"][0]), (r["id"], "answer already in the first statement")
    # corrections and questions are each worded differently
    corrections = [_user_text(r["sessions"][-1]) for r in recs]
    assert len(set(corrections)) == len(corrections)
    questions = [r["question"].casefold() for r in recs]
    assert len(set(questions)) == len(questions)


# ---- noise_turns.jsonl ---------------------------------------------------------------------------
def test_noise_turns_are_consistent() -> None:
    recs = _load(EXTRACTION / "noise_turns.jsonl")
    assert len(recs) >= 36
    counts = Counter(r["category"] for r in recs)
    assert set(counts) == set(NOISE_CATEGORIES) and min(counts.values()) >= 3, counts
    for r in recs:
        assert set(r) == {"id", "category", "session_date", "role", "text"}, r["id"]
        assert r["role"] in ("user", "assistant")
        date.fromisoformat(r["session_date"])
        assert r["text"].strip()
# ---- temporal/relative_time.jsonl ------------------------------------------------------------------
def _script() -> ModuleType:
    return load_script(TEMPORAL / "make_relative_time.py", "make_relative_time")


@pytest.fixture(scope="module")
def relative_time() -> list[dict[str, Any]]:
    return _load(TEMPORAL / "relative_time.jsonl")


def test_relative_time_file_is_the_scripts_output(relative_time: list[dict[str, Any]]) -> None:
    mod = _script()
    assert (TEMPORAL / "relative_time.jsonl").read_text(encoding="utf-8") == mod.render(), (
        "stale: regenerate with python tests/fixtures/temporal/make_relative_time.py")
    assert relative_time == [json.loads(x) for x in mod.render().splitlines()]


def test_relative_time_records_are_consistent(relative_time: list[dict[str, Any]]) -> None:
    assert len(relative_time) >= 160
    counts = Counter(r["category"] for r in relative_time)
    assert min(counts.values()) >= 10, counts
    for r in relative_time:
        assert set(r) == {"id", "category", "expression", "sentence", "session_date", "expected_start",
                          "expected_end", "granularity", "note"}, r["id"]
        assert r["granularity"] in ("day", "week", "month", "season", "year", "approx")
        assert r["expression"].casefold() in r["sentence"].casefold(), r["id"]
        session = datetime.fromisoformat(r["session_date"])
        start, end = date.fromisoformat(r["expected_start"]), date.fromisoformat(r["expected_end"])
        assert start <= end, r["id"]
        if r["granularity"] == "day":
            assert start == end, r["id"]
        if r["granularity"] == "week":
            weekend = "weekend" in r["expression"].casefold()
            assert (end - start).days == (1 if weekend else 6), r["id"]
            assert (start.weekday(), end.weekday()) == ((5, 6) if weekend else (0, 6)), r["id"]
        # only "next …" / "this …" / bare weekdays may point at the session date or later
        if not re.search(r"\b(next|this|coming|on)\b", r["expression"].casefold()):
            assert start <= session.date(), r["id"]


def test_relative_time_calendar_helpers() -> None:
    """Spot checks of the script's own calendar arithmetic against known dates."""
    mod = _script()
    assert [mod.easter(y) for y in (2019, 2024, 2025, 2038)] == [
        date(2019, 4, 21), date(2024, 3, 31), date(2025, 4, 20), date(2038, 4, 25)]
    assert mod.thanksgiving(2024) == date(2024, 11, 28) and mod.thanksgiving(2023) == date(2023, 11, 23)
    assert mod.labor_day(2024) == date(2024, 9, 2) and mod.memorial_day(2024) == date(2024, 5, 27)
    assert mod.memorial_day(2021) == date(2021, 5, 31)
