"""The store contract: one Protocol, two backends (networkx embedded, Neo4j server).

A store offers primitives only — atomic session writes, lookups, vector search, text search,
neighbours, time filters, supersession chains — and holds no ranking policy and never calls a
model. Every method is scoped by ``user_id``; nothing crosses namespaces.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, Protocol, runtime_checkable

from kgmem.models import Entity, Fact, Session, SessionWrite, Supersession, Turn

NodeKind = Literal["turn", "fact", "entity"]


class StoreError(RuntimeError):
    """A store failure with a message meant for the user (connection, schema, corruption)."""

    #: no write can succeed after it (a lost or hung server, a batch that could not be persisted):
    #: ingest and eval stop at once instead of failing every later session or question the same way
    fatal: bool = False


def is_fatal(exc: BaseException) -> bool:
    """Whether ``exc`` is a :class:`StoreError` after which nothing further can be written."""
    return isinstance(exc, StoreError) and exc.fatal


class EmbeddingDimensionError(StoreError):
    """The store's vectors were made with another embedder than the configured one."""


@dataclass(frozen=True)
class Hit:
    """A search result: node id and a score (higher is better; cosine or BM25)."""

    id: str
    score: float


@dataclass
class StoreStats:
    users: int = 0
    sessions: int = 0
    turns: int = 0
    entities: int = 0
    facts: int = 0
    supersessions: int = 0
    per_user: dict[str, dict[str, int]] = field(default_factory=dict)

    @classmethod
    def from_per_user(cls, per_user: dict[str, dict[str, int]]) -> StoreStats:
        """Totals summed from per-user counts (keys sessions, turns, entities, facts, supersessions)."""
        stats = cls(users=len(per_user), per_user=per_user)
        for counts in per_user.values():
            stats.sessions += counts["sessions"]
            stats.turns += counts["turns"]
            stats.entities += counts["entities"]
            stats.facts += counts["facts"]
            stats.supersessions += counts["supersessions"]
        return stats


@dataclass(frozen=True)
class FactFilter:
    """Filters for :meth:`MemoryStore.facts`. ``None`` means "any".

    ``valid_at``: facts whose world-validity interval contains the time (unknown bounds are
    open); ``current_only``: facts not superseded (``invalid_at`` is None); ``as_of``: the graph
    as it stood at that time (observed at or before it, not yet invalidated then).
    """

    subject_id: str | None = None
    predicate: str | None = None
    object_id: str | None = None
    session_id: str | None = None
    ids: Sequence[str] | None = None
    observed_from: datetime | None = None
    observed_to: datetime | None = None
    valid_at: datetime | None = None
    as_of: datetime | None = None
    current_only: bool = False


@runtime_checkable
class MemoryStore(Protocol):
    """The contract every backend implements and the shared test suite checks."""

    # -- lifecycle -------------------------------------------------------------------------
    def close(self) -> None: ...

    def embedding_dim(self) -> int | None:
        """Dimension of stored vectors (None while empty)."""

    def check_embedding_dim(self, dim: int) -> None:
        """Raise :class:`EmbeddingDimensionError` when stored vectors have another dimension."""

    # -- writes ----------------------------------------------------------------------------
    def apply(self, write: SessionWrite) -> None:
        """Write one session with its turns, entities, facts, supersessions and invalidations
        atomically and idempotently (re-applying the same write changes nothing)."""

    def apply_many(self, writes: Sequence[SessionWrite]) -> None:
        """Write many sessions (of any users) as one batch; the result equals applying them one
        by one in the given order, and re-applying them changes nothing.

        Neo4j: one transaction, all land or none does. Embedded: per user, under the user's
        file lock, its file written once; a rejected write raises after the writes before it
        landed (re-applying is idempotent, so a re-run converges). A failure to persist the
        batch (disk full, a lost server) raises a :class:`StoreError` with ``fatal = True``:
        nothing further can be written."""

    def delete_user(self, user_id: str) -> int:
        """Remove every node of one user; returns the number of nodes removed."""

    # -- reads -----------------------------------------------------------------------------
    def users(self) -> list[str]: ...

    def has_session(self, user_id: str, session_id: str) -> bool: ...

    def sessions(self, user_id: str) -> list[Session]:
        """Sessions in chronological order, turns omitted (see :meth:`turns`)."""

    def turns(self, user_id: str, ids: Sequence[str] | None = None, session_id: str | None = None) -> list[Turn]: ...

    def entities(self, user_id: str, ids: Sequence[str] | None = None) -> list[Entity]: ...

    def facts(self, user_id: str, flt: FactFilter | None = None) -> list[Fact]: ...

    def supersessions(self, user_id: str) -> list[Supersession]: ...

    def supersession_chain(self, user_id: str, fact_id: str) -> list[Fact]:
        """The slot's history through SUPERSEDES edges, newest first, containing ``fact_id``."""

    def neighbours(self, user_id: str, node_id: str) -> list[str]:
        """Ids of nodes one relationship away (facts ↔ entities, facts → turns, turn → session)."""

    # -- search primitives -----------------------------------------------------------------
    def vector_search(self, user_id: str, kind: NodeKind, vector: Sequence[float], k: int) -> list[Hit]:
        """Exact top-k by cosine similarity among this user's nodes of ``kind``."""

    def text_search(self, user_id: str, kind: NodeKind, query: str, k: int) -> list[Hit]:
        """Top-k keyword (full-text) matches among this user's nodes of ``kind``."""

    def stats(self, user_id: str | None = None) -> StoreStats: ...
