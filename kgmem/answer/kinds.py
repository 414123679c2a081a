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

from kgmem.answer.evidence import EvidenceSet, Line
from kgmem.answer.match import norm
from kgmem.nlp import load_nlp

#: MiniLM cosine of two short noun phrases at which one is a thing of the other's kind ("Tent" ~
#: "camping gear" 0.67, "camp stove" 0.58, "car battery" ~ "my car" 0.56); a payment that is only
#: near the topic stays out ("my rego" ~ "my car" 0.46, "canoe" ~ "camping gear" 0.45, "new fence"
#: ~ "weekend house" 0.35). Chosen on the development sets' money totals (cw17 note).
SAME_KIND = 0.5
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
    for j, (k, _) in enumerate(phrases):
        if max(float(vecs[i] @ vecs[n + j]) for i in range(n)) >= SAME_KIND:
            out.add((lines[k].turn_id, lines[k].position))
    return out
