"""A thing's number asked ("What's my apartment number?", "my locker number", "the number of my flat")
answered by the label a user line gives that thing ("the boiler in flat 4B", "locker 17", "room #304").

No slot holds such labels: the question names the thing (:func:`kgmem.retrieval.relation_asked.label_noun`),
and a line's noun before a label names the same thing when WordNet says so (the same word, a sense in
common: "flat" and "apartment", or a kind of it). Only a reply that declined is replaced, by the newest
such line's label; a committed reply stands.
"""

from __future__ import annotations

import re

from kgmem.answer.evidence import EvidenceSet
from kgmem.answer.extracted import cite_line
from kgmem.answer.pool import said_on
from kgmem.knowledge.kinds import same_thing
from kgmem.models import Answer
from kgmem.retrieval.planner import SLOT_WORDS
from kgmem.retrieval.relation_asked import label_noun
from kgmem.retrieval.search import RetrievalResult

#: a noun and the label after it ("flat 4B", "locker no. 17", "room #304", "seat 12C")
_LABELLED = re.compile(r"\b([A-Za-z][a-z-]+)\s+(?:number\s+|no\.?\s*|#\s*)?(\d+[A-Za-z]?|[A-Za-z]\d+)\b(?![:.,]\d|\s*(?:am|pm)\b)")


def labelled(result: RetrievalResult, ans: Answer) -> Answer:
    """The reply, or the label the newest user line gives the asked thing when the reply declined."""
    noun = label_noun(result.plan.question, SLOT_WORDS["phone"])
    if noun is None or not (ans.abstained or ans.extra.get("path") == "fallback"):
        return ans
    found = [(ln, m.group(2)) for ln in EvidenceSet(result).all_user_lines() if ln.actuality != "request"
             for m in _LABELLED.finditer(ln.text) if same_thing(m.group(1), noun)]
    if not found:
        return ans
    line, label = max(found, key=lambda x: x[0].said_at)
    extra = {**ans.extra, "path": "extractive", "cited": [cite_line(line)], "label_of": noun,
             "replaced": ans.text[:120]}
    return ans.model_copy(update={"text": f"{label} (o{said_on(line)[1:]})", "abstained": False,
                                  "deterministic": False, "extra": extra})
