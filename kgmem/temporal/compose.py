"""Time expressions built on other ones: "two days before Christmas", "the Monday after Easter",
"the weekend after Halloween", "the first Monday of last month", "the last weekend of last month".

:func:`compose` looks just before each resolved expression for an offset ("N days/weeks
before/after", "the day/<weekday>/weekend before/after", "a few days before") or an ordinal
("the first/last <weekday|weekend> of" a month) and replaces the span with the combined one.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from kgmem.lexicon import calendar
from kgmem.models import Granularity
from kgmem.temporal.dates import add_months, midnight
from kgmem.temporal.types import NUM, ResolvedTime, TimeSpan, _number

_WD_NAMES = calendar.WEEKDAYS
_WDS = calendar.weekday_alternation()
_OFFSET_RE = re.compile(
    rf"\b(?:(?P<n>{NUM})"
    rf"\s+(?P<u>days?|weeks?)|the\s+(?P<day>day)|the\s+(?P<wd>{_WDS})|the\s+(?P<we>weekend))\s+(?P<dir>before|after)\s+$",
    re.I)
_ORDINAL_RE = re.compile(rf"\bthe\s+(?P<ord>first|second|third|fourth|last)\s+(?P<what>{_WDS}|weekend)\s+of\s+$", re.I)
_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def _shifted(m: re.Match[str], d: date) -> tuple[date, date, Granularity, date | None]:
    """(start, end, granularity, anchor) of an offset applied to day ``d``."""
    after = m.group("dir").lower() == "after"
    if m.group("we"):  # the Saturday–Sunday strictly after / wholly before the day
        if after:
            sat = d + timedelta(days=(5 - d.weekday()) % 7 or 7)
        else:
            sat = d - timedelta(days=(d.weekday() - 6) % 7 or 7) - timedelta(days=1)
        return sat, sat + timedelta(days=1), "week", None
    if m.group("wd"):
        wd = _WD_NAMES.index(m.group("wd").lower())
        delta = (wd - d.weekday()) % 7 or 7 if after else -((d.weekday() - wd) % 7 or 7)
        day = d + timedelta(days=delta)
        return day, day, "day", None
    if m.group("day"):
        day = d + timedelta(days=1 if after else -1)
        return day, day, "day", None
    words = m.group("n").lower()
    sign = 1 if after else -1
    if "few" in words or "couple" in words or "several" in words:
        lo, hi = (2, 5) if "couple" not in words else (2, 3)
        a, b = sorted((d + timedelta(days=sign * lo), d + timedelta(days=sign * hi)))
        return a, b, "day", d + timedelta(days=sign * 3)
    n = _number(words) or 1
    days = n * (7 if m.group("u").lower().startswith("week") else 1)
    day = d + timedelta(days=sign * days)
    return day, day, "day", None


def _ordinal(m: re.Match[str], r: ResolvedTime) -> tuple[date, date, Granularity] | None:
    start, end = r.start.date(), r.end.date()
    what = m.group("what").lower()
    wd = 5 if what == "weekend" else _WD_NAMES.index(what)
    if m.group("ord").lower() == "last":
        last_day = end - timedelta(days=1) if what == "weekend" else end  # the weekend lies wholly inside
        day = last_day - timedelta(days=(last_day.weekday() - wd) % 7)
    else:
        first = start + timedelta(days=(wd - start.weekday()) % 7)
        day = first + timedelta(weeks=_ORD[m.group("ord").lower()] - 1)
    if day < start or day > end:
        return None
    return (day, day + timedelta(days=1), "week") if what == "weekend" else (day, day, "day")


def compose(text: str, spans: list[TimeSpan], base: date) -> list[TimeSpan]:
    """Spans with offset/ordinal prefixes folded in (prefix spans inside them dropped)."""
    out: list[TimeSpan] = []
    for span in spans:
        r = span.resolved
        head = text[: span.start_char]
        off = _OFFSET_RE.search(head)
        ordm = _ORDINAL_RE.search(head) if r.granularity == "month" else None
        combined: ResolvedTime | None = None
        start_char = span.start_char
        if ordm is not None:
            found = _ordinal(ordm, r)
            if found is not None:
                a, b, gran = found
                start_char = ordm.start()
                combined = ResolvedTime(text[start_char: span.end_char], midnight(a), midnight(b), gran,
                                        future=a > base, kind="ordinal_of")
        elif off is not None and r.granularity == "day" and r.start == r.end:
            a, b, gran, anchor = _shifted(off, r.point.date())
            start_char = off.start()
            combined = ResolvedTime(text[start_char: span.end_char], midnight(a), midnight(b), gran,
                                    future=a > base, kind="offset",
                                    anchor=midnight(anchor) if anchor else None)
        if combined is None:
            out.append(span)
            continue
        out = [s for s in out if s.end_char <= start_char]
        out.append(TimeSpan(start_char, span.end_char, combined))
    return _range_ends(out, base)


_FROM, _TO = re.compile(r"^from\s", re.I), re.compile(r"^(?:to|till|until)\s", re.I)


def _range_ends(spans: list[TimeSpan], base: date) -> list[TimeSpan]:
    """"moved it from the 12th to the 22nd": a range's end day comes after its start, so a yearless
    end read before the start is the one a month (a year) later."""
    out = list(spans)
    for k in range(1, len(out)):
        a, b = out[k - 1].resolved, out[k].resolved
        if not (_FROM.match(a.text) and _TO.match(b.text) and a.granularity == b.granularity == "day"
                and b.kind in ("day_ordinal", "day_ordinal_to", "full_date") and b.start < a.start):
            continue
        day = b.start.date()
        while day < a.start.date():
            day = add_months(day, 12 if b.kind == "full_date" else 1)
        moved = ResolvedTime(b.text, midnight(day), midnight(day), "day", future=day > base and b.future, kind=b.kind,
                             ahead=day > base)
        out[k] = TimeSpan(out[k].start_char, out[k].end_char, moved)
    return out
