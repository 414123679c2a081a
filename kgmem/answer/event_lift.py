"""Whether a sentence found by meaning alone may tell a question's event phrase.

Two checks, one per kind of word the user never wrote:

- a **name** of the phrase ("my trip to portugal", "my spanish lessons") must be carried by the line
  or its turn: the name itself or a place inside it (:mod:`kgmem.answer.event_instance`, the one
  kind-vs-instance judgement of every matcher); a line with another name of the same kind never
  tells it ("Flying to Spain" for Portugal, "Italian course" for "my spanish lessons");
- an unseen **common noun** (any unseen word that is no name of the phrase) ("the violin" / "a secondhand cello": a sibling of the same kind, which
  the embedding cannot tell from an instance) leaves only the seen words: the phrase without it
  must be close alone;
- a line whose head noun has another **modifier** ("a ceramics course" for "my woodwork course")
  tells another instance of the kind (:mod:`kgmem.answer.event_modifiers`).
Used where a line is accepted by meaning alone (:mod:`kgmem.answer.event_meaning`).
"""

from __future__ import annotations

from kgmem.answer.event_instance import CARRIES, OTHER, NameCheck
from kgmem.answer.event_modifiers import line_verdicts as instance_verdicts
from kgmem.answer.event_spec import parse_spec
from kgmem.answer.evidence import EvidenceSet, Line
from kgmem.answer.match import core_terms, expand, terms

#: with an unseen common noun, the phrase without it keeps a word the user did write and is this
#: close alone: the seen words carry the event ("my trip to" ~ "Flew to Oslo" 0.40 is the frame of
#: any trip)
FRAME_MIN = 0.45


def similarity_and_lift(phrase: str, lines: list[Line], ev: EvidenceSet) -> list[tuple[float, bool]]:
    """Per line: the cosine of its embedding to the phrase's, and whether it may tell the phrase by
    meaning (see the module docstring). One embedding batch for the sentences, one for the names."""
    if not lines:
        return []
    seen_frame, unseen = _frames(phrase, ev)
    texts = [phrase] + ([seen_frame] if seen_frame else []) + [ln.text for ln in lines]
    vecs = ev.result.embed(texts)
    if vecs is None:
        return [(0.0, False) for _ in lines]
    line_vecs = vecs[len(texts) - len(lines):]
    sims = line_vecs @ vecs[0]
    alone = line_vecs @ vecs[1] if seen_frame else sims * 0.0
    check = NameCheck(phrase, ev)
    # an unseen word that is no name of the phrase ("the summer" of "in poland in the summer") is a
    # common noun: the seen words must carry the event too
    common = unseen - {t for n in check.names for t in terms(n)}
    frame_ok = [(not common or bool(a >= FRAME_MIN)) and v != OTHER
                for a, v in zip(alone, instance_verdicts(phrase, lines, ev))]
    if check.asked:
        return [(float(s), v == CARRIES and f) for s, v, f in zip(sims, check.line_verdicts(lines), frame_ok)]
    return [(float(s), f) for s, f in zip(sims, frame_ok)]


def _frames(phrase: str, ev: EvidenceSet) -> tuple[str, set[str]]:
    """The phrase without its content words that no user line has, when a word the user wrote
    remains ("" otherwise), and those words."""
    seen: set[str] = set()
    for ln in ev.all_user_lines():
        have = terms(ln.text)
        seen |= have | expand(have)
    # a word naming the point asked about ("arriving") is the role's, checked apart
    unseen = {t for t in core_terms(phrase) - seen if parse_spec(t).role is None}
    if not unseen:
        return "", unseen
    rest = [w for w in phrase.split() if not (terms(w) and terms(w) <= unseen)]
    return (" ".join(rest) if core_terms(" ".join(rest)) else ""), unseen
