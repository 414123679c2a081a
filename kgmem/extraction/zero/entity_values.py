"""Values of another person's or thing's attribute, filled by the attribute's kind.

The user's fillers (:mod:`.values`) read most of them; a few readings are only right for someone
else's attribute or for a thing's: another person's common-noun workplace ("works at a bakery"),
another person's ride ("Dan's been taking the tram": the user's commute needs a cue of work), a
provider NER calls a person ("our internet is with Zing"), a venue with its qualifier ("a
vineyard in Napa"), a day with its time ("at 8 on Thursday").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kgmem.extraction.zero.clauses import Clause
from kgmem.extraction.zero.entity_readings import extend_place, proper_after, when_span
from kgmem.extraction.zero.entity_said import (
    WORK_VERBS,
    employer_name,
    job_said,
    someones_place,
    works_for,
)
from kgmem.extraction.zero.nlp import entity_at
from kgmem.extraction.zero.value_parse import NOT_NAMES, Value
from kgmem.extraction.zero.values import fill
from kgmem.extraction.zero.values_amounts import _WHEN_RX
from kgmem.lexicon import calendar, called_off

if TYPE_CHECKING:
    from spacy.tokens import Token

_NOT_WORKPLACES = frozenset({"home", "night", "nights", "weekend", "weekends", "moment", "time", "hour", "hours",
                             "week", "day", "days", "shift", "shifts", "job", "place", "end"})
_RIDES = re.compile(r"\b(?:tak(?:e|es|ing)|took|rid(?:e|es|ing)|rode|catch(?:es|ing)?|caught)\s+(?:the\s+|a\s+|his\s+|her\s+)?"
                    r"(tram|bus|train|tube|subway|metro|ferry|bike|scooter)\b", re.IGNORECASE)


#: states of an order, request or repair the user's status lexicon does not hold
_MORE_STATES = re.compile(r"\b(?:turned\s+up|showed\s+up|got\s+here|on\s+(?:its|the|their)\s+way|en\s+route|escalated|back[- ]?ordered|out\s+of\s+stock|"
                          r"with\s+the\s+courier|in\s+the\s+post|being\s+(?:printed|processed|reviewed|repaired|"
                          r"fixed|shipped|prepared|built|made)|awaiting\s+(?:approval|parts|payment|review|delivery)|"
                          # "it's waiting on a part", "still waiting for parts": the thing waits, its state
                          r"waiting\s+(?:on|for)\s+(?:a\s+|the\s+|some\s+)?(?:parts?|approval|payment|review|"
                          r"delivery|stock|sign[- ]off|a\s+decision|decision|collection|paperwork|documents))\b",
                          re.IGNORECASE)
#: a state quoted from a tracker or portal ("tracking just says 'in transit'", "status says 'waiting for parts'")
_QUOTED_STATE = re.compile(r"\b(?:status|tracking|tracker|portal|app|website|system|it)\s+(?:just\s+|now\s+|still\s+)?"
                           r"(?:says|shows|reads|is|=)\s*(?:as\s+)?[:]?\s*['\"‘“]([^'\"’”]{3,40})['\"’”]", re.IGNORECASE)


#: words that say where someone lives, for an address NER does not call a place
_LIVES = re.compile(r"\b(?:lives?|living|address|moved\s+(?:in)?to)\b", re.IGNORECASE)


#: words before a time that mark it as the old one ("thursday now instead of wednesday")
_OLD_TIME = re.compile(r"(?:instead\s+of|rather\s+than|\bnot|\bfrom|no\s+longer|\bwas|used\s+to\s+be|originally)\s*$",
                       re.IGNORECASE)
_TO_HOUR = re.compile(r"\bto\s+(\d{1,2})(?![\d:%]|\s*(?:%|percent|people|of|minutes?|hours?|days?|weeks?))\b")


def new_time(clause: Clause) -> list[Value]:
    """The new time a clause gives when it also names the old one ("coming thursday now instead of
    wednesday", "moved from 9:30 to 10"); empty when it names one time or none."""
    text = clause.text
    hits = [(m.start(), m.group(0).strip()) for m in _WHEN_RX.finditer(text) if m.group(0).strip()]
    if clause.head.lemma_.lower() in ("move", "push", "bump", "shift", "change", "reschedule"):
        hits += [(m.start(1), m.group(1)) for m in _TO_HOUR.finditer(text)]  # "moved … to 10"
    if len(hits) < 2:
        return []
    fresh = [(i, h) for i, h in sorted(hits) if not _OLD_TIME.search(text[max(0, i - 20): i])]
    if not fresh or len(fresh) == len(hits):
        return []
    to = [(i, h) for i, h in fresh if re.search(r"\bto\s*$", text[max(0, i - 5): i])]
    return [((to or fresh)[0][1], None)]


#: verbs of leaving a job, and those said with a particle ("jacked in kitchens", "gave up teaching at Eton"): the one
#: leaving lexicon's "leave_work" sense (kgmem/resources/lexicon/called_off.json)
_QUIT = frozenset(v for v, rests in called_off.verb_rests("leave_work").items() if "" in rests)
_QUIT_WITH = {v: min(rests) for v, rests in called_off.verb_rests("leave_work").items() if "" not in rests}


def leaving_verb(t: Token) -> bool:
    """A verb of leaving a job, with its particle where it needs one ("quit", "packed in"; not
    "gave her a lift")."""
    lemma = t.lemma_.lower()
    particle = _QUIT_WITH.get(lemma)
    if t.pos_ != "VERB" or lemma not in _QUIT and particle is None:
        return False
    return lemma in _QUIT or any(c.dep_ in ("prt", "prep") and c.lower_ == particle for c in t.children)


def _left(clause: Clause) -> set[str]:
    """Names a clause says someone left ("Zara left Deloitte", "quit the bakery", "packed in her
    job at Aldi", "jacked in kitchens"): what was left and where it was."""
    out: set[str] = set()
    for t in clause.tokens:
        if not leaving_verb(t):
            continue
        particle = _QUIT_WITH.get(t.lemma_.lower())
        objs = [c for c in t.children if c.dep_ == "dobj"] \
            + [g for c in t.children if c.dep_ == "prep" and c.lower_ == particle for g in c.children if g.dep_ == "pobj"]
        places = [g for o in [t, *objs] for c in o.children if c.dep_ == "prep" and c.lower_ in ("at", "with")
                  for g in c.children if g.dep_ == "pobj"]
        for c in [*objs, *places]:
            words = [w for w in c.subtree if w.dep_ not in ("det", "poss")]
            out |= {" ".join(w.text for w in c.subtree if w.dep_ not in ("det", "poss")), c.text,
                    "".join(w.text_with_ws for w in words).strip()}  # "St Mary's" as written
    return out


def entity_values(attr: str, kind: str, clause: Clause, own: set[str], person: bool) -> list[Value]:
    """Values of ``attr`` in the clause: never one of the entity's ``own`` names or their words,
    nor a day or time as a venue; ``person``: the entity is a person."""
    values = [v for v in fill(kind, clause) if v[0].casefold() not in own]
    if kind == "money":
        # "£95 a night" is a nightly price; the currency is the one the user wrote ("£1,250", not "1250")
        values = [(with_currency(v, clause.text) + _rate(v, clause.text), t) for v, t in values]
    if kind == "when":
        values = new_time(clause) or values
        if values and (span := when_span(clause)) and values[0][0] in span:
            values = [(span, values[0][1])]  # "at 8 on Thursday": the day with its time
        values = [(whole_time(every(v, clause.text), clause.text), t) for v, t in with_ranges(values, clause.text)]
    if attr == "venue" and (home := someones_place(clause)):
        # "at Fiona's": her home first, not "s this month"; the others stay ("moved Jean to the rehab unit at St Luke's")
        values = [(home, "place"), *(v for v in values if not v[0].startswith("s ") and v[0] not in home)]
    if attr == "venue":
        span = when_span(clause) or ""
        values = [(extend_place(v, clause), t) for v, t in values if not _is_time(v, clause)
                  and not (v.split()[0].isdigit() and v.split()[0] in span.split())  # "at 9 btw" is a time
                  and not re.match(r"\d+\s+[a-z]", v)]  # "10 people" is a number of things, "14 Elm Road" a place
    if attr == "works_at" and person and (named := _workplace(clause, proper=True)):
        values = [*named, *(v for v in values if v[0] != named[0][0])]  # "works for Deliveroo in their data team"
    if not values and attr == "works_at" and person:
        values = _workplace(clause) or _job_place(clause)
    if not values and attr == "job_title" and person and (job := job_said(clause)):
        values = [(job, None)]  # "she's a route setter now", "as a health visitor"
    if not values and attr == "works_at" and person and (name := works_for(clause)) and name.casefold() not in own:
        values = [(name, "org")]  # "he's driving vans for Ocado now"
    if not values and attr == "commute" and person and (m := _RIDES.search(clause.text)):
        values = [(m.group(1).lower(), None)]  # "Dan's been taking the tram"
    if attr == "works_at" and person:
        values = [v for v in values if v[0] not in _left(clause)]  # "Zara left Deloitte": not there now
    if attr == "lives_in" and person and clause.head.lemma_.lower() in ("live", "reside") \
            and (lived := proper_after(clause, frozenset({"in", "at"}))) is not None and lived.casefold() not in own:
        # "Benedek lives in Debrecen, two hours from Budapest": where the verb of living says, whatever NER calls it
        values = [(lived, "place"), *(v for v in values if v[0] != lived)]
    if not values and attr == "lives_in" and person and _LIVES.search(clause.text):
        values = [(v, "place") for v, _ in fill("where", clause) if v.casefold() not in own]  # "lives at 14 Elm Road"
    if attr == "lives_in" and person and not _LIVES.search(clause.text):
        values = [v for v in values if not _org(v[0], clause)]  # "Kwame works at Halfords" lives elsewhere
    if not values and attr == "works_at" and person:
        values = _at_org(clause)  # "Josh is still at Deliveroo"
    if attr in ("lives_in", "venue"):
        values = [(numbered(v, clause.text), t) for v, t in values]  # "22 Ferry Road", "room 14"
    if attr == "venue":
        values = [(_owned_place(v, clause.text), t) for v, t in values]  # "Mabel's Cafe", not "Cafe"
    if attr == "status" and (m := _QUOTED_STATE.search(clause.text)):
        values = [(m.group(1).strip().lower(), None)]  # the tracker's words whole ("'documents received'")
    if not values and attr == "status" and (m := _MORE_STATES.search(clause.text)):
        values = [(m.group(0).lower(), None)]  # "the blender is on its way"
    if attr == "status":
        values = [(_handed_on(_with_particle(v, clause), clause.text), t) for v, t in values]
    if not values and attr == "provider":
        name = proper_after(clause, frozenset({"with", "to", "through", "via"}))  # "with Zing": NER may call it a person
        values = [(name, "org")] if name and name.casefold() not in own else []
    return values


def _owned_place(value: str, text: str) -> str:
    """A place named by its owner keeps the owner's name ("at Mabel's Cafe": "Mabel's Cafe")."""
    m = re.search(r"\b([A-Z][\w-]*(?:'|’)s)\s+" + re.escape(value) + r"\b", text)
    return f"{m.group(1)} {value}" if m and not value.startswith(m.group(1)) else value


def _with_particle(value: str, clause: Clause) -> str:
    """A one-word state with the particle its verb has in the clause ("paid" said "paid out",
    "signed off", "sorted out"): the phrasal verb is the state."""
    if " " in value:
        return value
    for t in clause.tokens:
        if t.lower_ == value.lower() and t.pos_ == "VERB":
            prt = [c.lower_ for c in t.children if c.dep_ == "prt" and c.i == t.i + 1]
            return " ".join([value, *prt])
    return value


#: a state that says where a request went ("escalated to the vendor", "referred to a specialist")
_TO_WHOM = re.compile(r"\s+to\s+((?:the\s+|a\s+|an\s+|their\s+|our\s+)?[a-z]+(?:\s+(?:team|desk|department|office))?)\b",
                      re.IGNORECASE)
_HANDED_ON = frozenset({"escalated", "referred", "forwarded", "transferred", "passed", "handed", "reassigned"})


def _handed_on(value: str, text: str) -> str:
    """"escalated" with whom it went to, when the text says it ("escalated to the vendor")."""
    if value.lower() not in _HANDED_ON:
        return value
    i = text.lower().find(value.lower())
    m = _TO_WHOM.match(text, i + len(value)) if i >= 0 else None
    return f"{value} to {m.group(1)}" if m else value


_HOUR = r"\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?"
#: a time said as a range after its start ("6-7pm", "8 to 9", "between 8 and 12")
_RANGE_TAIL = re.compile(r"(?:\s*(?:am|pm))?\s*(?:-|–|to|till|until)\s*" + _HOUR + r"(?!\w)"
                         r"|\s+between\s+" + _HOUR + r"\s+and\s+" + _HOUR + r"(?!\w)", re.IGNORECASE)


def with_ranges(values: list[Value], text: str) -> list[Value]:
    """A time with the end of its range ("Tuesday 6-7pm", "Thursday between 8 and 12"); a value that
    is the range's end alone ("7pm") is dropped."""
    out: list[Value] = []
    for value, vtype in values:
        i = text.find(value)
        m = _RANGE_TAIL.match(text, i + len(value)) if i >= 0 and value[-1:].isalnum() else None
        out.append((text[i: m.end()], vtype) if m else (value, vtype))
    return [v for v in out if not any(v[0] != w[0] and v[0] in w[0] for w in out)]


#: the clock time after a day ("the 9th at half ten", "Friday at quarter past 3", "the 3rd at 5:15")
_CLOCK_TAIL = re.compile(r"\s*,?\s+(?:at\s+)?(?:(?:half|quarter)\s+(?:past\s+|to\s+)?\w+|(\d{1,2})(?:[:.]\d{2})?\s*(?:am|pm)?|"
                         r"noon|midday)(?!\w)", re.IGNORECASE)
#: what may follow a clock time: the end of the clause or a word that is no noun it counts
_CLOCK_END = re.compile(r"\s*(?:$|[,.;:!?)\-–—]|(?:on|for|and|with|in|at|to|till|until|sharp|now|instead|this|next|every|"
                        r"so|but|or|then|tomorrow|tonight|today|the|from|as|because|cos|if|which|when)\b)", re.IGNORECASE)
#: a value that already says its clock time
_HAS_CLOCK = re.compile(r"\d[:.]\d{2}|\d\s*(?:am|pm)\b|\b(?:noon|midday|half|quarter)\b|\bat\s+\d", re.IGNORECASE)
#: a day said by its place in the month ("the first Monday of the month", "the last Thursday of each month")
_NTH_DAY = re.compile(r"(?:the\s+)?(?:first|second|third|fourth|last|1st|2nd|3rd|4th)\s+$", re.IGNORECASE)
_OF_MONTH = re.compile(r"\s+of\s+(?:the|each|every|this|next)\s+month\b", re.IGNORECASE)
#: a date's month after it ("Monday the 3rd of March")
_OF_NAMED_MONTH = re.compile(rf"\s+of\s+(?:{calendar.month_alternation()})\b", re.IGNORECASE)
_DAY_WORD = re.compile(rf"(?:{calendar.weekday_alternation()})s?$|\d(?:st|nd|rd|th)$", re.IGNORECASE)


def whole_time(value: str, text: str) -> str:
    """A day with what the text says of it around the value: its place in the month ("the first
    Monday of the month"), its month ("Monday the 3rd of March") and its clock time ("the 9th at
    half ten"); the value as it is when the text says none of them."""
    i = text.find(value)
    if i < 0 or not _DAY_WORD.search(value):
        return value
    start, end = i, i + len(value)
    if (m := _NTH_DAY.search(text[:start])) and (o := _OF_MONTH.match(text, end)):
        start, end = m.start(), o.end()
    elif (o := _OF_NAMED_MONTH.match(text, end)) is not None and re.search(r"\d(?:st|nd|rd|th)$", value):
        end = o.end()
    if not _HAS_CLOCK.search(value) and (c := _CLOCK_TAIL.match(text, end)) \
            and _CLOCK_END.match(text, c.end()) and (c.group(0).lstrip(" ,").startswith("at") or not c.group(1)):
        end = c.end()  # "at 10" and then a word that ends the time ("on", "now", "."), not "at 10 people"
    return text[start:end].strip(" ,")


def numbered(value: str, text: str) -> str:
    """A place with the number that names it ("14 Hawthorn Close", "ward 7", "Terminal 2")."""
    m = re.search(r"(?<![\w.£$€])(\d{1,4}[a-zA-Z]?\s+)" + re.escape(value) + r"(?!\w)", text) \
        or re.search(r"(?<!\w)" + re.escape(value) + r"(\s+\d{1,4}[a-zA-Z]?)(?![\w:.])", text)
    return m.group(0) if m else value


def every(value: str, text: str) -> str:
    """A time with how often it comes round ("every other Thursday", "every second Monday")."""
    m = re.search(r"\bevery\s+(?:other|second|third|\d+(?:st|nd|rd|th))?\s*" + re.escape(value), text, re.IGNORECASE)
    return m.group(0) if m else value


_RATE = re.compile(r"\s*(?:a|an|per|/)\s*(night|month|week|day|hour|year|walk|session|lesson|visit|person|head|class|"
                   r"term|game|ticket|kilo|kg)\b", re.IGNORECASE)


def _rate(value: str, text: str) -> str:
    """" a night" when the amount is said per something ("£95 a night", "$15/hour"), else ""."""
    digits = re.sub(r"\D", "", value)
    for m in re.finditer(r"[£$€₹]?\s?\d[\d,.]*k?", text):
        if re.sub(r"\D", "", m.group(0)).startswith(digits[:3]) and (r := _RATE.match(text, m.end())):
            unit = r.group(1).lower()
            return f" {'an' if unit == 'hour' else 'a'} {unit}"  # "£17 an hour", as English says it
    return ""


_SYMBOL_AMOUNT = re.compile(r"([£$€₹])\s?(\d[\d,]*(?:\.\d+)?)\s?(k|K|thousand|grand)?")


def with_currency(value: str, text: str) -> str:
    """The amount with the currency sign the text gives it ("1250" said "£1,250" → "£1,250");
    the amount as it is when the text writes it without a sign ("300 bucks")."""
    for m in _SYMBOL_AMOUNT.finditer(text):
        n = float(m.group(2).replace(",", "")) * (1000 if m.group(3) else 1)
        if value.replace(",", "") == (f"{n:.2f}" if n != int(n) else str(int(n))):
            return m.group(1) + (f"{int(n):,}" if n == int(n) else f"{n:,.2f}")
    return value


def _is_time(value: str, clause: Clause) -> bool:
    first = value.split()[0]
    return any(t.text == first and (e := entity_at(t)) is not None and e.label_ in ("DATE", "TIME")
               for t in clause.tokens)


def _workplace(clause: Clause, proper: bool = False) -> list[tuple[str, str | None]]:
    """"works at a bakery", "teaches at the local primary": the place after a verb of working
    (``proper``: a name after "for"/"at", whatever NER calls it: "works for Deliveroo")."""
    for t in clause.tokens:
        if t.lemma_.lower() in WORK_VERBS and t.pos_ == "VERB":
            for p in t.children:
                if p.dep_ == "prep" and p.lower_ in (("at", "for") if proper else ("at", "in", "for")):
                    for g in p.children:
                        # after "for" a name is an employer whatever NER calls it ("works for Ocado": NER's GPE)
                        if proper and g.dep_ == "pobj" and g.pos_ == "PROPN" and g.lower_ not in NOT_NAMES \
                                and ((e := entity_at(g)) is None or e.label_ not in (
                                    ("DATE", "TIME") if p.lower_ == "for" else ("DATE", "TIME", "GPE", "LOC"))):
                            return [(" ".join(w.text for w in g.subtree if w.i <= g.i and w.dep_ not in ("det", "poss",
                                                                                                           "punct")),
                                     "org")]
                        if proper:
                            continue
                        if g.dep_ == "pobj" and g.pos_ == "NOUN" and g.lower_ not in _NOT_WORKPLACES:
                            words = [w.text for w in g.subtree if w.dep_ not in ("det", "poss", "punct", "prep")
                                     and w.i <= g.i]
                            return [(" ".join(words), "org")]
    return []




def _org(value: str, clause: Clause) -> bool:
    """NER calls the value's first word an organisation ("Halfords", "the Royal Free")."""
    first = value.split()[0] if value.split() else ""
    return any(t.text == first and (e := entity_at(t)) is not None and e.label_ == "ORG" for t in clause.tokens)


def _at_org(clause: Clause) -> list[Value]:
    """An organisation a person is said to be at ("Josh is still at Deliveroo", "she's with
    Accenture now"): a person is at the organisation they work or study at."""
    if clause.head.lemma_.lower() != "be":
        return []
    for t in clause.tokens:
        e = entity_at(t)
        if (e is None or t.i == e.start) and t.i > 0 and t.doc[t.i - 1].lower_ in ("at", "with") \
                and t.doc[t.i - 1].i in clause.index and employer_name(t, clause.head):
            return [(e.text if e is not None else _name_at(t), "org")]
    return []


def _name_at(t: Token) -> str:
    """A name NER leaves untyped with the proper nouns compounded into it ("at Arup", "at Mott MacDonald")."""
    return " ".join(w.text for w in t.subtree if w.i <= t.i and w.dep_ in ("compound",) or w.i == t.i)


def _job_place(clause: Clause) -> list[Value]:
    """"got a job at Lidl", "a position with the council": the place after a noun of a job."""
    for t in clause.tokens:
        if t.lemma_.lower() in ("job", "position", "internship"):
            # "at Lidl" hangs on the job or on the verb that got it
            for p in [*t.children, *(c for c in t.head.children if c.i > t.i)]:
                if p.dep_ == "prep" and p.lower_ in ("at", "with"):
                    for g in p.children:
                        if g.dep_ == "pobj" and g.pos_ in ("PROPN", "NOUN"):
                            words = [w.text for w in g.subtree if w.i <= g.i and w.dep_ not in ("det", "poss", "punct")]
                            return [(" ".join(words), "org")]
    return []
