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


def test_someone_elses_later_line_does_not_win() -> None:
    # review10 M4: the later line must be the user's own, not a relative's news at a new name
    plan = plan_query("which gym am I a member of")
    best = _line("I train at the Kirkgate Fitness club, spin classes twice a week.", 2)
    sister = _line("My sister's spin classes at Pulse Leisure start next week and she loves them.", 9)
    told = _line("My sister has spin classes at Pulse Leisure on Mondays.", 9)
    for later in (sister, told):
        assert later.actuality != "actual"
        assert _newest_retelling(plan, [(0.8, best), (0.5, later)], best, 0.8) == (0.8, best)


def test_the_assistants_later_line_does_not_win() -> None:
    plan = plan_query("which gym am I a member of")
    best = _line("I train at the Kirkgate Fitness club, spin classes twice a week.", 2)
    reply = Line("Spin classes at Pulse Leisure are popular with beginners.", "s9:1", "s9", "assistant", datetime(2025, 9, 1))
    assert _newest_retelling(plan, [(0.8, best), (0.5, reply)], best, 0.8) == (0.8, best)


def test_the_users_own_later_line_still_wins() -> None:
    plan = plan_query("which gym am I a member of")
    best = _line("I train at the Kirkgate Fitness club, spin classes twice a week.", 2)
    mine = _line("Did my first spin classes at Pulse Leisure this week, loved it.", 9)
    assert _newest_retelling(plan, [(0.8, best), (0.5, mine)], best, 0.8) == (0.5, mine)
