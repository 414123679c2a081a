"""One resolver per time-expression pattern kind (:data:`RESOLVERS`): calendar arithmetic that turns
a match of :mod:`kgmem.temporal.patterns` into a :class:`ResolvedTime` relative to the session date.

Rules are our own: "last Tuesday" = the most recent Tuesday before the session, "next Monday" = the
Monday of the week after the session's, a bare date = the most recent one not after the session, or
the coming one when that is nearer and the date is not told in a past frame.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta

from kgmem.lexicon import calendar
from kgmem.models import Granularity
from kgmem.temporal import holidays
from kgmem.temporal.dates import add_months, midnight, month_interval
from kgmem.temporal.frame import framed, nearer, sent_to, told_ahead
from kgmem.temporal.patterns import CLAUSE_BREAK, FULL_WEEKDAY, FUTURE_TENSE, GOING_CLAUSE, PAST_AUX
from kgmem.temporal.patterns import SEASONS as SEASONS
from kgmem.temporal.types import ResolvedTime, _number

Resolver = Callable[[re.Match[str], date, datetime], "ResolvedTime | None"]


def _weekday_index(word: str) -> int:
    i = calendar.weekday_number(word)
    if i is None:
        raise ValueError(f"not a weekday: {word!r}")
    return i


def _month_index(word: str) -> int:
    i = calendar.month_number(word)
    if i is None:
        raise ValueError(f"not a month: {word!r}")
    return i


def _which(m: re.Match[str], default: str = "") -> str:
    value = m.groupdict().get("which") or default
    return re.sub(r"\s+", " ", value.lower())


def _day(m: re.Match[str], d: date, gran: Granularity = "day", future: bool = False) -> ResolvedTime:
    return ResolvedTime(m.group(0), midnight(d), midnight(d), gran, future=future)


def _span(m: re.Match[str], a: date | datetime, b: date | datetime, gran: Granularity, *,
          future: bool = False, open_ended: bool = False) -> ResolvedTime:
    return ResolvedTime(m.group(0), midnight(a), midnight(b), gran, open_ended=open_ended, future=future)


def _week_of(m: re.Match[str], d: date, *, future: bool = False) -> ResolvedTime:
    """The Monday–Sunday week containing ``d`` (anchored at ``d``)."""
    monday = d - timedelta(days=d.weekday())
    return ResolvedTime(m.group(0), midnight(monday), midnight(monday + timedelta(days=6)), "week",
                        future=future, anchor=midnight(d))


def _fuzzy(m: re.Match[str], today: date, lo: int, hi: int, anchor: int, gran: Granularity) -> ResolvedTime:
    """"a few days ago" = 2–5 days back: the range, anchored at a typical day."""
    return ResolvedTime(m.group(0), midnight(today - timedelta(days=hi)), midnight(today - timedelta(days=lo)),
                        gran, anchor=midnight(today - timedelta(days=anchor)))


#: fuzzy quantities: (unit, word) → (days back from, to, anchor)
_FUZZY = {("day", "few"): (2, 5, 3), ("day", "couple"): (2, 3, 2), ("week", "couple"): (10, 18, 14),
          ("week", "few"): (15, 30, 21), ("month", "couple"): (45, 75, 60), ("month", "few"): (75, 120, 90),
          ("year", "couple"): (550, 1000, 730), ("year", "few"): (900, 1500, 1095)}


def recent_weekend_saturday(today: date) -> date:
    """Saturday of the most recent weekend not after ``today`` (the current one on Sat/Sun)."""
    return today - timedelta(days=(today.weekday() - 5) % 7)


def last_weekend_saturday(today: date) -> date:
    """Saturday of "last weekend": the previous one when said during a weekend."""
    sat = recent_weekend_saturday(today)
    if today.weekday() >= 5:
        sat -= timedelta(days=7)
    return sat


# --------------------------------------------------------------------------- resolvers


def _r_fixed_day(offset: int) -> Resolver:
    def resolve(m: re.Match[str], today: date, base: datetime) -> ResolvedTime:
        return _day(m, today + timedelta(days=offset), future=offset > 0)
    return resolve


def _r_part_of_day(m: re.Match[str], today: date, base: datetime) -> ResolvedTime:
    which = _which(m)
    if which in ("yesterday", "last"):  # "last night", "last morning" (rare) → the day before
        return _day(m, today - timedelta(days=1))
    if which == "tomorrow":
        return _day(m, today + timedelta(days=1), future=True)
    return _day(m, today)


def _r_week_on(m: re.Match[str], today: date, base: datetime) -> ResolvedTime:  # "a week on Monday": the one after next
    ahead = ((_weekday_index(m.group("wd")) - today.weekday()) % 7 or 7) if m.group("wd") else int("tomorrow" in m.group(0).lower())
    return _day(m, today + timedelta(days=ahead + 7), future=True)


def _r_before_last(m: re.Match[str], today: date, base: datetime) -> ResolvedTime:
    unit = m.group("unit").lower()
    if unit == "week":  # the Monday–Sunday week two weeks before the session's week
        return _week_of(m, today - timedelta(days=14))
    if unit == "weekend":
        sat = last_weekend_saturday(today) - timedelta(days=7)
        return _span(m, sat, sat + timedelta(days=1), "week")
    if unit == "month":
        first = add_months(today.replace(day=1), -2)
        start, end = month_interval(first.year, first.month)
        return _span(m, start, end, "month")
    return _span(m, date(today.year - 2, 1, 1), date(today.year - 2, 12, 31), "year")


#: "hasn't knitted in twenty years": "in N years" after a negated perfect is how long, not when
_NEGATED_PERFECT = re.compile(r"\b(?:hasn't|haven't|hadn't|has\s+not|have\s+not|had\s+not|'ve\s+not)\b[^.?!;]{0,40}$",
                              re.I)


def _r_shift(m: re.Match[str], today: date, base: datetime) -> ResolvedTime | None:
    """"3 days ago", "since two days", "two weeks ago" (that Monday–Sunday week), "two months ago" (that
    calendar month), "a couple of weeks back" (10–18 days back), "in two weeks", "three months from now"."""
    n = _number(m.group("n"))
    if n is None or (m.group(0)[:1].lower() in "iw" and _NEGATED_PERFECT.search(m.string[:m.start()])):
        return None
    unit = m.group("unit").lower()
    back = bool(re.search(r"\b(ago|back|before|since)\b", m.group(0), re.I))
    fuzzy = next((w for w in ("couple", "few", "several") if w in m.group("n").lower()), None)
    if back and fuzzy and unit in ("day", "week", "month", "year"):
        lo, hi, anchor = _FUZZY[(unit, "few" if fuzzy == "several" else fuzzy)]
        return _fuzzy(m, today, lo, hi, anchor, "day" if unit == "day" else unit)  # type: ignore[arg-type]
    sign = -1 if back else 1
    future = sign > 0
    if unit == "day":
        return _day(m, today + timedelta(days=sign * n), "day", future)
    if unit in ("week", "fortnight"):
        weeks = n * (2 if unit == "fortnight" else 1)
        d = today + timedelta(weeks=sign * weeks)
        return _week_of(m, d, future=future) if back else _day(m, d, "week", future)
    if unit == "weekend":  # "two weekends ago": the weekend n-1 weeks before the last one
        sat = last_weekend_saturday(today) - timedelta(weeks=n - 1)
        return _span(m, sat, sat + timedelta(days=1), "week")
    d = add_months(today, sign * n * (12 if unit == "year" else 1))
    if not back:
        return _day(m, d, "month" if unit == "month" else "year", future)
    if unit == "month":
        start, end = month_interval(d.year, d.month)
        return ResolvedTime(m.group(0), start, end, "month", anchor=midnight(d))
    return ResolvedTime(m.group(0), datetime(d.year, 1, 1), datetime(d.year, 12, 31), "year", anchor=midnight(d))


def _r_weekdays_ago(m: re.Match[str], today: date, base: datetime) -> ResolvedTime | None:
    n = _number(m.group("n"))
    if n is None:
        return None
    delta = (today.weekday() - _weekday_index(m.group("wd"))) % 7 or 7
    return _day(m, today - timedelta(days=delta + 7 * (n - 1)))


def _r_ago_half(m: re.Match[str], today: date, base: datetime) -> ResolvedTime:
    if m.group("unit").lower() == "month":
        return _day(m, today - timedelta(days=15), "week")
    return _day(m, add_months(today, -6), "month")


def _r_holiday(m: re.Match[str], today: date, base: datetime) -> ResolvedTime | None:
    name = holidays.canonical(m.group("h"))
    if name is None:
        return None
    which = _which(m)
    if m.group("y"):
        d = holidays.holiday_date(name, int(m.group("y")))
    elif which in ("next", "this coming"):
        d = holidays.holiday_date(name, today.year)
        if d <= today:
            d = holidays.holiday_date(name, today.year + 1)
    elif which == "this":
        d = holidays.holiday_date(name, today.year)
    else:  # "last Christmas" = strictly before the session; bare "at Christmas" may be today
        d = holidays.holiday_date(name, today.year)
        if d > today or (which in ("last", "this past") and d == today):
            d = holidays.holiday_date(name, today.year - 1)
    return _day(m, d, future=d > today)


def _r_full_date(m: re.Match[str], today: date, base: datetime) -> ResolvedTime | None:
    mon = _month_index(m.group("m1") or m.group("m2"))
    dnum = int(re.sub(r"\D", "", m.group("d1") or m.group("d2")))
    try:
        if m.group("y"):
            return _day(m, date(int(m.group("y")), mon, dnum))
        recent = date(today.year if (mon, dnum) <= (today.month, today.day) else today.year - 1, mon, dnum)
        coming = date(today.year if (mon, dnum) >= (today.month, today.day) else today.year + 1, mon, dnum)
    except ValueError:
        return None  # the 29th of February of a year without one
    if m.group("wd"):  # "Saturday the 12th of April": the one that falls on that weekday
        fits = [d for d in (recent, coming) if d.weekday() == _weekday_index(m.group("wd"))]
        if len(fits) == 1:
            return framed(m, fits[0], today)
    return framed(m, nearer(m, recent, coming, today), today)


def _r_numeric_date(m: re.Match[str], today: date, base: datetime) -> ResolvedTime | None:
    y = int(m.group("y"))
    y += 2000 if y < 100 else 0
    try:
        d = date(y, int(m.group("m")), int(m.group("d")))
    except ValueError:
        return None
    return _day(m, d, future=d > today)


def _r_day_ordinal(m: re.Match[str], today: date, base: datetime) -> ResolvedTime | None:
    """"on the 25th": the most recent 25th on or before the session date, or the coming one when
    that is nearer and the date is not told in a past frame ("tickets for the gig on the 15th")."""
    dnum = int(m.group("d"))
    if not 1 <= dnum <= 31:
        return None
    first = today.replace(day=1)
    days = []
    for step in range(-13, 14):
        try:
            days.append(add_months(first, step).replace(day=dnum))
        except ValueError:
            continue  # no 31st in this month
    recent = max((d for d in days if d <= today), default=None)
    coming = min((d for d in days if d >= today), default=None)
    if recent is None or coming is None:
        return None
    return framed(m, coming if sent_to(m) else nearer(m, recent, coming, today), today)


def _r_weekday_before_last(m: re.Match[str], today: date, base: datetime) -> ResolvedTime:
    """"the Sunday before last": the one a week before last Sunday."""
    wd = _weekday_index(m.group("wd"))
    return _day(m, today - timedelta(days=((today.weekday() - wd) % 7 or 7) + 7))


def _r_weekday_of_week(m: re.Match[str], today: date, base: datetime) -> ResolvedTime:
    """"Tuesday the week before last", "Friday last week": that weekday of the named Monday–Sunday week."""
    week = " ".join(m.group("week").lower().split())
    back = {"the week before last": -14, "last week": -7, "this week": 0, "next week": 7}[week]
    d = today - timedelta(days=today.weekday()) + timedelta(days=back + _weekday_index(m.group("wd")))
    return _day(m, d, future=d > today)


def _r_weekend(m: re.Match[str], today: date, base: datetime) -> ResolvedTime:
    which = _which(m)
    fut = False
    if which in ("next", "this coming"):
        sat = today + timedelta(days=(5 - today.weekday()) % 7 or 7)
        if today.weekday() == 6:
            sat = today + timedelta(days=6)
        fut = True
    elif which == "this":
        sat = today + timedelta(days=(5 - today.weekday()) % 7)
        if today.weekday() == 6:
            sat = today - timedelta(days=1)
        fut = sat > today
    elif which in ("over the", "this past", "the past"):
        # the most recent Saturday strictly before today (on Sunday: yesterday's weekend)
        sat = today - timedelta(days=(today.weekday() - 5) % 7 or 7)
    else:  # last
        sat = last_weekend_saturday(today)
    return _span(m, sat, sat + timedelta(days=1), "week", future=fut)



def _r_weekday(m: re.Match[str], today: date, base: datetime) -> ResolvedTime | None:
    wd_text = m.group("wd")
    if "which" not in m.groupdict() and not FULL_WEEKDAY.match(wd_text):
        return None  # "sat"/"sun"/"wed" alone are usually ordinary words
    wd = _weekday_index(wd_text)
    which = _which(m, "on")
    monday = today - timedelta(days=today.weekday())
    if which == "next":  # that weekday of the week after the session's week
        return _day(m, monday + timedelta(days=7 + wd), future=True)
    clause = CLAUSE_BREAK.split(m.string[: m.start()])[-1]
    ahead = told_ahead(m.string, m.start(), m.end()) if which == "on" else ""
    if which == "this coming" or (which == "on" and FUTURE_TENSE.search(clause + " " + m.group(0))) \
            or ahead == "plan":  # "On Friday we're flying to Rome": the verb after the day tells it too
        return _day(m, today + timedelta(days=(wd - today.weekday()) % 7 or 7), future=True)
    if ahead == "scheduled":  # "On Saturday I take the train": an arrangement told ahead, not a plan
        d = today + timedelta(days=(wd - today.weekday()) % 7 or 7)
        return ResolvedTime(m.group(0), midnight(d), midnight(d), "day", ahead=True)
    if which == "on" and GOING_CLAUSE.match(clause) and not PAST_AUX.search(m.string):
        # "Flying to Portugal on Tuesday": told ahead (``ahead``), not a plan (not ``future``)
        d = today + timedelta(days=(wd - today.weekday()) % 7 or 7)
        return ResolvedTime(m.group(0), midnight(d), midnight(d), "day", ahead=True)
    if which == "this":  # the weekday of the current (Monday-first) week
        d = monday + timedelta(days=wd)
        return _day(m, d, future=d > today)
    # last / this past / past / on / bare: the most recent such day before the session
    return _day(m, today - timedelta(days=(today.weekday() - wd) % 7 or 7))


def _r_period(m: re.Match[str], today: date, base: datetime) -> ResolvedTime:
    """"last week" (the Monday–Sunday week before the session's), "this month", "next year",
    "earlier this month" (the 1st to the day before the session), "later this week"."""
    unit, which = m.group("unit").lower(), _which(m)
    shift = {"last": -1, "past": -1, "next": 1}.get(which, 0)
    gran: Granularity
    if unit == "week":
        if shift < 0:
            return _week_of(m, today - timedelta(days=7))
        monday = today - timedelta(days=today.weekday()) + timedelta(weeks=shift)
        start, end, gran = midnight(monday), midnight(monday + timedelta(days=6)), "week"
    elif unit == "month":
        first = add_months(today.replace(day=1), shift)
        (start, end), gran = month_interval(first.year, first.month), "month"
    else:
        y = today.year + shift
        start, end, gran = datetime(y, 1, 1), datetime(y, 12, 31), "year"
    if which == "earlier":
        end = max(start, midnight(today - timedelta(days=1)))
    elif which == "later":
        start = midnight(today)
    return ResolvedTime(m.group(0), start, end, gran, future=shift > 0 or which == "later")


def _r_month(m: re.Match[str], today: date, base: datetime) -> ResolvedTime:
    mon = _month_index(m.group("mon"))
    which = _which(m, "in")
    if m.groupdict().get("y"):
        year = int(m.group("y"))
    elif which == "next":
        year = today.year if mon > today.month else today.year + 1
    elif which == "last":
        year = today.year if mon < today.month else today.year - 1
    elif which == "this":
        year = today.year
    else:
        year = today.year if mon <= today.month else today.year - 1
    start, end = month_interval(year, mon)
    part = (m.groupdict().get("part") or "").lower()
    if "early" in which or part == "early" or "beginning" in part or "start" in part:
        end = datetime(year, mon, 10)
    elif "late" in which or part == "late" or "end" in part:
        start = datetime(year, mon, 21)
    elif "mid" in which or part == "mid" or "middle" in part:
        start, end = datetime(year, mon, 11), datetime(year, mon, 20)
    return ResolvedTime(m.group(0), start, end, "month", open_ended=which == "since",
                        future=start > base)


def _r_season(m: re.Match[str], today: date, base: datetime) -> ResolvedTime:
    season = m.group("season").lower()
    which = _which(m, "in the")
    if m.groupdict().get("y"):
        year = int(m.group("y"))
    elif which == "this":  # the season of the session's year (winter: the one around the session)
        year = today.year - 1 if season == "winter" and today.month <= 2 else today.year
    else:  # year of the most recent season that has started by the session date
        cur_start = date(today.year, SEASONS[season], 1)
        if cur_start > today:
            cur_start = date(today.year - 1, SEASONS[season], 1)
        year = cur_start.year
        in_progress = add_months(cur_start, 3) > today
        if which == "last" and in_progress:  # "last summer": the most recent one that has ended
            year -= 1
        elif which == "next":
            year += 1
    start = date(year, SEASONS[season], 1)
    last_month = add_months(start, 2)
    end = month_interval(last_month.year, last_month.month)[1]
    return ResolvedTime(m.group(0), midnight(start), end, "season", future=midnight(start) > base)


def _r_year(m: re.Match[str], today: date, base: datetime) -> ResolvedTime:
    year = int(m.group("y"))
    return ResolvedTime(m.group(0), datetime(year, 1, 1), datetime(year, 12, 31), "year",
                        open_ended=_which(m) == "since", future=year > today.year)


RESOLVERS: dict[str, Resolver] = {
    "day_before_yesterday": _r_fixed_day(-2), "day_after_tomorrow": _r_fixed_day(2),
    "yesterday": _r_fixed_day(-1), "today": _r_fixed_day(0), "tonight": _r_fixed_day(0),
    "tomorrow": _r_fixed_day(1), "part_of_day": _r_part_of_day, "before_last": _r_before_last,
    "ago": _r_shift, "ago_since": _r_shift, "since_span": _r_shift, "in_n": _r_shift, "week_on": _r_week_on, "from_now": _r_shift, "weekdays_ago": _r_weekdays_ago,
    "ago_half": _r_ago_half, "holiday": _r_holiday, "full_date": _r_full_date,
    "iso_date": _r_numeric_date, "slash_date": _r_numeric_date, "day_ordinal": _r_day_ordinal, "day_ordinal_to": _r_day_ordinal,
    "weekend_rel": _r_weekend, "weekday_before_last": _r_weekday_before_last, "weekday_of_week": _r_weekday_of_week, "weekday_rel": _r_weekday, "bare_weekday": _r_weekday,
    "earlier_this": _r_period, "period_rel": _r_period, "early_month": _r_month,
    "month_rel": _r_month, "month_year": _r_month, "season_rel": _r_season,
    "season_year": _r_season, "year": _r_year,
}
