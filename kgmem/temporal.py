"""Time: parsing, intervals and arithmetic — pure functions, naive datetimes only.

The datasets write times as ``2023/05/20 (Sat) 02:21`` (naive local time); kgmem keeps them naive.
"""

from __future__ import annotations

import re
from datetime import datetime

_DATASET_RE = re.compile(
    r"^\s*(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})"
    r"(?:\s*\((?P<dow>[A-Za-z]{3})\))?"
    r"(?:\s+(?P<H>\d{1,2}):(?P<M>\d{2}))?\s*$"
)
_DOW = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def parse_dataset_date(text: str) -> datetime:
    """Parse LongMemEval's ``"2023/05/20 (Sat) 02:21"`` (weekday and time optional).

    Raises ``ValueError`` with the offending text when it is malformed or impossible
    (``2023/02/30``), or when the weekday in parentheses contradicts the date.
    """
    if not isinstance(text, str):
        raise ValueError(f"expected a date string like '2023/05/20 (Sat) 02:21', got {type(text).__name__}")
    m = _DATASET_RE.match(text)
    if not m:
        raise ValueError(f"not a date like '2023/05/20 (Sat) 02:21': {text!r}")
    try:
        value = datetime(
            int(m["y"]), int(m["m"]), int(m["d"]), int(m["H"] or 0), int(m["M"] or 0)
        )
    except ValueError as exc:
        raise ValueError(f"impossible date {text!r}: {exc}") from exc
    dow = m["dow"]
    if dow and dow.capitalize() in _DOW and _DOW[value.weekday()] != dow.capitalize():
        raise ValueError(f"weekday {dow!r} does not match the date in {text!r}")
    return value


def format_dataset_date(value: datetime) -> str:
    """Inverse of :func:`parse_dataset_date`: ``2023/05/20 (Sat) 02:21``."""
    return value.strftime("%Y/%m/%d") + f" ({_DOW[value.weekday()]}) " + value.strftime("%H:%M")
