"""A title read whole: "Knives Out", "Top Gun: Maverick", "Klara and the Sun", not "Knives", "Maverick", "Klara".

The patterns and the value fillers end a name where the parse or NER ends it, and neither knows
titles: "Out" is a particle, "Maverick" a person, "Sun" a conjunct. For a user fact of a title
predicate (:data:`TITLED`), the value is widened in the sentence over the capitalised words next to
it, the small words a title holds between capitalised words ("of", "of the", "and the", ":", "&"),
and a named entity of the kind titles are (WORK_OF_ART) that covers it. Decided from the sentence's
tokens and capitals, no word list of titles; a capitalised "The" after "and" starts another title
("Circe and The Song of Achilles"), so only a lower-case "and the" joins.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgmem.extraction.schema import CandidateFact

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: predicates whose value is a title
TITLED = frozenset({"watched", "read_book"})
#: small words inside a title, each followed by a capitalised word: ("of", "the"), ("and", "the"), (":",), ("&",)
_JOINS = (("of", "the"), ("and", "the"), ("of",), (":",), ("&",))


def _cap(t: Token) -> bool:
    return (t.text[:1].isupper() or t.text[:1].isdigit()) and t.text != "I" and not t.is_punct


def _join_at(doc: Doc, i: int) -> int:
    """The number of tokens of a small-word join starting at ``i`` and followed by a capitalised word, or 0."""
    for join in _JOINS:
        n = len(join)
        if i + n < len(doc) and tuple(doc[i + k].text for k in range(n)) == join and _cap(doc[i + n]):
            return n
    return 0


def _span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """[start, end) widened over the title's capitalised words and joins."""
    while end < len(doc) and (_cap(doc[end]) or (n := _join_at(doc, end))):
        end += 1 if _cap(doc[end]) else n
    while start > 0:
        prev = doc[start - 1]
        if _cap(prev) and (start - 1 > 0 or prev.head.i >= start and prev.pos_ != "VERB"):
            start -= 1  # the sentence's first word only when it belongs to the title ("Spirited Away was…")
            continue
        back = next((len(j) for j in _JOINS if start - len(j) - 1 >= 0
                     and tuple(doc[start - len(j) + k].text for k in range(len(j))) == j
                     and _cap(doc[start - len(j) - 1]) and start - len(j) - 1 > 0), 0)
        if not back:
            break
        start -= back + 1
    return start, end


def whole_title(fact: CandidateFact, doc: Doc | None) -> CandidateFact:
    """``fact`` with its title value widened to the whole title written in the sentence."""
    if doc is None or fact.subject != "user" or fact.predicate not in TITLED:
        return fact
    at = doc.text.find(fact.value)
    if at < 0:
        return fact
    span = doc.char_span(at, at + len(fact.value), alignment_mode="expand")
    if span is None or len(span) == 0 or not _cap(span[0]):
        return fact
    ent = next((e for e in doc.ents if e.label_ == "WORK_OF_ART" and e.start <= span.start and span.end <= e.end), None)
    start, end = (ent.start, ent.end) if ent is not None else (span.start, span.end)
    first = start
    start, end = _span(doc, start, end)
    if start < first and doc[start].lower_ in ("the", "a", "an"):
        start += 1  # an article the reading left out stays out ("started The Bear" → "Bear", as before)
    value = doc[start:end].text
    if value == fact.value or len(value) > 80:
        return fact
    return fact.model_copy(update={"value": value, "text": fact.text.replace(fact.value, value)})
