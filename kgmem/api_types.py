"""Inputs and results of :class:`kgmem.api.Memory`'s conversation-level methods.

``add_messages`` takes chat messages the way agents hold them (``{role, content}``) and returns
an :class:`AddResult` saying what memory did with them: the session id, the facts it added and
the supersessions it made — so a caller never has to guess whether a write happened.
Plain pydantic data, no I/O.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from kgmem import ids
from kgmem.models import Fact, Session, Supersession, Turn


@dataclass(frozen=True)
class IngestProgress:
    """One step of :meth:`Memory.ingest_haystacks`, for the caller's progress display.

    Reported when a haystack starts (``sessions_done == 0``), after each of its sessions, and
    when it is finished (``haystack_done``). ``haystack`` counts from 1.
    """

    haystack: int
    user_id: str
    sessions_done: int
    sessions_total: int
    haystack_done: bool = False


#: user ids are path segments in the HTTP API and file names' sources in the embedded store
MAX_USER_ID_CHARS = 200


class UnknownUserError(LookupError):
    """A read or delete named a user id that has no memory in this store."""

    def __init__(self, user_id: str) -> None:
        self.user_id = user_id
        super().__init__(f"unknown user_id {user_id!r}: no memory is stored for it "
                         "(user ids are exact; list them with list_users)")

    def __str__(self) -> str:  # LookupError would quote the whole message again
        return str(self.args[0])


class IngestError(RuntimeError):
    """A session could not be stored (extraction or write failed); nothing of it was written."""


def validate_user_id(user_id: object) -> str:
    """The user id itself, or ValueError naming what is wrong with it."""
    if not isinstance(user_id, str) or not user_id.strip():
        raise ValueError("user_id must be a non-empty string")
    if user_id != user_id.strip():
        raise ValueError(f"user_id {user_id!r} has leading or trailing whitespace")
    if len(user_id) > MAX_USER_ID_CHARS:
        raise ValueError(f"user_id is longer than {MAX_USER_ID_CHARS} characters")
    if "/" in user_id or any(unicodedata.category(ch) == "Cc" for ch in user_id):
        raise ValueError(f"user_id {user_id!r} contains '/' or a control character")
    return user_id


class ChatMessage(BaseModel):
    """One chat message: who said it and what was said."""

    model_config = ConfigDict(extra="forbid")

    role: Literal["user", "assistant", "system"]
    content: str = Field(min_length=1)

    @field_validator("content")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("content is blank")
        return value


def session_from_messages(user_id: str, messages: list[ChatMessage], timestamp: datetime,
                          session_id: str | None = None) -> Session:
    """A dated :class:`Session` of ``messages``.

    Without ``session_id`` the id is derived from the user, the timestamp and the content, so
    sending the same messages with the same timestamp again is recognised and not stored twice.
    """
    if not messages:
        raise ValueError("messages is empty: give at least one {role, content} message")
    if timestamp.tzinfo is not None:
        raise ValueError("timestamp must be a naive local time (no timezone), e.g. 2023-05-01T10:00")
    if session_id is not None and (not session_id.strip() or len(session_id) > MAX_USER_ID_CHARS):
        raise ValueError("session_id must be a non-empty string of at most "
                         f"{MAX_USER_ID_CHARS} characters")
    digest = ids.session_content_digest([(m.role, m.content) for m in messages])
    sid = session_id or "m_" + ids.stable_hash(user_id, timestamp.isoformat(), digest)
    turns = [Turn(id=ids.turn_id(sid, i), session_id=sid, idx=i, role=m.role, text=m.content)
             for i, m in enumerate(messages)]
    return Session(id=sid, user_id=user_id, started_at=timestamp, turns=turns)


class AddResult(BaseModel):
    """What :meth:`kgmem.api.Memory.add_messages` stored.

    ``stored`` is False when the session was already in memory (same id): nothing changed.
    ``facts_added`` are the facts this session added (including ones that replaced older
    values); ``supersessions`` the SUPERSEDES edges it made (new fact → the fact it replaced);
    ``facts_merged`` counts statements that confirmed a fact already stored.
    """

    user_id: str
    session_id: str
    stored: bool
    turns: int
    facts_added: list[Fact] = Field(default_factory=list)
    facts_merged: int = 0
    supersessions: list[Supersession] = Field(default_factory=list)
    entities: int = 0
    seconds: float = 0.0


class SlotHistory(BaseModel):
    """Every version of one (subject, predicate) slot, oldest first, and the SUPERSEDES edges
    between them; ``current_ids`` are the versions not superseded."""

    user_id: str
    subject: str
    predicate: str | None
    facts: list[Fact]
    supersessions: list[Supersession]

    @property
    def current_ids(self) -> list[str]:
        return [f.id for f in self.facts if f.invalid_at is None]
