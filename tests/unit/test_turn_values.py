"""One turn, one new value per slot (kgmem/memory/turn_values.py, session 19, oe19): a turn that names a
slot's held value beside a new one moves the slot to the new one, whichever fact id sorts first. Every
sentence and value here was invented for these tests."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from kgmem.extraction.schema import CandidateFact
from kgmem.memory.turn_values import bare_value, news_of_turns

if TYPE_CHECKING:
    from conftest import Supersessions


def _cand(subject: str, predicate: str, value: str, turn: int = 0) -> CandidateFact:
    return CandidateFact(subject=subject, predicate=predicate, value=value, text=value, source_turns=[turn])


def _held(values: dict[tuple[str, str], set[str]]):  # type: ignore[no-untyped-def]
    return lambda subject, predicate: {bare_value(v) for v in values.get((subject, predicate), set())}


def test_the_held_value_named_beside_a_new_one_is_not_news() -> None:
    cands = [_cand("user", "commute", "by bike"), _cand("user", "commute", "by bus")]
    kept = news_of_turns(cands, _held({("user", "commute"): {"by bus"}}))
    assert [c.value for c in kept] == ["by bike"]


def test_a_held_value_said_alone_is_kept() -> None:
    cands = [_cand("user", "commute", "by bus")]  # said again: merged as more evidence downstream
    assert news_of_turns(cands, _held({("user", "commute"): {"by bus"}})) == cands


def test_two_new_values_of_a_turn_are_both_kept() -> None:
    # nothing held: the turn's order is the parse's business ("moved from Tuesday to Thursday")
    cands = [_cand("Yoga class", "scheduled_for", "Tuesday"), _cand("Yoga class", "scheduled_for", "Thursday")]
    assert news_of_turns(cands, _held({})) == cands


def test_values_of_other_turns_or_slots_are_left_alone() -> None:
    cands = [_cand("user", "commute", "by bus", turn=0), _cand("user", "commute", "by tram", turn=2),
             _cand("user", "lives_in", "Hull", turn=0)]
    assert news_of_turns(cands, _held({("user", "commute"): {"by bus"}})) == cands


def test_multi_valued_predicates_are_left_alone() -> None:
    cands = [_cand("user", "visited", "Porto"), _cand("user", "visited", "Braga")]
    assert news_of_turns(cands, _held({("user", "visited"): {"Porto"}})) == cands


def test_two_readings_of_one_value_keep_the_fuller() -> None:
    cands = [_cand("user", "commute", "on a unicycle"), _cand("user", "commute", "on unicycle")]
    assert [c.value for c in news_of_turns(cands, _held({}))] == ["on a unicycle"]


def test_a_turn_that_says_the_old_value_gone_supersedes_it(supersessions: Supersessions) -> None:
    sups = supersessions("getting to the office on foot takes me forty minutes.",
                         "From this week I get to the office on an e-bike; no more on foot for me.",
                         datetime(2024, 2, 5, 9), datetime(2024, 3, 4, 9))
    assert sups and all(old != "on an e-bike" for _, old in sups), sups
    assert ("on an e-bike", "on foot") in sups, sups
