"""The tastes a preference answer can build on: every like and dislike the user stated about themselves, from the
facts extraction wrote and from the user's own lines, each with its relevance to the question (pf18: moved out of
:mod:`kgmem.answer.preference`; with the question's domain known, every line of the history is read).
"""

from __future__ import annotations

from dataclasses import dataclass

from kgmem.answer.evidence import EvidenceSet, Line
from kgmem.answer.pref_reaction import offered, polarities
from kgmem.answer.pref_reading import (
    PARTS,
    a_fragment,
    asks_in,
    frame_negation,
    named_as_own,
    own_clause,
    reads_as_taste,
    taste_of_it,
)
from kgmem.answer.pref_reasons import Reason, as_diet, asks, ended
from kgmem.answer.taste import read_taste
from kgmem.answer.taste_things import run_on_sentences, without_degree
from kgmem.ids import entity_id

_LIKE_PREDICATES = ("likes", "hobby", "favourite_food", "favourite_music", "favourite_drink", "diet",
                    "favourite_sport", "plays_instrument")


@dataclass
class Stated:
    value: str
    like: bool
    relevance: float
    session_id: str
    cited: str
    turn_id: str
    fact_id: str | None = None
    #: the user's own words that state it (lines only)
    quote: str = ""


def candidates(ev: EvidenceSet, everywhere: bool = False) -> list[Stated]:
    """Every like/dislike the user stated about themselves (facts, and the user's own lines of every
    turn retrieval kept or found close in meaning; with ``everywhere``, of every turn: the caller keeps
    those of the question's domain by meaning), with its relevance to the question."""
    result = ev.result
    me = entity_id(result.user_id, "user")
    out: list[Stated] = []
    for f in result.all_facts.values():
        if f.speaker != "user" or f.invalid_at is not None or not f.value or f.subject_id != me:
            continue  # "the health visitor is lovely on the phone" is no taste of the user's
        if f.predicate not in (*_LIKE_PREDICATES, "dislikes") or not ev.fact_is_actual(f):
            continue
        if f.predicate in ("likes", "dislikes") and not reads_as_taste(f.value, ev.source_sentence(f)):
            continue  # "what seed do they like best?", "my starter smells like nail polish": no taste of the user's
        if a_fragment(f.value, ev.source_sentence(f)) or asks(ev.source_sentence(f)) or \
                named_as_own(f.value, ev.source_sentence(f)):
            continue  # "s orders" from "consultant's orders": a piece of a word; "whats a good snack …": asked; "my vote"
        tid = f.source_turn_ids[0] if f.source_turn_ids else ""
        if as_diet(f.value) is not None and ended(Reason(f.value, tid, ev.source_sentence(f), False)):
            continue  # "I was vegetarian for ten years until 2019": a diet told as over is none now
        rel = ev.turn_similarity(tid) + 20 * result.fact_scores.get(f.id, 0.0)
        out.append(Stated(without_degree(f.value), f.predicate != "dislikes", rel, f.session_id,
                           f"\"{f.text[:100]}\" (said {f.observed_at.date()})", tid, f.id, quote=ev.source_sentence(f)))
    stated: list[tuple[Line, bool, str]] = []
    reacted: list[tuple[Line, str, str]] = []
    ranked = {t.id for t in result.turns} | set(result.similarity)  # retrieval's top turns, and the turns close in meaning
    for line in (ln for ln in ev.all_user_lines() if everywhere or ln.turn_id in ranked):
        # "I'm a huge fan of heist movies, and dry British comedies crack me up": two likes
        # (the cheap reading first: a line's actuality is parsed only when it states a taste)
        # (a sentence that ended on a closer without its full stop is one of its own: "… running tbh Any tips …" asks
        # only in its second)
        for piece, part in ((pc, pt) for pc in run_on_sentences(line.text) for pt in PARTS.split(pc)):
            taste = read_taste(part) or taste_of_it(line.text, part)
            if taste is None and (told := offered(part)) is not None:
                # "anything with bagpipes and I'm reaching for the earplugs": its polarity by the reaction's meaning, below
                reacted.append((line, *told))
                continue
            # (a negation the taste's own frame reads is no negated event: "I'll never say no to swimming")
            if taste is None or (line.actuality == "request" and asks_in(piece)) or not own_clause(part) or \
                    (taste[0] and line.actuality not in ("actual", "other") and
                     not (line.actuality == "negated" and frame_negation(part)) and
                     not (line.actuality == "request" and not asks_in(piece))):
                continue
            stated.append((line, *taste))
    embedder = result.embedder
    model = f"{embedder.name}:{embedder.dim}" if embedder is not None else None
    for (line, thing, _), like in zip(reacted, polarities([r for _, _, r in reacted], result.embed, model)):
        if like is not None:
            stated.append((line, like, thing))
    sims = ev.line_similarity([ln for ln, _, _ in stated])
    for line, like, value in stated:
        # the turn's cosine where it was a vector hit (as for facts), else the line's own
        rel = (ev.turn_similarity(line.turn_id) or sims.get((line.turn_id, line.position), 0.0)) + 20 * line.score
        out.append(Stated(value, like, rel, line.session_id,
                           f"\"{line.text[:100]}\" (said {line.said_at.date()})", line.turn_id, quote=line.text))
    by_meaning(ev, out)
    # the user's own words win over an extracted fact of the other polarity ("not music": no liking of music), and over
    # one of the same turn that holds the thing read with more words ("Put documentaries": documentaries)
    said = {(c.turn_id, c.value.lower(), c.like) for c in out if not c.fact_id}
    return [c for c in out if not (c.fact_id and ((c.turn_id, c.value.lower(), not c.like) in said or
                                                  _wordier(c, said)))]


def _wordier(fact: Stated, said: set[tuple[str, str, bool]]) -> bool:
    """Whether a line of the fact's turn read the same taste as fewer of the fact's own words, its last ones."""
    words = fact.value.lower().split()
    return any(tid == fact.turn_id and like == fact.like and len(v.split()) < len(words) and
               words[-len(v.split()):] == v.split() for tid, v, like in said)




def by_meaning(ev: EvidenceSet, cands: list[Stated]) -> None:
    """A stated taste close in meaning to the question counts more ("what should I watch": heist
    movies, not the gym's coaches the same week)."""
    vecs = ev.result.embed([ev.result.plan.question] + [c.value for c in cands]) if cands else None
    if vecs is None:
        return
    for c, v in zip(cands, vecs[1:]):
        c.relevance += 0.5 * float(v @ vecs[0])
