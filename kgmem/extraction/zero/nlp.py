"""Parse access: the process-wide spaCy pipeline (:mod:`kgmem.nlp`'s, re-exported) and small
readers over a parsed sentence.

Everything that walks a spaCy ``Doc`` to get a noun phrase, an entity, a verb's objects or its
particle lives here, so the fact readers (:mod:`.verbs`, :mod:`.values`, :mod:`.clauses`) share
one notion of "the object of this verb" or "the name at this token".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kgmem.extraction.zero.lexicon import LEAD_DROP, QUANT_HEADS
from kgmem.lexicon import numbers
from kgmem.nlp import known_words as known_words  # re-exported: the one loader is kgmem.nlp's
from kgmem.nlp import load_nlp as load_nlp

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def subject_of(t: Token) -> Token | None:
    """The nominal subject (or expletive) of verb ``t``, if it has one."""
    for c in t.children:
        if c.dep_ in ("nsubj", "nsubjpass", "expl"):
            return c
    return None


#: parts of speech a name never ends on: the recogniser's span ran over into the next phrase ("Tom an
#: iPad" tagged the PERSON "Tom an")
_NO_NAME_END = frozenset({"DET", "CCONJ", "SCONJ"})


def entity_at(tok: Token) -> Span | None:
    """The named entity covering ``tok``, if any, without the function words its span ran over into."""
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end:
            end = ent.end
            while end > ent.start + 1 and tok.doc[end - 1].pos_ in _NO_NAME_END:
                end -= 1
            if end == ent.end:
                return ent
            if tok.i >= end:
                return None
            from spacy.tokens import Span

            return Span(tok.doc, ent.start, end, label=ent.label_)
    return None


def _in_left_np(c: Token, head: Token) -> bool:
    t = c
    while t.i != head.i:
        if t.head.i == t.i:
            return False
        if t.dep_ not in ("det", "poss", "amod", "compound", "nummod", "nmod", "quantmod", "advmod",
                          "case", "punct", "npadvmod", "predet", "hmod", "hyph"):
            return False
        t = t.head
    return True


_RIGHT_NP = ("nummod", "compound", "npadvmod")


def noun_phrase(tok: Token, right: tuple[str, ...] = _RIGHT_NP) -> str:
    """The noun phrase headed by ``tok`` without determiners, relative clauses or adjuncts
    (``right``: the dependents after the head that still belong to the name)."""
    if tok.lemma_.lower() in QUANT_HEADS:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    return noun_phrase(obj, right)
    left = [c for c in tok.subtree if c.i < tok.i and _in_left_np(c, tok)]
    start = min([c.i for c in left] + [tok.i])
    end = tok.i + 1
    # right-side compounds/numbers of a model name: "OnePlus 11", "Model 3", "F-150"
    for c in tok.rights:
        if c.dep_ in right and c.i == end:
            end = c.i + 1
    # a word joined by hyphens is one word whatever the parse made of it ("an e-bike", "x-ray")
    doc = tok.doc
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_ \
            and doc[end + 1].is_alpha:
        end += 2
    words = [w for w in tok.doc[start:end]]
    while words and (words[0].lower_ in LEAD_DROP or words[0].dep_ in ("poss", "det", "predet")
                     or (words[0].like_num and re.fullmatch(r"(19|20)\d\d", words[0].text))):
        words.pop(0)
    if not words:
        return ""
    # the text as typed ("noise-cancelling", "F-150"), not the tokens re-joined with spaces
    return tok.doc[words[0].i: words[-1].i + 1].text.strip(" ,.;:!?\"'")


def event_phrase(t: Token) -> str:
    """An event's noun phrase keeping possessives ("my cousin's wedding" → "cousin's wedding")."""
    left = [c for c in t.subtree if c.i < t.i and _in_left_np(c, t)]
    start = min([c.i for c in left] + [t.i])
    words = [w for w in t.doc[start:t.i + 1]]
    while words and words[0].lower_ in ("a", "an", "the", "my", "our", "this", "that", "some"):
        words.pop(0)
    text = " ".join(w.text for w in words)
    return re.sub(r"\s+'s\b", "'s", text)


def place_at(tok: Token) -> str | None:
    """A proper place name at ``tok`` (NER-tolerant: any capitalised proper phrase will do)."""
    ent = entity_at(tok)
    if ent is not None and ent.label_ in ("GPE", "LOC", "FAC", "ORG", "PERSON", "NORP"):
        text = re.sub(r"^(?:the\s+)", "", ent.text, flags=re.IGNORECASE)
        return text if text[:1].isupper() else None
    if ent is not None and ent.label_ in ("DATE", "TIME", "CARDINAL", "MONEY", "ORDINAL"):
        return None
    if tok.text[:1].isupper() and tok.pos_ in ("PROPN", "NOUN", "ADJ") and tok.i > 0:
        return noun_phrase(tok) or None
    return None


def proper_at(tok: Token) -> str | None:
    """A name-like phrase at ``tok``: a capitalised noun phrase or entity (titles, brands, employers)."""
    ent = entity_at(tok)
    if ent is not None and ent.label_ in ("ORG", "WORK_OF_ART", "PRODUCT", "PERSON", "GPE", "FAC", "EVENT"):
        text = ent.text
        if re.match(r"^the\s", text):
            text = text[4:]
        if text[:1].isupper() or text[:1].isdigit():
            return text
    np = noun_phrase(tok)
    if np and (np[:1].isupper() or np[:1].isdigit()) and tok.text[:1].isupper():
        return np
    return None


def is_person_or_place(t: Token) -> bool:
    """The token is inside a person, place, nationality or date entity."""
    ent = entity_at(t)
    return ent is not None and ent.label_ in ("PERSON", "GPE", "LOC", "NORP", "DATE", "TIME")


def objects_of(v: Token, preps: tuple[str, ...] = ()) -> list[Token]:
    """Direct objects of ``v`` (no ``preps``) or objects of its prepositions in ``preps``
    (through particles: "out to", "back from")."""
    out: list[Token] = []
    for c in v.children:
        if c.dep_ in ("dobj", "attr", "oprd", "dative") and not preps:
            out.append(c)
            out.extend(a for a in c.children if a.dep_ == "appos")
        if c.dep_ in ("prep", "agent", "prt") and (not preps or c.lower_ in preps):
            for g in c.children:
                if g.dep_ == "pobj":
                    out.append(g)
                elif g.dep_ == "prep" and (not preps or g.lower_ in preps):  # "out to", "up to"
                    out.extend(x for x in g.children if x.dep_ == "pobj")
        if c.dep_ == "advmod" and c.lower_ in ("back", "out", "up", "over", "down", "home") and preps:
            for g in c.children:
                if g.dep_ == "prep" and g.lower_ in preps:
                    out.extend(x for x in g.children if x.dep_ == "pobj")
    return out


def particle_of(v: Token) -> str:
    """Verb particles, counting "back" as one whatever its label ("got back from")."""
    parts = [c.lower_ for c in v.children if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ == "back")]
    if v.lemma_.lower() == "get" and any(c.dep_ == "prep" and c.lower_ == "through" for c in v.children):
        parts.append("through")
    return " ".join(parts)


def has_word(np: str, words: frozenset[str] | set[str]) -> bool:
    """Some word of ``np`` (punctuation stripped, lower-cased) is in ``words``."""
    return any(w.strip(",.'\"").lower() in words for w in np.split())


def word_number(text: str) -> int | None:
    """A small cardinal in digits or words: "34" → 34, "thirty" → 30, "twenty-seven" → 27."""
    n = numbers.cardinal(text)
    return n if n or text.strip().isdigit() else None  # "zero" is no count here


def first_word(doc: Doc) -> int:
    """Index of the sentence's first content word (after "just", "oh", "so", punctuation…)."""
    for tok in doc:
        if tok.is_punct or tok.lower_ in ("just", "finally", "also", "oh", "so", "and", "btw", "then",
                                           "recently", "actually", "ok", "okay", "well", "anyway", "lol"):
            continue
        return tok.i
    return 0


_VERB_FORMS: tuple[frozenset[str], frozenset[str]] | None = None


def verb_base(word: str) -> bool:
    """``word`` is the base form of a verb and no irregular form of another ("grace", not "ate")."""
    verb_form(word)  # loads the tables
    assert _VERB_FORMS is not None
    lemmas, irregular = _VERB_FORMS
    return word in lemmas and word not in irregular


def verb_form(word: str) -> bool:
    """``word`` (lower case) is a form of an English verb by the model's lemmatizer tables
    ("broke", "works", "cooking"): in a lower-case turn such a word is no name."""
    global _VERB_FORMS
    if _VERB_FORMS is None:
        tables = load_nlp().get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
        _VERB_FORMS = (frozenset(tables.get_table("lemma_index")["verb"]),
                       frozenset(tables.get_table("lemma_exc")["verb"]))
    lemmas, irregular = _VERB_FORMS
    if word in lemmas or word in irregular:
        return True
    stems = [word[:-n] for n, suffix in ((1, "s"), (2, "es"), (1, "d"), (2, "ed"), (3, "ing")) if word.endswith(suffix)]
    stems += [s + "e" for s in stems if word.endswith(("ing", "ed"))]
    return any(s in lemmas for s in stems)
