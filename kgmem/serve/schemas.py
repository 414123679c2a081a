"""The JSON the servers speak: one set of pydantic records for the MCP tools and the HTTP API.

MCP tools return these (clients get ``structuredContent`` plus an output schema); the HTTP API
uses them as request bodies and response models (so its OpenAPI document describes them).
Times are naive local ISO-8601 strings, as everywhere in kgmem.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import AliasChoices, BaseModel, ConfigDict, Field

from kgmem.api_types import ChatMessage


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TurnOut(_Out):
    """A stored chat turn (the evidence a fact cites)."""

    id: str
    session_id: str
    role: str
    text: str
    date: datetime | None = Field(None, description="When its session took place.")


class FactOut(_Out):
    """A fact with its validity interval and provenance."""

    id: str
    subject: str | None = Field(None, description="Name of the subject entity ('user' for the user).")
    subject_id: str
    predicate: str
    value: str | None = None
    object: str | None = Field(None, description="Name of the object entity, when the value is one.")
    object_id: str | None = None
    text: str
    valid_from: datetime | None = Field(None, description="When it became true in the user's world.")
    valid_to: datetime | None = None
    granularity: str = "unknown"
    observed_at: datetime = Field(description="Date of the session that said it.")
    invalid_at: datetime | None = Field(None, description="When a later statement replaced it.")
    current: bool = Field(description="Not superseded.")
    confidence: float = 1.0
    speaker: str = "user"
    session_id: str
    source_turn_ids: list[str] = Field(default_factory=list)
    source_turns: list[TurnOut] | None = Field(None, description="The turns the fact was extracted "
                                                                 "from (in search and history results).")


class SupersessionOut(_Out):
    """``new_fact_id`` -[:SUPERSEDES {at}]-> ``old_fact_id``."""

    new_fact_id: str
    old_fact_id: str
    at: datetime


class AddMessagesOut(_Out):
    """What an add did. Synchronous adds report the facts and supersessions; a queued add
    (``background``) reports the job to poll (``get_status`` / ``GET /v1/jobs/{id}``)."""

    user_id: str
    session_id: str
    stored: bool = Field(description="False when this session was already stored (nothing changed) "
                                     "or when it is only queued.")
    queued: bool = False
    job_id: str | None = None
    turns: int
    facts_added: list[FactOut] = Field(default_factory=list)
    facts_merged: int = 0
    supersessions: list[SupersessionOut] = Field(default_factory=list)
    seconds: float = 0.0


class SearchOut(_Out):
    user_id: str
    query: str
    question_date: datetime
    as_of: datetime | None = None
    facts: list[FactOut]
    turns: list[TurnOut]
    session_ids: list[str]


AnswerKind = Literal["computed", "abstained", "model", "memory_line"]


class AnswerOut(_Out):
    """An answer and how it was made: ``computed`` in code (date arithmetic, current values,
    counts), ``abstained`` (memory does not hold it), ``model``-written, or the best
    ``memory_line`` when no answer model is configured."""

    user_id: str
    question: str
    question_date: datetime
    as_of: datetime | None = None
    answer: str
    kind: AnswerKind
    computed: bool
    abstained: bool
    model_written: bool
    fact_ids: list[str]
    turn_ids: list[str]
    session_ids: list[str]
    facts: list[FactOut] = Field(description="The facts behind the answer.")
    timings_ms: dict[str, float] = Field(default_factory=dict)


class HistoryOut(_Out):
    """Every version of a changing fact, oldest first, and its SUPERSEDES chain."""

    user_id: str
    subject: str
    predicate: str
    versions: list[FactOut]
    supersessions: list[SupersessionOut]
    current_ids: list[str]


class FactsOut(_Out):
    user_id: str
    predicate: str | None = None
    as_of: datetime | None = None
    facts: list[FactOut]


class UsersOut(_Out):
    users: list[str]
    count: int


class DeleteOut(_Out):
    user_id: str
    deleted: bool
    nodes_removed: int


class JobOut(_Out):
    """One queued add."""

    job_id: str
    user_id: str
    session_id: str
    state: Literal["queued", "running", "done", "failed"]
    submitted_at: datetime
    finished_at: datetime | None = None
    error: str | None = None
    result: AddMessagesOut | None = None


class QueueOut(_Out):
    """The async-add queue: nothing leaves it silently — every job ends done or failed, and
    failures stay listed (most recent ``failures``; ``failed`` counts them all)."""

    pending: int
    running: int
    done: int
    failed: int
    failures: list[JobOut]


class StatusOut(_Out):
    status: Literal["ok"] = "ok"
    version: str
    uptime_s: float
    store: dict[str, Any]
    queue: QueueOut
    requests: dict[str, int] = Field(default_factory=dict, description="Calls served per tool.")


class ErrorBody(_Out):
    code: str
    message: str


class ErrorOut(_Out):
    """Every 4xx/5xx body of the HTTP API."""

    error: ErrorBody


# --------------------------------------------------------------------------- HTTP requests


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class AddMessagesIn(_In):
    messages: list[ChatMessage] = Field(min_length=1)
    timestamp: str | None = Field(None, description="When the conversation happened (naive local "
                                                    "time, e.g. 2023-05-01T10:00); default now.")
    session_id: str | None = None
    background: bool = Field(False, validation_alias=AliasChoices("background", "async"),
                             description="Queue and return at once with a job id (poll GET /v1/jobs/{id}); "
                                         "'async' is accepted as a synonym.")


class SearchIn(_In):
    query: str = Field(min_length=1)
    as_of: str | None = Field(None, description="Search memory as it stood on this date.")
    question_date: str | None = Field(None, description="'Today' for relative expressions.")
    limit: int = Field(10, ge=1, le=100)


class AnswerIn(_In):
    question: str = Field(min_length=1)
    question_date: str | None = None
    as_of: str | None = None
