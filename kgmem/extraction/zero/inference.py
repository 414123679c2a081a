"""Facts a careful reader infers from a sentence's other facts and words (documented, tested):

1. a purchase with a price in the same sentence is money spent ("Got a road bike, $780" →
   bought + spent 780);
2. money the user spent on a thing is a purchase of that thing ("Dropped $189 on a tent at REI",
   "Blew 300 bucks on a new mattress", and the verbless note "A drone from IKEA, $650, two days
   ago") → bought, when the sentence holds a ``spent`` fact and no ``bought`` one; payments that buy
   no thing (rent, bills, fees) are not purchases;
3. the user's husband or wife ("the missus"), or their parents-in-law, means married, a girlfriend or boyfriend dating, a fiancé(e)
   engaged ("My husband Kofi and I…" → relationship_status married).
"""

from __future__ import annotations

import re
from datetime import datetime

from kgmem.extraction.schema import CandidateFact
from kgmem.extraction.zero.checks import HYPOTHETICAL
from kgmem.extraction.zero.facts import make_fact
from kgmem.extraction.zero.lexicon import CURRENCY_RX, NOT_GOODS, NOT_PURCHASES
from kgmem.extraction.zero.patterns import MONEY_ANY
from kgmem.extraction.zero.phrases import canonical_money, trim_phrase, valid_value
from kgmem.extraction.zero.sentences import Sentence, best_time

_PRICE = re.compile(r"[$£€]\s?\d[\d,]*(?:\.\d{2})?\b|\b\d[\d,]*(?:\.\d{2})?\s?" + CURRENCY_RX + r"\b")
#: "<money> on/for <thing>" and the note "<thing> from/at <shop>, <money>"; the thing ends where
#: the shop, a time (masked to " , ") or the clause does
_SPENT_ON = re.compile(MONEY_ANY + r"\s+(?:on|for)\s+(?P<obj>[^,;:!?()\n]+)")
_PRICED_NOTE = re.compile(r"^\W*(?:(?:oh|and|also|so|plus)\W+)*(?P<obj>(?:(?:a|an|the|some|new|two|three|\d+)\s+)?[^,;:!?()\n]+?)\s+(?:from|at)\s+"
                          r"[^,;:!?()\n]+,\s*(?:for\s+|only\s+|just\s+)?" + MONEY_ANY, re.IGNORECASE)
_SHOP_OR_TAIL = re.compile(r"\s+(?:at|from|in|with|because|since|which|when|while|so|but|and\s+(?:it|I|we))\b.*$", re.IGNORECASE)
#: someone else did the spending ("My brother spent $400 on a drone")
_OTHER_SPENDER = re.compile(r"\b(?:(?:my|our|his|her|their)\s+\w+|he|she|they)\s+(?:\w+\s+)?$", re.IGNORECASE)
_PARTNER_STATUS = (
    # "the missus and I", "my in-laws", "my mother-in-law": registers that name a spouse or a spouse's parents
    (re.compile(r"\b(?:my|our)\s+(?:\w+\s+)?(?:husband|wife|spouse|hubby|missus|missis|in-laws|mother-in-law|"
                r"father-in-law|parents-in-law)\b|\bthe\s+(?:missus|missis|wife|hubby|old\s+lady)\b(?!'s\s+(?:car|house))",
                re.IGNORECASE), "married"),
    (re.compile(r"\b(?:my|our)\s+(?:\w+\s+)?(?:fianc[ée]e?)\b", re.IGNORECASE), "engaged"),
    (re.compile(r"\bmy\s+(?:\w+\s+)?(?:girlfriend|boyfriend)\b", re.IGNORECASE), "dating"),
)


def inferred_facts(sent: Sentence, date: datetime, found: list[CandidateFact]) -> list[CandidateFact]:
    """Facts implied by ``found`` (the sentence's facts) and its words, not already among them."""
    out: list[CandidateFact] = []
    have = {(f.subject, f.predicate) for f in found}
    when = best_time(sent.times)
    if ("user", "bought") in have and ("user", "spent") not in have:
        m = _PRICE.search(sent.text)
        if m and (amount := canonical_money(m.group(0))):
            out.append(make_fact(sent, "spent", amount, None, True, when, date, confidence=0.7))
    if ("user", "spent") in have and ("user", "bought") not in have and (item := _spent_on(sent)):
        out.append(make_fact(sent, "bought", item, "item", True, when, date, confidence=0.6))
    if ("user", "relationship_status") not in have:
        for rx, status in _PARTNER_STATUS:
            if rx.search(sent.text):
                out.append(make_fact(sent, "relationship_status", status, None, False, None, date, confidence=0.6))
                break
    return out


def _spent_on(sent: Sentence) -> str | None:
    """The thing money was spent on, or None (a payment for no thing, an imagined spend)."""
    if HYPOTHETICAL.search(sent.text):
        return None
    m = _SPENT_ON.search(sent.masked) or _PRICED_NOTE.match(sent.masked)
    if m is None or _OTHER_SPENDER.search(re.split(MONEY_ANY, sent.masked)[0]):
        return None
    item = trim_phrase(_SHOP_OR_TAIL.sub("", m.group("obj")), 6)
    words = item.lower().split()
    if not words or not valid_value(item) or words[-1] in NOT_GOODS | NOT_PURCHASES:
        return None
    return item
