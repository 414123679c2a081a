"""Date arithmetic: calendar days, rounded weeks, calendar months, and the one way kgmem says a
span in words (:func:`describe_delta`)."""

from __future__ import annotations

import calendar
from datetime import date, datetime


def _as_date(value: datetime | date) -> date:
    return value.date() if isinstance(value, datetime) else value


def days_between(a: datetime | date, b: datetime | date) -> int:
    """Calendar days from ``a`` to ``b`` (positive when ``b`` is later); times of day ignored."""
    return (_as_date(b) - _as_date(a)).days


def weeks_between(a: datetime | date, b: datetime | date) -> int:
    """Whole weeks from ``a`` to ``b``, rounded to the nearest week (10 days → 1, 11 → 2)."""
    days = days_between(a, b)
    sign = -1 if days < 0 else 1
    return sign * int(abs(days) / 7 + 0.5)


def months_between(a: datetime | date, b: datetime | date) -> int:
    """Whole calendar months from ``a`` to ``b`` (Jan 15 → Mar 15 is 2; Jan 20 → Feb 19 is 0; a
    month-end counts as a full month: Jan 31 → Feb 28 is 1)."""
    da, db = _as_date(a), _as_date(b)
    if db < da:
        return -months_between(db, da)
    months = (db.year - da.year) * 12 + (db.month - da.month)
    if db.day < da.day and not (db.day == calendar.monthrange(db.year, db.month)[1]):
        months -= 1
    return months


def span_in(a: datetime | date, b: datetime | date, unit: str) -> int:
    """The span from ``a`` to ``b`` (absolute) in ``unit``: days, rounded weeks, calendar months
    or calendar years."""
    u = unit.rstrip("s").lower()
    if u == "week":
        return abs(weeks_between(a, b))
    if u == "month":
        return abs(months_between(a, b))
    if u == "year":
        return abs(months_between(a, b)) // 12
    return abs(days_between(a, b))


def _plural(n: int, unit: str) -> str:
    return f"{n} {unit}{'' if n == 1 else 's'}"


def describe_delta(a: datetime | date, b: datetime | date, *, relation: bool = True) -> str:
    """Say how ``a`` relates to ``b``: ``"45 days (about 6 weeks) before"``, ``"3 days after"``,
    ``"the same day"``; calendar months past ~2 months, years past a year
    (``"75 days (about 11 weeks, 2 months) before"``). ``relation=False`` leaves out
    before/after (``"45 days (about 6 weeks)"``)."""
    days = days_between(a, b)
    if days == 0:
        return "the same day"
    n = abs(days)
    extras: list[str] = []
    if n >= 7:
        w = abs(weeks_between(a, b))
        extras.append(("" if n % 7 == 0 else "about ") + _plural(w, "week"))
    if n >= 60:
        extras.append(_plural(abs(months_between(a, b)), "month"))
    if n >= 365:
        extras.append(_plural(abs(months_between(a, b)) // 12, "year"))
    extra = f" ({', '.join(extras)})" if extras else ""
    text = _plural(n, "day") + extra
    if not relation:
        return text
    return f"{text} {'before' if days > 0 else 'after'}"
