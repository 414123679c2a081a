"""The datasets' date format (``2023/05/20 (Sat) 02:21``) and small calendar helpers."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime

from kgmem.lexicon.calendar import WEEKDAYS

_DATASET_RE = re.compile(
    r"^\s*(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})"
    r"(?:\s*\((?P<dow>[A-Za-z]{3})\))?"
    r"(?:\s+(?P<H>\d{1,2}):(?P<M>\d{2}))?\s*$"
)
_DOW = tuple(name[:3].title() for name in WEEKDAYS)  # "Mon" … "Sun"


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


def parse_local_datetime(text: str) -> datetime:
    """A naive local time from ``2023-05-01``, ``2023-05-01T10:00`` or the dataset form
    ``2023/05/01 (Mon) 10:00``; ``ValueError`` naming the text otherwise (or when it carries a
    timezone: kgmem keeps dataset-local times)."""
    raw = text.strip() if isinstance(text, str) else text
    if not isinstance(raw, str) or not raw:
        raise ValueError(f"not a date: {text!r} (use 2023-05-01 or '2023/05/01 (Mon) 10:00')")
    try:
        parsed = datetime.fromisoformat(raw)
    except ValueError:
        try:
            parsed = parse_dataset_date(raw)
        except ValueError:
            raise ValueError(f"not a date: {text!r} (use 2023-05-01 or '2023/05/01 (Mon) 10:00')") from None
    if parsed.tzinfo is not None:
        raise ValueError(f"give a naive local time without a timezone: {text!r}")
    return parsed


def fmt_day(d: datetime | date) -> str:
    """``2023-03-04 (Sat)``: how contexts and answers print a day."""
    return d.strftime("%Y-%m-%d (%a)")


def midnight(d: date | datetime) -> datetime:
    """Midnight of ``d``'s day, naive."""
    return datetime(d.year, d.month, d.day)


def end_of_day(d: date | datetime) -> datetime:
    """The last second of ``d``'s day."""
    return datetime(d.year, d.month, d.day, 23, 59, 59)


def add_months(d: date, months: int) -> date:
    """Calendar month shift clamping the day (Mar 31 − 1 month → Feb 28/29)."""
    idx = d.year * 12 + (d.month - 1) + months
    year, month = divmod(idx, 12)
    month += 1
    day = min(d.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def month_interval(year: int, month: int) -> tuple[datetime, datetime]:
    """First and last day (midnights) of a month."""
    last = calendar.monthrange(year, month)[1]
    return datetime(year, month, 1), datetime(year, month, last)
