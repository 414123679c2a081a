"""Discourse openers: what starts a chat sentence without telling anything ("Oh, and", "Side note:",
"To be fair,", "Long story short,").

The words are data (``kgmem/resources/lexicon/discourse.json``), written for the class:
interjections, connectives, stance adverbs and asides that may open a sentence whatever follows
(``openers``); words that are openers only when set off by a comma or a dash ("Right, …", "I mean,
…", but "Right now I …", "I mean it"); the nouns of an announcement label ("Quick update:",
"Random thought -", "(Side note: …"); and the same fillers ending a sentence (``closers``:
"… honestly", "… tbh", "… lol"); and the adverbs of doubt that make a guess of what they qualify (``hedges``:
"probably the Pixel 8", "maybe the MacBook Air").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from kgmem import packaged

#: what may follow an opener: white space or punctuation, never a hyphen-joined word ("well-being")
_AFTER: Final = r"(?![\w'’-])"
#: the punctuation that sets an opener off ("Right, …", "Well — …", "So…")
_SET_OFF: Final = r"\s*(?:[,:;!…—–]|\.{2,3}|\s-\s)"


@lru_cache(maxsize=1)
def _data() -> dict[str, list[str]]:
    data: dict[str, list[str]] = {k: v for k, v in packaged.json_data("lexicon", "discourse.json").items()
                                  if isinstance(v, list)}
    return data


def _alt(words: list[str]) -> str:
    """The phrases as one alternation, longest first, any run of white space between words and
    either apostrophe."""
    out = []
    for w in sorted(words, key=len, reverse=True):
        out.append(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]"))
    return "|".join(out)


@lru_cache(maxsize=1)
def opener_pattern() -> re.Pattern[str]:
    """One opener at the start of a text, with the punctuation and space after it."""
    d = _data()
    free = rf"(?:{_alt(d['openers'])}){_AFTER}"
    set_off = rf"(?:{_alt(d['openers_set_off'])}){_AFTER}(?={_SET_OFF})"
    # "Quick update:", "Random thought -", "Side note,": up to two words before the label noun
    label = rf"(?:[\w'’]+\s+){{0,2}}?(?:{_alt(d['label_nouns'])})s?(?=\s*(?:[:,!—–]|\s-\s))"
    return re.compile(rf"^[\s(\[\"'“‘]*(?:{free}|{set_off}|{label})(?:{_SET_OFF}|\.(?=\s))*\s*", re.I)


def strip_openers(text: str) -> str:
    """``text`` without the discourse openers it starts with ("Oh, and honestly, I sold it" →
    "I sold it"); a text that is only an opener is kept as it was."""
    rx = opener_pattern()
    out = text
    for _ in range(6):  # "Oh, and by the way, honestly, …": a few stacked openers
        m = rx.match(out)
        if m is None or m.end() == 0 or not re.search(r"\w", out[m.end():]):
            break
        out = out[m.end():]
    return out


@lru_cache(maxsize=1)
def opener_words() -> frozenset[str]:
    """Every one-word opener, lower case ("anyway", "honestly", "yes"): a capitalised one opening
    a sentence is no name."""
    d = _data()
    return frozenset(w for key in ("openers", "openers_set_off") for w in d[key] if " " not in w)


def closer_alternation() -> str:
    """The fillers that may end a sentence ("honestly", "tbh", "lol", "to be fair"), as one regex
    alternation (longest first) for readers that trim a phrase's tail."""
    return _alt(_data()["closers"])


@lru_cache(maxsize=1)
def hedges() -> frozenset[str]:
    """The adverbs of doubt, lower case ("probably", "maybe", "most likely"): what they qualify is a guess."""
    return frozenset(_data()["hedges"])
