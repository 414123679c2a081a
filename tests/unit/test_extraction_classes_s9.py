"""Value typing for classes of language added in session 9 (x13k), read by the meaning stage alone
(patterns and parse readers off, ``RuleExtractor(rules=False)``), so that the proposal + typed-value
path carries them without a surface rule; then the same sentences through the whole tier.

The sentences were written for each class, in several registers, with values the synthetic generator
never plants: money said with a currency word ("quid", "euro", "rupees"); pay told as take-home or as
what one is "on"; an occupation named by the frame "work as / started as / working like X" whatever the
word; the means of getting to work as a travel verb's object or "cycle in"; what one "has got" is owned,
not bought; a team or act named before "fan"/"supporter"; a car typed without capitals; a gain taken
back by a later clause ("…but I turned it down"); a favourite food whose head is a drink is a drink; a
place that is where a thing is ("a firm in Corby", "the coach broke down outside Grantham"); two slots of
one topic in one clause (lexicon.COMPANIONS: "work at X as Y").
Each case lists facts that must be read and facts that must not. One is close to a development sentence
(the "fan through and through" case, sentences_dev3 hs3-156 with the team changed).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kgmem.extraction.zero import RuleExtractor

Triple = tuple[str, str, str]

CASES: list[tuple[str, list[Triple], list[Triple]]] = [
    # -- money said with a currency word after the number
    ("Dropped 450 quid on a gravel bike last month.", [("user", "spent", "450")], [("user", "bought", "450 quid")]),
    ("I paid 2,000 rupees for the new pressure cooker yesterday.", [("user", "spent", "2000")], []),
    # -- pay told as what is taken home, or what one is "on"
    ("I take home roughly £2,900 a month after tax.", [("user", "salary", "2900")], []),
    ("Currently I'm on about 52k at the agency, which is fine.", [("user", "salary", "52,000")], []),
    ("My brother is on 90k.", [], [("user", "salary", "90,000")]),
    # -- an occupation named by the frame, whatever the word
    ("I've worked as a sound engineer for years.", [("user", "job_title", "sound engineer")], []),
    ("I am working like electrician in Porto since 2021.", [("user", "job_title", "electrician")], []),
    ("Last spring I started as a junior copywriter at a tiny studio.", [("user", "job_title", "junior copywriter")], []),
    # -- two slots of one topic in one clause: the companion of the first proposal is tried too
    ("i am work at Vestas since 2 year as welder", [("user", "job_title", "welder"), ("user", "works_at", "Vestas")], []),
    # -- the means of getting to work as the verb's object, or "in" after a verb of travelling
    ("I take the tram to work most days.", [("user", "commute", "by tram")], []),
    ("These days I walk in every morning, rain or shine.", [("user", "commute", "on foot")], []),
    ("I read my book on the train last night.", [], [("user", "commute", "on the train")]),
]

#: through the whole tier (rules on): possession and lower-case cars
FULL_CASES: list[tuple[str, list[Triple], list[Triple]]] = [
    # -- "have got" is having, not buying; told as new, it is a purchase
    ("I've got a Steinway upright in the lounge.", [("user", "owns", "Steinway upright")],
     [("user", "bought", "Steinway upright")]),
    ("We've got two kayaks in the garage.", [], [("user", "bought", "kayaks"), ("user", "bought", "two kayaks")]),
    ("I've just got a new kettle from Argos.", [("user", "bought", "kettle")], [("user", "owns", "kettle")]),
    # -- the team or act before "fan"/"supporter" is the taste, not the fan
    ("Lifelong Celtics supporter here, obviously.", [], [("user", "favourite_sport", "Celtics supporter")]),
    ("I'm a Rangers fan through and through.", [("user", "favourite_sport", "Rangers")],
     [("user", "favourite_sport", "Rangers fan")]),
    # -- a later clause takes the gain back: the offer declined, the flat someone else got
    ("I was offered a place at Deloitte but I declined.", [], [("user", "works_at", "Deloitte")]),
    ("We put an offer on a flat in Margate, but someone else got it.", [], [("user", "lives_in", "Margate")]),
    ("I got a job at Ocado and I love it.", [("user", "works_at", "Ocado")], []),
    ("It's not that I dislike opera, I've just never been.", [], [("user", "dislikes", "opera")]),
    ("Not that it matters, but I moved to Bath in May.", [("user", "lives_in", "Bath")], []),
    # -- where a thing is, not where the user lives or went
    ("Long week. The rail replacement coach broke down outside Grantham on Monday.", [],
     [("user", "visited", "Grantham")]),
    ("Since March I've been temping at a logistics firm in Corby.", [], [("user", "lives_in", "Corby")]),
    ("We moved into a two-bed on Fairfield Road in Kendal last spring.", [("user", "lives_in", "Kendal")], []),
    ("We went to a wedding in Bruges last weekend.", [("user", "visited", "Bruges")], []),
    # -- a favourite that is a drink
    ("These days I've moved on to iced chai lattes.", [], [("user", "favourite_food", "iced chai lattes")]),
]

LOWER_CASES: list[tuple[str, list[Triple], list[Triple]]] = [
    # -- a car typed without capitals (the meaning stage alone: no surface rule reads it)
    ("i drive a 2009 mazda these days, no complaints", [("user", "drives", "mazda")], []),
]


@pytest.fixture(scope="module")
def meaning_facts(read_classes: Callable[..., list[set[Triple]]]) -> list[set[Triple]]:
    return read_classes(RuleExtractor(rules=False), CASES + LOWER_CASES)


@pytest.fixture(scope="module")
def full_facts(read_classes: Callable[..., list[set[Triple]]], extractor: RuleExtractor) -> list[set[Triple]]:
    return read_classes(extractor, CASES + FULL_CASES)


@pytest.mark.parametrize("i", range(len(CASES + LOWER_CASES)), ids=[c[0][:40] for c in CASES + LOWER_CASES])
def test_meaning_stage_reads_the_class(meaning_facts: list[set[Triple]], check_reading: Callable[..., None], i: int) -> None:
    check_reading((CASES + LOWER_CASES)[i], meaning_facts[i])


@pytest.mark.parametrize("i", range(len(CASES + FULL_CASES)), ids=[c[0][:40] for c in CASES + FULL_CASES])
def test_whole_tier_reads_the_class(full_facts: list[set[Triple]], check_reading: Callable[..., None], i: int) -> None:
    check_reading((CASES + FULL_CASES)[i], full_facts[i])


def test_companion_of_the_first_proposal_is_tried() -> None:
    from kgmem.extraction.zero.meaning import with_companions
    from kgmem.extraction.zero.proposals import Proposal

    top = [Proposal("job_title", 0.52), Proposal("gym", 0.39), Proposal("works_at", 0.36)]
    got = [p.predicate for p in with_companions(top[:1], top, 0.30)]
    assert got == ["job_title", "works_at"]  # the companion, not the unrelated gym
    assert [p.predicate for p in with_companions(top[:1], top, 0.40)] == ["job_title"]  # above the threshold only
    assert with_companions([], top, 0.30) == []
