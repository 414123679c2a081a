"""Typed values in a sentence: names, places, organisations, money, numbers, items.

spaCy entities of the right label first, then patterns for what the small model misses ("my
brother Tariq", "named Rex", "at Peak Climbing Gym", "$45").
"""

from __future__ import annotations

import re

from kgmem import knowledge
from kgmem.answer.match import second_person
from kgmem.lexicon import calendar
from kgmem.lexicon.discourse import opener_words, strip_openers
from kgmem.lexicon.people import abbreviations, relation_words, titles
from kgmem.retrieval.question import nlp

#: spaCy entity labels that can answer each answer type
_LABELS: dict[str, tuple[str, ...]] = {
    "person": ("PERSON",), "place": ("GPE", "LOC", "FAC"), "org": ("ORG", "FAC", "GPE"),
    "money": ("MONEY",), "number": ("CARDINAL", "QUANTITY"), "date": ("DATE",),
    "item": ("PRODUCT", "WORK_OF_ART", "ORG", "EVENT"),
}
#: "named Rex", "we named her Biscuit", "called him Ollie": a pronoun may stand between
_NAMED = re.compile(r"\b(?:named|called|name is|name's)\s+(?:(?:her|him|it|them)\s+)?([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)")
#: "my brother Tariq", "Tariq, my brother,", "Tariq (my brother)": a name next to a relation
#: "my bandmate Ola, …", "my roomie Jess is …": a name after "my <any noun>" when punctuation or a
#: grammatical word follows (a listed relation takes any word after it: _MY_REL_NAME)
_RELATION_NAME = re.compile(
    r"\b[Mm]y\s+(?:[a-z-]+\s+)?(?:[a-z]+)\s*,?\s+(?P<n>[A-Z][a-z'-]+)(?=\s*(?:,|\.|\)|!|\?|\s+(?:is|was|has|had|and|"
    r"who|just|at|called|named)\b))")
#: people and pets a user calls "my X": a name right after one is theirs ("My stepmom Petra sent me …")
RELATION_WORDS = relation_words()
#: capitalised words that open a sentence without being a name: the discourse openers
#: (:mod:`kgmem.lexicon.discourse`), pronouns, articles, titles and day words
_OPENER_CAPS = frozenset(w.capitalize() for w in opener_words())
_NOT_NAMES = _OPENER_CAPS | frozenset(titles()) | frozenset(
    "Today Yesterday Tomorrow Tonight The This That It He She They We I My Our Side".split())
#: titles before a name ("Dr", "Mrs", "Prof"), one alternation
_TITLE_ALT = "|".join(titles())
_NOT_NAME_ALT = "|".join(re.escape(w) for w in sorted(_NOT_NAMES, key=len, reverse=True))
_REL_WORDS = "|".join(re.escape(w) for w in RELATION_WORDS)
_ADJ = r"(?:(?:best|older|younger|little|big|new|old|late|dear|twin)\s+)?"
_MY_REL_NAME = re.compile(
    rf"(?:\b[Mm]y\s+|\b[Oo]ur\s+|^\W*){_ADJ}(?i:{_REL_WORDS})\s*(?:,|\(|\s[-–—]|\s+(?:is|was)\s+(?:called\s+|named\s+)?)?\s*"
    rf"(?P<n>(?:(?:{_TITLE_ALT})\.?\s+)?[A-Z][a-zé-]+)(?=['’]s\b|\s*[,.)!?;:—–-]|\s+[a-z]|\s*$)|"
    rf"\b(?!(?:{_NOT_NAME_ALT})\b)"
    rf"(?P<n2>[A-Z][a-zé-]+)\s*(?:,|\(|,?\s+who\s+is|\s+(?:is|was))\s*(?:my|our)\s+{_ADJ}(?:{_REL_WORDS})\b|"
    rf"\b(?i:my|our)\s+{_ADJ}(?i:{_REL_WORDS})['’]s\s+name\s+(?:is|was)\s+(?P<n3>[A-Z][a-zé-]+)")
#: "Pico is coming too - he's my border collie": a name, then a pronoun saying whose it is
_PRONOUN_NAME = re.compile(
    r"\b(?P<n>[A-Z][a-z'-]+)\b[^.!?;]{0,40}?\b(?:he|she)(?:'s|\s+is|\s+was)\s+(?:my|our)\s+(?:[a-z-]+\s+){0,2}?"
    r"(?:dog|cat|puppy|kitten|pet|bird|parrot|rabbit|hamster|horse|collie|terrier|retriever|spaniel|poodle|"
    r"labrador|beagle|greyhound|[a-z]+)\b")
_SHOP_PHRASE = re.compile(r"\b(?:from|at)\s+((?:a|an|the|my)\s+[\w'& -]{2,40}?)(?=\s*(?:,|\.|;|\)|for\b|it\b|and\b|"
                          r"last\b|yesterday\b|today\b|this\b|two\b|three\b|four\b|a few\b|a couple\b|$))")
#: an amount in any currency the user writes: "$1,850", "£1,250", "€40", "300 bucks", "1.2k euros"
_MONEY_SPAN = re.compile(r"[$£€]\s?\d[\d,]*\d(?:\.\d+)?k?|[$£€]\s?\d(?:\.\d+)?k?|"
                         r"\b\d[\d,]*(?:\.\d+)?k?\s?(?:dollars|bucks|euros|pounds|quid|usd|eur|gbp)\b", re.I)
#: one capitalised word of a name, an abbreviation included ("St. Brigid's", "Mt. Hood")
_CAP = rf"(?:(?:{'|'.join(a for a in abbreviations() if a[0].isupper())})\.|[A-Z][\w'&-]*)"
def _entities(text: str) -> list[tuple[str, str]]:
    model = nlp()
    if model is None:
        return []
    doc = model(text)
    return [(e.text, e.label_) for e in doc.ents]


def my_relation_names(text: str) -> list[str]:
    """Names the user ties to themself in a sentence about someone else ("my brother Tariq",
    "Pico … he's my border collie"); "their grandmother Selin" is no name of the user's."""
    # "Oh, my sister Ana": no interjection or sentence opener is a name
    out = [n for m in _RELATION_NAME.finditer(text) if (n := m.group("n")) and n not in _NOT_NAMES]
    for m in _MY_REL_NAME.finditer(text):
        name = m.group("n") or m.group("n2") or m.group("n3")
        if name not in out and name not in _NOT_NAMES:
            out.append(name)
    return out + [m.group("n") for m in _PRONOUN_NAME.finditer(text) if m.group("n") not in _NOT_NAMES]


#: "my dad has taken over", "our neighbour feeds her": a person named by their relation to the user
#: (not "my mum's knee", whose person is no doer here, and not "my brother Tariq", a name)
_KIN_PHRASE = re.compile(rf"\b(?:[Mm]y|[Oo]ur)\s+{_ADJ}(?i:{_REL_WORDS})\b(?!['’]s\b|-|\s+[A-Z])")


def kin_phrases(text: str) -> list[str]:
    """The people a sentence names by their relation to the user only ("my dad"), in order, once
    each, lower-cased ("My dad" and "my dad" are one)."""
    return list(dict.fromkeys(m.group(0).lower() for m in _KIN_PHRASE.finditer(text)))


def kin_person(question: str, text: str) -> list[str]:
    """A who-question's person named by relation in a line that answers it ("my dad has taken over
    Thursdays with Isla" → "your dad"), when the line names exactly one such person the question
    does not; two ("my mum and my dad") are a tie no single answer settles."""
    asked = {w.lower() for w in re.findall(r"[A-Za-z-]+", question)}
    kin = [k for k in kin_phrases(text) if k.split()[-1] not in asked and k.split()[-1].rstrip("s") not in asked]
    return [second_person(kin[0])] if len(kin) == 1 else []


def tied_relation(text: str, name: str) -> str | None:
    """The relation word a sentence ties a name to ("My sister Ana is moving" → sister; "Ana, my
    sister, …" → sister), else ``None``."""
    n = re.escape(name)
    m = re.search(rf"\b(?:[Mm]y|[Oo]ur)\s+(?:\w+\s+)?(\w+)\W{{1,3}}{n}\b", text) or \
        re.search(rf"\b{n},?\s+(?:who\s+is\s+|is\s+)?(?:my|our)\s+(?:\w+\s+)?(\w+)\b", text, re.I)
    return m.group(1).lower() if m and m.group(1).lower() in RELATION_WORDS else None


def typed_spans(text: str, answer_type: str) -> list[str]:
    """Values of ``answer_type`` in one sentence, best first."""
    if answer_type == "money":
        return _MONEY_SPAN.findall(text)
    spans: list[str] = []
    if answer_type == "person":
        spans += [m.group(1) for m in _NAMED.finditer(text)]
        spans += my_relation_names(text)
        spans += [m.group(0) for m in _TITLED.finditer(text) if m.group(0) not in spans]
    labels = _LABELS.get(answer_type, ())
    if labels:
        ents = _entities(text)
        for label in labels:  # label order is preference order
            spans += [t for t, lab in ents if lab == label and t not in spans]
    if answer_type in ("org", "place", "item") and not spans:
        prepped = re.findall(rf"\b(?:at|from|in|to|for|with|joined|joining|join|called|named)\s+((?:the\s+)?{_CAP}(?:\s+{_CAP})*)",
                             text)
        spans += [p for p in prepped if p.split()[0] not in ("I", "I'm", "The")]
    if answer_type == "place" and not spans:  # "we picked a venue for the reunion: the Harbor Room"
        spans += [m.group(1) for m in re.finditer(rf"\b(?:venue|place|spot|location)\b[^.!?]{{0,40}}?:\s*((?:the\s+)?{_CAP}(?:\s+{_CAP})*)",
                                                  text)]
    if answer_type in ("org", "item") and not spans:  # "Peak Climbing Gym is my gym"
        body = strip_openers(text.strip(" (\"'"))
        spans += [m.group(0) for m in re.finditer(rf"\b{_CAP}(?:\s+{_CAP})+", body)
                  if m.group(0).split()[0] not in _OPENER_CAPS | {"I", "I'm", "The", "My", "Side"}]
    out = [s.strip(" .,'\"") for s in spans if s.strip(" .,'\"")]
    if answer_type == "person":  # "my stepmom Petra's birthday": the name is Petra ("St. Brigid's" is a name whole)
        out = [with_title(re.sub(r"['’]s$", "", s), text) for s in out]
    # a two-letter acronym ("the ER was packed") is a poor name when a fuller one is there, and so is a
    # common word shouted ("after a LOT of agonising I said yes to Halcyon Robotics")
    return sorted(out, key=lambda s: len(s) <= 2 or (s.isupper() and s.isalpha() and knowledge.common_word(s)))


_TITLE = re.compile(rf"\b({_TITLE_ALT})\.?\s+$")
#: a title and a capitalised name is a person ("The physio I saw, Dr Amara Singh, said …")
_TITLED = re.compile(rf"\b(?:{_TITLE_ALT})\.?\s+[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?")


def whole_name(name: str, text: str) -> str:
    """A name the tagger cut short, taken on through the capitalised words right after it in the
    sentence ("I went down to Dr Ní Bhriain": the tagger gives "Ní"); a word of the calendar, "I" or
    a number ends it, and a name holding one is left as it is."""
    i = text.find(name)
    words = name.split()
    if i < 0 or not name[:1].isupper() or any(_calendar_word(w) or any(c.isdigit() for c in w) for w in words):
        return name
    more = re.match(r"(?:\s[^\W\d_][\w'’-]*){1,2}", text[i + len(name):])
    for w in more.group(0).split() if more else []:
        if not w[:1].isupper() or w == "I" or _calendar_word(w):
            break
        name += " " + re.sub(r"['’]s$", "", w)
        if w.endswith(("'s", "’s")):
            break
    return name


def _calendar_word(word: str) -> bool:
    w = word.strip(".,").lower()
    return calendar.month_number(w) is not None or calendar.weekday_number(w) is not None


def with_title(name: str, text: str) -> str:
    """A name with the title the user gave it ("Mr Patel", "Dr. Lindqvist"): how they call the person."""
    name = whole_name(name, text)
    i = text.find(name)
    m = _TITLE.search(text[:i]) if i > 0 and not _TITLE.match(name + " ") else None
    return f"{text[m.start():i]}{name}".strip() if m else name
