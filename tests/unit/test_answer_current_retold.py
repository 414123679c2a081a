"""extractive._newest_retelling: a current value told again later without "now" wins.

"Which band do I play in at the moment?" — the user first said they play bass with one band, and
months later "second gig with the Tidewater Collective" (same activity word, "gig"). Sentences are
invented.
"""

from __future__ import annotations

from datetime import datetime

from kgmem.answer.evidence import Line
from kgmem.answer.extractive import _newest_retelling
from kgmem.retrieval.planner import plan_query


def _line(text: str, month: int) -> Line:
    return Line(text, f"s{month}:0", f"s{month}", "user", datetime(2025, month, 1))


def test_a_later_line_of_the_same_activity_wins() -> None:
    plan = plan_query("which band do I play in at the moment")
    best = _line("I play bass with the Marlow Street Ramblers, our next gig is in town.", 2)
    later = _line("Second gig with the Tidewater Collective tonight, so much tighter than the old lot.", 9)
    other = _line("Work was long today.", 10)
    actual = [(0.8, best), (0.45, later), (0.44, other)]
    assert _newest_retelling(plan, actual, best, 0.8) == (0.45, later)


def test_nothing_later_of_the_activity_keeps_the_best() -> None:
    plan = plan_query("which band do I play in at the moment")
    best = _line("I play bass with the Marlow Street Ramblers on Fridays.", 2)
    unrelated = _line("Long day today, then pizza tonight.", 9)  # shares only words of when
    weak = _line("Friday again, the Ramblers rehearse late.", 9)
    assert _newest_retelling(plan, [(0.8, best), (0.5, unrelated), (0.3, weak)], best, 0.8) == (0.8, best)


def test_a_passing_remark_without_a_new_name_does_not_win() -> None:
    # rev10's cases: a later line sharing a word of the activity but naming nothing new
    plan = plan_query("where do I work now")
    best = _line("I work as a nurse at St Mary's hospital in Leeds.", 2)
    remark = _line("The hospital car park was full again, nightmare.", 9)
    assert _newest_retelling(plan, [(0.8, best), (0.5, remark)], best, 0.8) == (0.8, best)
