"""A taste told in words no taste frame reads, read by meaning (pf29, issue #14 point 3).

People state what they like in endless ways ("my weekends revolve around bouldering", "every plan I make somehow
ends up involving tapas", "swimming laps is the one exercise I actually look forward to"); the frames of
:mod:`kgmem.answer.taste` read the common grammatical shapes, never all of them. A user's own line that no frame reads
is read here against the question's domain (:class:`kgmem.answer.pref_domains.DomainView`): its thing is the noun phrase
nearest that domain by meaning, and the line, with that thing put as "it", is a liking when it is clearly nearer a bank
of fond statements than a bank of plain ones (buying, fixing, carrying, being asked about it) and of averse ones
(``kgmem/resources/preference/fondness.json``, general English in many voices). Only lines of the question's domain are
read, so a liking of another domain is never offered for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache
from typing import TYPE_CHECKING

import numpy as np

from kgmem import packaged
from kgmem.answer.actuality import actuality
from kgmem.answer.evidence import EvidenceSet
from kgmem.answer.pref_domains import DOMAIN_FLOOR, DomainView
from kgmem.answer.pref_reading import asks_in, own_clause
from kgmem.answer.pref_stated import Stated, by_meaning
from kgmem.answer.stale import stale
from kgmem.answer.taste import LEXICON
from kgmem.knowledge import names_a_person
from kgmem.lexicon.numbers import cardinal_alternation
from kgmem.lexicon.people import PERSONAL_WORD, USER_SUBJECTS
from kgmem.nlp import load_nlp

if TYPE_CHECKING:
    from spacy.tokens import Token

#: the mean cosine of a line's nearest statements of a bank (this many) is its closeness to the bank
NEAREST = 2
#: the least closeness to the fond bank for a liking, and the least lead over the plain and averse banks
FLOOR = 0.35
MARGIN = 0.08
#: a thing is of the question's domain when that domain is its own (as a stated taste's thing is kept:
#: :func:`kgmem.answer.preference.stated_preferences`), or within this much of its own
THING_MARGIN = 0.0
#: a thing of more words than this is a clause, not a thing
_MOST_WORDS = 6
#: the words of the taste frames (:data:`kgmem.answer.taste.LEXICON`): "a huge fan", "my favourite" are no thing liked
_FRAME_WORDS = frozenset(w.casefold() for entries in LEXICON.values() for e in entries for w in e.split())
#: nouns too general to be a thing liked ("the best part of my week", "a session most mornings", "the one thing")
_GENERAL = frozenset({"part", "thing", "things", "one", "bit", "lot", "way", "time", "times", "kind", "sort", "type",
                      "session", "day", "days", "week", "weeks", "weekend", "weekends", "evening", "evenings", "morning",
                      "mornings", "night", "nights", "moment", "life", "stuff", "best", "fan", "big", "huge", "massive",
                      "whole", "most", "all", "every", "single", "same", "other", "new", "last", "first", "ritual", "routine",
                      "habit", "treat", "favourite", "favorite", "go-to", "soundtrack", "passion", "obsession"})
#: a phrase that counts things ("three cardigans", "six varieties"): an amount, not a taste
_COUNTED = re.compile(rf"^(?:\d+|{cardinal_alternation()}|a\s+few|several|many)\s", re.I)
#: a noun phrase's leading words that name nothing, and the entities that are no thing liked
_NO_NAME = frozenset({"DET", "ADV", "INTJ", "PUNCT", "CCONJ", "PART"})
_NOT_THINGS = frozenset({"PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
#: where a line's next clause starts: a comma before the speaker's own new clause, a semicolon, "but", "whereas"
_CLAUSE_BREAK = re.compile(r",\s*(?:and\s+|but\s+|so\s+)?(?=(?:i|i'm|i've|i'd|im|ive|we|we're|we've|my|our|it's)\b)|;\s*|"
                           r"\s+(?:but|whereas)\s+", re.I)
#: the subordinators of a condition (a reason may hold the liking: "my friends tease me because every plan I make
#: involves synthpop")
_ASIDE_MARKS = frozenset({"if", "unless"})
_IT = re.compile(r"\bit\b", re.I)
#: a line longer than this is read by its frames only (a rambling turn's line names many things)
_LONGEST = 400
_DETERMINER = re.compile(r"^(?:a|an|the|some|any|every|all|this|that|these|those)\s+", re.I)


@cache
def _bank() -> dict[str, list[str]]:
    data: dict[str, list[str]] = packaged.json_data("preference", "fondness.json")
    return {k: data[k] for k in ("fond", "plain", "averse")}


#: the banks' statement vectors per embedding model, computed once per process
_VECTORS: dict[str, np.ndarray] = {}


def _vectors(embed: Callable[[list[str]], np.ndarray | None], model: str | None) -> np.ndarray | None:
    if model is not None and model in _VECTORS:
        return _VECTORS[model]
    bank = _bank()
    vecs = embed([s for k in ("fond", "plain", "averse") for s in bank[k]])
    if vecs is not None and model is not None:
        _VECTORS[model] = vecs
    return vecs


def fondness(masked: Sequence[str], embed: Callable[[list[str]], np.ndarray | None],
             model: str | None = None) -> list[float | None]:
    """Per statement (its thing put as "it"): its closeness to the fond bank's lead over the plain and averse ones when
    it tells a liking by meaning (module docstring), else ``None``."""
    bank = _vectors(embed, model)
    vecs = embed(list(masked)) if bank is not None and masked else None
    if bank is None or vecs is None:
        return [None] * len(masked)
    sizes = [len(v) for v in _bank().values()]
    out: list[float | None] = []
    for sims in np.asarray(vecs) @ bank.T:
        near, k = [], 0
        for n in sizes:
            near.append(float(np.sort(sims[k:k + n])[::-1][:NEAREST].mean()))
            k += n
        lead = near[0] - max(near[1:])
        out.append(lead if near[0] >= FLOOR and lead >= MARGIN else None)
    return out


def things(text: str) -> list[tuple[int, int, str]]:
    """The phrases a line may tell a taste of, as (start, end, phrase): its noun phrases and its doings named by a
    gerund ("swimming laps", "hiking in the hills"); no pronoun, no person of the speaker's ("my sister"), no longer
    than a few words, a leading determiner left off."""
    doc = load_nlp()(text)
    # (a thing named only in a condition is not the one the line is fond of: "I'd be at the coast every weekend if the
    # trains were better" is no liking of trains)
    aside = {t.i for v in doc if v.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _ASIDE_MARKS
                                                           for c in v.children) for t in v.subtree}
    spans = []
    for chunk in doc.noun_chunks:
        if chunk.root.i in aside or _kind_of_person(chunk.root) is not None or \
                (chunk.root.pos_ == "NOUN" and names_a_person(chunk.root.text)):
            continue  # (a kind of person: below; a person is no taste)
        # (a chunk's leading words that name nothing: "Honestly true crime podcasts", "the")
        kept = [t for t in chunk if t.i >= next((w.i for w in chunk if w.pos_ not in _NO_NAME), chunk.end)]
        if kept and chunk.root.pos_ != "PRON" and chunk.root.ent_type_ not in _NOT_THINGS:
            spans.append((kept[0].idx, chunk.end_char, text[kept[0].idx:chunk.end_char]))
    for tok in doc:
        if tok.i in aside:
            continue
        if (kind := _kind_of_person(tok)) is not None:
            # the speaker as a kind of person ("a total carb person", "a Linux nerd"): the thing is what the kind is of
            spans.append(_span(text, kind[0], kind[-1]))
            continue
        if tok.pos_ == "NOUN" and names_a_person(tok.text):
            continue  # a person is no taste ("the barista starts on my espresso the second I walk in")
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("compound", "amod") and tok.ent_type_ not in _NOT_THINGS:
            # a noun with the words that make it up ("lentil soup"), where the parser made no chunk of it
            first = min([tok, *(c for c in tok.lefts if c.dep_ in ("compound", "amod"))], key=lambda t: t.i)
            spans.append(_span(text, first, tok))
        if tok.tag_ == "VBG" and tok.dep_ in ("csubj", "nsubj", "pobj", "dobj", "pcomp", "attr", "conj"):
            sub = list(tok.subtree)
            spans.append(_span(text, sub[0], sub[-1]))
    spans = list(dict.fromkeys(spans))
    out = []
    for start, end, span in spans:
        phrase = _DETERMINER.sub("", span).strip()
        words = {w.casefold() for w in re.findall(r"[\w'-]+", phrase)}
        if phrase and not PERSONAL_WORD.search(phrase) and len(phrase.split()) <= _MOST_WORDS and \
                not words <= _FRAME_WORDS | _GENERAL and not _COUNTED.match(phrase):
            out.append((start, end, phrase))
    return out


def _span(text: str, first: Token, last: Token) -> tuple[int, int, str]:
    """(start, end, words) of the line's words from ``first`` to ``last``."""
    end = last.idx + len(last.text)
    return first.idx, end, text[first.idx:end]


def _kind_of_person(noun: Token) -> list[Token] | None:
    """The words a noun naming a kind of person is of ("a jazz head", "a total carb person", "proper coffee snob"):
    its compound words, else the adjective next to it; ``None`` for a noun of no person or with none of them."""
    person = names_a_person(noun.text) if noun.pos_ == "NOUN" else False
    # (a word with senses of both, "head", "buff", "person", only as what the speaker says they are: "I'm a jazz head")
    if not person and not (person is None and noun.dep_ == "attr" and
                           any(c.dep_ == "nsubj" and c.lower_ in USER_SUBJECTS for c in noun.head.children)):
        return None
    lefts = [c for c in noun.lefts if c.dep_ in ("compound", "amod")]
    kinds = [c for c in lefts if c.dep_ == "compound"] or [c for c in lefts if c.i == noun.i - 1]
    return kinds or None


def _cuts(text: str) -> list[int]:
    return [0, *(m.end() for m in _CLAUSE_BREAK.finditer(text)), len(text)]


def _clause_start(text: str, start: int) -> int:
    return max(c for c in _cuts(text) if c <= start)


def _masked(text: str, start: int, end: int) -> str:
    """The clause of the line that holds the phrase at ``start:end``, with the phrase put as "it": a liking told in
    another clause is not its ("Knitting is how I unwind, I've got three cardigans on the needles": not cardigans)."""
    hi = min(c for c in _cuts(text) if c >= end)
    return f"{text[_clause_start(text, start):start]}it{text[end:hi]}".strip(" ,;")


def tastes_by_meaning(texts: Sequence[str], view: DomainView, embed: Callable[[list[str]], np.ndarray | None],
                      model: str | None = None, floor: float = DOMAIN_FLOOR) -> list[str | None]:
    """Per line: the thing it tells a liking of, read by meaning, when that thing is of the question's domain (at least
    ``floor`` near it, and its own domain or within :data:`THING_MARGIN` of it; or, as a stated taste's sentence speaks
    for its thing, its clause is of the domain and the thing itself clearly of no other: "I'm out on the bike most
    weekends" is about exercise though "bike" alone is nearest shopping); ``None`` otherwise. Of a line's phrases of
    the domain, the one whose line, with it put as "it", leads the fond bank by most is its thing ("swimming laps is
    the one exercise I look forward to": swimming laps, not one exercise). A liking its clause negates is none ("I'm
    not really a dessert person"): the clause without its negation reads as fond too."""
    found = [things(t) for t in texts]
    flat = [p for row in found for _, _, p in row]
    spans = [(i, a, b) for i, (text, row) in enumerate(zip(texts, found)) for a, b, _ in row]
    told = [_clause(texts[i], a, b) for i, a, b in spans]
    fits = view.fit(flat + told, floor=floor, margin=THING_MARGIN) if flat else []
    away = view.elsewhere(flat) if flat else []
    n = len(flat)
    variants: list[tuple[int, str, str]] = []  # (line, masked line, phrase)
    for k, (i, a, b) in enumerate(spans):
        text = texts[i]
        # (a clause whose "it" comes before the phrase is about a thing named elsewhere: "…, it's my Sunday ritual" is
        # no liking of a ritual; "I've been cooking lentil soup and it never gets old" is of the soup)
        # (a deed the speaker must do is no liking: "I have to do my stretches every morning")
        if (fits[k] > 0 or (fits[n + k] > 0 and not away[k])) and not _IT.search(text[_clause_start(text, a):a]) \
                and not _OBLIGED.search(told[k]):
            variants.append((i, _masked(text, a, b), flat[k]))
    # a negated clause is read again without its negation: fond both ways, the negation denies the liking
    bare = [_NEGATION.sub(" ", m) if _NEGATION.search(m) else "" for _, m, _ in variants]
    leads = fondness([m for _, m, _ in variants] + [u for u in bare if u], embed, model)
    denied = iter(leads[len(variants):])
    fond: dict[int, list[tuple[float, str]]] = {}
    for (i, _, phrase), lead, unsaid in zip(variants, leads, bare):
        if unsaid and next(denied) is not None:
            continue
        if lead is not None:
            fond.setdefault(i, []).append((lead, phrase))
    return [_widest(fond[i]) if i in fond else None for i in range(len(texts))]


def _widest(read: list[tuple[float, str]]) -> str:
    """Of a line's phrases read fondly, the one that leads by most, or a phrase holding it that is read fondly too
    ("hiking in the hills", not "hills")."""
    best = max(read)[1]
    return max((p for _, p in read if best in p), key=len)


#: the negation of a clause ("not really", "never", "n't"), dropped to read the clause as if unnegated
_NEGATION = re.compile(r"\b(?:not|never|no\s+longer|hardly)\b|(?<=\w)n't\b", re.I)


#: a modal of obligation: what the speaker must do ("I have to", "having to", "my physio has me doing")
_OBLIGED = re.compile(r"\b(?:(?:have|has|had|having|need|needs|got)\s+to|must|(?:supposed|meant|made)\s+to)\b|"
                      r"\b(?:makes?|has|have)\s+me\s+\w+ing\b", re.I)


def _clause(text: str, start: int, end: int) -> str:
    """The clause of the line that holds the phrase at ``start:end``, as said."""
    return text[_clause_start(text, start):min(c for c in _cuts(text) if c >= end)].strip(" ,;")


def told_fondly(text: str, thing: str, embed: Callable[[list[str]], np.ndarray | None], model: str | None = None) -> bool:
    """Whether the line, with ``thing`` put as "it", tells a liking of it by meaning (a thing the line does not name
    as said is given the benefit of the doubt)."""
    at = text.casefold().find(thing.casefold())
    if not thing or at < 0:
        return True
    return fondness([_masked(text, at, at + len(thing))], embed, model)[0] is not None


def ordered(text: str) -> bool:
    """Whether a line opens with a bare verb, an order to the assistant ("convert 30 miles to km", "Write me a haiku")."""
    doc = load_nlp()(text)
    first = next((t for t in doc if not t.is_punct and not t.is_space), None)
    return first is not None and first.tag_ == "VB" and first.dep_ == "ROOT"


def readable(text: str) -> bool:
    """Whether a user's line may tell a liking the meaning reader reads: the speaker's own statement (its "I" may be
    left out), no question, no order to the assistant, not a rambling turn's line."""
    return "?" not in text and len(text) <= _LONGEST and not asks_in(text) and own_clause(text) and not ordered(text)


def reads_liking(text: str, view: DomainView, embed: Callable[[list[str]], np.ndarray | None],
                 model: str | None = None) -> str | None:
    """The thing one line, said by the user as a fact of their own life, tells a liking of for the question's domain
    (the reading of :func:`stated_by_meaning`, line by line), or ``None``."""
    if actuality(text) != "actual" or not readable(text):
        return None
    thing = tastes_by_meaning([text], view, embed, model)[0]
    return None if thing is None or stale(text, thing) else thing


def stated_by_meaning(ev: EvidenceSet, view: DomainView, read: set[str]) -> list[Stated]:
    """The likings of the question's domain that the user's own actual lines tell in words no frame reads (``read``: the
    lines a frame or a fact already read), from the turns retrieval kept or found close in meaning, as candidates of
    :func:`kgmem.answer.pref_stated.candidates`."""
    result = ev.result
    ranked = {t.id for t in result.turns} | set(result.similarity)
    # the speaker's own statement (its "I" may be left out: "can't beat a long walk on the cliffs"): no question, no
    # order to the assistant ("convert 30 miles to km"), no one else's doing
    lines = [ln for ln in ev.all_user_lines() if ln.turn_id in ranked and ln.text not in read and
             ln.actuality == "actual" and readable(ln.text)]
    embedder = result.embedder
    model = f"{embedder.name}:{embedder.dim}" if embedder is not None else None
    found = tastes_by_meaning([ln.text for ln in lines], view, result.embed, model) if lines else []
    # a liking told as over is none ("I used to love comedy podcasts but they've stopped doing it for me")
    hits = [(ln, thing) for ln, thing in zip(lines, found) if thing is not None and not stale(ln.text, thing)]
    sims = ev.line_similarity([ln for ln, _ in hits])
    out = [Stated(thing, True, (ev.turn_similarity(ln.turn_id) or sims.get((ln.turn_id, ln.position), 0.0)) + 20 * ln.score,
                  ln.session_id, f"\"{ln.text[:100]}\" (said {ln.said_at.date()})", ln.turn_id, quote=ln.text)
           for ln, thing in hits]
    by_meaning(ev, out)
    return out
