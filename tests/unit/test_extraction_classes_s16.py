"""Session 16 (x20): classes of false user facts, each decided by the parse or one lexicon sense.

- a place a verb of going goes to is no home, taste in music or thing had (meaning._NO_PLACE_GONE_TO);
- a journey's end is no home: the object of "to"/"into" on a noun of transport or of a trip, on a verb that
  takes a ride ("catch the train to"), or at the end of a route ("from A to B") (homes.gone_to); getting
  "the train" buys nothing;
- a named venue's town is no home: "in <town>" on a named venue, or on a verb (not of living or moving) that
  also takes "at <named venue>" (homes.place_of_a_thing);
- moving someone else is their errand: a verb of moving with a person as its object (homes.moved_someone);
- a move in the present progressive is an arrangement ahead, not the home now (homes.planned_move);
- what the user turns down was never held: the one lexicon's sense "refuse" (called_off.json), read by
  checks.REFUSING (the value after the verb) and checks.UNDOING (a later clause);
- a thing got for another person is not the user's phone or car (rule_pass.for_another);
- a one-word firm after a job noun's "with"/"for" is the employer even where NER calls it a person;
- a gym's word as the capitalised tail of a one-word name ("TrueGym") is a gym, not an employer;
- people nouns live once (kgmem.lexicon.people): "my nan", "my gran" are people, not the user;
- where another person stays or runs an errand is not their home or workplace (homes.stay_or_errand);
- someone else's quoted words ("My landlord said, and I quote, 'I live in …'") are theirs (checks.quoted_from_another);
- leaving an occasion ("walked out of the seminar at Barclays") is not leaving the job (leaving._left_an_occasion).

Sentences are invented for this file from general English. Each negative case failed on main 159ae4b (probed
before the change), except the stay/errand cases, which failed with the one people list before homes.stay_or_errand;
the positive cases guard what the change must not do.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest

from kgmem.extraction.zero.checks import REFUSING, UNDOING
from kgmem.extraction.zero.lexicon import FAMILY, PEOPLE_NOUNS
from kgmem.lexicon import called_off, people

if TYPE_CHECKING:
    from conftest import OtherFacts

#: the shared fixture (tests/unit/conftest.py): a user line's (predicate, casefolded value) facts
UserFacts = Callable[[str], set[tuple[str, str]]]


@pytest.mark.parametrize(("text", "wrong"), [
    ("I catch the 7:10 train to Leeds each morning.", ("lives_in", "leeds")),
    ("I get the train from Bath to Bristol every day.", ("bought", "train")),
    ("We meet at the Plough in Ludlow every Sunday.", ("lives_in", "plough")),
    ("We had lunch at the Fox and Hounds in Keswick.", ("lives_in", "keswick")),
    ("We moved Nana to a bungalow in Worthing.", ("lives_in", "worthing")),
    ("We moved my sister into a flat in Salford.", ("lives_in", "salford")),
    ("We're relocating to Dundee in the autumn.", ("lives_in", "dundee")),
    ("I'm moving to Exeter next month.", ("lives_in", "exeter")),
])
def test_a_place_that_is_not_the_users_home(user_facts: UserFacts, text: str, wrong: tuple[str, str]) -> None:
    assert wrong not in user_facts(text)


@pytest.mark.parametrize(("text", "home"), [
    ("I live in Frome and catch the coach to Bath.", ("lives_in", "frome")),
    ("I got a new car last week.", ("bought", "car")),
    ("I live on Station Road in Ludlow.", ("lives_in", "ludlow")),
    ("We moved to Worthing last spring.", ("lives_in", "worthing")),
    ("I moved to Exeter last month.", ("lives_in", "exeter")),
    ("I moved my things to Exeter in March.", ("lives_in", "exeter")),
])
def test_a_home_or_a_purchase_stays(user_facts: UserFacts, text: str, home: tuple[str, str]) -> None:
    assert home in user_facts(text)


@pytest.mark.parametrize(("text", "wrong"), [
    ("I turned down the offer from KPMG.", ("works_at", "kpmg")),
    ("We pulled out of the flat in Hackney.", ("lives_in", "hackney")),
    ("I bought a Pixel 8 for my brother.", ("phone", "pixel 8")),
    ("I joined TrueGym in January.", ("works_at", "truegym")),
])
def test_refused_or_someone_elses_is_not_held(user_facts: UserFacts, text: str, wrong: tuple[str, str]) -> None:
    assert wrong not in user_facts(text)


@pytest.mark.parametrize(("text", "held"), [
    ("I accepted the offer from KPMG.", ("works_at", "kpmg")),
    ("I joined Ocado in January.", ("works_at", "ocado")),
    ("I bought a Pixel 8 last week.", ("phone", "pixel 8")),
    ("I've taken a job as a data analyst with Ocado.", ("works_at", "ocado")),
])
def test_held_slots_still_read(user_facts: UserFacts, text: str, held: tuple[str, str]) -> None:
    assert held in user_facts(text)


def test_a_job_with_a_firm_ner_calls_a_person() -> None:
    """The filler reads "with <name>" on a job noun as the employer, whatever NER says of the name."""
    from kgmem.extraction.zero.clauses import clauses_of
    from kgmem.extraction.zero.nlp import load_nlp
    from kgmem.extraction.zero.values_names import fill_employer

    doc = load_nlp()("I've taken a job as a site engineer with Arup.")
    assert [v for c in clauses_of(doc) for v, _ in fill_employer(c)] == ["Arup"]


def test_the_refusal_sense_is_read_by_both_checks() -> None:
    """Every form of the lexicon's "refuse" sense is read by REFUSING (the value after it) and by UNDOING (a
    later clause that takes a gain back): the words live in called_off.json only."""
    forms = called_off.surface(called_off.REFUSING, base=False, bare_only=False)
    assert {"turned down", "declined", "said no", "pulled out"} <= set(forms)
    for form in forms:
        assert REFUSING.search(f"I {form} the offer from Arup"), form
        assert UNDOING.search(f"I was offered a post at Arup, but I {form}"), form
    assert not REFUSING.search("I accepted the offer from Arup")


def test_people_nouns_are_the_one_lexicons() -> None:
    assert {"gran", "nana", "grandad", "stepmum"} <= FAMILY
    assert people.words("kin", "kin_groups", "partners", "social", "generic") <= PEOPLE_NOUNS
    assert not PEOPLE_NOUNS & people.words("pets")


@pytest.mark.parametrize(("text", "wrong"), [
    ("My nan works at Tesco.", ("works_at", "tesco")),
    ("My gran bought a Pixel 8.", ("bought", "pixel 8")),
])
def test_a_relatives_slot_is_not_the_users(user_facts: UserFacts, text: str, wrong: tuple[str, str]) -> None:
    assert wrong not in user_facts(text)


@pytest.mark.parametrize(("text", "left"), [
    ("I walked out of the seminar at Barclays today.", False),  # an occasion left, not the job
    ("I walked out of the party at the Crown.", False),
    ("I walked out of my job at Barclays today.", True),
    ("I quit my job at Barclays.", True),
])
def test_leaving_an_occasion_is_not_leaving_the_slot(text: str, left: bool) -> None:
    from kgmem.extraction.schema import CandidateFact
    from kgmem.extraction.zero.leaving import left_behind
    from kgmem.extraction.zero.nlp import load_nlp

    value = "Barclays" if "Barclays" in text else "Crown"
    fact = CandidateFact(predicate="works_at", value=value)
    assert left_behind(fact, load_nlp()(text)) is left


@pytest.mark.parametrize(("text", "pred", "value", "fits"), [
    ("These days I go to Brixton Pulse.", "favourite_music", "Brixton Pulse", False),  # a place gone to
    ("These days I go to Brixton Pulse.", "lives_in", "Brixton Pulse", False),
    ("I listen to Radiohead constantly.", "favourite_music", "Radiohead", True),
])
def test_a_place_gone_to_is_no_taste_or_home(text: str, pred: str, value: str, fits: bool) -> None:
    from kgmem.extraction.zero.clauses import clauses_of
    from kgmem.extraction.zero.meaning import _fits
    from kgmem.extraction.zero.nlp import load_nlp

    clause = clauses_of(load_nlp()(text))[0]
    assert _fits(pred, value, clause) is fits


@pytest.mark.parametrize(("text", "wrong", "held"), [
    # where someone stays or runs an errand is not their home or workplace (homes.stay_or_errand)
    ("My parents are staying with me in Pune for a month.", ("parents", "lives_in", "pune"), None),
    ("My nan is at Boots picking up her prescription.", ("nan", "lives_in", "boots"), None),
    ("My sister lives in Pune.", None, ("sister", "lives_in", "pune")),
    ("My brother works at Arup.", None, ("brother", "works_at", "arup")),
])
def test_a_stay_or_an_errand_is_no_home_of_anothers(other_facts: OtherFacts, text: str,
                                                     wrong: tuple[str, str, str] | None,
                                                     held: tuple[str, str, str] | None) -> None:
    facts = other_facts(text)
    assert wrong is None or wrong not in facts, facts
    assert held is None or held in facts, facts


@pytest.mark.parametrize(("text", "wrong"), [
    # someone else's words quoted: their "I" is not the user (checks.quoted_from_another)
    ("My landlord said, and I quote, 'I'm vegetarian and I live in Malaga now.'", ("lives_in", "malaga")),
    ("My landlord said, and I quote, 'I'm vegetarian and I live in Malaga now.'", ("diet", "vegetarian")),
    ("A text from my cousin: 'I work at Ocado now and I love it.'", ("works_at", "ocado")),
])
def test_someone_elses_quoted_words_are_not_the_users(user_facts: UserFacts, text: str, wrong: tuple[str, str]) -> None:
    assert wrong not in user_facts(text)


def test_the_user_quoting_themselves_or_a_quoted_name_stays() -> None:
    from kgmem.extraction.zero.checks import quoted_from_another

    assert not quoted_from_another("Frome", "I told the council 'I live in Frome and I pay my tax.'")
    assert not quoted_from_another("Fennel", "I cook at a bistro called 'Fennel' now.")
    assert not quoted_from_another("Knives Out", 'We watched "Knives Out" last night.')
    assert quoted_from_another("Malaga", 'My landlord said "I live in Malaga now".')
    # the user's own words to reword or translate are theirs
    assert not quoted_from_another("Tarn Rail", "Polish this for my CV: 'I work for Tarn Rail as a surveyor.'")
    assert not quoted_from_another("Tarn Rail", "my profile says 'surveyor at Tarn Rail' and it's dull")


# rev16's findings on x20's landing (lead, after the cut), each in new invented words: a verb of working makes a
# gym's name a workplace; a job inside a relative clause is that person's; a refusal's clause ends where another
# subject's clause begins; something got "for" someone in a later clause is not a gift; a home object keeps its town.
@pytest.mark.parametrize(("text", "fact"), [
    ("I work at FitHub Gym behind the reception desk these days.", ("works_at", "fithub")),
    ("We declined the first valuation and we bought the Corolla.", ("bought", "corolla")),
    ("We bought the Qashqai, I use it for my daughter's swimming lessons.", ("drives", "qashqai")),
    ("My partner and I rent a flat at Marlow House in Reading.", ("lives_in", "reading")),
])
def test_rev16_held_facts_stay(user_facts: UserFacts, text: str, fact: tuple[str, str]) -> None:
    assert fact in user_facts(text)


@pytest.mark.parametrize(("text", "wrong"), [
    ("I sat next to a woman who has a job as a nurse with Kaiser.", ("works_at", "kaiser")),
    ("I work out at FitHub Gym before my shift.", ("works_at", "fithub gym")),
])
def test_rev16_not_the_users_job(user_facts: UserFacts, text: str, wrong: tuple[str, str]) -> None:
    assert wrong not in user_facts(text)
