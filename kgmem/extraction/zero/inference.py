"""Facts a careful reader infers from a sentence's other facts and words (documented, tested):

1. a purchase with a price in the same sentence is money spent ("Got a road bike, $780" →
   bought + spent 780);
2. the user's husband or wife ("the missus"), or their parents-in-law, means married, a girlfriend or boyfriend dating, a fiancé(e)
   engaged ("My husband Kofi and I…" → relationship_status married).
"""

from __future__ import annotations

import re
from datetime import datetime

from kgmem.extraction.schema import CandidateFact
from kgmem.extraction.zero.facts import make_fact
from kgmem.extraction.zero.phrases import canonical_money
from kgmem.extraction.zero.sentences import Sentence, best_time

_PRICE = re.compile(r"[$£€]\s?\d[\d,]*(?:\.\d{2})?\b|\b\d[\d,]*(?:\.\d{2})?\s?(?:dollars|bucks|euros|quid)\b")
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
    if ("user", "relationship_status") not in have:
        for rx, status in _PARTNER_STATUS:
            if rx.search(sent.text):
                out.append(make_fact(sent, "relationship_status", status, None, False, None, date, confidence=0.6))
                break
    return out
