"""Calendar words: the names of the weekdays and the months, and the abbreviations people write
("Sept", "Jan.", "Weds").

Data: ``kgmem/resources/lexicon/calendar.json``. Every reader of a weekday or month name (the time
resolver, the question planner, the answer side, the offline scorer) takes it from here.
"""

from __future__ import annotations

from typing import Any, Final

from kgmem import packaged


def _data() -> dict[str, Any]:
    data: dict[str, Any] = packaged.json_data("lexicon", "calendar.json")
    return data


_DATA: Final = _data()
#: Monday first (ISO: index 0 is ``date.weekday() == 0``)
WEEKDAYS: Final[tuple[str, ...]] = tuple(_DATA["weekdays"])
#: January first (index + 1 is the month number)
MONTHS: Final[tuple[str, ...]] = tuple(_DATA["months"])
#: every full name and abbreviation → its month number ("january" 1, "jan" 1, "sept" 9)
MONTH_NUMBERS: Final[dict[str, int]] = {m: i for i, m in enumerate(MONTHS, start=1)} | {
    k: int(v) for k, v in _DATA["month_abbreviations"].items()}

#: what people write for a weekday ("tues", "weds", "thur", "sat"), each read by its first three letters
WEEKDAY_ABBREVIATIONS: Final[tuple[str, ...]] = tuple(_DATA["weekday_abbreviations"])
#: the abbreviations that standing alone are usually other words ("mon", "wed", "sat", "sun")
_ALSO_WORDS: Final = frozenset(_DATA["weekday_abbreviations_also_words"])

#: the twelve three-letter forms in calendar order ("jan" … "dec"); a prefix test ("^jan[a-z]*")
#: reads any spelling that starts like a month
SHORT_MONTHS: Final[tuple[str, ...]] = tuple(m[:3] for m in MONTHS)


def month_number(word: str) -> int | None:
    """The month a name or an abbreviation names ("March" 3, "Sept." 9, "Decem" 12); ``None`` when
    it names none."""
    w = word.lower().rstrip(".")
    if w in MONTH_NUMBERS:
        return MONTH_NUMBERS[w]
    for cut in (4, 3):
        if w[:cut] in MONTH_NUMBERS:
            return MONTH_NUMBERS[w[:cut]]
    return None


def weekday_number(word: str) -> int | None:
    """The weekday (Monday 0) a name or an abbreviation names ("Tues" 1, "sat" 5); ``None``
    when it names none."""
    w = word.lower()[:3]
    for i, name in enumerate(WEEKDAYS):
        if len(w) == 3 and name.startswith(w):
            return i
    return None


def month_alternation() -> str:
    """Every month name and abbreviation as one regex alternation, longest first, no groups
    ("september|january|…|sept|jan|…"); the caller adds the word boundaries."""
    return "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))


def weekday_alternation() -> str:
    """The seven weekday names as one regex alternation, no groups."""
    return "|".join(WEEKDAYS)


def weekday_stem_alternation() -> str:
    """Every form a weekday is written with before an optional "day": its abbreviations and its
    full name's stem ("wednes", "satur"), as one regex alternation, no groups, Monday first and
    longest first within a day ("mon|tues|tue|wednes|weds|wed|…"); the caller adds ``(?:day)?``."""
    forms = set(WEEKDAY_ABBREVIATIONS) | {name.removesuffix("day") for name in WEEKDAYS}
    return "|".join(sorted(forms, key=lambda f: (weekday_number(f), -len(f), f)))


def lone_weekday_abbreviations() -> tuple[str, ...]:
    """The abbreviations that name a weekday even standing alone ("thurs", "fri"; not "sat" or "sun"),
    longest first."""
    return tuple(sorted((a for a in WEEKDAY_ABBREVIATIONS if a not in _ALSO_WORDS), key=lambda a: (-len(a), a)))
