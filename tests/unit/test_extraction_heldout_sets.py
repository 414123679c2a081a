"""Structure of auth4's held-out hand-written extraction sets, and their bench (issue #13).

tests/fixtures/extraction/heldout/ is held out: implementers never open it. This test checks that
every record is well formed (fields, categories, dates in order with matching weekdays, registry
predicate names, gold values present where the text states them) and that
eval/bench_extraction_heldout.py runs on the files and reports aggregate figures only. It asserts
no accuracy figure, and its failure messages name record ids, never record contents.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "eval"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_extraction_heldout as bench  # noqa: E402
import test_handwritten_fixtures as dev  # noqa: E402  (the development sets' structure checks)

CATEGORIES = ("question_aside", "task_aside", "typos", "rambling", "two_facts", "plain", "negative")


@pytest.fixture(scope="module")
def sentences() -> list[dict[str, Any]]:
    return dev._load(bench.SENTENCES)


@pytest.fixture(scope="module")
def updates() -> list[dict[str, Any]]:
    return dev._load(bench.UPDATES)


def test_sentences_are_well_formed(sentences: list[dict[str, Any]]) -> None:
    counts = Counter(r["category"] for r in sentences)
    assert set(counts) == set(CATEGORIES), sorted(counts)
    assert len(sentences) - counts["negative"] >= 60 and counts["negative"] >= 15
    assert min(counts.values()) >= 10
    for r in sentences:
        assert set(r) == {"id", "category", "session_date", "text", "expected"}, r["id"]
        assert re.fullmatch(r"hh-\d{3}", r["id"]), r["id"]
        session = date.fromisoformat(r["session_date"])
        assert r["text"].strip(), r["id"]
        assert (r["category"] == "negative") == (r["expected"] == []), r["id"]
        for f in r["expected"]:
            try:
                dev._check_fact(r["id"], r["text"], session, f)
            except AssertionError:
                pytest.fail(f"{r['id']}: malformed expected fact")  # ids only: the set is held out


def test_updates_are_well_formed(updates: list[dict[str, Any]]) -> None:
    assert len(updates) >= 40
    keys = {"id", "topic", "subject", "attribute", "sessions", "question", "question_date", "answer", "old_value"}
    for r in updates:
        rid = r["id"]
        assert set(r) == keys and re.fullmatch(r"ho-\d{3}", rid), rid
        assert r["subject"] != "user" and r["attribute"] and r["topic"] and r["question"].strip(), rid
        assert len(r["sessions"]) >= 2, rid
        try:
            dates = [dev._dataset_date(s["date"]) for s in r["sessions"]]
            qdate = dev._dataset_date(r["question_date"])
        except AssertionError:
            pytest.fail(f"{rid}: bad date or weekday")
        assert dates == sorted(dates) and len(set(dates)) == len(dates), rid
        assert qdate > dates[-1], rid
        for s in r["sessions"]:
            roles = [t["role"] for t in s["turns"]]
            assert len(roles) >= 4 and roles[::2] == ["user"] * len(roles[::2]), rid
            assert set(roles[1::2]) == {"assistant"}, rid
            assert all(isinstance(t["content"], str) and t["content"].strip() for t in s["turns"]), rid
        old, new = r["old_value"].casefold(), r["answer"].casefold()
        assert old and new and old != new and old not in new and new not in old, rid
        assert old in dev._user_text(r["sessions"][0]), f"{rid}: old value not stated first"
        assert new in dev._user_text(r["sessions"][-1]), f"{rid}: answer not stated in the last session"
        assert new not in dev._user_text(r["sessions"][0]), f"{rid}: answer already in the first session"
    assert len({r["question"].casefold() for r in updates}) == len(updates)


def test_bench_reports_aggregates_only(tmp_path: Path, sentences: list[dict[str, Any]],
                                       updates: list[dict[str, Any]]) -> None:
    """The bench on a slice of both files (two sentences per category, two pairs) returns the
    aggregate keys, and its report carries no sentence, value or record id."""
    picked: list[dict[str, Any]] = []
    for c in CATEGORIES:
        picked += [r for r in sentences if r["category"] == c][:2]
    s_path, u_path = tmp_path / "s.jsonl", tmp_path / "u.jsonl"
    s_path.write_text("".join(json.dumps(r) + "\n" for r in picked), encoding="utf-8")
    u_path.write_text("".join(json.dumps(r) + "\n" for r in updates[:2]), encoding="utf-8")
    res = bench.run(s_path, u_path)
    assert {"git_sha", "extractor", "sentences", "sentences_all", "no_fact", "other_entity_updates",
            "targets"} <= set(res)
    assert set(res["sentences"]) == set(CATEGORIES) - {"negative"}
    for s in [*res["sentences"].values(), res["sentences_all"]]:
        assert {"expected", "recall", "extracted", "precision"} <= set(s)
        assert 0.0 <= s["recall"] <= 1.0 and 0.0 <= s["precision"] <= 1.0
    assert res["sentences_all"]["expected"] == sum(len(r["expected"]) for r in picked)
    assert res["no_fact"]["sentences"] == 2 and 0.0 <= res["no_fact"]["no_fact_precision"] <= 1.0
    u = res["other_entity_updates"]
    assert u["pairs"] == 2 and 0 <= u["answered"] <= 2 and 0 <= u["superseded"] <= 2
    report = json.dumps(res) + bench.to_markdown(res)
    leaked = [r["id"] for r in picked + updates[:2] if r["id"] in report]
    for r in updates[:2]:
        if r["answer"] in report or r["question"] in report:
            leaked.append(r["id"])
    for r in picked:
        if r["text"] in report or any(f["value"] in report for f in r["expected"] if len(f["value"]) > 3):
            leaked.append(r["id"])
    assert not leaked, f"report leaks held-out content of {leaked}"
