"""Totals of time told in units: "how many nights have I spent in hotels for work this year".

Such a question asks neither a duration between two events nor a count of told events: it adds
the nights (days, hours, weeks) the user's own stays took, each as the line tells it — "back
from 2 nights in glasgow", "one night in bristol for a demo", "2 nights at the nec done" → 5.
A line counts when it states the question's unit with its number, is the user's own actual
doing (not a plan — "at the NEC for 2 nights next month" —, not declined, not someone else's:
"priya is off to berlin for 4 nights"), names the one place the question asks about when it asks
about one ("how many nights was i in dublin": a stay in Glasgow never answers it), is told inside the question's window and is about the
asked thing: its MiniLM cosine to the question's counted phrase is within
:data:`~kgmem.answer.instances.MARGIN` of the best such line's (a stay far from the topic of the
others is set aside and named). A stay told twice ("2 nights in glasgow" / "glasgow expenses
went thru, the 2 nights at the premier inn": the same number and a place word no other session
uses) is one. The answer lists each stay with its line, so a reader sees what was added.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from kgmem.answer import countable
from kgmem.answer import instances as inst
from kgmem.answer.deterministic import Computed
from kgmem.answer.evidence import EvidenceSet, Line
from kgmem.answer.match import GENERIC, terms
from kgmem.lexicon import numbers
from kgmem.lexicon.people import people_noun
from kgmem.nlp import has_other_possessor, load_nlp

#: "how many nights …": the unit a question totals (its plural as the question writes it)
_UNIT_Q = re.compile(r"\bhow\s+many\s+(?:more\s+)?(?P<unit>nights|days|hours|weeks|evenings|mornings|weekends)\b", re.I)
#: a stay's number and unit in a line ("2 nights", "one night", "a night", "two more days")
_STATED = re.compile(rf"\b(?P<n>\d{{1,3}}|{numbers.cardinal_alternation(least=1)}|a|an)\s+(?:more\s+|extra\s+|whole\s+|full\s+)?"
                     r"(?P<unit>[a-z]+)\b", re.I)


def asked_unit(question: str) -> str | None:
    """The unit a "how many nights/days/hours …" question totals, singular ("night")."""
    m = _UNIT_Q.search(question)
    return m.group("unit").lower()[:-1] if m else None


def asked_place(question: str) -> str | None:
    """The one place or thing a unit question asks about ("how many nights was i in *dublin*",
    "… at *the allotment*"): the object of its first in/at/to that is not a plural kind ("in
    *hotels*" asks about every hotel); its comparison form, or ``None``."""
    for tok in load_nlp()(question):
        if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at", "to"):
            return None if tok.tag_ in ("NNS", "NNPS") else next(iter(terms(tok.text)), None)
    return None


def stated(text: str, unit: str) -> int | None:
    """The number of ``unit`` a line states ("back from 2 nights in glasgow" → 2, "one night in
    bristol" → 1); ``None`` when it states none (or two different ones)."""
    found = {numbers.cardinal(m.group("n")) or 1 for m in _STATED.finditer(text)
             if m.group("unit").lower().rstrip("s") == unit}
    return found.pop() if len(found) == 1 else None


#: the nouns of a home ("at my sister's place")
_HOMES = frozenset({"place", "house", "home", "flat", "flats", "apartment"})


@lru_cache(maxsize=1024)
def at_home(text: str) -> bool:
    """The line puts the stay in someone's home, by its parse: "at my mum's" (the possessive is
    the object of "at"), "at Jo's place", "at my brother's house", "at my in-laws"."""
    for tok in load_nlp()(text):
        if tok.dep_ != "pobj" or tok.head.lower_ not in ("at", "in"):
            continue
        after = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if any(c.dep_ == "case" for c in tok.children) or (after is not None and after.tag_ == "POS") \
                or (people_noun(tok.lower_) and any(c.dep_ == "poss" for c in tok.children)) or (
                tok.lemma_.lower() in _HOMES and has_other_possessor(tok)):
            return True
    return False


def asked_kind(question: str) -> str | None:
    """The kind of place a unit question asks about, as a plural ("how many nights … in
    *hotels*"): its comparison form, or ``None``."""
    for tok in load_nlp()(question):
        if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at") and tok.tag_ in ("NNS", "NNPS"):
            return next(iter(terms(tok.text)), None)
    return None


@dataclass
class Stay:
    """One told stay: its line and how many units it took."""

    line: Line
    units: int


def _retold(a: Stay, b: Stay, rare: Callable[[Line], set[str]]) -> bool:
    """Two lines of different sessions tell one stay: the same number and a rare word in common
    (a place no third session names), or one dates its event to the day the other tells it."""
    if a.line.session_id == b.line.session_id:
        return True
    return (a.units == b.units and bool(rare(a.line) & rare(b.line))) or inst.same_day_retold(a.line, b.line)


def compute_unit_total(ev: EvidenceSet, in_window: Callable[[Line], bool]) -> Computed:
    """"How many nights have I spent …": the sum of the user's own told stays in the asked unit,
    each listed with its line (see the module docstring). Empty when the question asks no such
    total or no line states the unit."""
    plan = ev.result.plan
    out = Computed(kind="count")
    unit = asked_unit(plan.question)
    if unit is None:
        return out
    said = [ln for ln in ev.all_user_lines() if not ln.is_request and in_window(ln)]
    where = asked_place(plan.question)
    # "how many nights was i in dublin": only lines naming Dublin; another place's stays never answer
    told = [(ln, n) for ln in said if (n := stated(ln.text, unit)) is not None and (where is None or where in terms(ln.text))]
    # the one test of whether a line's item counts (countable.py): "Booked four nights in Rome for
    # September" counts once September is past at the question date; "my parents stayed …" never
    why = {inst.key(ln): countable.why_not(ln, plan.question_date, ev) for ln, _ in told}
    kind = asked_kind(plan.question)
    for ln, _ in told:  # "three nights at my mum's" is no night in a hotel
        if why[inst.key(ln)] is None and kind and kind not in terms(ln.text) and at_home(ln.text):
            why[inst.key(ln)] = f"someone's home, not {kind}"
    own = [(ln, n) for ln, n in told if why[inst.key(ln)] is None]
    if not own:
        return out
    sims = inst.phrase_similarity(ev, inst.counted_phrase(plan), [ln for ln, _ in own])
    top = max(sims.values())
    near = [(ln, n) for ln, n in own if sims[inst.key(ln)] >= top - inst.MARGIN]
    far = [ln for ln, _ in own if sims[inst.key(ln)] < top - inst.MARGIN]
    sessions: dict[str, set[str]] = {}
    for ln in ev.all_user_lines():
        for w in terms(ln.text):
            sessions.setdefault(w, set()).add(ln.session_id)
    asked = terms(plan.question)

    def rare(ln: Line) -> set[str]:
        return {w for w in terms(ln.text) - asked - GENERIC if len(sessions.get(w, ())) <= 2 and not w.isdigit()}

    stays: list[Stay] = []
    # a line telling the stay done goes before the booking of it ("Booked four nights in Rome" / "back
    # from rome, 4 nights"): the booking is then no second stay
    for ln, n in sorted(near, key=lambda p: (countable.unconfirmed(p[0]), -sims[inst.key(p[0])], p[0].said_at)):
        stay = Stay(ln, n)
        if not any(_retold(stay, other, rare) for other in stays):
            stays.append(stay)
    stays.sort(key=lambda s: s.line.said_at)
    total = sum(s.units for s in stays)
    items = "; ".join(f"{s.units} — \"{s.line.text.strip()[:80]}\" (said {s.line.said_at.date()})" for s in stays)
    out.lines.append(f"{total} {unit}(s) in the stays you told of: {items}")
    counted = {inst.key(ln) for ln, _ in own}
    set_aside = [ln for ln, _ in told if inst.key(ln) not in counted] + far
    if set_aside:
        out.lines.append("Not counted: " + "; ".join(f"\"{ln.text.strip()[:80]}\" ({why.get(inst.key(ln)) or 'far from the others'})"
                                                     for ln in set_aside))
    for s in stays:
        out.turn_ids.append(s.line.turn_id)
        out.cited.append(f"\"{s.line.text.strip()[:120]}\" (said {s.line.said_at.date()})")
    out.answer = f"{total} {unit}{'s' if total != 1 else ''} ({items})"
    booked = [s for s in stays if countable.unconfirmed(s.line)]
    if booked and len(booked) < len(stays):  # a booked stay whose time has passed, never told as taken
        sure = sum(s.units for s in stays if s not in booked)
        out.answer = (f"at least {sure} {unit}{'s' if sure != 1 else ''}; {total} with what you booked but did not "
                      f"tell me you took ({items})")
    return out
