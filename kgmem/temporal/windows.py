"""The time window a question's time expression means, for retrieval's temporal filter.

One resolver (:mod:`kgmem.temporal.resolve`) reads the expression; this module only widens it
into a search window: relative expressions get slack on both sides (people say "two weeks ago"
loosely), "since/after/before/by X" become open-ended, and "in the last N days" is a range ending
today. No time expression → no window (small models invent ranges; rules do not).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from kgmem.models import TimeWindow
from kgmem.temporal.dates import add_months, end_of_day, midnight
from kgmem.temporal.resolve import find_time_expressions
from kgmem.temporal.types import NUM, ResolvedTime, _number

_RANGE_RE = re.compile(
    r"\b(?:in|during|over|within|for)\s+the\s+(?:last|past|previous)\s+"
    rf"(?P<n>{NUM})?\s*(?P<unit>day|week|weekend|month|year)s?\b", re.I)
_RELATION_RE = re.compile(r"\b(since|after|before|by|until|till|prior\s+to)\s+$", re.I)


def _slack_days(r: ResolvedTime, qd: datetime) -> int:
    """How loosely people mean a resolved expression, in days either side."""
    back = max(0, (qd.date() - r.point.date()).days)
    if r.start == r.end and r.kind in ("ago", "weekdays_ago", "ago_half"):
        return max(1, back // 10)  # "3 days ago" ±1, "20 days ago" ±2
    if r.granularity in ("week", "day") and r.start != r.end:
        return 2  # a named week or weekend, or a fuzzy range: its edges are soft
    if r.kind in ("weekday_rel", "bare_weekday", "weekend_rel", "part_of_day", "holiday", "offset",
                  "day_ordinal", "full_date", "iso_date", "slash_date"):
        return 1
    if r.granularity == "month" and r.kind in ("period_rel", "ago", "earlier_this"):
        return 3
    return 0


def question_window(question: str, question_date: datetime | None) -> TimeWindow | None:
    """The window of the first past time expression in ``question`` relative to its date."""
    if question_date is None:
        return None
    qd = question_date
    rng = _RANGE_RE.search(question)
    if rng:
        n = _number(rng.group("n")) if rng.group("n") else 1
        unit = rng.group("unit").lower()
        today = qd.date()
        if unit == "day":
            start = today - timedelta(days=n or 1)
        elif unit in ("week", "weekend"):
            start = today - timedelta(weeks=n or 1)
        elif unit == "month":
            start = add_months(today, -(n or 1))
        else:
            start = add_months(today, -12 * (n or 1))
        return TimeWindow(start=midnight(start), end=end_of_day(qd), expression=rng.group(0))
    for span in find_time_expressions(question, qd):
        r = span.resolved
        if r.future and r.kind not in ("period_rel", "earlier_this"):
            continue
        rel = _RELATION_RE.search(question[: span.start_char])
        expression = question[(rel.start() if rel else span.start_char): span.end_char]
        if rel:
            word = rel.group(1).lower()
            if word in ("since", "after"):
                start = r.start if word == "since" else r.end + timedelta(days=1)
                return TimeWindow(start=start, end=end_of_day(qd), expression=expression)
            end = r.start if word in ("before", "prior to") else end_of_day(r.end)
            return TimeWindow(start=None, end=end, expression=expression)
        slack = timedelta(days=_slack_days(r, qd))
        start = r.start - slack
        end = min(end_of_day(r.end + slack), end_of_day(qd))
        if r.open_ended:
            end = end_of_day(qd)
        return TimeWindow(start=start, end=end, expression=expression)
    return None
