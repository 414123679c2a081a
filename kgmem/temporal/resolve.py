"""Relative and partial time expressions resolved against a base (session) date.

Resolution rules are our own (regex + calendar arithmetic): they are exact, fast and do what
conversation means ("last Tuesday" = the most recent Tuesday before the session). The patterns live
in :mod:`kgmem.temporal.patterns`, one small resolver per pattern kind in
:mod:`kgmem.temporal.resolvers`; this module runs them over a text. dateparser is only a fallback for
absolute spellings we do not cover, imported lazily (it is slow to import) and cached.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache

from kgmem.temporal.compose import compose
from kgmem.temporal.dates import midnight
from kgmem.temporal.patterns import COMPILED, MON
from kgmem.temporal.resolvers import RESOLVERS
from kgmem.temporal.types import ResolvedTime, TimeSpan


def _resolve_match(kind: str, m: re.Match[str], base: datetime) -> ResolvedTime | None:
    """Turn one pattern match into a :class:`ResolvedTime` relative to ``base``."""
    resolved = RESOLVERS[kind](m, base.date(), base)
    if resolved is None:
        return None
    return ResolvedTime(resolved.text, resolved.start, resolved.end, resolved.granularity,
                        resolved.open_ended, resolved.future, kind, resolved.anchor, resolved.ahead)


def find_time_expressions(text: str, base: datetime) -> list[TimeSpan]:
    """All time expressions in ``text`` resolved against ``base``, left to right, non-overlapping.

    Earlier patterns in the priority list win over later ones on overlapping spans. Results are
    kept per (text, base): the answer side reads the same evidence sentences several times per
    question (each ~0.2 ms of regex work); the spans are frozen values, the list a fresh copy.
    """
    return list(_find_cached(text, base))


@lru_cache(maxsize=16384)
def _find_cached(text: str, base: datetime) -> tuple[TimeSpan, ...]:
    return tuple(_find(text, base))


def _find(text: str, base: datetime) -> list[TimeSpan]:
    taken: list[tuple[int, int]] = []
    found: list[TimeSpan] = []
    for kind, rx in COMPILED:
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
    return compose(text, found, base.date())


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
    if not text or len(text) > 60 or not re.search(r"\d|" + MON, text, re.IGNORECASE):
        return None  # why: dateparser happily parses ordinary words as dates
    import dateparser  # lazy: slow import

    parsed = dateparser.parse(
        text,
        settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False},
    )
    if parsed is None:
        return None
    parsed = parsed.replace(tzinfo=None)
    return ResolvedTime(text, midnight(parsed), midnight(parsed), "day", future=parsed > base,
                        kind="dateparser")
