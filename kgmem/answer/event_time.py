"""When the thing a line tells happened, for event matching.

A line's own past time expression dates it (:attr:`kgmem.answer.evidence.Line.when`); a line without
one borrows the next actual sentence's of the same turn ("The kitchen is DONE! The last cabinet
went in on Friday"). Two readings are added here:

- **Scheduled lines.** The resolver reads a bare "on Tuesday", "on the 22nd" or "on the 3rd of June"
  as the most recent one, which is right for "I got back on Tuesday" and wrong for "Flying out to
  Lisbon on Tuesday" or "exams start on monday": a sentence with no past-tense verb and no past
  marker means the coming one. :func:`scheduled` gives that date.
- **Planned days.** "We leave for Lake Garda a week on Monday": a plan naming a coming day
  (:func:`planned_day`) dates the event when a later line says it happened.
- Whether a scheduled event *happened* is the caller's question (:mod:`kgmem.answer.events` asks
  for a later line that continues the story); a scheduled line no later line confirms is a plan.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from functools import lru_cache

from kgmem import temporal
from kgmem.answer.dropped_subject import reread_as_speaker
from kgmem.answer.event_clause import CLAUSE_PUNCTUATION
from kgmem.answer.evidence import EvidenceSet, Line
from kgmem.answer.match import IRREGULAR
from kgmem.retrieval.question import nlp as question_nlp
from kgmem.temporal.frame import lingering_aftermath, same_past_verbs

#: bare calendar expressions the resolver reads as the most recent one
_BARE_KINDS = {"weekday_rel", "bare_weekday", "day_ordinal", "full_date", "month_rel"}
#: words in or around the expression that fix it in the past ("last Tuesday", "since Monday")
_PAST_MARK = re.compile(r"\b(?:last|past|ago|since|previous|yesterday|was|were|did|had|been)\b", re.I)
_NOT_PAST = {"read", "born", "knives", "wives", "leaves", "shelves", "men", "women", "children", "feet", "teeth", "mice",
             "geese", "people"}
#: a chat sentence that starts with its verb ("Ran the half on Sunday!") is often mis-tagged: a
#: first word in the past form says it
_PAST_FORMS = "|".join(w for w, base in IRREGULAR.items() if w != base and w not in _NOT_PAST)
_LEAD_PAST = re.compile(r"^\W*(?:(?:just|finally|also|so|and|then)\s+)*([a-z]+ed|" + _PAST_FORMS + r")\b", re.I)
#: any past form in the sentence ("booked it, flying out Tuesday" stays as told): no parse needed
_ANY_PAST = re.compile(r"\b(?:[a-z]{3,}(?<!e)ed|" + _PAST_FORMS + r")\b", re.I)


def past_marked(text: str) -> bool:
    """Whether a sentence has a word that fixes what it tells in the past ("last", "ago", "was" …)."""
    return bool(_PAST_MARK.search(text))


def when(line: Line, ev: EvidenceSet) -> tuple[datetime, str, bool]:
    """A line's event time: its own, else the next actual sentence's of the same turn, else the
    turn's one dated sentence before it."""
    if line.dated_by_text:
        return line.when, line.granularity, True
    siblings = ev.turn_lines(line.turn_id)
    after = [s for s in siblings if s.position > line.position and s.actuality == "actual" and s.dated_by_text]
    if after:
        return after[0].when, after[0].granularity, True
    # "I did a silly thing on bonfire night. I went out into the garden …": a turn whose one dated
    # sentence comes before the line tells the story of that day
    dated = [s for s in siblings if s.dated_by_text]
    if len(dated) == 1 and dated[0].position < line.position and (dated[0].actuality == "actual" or (
            dated[0].actuality == "other" and dated[0].position == line.position - 1 and line.actuality == "actual")):
        # (a clause cut from someone else's dated doing tells the user's part on that day: "My sister
        # got married on Saturday, I was her maid of honour")
        return dated[0].when, dated[0].granularity, True
    return line.when, line.granularity, False


def scheduled(line: Line) -> tuple[datetime, str] | None:
    """The coming date (and its granularity) a non-past sentence names with a bare calendar expression ("flying out on
    Tuesday" said on a Sunday → that Tuesday), or ``None``."""
    return _scheduled(line.text, line.said_at)


def scheduled_text(text: str, said_at: datetime) -> tuple[datetime, str] | None:
    """:func:`scheduled` for a text (a clause of a line) said at ``said_at``."""
    return _scheduled(text, said_at)


@lru_cache(maxsize=2048)
def _scheduled(text: str, said_at: datetime) -> tuple[datetime, str] | None:
    spans = [s for s in temporal.find_time_expressions(text, said_at) if not s.resolved.future]
    if not spans or _PAST_MARK.search(text):
        return None
    span = spans[0]
    r = span.resolved
    start, end = _clause_around(text, span.start_char)
    if r.kind not in _BARE_KINDS or re.search(r"\d{4}", r.text) or _past_tense(text[start:end], span.start_char - start):
        return None
    point = r.start
    step = {"weekday_rel": 7, "bare_weekday": 7, "day_ordinal": 0, "full_date": 0, "month_rel": 0}[r.kind]
    while point.date() < said_at.date():
        if step:
            point += timedelta(days=step)
        elif r.kind == "day_ordinal":
            point = _add_month(point)
        else:
            point = point.replace(year=point.year + 1)
    return (point, r.granularity) if point.date() > said_at.date() else None


#: where a sentence's clauses meet: a comma, semicolon or dash, or "and/but/so" before a new clause
_CLAUSE_EDGE = re.compile(CLAUSE_PUNCTUATION + r"|\s+(?:and|but|so)\s+(?=(?:I|we|he|she|they|now|then)\b)", re.I)


def _clause_around(text: str, at: int) -> tuple[int, int]:
    """The span of the clause of ``text`` holding position ``at``: "I moved my flight, I now fly
    out on Sunday" — the day is the coming one whatever tense the clause before it has."""
    start, end = 0, len(text)
    for m in _CLAUSE_EDGE.finditer(text):
        if m.end() <= at:
            start = m.end()
        elif m.start() >= at:
            end = m.start()
            break
    if len(re.findall(r"[A-Za-z']+", text[start:end])) < 4:
        return 0, len(text)  # "Thursday, we drove up …": a time alone is no clause of its own
    return start, end


def planned_day(line: Line) -> tuple[datetime, str] | None:
    """The day a plan names ("We leave for Lake Garda a week on Monday", "tomorrow i fly to
    Krakow"): its first time expression when that is a coming day, and the sentence has no past
    marker. Whether it happened is the caller's question (a later line continues the story)."""
    if _PAST_MARK.search(line.text):
        return None
    spans = temporal.find_time_expressions(line.text, line.said_at)
    if not spans or not spans[0].resolved.future or spans[0].resolved.granularity != "day":
        return None
    return spans[0].resolved.start, "day"


def _add_month(d: datetime) -> datetime:
    y, m = (d.year + 1, 1) if d.month == 12 else (d.year, d.month + 1)
    try:
        return d.replace(year=y, month=m)
    except ValueError:  # the 31st of a shorter month: the one after
        return _add_month(d.replace(year=y, month=m, day=1)).replace(day=d.day)


def _past_tense(text: str, at: int) -> bool:
    """Whether the verb the time expression at ``at`` belongs to is in the past tense (the
    tagger; ``True`` without one, so nothing is re-dated blindly)."""
    if _LEAD_PAST.match(text) or _ANY_PAST.search(text) or lingering_aftermath(text, at):
        return True  # a past form is there, or a lingering aftermath: the tagger is asked only for sentences without
    nlp = question_nlp()
    if nlp is None:
        return True
    doc = nlp(text)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is not None and root.i == 0 and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in root.children) \
            and any(t.dep_ == "ROOT" and t.tag_ == "VBD" for t in reread_as_speaker(text)):
        return True  # "Tore a calf muscle sprinting for the bus on Saturday": the opening verb, read with its doer
    tok = next((t for t in doc if t.idx >= at), None)
    # spaCy makes a new Token object on each access, so the root is found by index: "tok.head is
    # not tok" never ended on a root that is no verb (an endless loop on "is it on Friday?")
    while tok is not None and tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    if tok is None or tok.pos_ not in ("VERB", "AUX"):
        return any(t.tag_ == "VBD" for t in doc)
    while tok.tag_ == "VBG" and tok.dep_ in ("advcl", "xcomp", "acl", "pcomp") and tok.head.i != tok.i:
        tok = tok.head  # "Fell off the ladder clearing the gutters on Saturday": the tense of the verb it hangs from
    return (tok.tag_ in ("VBD", "VBN") or tok.lower_ in _same_past()
            or any(c.tag_ == "VBD" and c.dep_ in ("aux", "auxpass") for c in tok.children))


def _same_past() -> frozenset[str]:
    """Verbs whose past form is their base ("I quit coffee on Friday" may well be past)."""
    return same_past_verbs()
