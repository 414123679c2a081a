"""Matching a question's event to what the user said, by meaning and by role.

"How many weeks ago did I *finish* the pottery course?" must use the line where the course
ended, not the one where it started, and the date that line states ("I finished it three days
ago" → three days before that session), not the session date. A candidate is a stored fact or an
evidence line; it must be the user's own actual event (not a plan, a friend's doing or something
declined), carry the question's role when the question names one (started / finished / signed up
/ bought / moved …), and cover the event's distinctive words — literally, through a synonym, or
by meaning (embedding similarity of the phrase to the line's turn). When two different dates
match equally well the match says so (``tie``) instead of picking one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kgmem.answer.evidence import DISTINCT_ROLES, EvidenceSet, Line, actuality, roles_of
from kgmem.answer.match import contains_name, core_terms, coverage, terms
from kgmem.models import Fact

#: share of the event's distinctive words a candidate must cover (literal/synonym)
MIN_COVERAGE = 0.6
#: with a meaning match this similar, half the words are enough
SEMANTIC_SUPPORT = 0.45
#: two candidates this close in score but on different dates are a tie
TIE_MARGIN = 0.08


@dataclass
class EventMatch:
    """The evidence chosen for an event phrase."""

    when: datetime
    score: float
    text: str
    said_at: datetime
    granularity: str = "day"
    fact: Fact | None = None
    line: Line | None = None
    #: a different-date candidate that matched as well (the answer must say so)
    tie: EventMatch | None = None

    @property
    def turn_id(self) -> str | None:
        if self.line is not None:
            return self.line.turn_id
        return self.fact.source_turn_ids[0] if self.fact and self.fact.source_turn_ids else None

    def cite(self) -> str:
        """"'I finished the course three days ago' (said 2023-05-04)"."""
        return f"\"{self.text.strip()[:140]}\" (said {self.said_at.date().isoformat()})"


def _names(phrase: str) -> list[str]:
    """Capitalised words of an event phrase (places, titles): strong anchors."""
    words = [w.strip(",.?!'\"") for w in phrase.split()[1:] + (phrase.split()[:1] if phrase[:1].isupper() and
             phrase.split()[0] not in ("I", "The", "My") else [])]
    return [w for w in words if w[:1].isupper() and w not in ("I", "I'm", "I've")]


def _score(phrase_core: set[str], phrase_all: set[str], names: list[str], q_roles: set[str],
           text: str, sem: float) -> float | None:
    """How well a candidate text matches the phrase; ``None`` when it cannot be that event."""
    have = terms(text)
    if q_roles:
        c_roles = roles_of(text) & DISTINCT_ROLES
        if c_roles and not (q_roles & c_roles):
            return None  # the line is about another point of the activity
        if not c_roles and q_roles & {"start", "finish", "signup", "sell", "cancel"}:
            return None  # "finished" needs a line that says it finished
    cov = coverage(phrase_core, have)
    named = [n for n in names if contains_name(n, text)]
    if names and not named:
        return None  # the phrase names a place or title this line does not mention
    if cov < MIN_COVERAGE and not (cov >= 0.34 and (sem >= SEMANTIC_SUPPORT or named)):
        return None
    return cov + 0.3 * coverage(phrase_all, have) + 0.3 * sem + (0.2 if named else 0.0)


def match_event(phrase: str, ev: EvidenceSet, *, semantic: bool = True) -> EventMatch | None:
    """The best actual, role-compatible evidence for ``phrase``, with a tie when ambiguous."""
    core, every = core_terms(phrase), terms(phrase)
    if not core:
        return None
    names = _names(phrase)
    q_roles = roles_of(phrase) & DISTINCT_ROLES
    sims: dict[str, float] = ev.result.phrase_similarity(phrase) if semantic else {}
    cands: list[EventMatch] = []
    seen_turns: set[str] = set()
    by_turn: dict[str, list[Fact]] = {}
    for f in ev.result.all_facts.values():
        for tid in f.source_turn_ids[:1]:
            by_turn.setdefault(tid, []).append(f)
    for line in ev.all_user_lines():
        if line.actuality != "actual":
            continue
        s = _score(core, every, names, q_roles, line.text, sims.get(line.turn_id, 0.0))
        if s is None:
            continue
        s += 0.05 if line.dated_by_text else 0.0
        told = [f for f in by_turn.get(line.turn_id, []) if f.speaker == "user" and core & terms(f.text)]
        cands.append(EventMatch(line.when, s, line.text, line.said_at, line.granularity, line=line,
                                fact=told[0] if told else None))
        seen_turns.add(line.turn_id)
    for f in ev.result.all_facts.values():
        if f.speaker != "user" or any(t in seen_turns for t in f.source_turn_ids):
            continue  # the line itself already stands for this fact (and dates it by its text)
        if actuality(f.text) not in ("actual",):
            continue
        tid = f.source_turn_ids[0] if f.source_turn_ids else ""
        s = _score(core, every, names, q_roles, f.text, sims.get(tid, 0.0))
        if s is None:
            continue
        when = f.valid_from or f.observed_at
        cands.append(EventMatch(when, s - 0.02, f.text, f.observed_at, f.granularity, fact=f))
    if not cands:
        return None
    cands.sort(key=lambda c: (-c.score, c.when))
    best = cands[0]
    for other in cands[1:]:
        if best.score - other.score > TIE_MARGIN:
            break
        if abs((other.when.date() - best.when.date()).days) > _tolerance(best, other):
            best.tie = other
            break
    return best


def _tolerance(a: EventMatch, b: EventMatch) -> int:
    """Days two mentions may differ and still be the same event (loose phrases are loose)."""
    loose = {"week": 4, "month": 15, "season": 45, "year": 180}
    return max(loose.get(a.granularity, 1), loose.get(b.granularity, 1))
