"""Two-session statement + correction pairs about things other than the user, ingested zero-LLM.

Shared by test_entity_anchoring.py and test_entity_continuation.py: :func:`pair_ingester` ingests a
statement (2024-05-02) and a later sentence (2024-05-20) into a fresh user and returns its facts,
SUPERSEDES pairs (new, old) and entities; :func:`slot_facts` keeps the facts about the entity
whose name or aliases hold every word given; :func:`norm` compares values by letters and digits.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

from kgmem import ids
from kgmem.api import Memory
from kgmem.models import Entity, Fact, Session, Turn
from kgmem.settings import Settings
from kgmem.store.networkx_store import NetworkxStore

PairResult = tuple[list[Fact], set[tuple[str, str]], list[Entity]]


def session(user: str, key: str, day: datetime, text: str | list[str]) -> Session:
    """One session: the user's message (or messages), each with a canned "Noted." reply."""
    turns = [t for msg in ([text] if isinstance(text, str) else text) for t in (("user", msg), ("assistant", "Noted."))]
    sid = ids.session_id(key, 0, ids.session_content_digest(turns))
    return Session(id=sid, user_id=user, started_at=day, source_id=key,
                   turns=[Turn(id=ids.turn_id(sid, i), session_id=sid, idx=i, role=r, text=t)  # type: ignore[arg-type]
                          for i, (r, t) in enumerate(turns)])


def norm(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def pair_ingester(root: Path, prefix: str) -> Iterator[Callable[[str, str], PairResult]]:
    """Yield ``run(first, second)``, each call a fresh user of one Memory kept open until the end."""
    store = NetworkxStore(root / "store")
    mem = Memory(Settings.load({"home": str(root / "home")}), store=store, llm=False)
    counter = iter(range(10_000))

    def run(first: str, second: str | list[str]) -> PairResult:
        user = f"{prefix}:{next(counter)}"
        mem.add_session(user, session(user, f"{user}-1", datetime(2024, 5, 2, 9), first))
        mem.add_session(user, session(user, f"{user}-2", datetime(2024, 5, 20, 9), second))
        sups = {(s.new_fact_id, s.old_fact_id) for s in store.supersessions(user)}
        return store.facts(user), sups, store.entities(user)

    yield run
    mem.close()


def slot_facts(facts: list[Fact], entities: list[Entity], entity_words: str) -> list[Fact]:
    names = {e.id: " ".join([e.name, *e.aliases]).casefold() for e in entities}
    words = entity_words.casefold().split()
    return [f for f in facts if f.subject_id in names and all(w in names[f.subject_id] for w in words)]


def assert_superseded(facts: list[Fact], sups: set[tuple[str, str]], entities: list[Entity], entity: str,
                      new: str, old: str) -> None:
    """The entity's old value was stored, the new one is current, a SUPERSEDES edge runs from new to old, and the old
    value is kept, invalidated, not deleted."""
    mine = slot_facts(facts, entities, entity)
    olds = [f for f in mine if norm(old) in norm(f.value or "")]
    news = [f for f in mine if norm(new) in norm(f.value or "") and f.invalid_at is None]
    assert olds, f"first statement not stored: {[(f.predicate, f.value) for f in facts]}"
    assert news, f"new value not current on the entity: {[(f.predicate, f.value, f.invalid_at) for f in mine]}"
    assert any((n.id, o.id) in sups for n in news for o in olds), "no SUPERSEDES edge from the new value to the old"
    assert all(o.invalid_at is not None for o in olds), "the old value is kept, invalidated, not deleted"
