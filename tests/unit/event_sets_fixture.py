"""The temporal development sets of tests/fixtures/answers (ev19's ``event_voices``, ev20's ``event_tales``, tr21's
``event_diaries``): their cases and the checks every such set must pass, kept once for their tests."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from conftest import AnswersOver
from script_loader import load_script

from kgmem.models import Answer

FIX = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "answers"


def load_cases(name: str) -> list[dict[str, Any]]:
    """The set's committed cases (``<name>.jsonl``), in order."""
    lines = (FIX / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(x) for x in lines if x.strip()]


def assert_source_built(name: str) -> None:
    """The committed cases are what the set's source (``<name>_source.py``) builds."""
    src = load_script(FIX / f"{name}_source.py")
    assert [json.loads(json.dumps(c)) for c in src.CASES] == load_cases(name)


def assert_which_first_labels_are_the_questions_words(name: str) -> None:
    """Each which-first case's answer is one of its events' labels, and every label is the question's own words
    (so the bench's verdict can find them)."""
    for c in load_cases(name):
        if c["answer_kind"] == "which_first":
            labels = {e["event"] for e in c["evidence"]}
            assert c["answer_value"] in labels
            assert all(lab.lower() in c["question"].lower() for lab in labels), c["case_id"]


def diary_answers(answers_over: AnswersOver, tag: str, said: Sequence[tuple[str, str]], asked: str,
                  *questions: str) -> list[Answer]:
    """A probe of a set's classes end to end: each (ISO day, user line) said at 09:00 in a session of its own (the
    assistant answering "Noted!"), the user ``<tag>:probe``, the questions asked at 10:00 on the ISO day ``asked``."""
    days = [(datetime.fromisoformat(day).replace(hour=9), line) for day, line in said]
    return answers_over(f"{tag}:probe", days, f"{tag}p", "Noted!", datetime.fromisoformat(asked).replace(hour=10),
                        *questions)
