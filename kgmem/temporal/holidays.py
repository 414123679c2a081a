"""Holidays people date things by ("last Christmas", "over Thanksgiving"): US calendar rules.

Each holiday is a function year → date. Fixed-date holidays are a month and day; movable ones are
computed (Thanksgiving = fourth Thursday of November, Easter by the anonymous Gregorian computus).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th ``weekday`` (Mon=0) of a month; ``n = -1`` is the last one."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    last = nxt - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = (h + ell - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def _fixed(month: int, day: int) -> Callable[[int], date]:
    return lambda year: date(year, month, day)


#: canonical holiday name → year → date
HOLIDAYS: dict[str, Callable[[int], date]] = {
    "christmas eve": _fixed(12, 24),
    "christmas": _fixed(12, 25),
    "boxing day": _fixed(12, 26),
    "new year's eve": _fixed(12, 31),
    "new year's day": _fixed(1, 1),
    "valentine's day": _fixed(2, 14),
    "st patrick's day": _fixed(3, 17),
    "independence day": _fixed(7, 4),
    "halloween": _fixed(10, 31),
    # more named days on a fixed date (UK/Irish/North American calendars)
    "bonfire night": _fixed(11, 5),
    "burns night": _fixed(1, 25),
    "st david's day": _fixed(3, 1),
    "st george's day": _fixed(4, 23),
    "st andrew's day": _fixed(11, 30),
    "remembrance day": _fixed(11, 11),
    "canada day": _fixed(7, 1),
    "juneteenth": _fixed(6, 19),
    "cinco de mayo": _fixed(5, 5),
    "groundhog day": _fixed(2, 2),
    "april fools' day": _fixed(4, 1),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "mother's day": lambda y: _nth_weekday(y, 5, 6, 2),
    "father's day": lambda y: _nth_weekday(y, 6, 6, 3),
    "easter": easter,
    "good friday": lambda y: easter(y) - timedelta(days=2),
    "easter monday": lambda y: easter(y) + timedelta(days=1),
}

#: spelling variants → canonical name (apostrophes and "day" optional)
_ALIASES: dict[str, str] = {
    "xmas": "christmas", "christmas day": "christmas", "christmastime": "christmas",
    "new years eve": "new year's eve", "nye": "new year's eve",
    "new year's": "new year's day", "new years": "new year's day", "new years day": "new year's day",
    "valentines day": "valentine's day", "valentine's": "valentine's day", "valentines": "valentine's day",
    "st. patrick's day": "st patrick's day", "saint patrick's day": "st patrick's day",
    "st patricks day": "st patrick's day", "fourth of july": "independence day",
    "the fourth of july": "independence day", "4th of july": "independence day", "july 4th": "independence day",
    "thanksgiving day": "thanksgiving", "labour day": "labor day", "easter sunday": "easter",
    "mothers day": "mother's day", "fathers day": "father's day", "halloween night": "halloween",
    "guy fawkes night": "bonfire night", "guy fawkes": "bonfire night", "fireworks night": "bonfire night",
    "armistice day": "remembrance day", "april fools": "april fools' day", "april fool's day": "april fools' day",
}

_NAMES = sorted({*HOLIDAYS, *_ALIASES}, key=len, reverse=True)
#: a regex alternation of every holiday spelling (longest first); apostrophes may be ’ or absent
HOLIDAY_RE = "|".join(re.escape(n).replace("'", "['’]?") for n in _NAMES)


def canonical(name: str) -> str | None:
    """The canonical holiday for a spelling (``"Xmas"`` → ``"christmas"``), else ``None``."""
    key = re.sub(r"\s+", " ", name.strip().lower().replace("’", "'"))
    if key in HOLIDAYS:
        return key
    if key in _ALIASES:
        return _ALIASES[key]
    squashed = key.replace("'", "")
    for cand in (*HOLIDAYS, *_ALIASES):
        if cand.replace("'", "") == squashed:
            return _ALIASES.get(cand, cand)
    return None


def holiday_date(name: str, year: int) -> date:
    """The date of a canonical holiday in ``year``."""
    return HOLIDAYS[name](year)
