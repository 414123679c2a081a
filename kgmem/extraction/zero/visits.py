"""A person said to be "at" an organisation for a while, not working there (rev14, session 14).

"Josh is still at Deliveroo" tells where Josh works; "Mum's at Sainsbury's getting milk", "my brother is at Barclays for
an interview tomorrow" tell where someone is for an errand. Decided from the parse of the "be" clause.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgmem.extraction.zero.nlp import entity_at

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from kgmem.extraction.zero.clauses import Clause


def on_a_visit(clause: Clause) -> bool:
    """A person "at" a place for a while, not working there: the clause has an activity of its own ("Mum's at
    Sainsbury's getting milk"), a purpose ("at Barclays for an interview") or a time of the visit ("tomorrow",
    "this afternoon"; "since 2019", "for two years" are how long one has worked there, not a visit) — rev14, session 14."""
    for t in clause.head.subtree:  # the clause's own tokens stop before "doing the big shop"
        if t.tag_ == "VBG" and t.i > clause.head.i or t.dep_ == "prep" and t.lower_ == "for" and t.head.i == clause.head.i \
                and not _a_while(t):
            return True
        e = entity_at(t)
        if e is not None and e.label_ in ("DATE", "TIME") and not (e.start > 0 and t.doc[e.start - 1].lower_ in ("since", "for")) \
                and not _present_span(e):
            return True
    return False


def _a_while(prep: Token) -> bool:
    """ "for two years", "for ages": how long, not what for (rev14: "Josh has been at Deliveroo for two years now")."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    e = entity_at(obj) if obj is not None else None
    return obj is not None and (e is not None and e.label_ in ("DATE", "TIME")
                                or obj.lemma_.lower() in ("while", "age", "year", "month", "week", "day", "decade"))


def _present_span(ent: Span) -> bool:
    """ "these days", "these past few weeks": a plural span of time pointed at as the present, how things stand now
    (oe15), not when a visit happens."""
    root = ent.root
    return root.tag_ == "NNS" and any(c.dep_ == "det" and c.lower_ == "these" for c in root.children)
