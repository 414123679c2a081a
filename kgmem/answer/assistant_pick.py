"""What the assistant recommended or said: the reply answering the request the question is about,
and the part of it that answers (a listed option, a value of an asked measure, the named pick)."""

from __future__ import annotations

import re
from datetime import datetime

from kgmem.answer import measures, reply_list
from kgmem.answer.evidence import EvidenceSet, Line, split_sentences
from kgmem.answer.extracted import Extracted
from kgmem.answer.match import coverage, norm, terms
from kgmem.models import Turn

_RECOMMEND = re.compile(
    r"\b(?:recommend|suggest|go with|go for|try|pick|choose|top pick[^,.;:]*?(?:is|would be|:)|"
    r"would be|it would be|fits best|my pick|best bet|you'?ll love|check out)\s+(?P<v>[A-Z0-9\"'][^,.;:!?]{1,60}?)"
    r"(?=\s+(?:for|because|since|as|if|—|-|which|it's|it is|fits)\b|[,.;:!?]|$)")



def assistant_pick(ev: EvidenceSet) -> Extracted | None:
    """What the assistant recommended in reply to the request that best matches the question."""
    result = ev.result
    plan = result.plan
    by_id = {t.id: t for t in result.turns}
    focus = {norm(w) for w in plan.focus} | ({norm(plan.head)} if plan.head else set()) | \
        {norm(w) for w in plan.keywords if w not in ("recommend", "suggest", "recommended", "suggested", "remind")}
    best: tuple[float, Turn, Turn | None] | None = None
    for t in result.turns:
        if t.role != "assistant":
            continue
        prev = by_id.get(f"{t.session_id}:{t.idx - 1}")
        score = result.turn_scores.get(t.id, 0.0) + (result.turn_scores.get(prev.id, 0.0) if prev else 0.0)
        # the request it answered must be about the question's context ("for a rainy weekend"):
        # replies of the same kind for another context are the usual near miss
        asked = terms(prev.text) if prev else set()
        score += 0.05 * (len(focus & asked) / max(len(focus), 1)) + 0.01 * len(focus & terms(t.text[:300]))
        if best is None or score > best[0]:
            best = (score, t, prev)
    if best is None:
        return None
    _, reply, request = best
    said = result.session_date(reply.session_id)
    ids = [reply.id] + ([request.id] if request else [])
    item = reply_list.pick(plan.question, reply.text, result.embed)
    if item is not None:  # "which shoe did you put second", "the one I'd go with": one listed option
        return Extracted(item.name, "line", 0.8, f"my reply on {said.date() if said else '?'}: \"{item.text[:160]}\"",
                         turn_ids=ids)
    head = _reply_part(ev, reply, said, request)
    measure = measures.asked_measure(plan.question)
    if measure is not None:  # "what temperature did you give me": the reply's value of that measure
        part = next((p for p in (head, *split_sentences(reply.text)) if measures.values(p, measure)), None)
        if part is not None:
            return Extracted(measures.stated(part, measure) or part, "line", 0.8,
                             f"my reply on {said.date() if said else '?'}: \"{part[:160]}\"", turn_ids=ids)
    m = _RECOMMEND.search(head)
    value = m.group("v").strip(" \"'") if m else head[:160]
    cite = f"my reply on {said.date() if said else '?'}: \"{head[:160]}\""
    return Extracted(value, "line", 0.8 if m else 0.5, cite, turn_ids=ids)


#: a reply sentence this much more similar to the question than the reply's opening is the part
#: asked about ("what oven temperature did you give me": the line with the temperature)
REPLY_PART_MARGIN = 0.1


def _reply_part(ev: EvidenceSet, reply: Turn, said: datetime | None, request: Turn | None) -> str:
    """The part of a reply the question asks about: its opening two sentences, unless they name no
    pick and a later sentence is clearly closer in meaning to the question (then that one and the
    next)."""
    sents = split_sentences(reply.text)
    opening = " ".join(sents[:2])
    if len(sents) <= 2 or said is None or _RECOMMEND.search(opening):
        return opening  # a reply that opens with its pick answers with it
    lines = [Line(t, reply.id, reply.session_id, "assistant", said, 0.0, 1000 + i) for i, t in enumerate(sents)]
    sims = ev.line_similarity(lines)
    asked = terms(request.text) if request is not None else set()
    # a sentence restating the request ("Let me explain I need a podcast for my commute.") is no answer
    score = [0.0 if asked and coverage(terms(ln.text), asked) >= 0.5 else sims.get((ln.turn_id, ln.position), 0.0)
             for ln in lines]
    best = max(range(len(lines)), key=lambda i: score[i])
    if best < 2 or score[best] < max(score[:2]) + REPLY_PART_MARGIN:
        return opening
    return " ".join(sents[best:best + 2])
