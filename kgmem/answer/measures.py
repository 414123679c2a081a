"""Measure questions: "what temperature …", "how heavy is …", "how tall …", "what size …".

Such a question wants a value *of that measure* — a number written with one of the measure's units
("105°C", "15lb 9oz", "5 ft 10", "size 9") — not any number in a line, and not the measure's name:
a reply that says "Marmalade sets at 105°C" answers "what temperature did you tell me marmalade
sets at?" although the word "temperature" is nowhere in it. The measures, the words that ask for
each and its units are data (``kgmem/resources/intents/measures.json``).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from kgmem import packaged
from kgmem.lexicon import numbers

#: one number: digits (a decimal: "37.5", "1,200") or a number in words ("fifty-one")
_ONE = rf"(?:\d+(?:[.,]\d+)?|\b(?:{numbers.cardinal_alternation()})\b)"
#: a number or a range of two ("180-200")
_NUMBER = rf"{_ONE}(?:\s*(?:-|–|to)\s*{_ONE})?"


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = packaged.json_data("intents", "measures.json")["measures"]
    return data


@cache
def _asked_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Per measure, one pattern of the words that ask for it (longest phrase first)."""
    out = []
    for name, spec in _data().items():
        words = sorted(spec["asked"], key=len, reverse=True)
        out.append((name, re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)))
    return tuple(out)


@cache
def _value_pattern(measure: str) -> re.Pattern[str]:
    """A value of the measure: a number and one of its units right after it ("105°C", "15lb",
    "5 ft"), or a word that comes before the number ("size 9", "UK 7")."""
    spec = _data()[measure]
    units = sorted(spec["units"], key=len, reverse=True)
    alts = []
    if units:
        unit = "|".join(re.escape(u) for u in units)
        # a letter unit ends at a word boundary ("5 in" is not "5 inches" of "5 in the morning"
        # when a word follows: the unit must not be followed by a letter)
        alts.append(rf"(?<![\w.]){_NUMBER}\s?(?:{unit})(?![a-z])")
    before = spec.get("before") or []
    if before:
        word = "|".join(re.escape(w) for w in before)
        alts.append(rf"\b(?:{word})\s?{_NUMBER}\b")
    return re.compile("|".join(alts), re.I)


@cache
def _rest_pattern(measure: str) -> re.Pattern[str]:
    """A bare number right after a value, that finishes it ("5 ft 10", "one metre fifty-one"); not a
    number with a unit of its own ("15lb 9oz": the "9oz" is a value, joined as one)."""
    unit = "|".join(re.escape(u) for u in sorted(_data()[measure]["units"], key=len, reverse=True))
    return re.compile(rf"\s+{_ONE}(?![\w.,]?\d)(?!\s?(?:{unit})(?![a-z]))", re.I)


#: units that are also words or letters ("in", "m", "c"): after a space they read as a unit only
#: right after another value ("5 ft 10 in")
_WEAK_UNITS = frozenset({"in", "m", "c", "f", "k", "g", "'", "\"", "°"})


#: measures told in two units, the second often without its unit ("5 ft 10", "1 metre 51", "15lb 9")
_COMPOUND = frozenset({"height", "weight"})


def asked_measure(question: str) -> str | None:
    """The measure a question asks for ("what temperature …" → temperature), else ``None``."""
    for name, rx in _asked_patterns():
        if rx.search(question):
            return name
    return None


def measure_words(measure: str) -> frozenset[str]:
    """The single words that ask for a measure ("temperature", "weight"): no content the evidence
    must repeat, since a value of the measure says it."""
    return frozenset(w for w in _data()[measure]["asked"] if " " not in w)


def spans(text: str, measure: str) -> list[tuple[int, int]]:
    """Where the values of ``measure`` are in a text, in order; a value told in two units in a row
    ("15lb 9oz", "5 ft 10 in") is one value."""
    out: list[tuple[int, int]] = []
    for m in _value_pattern(measure).finditer(text):
        if out and m.start() < out[-1][1]:
            continue  # inside the rest of the previous value
        joined = bool(out) and text[out[-1][1]:m.start()].strip() == ""
        if joined:
            out[-1] = (out[-1][0], m.end())
        elif _strong(m.group(0)):  # "5 in the morning": a bare weak unit only right after another value
            out.append((m.start(), m.end()))
        else:
            continue
        rest = _rest_pattern(measure).match(text, out[-1][1]) if measure in _COMPOUND else None
        if rest is not None:
            out[-1] = (out[-1][0], rest.end())
    return out


def values(text: str, measure: str) -> list[str]:
    """The values of ``measure`` in a text ("105°C", "15lb 9oz"), in order."""
    return [text[a:b].strip() for a, b in spans(text, measure)]


def stated(text: str, measure: str) -> str | None:
    """The words that state the measure in a text: its first value, and when more values follow in
    the same clause, the stretch up to the last one ("220°C (200°C fan)"); ``None`` without one."""
    found = spans(text, measure)
    if not found:
        return None
    start, end = found[0]
    for a, b in found[1:]:
        if re.search(r"[.;!?]|\b(?:and|but|or|then)\b", text[end:a]):
            break
        end = b
    said = text[start:end]
    if said.count("(") > said.count(")"):  # "220°C (200°C fan)": close what the last value opened
        close = text.find(")", end)
        if close != -1 and close - end <= 12:
            said = text[start:close + 1]
    return said.strip()


def _strong(value: str) -> bool:
    """A weak unit (a single letter, a symbol) counts only where it is written against the number
    ("220C", "5'"), not after a space ("5 in the morning", "bake at 220 c" stays unread)."""
    unit = re.sub(rf"^{_NUMBER}\s?", "", value).lower()
    if unit not in _WEAK_UNITS:
        return True
    return not re.search(r"\d\s+\S+$", value)  # "220C" yes, "220 c" no
