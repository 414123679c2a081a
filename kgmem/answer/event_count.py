"""Counts of the user's own events at a role: "how many book club books have I *finished*".

A stored fact says what the user read, bought or attended; it does not say whether a book was
finished or only started. When the count question's verb names a point of an activity (finished,
completed, started, bought, sold, signed up, moved, adopted, cancelled: the distinct roles of
:mod:`kgmem.answer.evidence`), the events are counted from the lines instead: the user's own actual
lines (not a plan, a friend's doing or something declined) whose words carry that role and that
name every one of the question's content nouns or are close in meaning to the counted phrase
(:mod:`kgmem.answer.instances`: "Finished The Overstory at last" for "how many novels"), dated inside the question's window, one per event — a
turn tells one, and lines in different turns naming the same title tell the same one. Each counted
line is cited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kgmem.answer import countable
from kgmem.answer.abstain import has_word
from kgmem.answer.events import line_roles
from kgmem.answer.evidence import DISTINCT_ROLES, EvidenceSet, Line, roles_of
from kgmem.answer.instances import counted_phrase, key, name_runs, phrase_similarity, threshold
from kgmem.answer.match import norm, terms
from kgmem.models import QueryPlan
from kgmem.retrieval.planner import plan_notes

#: "how many <things> have I <verb>": the verb (an adverb before it skipped) and its particle
_COUNT_VERB = re.compile(
    r"\bhow\s+many\s+(?P<things>.+?)\s+(?:have|had|did|do|does|has)\s+(?:i|we)\s+"
    r"(?:(?:actually|already|ever|really|now|so\s+far|finally)\s+)*(?P<verb>[a-z]+(?:\s+(?:up|off|in|out|through))?)",
    re.I)
#: a run of capitalised words after a sentence's first word: a title or a name tells which event
_NAME_RUN = re.compile(r"(?<=\w[\s,])(?:The\s+)?[A-Z][\w'’-]+(?:\s+(?:(?:of|in|and|the|a)\s+)*[A-Z][\w'’-]+)*")


@dataclass
class CountedEvent:
    """One counted event: the line telling it and what it is called, when the line names it."""

    line: Line
    name: str

    def cite(self) -> str:
        return f"\"{self.line.text.strip()[:120]}\" (said {self.line.said_at.date()})"


def asked_role(question: str) -> str | None:
    """The distinct role a count question's verb names ("have I actually finished" → finish)."""
    m = _COUNT_VERB.search(question)
    if m is None:
        return None
    roles = roles_of(m.group("verb")) & DISTINCT_ROLES
    return "finish" if "finish" in roles else "start" if "start" in roles else next(iter(sorted(roles)), None)


def _nouns(plan: QueryPlan, generic: set[str]) -> set[str]:
    return {norm(n) for n in plan_notes(plan, "noun")} - generic


def _in_window(line: Line, plan: QueryPlan) -> bool:
    w = plan.window
    return w is None or ((w.start is None or line.when >= w.start) and (w.end is None or line.when <= w.end))


def _name(line: Line) -> str:
    """The title or name the line gives its event ("Finished *Lessons in Chemistry* last night")."""
    runs = name_runs(line, _NAME_RUN)  # "on Saturday" names no event
    runs = [r for r in runs if r not in ("I", "I'm", "I've")]
    return max(runs, key=len) if runs else ""


def role_events(ev: EvidenceSet, generic: set[str]) -> tuple[str, list[CountedEvent]] | None:
    """The events a role count question asks about, or ``None`` when it names no role (or no
    content noun, or no line qualifies: the caller then counts stored facts)."""
    plan = ev.result.plan
    role = asked_role(plan.question)
    nouns = _nouns(plan, generic)
    if role is None or not nouns:
        return None
    # the user's own actual lines at the role, by the one test of whether an item counts
    # (countable.py: not called off, not a thing sent back for a refund; whose by the line class:
    # "I finally finished … - I know, everyone read it years ago" is the user's)
    lines = [ln for ln in ev.all_user_lines() if ln.actuality == "actual" and role in line_roles(ln)
             and _in_window(ln, plan) and (role == "cancel" or countable.why_not(
                 ln, plan.question_date, ev, arranging=role == "signup", doer=False) is None)]
    # a line names the counted things in the question's words, or says them in its own: its
    # meaning is close to the counted phrase ("Finished The Overstory at last" for "how many
    # novels have I finished")
    sims = phrase_similarity(ev, counted_phrase(plan), lines)
    cut = threshold(max(sims.values(), default=0.0))
    found: list[CountedEvent] = []
    for line in lines:
        have = terms(line.text)
        if not all(has_word(n, have) for n in nouns) and sims.get(key(line), 0.0) < cut:
            continue
        event = CountedEvent(line, _name(line))
        same = [e for e in found if e.line.turn_id == line.turn_id or (event.name and e.name == event.name)]
        if not same:
            found.append(event)
    return (role, found) if found else None
