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
from kgmem.extraction.zero.nlp import known_words

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

#: common words a typo fix must never turn into something else (and never names)
COMMON_WORDS = frozenset((
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
    words: set[str] = set(COMMON_WORDS)
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
    words = list(_WORD.finditer(text))
    for n, m in enumerate(words):
        word = m.group(0)
        low = word.lower()
        repl = word
        glued = text[m.end():m.end() + 1].isalnum() or text[max(0, m.start() - 1):m.start()].isalnum()
        if glued:
            pass  # part of a longer token ("r1s", "5w-30"), not a chat word
        elif low in CHAT_WORDS and (word.islower() or low in ("i'm", "i've", "i'd", "i'll")):
            repl = CHAT_WORDS[low]
        elif word.islower() and re.search(r"\b(?:st|mt|mr|mrs|ms|dr)\s+$", text[max(0, m.start() - 5):m.start()]):
            pass  # "st marys": a name after a title abbreviation is no typo
        elif word.islower() and len(word) > 4 and word.endswith("in") and word not in known_words() \
                and word + "g" in known_words():
            repl = word + "g"  # a dropped g: "learnin", "freezin", "mornin"
        elif word.islower() and any(_unknown(x.group(0)) for x in words[max(0, n - 1):n + 2] if x is not m) \
                and _unknown(word):
            pass  # two unknown words side by side are a name, not two typos ("the frida kahlo exhibition")
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


def _unknown(word: str) -> bool:
    """A lower-case word of three letters or more that neither the model nor the chat table knows."""
    return len(word) >= 3 and word.isalpha() and word.islower() and word not in known_words() \
        and word not in CHAT_WORDS and word not in _vocabulary()


def is_lowercase_turn(text: str) -> bool:
    """A turn typed without capitals (names are lower-case too: "moved to copenhagen")."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 8 and not any(ch.isupper() for ch in letters)
