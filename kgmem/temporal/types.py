"""The resolved-time value types shared by the resolver and the composition rules."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from kgmem.lexicon import numbers
from kgmem.models import Granularity

#: a count of time units in a time expression: digits, a cardinal in words ("thirteen",
#: "twenty-one") or a vague quantity ("a couple of", "a few", "an")
NUM = (r"(?:\d{1,3}|" + "|".join(q.replace(" ", r"\s+") for q in sorted(numbers.QUANTITIES, key=len, reverse=True))
       + "|" + numbers.cardinal_alternation() + ")")


@dataclass(frozen=True)
class ResolvedTime:
    """A time expression resolved against a base (session) date.

    ``start``/``end`` bound the interval the expression names, both inclusive at day resolution
    (``end`` is midnight of the last day): "in March" → Mar 1 … Mar 31, granularity ``month``;
    "yesterday" → start == end. ``open_ended`` marks "since 2019" (true from start onwards);
    ``ahead`` marks a time told ahead, after the base ("next week"; the day of a going
    clause, "Flying to Portugal on <that day>", said before it); ``future`` marks a time that is not done at the base: a plan's
    ("next week", "in two weeks", "I'm going to … tomorrow"). Every ``future`` time is ahead; a day
    told ahead as a going-verb arrangement ("Flying to Portugal on <a day>") is ahead but not
    ``future``: it counts as done once it has passed (the reader compares it with its own date);
    ``kind`` names the rule that
    resolved it (``ago``, ``holiday``, ``weekday_rel`` …). Weeks are Monday–Sunday (a weekend,
    Saturday–Sunday, has granularity ``week`` too); "two weeks ago" is the week containing the
    day 14 days back, "two months ago" the calendar month two before the session's.
    """

    text: str
    start: datetime
    end: datetime
    granularity: Granularity
    open_ended: bool = False
    future: bool = False
    kind: str = ""
    #: the day date arithmetic should use when the interval is wider than a day: "two weeks
    #: ago" names a Monday–Sunday week, but "how many days ago" counts from 14 days back
    anchor: datetime | None = None
    #: the time lies after the base (every ``future`` one, and arrangements told ahead)
    ahead: bool = False

    def __post_init__(self) -> None:
        if self.future and not self.ahead:
            object.__setattr__(self, "ahead", True)

    @property
    def day(self) -> date:
        """The first day of the interval."""
        return self.start.date()

    @property
    def point(self) -> datetime:
        """The single day this expression stands for in arithmetic (``anchor``, else ``start``)."""
        return self.anchor or self.start


@dataclass(frozen=True)
class TimeSpan:
    """A time expression found in text: character offsets plus its resolution."""

    start_char: int
    end_char: int
    resolved: ResolvedTime


def _number(word: str) -> int | None:
    word = re.sub(r"\s+", " ", word.strip().lower())
    if word in numbers.QUANTITIES:
        return numbers.QUANTITIES[word]
    return numbers.cardinal(word)


