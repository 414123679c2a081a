"""Abstention: decide that memory holds no evidence for a question.

A question about something never mentioned ("What is my hamster's name?" when no hamster was
ever discussed) must be answered "You haven't told me about …" instead of a guess. The rule:
the question's *salient* words (named entities and content nouns, not generic words like
"name" or "time") must appear in the retrieved context; when the most specific of them appears
nowhere in the user's retrieved memory, abstain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kgmem.models import Intent, QueryPlan
from kgmem.text import tokenize

#: words too generic to prove a topic was discussed
_GENERIC = frozenset("""name names time times day days week weeks month months year years thing
things kind type way lot number total amount much many first last previous current new old
different favorite favourite best good long ago today recently place places people person
someone something anything anyone trip use used using get got make made like love want need
tell remind remember mention mentioned say said talk talked discuss discussed conversation chat
recommend recommended suggest suggested idea ideas tip tips advice help question answer
happen happened go went come came start started finish finished buy bought spend spent
money cost price hour hours minute minutes""".split())


@dataclass
class AbstainDecision:
    abstain: bool
    missing: list[str]
    reason: str = ""


def _stem(tok: str) -> str:
    """Crude suffix stripping so "lives"/"live"/"living" and "moved"/"move" compare equal."""
    for suf in ("ies", "ing", "ed", "es", "s"):
        if tok.endswith(suf) and len(tok) - len(suf) >= 3:
            tok = tok[: -len(suf)] + ("y" if suf == "ies" else "")
            break
    return tok[:-1] if tok.endswith("e") and len(tok) > 3 else tok


def salient_terms(plan: QueryPlan) -> list[str]:
    """Content words of the question that would have to appear in memory if it was discussed."""
    words: list[str] = []
    for e in plan.entities:
        words += tokenize(e)
    nouns = [n[len("noun:"):] for n in plan.notes if n.startswith("noun:")]
    words += nouns if any(n.startswith("noun:") for n in plan.notes) or not plan.keywords else \
        [k for k in plan.keywords if k.isalpha()]
    out = []
    for w in words:
        if w in _GENERIC or len(w) < 3 or w in out:
            continue
        out.append(w)
    return out


def decide(plan: QueryPlan, evidence_text: str, *, min_missing: int = 1,
           slot_facts: int = 0) -> AbstainDecision:
    """Abstain when salient question terms are absent from the retrieved evidence.

    Abstains when any named-entity term is missing, or when at least half (and at least
    ``min_missing``) of the other salient terms are missing. Preference questions never
    abstain: a recommendation can always be made, memory only personalises it. ``slot_facts``
    counts stored facts of the single-valued slot the question asks about ("what car do I
    drive" with a ``drives`` fact): category words like "car" rarely appear literally next to
    "Ford F-150", so a filled slot is evidence enough.
    """
    if plan.intent == Intent.PREFERENCE:
        return AbstainDecision(False, [], "preference questions are always answerable")
    if slot_facts > 0:
        return AbstainDecision(False, [], "the asked-about slot has facts")
    terms = salient_terms(plan)
    if not terms:
        return AbstainDecision(False, [], "no salient terms")
    have = {_stem(t) for t in tokenize(evidence_text)}
    missing = [t for t in terms if _stem(t) not in have]
    ent_terms = {t for e in plan.entities for t in tokenize(e)} - _GENERIC
    missing_ents = [t for t in missing if t in ent_terms]
    if missing_ents:
        return AbstainDecision(True, missing, f"named term(s) never mentioned: {', '.join(missing_ents)}")
    if len(missing) >= max(min_missing, (len(terms) + 1) // 2) and len(missing) >= 1 and len(terms) - len(missing) <= 1:
        return AbstainDecision(True, missing, f"topic word(s) never mentioned: {', '.join(missing)}")
    return AbstainDecision(False, missing, "")


def abstain_text(plan: QueryPlan, decision: AbstainDecision) -> str:
    """A short honest reply naming what is missing."""
    topic = " ".join(decision.missing[:3]) if decision.missing else "that"
    topic = re.sub(r"\s+", " ", topic).strip()
    return f"I don't know: you haven't told me about {topic}, so I can't answer that from our conversations."
