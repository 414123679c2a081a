"""A correction that names nothing, right after a statement (oe25, issue #13 item 7).

Sentences invented for these tests (none from a pair file). :func:`bare_corrections` reads a session's
raw turns against the facts its statements gave (written here by hand, as extraction gives them).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from kgmem.extraction.schema import CandidateFact
from kgmem.extraction.zero.entity_bare import bare_corrections

DAY = datetime(2032, 5, 4, 10, 0)


def _fact(subject: str, predicate: str, value: str, turn: int, sentence: str) -> CandidateFact:
    return CandidateFact(subject=subject, subject_type="thing", predicate=predicate, value=value,
                         text=f"{subject} {predicate} {value} ({sentence})", source_turns=[turn], confidence=0.6)


def _read(statement: str, fact: CandidateFact | list[CandidateFact], correction: str) -> list[tuple[str, str, str]]:
    facts = fact if isinstance(fact, list) else [fact]
    turns = [("user", statement), ("assistant", "Noted."), ("user", correction), ("assistant", "Okay.")]
    return [(f.subject, f.predicate, f.value) for f in bare_corrections(turns, DAY, facts)]


@pytest.mark.parametrize(("statement", "fact", "correction", "value"), [
    ("The allotment meeting is at 6:15 on Thursday.", ("allotment meeting", "scheduled_for", "6:15 on Thursday"),
     "wait no, 6:50", "6:50"),
    ("Ravi's train gets into Leeds at 14:05.", ("Ravi train", "scheduled_for", "14:05"),
     "actually make that 14:35, he's on the later one", "14:35"),
    ("The garage quoted £380 for the clutch.", ("garage quote", "amount", "£380"), "Sorry - £830, typo", "£830"),
    ("Orla's christening is on Sunday.", ("Orla christening", "scheduled_for", "Sunday"),
     "hmm no, Saturday. Sunday is the party", "Saturday"),
    ("The quiz night is at the Red Lion.", ("quiz night", "venue", "Red Lion"), "my bad, the Crown and Anchor",
     "Crown and Anchor"),
    ("The osteopath is at 8am on the 3rd.", ("osteopath", "scheduled_for", "8am on the 3rd"), "it's 8:40, not 8", "8:40"),
])
def test_a_bare_value_after_a_statement_is_the_statement_slots(statement: str, fact: tuple[str, str, str],
                                                                correction: str, value: str) -> None:
    assert _read(statement, _fact(*fact, 0, statement), correction) == [(fact[0], fact[1], value)]


@pytest.mark.parametrize(("statement", "fact", "correction"), [
    # a value of the user's own plan, a comparison, a question, another type, another thing named beside it
    ("Ravi's train gets into Leeds at 14:05.", ("Ravi train", "scheduled_for", "14:05"), "I'll set off at 13:30 then"),
    ("The garage quoted £380 for the clutch.", ("garage quote", "amount", "£380"), "That's £100 more than last time"),
    ("The osteopath is at 8am on the 3rd.", ("osteopath", "scheduled_for", "8am on the 3rd"), "should I leave at 7:30?"),
    ("Orla's christening is on Sunday.", ("Orla christening", "scheduled_for", "Sunday"), "ugh, 11:30"),
    ("The allotment meeting is at 6:15 on Thursday.", ("allotment meeting", "scheduled_for", "6:15 on Thursday"),
     "Dinner first, 7:30, then the cinema"),
    ("The allotment meeting is at 6:15 on Thursday.", ("allotment meeting", "scheduled_for", "6:15 on Thursday"),
     "7:30, then the cinema"),
    # "not X" names another value than the statement's
    ("The allotment meeting is at 6:15 on Thursday.", ("allotment meeting", "scheduled_for", "6:15 on Thursday"),
     "sorry, 7:10 not 7:00"),
    # the same value said again
    ("The garage quoted £380 for the clutch.", ("garage quote", "amount", "£380"), "yep, £380"),
])
def test_no_correction_without_a_bare_value_of_the_slots_type(statement: str, fact: tuple[str, str, str],
                                                                correction: str) -> None:
    assert _read(statement, _fact(*fact, 0, statement), correction) == []


def test_only_right_after_the_statement() -> None:
    statement = "The allotment meeting is at 6:15 on Thursday."
    turns = [("user", statement), ("assistant", "Noted."), ("user", "how do I descale a kettle"), ("assistant", "Vinegar."),
             ("user", "what rhymes with orange"), ("assistant", "Nothing."), ("user", "sorry, 6:50")]
    assert bare_corrections(turns, DAY, [_fact("allotment meeting", "scheduled_for", "6:15", 0, statement)]) == []


def test_the_users_own_facts_are_no_statement_of_another() -> None:
    statement = "My rent is £900 a month."
    user = CandidateFact(subject="user", predicate="rent", value="£900", text=f"rent £900 ({statement})", source_turns=[0])
    assert _read(statement, user, "Oops, £950") == []


def test_two_slots_the_value_could_fill_give_none() -> None:
    statement = "Ravi's train gets in at 14:05 and Mia's bus at 14:20."
    facts = [_fact("Ravi train", "scheduled_for", "14:05", 0, statement), _fact("Mia bus", "scheduled_for", "14:20", 0, statement)]
    assert _read(statement, facts, "sorry, 14:50") == []


def test_a_correction_in_the_same_message_after_the_statement() -> None:
    text = "Zoe's recital is at 6pm on Friday. Sorry, 6:30."
    fact = _fact("Zoe recital", "scheduled_for", "6pm on Friday", 0, "Zoe's recital is at 6pm on Friday.")
    got = bare_corrections([("user", text), ("assistant", "Okay.")], DAY, [fact])
    assert [(f.subject, f.predicate, f.value, f.source_turns) for f in got] == [("Zoe recital", "scheduled_for", "6:30", [0])]


def test_a_titles_full_stop_ends_no_sentence() -> None:
    fact = _fact("allotment", "person_in_charge", "Dave Lamb", 0, "The allotment chair is Dave Lamb.")
    # "Okoro." ends the sentence that names him, it is no bare name said after it
    assert _read("The allotment chair is Dave Lamb.", fact, "Dave stood down, the chair is Mr. Okoro.") == []
