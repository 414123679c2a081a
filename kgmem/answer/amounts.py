"""Amounts in the user's lines: what a line says was paid ("$40, down from $60" is $40), an
amount written without a currency ("18 for two pairs"), a thing and its price told without a verb
("A desk lamp from Argos, £25, on Friday."), and the currency a line writes in. Read by the money
totals of :mod:`kgmem.answer.aggregate`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from kgmem import temporal
from kgmem.answer.evidence import Line
from kgmem.lexicon import numbers
from kgmem.nlp import load_nlp

if TYPE_CHECKING:
    from spacy.tokens import Token

_MONEY = re.compile(r"[$£€]\s?(\d[\d,]*(?:\.\d+)?)(k\b)?|(\d[\d,]*(?:\.\d+)?)\s?(?:dollars?|bucks?|usd|euros?|pounds|quid|eur|gbp)\b",
                    re.I)
#: the currency a line writes its amounts in (symbol or word; dollars when none is named)
_CURRENCIES = (("€", re.compile(r"€|\d\s?(?:euros?|eur)\b", re.I)), ("£", re.compile(r"£|\d\s?(?:pounds|quid|gbp)\b", re.I)),
               ("$", re.compile(r"\$|\d\s?(?:dollars?|bucks?|usd)\b", re.I)))
#: an amount that is not what was paid ("down from $60", "was $150 but …", "$20 off")
_NOT_PAID = re.compile(r"(?:\b(?:from|was|were|originally|regularly|normally|usually|instead\s+of|list(?:ed)?\s+(?:at|for)|"
                       r"retails?\s+(?:at|for)|marked\s+down\s+from|saved|saving|save)\s+(?:about\s+|around\s+)?)$", re.I)
_NOT_PAID_AFTER = re.compile(r"^\s*(?:off|discount|less|cheaper|savings?)\b", re.I)


def money(text: str) -> list[float]:
    """Dollar amounts in a text ("$1,200", "$2k", "40 dollars")."""
    out = []
    for m in _MONEY.finditer(text):
        raw = m.group(1) or m.group(3)
        value = float(raw.replace(",", ""))
        out.append(value * 1000 if m.group(2) else value)
    return out


def part_of(text: str, amount: float) -> str:
    """The part of a line with several amounts that tells ``amount``'s thing: the words from the
    amount before it up to this one ("Bought a linen shirt for $45 | and a pair of chinos for $60"),
    or, when that names nothing but the amount, up to the next one ("spent $45 | on a shirt and");
    the whole line when it has one amount."""
    spans = [(m.start(), m.end(), float((m.group(1) or m.group(3)).replace(",", "")) * (1000 if m.group(2) else 1))
             for m in _MONEY.finditer(text)]
    if len({v for _, _, v in spans}) < 2:
        return text
    for k, (start, end, value) in enumerate(spans):
        if value == amount:
            before = text[spans[k - 1][1] if k else 0:start]
            after = text[end:spans[k + 1][0] if k + 1 < len(spans) else len(text)]
            return before if len(re.findall(r"[A-Za-z]{3,}", before)) >= 2 else after
    return text


#: an amount told per thing ("£9.90 *each*", "$12 *apiece*", "$30 *a head*")
#: an amount told per thing; "each month" / "each time" is a rate over time, not a price per thing
_EACH = re.compile(r"^\s*(?:each(?!\s+(?:day|night|week|weekend|month|year|time|morning|evening|hour|season)s?\b)|apiece|a\s+piece|a\s+head|per\s+(?:person|head|ticket|item|piece|pair))\b", re.I)


@lru_cache(maxsize=1)
def _how_many_before() -> re.Pattern[str]:
    """A cardinal of two or more and a plural noun within three words after it ("my *two prescriptions*")."""
    return re.compile(rf"\b({numbers.cardinal_alternation(least=2)}|\d{{1,2}})\s+(?:[\w'-]+\s+){{0,2}}[\w'-]+s\b", re.I)


def times_each(text: str, amount: float) -> int:
    """How many times a line pays ``amount``: the number of things it names before an amount told
    per thing ("collected my two prescriptions at a cost of £9.90 each" → 2); 1 otherwise ("split a
    $120 voucher with my sister, so $60 each": no number of things)."""
    for m in _MONEY.finditer(text):
        raw = m.group(1) or m.group(3)
        if float(raw.replace(",", "")) * (1000 if m.group(2) else 1) != amount or not _EACH.match(text[m.end():]):
            continue
        counts = [numbers.cardinal(c.group(1)) for c in _how_many_before().finditer(text[:m.start()])]
        return next((n for n in reversed(counts) if n and n > 1), 1)
    return 1


def fmt_money(x: float, symbol: str = "$") -> str:
    return f"{symbol}{x:,.0f}" if x == int(x) else f"{symbol}{x:,.2f}"


def currency(text: str) -> str:
    """The currency symbol of the first amount a text writes ("45 euro" → "€"); "$" by default."""
    found = [(m.start(), sym) for sym, rx in _CURRENCIES for m in [rx.search(text)] if m]
    return min(found)[1] if found else "$"

def paid_amounts(text: str) -> list[float]:
    """The amounts a line says were paid: "$40, down from $60" is $40; "a rain jacket for $85 and
    a headlamp for $25" is both; "the bag was $150 but I got it for $110" is $110."""
    out = []
    for m in _MONEY.finditer(text):
        if _NOT_PAID.search(text[max(0, m.start() - 30):m.start()]) or _NOT_PAID_AFTER.match(text[m.end():]):
            continue
        raw = m.group(1) or m.group(3)
        value = float(raw.replace(",", ""))
        out.append(value * 1000 if m.group(2) else value)
    return out or money(text)[:1]


#: a number standing alone (not part of a word, a time, a date, a decimal or a percentage)
_BARE = re.compile(r"(?<![\w.:/£$€-])(\d{1,5})(?![\w.:/%-])")


#: a number that is a clock time ("went past 11", "10 til 4"), not an amount (up to 24 only: "sold it at 30")
_CLOCK_BEFORE = re.compile(r"\b(?:past|til|till|until|before|after|at|by|around)\s+$", re.I)
#: a number with its unit is a quantity ("for 3 hrs", "2 weeks", "5 km"), not an amount
_UNIT_AFTER = re.compile(r"^\s*(?:hrs?|hours?|mins?|minutes?|secs?|seconds?|days?|nights?|weeks?|wks?|months?|years?|yrs?|"
                         r"am|pm|o'?clock|times|km|miles?|kg|kilos?|people|kids|pairs?)\b", re.I)


def bare_numbers(line: Line) -> list[re.Match[str]]:
    """The numbers of a line that may be an amount: not in a date, not a clock time, not a
    quantity with its unit."""
    dates = [(s.start_char, s.end_char) for s in temporal.find_time_expressions(line.text, line.said_at)]
    text = line.text
    return [m for m in _BARE.finditer(text) if not any(a <= m.start() < b for a, b in dates)
            and not (_CLOCK_BEFORE.search(text[max(0, m.start() - 8):m.start()]) and int(m.group(1)) <= 24)
            and not _UNIT_AFTER.match(text[m.end():])
            and not (_YEAR_LIKE.fullmatch(m.group(1)) and m.start() in _years_before_nouns(text))]


#: a number that may be a year ("a 2027 freightliner", "the 2019 vintage")
_YEAR_LIKE = re.compile(r"(?:19|20)\d\d")


@lru_cache(maxsize=2048)
def _years_before_nouns(text: str) -> frozenset[int]:
    """Where a line has a year-like number that modifies the noun after it by the parse ("a *2027*
    freightliner": a model year, no amount; not "the new sofa was *1950* with delivery")."""
    if not _YEAR_LIKE.search(text):
        return frozenset()
    return frozenset(t.idx for t in load_nlp()(text) if _YEAR_LIKE.fullmatch(t.text)
                     and t.dep_ in ("nummod", "compound", "amod") and t.head.pos_ in ("NOUN", "PROPN") and t.head.i > t.i)


def bare_amount(line: Line) -> list[float]:
    """An amount written without a currency ("18 for two pairs"): only the one number a line
    holds outside its dates, clock times ("went past 11 so they gave me 30" is 30) and quantities
    ("for 3 hrs"); two such numbers leave which is the price open."""
    found = bare_numbers(line)
    return [float(found[0].group(1))] if len(found) == 1 else []


#: a price set off by a comma ("A desk lamp from Argos, £25, on Friday"; "New tyre, €30.")
_COMMA_PRICE = re.compile(r",\s*[$£€]\s?\d[\d,]*(?:\.\d+)?(?:\s*(?:,|\.|!|$))")
#: a finite verb's tags (past, present, modal): a sentence with one says more than "a thing, its price"
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


@lru_cache(maxsize=4096)
def priced_item(text: str) -> bool:
    """A purchase told without a verb: a thing and its price set off by a comma, and no finite verb
    in the sentence ("A desk lamp from Argos, £25, on Friday." — but not "the lamp was £25 at
    Argos", which needs a purchase verb or the thing's name to count, nor "Budget: $500")."""
    return bool(_COMMA_PRICE.search(text)) and not any(t.tag_ in _FINITE for t in load_nlp()(text))


#: the clause heads that ask ("*Is* $58 too much …", "*what* …") or ask the assistant ("can *you* …")
_WH = frozenset({"what", "which", "how", "why", "who", "whom", "where", "when", "whether"})


def _clause_head(tok: Token) -> Token:
    """The verb (or auxiliary root) of the clause a token is in."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:  # spaCy makes a new Token per access: compare indices
        tok = tok.head
    return tok


def _asks(head: Token) -> bool:
    """A clause that asks: an auxiliary or a wh-word first ("Oh, and *is* $320 too much …", "*what*
    can I get for $50") or before its subject, or the assistant as its subject ("can *you* …")."""
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    auxes = [head] * (head.pos_ == "AUX") + [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    # the clause's first word, after an aside it opens with ("Oh, and …", "(Side note: …")
    lead = max((t.i for t in head.subtree if t.text == ":" and t.i < head.i), default=-1)
    words = [t for t in head.subtree if t.i > lead and t.pos_ not in ("PUNCT", "INTJ", "CCONJ")]
    return any(c.lower_ == "you" for c in subjects) or bool(words and (words[0].lower_ in _WH or words[0].pos_ == "AUX")) or \
        bool(subjects and auxes and min(a.i for a in auxes) < min(c.i for c in subjects))


@lru_cache(maxsize=4096)
def asked_amounts(text: str) -> bool:
    """Whether a question line asks about its amount ("Would £40 be fair for a used kettle?"), rather
    than telling it before a question to the assistant the sentence splitter left joined to it
    ("£12 for the lot, bargain Also, could you suggest a recipe?"): the clause holding an amount
    asks, by the parse; a line with no verb over its amount asks when it ends in a question mark ("Only $40
    for a used amp?")."""
    doc = load_nlp()(text)
    nums = [t for t in doc if t.like_num and _MONEY.search(text[max(0, t.idx - 2):t.idx + len(t.text) + 8])]
    heads = [_clause_head(t) for t in nums]
    return not nums or any(_asks(h) if h.pos_ in ("VERB", "AUX") else text.rstrip().endswith("?") for h in heads)


def amount_told(line: Line) -> bool:
    """A question line whose amount is told, not asked: the amount's own clause does not ask (a
    question to the assistant the sentence splitter left joined to a told price)."""
    return line.actuality == "request" and not asked_amounts(line.text)
