"""A slot told again takes a value of its own type (session 16): a pure ordering of a correction's values.

A correction often names more than one value of the slot's class ("Grandpa's in room 22 at Elm Lodge
now", "moved up to the stroke unit on Ward 22"); the value that shares the held value's words but is
not it is the slot's new value ("room 22" for "room 9", "Ward 22" for "Ward 7").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kgmem.ids import normalise_name, plain_name
from kgmem.lexicon import calendar


def same_type_first(values: Sequence[tuple[str, str]], old: str) -> list[tuple[str, str]]:
    """The probe's values with those of the held value's type first: a new value that shares the old
    one's words but is not it ("room 22" for "room 9" beside "at Elm Lodge", "Edinburgh office" for
    "Manchester office"): the slot told again with another value of its own type."""
    kind = {w for w in normalise_name(old).split() if len(w) > 2 and not w.isdigit()}
    plain_old = plain_name(old)

    def shares(value: str) -> bool:
        plain = plain_name(value)
        return bool(kind & set(normalise_name(value).split())) and bool(plain) and plain != plain_old \
            and plain not in plain_old and plain_old not in plain
    return sorted(values, key=lambda v: not shares(v[0]))


#: a time of day said as one ("7:04", "8pm", "noon"); a date by its day of the month ("the 24th", "3rd")
_CLOCK = re.compile(r"\d[:.]\d\d|\d\s*(?:am|pm)\b|\b(?:noon|midday|midnight)\b", re.IGNORECASE)
_DAY_OF_MONTH = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)\b|\b\d{1,2}/\d{1,2}\b", re.IGNORECASE)


def time_kinds(value: str) -> set[str]:
    """What a time names: a time of day ("clock"), a day of the week ("weekday"), a date ("date")."""
    words = re.findall(r"[a-z]+", value.lower())
    kinds = {"clock"} if _CLOCK.search(value) else set()
    # a word that starts a weekday's name ("tues", "Thursdays"), not one a weekday's prefix starts ("month", "friend")
    if any(len(w) >= 3 and any(d.startswith(w.rstrip("s")) for d in calendar.WEEKDAYS) for w in words):
        kinds.add("weekday")
    if _DAY_OF_MONTH.search(value) or any(w in calendar.MONTH_NUMBERS for w in words):
        kinds.add("date")
    return kinds


def same_type(old: str, new: str, cls: str) -> bool:
    """Two values of a class are of one type: times that name the same thing (a time of day, a weekday, a
    date: "Tuesday nights" / "Thursday"; not "Monday" / "3pm"), other values both said with a number or
    both without ("room 12" / "room 23"; "Debrecen" / "Szeged")."""
    if cls == "when":
        return bool(time_kinds(old) & time_kinds(new))
    return any(ch.isdigit() for ch in old) == any(ch.isdigit() for ch in new)
