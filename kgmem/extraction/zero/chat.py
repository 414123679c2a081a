"""Texting style made readable: chat abbreviations expanded, lower-case "i" raised, and a typo of a
word the extractor keys on corrected ("im alergic to shelfish" → "I'm allergic to shellfish").

Only what the parser and the patterns need: a short abbreviation table and an edit-distance-1
correction against a vocabulary of words the tier keys on (the lexicon's sets and the words of the
example bank), applied to lower-case words of five letters or more that are not in that
vocabulary and unknown to the spaCy model. Names and anything capitalised are left alone.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache

from kgmem.extraction.zero import lexicon
from kgmem.extraction.zero.nlp import known_words, verb_form
from kgmem.lexicon import calendar

#: chat abbreviations and apostrophe-less contractions → their written form
CHAT_WORDS: dict[str, str] = {
    "i": "I", "im": "I'm", "ive": "I've", "ill": "I'll", "i'm": "I'm", "i've": "I've", "i'd": "I'd", "i'll": "I'll",
    "dont": "don't", "didnt": "didn't", "cant": "can't", "isnt": "isn't", "wasnt": "wasn't", "doesnt": "doesn't",
    "havent": "haven't", "hasnt": "hasn't", "wouldnt": "wouldn't", "couldnt": "couldn't", "shouldnt": "shouldn't",
    "thats": "that's", "whats": "what's", "theres": "there's", "were'": "we're", "youre": "you're", "its'": "it's",
    "gf": "girlfriend", "bf": "boyfriend", "hubby": "husband", "wifey": "wife", "bff": "best friend",
    "n": "and", "r": "are", "u": "you", "ur": "your", "bc": "because", "b/c": "because", "cuz": "because",
    "coz": "because", "tmrw": "tomorrow", "tmr": "tomorrow", "tmw": "tomorrow", "2moro": "tomorrow",
    "nite": "night", "tonite": "tonight", "frm": "from", "thru": "through", "w/": "with", "yrs": "years",
    "yr": "year", "wk": "week", "wks": "weeks", "mo": "month", "mos": "months", "pls": "please", "plz": "please",
    "rn": "right now", "abt": "about", "prob": "probably", "def": "definitely", "ppl": "people", "bday": "birthday",
    "b-day": "birthday", "fav": "favourite", "fave": "favourite", "fav.": "favourite", "evr": "ever", "sooo": "so",
    "soo": "so", "gonna": "going to", "wanna": "want to", "gotta": "have to", "kinda": "kind of", "sorta": "sort of",
    "doin": "doing", "goin": "going", "tryin": "trying", "workin": "working", "livin": "living", "startd": "started",
    "finaly": "finally", "realy": "really", "thx": "thanks", "ty": "thank you", "2day": "today", "yday": "yesterday",
    "yest": "yesterday", "jus": "just", "btw": "by the way", "bro": "my brother", "sis": "my sister", "tdy": "today", "wknd": "weekend", "appt": "appointment", "mgr": "manager", "uni": "university",
    "fone": "phone", "fones": "phones", "mornin": "morning", "evenin": "evening",
}
_WORD = re.compile(r"[A-Za-z][A-Za-z'/-]*|\d+[A-Za-z]*|\S")
_LETTERS = string.ascii_lowercase

#: common words a typo fix must never turn into something else
_COMMON = frozenset((
    "about after again also always another around back because been before being best better both bring "
    "came cannot could days doing done down during each every first found from going gone good great "
    "have here home house into just know last later least left life like little long look made make many "
    "maybe more most much must need never next night nothing only other over people place really right "
    "said same should since some something still such sure take than thank thanks that their them then "
    "there these they thing things think this those though thought three through time today together "
    "tonight took under until very want week weeks well went were what when where which while whole will "
    "with without work world would write wrote year years your yours sorry hello super while loves loved "
    "yesterday tomorrow morning evening afternoon weekend manager started finished commute"
).split())


@lru_cache(maxsize=1)
def _vocabulary() -> frozenset[str]:
    words: set[str] = set(_COMMON)
    for name in dir(lexicon):
        value = getattr(lexicon, name)
        if isinstance(value, frozenset):
            for w in value:
                words.update(w.lower().split())
    try:
        from kgmem.extraction.zero.proposals import load_bank

        for e in load_bank():
            words.update(w.lower() for w in re.findall(r"[A-Za-z]+", e.text))
    except (OSError, ValueError):  # a broken bank is reported by the proposer itself
        pass
    return frozenset(w for w in words if len(w) >= 3)


def _edits1(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    transposes = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    inserts = {a + c + b for a, b in splits for c in _LETTERS}
    return deletes | transposes | replaces | inserts


def correct_word(word: str) -> str:
    """``word`` corrected to the one vocabulary word one edit away (else unchanged)."""
    vocab = _vocabulary()
    if len(word) < 5 or not word.isalpha() or not word.islower() or word in vocab or word in known_words():
        return word
    hits = sorted(_edits1(word) & vocab)
    return hits[0] if len(hits) == 1 else word


#: "moved 2 glasgow": a "2" between a verb of going and a word is "to" ("2 yrs" stays a number)
_TWO_AS_TO = re.compile(r"\b(?P<v>moved|move|moving|went|going|go|came|come|coming|back|flew|drove|headed|heading|off|"
                        r"over|down|up|out|way|next|due|got|get|relocated|transferred)\s+2\s+(?=[a-z])")


def normalise_chat(text: str) -> str:
    """Expand chat abbreviations and fix keyword typos; capitalised words are left as typed."""
    text = _TWO_AS_TO.sub(lambda m: m.group("v") + " to ", text)
    out: list[str] = []
    pos = 0
    for m in _WORD.finditer(text):
        word = m.group(0)
        low = word.lower()
        repl = word
        if low in CHAT_WORDS and (word.islower() or low in ("i'm", "i've", "i'd", "i'll")):
            repl = CHAT_WORDS[low]
        elif word.islower() and re.search(r"\b(?:st|mt|mr|mrs|ms|dr)\s+$", text[max(0, m.start() - 5):m.start()]):
            pass  # "st marys": a name after a title abbreviation is no typo
        elif word.islower() and len(word) > 4 and word.endswith("in") and word not in known_words() \
                and word + "g" in known_words():
            repl = word + "g"  # a dropped g: "learnin", "freezin", "mornin"
        elif word.islower():
            squashed = re.sub(r"(\w)\1{2,}", r"\1\1", word)  # "sooo goood" → "soo good"
            repl = correct_word(squashed) if squashed != word else correct_word(word)
            if repl == squashed and squashed != word:
                repl = CHAT_WORDS.get(squashed, squashed)
        out.append(text[pos:m.start()])
        out.append(repl)
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def is_lowercase_turn(text: str) -> bool:
    """A turn typed without capitals (names are lower-case too: "moved to copenhagen")."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 8 and not any(ch.isupper() for ch in letters)


# --------------------------------------------------------------------------- names typed lower-case

#: a word right after one of these is where a name goes (a place, an employer, a pet or a person);
#: the cue is strong enough that a known word there is a name too ("moved to glasgow", "my cat luna")
_NAME_SLOT = re.compile(
    r"\b(?:(?:moved|move|moving|relocated|relocating|settled|settling)(?:\s+(?:back|down|up|over|out))?\s+(?:to|in|into)|"
    r"(?:live|lives|living|lived|based|stationed|staying|grew\s+up|born|raised)\s+(?:in|near|outside)|"
    r"(?:originally|i'm|I'm|am)\s+from|hometown(?:\s+is|'s)|"
    r"(?:work|works|working|worked|job|shifts?|started|start|starting|joined|interning|employed|hired)\s+(?:at|for|with|by)|"
    r"(?:called|named|name\s+is|name's)|"
    r"(?:my|our)\s+(?:new\s+|little\s+|old\s+)?(?:" + lexicon.alt(lexicon.PETS | lexicon.FAMILY | lexicon.PARTNERS
                                                              | {"gf", "bf", "friend", "mate", "bff", "bestie"}) + r")|"
    r"me\s+(?:and|&)|(?:and|&)\s+me)(?=\s+(?P<w>[a-z][a-z'-]+))")
#: a word after a place or employer preposition that the parser does not know at all is a name
#: too ("crossfit at ironworks", "a good vet in leeds")
_WEAK_SLOT = re.compile(r"\b(?:at|in|to|from|near)(?=\s+(?P<w>[a-z][a-z'-]+))")
#: abbreviated titles that start a two-word name ("st marys", "mr biscuits")
_TITLES = frozenset({"st", "mt", "mr", "mrs", "ms", "dr", "ft", "lake", "port", "san", "santa", "new", "fort"})
_NOT_NAMES = frozenset((
    "a an the my our your his her their its this that these those some any every each no one two three here there "
    "home work school uni university college town city church bed hospital office gym class court "
    "and or but so then now again today tonight tomorrow yesterday morning evening night week weekend month year "
    "last next all about it him them us me you what when where which who how just "
    "like really still also too very least most first end middle front back top bottom side place area house flat "
    "apartment way time lunch dinner breakfast person people guy girl man woman kid kids family company team"
).split()) | frozenset(calendar.MONTHS) | frozenset(calendar.WEEKDAYS)


_LANGUAGE_WORDS = re.compile(r"\b(?:" + lexicon.alt(lexicon.LANGUAGES - {"asl", "bsl", "scots", "creole", "lao"}) + r")\b")


def _name_word(word: str, strong: bool) -> bool:
    if word in _NOT_NAMES or word in CHAT_WORDS or word in _COMMON or word in _keywords() or len(word) < 2:
        return False  # a word the tier keys on ("gym", "vegan") is no name
    if verb_form(word):
        return False  # "my gf broke up", "my sister works at…"
    return strong or word not in known_words()


@lru_cache(maxsize=1)
def _keywords() -> frozenset[str]:
    """The lexicon's words and spaCy's stop words (the example bank is left out: it holds names)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words = {w.lower() for name in dir(lexicon) if isinstance(v := getattr(lexicon, name), frozenset)
             for item in v for w in str(item).split()}
    return frozenset(words | set(STOP_WORDS))


def truecase_names(text: str) -> str:
    """A lower-case turn with the words in name slots capitalised, so the parser and NER see names
    ("moved to glasgow" → "moved to Glasgow"; "crossfit at ironworks" → "crossfit at Ironworks").

    A word is a name when it stands where a name goes: after a strong cue (a verb of moving or
    working and its preposition, "called", "my cat", "me and") any word that is no common or
    keyword; after a bare place preposition only a word the parser does not know. A title
    abbreviation takes the next word with it ("st marys" → "St Marys")."""
    spans: dict[int, int] = {}
    for rx, strong in ((_NAME_SLOT, True), (_WEAK_SLOT, False)):
        for m in rx.finditer(text):
            word = m.group("w")
            if m.start("w") in spans:
                continue
            if word in _TITLES and (nxt := re.match(r"\s+([a-z][a-z'-]+)", text[m.end("w"):])) \
                    and nxt.group(1) not in _NOT_NAMES:
                spans[m.start("w")] = m.end("w") + nxt.end(1)
            elif _name_word(word, strong):
                spans[m.start("w")] = m.end("w")
    for m in _LANGUAGE_WORDS.finditer(text):  # a language is a name ("learning te reo maori")
        if not any(s <= m.start() < e for s, e in spans.items()):
            spans[m.start()] = m.end()
    out = text
    for start, end in sorted(spans.items(), reverse=True):
        out = out[:start] + " ".join(w[:1].upper() + w[1:] for w in out[start:end].split()) + out[end:]
    return out
