"""A second look before abstaining or hedging: the best raw message hits, dated.

The structured path (typed facts, planned intents, a short answer-first context) can miss on
language it was not written for; a plain top-10 over the user's messages often still holds the
evidence turn. Before kgmem says "I don't know" or hedges, the raw vector + keyword hits join the
evidence and the same decisions run again on it: an extractive value of the asked-for type, else
the answer model on that dated context (~800 tokens for the embedded model), else the original
reply. Abstention still rests on evidence: :func:`kgmem.answer.abstain.decide` runs on the
widened evidence (similarity, asked-for type, named entities, content words), unchanged.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from kgmem.answer import abstain as abstain_mod
from kgmem.answer.deterministic import Computed
from kgmem.answer.evidence import EvidenceSet
from kgmem.answer.extractive import Extracted, extract
from kgmem.models import Intent
from kgmem.retrieval.search import RetrievalResult, raw_turn_hits

#: the embedded model's context for a second look: the issue allows it ~800 tokens
SECOND_LOOK_CONTEXT = 800
#: reasons no wider evidence can undo: a name memory never mentions, an event never told as done,
#: an assistant recommendation of a kind never made
_HARD = ("never mentioned:", "no actual event", "I never recommended")
_NO_EXTRACT = (Intent.PREFERENCE, Intent.WHEN, Intent.DURATION, Intent.ORDERING, Intent.AGGREGATE)


@dataclass
class SecondLook:
    """The widened evidence and the decisions taken again on it."""

    result: RetrievalResult
    ev: EvidenceSet
    extracted: Extracted | None
    decision: abstain_mod.AbstainDecision
    added: list[str]


def soft_abstention(decision: abstain_mod.AbstainDecision, computed: Computed) -> bool:
    """An abstention that rests on what the top evidence lacked (a value of the type, similarity),
    not on something memory provably never held."""
    if computed.abstain_reason or computed.unmatched:
        return False
    return not any(decision.reason.startswith(h) for h in _HARD)


def second_look(result: RetrievalResult, sentence_best: dict[str, float] | None = None) -> SecondLook:
    """Decide again with the raw message hits in the evidence.

    ``sentence_best``: each turn's best sentence similarity already measured (the evidence pool's,
    :meth:`kgmem.answer.pool.Pool.turn_best`); without it the raw hits' sentences are embedded here."""
    known = {t.id for t in result.turns}
    raw = raw_turn_hits(result)
    added = [t.id for t in raw if t.id not in known]
    # raw hits first: lines are ranked by their own similarity, the order only breaks ties
    turns = [*raw, *(t for t in result.turns if t.id not in {r.id for r in raw})]
    # a long turn's cosine is diluted by whatever else it says: a raw hit is as similar as its best sentence
    if sentence_best is None:
        lines = [ln for ln in EvidenceSet(dataclasses.replace(result, turns=raw)).top if ln.role == "user"]
        sims = EvidenceSet(result).line_similarity(lines)
        sentence_best = {}
        for ln in lines:
            v = sims.get((ln.turn_id, ln.position), 0.0)
            sentence_best[ln.turn_id] = max(v, sentence_best.get(ln.turn_id, 0.0))
    similarity = dict(result.similarity)
    for t in raw:
        line_sim = sentence_best.get(t.id, 0.0)
        if line_sim > similarity.get(t.id, 0.0):
            similarity[t.id] = line_sim
    wide = dataclasses.replace(result, turns=turns, similarity=similarity)
    ev = EvidenceSet(wide)
    extracted = None if result.plan.intent in _NO_EXTRACT else extract(ev)
    decision = abstain_mod.decide(ev, Computed(), extracted)
    return SecondLook(wide, ev, extracted, decision, added)
