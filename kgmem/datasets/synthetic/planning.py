"""The shared pieces of question planning: versions and random streams, the plan types (planted
facts, slots, question plans), date/number wording and the question-type mix.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from kgmem.datasets.synthetic import families as F
from kgmem.predicates import REGISTRY

GENERATOR_VERSION = "1.1.0"
#: label the random streams and ids are keyed by; kept at "1.0.0" when 1.1.0 added the heldout2
#: family so that dev and heldout questions stay byte-identical (output changes bump
#: GENERATOR_VERSION; change this only when every stream should change)
STREAM_KEY = "1.0.0"

#: LongMemEval_S type mix (of 500)
TYPE_COUNTS: dict[str, int] = {
    "temporal-reasoning": 133,
    "multi-session": 133,
    "knowledge-update": 78,
    "single-session-user": 70,
    "single-session-assistant": 56,
    "single-session-preference": 30,
}
ABSTENTION_SHARE = 30 / 500
ABSTENTION_ANSWER = "You did not mention this information."
Families = F.Families
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# exact relative expressions: (text, days before the session date)
_EXACT_WHEN: tuple[tuple[str, int], ...] = (
    ("today", 0), ("this morning", 0), ("yesterday", 1), ("two days ago", 2), ("the day before yesterday", 2),
    ("three days ago", 3), ("four days ago", 4),
)
# fuzzy ones: only used where the answer does not hinge on the exact day
_APPROX_WHEN: tuple[tuple[str, int], ...] = (("last week", 7), ("a couple of weeks ago", 14), ("a few days ago", 3))


def rng_for(seed: int, *labels: object) -> random.Random:
    """An independent, reproducible random stream for (generator version, seed, labels)."""
    key = "|".join([STREAM_KEY, str(seed), *map(str, labels)])
    return random.Random(int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big"))


def hex_id(seed: int, *labels: object, n: int = 8) -> str:
    """A deterministic hex id for (version, seed, labels)."""
    key = "|".join([STREAM_KEY, str(seed), *map(str, labels)])
    return hashlib.sha256(key.encode()).hexdigest()[:n]


def fmt_date(d: date) -> str:
    """Human date used in answers: ``March 5, 2023``."""
    return f"{d.strftime('%B')} {d.day}, {d.year}"


def fmt_days(n: int, unit: str = "day") -> str:
    return f"{n} {unit}" + ("" if n == 1 else "s")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _the(noun: str) -> str:
    """'a Coldplay concert' → 'the Coldplay concert' (for questions)."""
    for art in ("a ", "an "):
        if noun.startswith(art):
            return "the " + noun[len(art):]
    return noun


def _your(text: str) -> str:
    return text.replace("my ", "your ").replace("I ", "you ")


@dataclass
class PlantedFact:
    """A fact the generator put into a session (gold for extraction and answer checks)."""

    fact_id: str
    subject: str
    predicate: str
    value: str
    text: str
    slot: int  # session slot in the haystack timeline
    role: str = "user"
    valid_from: str | None = None  # ISO date it became true
    time_expression: str | None = None
    date_granularity: str = "session"  # day | approx | session
    supersedes: str | None = None
    attributes: dict[str, str] = field(default_factory=dict)
    # filled at render time
    session_id: str = ""
    turn_index: int = -1
    observed_at: str = ""

    def to_gold(self) -> dict[str, Any]:
        return {
            "fact_id": self.fact_id, "subject": self.subject, "predicate": self.predicate,
            "value": self.value, "value_type": REGISTRY[self.predicate].value_type,
            "text": self.text, "role": self.role, "session_id": self.session_id,
            "turn_index": self.turn_index, "observed_at": self.observed_at,
            "valid_from": self.valid_from, "time_expression": self.time_expression,
            "date_granularity": self.date_granularity, "supersedes": self.supersedes,
            "attributes": dict(sorted(self.attributes.items())),
        }


@dataclass
class SlotPlan:
    """One personal session in the timeline: its sentences (evidence or distractor)."""

    slot: int
    kind: Literal["evidence", "distractor", "background"]
    facts: list[PlantedFact] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)  # distractor sentences (never evidence)
    #: assistant-said evidence: (user request, assistant sentence)
    assistant: tuple[str, str] | None = None


@dataclass
class QuestionPlan:
    index: int
    question_id: str
    question_type: str
    abstention: bool
    family: F.Family
    question: str = ""
    answer: str | int = ""
    question_date: datetime = datetime(2023, 1, 1)
    dates: list[datetime] = field(default_factory=list)  # one per session slot, ascending
    slots: dict[int, SlotPlan] = field(default_factory=dict)
    operation: dict[str, Any] = field(default_factory=dict)
    rubric: dict[str, list[str]] | None = None
    computable: bool = False
    distractor_facts: list[PlantedFact] = field(default_factory=list)
    #: true facts about the user that the question does not ask about (other personal sessions)
    background_facts: list[PlantedFact] = field(default_factory=list)
    #: predicates the question touches (background sessions never plant these)
    reserved: set[str] = field(default_factory=set)

    @property
    def evidence_slots(self) -> list[int]:
        return sorted(s for s, p in self.slots.items() if p.kind == "evidence")

    @property
    def facts(self) -> list[PlantedFact]:
        return [f for s in self.evidence_slots for f in self.slots[s].facts]


def type_mix(n: int, rng: random.Random, min_per_type: int = 0, min_abs: int = 0) -> list[tuple[str, bool]]:
    """The ordered (type, abstention) list for ``n`` questions in LongMemEval_S proportions."""
    total = sum(TYPE_COUNTS.values())
    raw = {t: n * c / total for t, c in TYPE_COUNTS.items()}
    counts = {t: int(v) for t, v in raw.items()}
    # largest remainder; ties broken by the fixed TYPE_COUNTS order
    for t in sorted(raw, key=lambda t: -(raw[t] - counts[t]))[: n - sum(counts.values())]:
        counts[t] += 1
    for t in counts:  # small splits: guarantee every type, taking from the largest
        while counts[t] < min_per_type and n >= min_per_type * len(counts):
            donor = max(counts, key=lambda k: counts[k])
            counts[donor] -= 1
            counts[t] += 1
    items = [t for t in TYPE_COUNTS for _ in range(counts[t])]
    rng.shuffle(items)
    n_abs = max(round(n * ABSTENTION_SHARE), min_abs) if n else 0
    # abstention questions: spread over the five non-preference types in turn
    abs_types = [t for t in TYPE_COUNTS if t != "single-session-preference"]
    rng.shuffle(abs_types)
    chosen: set[int] = set()
    k = 0
    while len(chosen) < min(n_abs, sum(1 for t in items if t in abs_types)):
        want = abs_types[k % len(abs_types)]
        cands = [i for i, t in enumerate(items) if t == want and i not in chosen]
        if cands:
            chosen.add(rng.choice(cands))
        k += 1
    return [(t, i in chosen) for i, t in enumerate(items)]
