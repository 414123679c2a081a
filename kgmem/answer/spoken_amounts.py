"""Amounts of money told in words: "a couple of hundred quid", "twelve-fifty", "just under two grand",
"fifteen hundred dollars", "a hundred and twenty", "forty-odd quid", "between three and four hundred".

The typed-span readers see an amount by its digits or its currency sign; people say prices in words.
:func:`spoken_amounts` finds such a phrase as it was written (the answer quotes it, with its line), when
the phrase is money by its form: a currency word after it ("eight quid", "two grand"), a scale word in it
("fifteen hundred", "a hundred and twenty"), or a price said in two parts ("twelve-fifty", "three-fifty").
A number in words with none of these ("twenty-three books", "forty-five minutes"), or one that counts the
things named after it ("three hundred people"), is no amount of money.
:func:`with_digits` writes those phrases in digits with a currency word, so the parse-based readers of
money (:mod:`kgmem.answer.payments`: someone's asking price or quote) can read the line too.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kgmem.lexicon import numbers
from kgmem.text import FUNCTION_WORDS

_UNIT_WORDS = [w for w, n in numbers.UNITS.items() if n >= 1]
_NUMBER_WORD = "|".join(sorted([*_UNIT_WORDS, *numbers.TENS, *numbers.SCALES, "half", "dozen"], key=len, reverse=True))
#: words after a number that make it money (a "grand" is a thousand of the currency)
_CURRENCY = r"quid|pounds?|dollars?|bucks|euros?|grand|k"
#: a number said in words: an optional quantity ("a couple of", "a"), words joined by spaces, hyphens or "and"
_PHRASE = re.compile(
    rf"\b(?:(?:just\s+|a\s+bit\s+)?(?:under|over|about|around|roughly|nearly|almost|between)\s+)?"
    rf"(?:a\s+couple\s+of\s+|a\s+few\s+|an?\s+)?(?:{_NUMBER_WORD})"
    rf"(?:(?:\s+and\s+(?:a\s+)?|[-\s]+)(?:{_NUMBER_WORD}))*(?:-odd)?\b"
    rf"(?:\s*(?P<cur>{_CURRENCY})\b)?", re.I)
_SCALE = re.compile(rf"\b(?:{'|'.join(numbers.SCALES)})\b", re.I)
#: a price said in two parts: a unit or teen, then a tens word ("twelve-fifty", "three-fifty")
_TWO_PART = re.compile(rf"^(?:{'|'.join(w for w, n in numbers.UNITS.items() if 1 <= n <= 19)})"
                       rf"[-\s](?:{'|'.join(numbers.TENS)})(?:[-\s](?:{'|'.join(_UNIT_WORDS[:9])}))?$", re.I)


#: words after an amount that count nothing ("fifteen hundred *each*", "three-fifty *total*")
_NOT_COUNTED = ("now", "then", "plus", "less", "total", "altogether", "each", "per", "apiece", "flat", "tops")


@lru_cache(maxsize=4096)
def spoken_amounts(text: str) -> tuple[str, ...]:
    """The amounts of money the text says in words, as written ("a couple of hundred quid")."""
    out: list[str] = []
    for m in _PHRASE.finditer(text):
        words = m.group(0).strip()
        bare = words[: m.start("cur") - m.start()].strip() if m.group("cur") else words
        bare = re.sub(r"^(?:(?:just|a bit)\s+)?(?:under|over|about|around|roughly|nearly|almost|between)\s+", "",
                      bare, flags=re.I)
        after = re.match(r"\s+([a-z]+)\b", text[m.end():], re.I)  # a word counted: "three hundred people"
        counted = after is not None and after.group(1).lower() not in (*FUNCTION_WORDS, *_NOT_COUNTED)
        if m.group("cur") or ((_SCALE.search(bare) or _TWO_PART.match(bare)) and not counted):
            out.append(words)
    return tuple(out)


def _value(words: str) -> int:
    """A rough value of a number phrase (for the parse-based readers, never shown)."""
    total, current = 0, 0
    for w in re.findall(r"[a-z]+", words.lower()):
        if w in numbers.UNITS:
            current += numbers.UNITS[w]
        elif w in numbers.TENS:
            current += numbers.TENS[w]
        elif w in ("couple", "few"):
            current += numbers.QUANTITIES.get(f"a {w} of", 2)
        elif w in numbers.SCALES or w in ("grand", "k"):
            total += max(current, 1) * (numbers.SCALES.get(w) or 1000)
            current = 0
    return total + current or 1


def with_digits(text: str) -> str:
    """The text with each amount said in words written in digits and a currency word ("The aquarium wanted
    forty-odd quid" → "The aquarium wanted 40 dollars")."""
    for words in spoken_amounts(text):
        text = text.replace(words, f"{_value(words)} dollars", 1)
    return text
