"""The one output schema both extraction tiers produce: :class:`CandidateFact`.

A candidate is a *proposal* — the memory manager decides whether it becomes a new fact,
supersedes an older one, merges into an existing one or is dropped. Source turns are session-local
indices (not turn ids) so one extraction can be cached per unique session content and reused by
every haystack that contains that session.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict, Field, field_validator

from kgmem.models import Granularity, Speaker


class CandidateFact(BaseModel):
    """A (subject, predicate, value) proposal with its time expression and provenance."""

    model_config = ConfigDict(extra="forbid")

    subject: str = Field(default="user", description='"user" for the speaker-user, else a name')
    subject_type: str | None = Field(default=None, description='entity type of another subject: "person" or "thing"')
    predicate: str = Field(description="a kgmem.predicates name (or free lower_snake_case)")
    value: str = Field(min_length=1, description="the object: a name, item, place or text")
    value_type: str | None = Field(default=None, description="entity type when value names one")
    text: str = Field(default="", description="a short self-contained statement of the fact")
    time_text: str | None = Field(default=None, description='the time expression, e.g. "last Tuesday"')
    valid_from: datetime | None = None
    valid_to: datetime | None = None
    granularity: Granularity = "unknown"
    speaker: Speaker = "user"
    source_turns: list[int] = Field(default_factory=list, description="session-local turn indices")
    confidence: float = Field(default=0.8, ge=0.0, le=1.0)

    @field_validator("valid_from", "valid_to")
    @classmethod
    def _naive(cls, value: datetime | None) -> datetime | None:
        if value is not None and value.tzinfo is not None:
            raise ValueError("valid_from/valid_to must be naive datetimes")
        return value


class SlotProbe(BaseModel):
    """A typed value said in a clause that names people or things: a possible new value of a slot
    memory already holds about one of them ("they pushed it to the 19th", "Orla's in Galway now").
    Never stored alone: the memory manager keeps it only when a mention resolves to an entity
    with a current single-valued attribute of the value's class (see kgmem.memory.anchoring)."""

    model_config = ConfigDict(extra="forbid")

    mentions: list[str] = Field(default_factory=list, description="names the clause gives people or things, subject first")
    context: list[str] = Field(default_factory=list,
                               description='things named earlier in the session, latest first (for "it", "they", "she")')
    values: list[tuple[str, str]] = Field(default_factory=list, description="(value, value class: when, where, person…)")
    #: attribute names the clause says ("lives", "deadline", "works"): what the value is of
    attribute_words: list[str] = Field(default_factory=list)
    #: a word of change ("now", "moved", "instead", "actually", "no longer"): more likely a correction
    cue: bool = False
    #: the clause is about the user ("I moved my appointment to the 10th")
    user_clause: bool = False
    text: str = ""
    source_turns: list[int] = Field(default_factory=list, description="session-local turn indices")


class ExtractionResult(BaseModel):
    """What an extractor returns for one session (and what the cache stores)."""

    model_config = ConfigDict(extra="forbid")

    facts: list[CandidateFact] = Field(default_factory=list)
    #: typed values near mentions of people and things, read against memory by the manager
    probes: list[SlotProbe] = Field(default_factory=list)
    tier: str = "rules"
    model: str = ""
    version: str = ""
    #: set when the LLM tier failed and the rules tier produced ``facts`` instead
    fallback_reason: str | None = None


@runtime_checkable
class Extractor(Protocol):
    """Session turns + session date → candidate facts. ``cache_key`` names tier, model, version."""

    name: str

    @property
    def cache_key(self) -> str: ...

    def extract(self, turns: Sequence[tuple[str, str]], session_date: datetime) -> ExtractionResult:
        """Extract candidates from ``(role, text)`` turns said on ``session_date``."""
        ...
