"""LongMemEval-format loader: real-schema fixtures, malformed input, validation, labels."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from kgmem.datasets.errors import DatasetError
from kgmem.datasets.longmemeval import (
    iter_haystacks,
    load_haystacks,
    scan_file,
    strip_labels,
    validate_file,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "datasets"
ALL_FIXTURES = [
    "longmemeval_oracle.json",
    "longmemeval_s_cleaned.json",
    "Investigathon_LLMTrack_Evaluation_oracle.json",
    "Investigathon_LLMTrack_Evaluation_s_cleaned.json",
    "Investigathon_LLMTrack_HeldOut_s_cleaned.json",
]


def _record(qid: str = "q_1") -> dict[str, Any]:
    return {
        "question_id": qid,
        "question_type": "single-session-user",
        "question": "Where do I work?",
        "answer": "Acme",
        "question_date": "2023/05/30 (Tue) 23:40",
        "haystack_session_ids": ["s_a", "answer_1"],
        "haystack_dates": ["2023/05/20 (Sat) 02:21", "2023/05/21 (Sun) 10:00"],
        "haystack_sessions": [
            [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}],
            [{"role": "user", "content": "I work at Acme.", "has_answer": True}],
        ],
        "answer_session_ids": ["answer_1"],
    }


def _write(tmp_path: Path, data: Any, name: str = "data.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data))
    return path


# --------------------------------------------------------------------------- fixtures


@pytest.mark.parametrize("name", ALL_FIXTURES)
def test_every_fixture_kind_loads_and_validates(name: str) -> None:
    path = FIXTURES / name
    assert validate_file(path) == []
    hs = load_haystacks(path)
    assert hs
    stem = path.stem
    for i, h in enumerate(hs):
        assert h.user_id == f"{stem}:{h.question_id}"
        assert h.record_index == i and h.source_file == str(path)
        assert h.labels is not None
        assert [s.source_id for s in h.sessions]  # sessions kept
        for s in h.sessions:
            assert s.user_id == h.user_id
            for idx, t in enumerate(s.turns):
                assert t.id == f"{s.id}:{idx}" and t.session_id == s.id and t.idx == idx
        assert h.question_date.tzinfo is None


def test_oracle_labels_numeric_answer_and_abstention() -> None:
    hs = {h.question_id: h for h in load_haystacks(FIXTURES / "longmemeval_oracle.json")}
    temporal = hs["gpt4_2655b836"]
    assert temporal.labels is not None
    assert temporal.labels.answer == 12 and isinstance(temporal.labels.answer, int)
    assert temporal.labels.question_type == "temporal-reasoning"
    assert temporal.labels.answer_session_ids == ["answer_b1", "answer_b2"]
    assert temporal.labels.evidence_turn_ids == ["answer_b1:0", "answer_b2:0"]
    assert temporal.question_date == datetime(2023, 4, 18, 9, 0)
    assert temporal.sessions[0].started_at == datetime(2023, 3, 4, 8, 15)
    assert temporal.sessions[0].turns[2].text == "A Trek Domane."
    abst = hs["0a995998_abs"]
    assert abst.labels is not None and abst.labels.is_abstention and abst.is_abstention
    assert not hs["e47becba"].labels.is_abstention  # type: ignore[union-attr]


def test_float_answer_and_assistant_evidence() -> None:
    hs = load_haystacks(FIXTURES / "Investigathon_LLMTrack_Evaluation_oracle.json")
    assert hs[0].labels is not None and hs[0].labels.answer == 7.5
    assert hs[1].labels is not None
    assert hs[1].labels.evidence_turn_ids == ["answer_h1:1"]
    assert hs[1].sessions[0].turns[1].role == "assistant"


def test_heldout_has_no_answers() -> None:
    hs = load_haystacks(FIXTURES / "Investigathon_LLMTrack_HeldOut_s_cleaned.json")
    assert all(h.labels is not None and h.labels.answer is None for h in hs)
    assert hs[1].labels is not None and hs[1].labels.answer_session_ids == []
    assert hs[1].labels.evidence_turn_ids == []


def test_s_file_keeps_file_order_and_evidence_among_filler() -> None:
    h = load_haystacks(FIXTURES / "longmemeval_s_cleaned.json", question_ids=["e47becba"])[0]
    assert len(h.sessions) == 6
    assert "answer_280352e9" in [s.source_id for s in h.sessions]
    assert h.labels is not None and h.labels.answer_session_ids == ["answer_280352e9"]


def test_sessions_stay_in_file_order_not_sorted(tmp_path: Path) -> None:
    rec = _record()
    rec["haystack_dates"] = list(reversed(rec["haystack_dates"]))
    rec["haystack_dates"] = ["2023/05/21 (Sun) 10:00", "2023/05/20 (Sat) 02:21"]
    h = load_haystacks(_write(tmp_path, [rec]))[0]
    assert [s.source_id for s in h.sessions] == ["s_a", "answer_1"]
    assert h.sessions[0].started_at > h.sessions[1].started_at


def test_tag_and_colon_free_default(tmp_path: Path) -> None:
    path = _write(tmp_path, [_record()], name="we:ird.json")
    assert load_haystacks(path)[0].user_id == "weird:q_1"
    assert load_haystacks(path, tag="longmemeval-s")[0].user_id == "longmemeval-s:q_1"


def test_repeated_source_session_id_is_disambiguated(tmp_path: Path) -> None:
    rec = _record()
    rec["haystack_session_ids"] = ["answer_1", "answer_1"]
    h = load_haystacks(_write(tmp_path, [rec]))[0]
    assert [s.id for s in h.sessions] == ["answer_1", "answer_1#1"]
    assert [s.source_id for s in h.sessions] == ["answer_1", "answer_1"]
    assert h.labels is not None and h.labels.answer_session_ids == ["answer_1", "answer_1#1"]
    assert h.labels.evidence_turn_ids == ["answer_1#1:0"]
    # deterministic: loading again gives the same ids
    again = load_haystacks(_write(tmp_path, [rec]))[0]
    assert [t.id for s in again.sessions for t in s.turns] == [
        t.id for s in h.sessions for t in s.turns
    ]


def test_question_ids_and_limit(tmp_path: Path) -> None:
    path = _write(tmp_path, [_record(f"q_{i}") for i in range(5)])
    assert [h.question_id for h in load_haystacks(path, limit=2)] == ["q_0", "q_1"]
    assert [h.question_id for h in load_haystacks(path, question_ids=["q_3", "q_1"])] == [
        "q_1",
        "q_3",
    ]
    with pytest.raises(DatasetError, match=r"question id\(s\) not in file: 'nope'"):
        load_haystacks(path, question_ids=["q_1", "nope"])


def test_iter_is_lazy_and_fails_at_the_bad_record(tmp_path: Path) -> None:
    bad = _record("q_2")
    bad["question"] = 7
    it = iter_haystacks(_write(tmp_path, [_record("q_0"), _record("q_1"), bad]))
    assert next(it).question_id == "q_0"
    assert next(it).question_id == "q_1"
    with pytest.raises(DatasetError, match=r"record 2 \(question_id 'q_2'\): field 'question'"):
        next(it)


def test_utf8_bom_and_unicode(tmp_path: Path) -> None:
    rec = _record()
    rec["question"] = "¿Dónde trabajo? 日本"
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps([rec], ensure_ascii=False).encode())
    assert load_haystacks(path)[0].question == "¿Dónde trabajo? 日本"


def test_strip_labels_keeps_sessions_and_turns_identical() -> None:
    for name in ALL_FIXTURES:
        for h in iter_haystacks(FIXTURES / name):
            bare = strip_labels(h)
            assert bare.labels is None and h.labels is not None
            assert bare.sessions == h.sessions
            assert bare.model_dump(exclude={"labels"}) == h.model_dump(exclude={"labels"})
            bare.sessions[0].turns[0].text = "changed"  # a deep copy: the original is untouched
            assert h.sessions[0].turns[0].text != "changed"


# --------------------------------------------------------------------------- malformed input

Mutate = Callable[[list[Any]], Any]


def _set(idx: int, **fields: Any) -> Mutate:
    def f(data: list[Any]) -> Any:
        data[idx].update(fields)
        return data

    return f


def _del(idx: int, field: str) -> Mutate:
    def f(data: list[Any]) -> Any:
        del data[idx][field]
        return data

    return f


def _turn(idx: int, s: int, t: int, **fields: Any) -> Mutate:
    def f(data: list[Any]) -> Any:
        turn = data[idx]["haystack_sessions"][s][t]
        for k, v in fields.items():
            if v is _DELETE:
                turn.pop(k)
            else:
                turn[k] = v
        return data

    return f


_DELETE = object()

# (id, mutation of a 3-record file or raw text, substrings the message must contain)
MALFORMED: list[tuple[str, Any, list[str]]] = [
    ("not_json", "this is not json", ["data.json", "not valid JSON"]),
    ("truncated", lambda d: json.dumps(d)[:-60], ["data.json", "record 2", "truncated"]),
    (
        "garbage_mid_array",
        lambda d: json.dumps(d)[:-1] + ", nonsense]",
        ["record 3", "not valid JSON"],
    ),
    ("empty_file", "", ["data.json", "empty file"]),
    ("whitespace_only", "  \n\t ", ["empty file"]),
    ("empty_array", "[]", ["holds no instances"]),
    (
        "top_level_object",
        lambda d: json.dumps({"data": d}),
        ["top level is an object", "JSON array"],
    ),
    ("top_level_number", "42", ["top level is a number"]),
    (
        "record_not_object",
        lambda d: d[:1] + ["oops"] + d[1:],
        ["record 1", "expected a JSON object, got str"],
    ),
    (
        "missing_question",
        _del(1, "question"),
        ["record 1 (question_id 'q_1')", "field 'question'", "missing required field"],
    ),
    (
        "missing_sessions",
        _del(0, "haystack_sessions"),
        ["record 0", "field 'haystack_sessions'", "missing"],
    ),
    (
        "question_not_string",
        _set(2, question=["a"]),
        ["record 2 (question_id 'q_2')", "field 'question'", "expected a string, got list"],
    ),
    (
        "question_id_not_string",
        _set(1, question_id=12),
        ["record 1:", "field 'question_id'", "expected a string, got int"],
    ),
    (
        "sessions_not_list",
        _set(0, haystack_sessions={"a": 1}),
        ["field 'haystack_sessions'", "expected a list, got dict"],
    ),
    (
        "session_not_list",
        lambda d: (d[0]["haystack_sessions"].__setitem__(1, "text"), d)[1],
        ["field 'haystack_sessions'[1]", "list of turns, got str"],
    ),
    (
        "dates_length",
        _set(1, haystack_dates=["2023/05/20 (Sat) 02:21"]),
        ["record 1", "field 'haystack_dates'", "has 1 entries but 'haystack_sessions' has 2"],
    ),
    (
        "session_ids_length",
        _set(2, haystack_session_ids=["s_a", "answer_1", "x"]),
        ["field 'haystack_session_ids'", "has 3 entries"],
    ),
    (
        "impossible_date",
        lambda d: (d[1]["haystack_dates"].__setitem__(1, "2023/02/30 (Thu) 10:00"), d)[1],
        [
            "record 1 (question_id 'q_1')",
            "field 'haystack_dates'[1]",
            "impossible date '2023/02/30",
        ],
    ),
    (
        "not_a_date",
        _set(0, question_date="yesterday"),
        ["field 'question_date'", "not a date like"],
    ),
    (
        "weekday_mismatch",
        _set(0, question_date="2023/05/30 (Mon) 23:40"),
        ["field 'question_date'", "weekday 'Mon' does not match"],
    ),
    (
        "bad_role",
        _turn(1, 0, 1, role="bot"),
        ["field 'haystack_sessions'[0][1]['role']", "'bot' is not one of user, assistant, system"],
    ),
    ("missing_role", _turn(1, 0, 1, role=_DELETE), ["['role']", "missing"]),
    (
        "turn_missing_content",
        _turn(2, 1, 0, content=_DELETE),
        ["record 2", "field 'haystack_sessions'[1][0]['content']", "missing required field"],
    ),
    (
        "content_not_string",
        _turn(0, 0, 0, content=5),
        ["field 'haystack_sessions'[0][0]['content']", "expected a string, got int"],
    ),
    (
        "turn_not_object",
        lambda d: (d[0]["haystack_sessions"][0].__setitem__(0, ["user", "hi"]), d)[1],
        ["field 'haystack_sessions'[0][0]", "must be an object"],
    ),
    (
        "has_answer_not_bool",
        _turn(0, 1, 0, has_answer="yes"),
        ["['has_answer']", "expected true or false"],
    ),
    (
        "duplicate_question_id",
        _set(2, question_id="q_0"),
        ["record 2 (question_id 'q_0')", "duplicate question_id (first seen in record 0)"],
    ),
    (
        "answer_session_not_in_haystack",
        _set(1, answer_session_ids=["answer_9"]),
        ["field 'answer_session_ids'[0]", "'answer_9' is not one of 'haystack_session_ids'"],
    ),
    (
        "answer_wrong_type",
        _set(0, answer=["x"]),
        ["field 'answer'", "expected a string or a number, got list"],
    ),
    ("answer_bool", _set(0, answer=True), ["field 'answer'", "got bool"]),
    (
        "empty_session_id",
        _set(0, haystack_session_ids=["", "answer_1"]),
        ["field 'haystack_session_ids'[0]", "non-empty string"],
    ),
]


@pytest.mark.parametrize("case_id,mutate,expected", MALFORMED, ids=[c[0] for c in MALFORMED])
def test_malformed_input_raises_dataset_error_naming_the_place(
    tmp_path: Path, case_id: str, mutate: Any, expected: list[str]
) -> None:
    data = [_record(f"q_{i}") for i in range(3)]
    content = mutate if isinstance(mutate, str) else mutate(copy.deepcopy(data))
    path = _write(tmp_path, content)
    with pytest.raises(DatasetError) as info:
        list(iter_haystacks(path))
    message = str(info.value)
    assert isinstance(info.value, ValueError)
    for part in expected:
        assert part in message, f"{part!r} not in {message!r}"
    # validate_file finds the same problem instead of raising
    problems = validate_file(path)
    assert problems and any(all(p in str(pr) for p in expected[1:]) for pr in problems)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="no such file"):
        list(iter_haystacks(tmp_path / "nope.json"))
    with pytest.raises(DatasetError, match="is a directory"):
        list(iter_haystacks(tmp_path))


def test_validate_file_reports_every_problem(tmp_path: Path) -> None:
    data = [_record(f"q_{i}") for i in range(4)]
    data[0]["haystack_dates"][0] = "2023/13/01 (Mon) 10:00"
    data[0]["haystack_sessions"][0][1]["role"] = "robot"
    data[2]["question_id"] = "q_1"
    data[3]["answer_session_ids"] = ["ghost"]
    path = _write(tmp_path, data)
    report = scan_file(path)
    texts = [str(p) for p in report.problems]
    assert len(texts) == 4, texts
    assert "record 0 (question_id 'q_0'): field 'haystack_dates'[0]" in texts[0]
    assert "['role']" in texts[1]
    assert "record 2 (question_id 'q_1')" in texts[2] and "duplicate" in texts[2]
    assert "record 3" in texts[3] and "ghost" in texts[3]
    assert report.records == 4
    assert [p.record_index for p in report.problems] == [0, 0, 2, 3]
    assert report.problems[0].question_id == "q_0"
    # counts cover the good records
    assert report.sessions == 8 and report.turns == 12
    # the cap on collected problems is honoured and reported
    capped = scan_file(path, max_problems=2)
    assert len(capped.problems) == 2 and capped.truncated


def test_validate_reports_problems_before_a_truncation(tmp_path: Path) -> None:
    data = [_record(f"q_{i}") for i in range(3)]
    data[0]["question"] = None
    path = _write(tmp_path, json.dumps(data)[:-40])
    texts = [str(p) for p in validate_file(path)]
    assert len(texts) == 2
    assert "record 0" in texts[0] and "'question'" in texts[0]
    assert "truncated" in texts[1]


def test_good_file_scan_counts() -> None:
    report = scan_file(FIXTURES / "longmemeval_oracle.json")
    assert report.ok and (report.records, report.sessions, report.turns) == (3, 4, 9)
