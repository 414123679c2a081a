"""Which mention answers a question's event, by role, order and ordinal; an activity's span.

"How many weeks ago did I *finish* the pottery course?" must use the line where the course ended,
not the one where it started. The phrase is an activity at a role (:mod:`kgmem.answer.event_spec`);
the activity's mentions are the user's own dated lines about it (:mod:`kgmem.answer.event_mentions`).
Here a role picks the mention whose words carry it; when none does, a sibling sentence of a
mention's turn may, else the order of the mentions does (an activity's start is told before its
end). When two mentions match equally well on different dates the match says so (``tie``)
instead of picking one; an ordinal of the phrase ("my *last* exam") settles such a tie by date.
:func:`match_span` finds an activity's start and end, and an end told without naming the activity
("Home again!" after a trip), or else the trip set off in one turn and ended by coming home in
another (:mod:`kgmem.answer.event_trips`).
"""

from __future__ import annotations

import re
from datetime import timedelta

from kgmem.answer.event_absence import absence_span, absent_thing
from kgmem.answer.event_meaning import match_by_meaning
from kgmem.answer.event_mentions import CONTINUATION_DAYS, mentions
from kgmem.answer.event_names import names_head
from kgmem.answer.event_roles import departs, returns_home, setting_off
from kgmem.answer.event_spec import EventMatch, EventSpec, line_roles, one_per_turn, parse_spec
from kgmem.answer.event_time import when as when_of
from kgmem.answer.event_trips import elsewhere, trip_span
from kgmem.answer.evidence import DISTINCT_ROLES, EvidenceSet, roles_of
from kgmem.models import TimeWindow

__all__ = ["EventMatch", "EventSpec", "line_roles", "match_event", "match_span", "match_spec", "mentions", "parse_spec"]

#: a mention must be this well supported (words, not only a loose meaning) to stand as an
#: activity's start or end by order alone
CHRONOLOGY_SCORE = 0.5
#: two candidates this close in score but on different dates are a tie
TIE_MARGIN = 0.08


def _pick(cands: list[EventMatch], ordinal: str | None = None) -> EventMatch | None:
    """The best candidate, with a tie when a different-date one scores as well; an ordinal of the
    phrase ("my *last* exam") settles such a tie by date."""
    if not cands:
        return None
    cands = sorted(cands, key=lambda c: (-c.score, c.when))
    if ordinal is not None:
        close = sorted((c for c in cands if cands[0].score - c.score <= TIE_MARGIN), key=lambda c: (c.when, c.said_at))
        return close[0] if ordinal == "first" else close[-1]
    best = cands[0]
    for other in cands[1:]:
        if best.score - other.score > TIE_MARGIN:
            break
        if abs((other.when.date() - best.when.date()).days) > _tolerance(best, other):
            best.tie = other
            break
    return best


def match_spec(spec: EventSpec, ev: EvidenceSet, *, pool: list[EventMatch] | None = None,
               window: TimeWindow | None = None) -> EventMatch | None:
    """The mention of the spec's activity at the spec's role (by words, else by order); with no
    pool given and nothing found so, the line that tells the whole phrase by meaning. A ``window``
    (the question's "in June") keeps the mentions of that time only."""
    ms = words = _within(pool if pool is not None else mentions(spec.activity, ev), window)
    if pool is None and (not ms or (spec.role and not any(spec.role in m.roles for m in ms) and len(ms) < 2)):
        ms = _within(mentions(spec.activity, ev, deep=True), window)
    found = _match_words(spec, ms, ev) if ms else None
    if found is None and pool is None:
        found = match_by_meaning(spec, ev, words)  # the lines its words name need no lift
        found = found if found is None or _within([found], window) else None
    return found


def _within(ms: list[EventMatch], window: TimeWindow | None) -> list[EventMatch]:
    if window is None or window.start is None or window.end is None:
        return ms
    return [m for m in ms if window.start <= m.when <= window.end]


def _match_words(spec: EventSpec, ms: list[EventMatch], ev: EvidenceSet) -> EventMatch | None:
    found = _at_role(spec, ms, ev)
    if found is None and spec.ordinal and spec.role not in _verb_roles(spec.phrase):
        # "my first negative one": with no line telling a start, the ordinal means the earliest
        # (last: the latest) mention of the activity
        ordered = sorted((m for m in ms if m.score >= CHRONOLOGY_SCORE or len(ms) == 1), key=lambda m: (m.when, m.said_at))
        found = (ordered[0] if spec.ordinal == "first" else ordered[-1]) if ordered else None
    return found


def _verb_roles(phrase: str) -> set[str]:
    return roles_of(re.sub(r"\b(?:very\s+)?(?:first|last|final)\b", " ", phrase, flags=re.I)) & DISTINCT_ROLES


def _at_role(spec: EventSpec, ms: list[EventMatch], ev: EvidenceSet) -> EventMatch | None:
    if spec.role == "finish" and not any(spec.role in m.roles for m in ms) and len(ms) == 1:
        return _continuation(ms[0], spec.activity, ev)
    if spec.role is None:  # "the last time I went to the dentist": of the mentions alike, the latest
        return _pick(ms, spec.ordinal)
    with_role = [m for m in ms if spec.role in m.roles]
    opposite = {"start": "finish", "finish": "start"}.get(spec.role)
    clean = [m for m in with_role if opposite not in m.roles]  # "first day back" is an end, not a start
    if clean or with_role:
        return _pick(clean or with_role, spec.ordinal)
    told_beside = _role_beside(ms, spec.role, opposite, ev)
    if told_beside:
        return _pick(told_beside)
    others = {r for m in ms for r in m.roles}
    if spec.role in ("start", "finish") and len(ms) >= 2:
        # no line says it in words: an activity's start is told before its end
        ordered = sorted((m for m in ms if m.score >= CHRONOLOGY_SCORE), key=lambda m: (m.when, m.said_at))
        if len(ordered) < 2:
            return None
        chosen = ordered[0] if spec.role == "start" else ordered[-1]
        if opposite in chosen.roles:
            return None
        return chosen
    if spec.role not in ("start", "finish") and not (others & DISTINCT_ROLES):
        # "the day I bought X" where no line says "bought": the one mention of X itself. A line
        # sharing only a modifier ("a road bike" / "the Silk Road") is not; one found by meaning is
        return _pick([m for m in ms if names_head(spec.activity, m.text)])
    return None


def _role_beside(ms: list[EventMatch], role: str, opposite: str | None, ev: EvidenceSet) -> list[EventMatch]:
    """A turn tells one event: when no mention carries the role, the nearest other sentence of a
    mention's turn may ("first night in resus last night. ed is a different planet" — the start
    of ED). That sentence, dated by itself, stands for the mention."""
    out = []
    for m in ms:
        if m.line is None:
            continue
        told = [s for s in ev.turn_lines(m.line.turn_id) if s.actuality == "actual" and role in line_roles(s)
                and opposite not in line_roles(s)]
        if told:
            s = min(told, key=lambda s: abs(s.position - m.line.position))  # type: ignore[union-attr]
            when, gran, _ = when_of(s, ev)
            out.append(EventMatch(when, m.score, s.text, s.said_at, gran, fact=m.fact, line=s, roles=line_roles(s)))
    return one_per_turn(out)


def match_event(phrase: str, ev: EvidenceSet, *, semantic: bool = True, window: TimeWindow | None = None) -> EventMatch | None:
    """The best actual, role-compatible evidence for ``phrase`` (within ``window`` when given), with a tie when
    ambiguous."""
    return match_spec(parse_spec(phrase), ev, window=window)


#: "from my first mock to my last one": the activity between the ordinal and "to"
_FIRST_TO_LAST = re.compile(r"^\W*(?:from\s+)?(?:(?:my|the|our)\s+)?(?:very\s+)?(?:first|start\s+of|beginning\s+of)\s+"
                            r"(?P<activity>.+?)\s+(?:to|until|till|through)\b.*$", re.I)


def match_span(activity: str, ev: EvidenceSet) -> tuple[EventMatch, EventMatch] | None:
    """The start and the end of one activity ("how long did my pottery course take")."""
    gone = absence_span(activity, ev) if absent_thing(activity) else None
    if gone is not None:  # "how long was I without my phone": from its going to its coming back
        return gone
    m = _FIRST_TO_LAST.match(activity)
    if m:
        activity = m.group("activity")
    ms = words = mentions(activity, ev)
    if len(ms) < 2:
        ms = mentions(activity, ev, deep=True)
    start = match_spec(EventSpec(activity, activity, "start"), ev, pool=ms)
    end = match_spec(EventSpec(activity, activity, "finish"), ev, pool=ms)
    if start is None:  # no line tells its start in the user's words: the start by meaning
        start = match_by_meaning(EventSpec(activity, activity, "start"), ev, words)
    if end is None and start is not None:
        end = _continuation(start, activity, ev)
    if start is None or end is None or start.turn_id == end.turn_id or end.when <= start.when or (
            start.line is not None and end.line is not None and elsewhere(activity, start.line, end.line)):
        # no line names both ends (or an end tells another place): a trip set off in one turn and
        # ended by coming home in another
        return trip_span(activity, ev, ms)
    if setting_off(start.text) and any(setting_off(m.text) and m.turn_id != start.turn_id for m in ms):
        return None  # two settings off of the activity are two trips: a tie, not the one picked
    return start, end


def _continuation(start: EventMatch, activity: str, ev: EvidenceSet) -> EventMatch | None:
    """The end of an activity told without naming it ("They discharged me yesterday! Home sweet
    home." after "I was admitted on Saturday"): the one finish line after the start that is
    most like the activity, when it is clearly the most like it."""
    sims = ev.result.phrase_similarity(activity)
    cands = []
    for line in ev.all_user_lines():
        if line.actuality != "actual" or "finish" not in line_roles(line) or line.turn_id == start.turn_id:
            continue
        when, gran, _ = when_of(line, ev)
        if not (start.when < when <= start.when + timedelta(days=CONTINUATION_DAYS)):
            continue
        cands.append(EventMatch(when, sims.get(line.turn_id, 0.0), line.text, line.said_at, gran, line=line,
                                roles=line_roles(line)))
    cands = sorted(one_per_turn(cands), key=lambda c: -c.score)
    trip = "visit" in roles_of(start.text) or departs(start.text) or re.search(r"\b(?:trip|flight|holiday|vacation|visit|cruise)\b",
                                                         activity + " " + start.text, re.I)
    if trip:  # a trip ends with the first coming home after it, whatever the line calls it
        returns = sorted((c for c in cands if returns_home(c.text)), key=lambda c: (c.said_at, c.when))
        if returns:
            return returns[0]
    if not cands or cands[0].score < 0.15 or (len(cands) > 1 and cands[0].score - cands[1].score < 0.05):
        return None
    return cands[0]


def _tolerance(a: EventMatch, b: EventMatch) -> int:
    """Days two mentions may differ and still be the same event (loose phrases are loose)."""
    loose = {"week": 4, "month": 15, "season": 45, "year": 180}
    return max(loose.get(a.granularity, 1), loose.get(b.granularity, 1))
