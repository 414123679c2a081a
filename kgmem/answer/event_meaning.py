"""An event found by meaning: the question's whole event phrase against the user's dated lines.

The words of a question's event are often not the user's: "my trip to poland" was told as
"tomorow i fly to Krakow!!", "Rosie arriving" as "A little girl, Rosie, 7lb 2oz", "my last exam"
as "LAST GCSE EVER today". A kind and its instance share no word, and no word list can hold every
pair, but the sentence embedding (MiniLM, the retrieval embedder) of the whole phrase puts them
close. When the lexical matcher (:mod:`kgmem.answer.event_mentions`, the fast path) finds no line
at the asked role, :func:`match_by_meaning` ranks the user's own actual sentences of the turns
nearest to the phrase (the store's turn vectors) by the cosine of their embeddings, in one batch,
and keeps the closest one when it is close in absolute terms and clearly closer than every
sentence of another turn. The role (a start / an end) and the time (said or dated on or before
the question) are checked as for lexical matches; the question's ordinal ("my *last* exam")
picks by date among the close candidates, and two close candidates on different dates are a tie
the answer reports instead of picking one.

Thresholds are calibrated on development sets only (dev3-dev5, the synthetic dev family, the
event-matching set); see /work/coord/notes/ev11.md for the figures.
"""

from __future__ import annotations

from kgmem.answer.event_lift import similarity_and_lift
from kgmem.answer.event_mentions import arranges_only, called_off, calling_off, came_true
from kgmem.answer.event_names import phrase_names, told_names
from kgmem.answer.event_spec import EventMatch, EventSpec, line_roles
from kgmem.answer.event_time import scheduled
from kgmem.answer.event_time import when as when_of
from kgmem.answer.evidence import EvidenceSet, Line
from kgmem.answer.match import contains_name, core_terms, coverage, expand, terms

#: a sentence at least this close to the event phrase may tell it ...
MEANING_MIN = 0.40
#: ... when it is this much closer than the closest sentence of any other turn
MEANING_MARGIN = 0.08
#: how many of the turns nearest to the phrase (stored turn vectors) have their sentences embedded
NEAREST_TURNS = 12
#: at most this many sentences are embedded per phrase (one batch)
MAX_LINES = 64
#: the roles that exclude each other: an end line does not tell a start
_OPPOSITE = {"start": "finish", "finish": "start"}


def candidates(phrase: str, ev: EvidenceSet, told: frozenset[int] = frozenset()) -> list[tuple[float, bool, Line]]:
    """The user's own actual sentences of the turns nearest to ``phrase``, each with the cosine
    of its embedding to the phrase's and whether it may tell the event, closest first (one
    embedding batch; cached vectors reused).

    A line may tell the phrase by meaning only as :mod:`kgmem.answer.event_lift` allows: it carries
    the phrase's name or a place inside it ("my trip to norway" ~ "Flew to Oslo"), never another
    name of the same kind ("my trip to spain" ~ "Flying to Portugal"). A line the lexical matcher
    already found as a mention (``told``: ids of lines) needs no check: its words name the event."""
    turn_sims = ev.result.phrase_similarity(phrase)
    top = sorted(turn_sims, key=lambda t: -turn_sims[t])[:NEAREST_TURNS]
    lines = [ln for t in top for ln in ev.turn_lines(t) if ln.actuality == "actual"][:MAX_LINES]
    lines += _naming(phrase, ev, set(top))
    if not lines:
        return []
    scored = similarity_and_lift(phrase, lines, ev)
    return sorted(((s, ok or id(ln) in told, ln) for (s, ok), ln in zip(scored, lines)),
                  key=lambda x: -x[0])


#: at most this many lines outside the nearest turns that name the phrase's own words (:func:`_naming`)
NAMING_LINES = 16


def _naming(phrase: str, ev: EvidenceSet, top: set[str]) -> list[Line]:
    """The user's actual lines outside the turns nearest to the phrase that name its distinctive words, most
    named first: a line told in passing in a turn about something else ("Quick question: how do I rename files?
    By the way, a blender came home with me") is far from the phrase as a turn, not as a line (dev3, an25)."""
    core = core_terms(phrase)
    named = [(len(core & terms(ln.text)), k, ln) for k, ln in enumerate(ev.all_user_lines())
             if ln.turn_id not in top and ln.actuality == "actual" and core & terms(ln.text)]
    return [ln for _, _, ln in sorted(named, key=lambda x: (-x[0], x[1]))[:NAMING_LINES]]


def told_unreal(activity: str, ev: EvidenceSet) -> bool:
    """The user named the activity in full only in a plan or a "no" ("I said no to the Dublin
    expo"): that is the answer ("mentioned only as a plan"), not a cue to look for it by meaning."""
    core = core_terms(activity)
    return bool(core) and any(ln.actuality in ("plan", "negated") and coverage(core, terms(ln.text) | expand(terms(ln.text))) >= 1.0
                              for ln in ev.all_user_lines())


def _named_elsewhere(phrase: str, ev: EvidenceSet) -> bool:
    """A name of the phrase the user wrote only in a line that is not their own doing ("My brother
    just got back from Seville" for "my trip to seville"): the lexical answer ("someone else's")
    stands; another of the user's trips is no stand-in for it."""
    lines = ev.all_user_lines()
    names = phrase_names(phrase) + told_names(phrase, [ln.text for ln in lines])
    return any(ln.actuality != "actual" and contains_name(n, ln.text) for n in names for ln in lines)


def match_by_meaning(spec: EventSpec, ev: EvidenceSet, told: list[EventMatch] | None = None) -> EventMatch | None:
    """The user's line that tells the spec's event by meaning, or ``None`` when no sentence is
    clearly the one (see the module docstring). A close rival on another date is set as ``tie``.
    ``told``: the lexical matcher's mentions of the activity (see :func:`candidates`)."""
    if told_unreal(spec.activity, ev) or _named_elsewhere(spec.phrase, ev):
        return None
    qd, offs = ev.result.plan.question_date, calling_off(spec.activity, ev)
    found = [c for c in candidates(spec.phrase, ev, frozenset(id(m.line) for m in told or [] if m.line is not None))
             if (qd is None or (c[2].said_at <= qd and c[2].when.date() <= qd.date()))
             and not called_off(c[2], offs, ev) and not arranges_only(c[2], spec.activity)]
    ranked = [(s, ln) for s, ok, ln in found if ok]
    # lines close to the phrase (whether or not they may tell it) confirm that a scheduled day came true
    near = [ln for s, _, ln in found if s >= MEANING_MIN]
    if not ranked or ranked[0][0] < MEANING_MIN:
        return None
    opposite = _OPPOSITE.get(spec.role or "")
    if spec.role:
        # the role checks of the lexical path: a line telling the opposite point is not this one;
        # a line telling the asked role is preferred to one that tells no role
        ranked = [(s, ln) for s, ln in ranked if not (opposite in line_roles(ln) and spec.role not in line_roles(ln))]
        with_role = [(s, ln) for s, ln in ranked if spec.role in line_roles(ln)]
        if with_role and with_role[0][0] >= MEANING_MIN and ranked and with_role[0][0] >= ranked[0][0] - MEANING_MARGIN:
            ranked = with_role
    if not ranked or ranked[0][0] < MEANING_MIN:
        return None
    best_sim, best = ranked[0]
    close = [(s, ln) for s, ln in ranked if ln.turn_id != best.turn_id and s > best_sim - MEANING_MARGIN]
    core = core_terms(spec.activity)
    chosen = _as_match(best_sim, best, core, near, ev)
    if not close:
        return chosen
    if spec.ordinal is not None:  # "my last exam": the latest of the close ones
        every = sorted([chosen] + [_as_match(s, ln, core, near, ev) for s, ln in close],
                       key=lambda m: (m.when, m.said_at))
        return every[0] if spec.ordinal == "first" else every[-1]
    rival = _as_match(*close[0], core, near, ev)
    if rival.when.date() == chosen.when.date():
        return chosen
    chosen.tie = rival
    return chosen


def _as_match(sim: float, line: Line, core: set[str], near: list[Line], ev: EvidenceSet) -> EventMatch:
    """The line as a match, dated as the lexical path dates it: a scheduled day ("flying to
    albuquerque on tuesday") is the coming one when a later line continues the story, in its
    words or by meaning (``near``: the lines close to the phrase; "abuelas party was the best")."""
    when, gran, dated = when_of(line, ev)
    ahead = scheduled(line) if line.dated_by_text else None
    if ahead is not None and (came_true(ahead[0], line, core, ev) or any(
            ln.turn_id != line.turn_id and ln.said_at.date() >= ahead[0].date() for ln in near)):
        when, gran = ahead
    return EventMatch(when, sim + (0.05 if dated else 0.0), line.text, line.said_at, gran, line=line,
                      roles=line_roles(line))
