"""Time: parsing, intervals and arithmetic — pure functions, naive datetimes only.

The datasets write times as ``2023/05/20 (Sat) 02:21`` (naive local time); kgmem keeps them naive.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from kgmem.models import Granularity

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


# =========================================================================== relative expressions
#
# Resolution rules are our own (regex + calendar arithmetic): they are exact, fast and do what
# conversation means ("last Tuesday" = the most recent Tuesday before the session). dateparser is
# only a fallback for absolute spellings we do not cover, imported lazily (it is slow to import)
# and cached per (text, base date).


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(_MONTHS)} | {"sept": 9}
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "a couple of": 2, "a couple": 2, "couple of": 2, "a few": 3, "few": 3, "several": 3,
    "a pair of": 2,
}
#: meteorological seasons (northern hemisphere): name → first month
_SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}


@dataclass(frozen=True)
class ResolvedTime:
    """A time expression resolved against a base (session) date.

    ``start``/``end`` bound the interval the expression names, both inclusive at day resolution
    (``end`` is midnight of the last day): "in March" → Mar 1 … Mar 31, granularity ``month``;
    "yesterday" → start == end. ``open_ended`` marks "since 2019" (true from start onwards);
    ``future`` marks expressions after the base ("next Friday").
    """

    text: str
    start: datetime
    end: datetime
    granularity: Granularity
    open_ended: bool = False
    future: bool = False

    @property
    def day(self) -> date:
        """The first day of the interval."""
        return self.start.date()


def _midnight(d: date | datetime) -> datetime:
    return datetime(d.year, d.month, d.day)


def _add_months(d: date, months: int) -> date:
    """Calendar month shift clamping the day (Mar 31 − 1 month → Feb 28/29)."""
    idx = d.year * 12 + (d.month - 1) + months
    year, month = divmod(idx, 12)
    month += 1
    day = min(d.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def _month_interval(year: int, month: int) -> tuple[datetime, datetime]:
    last = calendar.monthrange(year, month)[1]
    return datetime(year, month, 1), datetime(year, month, last)


def _season_interval(year: int, season: str) -> tuple[datetime, datetime]:
    first = _SEASONS[season]
    start = date(year, first, 1)
    end = _add_months(start, 2)
    return _midnight(start), datetime(end.year, end.month, calendar.monthrange(end.year, end.month)[1])


def _number(word: str) -> int | None:
    word = re.sub(r"\s+", " ", word.strip().lower())
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word)


def _weekday_index(word: str) -> int:
    word = word.lower()
    for i, name in enumerate(_WEEKDAYS):
        if name.startswith(word[:3]):
            return i
    raise ValueError(f"not a weekday: {word!r}")


def _month_index(word: str) -> int:
    word = word.lower().rstrip(".")
    for i, name in enumerate(_MONTHS):
        if word == name:
            return i + 1
    if word[:4] in _MONTH_ABBR:
        return _MONTH_ABBR[word[:4]]
    if word[:3] in _MONTH_ABBR:
        return _MONTH_ABBR[word[:3]]
    raise ValueError(f"not a month: {word!r}")


_NUM = r"(?:\d{1,3}|a couple of|a couple|couple of|a few|a pair of|several|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_WD = r"(?:mon|tues|tue|wednes|wed|thurs|thu|fri|satur|sat|sun)(?:day)?"
_MON = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_ORD = r"(?:\d{1,2})(?:st|nd|rd|th)?"
_SEASON = r"(?:spring|summer|fall|autumn|winter)"

#: (kind, pattern) in priority order; longer, more specific patterns first
_PATTERNS: list[tuple[str, str]] = [
    ("day_before_yesterday", r"(?:the\s+)?day\s+before\s+yesterday"),
    ("day_after_tomorrow", r"(?:the\s+)?day\s+after\s+tomorrow"),
    ("ago", rf"(?P<n>{_NUM})\s+(?P<unit>day|week|weekend|month|year|fortnight)s?\s+(?:ago|back|before\s+today)"),
    ("weekdays_ago", rf"(?P<n>{_NUM})\s+(?P<wd>(?:mon|tues|wednes|thurs|fri|satur|sun)day)s\s+ago"),
    ("ago_half", r"(?:a\s+)?(?:half\s+a|half\s+an)\s+(?P<unit>year|month)\s+ago"),
    ("in_n", rf"(?:in|within)\s+(?P<n>{_NUM})\s+(?P<unit>day|week|month|year)s?(?:'?\s+time)?"),
    ("from_now", rf"(?P<n>{_NUM})\s+(?P<unit>day|week|month|year)s?\s+from\s+now"),
    ("full_date", rf"(?:on\s+)?(?:(?:the\s+)?(?P<d1>{_ORD})\s+(?:of\s+)?(?P<m1>{_MON})|(?P<m2>{_MON})\.?\s+(?:the\s+)?(?P<d2>{_ORD}))(?:,?\s+(?P<y>(?:19|20)\d{{2}}))?(?![\w:])"),
    ("iso_date", r"(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"),
    ("slash_date", r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>(?:19|20)?\d{2})(?![\d/])"),
    ("weekend_rel", r"(?P<which>last|this|next|this\s+past|this\s+coming|over\s+the|the\s+past)\s+weekend"),
    ("weekday_rel", rf"(?P<which>last|this|next|this\s+past|this\s+coming|on|past)\s+(?P<wd>{_WD})(?P<part>\s+(?:morning|afternoon|evening|night))?"),
    ("earlier_this", r"(?P<which>earlier|later)\s+this\s+(?P<unit>week|month|year)"),
    ("period_rel", r"(?P<which>last|this|next|past)\s+(?P<unit>week|month|year)"),
    ("early_month", rf"(?P<part>early|mid|late|the\s+(?:beginning|start|middle|end)\s+of)[\s-]+(?P<mon>{_MON})(?:\s+(?P<y>(?:19|20)\d{{2}}))?"),
    ("month_rel", rf"(?P<which>last|this|next|in|since|during|back\s+in|in\s+early|in\s+late|in\s+mid)\s*-?\s*(?P<mon>{_MON})(?:\s+(?P<y>(?:19|20)\d{{2}}))?(?![\w])"),
    ("season_rel", rf"(?P<which>last|this|next|in\s+the|during\s+the|over\s+the|this\s+past)\s+(?P<season>{_SEASON})(?:\s+(?:of\s+)?(?P<y>(?:19|20)\d{{2}}))?"),
    ("season_year", rf"(?:in\s+)?(?P<season>{_SEASON})\s+(?:of\s+)?(?P<y>(?:19|20)\d{{2}})"),
    ("month_year", rf"(?P<mon>{_MON})\s+(?P<y>(?:19|20)\d{{2}})"),
    ("year", r"(?P<which>in|since|during|back\s+in|of)\s+(?P<y>(?:19|20)\d{2})(?![\d/-])"),
    ("part_of_day", r"(?P<which>this|last|yesterday|tomorrow)\s+(?P<part>morning|afternoon|evening|night)"),
    ("tonight", r"tonight"),
    ("yesterday", r"yesterday"),
    ("today", r"(?:earlier\s+|later\s+)?today"),
    ("tomorrow", r"tomorrow"),
    ("bare_weekday", rf"(?P<wd>{_WD})"),
]
_COMPILED = [(kind, re.compile(rf"\b{pat}\b", re.IGNORECASE)) for kind, pat in _PATTERNS]
#: the bare month name "may" is a modal verb; only resolve it with a preposition or day number
_FULL_WEEKDAY = re.compile(r"^(?:mon|tues|wednes|thurs|fri|satur|sun)day$", re.IGNORECASE)


def _resolve_match(kind: str, m: re.Match[str], base: datetime) -> ResolvedTime | None:
    """Turn one pattern match into a :class:`ResolvedTime` relative to ``base``."""
    text = m.group(0)
    today = base.date()
    g = m.groupdict()

    def day(d: date, gran: Granularity = "day", future: bool = False) -> ResolvedTime:
        return ResolvedTime(text, _midnight(d), _midnight(d), gran, future=future)

    if kind == "weekdays_ago":
        n = _number(g["n"])
        if n is None:
            return None
        wd = _weekday_index(g["wd"])
        delta = (today.weekday() - wd) % 7 or 7
        return day(today - timedelta(days=delta + 7 * (n - 1)))
    if kind == "yesterday":
        return day(today - timedelta(days=1))
    if kind == "today" or kind == "tonight":
        return day(today)
    if kind == "tomorrow":
        return day(today + timedelta(days=1), future=True)
    if kind == "day_before_yesterday":
        return day(today - timedelta(days=2))
    if kind == "day_after_tomorrow":
        return day(today + timedelta(days=2), future=True)
    if kind == "part_of_day":
        which = g["which"].lower()
        part = g["part"].lower()
        if which == "yesterday" or (which == "last" and part == "night"):
            return day(today - timedelta(days=1))
        if which == "last":  # "last morning" is unusual; treat like yesterday
            return day(today - timedelta(days=1))
        if which == "tomorrow":
            return day(today + timedelta(days=1), future=True)
        return day(today)
    if kind in ("ago", "in_n", "from_now", "ago_half"):
        unit = g["unit"].lower()
        if kind == "ago_half":
            n_months = 6 if unit == "year" else 0
            if unit == "month":
                return day(today - timedelta(days=15), "week")
            return day(_add_months(today, -n_months), "month")
        n = _number(g["n"])
        if n is None:
            return None
        sign = -1 if kind == "ago" else 1
        future = sign > 0
        if unit == "day":
            return day(today + timedelta(days=sign * n), "day", future)
        if unit == "week":
            return day(today + timedelta(weeks=sign * n), "week", future)
        if unit == "fortnight":
            return day(today + timedelta(weeks=sign * 2 * n), "week", future)
        if unit == "weekend":
            # "two weekends ago": the weekend n weeks before the most recent one
            sat = _last_weekend_saturday(today) - timedelta(weeks=n - 1)
            return ResolvedTime(text, _midnight(sat), _midnight(sat + timedelta(days=1)), "day")
        if unit == "month":
            return day(_add_months(today, sign * n), "month", future)
        return day(_add_months(today, sign * 12 * n), "year", future)
    if kind == "full_date":
        mon = _month_index(g["m1"] or g["m2"])
        dnum = int(re.sub(r"\D", "", g["d1"] or g["d2"]))
        if g["y"]:
            year = int(g["y"])
        else:
            # the most recent such date not after the session, unless clearly future text
            year = today.year if (mon, dnum) <= (today.month, today.day) else today.year - 1
        try:
            return day(date(year, mon, dnum))
        except ValueError:
            return None
    if kind in ("iso_date", "slash_date"):
        y = int(g["y"])
        if y < 100:
            y += 2000
        try:
            return day(date(y, int(g["m"]), int(g["d"])))
        except ValueError:
            return None
    if kind == "weekend_rel":
        which = re.sub(r"\s+", " ", g["which"].lower())
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
            fut = False
        else:  # last
            sat = _last_weekend_saturday(today)
            fut = False
        return ResolvedTime(text, _midnight(sat), _midnight(sat + timedelta(days=1)), "day", future=fut)
    if kind == "weekday_rel" or kind == "bare_weekday":
        wd_text = g["wd"]
        if kind == "bare_weekday" and not _FULL_WEEKDAY.match(wd_text):
            return None  # "sat"/"sun"/"wed" alone are usually ordinary words
        wd = _weekday_index(wd_text)
        which = re.sub(r"\s+", " ", (g.get("which") or "on").lower())
        if which in ("next", "this coming"):
            delta = (wd - today.weekday()) % 7 or 7
            return day(today + timedelta(days=delta), future=True)
        if which == "this":
            # the weekday of the current (Monday-first) week
            d = today - timedelta(days=today.weekday()) + timedelta(days=wd)
            return day(d, future=d > today)
        # last / this past / past / on / bare: the most recent such day before the session
        delta = (today.weekday() - wd) % 7 or 7
        return day(today - timedelta(days=delta))
    if kind == "period_rel" or kind == "earlier_this":
        unit = g["unit"].lower()
        which = g["which"].lower()
        shift = {"last": -1, "past": -1, "next": 1}.get(which, 0)
        if unit == "week" and which in ("last", "past") and kind == "period_rel":
            # conversational "last week" dates a thing to about seven days before (day-exact
            # arithmetic downstream); the granularity says it is approximate
            d = today - timedelta(days=7)
            return ResolvedTime(text, _midnight(d), _midnight(d), "week")
        if unit == "week":
            monday = today - timedelta(days=today.weekday()) + timedelta(weeks=shift)
            start, end = _midnight(monday), _midnight(monday + timedelta(days=6))
            gran: Granularity = "week"
        elif unit == "month":
            first = _add_months(today.replace(day=1), shift)
            start, end = _month_interval(first.year, first.month)
            gran = "month"
        else:
            y = today.year + shift
            start, end = datetime(y, 1, 1), datetime(y, 12, 31)
            gran = "year"
        if which == "earlier":
            end = _midnight(today)
        elif which == "later":
            start = _midnight(today)
        return ResolvedTime(text, start, end, gran, future=shift > 0 or which == "later")
    if kind in ("month_rel", "early_month", "month_year"):
        mon_text = g["mon"]
        if mon_text.lower() == "may" and kind == "month_rel" and g["which"].lower() in ("this", "in"):
            pass  # "in May" is a month; "this may" is rare enough to accept
        mon = _month_index(mon_text)
        which = re.sub(r"\s+", " ", (g.get("which") or "in").lower())
        if g.get("y"):
            year = int(g["y"])
        elif which == "next":
            year = today.year if mon > today.month else today.year + 1
        elif which == "last":
            year = today.year if mon < today.month else today.year - 1
        elif which == "this":
            year = today.year
        else:
            year = today.year if mon <= today.month else today.year - 1
        start, end = _month_interval(year, mon)
        part = (g.get("part") or "").lower()
        if "early" in which or part in ("early",) or "beginning" in part or "start" in part:
            end = datetime(year, mon, 10)
        elif "late" in which or part == "late" or "end" in part:
            start = datetime(year, mon, 21)
        elif "mid" in which or part == "mid" or "middle" in part:
            start, end = datetime(year, mon, 11), datetime(year, mon, 20)
        return ResolvedTime(text, start, end, "month", open_ended=which == "since",
                            future=start > base)
    if kind in ("season_rel", "season_year"):
        season = g["season"].lower()
        first_month = _SEASONS[season]
        which = re.sub(r"\s+", " ", (g.get("which") or "in the").lower())
        if g.get("y"):
            year = int(g["y"])
        else:
            # year of the most recent season that has started by the session date
            cur_start = date(today.year, first_month, 1)
            if cur_start > today:
                cur_start = date(today.year - 1, first_month, 1)
            year = cur_start.year
            s_end = _add_months(cur_start, 3)
            in_progress = s_end > today
            if which == "last" and in_progress:
                year -= 1
            elif which == "next":
                year += 1
        start, end = _season_interval(year, season)
        return ResolvedTime(text, start, end, "season", future=start > base)
    if kind == "year":
        year = int(g["y"])
        which = g["which"].lower()
        return ResolvedTime(text, datetime(year, 1, 1), datetime(year, 12, 31), "year",
                            open_ended=which == "since", future=year > today.year)
    return None


def _recent_weekend_saturday(today: date) -> date:
    """Saturday of the most recent weekend not after ``today`` (the current one on Sat/Sun)."""
    return today - timedelta(days=(today.weekday() - 5) % 7)


def _last_weekend_saturday(today: date) -> date:
    """Saturday of "last weekend": the previous one when said during a weekend."""
    sat = _recent_weekend_saturday(today)
    if today.weekday() >= 5:
        sat -= timedelta(days=7)
    return sat


@dataclass(frozen=True)
class TimeSpan:
    """A time expression found in text: character offsets plus its resolution."""

    start_char: int
    end_char: int
    resolved: ResolvedTime


def find_time_expressions(text: str, base: datetime) -> list[TimeSpan]:
    """All time expressions in ``text`` resolved against ``base``, left to right, non-overlapping.

    Earlier patterns in the priority list win over later ones on overlapping spans.
    """
    taken: list[tuple[int, int]] = []
    found: list[TimeSpan] = []
    for kind, rx in _COMPILED:
        for m in rx.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            resolved = _resolve_match(kind, m, base)
            if resolved is None:
                continue
            taken.append((s, e))
            found.append(TimeSpan(s, e, resolved))
    found.sort(key=lambda t: t.start_char)
    return found


def resolve_time(text: str, base: datetime) -> ResolvedTime | None:
    """Resolve one time expression (e.g. ``"last Tuesday"``) against the session date ``base``.

    Our own rules cover relative expressions; anything else goes to dateparser (past-preferring,
    relative to ``base``). Returns ``None`` when nothing in the text is a date.
    """
    if base.tzinfo is not None:
        raise ValueError("base must be a naive datetime")
    spans = find_time_expressions(text, base)
    if spans:
        return spans[0].resolved
    return _dateparser_fallback(text.strip(), base.replace(second=0, microsecond=0))


@lru_cache(maxsize=4096)
def _dateparser_fallback(text: str, base: datetime) -> ResolvedTime | None:
    """dateparser for absolute spellings our rules miss; only called on short candidate spans."""
    if not text or len(text) > 60 or not re.search(r"\d|" + _MON, text, re.IGNORECASE):
        return None  # why: dateparser happily parses ordinary words as dates
    import dateparser  # lazy: slow import

    parsed = dateparser.parse(
        text,
        settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False},
    )
    if parsed is None:
        return None
    parsed = parsed.replace(tzinfo=None)
    return ResolvedTime(text, _midnight(parsed), _midnight(parsed), "day", future=parsed > base)


# =========================================================================== interval arithmetic


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
    """Whole calendar months from ``a`` to ``b`` (Jan 15 → Mar 15 is 2; Jan 20 → Feb 19 is 0; a month-end counts as a full month: Jan 31 → Feb 28 is 1)."""
    da, db = _as_date(a), _as_date(b)
    if db < da:
        return -months_between(db, da)
    months = (db.year - da.year) * 12 + (db.month - da.month)
    if db.day < da.day and not (db.day == calendar.monthrange(db.year, db.month)[1]):
        months -= 1
    return months


def describe_delta(a: datetime | date, b: datetime | date) -> str:
    """Say how ``a`` relates to ``b``: ``"45 days (6 weeks) before"``, ``"3 days after"``,
    ``"the same day"``; months are added past ~2 months ("75 days (11 weeks, 2 months) before")."""
    days = days_between(a, b)
    if days == 0:
        return "the same day"
    direction = "before" if days > 0 else "after"
    n = abs(days)
    unit = "day" if n == 1 else "days"
    extras: list[str] = []
    if n >= 7:
        w = abs(weeks_between(a, b))
        extras.append(f"{w} week{'s' if w != 1 else ''}")
    if n >= 60:
        mo = abs(months_between(a, b))
        extras.append(f"{mo} month{'s' if mo != 1 else ''}")
    extra = f" ({', '.join(extras)})" if extras else ""
    return f"{n} {unit}{extra} {direction}"
