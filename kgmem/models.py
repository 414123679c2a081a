"""Plain domain models (pydantic, no I/O).

Times are *naive* ``datetime`` values everywhere (the datasets use naive local times such as
``2023/05/20 (Sat) 02:21``); a validator rejects tz-aware values so a mix never reaches a store,
where Cypher comparisons between zoned and local values silently return null.

Benchmark labels (answers, evidence ids, question type) live in :class:`HaystackLabels`, a record
the product path (ingest, retrieval, answering) never reads.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from enum import Enum
from typing import Any, Literal, Self, TypedDict

from pydantic import BaseModel, ConfigDict, Field, field_validator

Role = Literal["user", "assistant", "system"]
Speaker = Literal["user", "assistant"]
Granularity = Literal["minute", "day", "week", "month", "season", "year", "unknown"]


def _require_naive(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is not None:
        raise ValueError("datetimes must be naive (no tzinfo); kgmem keeps dataset-local times")
    return value


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


# --------------------------------------------------------------------------- conversation data


class Turn(_Model):
    """One message of a session. ``id`` is ``"<session_id>:<idx>"``."""

    id: str
    session_id: str
    idx: int = Field(ge=0)
    role: Role
    text: str


class Session(_Model):
    """A dated chat session of one user. ``source_id`` is the dataset's haystack session id."""

    id: str
    user_id: str
    started_at: datetime
    turns: list[Turn] = Field(default_factory=list)
    source_id: str | None = None

    _naive = field_validator("started_at")(_require_naive)


class HaystackLabels(_Model):
    """Evaluation-only data. Ingest, retrieval and answering must never read this record."""

    question_type: str
    answer: str | int | float | None = None
    answer_session_ids: list[str] = Field(default_factory=list)
    #: turn ids (``Turn.id``) whose dataset record carried ``has_answer: true``
    evidence_turn_ids: list[str] = Field(default_factory=list)
    is_abstention: bool = False

    @property
    def answer_text(self) -> str | None:
        return None if self.answer is None else str(self.answer)


class Haystack(_Model):
    """One benchmark instance: a user's history plus the question asked at ``question_date``."""

    user_id: str  # namespace key "<tag>:<question_id>"
    question_id: str
    question: str
    question_date: datetime
    sessions: list[Session]
    labels: HaystackLabels | None = None
    source_file: str | None = None
    record_index: int | None = None

    _naive = field_validator("question_date")(_require_naive)

    @property
    def is_abstention(self) -> bool:
        return self.question_id.endswith("_abs")


# --------------------------------------------------------------------------- memory graph


class Entity(_Model):
    id: str
    user_id: str
    name: str
    type: str = "thing"
    aliases: list[str] = Field(default_factory=list)


class Fact(_Model):
    """A reified triple with bitemporal fields and provenance.

    ``valid_from``/``valid_to``: when it was true in the user's world (resolved from the text,
    with ``granularity``); ``observed_at``: date of the session that said it; ``invalid_at``:
    set when a later statement superseded it (the superseding statement's ``observed_at``).
    """

    id: str
    user_id: str
    subject_id: str
    predicate: str
    object_id: str | None = None
    value: str | None = None
    text: str
    valid_from: datetime | None = None
    valid_to: datetime | None = None
    granularity: Granularity = "unknown"
    observed_at: datetime
    invalid_at: datetime | None = None
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    speaker: Speaker = "user"
    session_id: str
    source_turn_ids: list[str] = Field(default_factory=list)

    _naive = field_validator("valid_from", "valid_to", "observed_at", "invalid_at")(
        _require_naive
    )

    @property
    def is_current(self) -> bool:
        return self.invalid_at is None


class Supersession(_Model):
    """``new_fact_id`` -[:SUPERSEDES {at}]-> ``old_fact_id``."""

    user_id: str
    new_fact_id: str
    old_fact_id: str
    at: datetime

    _naive = field_validator("at")(_require_naive)


class SessionWrite(_Model):
    """Everything one ingested session adds to a user's graph, applied atomically by a store.

    ``invalidations`` maps an existing fact id to the ``invalid_at`` it receives;
    ``retracted_supersessions`` lists SUPERSEDES edges the write removes (chain re-linking).
    Embeddings travel beside the models (id → vector) so the models stay small.
    """

    user_id: str
    session: Session
    entities: list[Entity] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)
    supersessions: list[Supersession] = Field(default_factory=list)
    invalidations: dict[str, datetime] = Field(default_factory=dict)
    #: SUPERSEDES edges to remove: when an older session arrives late, the fact it adds slots
    #: between two stored facts and their direct edge is replaced by two (re-linking the chain)
    retracted_supersessions: list[Supersession] = Field(default_factory=list)
    turn_embeddings: dict[str, list[float]] = Field(default_factory=dict)
    fact_embeddings: dict[str, list[float]] = Field(default_factory=dict)
    entity_embeddings: dict[str, list[float]] = Field(default_factory=dict)


# --------------------------------------------------------------------------- querying


class Intent(str, Enum):
    CURRENT_VALUE = "current_value"
    HISTORY = "history"
    WHEN = "when"
    DURATION = "duration"
    ORDERING = "ordering"
    AGGREGATE = "aggregate"
    PREFERENCE = "preference"
    ASSISTANT_SAID = "assistant_said"
    SINGLE_FACT = "single_fact"


class TimeWindow(_Model):
    start: datetime | None = None
    end: datetime | None = None
    expression: str | None = None

    _naive = field_validator("start", "end")(_require_naive)


class QueryPlan(_Model):
    question: str
    question_date: datetime | None = None
    intent: Intent = Intent.SINGLE_FACT
    entities: list[str] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)
    window: TimeWindow | None = None
    as_of: datetime | None = None
    answer_shape: Literal["text", "date", "number", "duration", "list", "choice", "yes_no"] = (
        "text"
    )
    notes: list[str] = Field(default_factory=list)
    #: how sure the planner is of the intent (1.0 for a regex fast path, else the exemplar score)
    intent_score: float = 1.0
    #: what decided the intent: "regex", "meaning" (exemplar bank), "regex+meaning", "default"
    intent_source: str = "default"
    #: the exemplar the question matched best, for ``--explain``
    exemplar: str | None = None
    #: the slot asked about: a predicate ("works_at"), an attribute ("bought.price") or None
    slot: str | None = None
    #: the kind of value that answers: person, place, org, item, money, number, date, duration, text
    answer_type: str = "text"
    #: the wh-word's head noun ("which *company*"): names the answer's kind, never content
    head: str | None = None
    #: proper names of the question (must exist in memory after Unicode folding)
    named: list[str] = Field(default_factory=list)
    #: content nouns other than the head and time/discourse words (lemmas)
    focus: list[str] = Field(default_factory=list)
    #: whom the question is about when it is not the user ("Where does *my sister* live?",
    #: "What does *Tariq* drive?"); None for the user
    subject: str | None = None

    _naive = field_validator("question_date", "as_of")(_require_naive)


class AnswerExtra(TypedDict, total=False):
    """The keys of :attr:`Answer.extra` that evaluation reads (the answerer may add others)."""

    retrieved_session_ids: list[str]  # ranked candidate sessions, best first (recall@k)
    retrieved_turn_ids: list[str]
    context_tokens: int  # counted by ``tokenizer``
    tokenizer: str
    intent: str
    recipe: str
    llm: str  # the answer model, when one generated the text
    prompt_tokens: int
    completion_tokens: int
    cached: bool
    fallback: str  # why no model answered
    abstain_reason: str
    path: str  # which answer path answered: computed, extractive, preference, model, fallback, abstain
    intent_score: float


class Answer(_Model):
    text: str
    abstained: bool = False
    deterministic: bool = False
    fact_ids: list[str] = Field(default_factory=list)
    turn_ids: list[str] = Field(default_factory=list)
    session_ids: list[str] = Field(default_factory=list)
    context: str = ""
    timings_ms: dict[str, float] = Field(default_factory=dict)
    extra: dict[str, Any] = Field(default_factory=dict)


class Tally:
    """For a dataclass of counters (ingest reports, LLM usage, reconcile counts): :meth:`add`
    sums another record of the same kind into this one, field by field."""

    def add(self, other: Self) -> None:
        """Numbers are added, lists extended; other fields keep this record's value."""
        for f in dataclasses.fields(self):  # type: ignore[arg-type]  # subclasses are dataclasses
            mine, theirs = getattr(self, f.name), getattr(other, f.name)
            if isinstance(mine, list):
                mine.extend(theirs)
            elif isinstance(mine, (int, float)) and not isinstance(mine, bool):
                setattr(self, f.name, mine + theirs)
