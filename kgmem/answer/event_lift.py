"""How much a phrase's unseen words lift a sentence's likeness: the check that an instance carries
the kind ("my trip to norway" ~ "Flew to Oslo"), not a neighbour ("my trip to spain" ~ "Flying to
Portugal"). A content word of the phrase that no user line has is what meaning must carry; the
phrase without it ("my trip to") is the frame, and a sentence close to the frame alone is close by
the frame, not by the event. Used where a line is accepted by meaning alone
(:mod:`kgmem.answer.event_meaning`); the older deep pass of :mod:`kgmem.answer.event_mentions`
does not use it yet (applied there, it cost one paraphrase group; see the ev11 note).
"""

from __future__ import annotations

from functools import lru_cache

from kgmem.answer.event_spec import parse_spec
from kgmem.answer.evidence import EvidenceSet, Line
from kgmem.answer.match import core_terms, expand, terms
from kgmem.retrieval.question import nlp as question_nlp

#: how much closer a sentence must be to the whole phrase than to the phrase without the words no
#: line has: an instance carries its kind ("trip to poland" ~ "fly to Krakow" +0.29 (dev3), norway ~
#: Oslo +0.26, portugal ~ Lisbon +0.30), a neighbour does not (spain ~ Portugal +0.17, sweden ~ Oslo
#: +0.16, "in italy" ~ "Italian class" +0.19, japan ~ Krakow … ≤ +0.06): development probes and rev11's
INSTANCE_GAIN = 0.22


#: ... or the phrase without all its unseen words keeps a word the user did write and is this close
#: alone: the seen words carry the event ("in new mexico for my abuelas birthday" ~ "flying to
#: albuquerque … to see my abuela" by "for my abuelas birthday", 0.55; "my trip to" ~ "Flew to Oslo"
#: 0.40 is the frame of any trip)
FRAME_MIN = 0.45


def similarity_and_lift(phrase: str, lines: list[Line], ev: EvidenceSet) -> list[tuple[float, bool]]:
    """Per line: the cosine of its embedding to the phrase's, and whether it may tell the phrase by
    meaning. With no unseen word, any line may. An unseen proper noun (a place or name told by an
    instance: "poland" / "Krakow") must lift the line by ``INSTANCE_GAIN``, or the seen words alone
    be close (``FRAME_MIN``); an unseen common noun ("the violin" / "a secondhand cello": a sibling
    of the same kind, which the embedding cannot tell from an instance) leaves only the seen words.
    One embedding batch."""
    if not lines:
        return []
    frames, seen_frame, common = _frames(phrase, ev)
    extra = frames + ([seen_frame] if seen_frame else [])
    texts = [phrase] + extra + [ln.text for ln in lines]
    vecs = ev.result.embed(texts)
    if vecs is None:
        return [(0.0, False) for _ in lines]
    line_vecs = vecs[len(texts) - len(lines):]
    sims = line_vecs @ vecs[0]
    if not frames:
        return [(float(s), True) for s in sims]
    # the lift of the word that carries the most: "norway" in "my trip to norway", not "trip"
    lifts = sims - (line_vecs @ vecs[1:1 + len(frames)].T).min(axis=1)
    alone = line_vecs @ vecs[1 + len(frames)] if seen_frame else sims * 0.0
    return [(float(s), bool((g >= INSTANCE_GAIN and not common) or a >= FRAME_MIN)) for s, g, a in zip(sims, lifts, alone)]


def _frames(phrase: str, ev: EvidenceSet) -> tuple[list[str], str, bool]:
    """The phrase without each of its content words that no user line has ("my trip to poland" →
    "my trip to"); without all of them when a word the user wrote remains ("" otherwise); and
    whether one of those words is a common noun (not a proper one)."""
    seen: set[str] = set()
    for ln in ev.all_user_lines():
        have = terms(ln.text)
        seen |= have | expand(have)
    # a word naming the point asked about ("arriving") is the role's, checked apart
    unseen = {t for t in core_terms(phrase) - seen if parse_spec(t).role is None}
    words = phrase.split()
    out = []
    for t in sorted(unseen):
        kept = [w for w in words if terms(w) != {t}]
        if kept and len(kept) < len(words):
            out.append(" ".join(kept))
    rest = [w for w in words if not (terms(w) and terms(w) <= unseen)]
    seen_frame = " ".join(rest) if out and core_terms(" ".join(rest)) else ""
    return out, seen_frame, bool(unseen - _proper_nouns(phrase))


@lru_cache(maxsize=1024)
def _proper_nouns(phrase: str) -> frozenset[str]:
    """The comparison forms of a phrase's proper nouns by the tagger ("poland" in "was in poland in
    the summer"); none without the tagger (then every unseen word counts as a common noun)."""
    nlp = question_nlp()
    if nlp is None:
        return frozenset()
    return frozenset(t for tok in nlp(phrase) if tok.pos_ == "PROPN" for t in terms(tok.text))
