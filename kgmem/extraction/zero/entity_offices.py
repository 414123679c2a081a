"""The office a person works from (oe30).

"Iker works out of the Madrid office", "Tomasz works from the Warsaw office", "Fatima's based in the Leeds
office", "Iker transferred to our Lisbon office", "Tomasz is in our Berlin hub now": the place is a part of an
organisation (an office, a branch, a site, a hub, a campus, headquarters), named by what it is, so the verb
may be any verb of being, working, sitting or being moved; the preposition says where (in, at, from, out of,
to, into). The value is the place's name with its qualifier ("Madrid office"), as a person's workplace
(``works_at``: "Iker works in the Madrid office" was read so already). A visit is no workplace ("went to the
Madrid office for a meeting", "popping into the Leeds branch"), nor a place without a name of its own ("the
office").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kgmem.extraction.zero.clauses import Clause

#: nouns that name a part of an organisation a person works from
OFFICE_NOUNS = frozenset({"office", "offices", "branch", "site", "hub", "campus", "headquarters", "hq", "depot",
                          "outpost", "studio", "plant"})
#: verbs of a visit or an errand: the place is visited, not worked from
_VISITS = frozenset({"visit", "go", "come", "pop", "drop", "head", "stop", "swing", "fly", "drive", "travel", "call",
                     "ring", "email", "phone", "leave", "quit", "hate", "love", "like", "miss", "tour", "show"})
_PREPS = frozenset({"in", "at", "from", "of", "to", "into"})


def _place_name(noun: Token) -> str | None:
    """"the Madrid office" → "Madrid office"; None without a word of its own ("the office", "our office")."""
    mods = [c for c in noun.lefts if c.dep_ in ("compound", "amod", "nmod") and c.pos_ in ("PROPN", "NOUN", "ADJ")]
    if not mods or all(m.pos_ == "ADJ" and m.lower_ in ("new", "old", "main", "other", "same") for m in mods):
        return None
    start = min(m.left_edge.i for m in mods)
    words = [w.text for w in noun.doc[start: noun.i + 1] if w.dep_ not in ("det", "poss", "case", "punct")]
    return " ".join(words) if words else None


def _under_head(prep: Token, head: Token) -> bool:
    """``prep`` hangs from ``head`` through prepositions and participles only ("works out of", "based in")."""
    cur = prep
    while cur.i != head.i:
        if cur.dep_ not in ("prep", "acl", "acomp", "advmod") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return True


def office_of(clause: Clause) -> str | None:
    """The named office a clause about a person puts them in ("works out of the Madrid office"), else None."""
    head = clause.head
    if head.lemma_.lower() in _VISITS:
        return None
    for tok in clause.tokens:
        prep = tok.head
        if tok.dep_ == "pobj" and tok.lemma_.lower() in OFFICE_NOUNS and prep.lower_ in _PREPS \
                and _under_head(prep, head):
            return _place_name(tok)
    return None
