"""Number words: cardinals written in words ("seven", "twenty-six", "a hundred") and the vague
quantities that count units of time ("a couple of weeks ago", "a few days back").

Data: ``kgmem/resources/lexicon/numbers.json``. The time resolver, the extraction's value readers
and the offline scorer read numbers written in words from here.
"""

from __future__ import annotations

import re
from typing import Any, Final

from kgmem import packaged


def _data() -> dict[str, Any]:
    data: dict[str, Any] = packaged.json_data("lexicon", "numbers.json")
    return data


_DATA: Final = _data()
#: "zero" … "nineteen" → 0 … 19
UNITS: Final[dict[str, int]] = {w: i for i, w in enumerate(_DATA["units"])}
#: "twenty" … "ninety" → 20 … 90
TENS: Final[dict[str, int]] = {k: int(v) for k, v in _DATA["tens"].items()}
#: "hundred" 100, "thousand" 1000
SCALES: Final[dict[str, int]] = {k: int(v) for k, v in _DATA["scales"].items()}
#: vague quantities of time units ("a couple of" 2, "a few" 3, "an" 1)
QUANTITIES: Final[dict[str, int]] = {k: int(v) for k, v in _DATA["quantities"].items()}


def cardinal(text: str) -> int | None:
    """A cardinal below a hundred in digits or words ("34" 34, "thirty" 30, "twenty-seven" 27,
    "twenty seven" 27); ``None`` when a part is no number word."""
    t = text.lower().strip()
    if t.isdigit():
        return int(t)
    total = 0
    for part in re.split(r"[-\s]+", t):
        if part in TENS:
            total += TENS[part]
        elif part in UNITS:
            total += UNITS[part]
        else:
            return None
    return total


def cardinal_alternation(*, least: int = 1) -> str:
    """The cardinals from ``least`` to 99 written in words as one regex alternation, no groups,
    longest first ("twenty[- ]one", …, "seventeen", …, "one"); the caller adds the boundaries."""
    units = [w for w, n in UNITS.items() if 1 <= n <= 9]
    small = [w for w, n in UNITS.items() if n >= least]
    tens = "|".join(TENS)
    compound = rf"(?:{tens})[-\s](?:{'|'.join(units)})"
    return "|".join([compound, *sorted([*small, *TENS], key=len, reverse=True)])
