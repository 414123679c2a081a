"""Structure and consistency of the hand-written answer-side fixture sets (issue #14).

These tests check the *fixtures*, not kgmem's answers: every phrasing group points at a real
haystack, its accepted answers are stated in that haystack's sessions, and questions that must
abstain say why. They never import kgmem's planner, retrieval or answering code.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "answers"
PARAPHRASES = FIXTURES / "question_paraphrases.jsonl"
FROZEN_SAMPLE = FIXTURES / "haystacks_sample_frozen.json"
FROZEN_SAMPLE_SHA256 = "34c61357699af3fd55a9edad257cec351afe9d450ebba54efb5f0de58ee0126c"

KINDS = {"current_value", "past_value", "date", "duration", "count", "sum", "amount",
         "which_first", "name", "place", "list", "recommendation", "preference", "abstain"}
#: kinds whose accepted answer is computed (a date, a number of days, a count): not a span
COMPUTED = {"date", "duration", "count", "sum"}
GROUP_KEYS = {"group_id", "haystack_file", "question_id", "question_date", "kind", "answer",
              "accept", "phrasings"}
OPTIONAL_KEYS = {"tolerance", "avoid", "near_miss", "match"}


def norm(text: str) -> str:
    """The fixtures' answer normalisation (see tests/fixtures/answers/README.md)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = text.replace("’", "'").replace("$", "")
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)
    text = re.sub(r"\s+", " ", text).strip(" .,;:!?\"")
    return re.sub(r"^(a|an|the) ", "", text)


def _loose(text: str) -> str:
    """Normalised text with punctuation as spaces, for containment checks."""
    return " " + re.sub(r"[^\w]+", " ", norm(text)).strip() + " "


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:  # pragma: no cover - message for a broken edit
            pytest.fail(f"{path.name}:{n}: invalid JSON: {exc}")
    return rows


@cache
def _haystacks(rel: str) -> dict[str, dict[str, Any]]:
    data = json.loads((ROOT / rel).read_text(encoding="utf-8"))
    return {rec["question_id"]: rec for rec in data}


GROUPS = _read_jsonl(PARAPHRASES)
#: ab21's single values asked in unseen words (session 21): the same format, checked the same way
SINGLES = _read_jsonl(FIXTURES / "single_values.jsonl")


def test_paraphrase_set_size_and_mix() -> None:
    assert len(GROUPS) >= 60
    ids = [g["group_id"] for g in GROUPS]
    assert len(ids) == len(set(ids)), "duplicate group_id"
    kinds = {g["kind"] for g in GROUPS}
    assert {"abstain", "current_value", "past_value", "date", "duration", "which_first",
            "count", "preference"} <= kinds
    assert sum(g["kind"] == "abstain" for g in GROUPS) >= 6


@pytest.mark.parametrize("group", GROUPS, ids=[g["group_id"] for g in GROUPS])
def test_paraphrase_group(group: dict[str, Any]) -> None:
    gid = group["group_id"]
    keys = set(group)
    assert GROUP_KEYS <= keys, f"{gid}: missing {GROUP_KEYS - keys}"
    assert keys <= GROUP_KEYS | OPTIONAL_KEYS, f"{gid}: unknown {keys - GROUP_KEYS - OPTIONAL_KEYS}"
    assert group["kind"] in KINDS, gid
    phrasings = group["phrasings"]
    assert len(phrasings) >= 3 and all(isinstance(p, str) and p.strip() for p in phrasings)
    assert len({_loose(p) for p in phrasings}) == len(phrasings), f"{gid}: repeated phrasing"

    haystack = _haystacks(group["haystack_file"]).get(group["question_id"])
    assert haystack is not None, f"{gid}: {group['question_id']} not in {group['haystack_file']}"
    assert group["question_date"] == haystack["question_date"], gid
    asked = datetime.strptime(group["question_date"][:10], "%Y/%m/%d")

    accept = group["accept"]
    assert all(a == norm(a) and a for a in accept), f"{gid}: accept entries must be normalised"
    if group["kind"] == "abstain":
        assert accept == [] and group.get("near_miss"), gid
        return
    assert accept, f"{gid}: no accepted answer"
    text = _loose(" ".join(t["content"] for s in haystack["haystack_sessions"] for t in s))
    if group["kind"] == "date":
        iso = datetime.strptime(accept[0], "%Y-%m-%d")
        assert iso <= asked, f"{gid}: date after the question"
    elif group["kind"] in COMPUTED:
        assert re.match(r"^\d+( (days|weeks))?$", accept[0]), gid
        if group["kind"] == "duration":
            assert group.get("tolerance"), gid
    else:
        # a leading word boundary only: "flat white" is said as "flat whites"
        found = [a for a in accept if _loose(a).rstrip() in text]
        if group.get("match") == "all":
            assert found == accept, f"{gid}: not all of {accept} are in the sessions"
        else:
            assert found, f"{gid}: none of {accept} is said in the sessions"
    for avoid in group.get("avoid", []):
        assert _loose(avoid).rstrip() in text, f"{gid}: avoided thing {avoid!r} is never said"


def test_frozen_sample_is_unchanged() -> None:
    digest = hashlib.sha256(FROZEN_SAMPLE.read_bytes()).hexdigest()
    assert digest == FROZEN_SAMPLE_SHA256, "the frozen sample copy was edited; groups refer to it"


def test_paraphrase_haystacks_load() -> None:
    from kgmem.datasets.longmemeval import load_haystacks

    for rel in sorted({g["haystack_file"] for g in GROUPS}):
        loaded = load_haystacks(ROOT / rel)
        assert loaded, rel
        for h in loaded:
            dates = [s.started_at for s in h.sessions]
            assert dates == sorted(dates) and dates[-1] < h.question_date, (rel, h.question_id)


# ============================================================================ event matching


def _checker() -> Any:
    """``check_event_matching.py`` loaded from its file (it is a script, not a package module)."""
    from script_loader import load_script

    return load_script(FIXTURES / "check_event_matching.py")


def test_event_matching_recomputes_every_answer() -> None:
    checker = _checker()
    cases, problems = checker.check_file(FIXTURES / "event_matching.jsonl")
    assert problems == []
    assert len(cases) >= 44
    kinds = {c["answer_kind"] for c in cases}
    assert kinds == {"days", "weeks", "months", "date", "which_first"}
    assert sum(c["compute"]["op"] == "ago" and c["answer_kind"] == "weeks" for c in cases) >= 4
    for c in cases:
        assert 3 <= len(c["sessions"]) <= 8
        roles = {e["role"] for e in c["evidence"]}
        assert {"start", "end"} <= roles, c["case_id"]


def test_event_matching_checker_catches_bad_annotations() -> None:
    import copy

    checker = _checker()
    cases = checker.load(FIXTURES / "event_matching.jsonl")
    base = next(c for c in cases if c["answer_kind"] == "days" and c["compute"]["op"] == "between")
    shifted = copy.deepcopy(base)
    day = datetime.strptime(shifted["evidence"][-1]["resolved_date"], "%Y-%m-%d")
    shifted["evidence"][-1]["resolved_date"] = (day.replace(day=1) if day.day > 1
                                                else day.replace(day=2)).strftime("%Y-%m-%d")
    wrong = copy.deepcopy(base)
    wrong["answer_value"] = base["answer_value"] + 3
    weekday = copy.deepcopy(base)
    label = weekday["sessions"][0]["date"][12:15]  # a real weekday name, but the wrong one
    weekday["sessions"][0]["date"] = weekday["sessions"][0]["date"].replace(
        label, "Tue" if label == "Mon" else "Mon")
    for bad in (shifted, wrong, weekday):
        with pytest.raises(checker.FixtureError):
            checker.check_case(bad)
    assert checker.resolve("three days ago", datetime(2023, 4, 21).date()).isoformat() == "2023-04-18"
    with pytest.raises(checker.FixtureError):  # "last Tuesday" on a Thursday: this week or last?
        checker.resolve("last Tuesday", datetime(2023, 3, 16).date())


@pytest.mark.parametrize("group", SINGLES, ids=[g["group_id"] for g in SINGLES])
def test_single_value_group(group: dict[str, Any]) -> None:
    assert group["kind"] in {"current_value", "name", "place", "amount", "abstain"}, group["group_id"]
    test_paraphrase_group(group)

