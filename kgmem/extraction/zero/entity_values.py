"""Values of another person's or thing's attribute, filled by the attribute's kind.

The user's fillers (:mod:`.values`) read most of them; a few readings are only right for someone
else's attribute or for a thing's: another person's common-noun workplace ("works at a bakery"),
another person's ride ("Dan's been taking the tram": the user's commute needs a cue of work), a
provider NER calls a person ("our internet is with Zing"), a venue with its qualifier ("a
vineyard in Napa"), a day with its time ("at 8 on Thursday").
"""

from __future__ import annotations

import re

from kgmem.extraction.zero.clauses import Clause
from kgmem.extraction.zero.entity_readings import extend_place, proper_after, when_span
from kgmem.extraction.zero.nlp import entity_at
from kgmem.extraction.zero.value_parse import Value
from kgmem.extraction.zero.values import fill

_NOT_WORKPLACES = frozenset({"home", "night", "nights", "weekend", "weekends", "moment", "time", "hour", "hours",
                             "week", "day", "days", "shift", "shifts", "job", "place", "end"})
_RIDES = re.compile(r"\b(?:tak(?:e|es|ing)|took|rid(?:e|es|ing)|rode|catch(?:es|ing)?|caught)\s+(?:the\s+|a\s+|his\s+|her\s+)?"
                    r"(tram|bus|train|tube|subway|metro|ferry|bike|scooter)\b", re.IGNORECASE)


#: states of an order, request or repair the user's status lexicon does not hold
_MORE_STATES = re.compile(r"\b(?:on\s+(?:its|the|their)\s+way|en\s+route|escalated|back[- ]?ordered|out\s+of\s+stock|"
                          r"with\s+the\s+courier|in\s+the\s+post|being\s+(?:printed|processed|reviewed|repaired|"
                          r"fixed|shipped|prepared|built|made)|awaiting\s+(?:approval|parts|payment|review|delivery))\b",
                          re.IGNORECASE)


#: words that say where someone lives, for an address NER does not call a place
_LIVES = re.compile(r"\b(?:lives?|living|address|moved\s+(?:in)?to)\b", re.IGNORECASE)


def _left(clause: Clause) -> set[str]:
    """Names a clause says someone left ("Zara left Deloitte", "quit the bakery")."""
    out: set[str] = set()
    for t in clause.tokens:
        if t.lemma_.lower() in ("leave", "quit") and t.pos_ == "VERB":
            out |= {" ".join(w.text for w in c.subtree if w.dep_ not in ("det", "poss"))
                    for c in t.children if c.dep_ == "dobj"}
            out |= {c.text for c in t.children if c.dep_ == "dobj"}
    return out


def entity_values(attr: str, kind: str, clause: Clause, own: set[str], person: bool) -> list[Value]:
    """Values of ``attr`` in the clause: never one of the entity's ``own`` names or their words,
    nor a day or time as a venue; ``person``: the entity is a person."""
    values = [v for v in fill(kind, clause) if v[0].casefold() not in own]
    if kind == "when" and values and (span := when_span(clause)) and values[0][0] in span:
        values = [(span, values[0][1])]  # "at 8 on Thursday": the day with its time
    if attr == "venue":
        values = [(extend_place(v, clause), t) for v, t in values if not _is_time(v, clause)]
    if not values and attr == "works_at" and person:
        values = _workplace(clause) or _job_place(clause)
    if not values and attr == "commute" and person and (m := _RIDES.search(clause.text)):
        values = [(m.group(1).lower(), None)]  # "Dan's been taking the tram"
    if attr == "works_at" and person:
        values = [v for v in values if v[0] not in _left(clause)]  # "Zara left Deloitte": not there now
    if not values and attr == "lives_in" and person and _LIVES.search(clause.text):
        values = [(v, "place") for v, _ in fill("where", clause) if v.casefold() not in own]  # "lives at 14 Elm Road"
    if not values and attr == "status" and (m := _MORE_STATES.search(clause.text)):
        values = [(m.group(0).lower(), None)]  # "the blender is on its way"
    if not values and attr == "provider":
        name = proper_after(clause, frozenset({"with", "to"}))  # "with Zing": NER may call it a person
        values = [(name, "org")] if name and name.casefold() not in own else []
    return values


def _is_time(value: str, clause: Clause) -> bool:
    first = value.split()[0]
    return any(t.text == first and (e := entity_at(t)) is not None and e.label_ in ("DATE", "TIME")
               for t in clause.tokens)


def _workplace(clause: Clause) -> list[tuple[str, str | None]]:
    """"works at a bakery", "teaches at the local primary": the place after a verb of working."""
    for t in clause.tokens:
        if t.lemma_.lower() in ("work", "teach", "nurse", "volunteer") and t.pos_ == "VERB":
            for p in t.children:
                if p.dep_ == "prep" and p.lower_ in ("at", "in", "for"):
                    for g in p.children:
                        if g.dep_ == "pobj" and g.pos_ == "NOUN" and g.lower_ not in _NOT_WORKPLACES:
                            words = [w.text for w in g.subtree if w.dep_ not in ("det", "poss", "punct", "prep")
                                     and w.i <= g.i]
                            return [(" ".join(words), "org")]
    return []




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
