"""Combining the two readers of a sentence: rules (patterns + parse readers) and proposals.

The rule, in order:

1. Rules win on their own predicates: a proposal for a predicate the rules already produced in
   the same sentence is dropped (the rules were written for exactly that phrasing, and their value
   reading is more specific) — except that a proposal naming the rule's value more fully gives the
   rule fact its value: the rest of a name the rule cut short ("Hartley" → "Hartley & Finch"), or
   the name of the common noun the rule read ("a clinic called Birch & Vale": "clinic" → "Birch & Vale").
2. A value is read once: a proposal whose value (normalised) is already the value of another fact
   of the sentence is dropped ("I just got back from Oslo" → rules: visited=Oslo; a lives_in
   proposal for Oslo is not added) — except when that fact is a rule's catch-all guess
   (confidence below :data:`WEAK_CONFIDENCE`: "a place named in a past clause was visited"), which
   yields to the proposal ("Just signed the lease on a two-bed in Leith" is lives_in, not visited).
3. Proposals fill what rules missed: otherwise each proposal whose clause holds a value of its
   predicate's kind becomes a fact, best-scored first; a clause gives each value to one proposal.
4. Nothing found at all and a past time said: the clause is a dated event (see :mod:`.open_facts`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from kgmem.extraction.schema import CandidateFact
from kgmem.extraction.zero.checks import REFUSING
from kgmem.ids import normalise_name

#: rule facts below this confidence are catch-all guesses a proposal may replace
WEAK_CONFIDENCE = 0.6


@dataclass
class ProposedFact:
    """A fact proposed by meaning, with the evidence for it."""

    fact: CandidateFact
    score: float
    clause: str


@dataclass
class CombineTrace:
    """Why each proposal was kept or dropped (for ``--explain``)."""

    kept: list[ProposedFact] = field(default_factory=list)
    dropped: list[tuple[ProposedFact, str]] = field(default_factory=list)


def combine(rule_facts: list[CandidateFact], proposed: Iterable[ProposedFact],
            trace: CombineTrace | None = None) -> list[CandidateFact]:
    """The sentence's facts: ``rule_facts`` plus the proposals the rule above keeps."""
    out = list(rule_facts)
    rule_preds = {(f.subject, f.predicate) for f in rule_facts if f.confidence > WEAK_CONFIDENCE}
    used = {(f.subject, normalise_name(f.value)) for f in out if f.confidence > WEAK_CONFIDENCE}
    for p in proposed:
        f = p.fact
        reason = ""
        key = (f.subject, normalise_name(f.value))
        if (f.subject, f.predicate) in rule_preds:
            reason = "rules already read this predicate here"
            fuller = [g for g in out if (g.subject, g.predicate) == (f.subject, f.predicate) and names_more(g.value, f.value, p.clause)]
            if fuller:
                out = [g.model_copy(update={"value": f.value}) if g in fuller else g for g in out]
                used.add(key)
                reason += "; its value named more fully by the proposal"
        elif key in used:
            reason = "value already read as another fact"
        else:
            weak = [g for g in out if (g.subject, normalise_name(g.value)) == key]
            out = [g for g in out if g not in weak]  # a catch-all guess yields to the proposal
        if reason:
            if trace is not None:
                trace.dropped.append((p, reason))
            continue
        out.append(f)
        used.add((f.subject, normalise_name(f.value)))
        if trace is not None:
            trace.kept.append(p)
    return out


def names_more(short: str, full: str, clause: str) -> bool:
    """``full`` names what the rule's ``short`` value named: it goes on from it as a name ("Hartley"
    → "Hartley & Finch", "Halvorsen" → "Halvorsen Design"), or ``short`` is a common noun that the
    clause says is called ``full`` ("a tiny place called Grind & Co")."""
    if not short or not full or len(full) <= len(short) or not full[:1].isupper():
        return False
    if full.startswith(short + " ") and all(w[:1].isupper() or w == "&" for w in full[len(short):].split()):
        return True
    return short.islower() and re.search(
        rf"\b{re.escape(short)}\s+(?:called|named)\s+{re.escape(full)}\b", clause, re.IGNORECASE) is not None


#: what the user gains and can be taken back by a later clause (checks.UNDOING) or a later sentence of the turn
GAINS = frozenset({"works_at", "job_title", "salary", "lives_in", "rent", "bought", "owns", "drives", "phone",
                   "has_pet", "pet_name", "gym"})
#: the pronoun a refusal points back with ("I turned it down", "we passed on it")
_BACK = re.compile(r"^\W*(?:(?:on|of|out\s+of)\s+)?(?:it|them|that|this|the\s+(?:offer|place|flat|deal|job|idea))?"
                   r"(?:\s+(?:though|anyway|in\s+the\s+end|after\s+all|eventually|politely|too))*\W*$",
                   re.IGNORECASE)


_TURNED_DOWN = re.compile(r"\b(?:I|we)\s+(?:\w+\s+)?turned\s+(?:it|them|that|this)\s+down\b", re.IGNORECASE)


def declined_before(found: list[CandidateFact], text: str) -> list[CandidateFact]:
    """The gains of ``found`` (the facts of the sentence before, same turn) that ``text`` turns down: a refusal
    that names nothing of its own points back ("Looked at a flat in Brixton yesterday. Gorgeous, but I said no";
    "They offered me the Leeds post. I turned it down."). A refusal with its own object ("I declined the offer
    from Google") says nothing of the sentence before."""
    back = any((not r.group("rest") or _BACK.match(r.group("rest"))) and _names_nothing(text[:r.start()])
               for r in REFUSING.finditer(text)) \
        or any(_names_nothing(text[:r.start()]) for r in _TURNED_DOWN.finditer(text))
    return [f for f in found if f.subject == "user" and f.predicate in GAINS] if back else []


#: a determiner or possessive: a noun phrase is named ("They offered a gym membership but I turned it down")
_NAMED = re.compile(r"\b(?:a|an|the|some|any|my|our|your|his|her|their|its|this|that|these|those)\b", re.IGNORECASE)


def _names_nothing(before: str) -> bool:
    """The words of the refusal's own sentence before it name no thing the refusal could point at: "Gorgeous, but I
    said no" points back at the sentence before; "The shop tried to sell me insurance, but I passed on it" and "They
    offered a gym membership but I turned it down" refuse what their own sentence names (rev20: the phone and the job
    of the sentence before were taken back)."""
    return not _NAMED.search(before) and len(re.findall(r"[A-Za-z']+", before)) <= 3


def take_back(facts: list[CandidateFact], before: tuple[int, list[CandidateFact]], turn: int,
              text: str) -> list[CandidateFact]:
    """``facts`` without the gains of the sentence before (``before``: its turn and facts) that ``text``, said next
    in the same turn, turns down (:func:`declined_before`)."""
    gone = declined_before(before[1], text) if before[0] == turn else []
    return [f for f in facts if not any(f is g for g in gone)] if gone else facts
