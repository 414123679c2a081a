"""Which kind of outing a line names, against the kind a count question asks about: "Went to the
Villa match on Saturday" is no concert, "Caught a comedy show at the Glee Club" no gig, though
both are outings at a venue and MiniLM puts them near the question (cos("match", "concerts") 0.27
while cos("gig", "concerts") is 0.40: no threshold tells them apart).

The kinds and the nouns naming each are data (``kgmem/resources/lexicon/act_kinds.json``); the
question's kinds are those its nouns name ("how many *concerts*" → music; "*plays*" → theatre;
"*live shows*" → music, theatre and comedy), a line's kinds those its nouns (and the "comedy" of
"comedy show") name. A line naming only other kinds is set aside; a line naming no kind ("Saw
Big Thief at the Roundhouse") is left to the other tests.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from kgmem import packaged
from kgmem.nlp import load_nlp


@lru_cache(maxsize=1)
def _data() -> tuple[dict[str, str], frozenset[str]]:
    data: dict[str, Any] = packaged.json_data("lexicon", "act_kinds.json")
    nouns: dict[str, set[str]] = {}
    for kind, words in data["kinds"].items():
        for w in words:
            nouns.setdefault(w, set()).add(kind)
    return {w: ",".join(sorted(k)) for w, k in nouns.items()}, frozenset(data["show"])


@lru_cache(maxsize=4096)
def kinds_named(text: str) -> frozenset[str]:
    """The kinds of outing the nouns of a text name (a question's "shows" names every kind of show)."""
    nouns, show = _data()
    out: set[str] = set()
    for tok in load_nlp()(text.lower()):
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("NOUN", "PROPN", "ADJ") and lemma in nouns:
            out.update(nouns[lemma].split(","))
        elif tok.pos_ == "NOUN" and lemma == "show" and not any(c.lemma_.lower() in nouns for c in tok.children):
            out.add("show")
    return frozenset(out)


def other_kind(line_text: str, question: str) -> str | None:
    """Why a line is no instance of the question's kind of outing ("a match, not a concert"), or
    ``None``: the question names a kind, and the line names kinds, none of them the question's."""
    _, show = _data()
    asked = kinds_named(question)
    if "show" in asked:
        asked = (asked - {"show"}) | show
    told = kinds_named(line_text) - {"show"}
    if not asked or not told or told & asked:
        return None
    return f"another kind of outing ({', '.join(sorted(told))}), not {' or '.join(sorted(asked))}"
