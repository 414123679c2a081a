"""The slot a named thing holds, when the question's words name no slot (issue #13 item 7, session 22).

:mod:`kgmem.answer.entity_slot` answers a thing's slot when the question says which kind of value it
asks in words it knows ("when", "status", "who", "how much") or the planner names the predicate. People
ask in other words as often: "Which city is Tomasz in?", "What does Farida eat?", "Which practice looks
after Biscuit?", "What's the roofer charging?", "What's the state of the bike claim?". Memory knows what
it holds of the thing: when the question names one thing by its name's words, and that thing holds
exactly one single-valued slot whose kind of value the question may ask for (:func:`fits`: "which city"
asks a place; "what …" asks any value but a date), the slot's value current at the question date
answers, with the history of the slot as :mod:`.entity_slot` gives it.

Never when a later user line names the thing without its value (the correction may be unread), when the
question's words name another slot (a word the registry or the intent bank uses for a
different predicate, and none for the held one: "What's Tomasz's job?" of a Tomasz whose city alone is
held asks what memory does not hold), when two things fit, or when the thing holds two slots.
"""

from __future__ import annotations

from kgmem import predicates as predicate_registry
from kgmem.answer.deterministic import Computed
from kgmem.answer.entity_slot import (
    _ASKING,
    _PROPER,
    _SKIP,
    _USER_EVENT,
    _names,
    _possessors,
    _said_gone,
    _states,
    asked_predicates,
)
from kgmem.answer.evidence import EvidenceSet
from kgmem.answer.match import GENERIC, norm, terms
from kgmem.answer.spans import with_title
from kgmem.models import Fact, Intent
from kgmem.retrieval.intents import slot_vocabulary

#: the kind of value a slot holds (a predicate's registry value type, a time for the when-slots)
_WHEN = frozenset({"scheduled_for", "due_date"})
#: the answer types (:func:`kgmem.retrieval.question.answer_type_for`) that may ask each kind of value:
#: a place and an organisation answer "where" and "which place" alike ("Where does Kasia cut hair?")
_FITS: dict[str, frozenset[str]] = {
    "place": frozenset({"place", "org", "text"}),
    "org": frozenset({"org", "place", "text"}),
    "person": frozenset({"person", "text"}),
    "money": frozenset({"money", "text"}),
    "date": frozenset({"date"}),
}


def kind_of(predicate: str) -> str:
    """The kind of value a predicate's slot holds: date, place, org, person, money or text."""
    if predicate in _WHEN:
        return "date"
    p = predicate_registry.get(predicate)
    vt = p.value_type if p else "text"
    return vt if vt in _FITS else "text"


def fits(predicate: str, answer_type: str | None) -> bool:
    """A question asking for ``answer_type`` may be asking for this slot's value (an open attribute's
    value is of any type: "what's the wifi password", "who's hosting", "which gate")."""
    if predicate_registry.is_open_attribute(predicate):
        return answer_type != "date"
    return (answer_type or "text") in _FITS.get(kind_of(predicate), frozenset({"text", "item"}))


def _slot_words(predicate: str) -> set[str]:
    p = predicate_registry.get(predicate)
    cues = {w for c in (p.cues if p else ()) for w in c.split()} | set(predicate_registry.attribute_words(predicate).split())
    return {norm(w) for w in slot_vocabulary(predicate) | cues}


def _names_another_slot(words: set[str], predicate: str) -> bool:
    """A word of the question is a slot word of another single-valued predicate and none is of this one."""
    if words & _slot_words(predicate):
        return False
    return any(words & _slot_words(p) for p in predicate_registry.names()
               if p != predicate and predicate_registry.is_single_valued(p))


def _current(f: Fact, asof: object) -> bool:
    return bool(f.value) and (asof is None or f.observed_at <= asof) and (  # type: ignore[operator]
        f.invalid_at is None or (asof is not None and f.invalid_at > asof))  # type: ignore[operator]


def _told_since(ev: EvidenceSet, f: Fact, words: set[str]) -> bool:
    """A user line said after the fact's day names the thing again without saying its value ("oops, I had
    Dan's address wrong, it's 41 not 14"): memory may have missed the correction, so the value is not asserted."""
    return any(ln.said_at.date() > f.observed_at.date() and words & terms(ln.text) and not _states(f, ln.text)
               for ln in ev.all_user_lines())


def compute_held_slot(ev: EvidenceSet) -> Computed:
    """The current value of the one slot the named thing holds, or an empty :class:`Computed`."""
    plan = ev.result.plan
    out = Computed(kind="entity")
    if plan.intent not in (Intent.CURRENT_VALUE, Intent.SINGLE_FACT) or plan.intent in _SKIP \
            or plan.answer_shape == "yes_no" or asked_predicates(plan.question) \
            or _USER_EVENT.search(plan.question):
        return out
    asof = plan.question_date
    facts = [f for f in ev.result.all_facts.values() if predicate_registry.is_single_valued(f.predicate)
             and f.user_id == ev.result.user_id and _current(f, asof)]
    names = _names(ev, {f.subject_id for f in facts})
    wanted = terms(plan.question) - _ASKING - GENERIC
    must = terms(" ".join(_PROPER.findall(plan.question[1:])))
    named = {t: wanted & (terms(text) - GENERIC) for t, text in names.items()}
    # by form only: a word of the question is a word of the thing's name, and every proper name of the
    # question is one of the name's words
    found = {t: len(w) for t, w in named.items() if w and not must - (terms(names[t]) - GENERIC)}
    if not found:
        return out
    top = max(found.values())
    things = [t for t, n in found.items() if n == top]
    if len(things) != 1:
        return out
    held = [f for f in facts if f.subject_id == things[0]]
    rest = wanted - named[things[0]]
    slots = {f.predicate for f in held}
    if len(slots) > 1:  # the one open attribute the question names ("What's Milo's shoe size?")
        slots = {p for p in slots if rest & {norm(w) for w in predicate_registry.attribute_words(p).split()}}
        held = [f for f in held if f.predicate in slots]
    if len(slots) != 1:
        return out
    (pred,) = slots
    if not fits(pred, plan.answer_type) or _names_another_slot(rest, pred):
        return out
    f = max(held, key=lambda g: (g.observed_at, g.id))
    if _said_gone(ev, f) or (f.value or "").casefold() in _possessors(plan.question) \
            or _told_since(ev, f, named[things[0]]):
        return out
    sentence = ev.source_sentence(f) or f.text
    out.fact_ids.append(f.id)
    out.turn_ids.extend(f.source_turn_ids[:1])
    out.cited.append(f'"{sentence}" (said {f.observed_at.date()})')
    older = sorted((g for g in ev.result.all_facts.values() if g.subject_id == f.subject_id and g.predicate == pred
                    and g.id != f.id and g.observed_at < f.observed_at and g.value), key=lambda g: g.observed_at)
    if older:
        out.lines.append(f"{pred} over time: " + "; ".join(f"{g.value} (said {g.observed_at.date()})" for g in older[-3:])
                         + f"; {f.value} (said {f.observed_at.date()})")
    out.answer = f"{with_title(f.value or '', sentence)} (you told me on {f.observed_at.date()})"
    return out
