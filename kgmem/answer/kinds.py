"""Whether a priced thing a line names is of the kind a money total asks about, by meaning.

"How much have I spent on camping gear this year?" adds "Tent, $289, MEC." though the line never
says "camping" or "gear"; "how much have I spent fixing my car" adds "my car battery died …, new one
from repco, $189". A word match finds neither. So the question's kind (its noun phrase that holds
the asked thing: "camping gear", "my car") and each noun phrase of the line (without its amount,
determiners and pronouns: "Tent", "car battery") are embedded with the retrieval embedder in one
batch, and a line is of the kind when one of its phrases is close in meaning to it.

Only the closeness of two short noun phrases is read, never whose purchase or whether it happened:
:func:`kgmem.answer.countable.why_not` decides that for every line, as for a line that names the
kind.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from kgmem import knowledge
from kgmem.answer.evidence import EvidenceSet, Line
from kgmem.answer.match import norm
from kgmem.nlp import load_nlp

#: MiniLM cosine of two short noun phrases at which one is a thing of the other's kind ("Tent" ~
#: "camping gear" 0.67, "camp stove" 0.58, "car battery" ~ "my car" 0.56); a payment that is only
#: near the topic stays out ("my rego" ~ "my car" 0.46, "canoe" ~ "camping gear" 0.45, "new fence"
#: ~ "weekend house" 0.35). Chosen on the development sets' money totals (cw17 note).
SAME_KIND = 0.5
#: a priced thing near the asked kind in meaning but a place by every sense of its head noun is a place
#: paid for, not a thing of the kind ("Campsite at Big Sur" ~ "camping gear" 0.56: a campsite is a region
#: of land, gear an artifact); a "tyre" is an artifact by one of its senses, so it stays a thing of "my car"
_PLACE = "region"
#: parts of speech a noun phrase keeps: what names the thing, not which one or how many
_KEEP = frozenset({"NOUN", "PROPN", "ADJ", "VERB"})


@lru_cache(maxsize=4096)
def noun_phrases(text: str) -> tuple[str, ...]:
    """The noun phrases of a text with only their naming words ("a new travel crate" → "new travel
    crate"; "$180" and "it" name nothing)."""
    out = []
    for chunk in load_nlp()(text).noun_chunks:
        words = [t.text for t in chunk if t.pos_ in _KEEP and not t.like_num]
        if words:
            out.append(" ".join(words))
    return tuple(out)


def kind_phrases(question: str, objects: set[str]) -> list[str]:
    """The question's noun phrases that hold one of the asked things' words ("camping gear" for
    {camping, gear}; "my own car" → "own car")."""
    return [p for p in noun_phrases(question) if {norm(w) for w in p.lower().split()} & objects]


@lru_cache(maxsize=4096)
def a_place(noun: str) -> bool:
    """Every noun sense WordNet knows of the word is a place ("campsite", "site"; not "tyre")."""
    return bool(knowledge.kinds_within(_PLACE, noun, any_sense=True)) and not any(
        knowledge.kinds_within(k, noun, any_sense=True) for k in ("artifact", "act", "event", "food", "substance"))


def other_broad_kind(phrase: str, kind: str) -> bool:
    """A thing's head noun is a place (:func:`a_place`) and the asked kind's head is none: a
    campsite paid for is no camping gear. Unknown words are never set apart."""
    mine, asked = phrase.split()[-1].lower(), kind.split()[-1].lower()
    return a_place(mine) and not knowledge.is_kind_of(asked, _PLACE)


def of_kind(ev: EvidenceSet, kinds: Sequence[str], lines: Sequence[Line]) -> set[tuple[str, int]]:
    """The lines (by turn id and position) that name a thing of one of the kinds, by meaning."""
    phrases = [(k, p) for k, ln in enumerate(lines) for p in noun_phrases(ln.text)]
    if not kinds or not phrases:
        return set()
    vecs = ev.result.embed(list(kinds) + [p for _, p in phrases])
    if vecs is None:
        return set()
    n = len(kinds)
    out: set[tuple[str, int]] = set()
    for j, (k, phrase) in enumerate(phrases):
        if any(float(vecs[i] @ vecs[n + j]) >= SAME_KIND and not other_broad_kind(phrase, kinds[i]) for i in range(n)):
            out.add((lines[k].turn_id, lines[k].position))
    return out
