"""The user's change told by naming what it replaces (kgmem/memory/user_news.py, session 20, oe20).

Every sentence, name and amount here was invented for these tests (other cities, employers, amounts and
wordings than any development set's): the pure reading first, then whole ingests of two one-line
sessions, including the cases that must NOT supersede (another person's change, a plan, a held value
named in passing)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from kgmem.extraction.schema import CandidateFact, SlotProbe
from kgmem.memory.user_news import _named, _recalled, said_as_old, slot_classes
from kgmem.models import Fact, Session, Turn

if TYPE_CHECKING:
    from conftest import Supersessions

D1, D2 = datetime(2025, 3, 2, 9), datetime(2025, 5, 11, 18)


def _held(pred: str, value: str) -> dict[str, Fact]:
    return {pred: Fact(id="f1", user_id="u", subject_id="e_user", predicate=pred, value=value, text=value,
                       observed_at=D1, session_id="s0", source_turn_ids=["s0:0"])}


def _session(text: str) -> Session:
    return Session(id="s1", user_id="u", started_at=D2,
                   turns=[Turn(id="s1:0", session_id="s1", idx=0, role="user", text=text)])


def _probe(text: str, values: list[tuple[str, str]], mentions: list[str] | None = None, cue: bool = False,
           user: bool = True) -> SlotProbe:
    return SlotProbe(mentions=mentions or [], values=values, cue=cue, user_clause=user, text=text, source_turns=[0])


def _nobody(name: str) -> bool:
    return name.lower() in {"sister", "tomasz"}


def test_slot_classes_come_from_the_registry() -> None:
    assert slot_classes("lives_in") == ("where",)
    assert slot_classes("works_at") == ("org",)  # an employer is an organisation (York is no employer)
    assert slot_classes("salary") == ("money",)
    assert slot_classes("visited") == ()  # multi-valued: never superseded
    assert slot_classes("no_such_slot") == ()


def test_words_that_leave_a_value_behind() -> None:
    for text, value in [("sold the corolla last week", "corolla"), ("no more leiden for me", "leiden"),
                        ("up from 41,000", "41,000"), ("my old place in vigo", "vigo"), ("left orbital foods", "orbital foods")]:
        i = text.index(value)
        assert said_as_old(text, i, i + len(value)), text
    for text, value in [("i love leiden in spring", "leiden"), ("drove to vigo with friends", "vigo")]:
        i = text.index(value)
        assert not said_as_old(text, i, i + len(value)), text


def test_a_word_that_leaves_a_value_behind_is_a_whole_word() -> None:
    """The left-behind words (one list for both readers) count only as whole words: "casino more" is no "no more",
    "piano longer" no "no longer" (invented lines)."""
    for text, value in [("played the casino more than leiden", "leiden"), ("practised piano longer at vigo", "vigo")]:
        i = text.index(value)
        assert not said_as_old(text, i, i + len(value)), text
    for text, value in [("no longer at leiden", "leiden"), ("instead of vigo", "vigo"), ("goodbye vigo", "vigo"),
                        ("my former employer orbital foods", "orbital foods"), ("moved away from leiden", "leiden")]:
        i = text.index(value)
        assert said_as_old(text, i, i + len(value)), text


def test_a_home_left_behind_and_a_new_one_in_another_clause() -> None:
    text = "Gave the landlord back the keys in Leiden at noon; by tonight I'm on an air bed in Vigo."
    probes = [_probe(text, [("Leiden", "where")]), _probe(text, [("air bed in Vigo", "where")])]
    got = _named(_session("Returned the keys in Leiden at noon; by tonight I'm on an air bed in Vigo."), probes, [],
                 _held("lives_in", "Leiden"), _nobody)
    assert [(c.predicate, c.value, c.confidence < 0.6) for c in got] == [("lives_in", "Vigo", True)]


def test_an_amount_up_from_the_held_one_is_written_like_it() -> None:
    text = "Contract renewal says $64,500 a year, up from $58,250."
    got = _named(_session(text), [_probe(text, [("$64,500 a year", "money")], mentions=["renewal"], user=False)], [],
                 _held("salary", "58,250"), _nobody)
    assert [(c.predicate, c.value) for c in got] == [("salary", "64,500")]
    text = "landlord wrote: the room is £910 a month now, instead of £845."
    got = _named(_session(text), [_probe(text, [("£910", "money")], mentions=["landlord"], cue=True, user=False)], [],
                 _held("rent", "845"), _nobody)
    assert [c.value for c in got] == ["910"]


def test_nothing_without_a_word_that_leaves_the_held_value() -> None:
    text = "I live in Leiden but I'm driving to Vigo for the weekend."
    got = _named(_session(text), [_probe(text, [("Leiden", "where"), ("Vigo", "where")])], [],
                 _held("lives_in", "Leiden"), _nobody)
    assert got == []


def test_another_persons_move_is_theirs() -> None:
    for text in ["My sister quit Leiden for Vigo, no more Leiden for her.",
                 "Tomasz gave up the flat in Leiden, he's in Vigo now."]:
        got = _named(_session(text), [_probe(text, [("Vigo", "where")], mentions=["Vigo"], user=False, cue=True)], [],
                     _held("lives_in", "Leiden"), _nobody)
        assert got == [], text


def test_two_new_values_of_the_type_are_no_reading() -> None:
    text = "no more Leiden; it's either Vigo or Braga next."
    got = _named(_session(text), [_probe(text, [("Vigo", "where"), ("Braga", "where")])], [],
                 _held("lives_in", "Leiden"), _nobody)
    assert got == []


def test_a_readers_own_new_value_stands() -> None:
    text = "Moved out of Leiden, I live in Vigo now."
    own = CandidateFact(subject="user", predicate="lives_in", value="Vigo", source_turns=[0])
    got = _named(_session(text), [_probe(text, [("Vigo", "where")], cue=True)], [own], _held("lives_in", "Leiden"), _nobody)
    assert got == []


def test_ingest_a_change_told_by_what_it_leaves(supersessions: Supersessions) -> None:
    sups = supersessions("My payslip shows $47,200 a year, which is fine for now.",
                         "The HR letter today says $52,900/year, up from $47,200. Pizza tonight!", D1, D2)
    assert ("52,900", "47,200") in sups


def test_ingest_a_plan_never_supersedes(supersessions: Supersessions) -> None:
    sups = supersessions("My payslip shows $47,200 a year, which is fine for now.",
                         "If the promotion comes through I might get $52,900 a year instead of $47,200.", D1, D2)
    assert not any(old == "47,200" for _, old in sups)


def test_ingest_another_persons_raise_is_not_the_users(supersessions: Supersessions) -> None:
    sups = supersessions("My payslip shows $47,200 a year, which is fine for now.",
                         "My flatmate showed me her payslip: $52,900 a year, up from $47,200.", D1, D2)
    assert not any(old == "47,200" for _, old in sups)


def test_ingest_another_persons_move_is_not_the_users(supersessions: Supersessions) -> None:
    sups = supersessions("I've lived in Leiden for six years and still love the canals.",
                         "My brother handed back the keys in Leiden last week and he's renting in Vigo now.", D1, D2)
    assert not any(old == "Leiden" for _, old in sups)


def test_ingest_a_home_left_for_a_new_one(supersessions: Supersessions) -> None:
    sups = supersessions("I've lived in Leiden for six years and still love the canals.",
                         "Finally left Leiden this morning; tonight I'm crashing on a sofa in Vigo.", D1, D2)
    assert ("Vigo", "Leiden") in sups


def _turns(*texts: str) -> list[tuple[Session, Turn]]:
    out = []
    for i, text in enumerate(texts):
        sid = f"s0{i}"
        s = Session(id=sid, user_id="u", started_at=D1, turns=[Turn(id=f"{sid}:0", session_id=sid, idx=0, role="user",
                                                                     text=text)])
        out.append((s, s.turns[0]))
    return out


def test_an_old_value_named_by_the_change_is_recalled_where_it_was_said() -> None:
    text = "Started at Marlow Dental today, and my leaving card from Orbital Foods is on the fridge."
    new = CandidateFact(subject="user", predicate="works_at", value="Marlow Dental", source_turns=[0])
    earlier = _turns("The canteen at Orbital Foods does a decent curry.", "Rainy again.")
    kept, recalled = _recalled(_session(text), [_probe(text, [("Orbital Foods", "org")])], [new], {}, _nobody,
                               lambda s: list(reversed(earlier)))
    assert kept == [new]
    assert [(s.id, c.predicate, c.value) for s, c in recalled] == [("s00", "works_at", "Orbital Foods")]


def test_an_old_value_read_from_the_turn_is_dropped_and_recalled() -> None:
    text = "Ran 41:05 for the 10k this morning, my old best of 43:20 is history."
    new = CandidateFact(subject="user", predicate="running_pb", value="41:05", source_turns=[0])
    old = CandidateFact(subject="user", predicate="running_pb", value="43:20", source_turns=[0])
    earlier = _turns("Finished the river 10k in 43:20, legs like jelly.")
    kept, recalled = _recalled(_session(text), [], [new, old], {}, _nobody, lambda s: earlier)
    assert kept == [new] and [c.value for _, c in recalled] == ["43:20"]


def test_nothing_recalled_when_the_slot_is_held_or_no_old_word() -> None:
    text = "Started at Marlow Dental today, the Orbital Foods lot sent flowers."
    new = CandidateFact(subject="user", predicate="works_at", value="Marlow Dental", source_turns=[0])
    earlier = _turns("The canteen at Orbital Foods does a decent curry.")
    probe = _probe(text, [("Orbital Foods", "org")])
    assert _recalled(_session(text), [probe], [new], {}, _nobody, lambda s: earlier) == ([new], [])
    text = "Started at Marlow Dental today, my leaving card from Orbital Foods is on the fridge."
    assert _recalled(_session(text), [probe], [new], _held("works_at", "Orbital Foods"), _nobody,
                     lambda s: earlier) == ([new], [])


def test_a_word_of_change_in_another_clause_moves_nothing() -> None:
    text = "Leiden is freezing now, flew to Vigo for the weekend."
    probes = [_probe(text, [("Leiden", "where")], cue=True), _probe(text, [("Vigo", "where")])]
    assert _named(_session(text), probes, [], _held("lives_in", "Leiden"), _nobody) == []
    probes = [_probe(text, [("Leiden", "where")]), _probe(text, [("Vigo", "where")], cue=True)]
    assert [c.value for c in _named(_session(text), probes, [], _held("lives_in", "Leiden"), _nobody)] == ["Vigo"]


# rev20's probes (17:37, invented by the reviewer): a trip's start, a held name owning another thing, a spend
def test_ingest_a_trips_start_is_no_move(supersessions: Supersessions) -> None:
    sups = supersessions("I live in Leeds and work as a nurse.",
                         "Took the train from Leeds to Paris for a long weekend, back on Monday.", D1, D2)
    assert not any(old == "Leeds" for _, old in sups)


def test_ingest_leaving_a_party_of_the_employer_is_no_new_job(supersessions: Supersessions) -> None:
    sups = supersessions("I work at Deloitte as an auditor.",
                         "Left Deloitte's Christmas party early to catch the last train to York.", D1, D2)
    assert not any(old == "Deloitte" for _, old in sups)


def test_ingest_a_spend_is_no_new_salary(supersessions: Supersessions) -> None:
    sups = supersessions("My salary is $60,000 a year.",
                         "Instead of saving from my $60,000 salary, I blew $2,000 on a holiday.", D1, D2)
    assert not any(new in ("2,000", "$2,000", "2000") for new, _ in sups)


def test_an_owner_named_before_another_thing_is_not_left() -> None:
    text = "left deloitte's christmas party early"
    i = text.index("deloitte")
    assert not said_as_old(text, i, i + len("deloitte"))
    text = "took the train from leeds to paris"
    i = text.index("leeds")
    assert not said_as_old(text, i, i + 5) and said_as_old(text, i, i + 5, bare_from=True)
