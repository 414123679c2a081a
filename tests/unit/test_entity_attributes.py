"""Facts about entities other than the user (issue #13 item 7): who is in charge of a thing, a
name with its title, and slot identity across head nouns when a later statement names the same
thing differently. Sentences are invented here (not the fixture's)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from kgmem import ids
from kgmem.extraction.schema import CandidateFact
from kgmem.extraction.zero import RuleExtractor
from kgmem.memory.entities import EntityResolver
from kgmem.memory.manager import MemoryManager
from kgmem.models import Fact, Session, Supersession
from kgmem.store.networkx_store import NetworkxStore

DAY = datetime(2024, 3, 1, 10, 0)
UID = "u-ent"


@pytest.fixture(scope="module")
def extractor() -> RuleExtractor:
    return RuleExtractor()


def facts_of(ex: RuleExtractor, text: str) -> list[CandidateFact]:
    return ex.extract([("user", text)], DAY).facts


def triples(facts: list[CandidateFact]) -> set[tuple[str, str, str]]:
    return {(f.subject, f.predicate, f.value) for f in facts}


#: (sentence, (entity, attribute, value)) read about someone or something other than the user; the value is
#: never also stored as the user's
IN_CHARGE: list[tuple[str, tuple[str, str, str]]] = [
    # a title stays with its name
    ("The school board chair is Dr. Okafor.", ("school board", "person_in_charge", "Dr. Okafor")),
    # the attribute noun's thing follows it
    ("Our account manager at Vellum is Priyanka.", ("Vellum", "person_in_charge", "Priyanka")),
    # passive: taught / handed over
    ("The Tuesday pottery class is taught by Anneke.", ("Tuesday pottery class", "person_in_charge", "Anneke")),
    ("The billing migration was handed over to Tomasz last week.",
     ("billing migration", "person_in_charge", "Tomasz")),
    # a person runs a thing named with a weekday ("Saturday" is no name)
    ("I heard Tobias coaches the Sunday juniors now.", ("Sunday juniors", "person_in_charge", "Tobias")),
    # a role noun with a name in apposition, inside a request
    ("Can you draft a note to my project lead, Ingrid, about the delay?", ("project", "person_in_charge", "Ingrid")),
]


@pytest.mark.parametrize(
    "text",
    [
        "Rosa got promoted last week! She's a senior nurse now.",  # "she" is never the user
        "The plumbers quoted $1,400 for the bathroom, is that fair?",  # someone else's figure
        "Our Q3 travel budget is £25k, can you help me split it?",
        "The evening yoga class is taught by Marco.",
    ],
)
def test_statements_about_others_store_no_user_fact(extractor: RuleExtractor, text: str) -> None:
    assert [(f.predicate, f.value) for f in facts_of(extractor, text) if f.subject == "user"] == []


def test_user_spending_still_read(extractor: RuleExtractor) -> None:
    assert ("user", "spent", "500") in triples(facts_of(extractor, "The new bike cost me $500."))


def test_plural_they_is_the_things_named_before(extractor: RuleExtractor) -> None:
    got = facts_of(extractor, "Extended the library loans online, they're due the 28th now.")
    assert ("library loans", "due_date", "the 28th") in triples(got)


# --------------------------------------------------------------------------- slot identity


def _resolver_with(*names: str) -> tuple[EntityResolver, dict[str, str]]:
    r = EntityResolver(UID)
    made = {n: r.resolve(n, "thing").id for n in names}
    return r, made


def test_same_slot_tolerates_another_head_noun_named_in_the_old_statement() -> None:
    r, made = _resolver_with("IT ticket")
    holders = [(made["IT ticket"], "IT ticket — status: open. (My IT ticket about the printer jam is still open)")]
    ent = r.resolve("printer ticket", "thing", holders, "printer ticket — status: closed. (IT closed the printer ticket)")
    assert ent.id == made["IT ticket"]
    assert "printer ticket" in ent.aliases


def test_same_slot_when_the_new_name_is_a_word_of_the_old_one() -> None:
    r, made = _resolver_with("Mia eye appointment")
    holders = [(made["Mia eye appointment"], "Mia eye appointment — when: the 4th. (Mia's eye appointment is the 4th)")]
    assert r.resolve("optician", "thing", holders, "(The optician moved Mia)").id != made["Mia eye appointment"]
    r2, made2 = _resolver_with("Mia eye appointment")
    holders2 = [(made2["Mia eye appointment"], "Mia eye appointment — when: the 4th. (Mia's eye appointment with the optician)")]
    assert r2.resolve("optician", "thing", holders2, "(The optician moved Mia)").id == made2["Mia eye appointment"]


def test_same_slot_is_not_used_when_two_things_match_or_for_people() -> None:
    r, made = _resolver_with("team meeting", "budget meeting")
    holders = [(made["team meeting"], "team meeting — when: Monday. (the team meeting is Monday)"),
               (made["budget meeting"], "budget meeting — when: Friday. (the budget meeting is Friday)")]
    ent = r.resolve("meeting room", "thing", holders, "meeting room — when: Tuesday. (the meeting room is booked Tuesday)")
    assert ent.id not in made.values()  # ambiguous: a new thing
    people = EntityResolver(UID)
    anna = people.resolve("Anna", "person")
    assert people.resolve("Hannah", "person", [(anna.id, "Anna — city: Leeds. (Anna and Hannah live in Leeds)")],
                          "Hannah").id != anna.id
    assert ids.entity_id(UID, "Hannah") == people.resolve("Hannah", "person").id


# --------------------------------------------------------------------------- values and subjects


OTHER_PEOPLE: list[tuple[str, tuple[str, str, str]]] = [
    ("My uncle is on a low-sodium diet these days.", ("uncle", "diet", "low-sodium diet")),
    ("Ahmed relocated to Lisbon for the new job.", ("Ahmed", "lives_in", "Lisbon")),
    ("My flatmate Wren works at a garden centre now.", ("Wren", "works_at", "garden centre")),
    # a three-word sentence about someone else still reaches the parse when it tells news
    ("Rohan's engaged now!", ("Rohan", "relationship_status", "engaged")),
]


@pytest.mark.parametrize(
    ("text", "predicate", "wrong"),
    [
        ("I've been vegan since I was sixteen.", "age", "16"),
        ("I'm aiming for forty books this year and I'm at 27.", "age", "27"),
        ("my new job at brackwell is so much calmer", "lives_in", "brackwell"),
        # a word of a title is no taste of its own
        ("I finally read The Name of the Wind after years on my list.", "favourite_music", "Name"),
        # nothing bought while watching on a plane
        ("I ended up watching Oppenheimer on the plane.", "bought", "plane"),
    ],
)
def test_values_that_are_not_the_users(extractor: RuleExtractor, text: str, predicate: str, wrong: str) -> None:
    assert (predicate, wrong) not in {(f.predicate, f.value) for f in facts_of(extractor, text) if f.subject == "user"}


def test_user_age_and_hobby_still_read(extractor: RuleExtractor) -> None:
    got = {(f.predicate, f.value) for f in facts_of(extractor, "I'm 41 and I started rowing two evenings a week.")
           if f.subject == "user"}
    assert ("age", "41") in got
    assert ("hobby", "rowing") in got


def test_a_clause_before_a_verb_of_need_is_still_stated(extractor: RuleExtractor) -> None:
    # spaCy hangs "Finance cut…" under "need" as its complement; it is the main clause, not a need
    got = facts_of(extractor, "Finance cut the Q3 travel budget to £18k, so I need to redo the plan.")
    assert ("Q3 travel", "amount", "£18,000") in triples(got)
    assert [f for f in facts_of(extractor, "I need to buy a new desk.") if f.subject == "user"] == []


# --------------------------------------------------------------------------- session 4 readings
# (each class with sentences invented here; the fixture's sentences are not used)


#: session 4 readings (the value may also be read as the user's: "the puppy is actually Rupert")
SESSION4: list[tuple[str, tuple[str, str, str]]] = [
    # the user does or books a thing at a time: the thing's time
    ("I have choir practice on Wednesdays at 7.", ("choir practice", "scheduled_for", "Wednesdays at 7")),
    ("Reserved a table at Brasa for 8pm on Saturday.", ("Brasa table", "scheduled_for", "8pm on Saturday")),
    # two attributes in one clause; a common-noun place keeps its qualifier
    ("The gala is at a hotel in Bath in May.", ("gala", "venue", "hotel in Bath")),
    ("The gala is at a hotel in Bath in May.", ("gala", "scheduled_for", "May")),
    # a day with its time; "May" in a date is no modal verb
    ("The quiz starts at 8 on Thursday, may I bring a friend?", ("quiz", "scheduled_for", "8 on Thursday")),
    ("The fundraiser opens on May 9.", ("fundraiser", "scheduled_for", "May 9")),
    # a headline names the thing its statement is about
    ("Kite update: it's shipped.", ("Kite", "status", "shipped")),
    ("Choir news: they rehearse at 6:30 now.", ("Choir", "scheduled_for", "6:30")),
    ("Pickup time changed: we're collecting at 4:15 now.", ("Pickup", "scheduled_for", "4:15")),
    # a name after the kin noun is the person, whatever NER calls it; "she" is the last name
    ("My cousin Ilse is a pharmacist.", ("Ilse", "job_title", "pharmacist")),
    ("Ilse got a new job! She's a lab manager now.", ("Ilse", "job_title", "lab manager")),
    # coordinated owners; the movers are never the moved thing's value
    ("Omar and Bea's party is on Friday.", ("Omar and Bea party", "scheduled_for", "Friday")),
    # a comma splice: the nearest subject
    ("The mechanic rang, the bike is ready to collect.", ("bike", "status", "ready to collect")),
    # a person living in an institution; a thing's name
    ("Dad's at Larkfield care home now.", ("Dad", "lives_in", "Larkfield care home")),
    ("The kitten upstairs is called Miso.", ("kitten", "name", "Miso")),
    # a compound attribute noun: the owner's due date
    ("My neighbour's due date is early June.", ("neighbour", "due_date", "early June")),
    # "<Name> is our/the (new) <role> (at/of <thing>)": the name is in charge of the thing
    ("Dev is our new contact at Brightwater.", ("Brightwater", "person_in_charge", "Dev")),
    ("Olga is the new manager of the Leeds office.", ("Leeds office", "person_in_charge", "Olga")),
    # a verb that changes a thing's state gives its status; states beyond the user's lexicon
    ("They finally resolved the billing ticket.", ("billing ticket", "status", "resolved")),
    ("The blender I ordered is on its way.", ("blender", "status", "on its way")),
    # a person's address is where they live
    ("My brother now lives at 14 Elm Road.", ("brother", "lives_in", "14 Elm Road")),
    ("Zara's new address is 22 Kings Way.", ("Zara", "lives_in", "22 Kings Way")),
    # "it" as the object of a change: the thing named before
    ("The essay is due Friday, then they extended it to Monday.", ("essay", "due_date", "Monday")),
    # a person's attributes are ranked among a person's attributes
    ("Zara works at KPMG now.", ("Zara", "works_at", "KPMG")),
    # a job noun names the attribute; a bare name whose attribute is a person's is a person
    ("My niece got a position with the council.", ("niece", "works_at", "council")),
    ("Jonas got a job at Lidl, finally out of Aldi.", ("Jonas", "works_at", "Lidl")),
    # the new time when the old one is named too
    ("so the plumber is coming thursday now instead of wednesday", ("plumber", "scheduled_for", "thursday")),
    ("Heads up, the standup moved from 9:30 to 10.", ("standup", "scheduled_for", "10")),
    # a particular thing keeps its value even when a user fact read the same value
    ("Correction, the puppy is actually Rupert, I misheard.", ("puppy", "name", "Rupert")),
    # a role noun next to a name, however "lead" is tagged
    ("Our team lead Sven wants the deck by Friday.", ("team", "person_in_charge", "Sven")),
    ("Sven's gone, Maria is our team lead now.", ("team", "person_in_charge", "Maria")),
]


def _reads(extractor: RuleExtractor, text: str, expected: tuple[str, str, str], not_users: bool) -> None:
    """The sentence gives the entity (any case: "My uncle"/"uncle") the attribute's value; with
    ``not_users``, the value is not also stored as the user's."""
    got = facts_of(extractor, text)
    assert (expected[0].casefold(), *expected[1:]) in {(s.casefold(), p, v) for s, p, v in triples(got)}, triples(got)
    if not_users:
        assert not any(f.subject == "user" and f.value == expected[2] for f in got)


@pytest.mark.parametrize(("text", "expected"), IN_CHARGE + OTHER_PEOPLE, ids=[t[:40] for t, _ in IN_CHARGE + OTHER_PEOPLE])
def test_other_peoples_and_things_facts(extractor: RuleExtractor, text: str, expected: tuple[str, str, str]) -> None:
    _reads(extractor, text, expected, not_users=True)


@pytest.mark.parametrize(("text", "expected"), SESSION4, ids=[t[:40] for t, _ in SESSION4])
def test_session4_readings(extractor: RuleExtractor, text: str, expected: tuple[str, str, str]) -> None:
    _reads(extractor, text, expected, not_users=False)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("I bought a lamp on Friday.", "scheduled_for"),  # a past purchase is no schedule
        ("Hannah moved teams last week.", "person_in_charge"),  # no thing named: nothing of it
        # invented near-misses of the session-4 readings (found on the dev sets, written anew here)
        ("I bumped my savings target to 40 jars of jam.", "venue"),  # a raised figure is no place
        ("They moved the quiz to 10 people per team.", "venue"),  # a number of things is no place
        ("the kids' swim lessons are on saturdays at 9 btw", "venue"),  # "at 9" is a time
        ("I almost booked the spa but closed the tab instead.", "status"),  # an imagined sentence
        ("My son Arlo starts nursery in January, what should he bring?", "due_date"),  # a person is due only when said
        ("It was my cousin Ruth's party, in a pub by the river.", "lives_in"),  # a party's place is no home
    ],
)
def test_session4_non_readings(extractor: RuleExtractor, text: str, wrong: str) -> None:
    assert not any(f.predicate == wrong for f in facts_of(extractor, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Priya and Sam moved the party to Saturday.", ("party", "scheduled_for", "Saturday")),
        ("Marco moved the book swap to the Crown pub.", ("book swap", "venue", "Crown pub")),
    ],
)
def test_a_moved_things_target_names_its_attribute(extractor: RuleExtractor, text: str,
                                                   expected: tuple[str, str, str]) -> None:
    got = triples(facts_of(extractor, text))
    assert expected in got
    assert not any(v in ("Priya", "Sam", "Marco") for _, _, v in got)  # the movers are no value of it


def test_a_turn_names_the_owner_of_an_ownerless_attribute(extractor: RuleExtractor) -> None:
    got = triples(facts_of(extractor, "Beacon slipped a week. New release date is June 3."))
    assert ("Beacon", "scheduled_for", "June 3") in got
    # no owner named before: the happening names the thing
    assert ("release", "scheduled_for", "June 3") in triples(facts_of(extractor, "New release date is June 3."))
    got = triples(facts_of(extractor, "I finally booked the Arden trip, its start date is July 2."))
    assert any(p == "scheduled_for" and v == "July 2" for _, p, v in got)


def _manager_run(sessions: list[list[CandidateFact]], root: Path) -> tuple[list[Fact], list[Supersession]]:
    store = NetworkxStore(root)
    mgr = MemoryManager(store, UID)
    for n, cands in enumerate(sessions):
        sess = Session(id=f"s{n}", user_id=UID, started_at=datetime(2024, 3, 1 + n), source_id=f"s{n}", turns=[])
        planned = mgr.plan_session(sess, cands)
        store.apply(planned.write)
        mgr.commit(planned)
    return list(store.facts(UID)), list(store.supersessions(UID))


def _cand(subject: str, pred: str, value: str, sentence: str) -> CandidateFact:
    return CandidateFact(subject=subject, subject_type="thing", predicate=pred, value=value, value_type="person",
                         text=f"{subject} — x: {value}. ({sentence})", valid_from=DAY, granularity="day",
                         speaker="user", source_turns=[0], confidence=0.6)


def test_a_statement_naming_the_old_value_supersedes_it_under_another_name(tmp_path: Path) -> None:
    facts, sups = _manager_run([
        [_cand("allotment society", "person_in_charge", "Gwen Price", "The allotment society chair is Gwen Price.")],
        [_cand("AGM", "person_in_charge", "Raj", "After the AGM Raj took over from Gwen Price.")],
    ], tmp_path)
    new = next(f for f in facts if f.value == "Raj")
    old = next(f for f in facts if f.value == "Gwen Price")
    assert new.subject_id == old.subject_id
    assert any(s.new_fact_id == new.id and s.old_fact_id == old.id for s in sups)


def test_a_value_named_in_the_same_session_does_not_move_a_fact(tmp_path: Path) -> None:
    facts, sups = _manager_run([
        [_cand("Saturday class", "person_in_charge", "Ines", "Ines teaches the Saturday class."),
         _cand("Sunday class", "person_in_charge", "Kemal", "Kemal teaches the Sunday class, not Ines.")],
    ], tmp_path)
    assert len({f.subject_id for f in facts}) == 2
    assert sups == []


def test_a_thing_has_one_time_whether_due_or_scheduled(tmp_path: Path) -> None:
    facts, sups = _manager_run([
        [_cand("grant report", "due_date", "May 3", "The grant report is due May 3.")],
        [_cand("grant report", "scheduled_for", "May 10", "They moved the grant report to May 10.")],
    ], tmp_path)
    new = next(f for f in facts if f.value == "May 10")
    old = next(f for f in facts if f.value == "May 3")
    assert new.predicate == "due_date"
    assert any(s.new_fact_id == new.id and s.old_fact_id == old.id for s in sups)


def test_head_nouns_of_one_kind_name_one_thing() -> None:
    r, made = _resolver_with("design sync", "Lisbon trip")
    assert r.resolve("design meeting", "thing").id == made["design sync"]
    assert r.resolve("Lisbon holiday", "thing").id == made["Lisbon trip"]
    # other words must still agree, and people keep exact head words
    assert r.resolve("budget meeting", "thing").id != made["design sync"]
    people = EntityResolver(UID)
    ruiz = people.resolve("Prof. Ruiz", "person")
    assert people.resolve("Ruiz", "person").id == ruiz.id
