"""One thing asked by "which / what <noun>" at a time: "Which museum did I go to two weeks ago?" asks for the museum
of that time, not the one told a month before (:func:`kgmem.retrieval.which_asked.which_one` reads the asking).

The extractive answer of such a question reads only the user's lines whose told thing happened in the question's
window (a question about the past: a state of now holds however long ago it was told; the line's own past time, else the day it was said; a day's slack either side) and the facts dated there;
with nothing told of that time it finds no value, and the answer says what it found instead of naming another time's
thing. Where no value of the asked type is found there, the user's own line of that time closest to the question
answers (:func:`line_at_the_time`): the time already picked it out, so it needs less likeness to the question than a
line found by likeness alone ("Dragged myself round the Tate Modern this morning" for "which museum did I go to two
weeks ago", 0.21 against the 0.4 a line needs without a time).
"""

from __future__ import annotations

import copy
import dataclasses
from datetime import datetime, timedelta

from kgmem.answer.count_doers import told_first_by_user
from kgmem.answer.evidence import EvidenceSet, _Scan
from kgmem.answer.extracted import Extracted, cite_line
from kgmem.answer.line_rank import rank_lines
from kgmem.retrieval.search import fact_date
from kgmem.retrieval.which_asked import asks_past, which_one

#: the least likeness to the question of the user's line of the asked time (a line found by likeness alone needs
#: :data:`kgmem.answer.line_rank.MIN_LINE_RELEVANCE`, 0.4): chosen on the invented set which_one_an28 (directed)
MIN_AT_THE_TIME = 0.15
#: slack around the question's window: "two weeks ago" said on a Thursday of a thing told the Monday before
SLACK = timedelta(days=1)


def _asked_at(ev: EvidenceSet) -> tuple[datetime, datetime] | None:
    """The question's window with its slack when the question asks for one thing at a time, else ``None``."""
    plan = ev.result.plan
    w = plan.window
    if w is None or w.start is None or w.end is None or not which_one(plan.question) or not asks_past(plan.question):
        return None
    return w.start - SLACK, w.end + SLACK


def at_the_time(ev: EvidenceSet) -> EvidenceSet:
    """``ev`` narrowed to the question's window when the question asks for one thing at a time; ``ev`` itself
    otherwise (no window, an open-ended one, or a question that does not ask "which / what <noun>")."""
    asked = _asked_at(ev)
    if asked is None:
        return ev
    start, end = asked

    def inside(when: datetime) -> bool:
        return start <= when <= end

    result = dataclasses.replace(ev.result, all_facts={k: f for k, f in ev.result.all_facts.items() if inside(fact_date(f))},
                                 facts=[f for f in ev.result.facts if inside(fact_date(f))])
    view = copy.copy(ev)
    view.result = result
    view.top = [ln for ln in ev.top if ln.role != "user" or inside(ln.when)]
    scan = _Scan()
    scan.lines = [ln for ln in ev.all_user_lines() if inside(ln.when)]
    view._scan = scan
    return view


def line_at_the_time(ev: EvidenceSet) -> Extracted | None:
    """The user's own line of the asked time closest to the question (``ev`` already narrowed by
    :func:`at_the_time`): an actual line, or one told with its subject dropped ("Dragged myself round …"); never a
    request, a plan or another's doing. ``None`` when the question asks no thing at a time or no such line is at
    least :data:`MIN_AT_THE_TIME` like it."""
    if _asked_at(ev) is None:
        return None
    own = [ln for ln in ev.top if ln.role == "user" and (
        ln.actuality == "actual" or ln.actuality == "other" and told_first_by_user(ln.text))]
    ranked = rank_lines(ev, own)
    if not ranked or ranked[0][0] < MIN_AT_THE_TIME:
        return None
    score, line = ranked[0]
    w = ev.result.plan.window
    return Extracted(line.text, "sentence", min(0.8, 0.3 + 0.4 * score), cite_line(line), line=line, turn_ids=[line.turn_id],
                     at=(w.expression if w is not None else None) or "that time")
