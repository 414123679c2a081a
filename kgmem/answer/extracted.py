"""An extracted answer value and the evidence it rests on (the record every extractive path returns)."""

from __future__ import annotations

from dataclasses import dataclass, field

from kgmem.answer.evidence import Line
from kgmem.models import Fact


@dataclass
class Extracted:
    """A value picked for the question with the evidence it came from."""

    value: str
    source: str  # "fact" | "line" (a typed span of a line) | "sentence" (a whole line)
    confidence: float
    cited: str
    fact: Fact | None = None
    line: Line | None = None
    turn_ids: list[str] = field(default_factory=list)
    #: the kind the question asked the value by, when it was picked as a thing of that kind (:mod:`kind_pick`)
    kind: str | None = None
    #: the time the question asked the thing at, when the line was picked by that time (:mod:`which_time`)
    at: str | None = None

    @property
    def typed(self) -> bool:
        """The value is a typed span (not a whole sentence)."""
        return self.source in ("fact", "line")


def cite_fact(f: Fact) -> str:
    return f"\"{f.text.strip()[:140]}\" (said {f.observed_at.date()})"


def cite_line(line: Line) -> str:
    return f"\"{line.text.strip()[:140]}\" (said {line.said_at.date()})"
