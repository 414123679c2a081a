"""How the offline scorer reads an answer's text: normalised words, numbers, dates, and its shape
(a pasted list, quoted words, the option an either/or answer names first).

Used by :class:`kgmem.evaluation.judge.NormalisedMatchScorer` and by benchmark scripts that compare
answers the way it does.
"""

from __future__ import annotations

import re

from kgmem.lexicon import calendar, numbers
from kgmem.text import RUBRIC_FILLER, fold

_UNITS = numbers.UNITS
_TENS = numbers.TENS
_SCALES = numbers.SCALES
_SPECIAL = {"once": "1 time", "twice": "2 times", "thrice": "3 times", "a dozen": "12",
            "a couple of": "2", "a pair of": "2", "half a dozen": "6"}
_NUMBER_WORD = "|".join(sorted([*_UNITS, *_TENS, *_SCALES], key=len, reverse=True))
_NUMBER_PHRASE = re.compile(rf"\b(?:(?:{_NUMBER_WORD})(?:[\s-]+(?:and\s+)?)?)+\b")

_MONTHS = calendar.MONTH_NUMBERS
_MONTH_RE = calendar.month_alternation()


def _replace_number_words(text: str) -> str:
    for phrase, digits in _SPECIAL.items():
        text = re.sub(rf"\b{phrase}\b", digits, text)

    def convert(match: re.Match[str]) -> str:
        words = [w for w in re.split(r"[\s-]+", match.group(0).strip()) if w and w != "and"]
        total, current = 0, 0
        for w in words:
            if w in _UNITS:
                current += _UNITS[w]
            elif w in _TENS:
                current += _TENS[w]
            elif w in _SCALES:
                current = max(current, 1) * _SCALES[w]
                if w == "thousand":
                    total, current = total + current, 0
        value = total + current
        trailing = " " if match.group(0).endswith((" ", "-")) else ""
        return f"{value}{trailing}"

    return _NUMBER_PHRASE.sub(convert, text)


def normalise(text: str) -> str:
    """Casefold, strip accents, numbers as digits ("three"→3, "1,200"→1200), no punctuation."""
    text = fold(str(text))
    text = text.replace("’", "'").replace("‘", "'")
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)  # thousands separators
    text = _replace_number_words(text)
    text = re.sub(r"\b(\d+)\.0+\b", r"\1", text)  # 3.0 → 3
    text = re.sub(r"(?<!\d)\.|\.(?!\d)", " ", text)  # keep decimal points only
    text = re.sub(r"[^\w\s.%]", " ", text)
    text = re.sub(r"\b(a|an|the)\b", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def extract_dates(text: str) -> set[tuple[int | None, int, int]]:
    """Calendar dates written in common forms → ``(year or None, month, day)``."""
    t = text.casefold()
    out: set[tuple[int | None, int, int]] = set()
    for y, m, d in re.findall(r"\b(\d{4})[/-](\d{1,2})[/-](\d{1,2})\b", t):
        out.add((int(y), int(m), int(d)))
    for m, d, y in re.findall(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b", t):
        out.add((int(y), int(m), int(d)))
    for mon, d, y in re.findall(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b", t):
        out.add((int(y) if y else None, _MONTHS[mon], int(d)))
    for d, mon, y in re.findall(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE})\.?(?:,?\s+(\d{{4}}))?\b", t):
        out.add((int(y) if y else None, _MONTHS[mon], int(d)))
    return {(y, m, d) for y, m, d in out if 1 <= m <= 12 and 1 <= d <= 31}


def dates_match(gold: set[tuple[int | None, int, int]],
                 pred: set[tuple[int | None, int, int]]) -> bool:
    for gy, gm, gd in gold:
        for py, pm, pd in pred:
            if (gm, gd) == (pm, pd) and (gy is None or py is None or gy == py):
                return True
    return False


BARE_NUMBER = re.compile(r"\d+(?:\.\d+)?")
#: an item of a pasted list: a bullet or "1." / "2)" opening a capitalised item
_LIST_ITEM = re.compile(r"(?:^|\s)(?:[-•*]|\d[.)])\s+(?=[A-Z])")
#: a quoted span (an answer citing the user's own words)
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”")


#: a lead that announces several options before a colon ("Three good ones by train:", "a few options:")
_COUNTED_LEAD = re.compile(rf"^([^:]{{0,80}}?\b(?:{numbers.cardinal_alternation(least=2)}|[2-9]|a\s+few|a\s+couple"
                           r"|several)\b[^:]{0,60}):\s*(\S.*)$", re.I | re.S)


def _top_level_items(text: str) -> int:
    """How many items a prose list holds: parts split by commas, semicolons and a last "and"/"or"
    outside parentheses (an unclosed one at a cut-off answer included)."""
    depth, items = 0, 1
    for i, ch in enumerate(text):
        depth += (ch == "(") - (ch == ")" and depth > 0)
        if depth == 0 and (ch in ",;" or text.startswith((" and ", " or "), i)):
            items += 1
    return items


def answer_lead(prediction: str, gold: str = "") -> str:
    """What an answer itself says: the text before a pasted list of two or more items, or all of it.

    "You'd get the Tojiro DP" before a list of three knives answers; the list alone (every option,
    the gold among them) answers nothing (review10 H1). A list pasted as prose counts too when its
    lead announces several ("Three good ones by train: the Herzogstand (…), the Wank (…)": dev6
    t5_q07, au13) and two or more items follow the colon — unless the gold is itself a list of two or
    more ("Three countries: France, Spain and Italy" answers "France, Spain and Italy": review12)."""
    items = list(_LIST_ITEM.finditer(prediction))
    if len(items) >= 2:
        return prediction[:items[0].start()]
    if gold and _top_level_items(gold) >= 2:
        return prediction
    counted = _COUNTED_LEAD.match(prediction.strip())
    if counted and _top_level_items(counted.group(2)) >= 2:
        return counted.group(1)
    return prediction


#: the two options a "which came first, X or Y?" question offers (the clause holding " or ")
_OPTIONS = re.compile(r"(?:^|[,:;])\s*([^,:;?]+?)\s+or\s+([^,:;?]+?)\s*\??\s*$")


#: words that, between two named options, make the second one the earlier ("X came after Y")
_LATER_WORDS = frozenset({"after", "following", "later", "followed"})


def _option_words(option: str, other: str) -> set[str]:
    words = set(normalise(option).split()) - RUBRIC_FILLER
    return words - set(normalise(other).split())


def names_other_option_first(question: str, gold: str, prediction: str) -> bool:
    """Whether an answer to an either/or question ("Which came first, X or Y?") names the option that
    is not the gold one before the gold one ("Y (June 2025), before X (June 2026)").

    Containment alone credits any answer that names both options (dev6 t4_q02, au13); the option an
    answer names first is its pick. Options are told apart by their own words (shared words dropped);
    a question with no "X or Y" clause, or a gold naming neither or both, is left to the other rules.
    "Y came after X" names X as the pick (a word of lateness between the two)."""
    m = _OPTIONS.search(question.strip())
    if not m:
        return False
    a, b = _option_words(m.group(1), m.group(2)), _option_words(m.group(2), m.group(1))
    gold_words = set(normalise(gold).split())
    in_a, in_b = bool(a & gold_words), bool(b & gold_words)
    if not a or not b or in_a == in_b:
        return False
    gold_opt, other_opt = (a, b) if in_a else (b, a)
    pred_words = normalise(prediction).split()

    def first(words: set[str]) -> int | None:
        return next((i for i, w in enumerate(pred_words) if w in words), None)

    g, o = first(gold_opt), first(other_opt)
    if g is None or o is None or g < o:
        return False
    # "the graduation came after the hearing aids": a word of lateness between them names the
    # second one as the earlier (rev11 M4)
    return not set(pred_words[o:g]) & _LATER_WORDS


#: words that state an order between two named options ("X came first", "before Y", "then Y")
_ORDER_WORDS = _LATER_WORDS | frozenset({"first", "earlier", "before", "sooner", "preceded", "prior",
                                         "then", "previously", "beforehand", "afterwards", "second"})


def states_no_order(question: str, gold: str, prediction: str) -> bool:
    """Whether an answer to an either/or question names both options without saying which came
    first: no order word outside the options' own words and fewer than two dates ("The holiday in
    Portugal is not the first day in the new job." — "first" belongs to an option; dev7 v1_q02,
    au15). Such an answer picks nothing, whatever it names first."""
    m = _OPTIONS.search(question.strip())
    if not m:
        return False
    a, b = _option_words(m.group(1), m.group(2)), _option_words(m.group(2), m.group(1))
    pred_words = normalise(prediction).split()
    if not a or not b or not (a & set(pred_words)) or not (b & set(pred_words)):
        return False
    own = set(normalise(m.group(1)).split()) | set(normalise(m.group(2)).split())
    if any(w in _ORDER_WORDS and w not in own for w in pred_words):
        return False
    return len(extract_dates(prediction)) < 2


def without_quotes(prediction: str) -> str:
    """The answer with quoted spans removed: the user's own words cited back are no recommendation."""
    return _QUOTED.sub(" ", prediction)
_DATE_SPANS = (
    re.compile(r"\b\d{4}[/-]\d{1,2}[/-]\d{1,2}\b"),
    re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b"),
    re.compile(rf"\b(?:{_MONTH_RE})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b", re.I),
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_RE})\.?(?:,?\s+\d{{4}})?\b", re.I),
    re.compile(r"\b\d{1,2}:\d{2}\b"),                       # clock times
    re.compile(r"\b(?:step|item|option|no|number|#)\s*\d+\b", re.I),
)
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_LIST_MARKER = re.compile(r"(?:^|\n)\s*\d{1,2}[.)]\s")


def stated_number(prediction: str, *, keep_years: bool = False) -> float | None:
    """The first number an answer states, not counting dates, clock times, years (unless
    ``keep_years``: the gold is itself a year-like number), step numbers or the markers of an
    enumerated list ("3 (A, B and C)" → 3; "1. Find … 2. Count …" → None; "3. A, B, C" → 3)."""
    text = prediction
    for span in _DATE_SPANS:
        text = span.sub(" ", text)
    if not keep_years:
        text = YEAR.sub(" ", text)
    if len(_LIST_MARKER.findall(text)) >= 2:  # an enumerated list, not a number that ends a sentence
        text = _LIST_MARKER.sub("\n", text)
    found = re.search(r"(?<![\w.])(\d+(?:\.\d+)?)(?![\w])", normalise(text))
    return float(found.group(1)) if found else None


def unit_counts(norm: str) -> list[tuple[float, str]]:
    """``(number, unit)`` pairs for day/week/month counts in normalised text."""
    pairs = re.findall(r"\b(\d+(?:\.\d+)?)\s+(day|week|month)s?\b", norm)
    return [(float(n), u) for n, u in pairs]
