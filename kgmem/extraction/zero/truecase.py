"""Names in a turn typed without capitals raised, so that the parser, NER and the readers that key
on capitals see them ("moved to glasgow" → "moved to Glasgow", "my cat mochi" → "my cat Mochi").

A word is raised by where it stands, never by a list of people or places: after a cue that a name follows (a
verb of moving or working and its preposition, "called", a relation noun, "me and"), after a bare
place preposition when the model does not know the word, as a bare noun phrase after a verb of
reading or watching (a title), a car or phone brand of the lexicon after a determiner, a word joined
to a name by "&", a short word with no vowel (an acronym: "nhs" → "NHS").
"""

from __future__ import annotations

import re
from functools import lru_cache

from kgmem import packaged
from kgmem.extraction.zero import lexicon
from kgmem.extraction.zero.chat import CHAT_WORDS, COMMON_WORDS, correct_word, normalise_chat
from kgmem.extraction.zero.nlp import known_words, verb_base, verb_form
from kgmem.lexicon import calendar, discourse


def _words(key: str) -> frozenset[str]:
    """One word list of ``kgmem/resources/lexicon/truecase.json`` (what each list is for is written there)."""
    return frozenset(packaged.json_data("lexicon", "truecase.json")[key]["words"])


#: words between "my" and a relation noun that rank or age it, not part of a name
_RELATION_MODIFIERS = _words("relation_modifiers")
#: a word right after one of these is where a name goes (a place, an employer, a pet or a person);
#: the cue is strong enough that a known word there is a name too ("moved to glasgow", "my cat luna")
_NAME_SLOT = re.compile(
    r"\b(?:(?:moved|move|moving|relocated|relocating|settled|settling)(?:\s+(?:back|down|up|over|out))?\s+(?:to|in|into)|"
    r"(?:live|lives|living|lived|based|stationed|staying|grew\s+up|born|raised)\s+(?:in|near|outside)|"
    r"(?:originally|i'm|I'm|am)\s+from|hometown(?:\s+is|'s)|"
    r"(?:work|works|working|worked|job|shifts?|started|start|starting|joined|interning|employed|hired)\s+(?:at|for|with|by)|"
    # the employer named through something of the user's work ("my manager at deloitte", "paycheck from verdant labs")
    r"(?:boss|manager|team|colleagues?|co-?workers?|office|paycheck|paycheque|payslip|wages)\s+(?:over\s+)?(?:at|from)|"
    # a place gone to, flown to or arrived in ("flight to montreal", "we just arrive in toronto")
    r"(?:flew|fly|flying|flight|trip|holiday|vacation|went|go|going|drove|travell?ed|travell?ing|arrived?|arriving|"
    r"landed|landing)\s+(?:to|in|into|from)|(?:itinerary|homesick)\s+for|"
    r"(?:called|named|name\s+is|name's)|"
    # a relation noun, with the words that rank or age it ("my best friend noor", "my older brother
    # tomas"), and a name set off by a comma after it ("our rabbit, clementine, …")
    r"(?:my|our)\s+(?:(?:" + lexicon.alt(_RELATION_MODIFIERS) + r")\s+)*(?:" + lexicon.alt(
        lexicon.PETS | lexicon.FAMILY | lexicon.PARTNERS | {"gf", "bf", "friend", "mate", "bff", "bestie"}) + r"),?|"
    r"me\s+(?:and|&)|(?:and|&)\s+me)(?=\s+(?P<w>[a-z][a-z'-]+))")
#: a word after a place or employer preposition that the parser does not know at all is a name
#: too ("crossfit at ironworks", "a good vet in leeds")
_WEAK_SLOT = re.compile(r"\b(?:at|in|to|from|near|outside)(?=\s+(?P<w>[a-z][a-z'-]+))")
#: a car or phone brand of the lexicon after a determiner or a model year is a name ("a subaru forester",
#: "the iphone 12", "a 2012 golf"); a brand that is also a common word ("seat", "golf") only after a
#: year or before a model number ("a pixel 8")
_BRANDS = {b.lower(): b for b in lexicon.CAR_BRANDS_CASED | lexicon.PHONE_BRANDS_CASED}
_BRAND_SLOT = re.compile(r"\b(?P<cue>a|an|the|my|our|his|her|their|old|new|used|(?:19|20)\d\d)\s+(?P<w>"
                         + lexicon.alt(frozenset(_BRANDS)) + r")\b")
_COMMON_BRANDS = _words("common_brands")  # brands that are common words ("seat", "golf")
#: a short word with no vowel that the model does not know, where a name goes (after an article or a
#: preposition), is an acronym ("at the nhs" → "at the NHS"; "wfh today" is a chat abbreviation)
_ACRONYM = re.compile(r"\b[bcdfghjklmnpqrstvwxz]{2,5}\b")
_ACRONYM_SLOT = re.compile(r"\b(?:the|at|in|for|with|from|by|to|on|of)\s+(?P<w>[bcdfghjklmnpqrstvwxz]{2,5})\b")
#: words that end a name that has begun ("a job at halvorsen design and …") when they follow it: an
#: organisation's kind ("design", "labs", "& co") continues it
_CHATTER = _words("chatter")
#: a bare noun phrase (no article, no possessive) after a verb of reading, watching or seeing, or of
#: supporting a team, is a title or a name: "finished piranesi", "watched perfect days", "saw hamilton",
#: "i support celtic"; its words are raised up to the first function, time or filler word
_TITLE_SLOT = re.compile(r"\b(?:read|reading|reread|re-read|finished|finishing|started|starting|watched|watching|"
                         r"rewatched|re-watched|binged|bingeing|binging|binge-watched|saw|seen|see|support|supports|"
                         r"supporting|supported)(?=\s+(?P<w>[a-z][a-z'-]+(?:\s+[a-z][a-z'-]+){0,3}))")
#: verbs of that slot that take people as often as titles ("saw grandma", "saw hamilton")
_SEEING = frozenset({"saw", "see", "seen"})
#: what such a verb takes that is no title: kinds of media and things read or watched
_NOT_TITLES = _words("not_titles")
#: abbreviated titles that start a two-word name ("st marys", "mr biscuits")
_TITLES = _words("title_abbreviations")
#: function, place-kind, time and people words that are never a name
_NOT_NAMES = _words("not_names") | frozenset(calendar.MONTHS) | frozenset(calendar.WEEKDAYS)


_LANGUAGE_WORDS = re.compile(r"\b(?:" + lexicon.alt(lexicon.LANGUAGES - {"asl", "bsl", "scots", "creole", "lao"}) + r")\b")


def _name_word(word: str, strong: bool, one_person: bool = False) -> bool:
    """``word`` may be a name in its slot; ``one_person``: it follows a singular relation noun ("my
    best friend grace"), where a verb's base form is a name ("grace", "josh") and only a verb with
    an ending or an irregular past is the clause going on ("my sister works", "my dog ate")."""
    if word in _NOT_NAMES or word in CHAT_WORDS or word in COMMON_WORDS or word in _keywords() or len(word) < 2 \
            or word in _fillers() or word in _CHATTER:
        return False  # a word the tier keys on ("gym", "vegan") is no name
    if verb_form(word) and not (one_person and verb_base(word) and not _inflected_verb(word)):
        return False  # "my gf broke up", "my sister works at…"
    return strong or word not in known_words()


@lru_cache(maxsize=1)
def _closers() -> frozenset[str]:
    """Fillers that end a chat sentence ("lol", "tbh", "honestly")."""
    return frozenset(w for w in re.findall(r"[a-z]+", discourse.closer_alternation()) if len(w) > 1)


@lru_cache(maxsize=1)
def _fillers() -> frozenset[str]:
    """Discourse fillers and chat interjections ("lol", "honestly", "anyway", "right"): never a name."""
    return discourse.opener_words() | _closers()


@lru_cache(maxsize=1)
def _keywords() -> frozenset[str]:
    """The lexicon's words and spaCy's stop words (the example bank is left out: it holds names)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words = {w.lower() for name in dir(lexicon) if isinstance(v := getattr(lexicon, name), frozenset)
             for item in v for w in str(item).split()}
    return frozenset(words | set(STOP_WORDS))


def truecase_turn(text: str) -> str:
    """A turn typed without capitals made readable: the names after a strong cue raised first, so
    that the typo fixer never "corrects" a name it does not know ("my cat mochi" is no "mocha"); then
    chat words expanded and keyword typos fixed (:func:`normalise_chat`); then every name slot raised.
    A word in a strong slot whose one-edit fix is a verb is left to the fixer ("my sister wroks")."""
    return truecase_names(normalise_chat(truecase_names(text, strong_only=True)))


#: "grind & co", "brandt & oyelaran": words joined by an ampersand belong to the name before them
_AMPERSAND = re.compile(r"\s*&\s*([a-z][a-z'-]*)")


def truecase_names(text: str, *, strong_only: bool = False) -> str:
    """A lower-case turn with the words in name slots capitalised, so the parser and NER see names
    ("moved to glasgow" → "moved to Glasgow"; "crossfit at ironworks" → "crossfit at Ironworks").

    A word is a name when it stands where a name goes: after a strong cue (a verb of moving or
    working and its preposition, "called", "my cat", "me and") any word that is no common or
    keyword; after a bare place preposition only a word the parser does not know. A title
    abbreviation takes the next word with it ("st marys" → "St Marys"); an ampersand joins the
    next word to the name ("called grind & co" → "Grind & Co"), and a word before an ampersand
    in a name slot is a name even when it is also a verb or a keyword ("at brandt & oyelaran")."""
    spans: dict[int, int] = {}
    for rx, strong in ((_NAME_SLOT, True), (_WEAK_SLOT, False)):
        for m in rx.finditer(text):
            word = m.group("w")
            if m.start("w") in spans:
                continue
            joined = _AMPERSAND.match(text, m.end("w")) is not None and word not in _NOT_NAMES | _fillers()
            if strong_only and not strong and not joined:
                continue  # the first pass raises the names the fixer must not touch
            # after a singular relation noun ("my best friend", not "my parents") a verb's base form may be a name
            one = strong and bool(re.match(r"(?:my|our)\s", m.group(0))) and not m.group(0).rstrip(",").endswith("s")
            if word in _TITLES and (nxt := re.match(r"\s+([a-z][a-z'-]+)", text[m.end("w"):])) \
                    and nxt.group(1) not in _NOT_NAMES:
                spans[m.start("w")] = m.end("w") + nxt.end(1)
            elif joined or _name_word(word, strong, one) and not (strong_only and _fix_is_verb(word)):
                spans[m.start("w")] = m.end("w")
    if not strong_only:
        for m in _TITLE_SLOT.finditer(text):
            if m.group(0) in _SEEING and m.group("w").split()[0] in lexicon.PEOPLE_NOUNS:
                continue  # "i saw grandma yesterday", "saw doctor patel": people are seen, not watched
            if m.start("w") not in spans and (end := _title_end(text, m.start("w"), m.group("w"))):
                spans[m.start("w")] = end
    if not strong_only:
        _brands_and_acronyms(text, spans)
    for start, end in list(spans.items()):
        while (amp := _AMPERSAND.match(text, end)) is not None and amp.group(1) not in _NOT_NAMES \
                or (amp := _ORG_KIND.match(text, end)) is not None:
            end = amp.end()
        spans[start] = end
    if not strong_only:
        for m in _NAMED_PAIR.finditer(text):  # "we adopted two cats in march, pip and dot."
            if _pair_name(m.group(1)) and _pair_name(m.group(2)):  # both, or it is a list of things
                for g in (1, 2):
                    spans.setdefault(m.start(g), m.end(g))
    for m in _LANGUAGE_WORDS.finditer(text):  # a language is a name ("learning te reo maori")
        if not any(s <= m.start() < e for s, e in spans.items()):
            spans[m.start()] = m.end()
    out = text
    for start, end in sorted(spans.items(), reverse=True):
        out = out[:start] + " ".join(_raised(w) for w in out[start:end].split()) + out[end:]
    return out


def _raised(word: str) -> str:
    """A word as a name is written: a brand as the lexicon writes it ("iPhone", "BMW"), an acronym
    in capitals, any other word with a capital first letter."""
    if word in _BRANDS:
        return _BRANDS[word]
    if _ACRONYM.fullmatch(word) and word not in known_words():
        return word.upper()
    return word[:1].upper() + word[1:]


#: words that name the kind of an organisation after its name ("halvorsen design", "verdant labs",
#: "crux climbing"): in a turn typed lower case they continue the name before them (truecase.json, not
#: the lexicon module, whose word sets feed the typo fixer's vocabulary and the keywords; the words are data)
ORG_KINDS = _words("org_kinds")
_ORG_KIND = re.compile(r"\s+(?:" + lexicon.alt(ORG_KINDS | {"city"}) + r")\b")  # "mexico city" too
_NEXT_WORD = re.compile(r"\s+([a-z0-9][a-z0-9-]*)\b")
#: words after a model's name and number that belong to it
_EDITIONS = _words("editions")


def _brands_and_acronyms(text: str, spans: dict[int, int]) -> None:
    """Add to ``spans`` the brands of the lexicon after a determiner or year (with a model word after
    a maker: "our ford focus") and the vowel-less acronyms the model does not know."""
    for m in _BRAND_SLOT.finditer(text):
        word = m.group("w")
        end = m.end("w")
        nxt = _NEXT_WORD.match(text, end)
        numbered = nxt is not None and any(ch.isdigit() for ch in nxt.group(1))  # "pixel 9", "galaxy s23"
        if m.start("w") in spans or word in _COMMON_BRANDS and not m.group("cue")[:1].isdigit() and not numbered:
            continue
        if nxt is not None and (nxt.group(1) in _BRANDS or any(ch.isdigit() for ch in nxt.group(1))
                                or _title_end(text, nxt.start(1), nxt.group(1))
                                and nxt.group(1) not in COMMON_WORDS and not _inflected_verb(nxt.group(1))):
            end = nxt.end(1)  # the model after the maker: "subaru forester", "ford focus", "rivian r1s"
        # a model's number and its edition ("iphone 15 pro", "pixel 8a")
        while (nxt := _NEXT_WORD.match(text, end)) is not None and (
                any(ch.isdigit() for ch in nxt.group(1)) or nxt.group(1) in _EDITIONS):
            end = nxt.end(1)
        spans[m.start("w")] = end
    for m in _ACRONYM_SLOT.finditer(text):
        word = m.group("w")
        if m.start("w") not in spans and word not in known_words() and word not in CHAT_WORDS and word not in _TITLES \
                and word not in _fillers() and word not in _CHATTER:
            spans[m.start("w")] = m.end("w")


def _title_end(text: str, start: int, words: str) -> int:
    """Where the title that starts at ``start`` ends (0: no title there). Its words run up to the
    first function, time, chat or filler word; a gerund or a kind of media first is no title
    ("started running", "watched tv")."""
    end = start
    for w in re.finditer(r"[a-z][a-z'-]*", words):
        word = w.group(0)
        if word in _NOT_NAMES or word in CHAT_WORDS or word in _closers() or word in _stop_words() or word in _CHATTER \
                or len(word) < 2 \
                or end == start and word in _NOT_TITLES or word.endswith("ing") and verb_form(word) \
                or word.endswith("ly"):
            break
        end = start + w.end()
    return end if end > start else 0


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


#: two or more animals or people counted in a clause, then their names as a pair closing it: "we
#: adopted two guinea pigs last weekend, salt and pepper." (the pair is what the animals are called,
#: whatever the words: a name there may be a food or a common word)
_NAMED_PAIR = re.compile(
    r"\b(?:two|three|both|the|our|my|\d)\s+(?:[a-z-]+\s+)?(?:" + lexicon.alt(frozenset(
        p + "s" for p in lexicon.PETS | {"kitten", "puppy", "pup", "kid", "boy", "girl", "twin", "friend"}) | {
        "guinea pigs", "kids", "puppies", "children", "grandkids"}) + r")\b[^.!?;,]*,\s+([a-z][a-z'-]+)\s+(?:and|&)\s+"
    r"([a-z][a-z'-]+)\s*(?=[.!?]|$)")


def _pair_name(word: str) -> bool:
    """A word of a closing pair that may be a name: no function, time, chat or verb word."""
    return len(word) > 1 and word not in _NOT_NAMES and word not in _stop_words() and word not in CHAT_WORDS \
        and word not in _fillers() and word not in _CHATTER and not _inflected_verb(word)


def _inflected_verb(word: str) -> bool:
    """``word`` is a verb with an ending ("needs", "towed", "sleeping"; an irregular past is not)."""
    if word.endswith(("ed", "ing")):
        return verb_form(word)
    return word.endswith("s") and (verb_form(word[:-1]) or word.endswith("es") and verb_form(word[:-2]))


def _fix_is_verb(word: str) -> bool:
    """The typo fixer would turn ``word`` into a verb ("wroks" → "works"): no name then."""
    fixed = correct_word(word)
    return fixed != word and verb_form(fixed)
