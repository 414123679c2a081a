"""A taste's value of the wrong kind (session 30, x30; invented set job_plans_kinds_x30).

A predicate proposed by meaning is filled from the clause by its filler kind; the "item" filler of the tastes takes any
object phrase, so a lower proposal could take what a higher one left: "Home for me is Bristol these days" was
favourite_sport = Bristol (the place filler found no place, NER calling "Bristol these days" an organisation),
"we're having the kitchen redone next month" favourite_food = "kitchen redone", "My sport these days is squash"
favourite_sport = "sport". A taste (:data:`TASTES`) is refused here when its value is

- a place general knowledge knows, and the sentence says none of the predicate's own words (its registry cues:
  "My team is Leeds" keeps its team);
- the slot's own word (a registry cue or a word of the predicate's name: "sport", "music", "drink");
- for a predicate that declares its kinds (``resources/predicates/value_kinds.json``: food, beverage), a common noun
  or a verb WordNet knows in no sense of those kinds ("kitchen redone"; a name or a word WordNet lacks is left be).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgmem.extraction.schema import CandidateFact
from kgmem.knowledge import readings_of, sense_kind_of
from kgmem.predicates import REGISTRY, declared_kinds

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

#: the tastes the "item" filler fills from any object phrase
TASTES = frozenset({"favourite_food", "favourite_drink", "favourite_music", "favourite_sport"})


def value_span(value: str, doc: Doc) -> Span | None:
    """The tokens of ``doc`` that spell ``value`` (its first occurrence, any case; None when it is not there)."""
    at = doc.text.casefold().find(value.casefold())
    span = doc.char_span(at, at + len(value), alignment_mode="expand") if at >= 0 else None
    return span if span is not None and len(span) else None


def _slot_words(pred: str) -> set[str]:
    p = REGISTRY[pred]
    return {w for cue in p.cues for w in cue.split()} | set(pred.split("_")[1:])


def wrong_kind(f: CandidateFact, doc: Doc | None) -> bool:
    """``f`` is a taste of the user's whose value is of the wrong kind (the module's docstring)."""
    if f.predicate not in TASTES or f.subject != "user" or doc is None:
        return False
    words = _slot_words(f.predicate)
    value = f.value.strip()
    if value.casefold() in words:
        return True  # "My sport these days is squash": "sport" names the slot, it fills nothing
    name = " ".join(w for w in value.split() if w[:1].isupper())  # "s Cardiff" from "Home's Cardiff": the name
    if name and readings_of(name)[0] and not any(t.lemma_.lower() in words for t in doc):
        return True  # "Home for me is Bristol these days": a town, and the line says nothing of sport or team
    kinds = declared_kinds(f.predicate)
    span = value_span(value, doc)
    if not kinds or span is None:
        return False
    root = span.root
    if root.pos_ == "VERB":
        return True  # "the kitchen redone": a deed, no food or drink
    return root.pos_ == "NOUN" and root.text.islower() and sense_kind_of(root.lemma_.lower(), kinds) is False
