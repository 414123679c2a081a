"""Evidence lines ranked by relevance to the question, for the extractive answer paths."""

from __future__ import annotations

from kgmem.answer.evidence import EvidenceSet, Line
from kgmem.answer.match import contains_name, coverage, norm, terms
from kgmem.retrieval.intents import slot_vocabulary

#: the best lines by turn similarity and words get their own embedding (once each, cached by
#: content): a turn's similarity is diluted by whatever else it says
LINES_EMBEDDED = 10
#: the slot-vocabulary bonus when the lines' own similarities are known
VOCAB_EMBEDDED = 0.05


def rank_lines(ev: EvidenceSet, lines: list[Line], *, by_line: bool = True) -> list[tuple[float, Line]]:
    """Lines by relevance: the similarity to the question (the turn's, and for the best few the
    line's own), the question's content and named words, and the slot's own vocabulary (from the
    intent bank's phrasings)."""
    plan = ev.result.plan
    focus = {norm(w) for w in plan.focus} | {norm(w) for n in plan.named for w in n.split()}
    kw = {norm(w) for w in plan.keywords}
    vocab = {norm(w) for w in slot_vocabulary(plan.slot)} | ({norm(plan.head)} if plan.head else set())
    # with the lines' own similarities known (the evidence pool), meaning ranks them and the slot's
    # vocabulary only breaks near-ties; without them it stands in for meaning
    vocab_weight = VOCAB_EMBEDDED if by_line and ev.embedded(lines) else 0.25
    words: dict[int, float] = {}
    for line in lines:
        have = terms(line.text)
        s = 0.4 * coverage(focus, have) if focus else 0.0
        s += 0.15 * len(kw & have) / max(len(kw), 1) + (vocab_weight if vocab & have else 0.0)
        if plan.named and not all(contains_name(n, line.text) for n in plan.named):
            s -= 0.3
        words[id(line)] = s
    scored = sorted(((ev.turn_similarity(ln.turn_id) + words[id(ln)], ln) for ln in lines), key=lambda x: -x[0])
    if not by_line or not scored:
        return scored
    sims = ev.line_similarity([ln for _, ln in scored[:LINES_EMBEDDED]])
    rescored = [(max(ev.turn_similarity(ln.turn_id), sims.get((ln.turn_id, ln.position), 0.0)) + words[id(ln)], ln)
                for _, ln in scored]
    return sorted(rescored, key=lambda x: -x[0])


#: a line this relevant (see :func:`rank_lines`) may answer with its own words
MIN_LINE_RELEVANCE = 0.4
