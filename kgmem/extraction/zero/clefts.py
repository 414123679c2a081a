"""A value put first and its slot said after it, read in the slot-first order the readers know:

- "Peak Climbing Gym is where I lift now" → "I lift at Peak Climbing Gym now" (a cleft: the place
  where the user does what the verb says; "where I live/grew up" takes "in");
- "Greenfield Schools is my new employer" → "My new employer is Greenfield Schools" (a slot noun of
  the user's after "is": ``slot_nouns.SLOT_NOUNS``).

Each applies at the start of a sentence or after a semicolon; a pronoun ("That is where I work")
names no value and is left alone.
"""

from __future__ import annotations

import re

from kgmem.extraction.zero.slot_nouns import SLOT_NOUNS

_PRONOUN = re.compile(r"^(?:this|that|it|here|there|which|what|home|mine|this\s+one|that\s+one)$", re.IGNORECASE)
#: the value: a few words, after any discourse word ("Honestly, …")
_VALUE = r"(?:(?:honestly|so|and|oh|well|also|btw|anyway|now),?\s+)*(?P<x>[\w\"“][\w'&.\-\"” ]{0,50}?)"
#: what may follow the verb: nothing, or when and how often (an object would be the verb's own)
_TAIL = r"(?=\s*(?:$|[.,;!?)]|(?:now|nowadays|currently|mostly|usually|these\s+days|most\s+days|every\s+\w+|at\s+the\s+moment)\b))"
_WHERE = re.compile(r"(?P<lead>^\W*|;\s+)" + _VALUE + r"\s+is\s+(?:now\s+)?where\s+(?P<subj>I|we)\s+"
                    r"(?P<verb>(?:now\s+|usually\s+|mostly\s+)?\w+(?:\s+(?:out|up|in))?)\b" + _TAIL, re.IGNORECASE)
#: verbs whose place takes "in" ("where I live" → "I live in X")
_IN = re.compile(r"\b(?:live|lived|grew\s+up|was\s+raised|was\s+born|stay|stayed|reside|resided)$", re.IGNORECASE)
_NOUNS = "|".join(sorted((n for n, p in SLOT_NOUNS.items() if p != "has_pet"), key=len, reverse=True))
_MY_SLOT = re.compile(r"(?P<lead>^\W*|;\s+)" + _VALUE + r"\s+is\s+(?:now\s+)?(?P<my>my|our)\s+"
                      r"(?P<adj>(?:(?:new|current|present|latest|main|usual|daily)\s+)?)(?P<n>" + _NOUNS + r")\b",
                      re.IGNORECASE)


def slot_first(sent: str) -> str:
    """``sent`` with a value-first cleft or slot-noun clause said slot first (else unchanged)."""
    def where(m: re.Match[str]) -> str:
        x, verb = m.group("x").strip(), m.group("verb")
        if _PRONOUN.match(x):
            return m.group(0)
        prep = "in" if _IN.search(verb.split()[-1] if " up" not in verb else verb) else "at"
        return f"{m.group('lead')}{m.group('subj')} {verb} {prep} {x}"

    def my_slot(m: re.Match[str]) -> str:
        x = m.group("x").strip()
        if _PRONOUN.match(x):
            return m.group(0)
        my = m.group("my")
        return f"{m.group('lead')}{my[:1].upper() + my[1:]} {m.group('adj')}{m.group('n')} is {x}"

    return _MY_SLOT.sub(my_slot, _WHERE.sub(where, sent))
