"""Whose doing a sentence tells — read from its parse, not from the generator's distractor words.

Counting, summing and dating take only the user's own actual events, so a line must know whether
its doer is the user or someone else. The reading decides from the sentence's grammar: who is the
subject of the main verb (a first-person pronoun, a person named or described, a thing) and
whether the user is the subject of an event verb of their own. Every sentence here is written by
hand in words the synthetic generator does not use (its names, values and distractor templates);
the cases marked ``old-miss`` are ones the former opener list (``evidence._OTHER_SUBJECT``, the
generator's "{name} <verb>" distractor openers) read wrongly.
"""

from __future__ import annotations

import pytest

from kgmem.answer.actuality import actuality, clauses

#: someone else's doing
OTHERS = [
    "A friend of mine adopted a ferret last week.",                  # old-miss: "a friend of mine"
    "One of my bandmates sold his bassoon on Saturday.",             # old-miss: "one of my …"
    "Solveig restores harpsichords in her garage.",                  # old-miss: a verb not in the list
    "Bartek coaches the under-nines at the curling club.",           # old-miss
    "My godson Ruairí passed his driving test.",                     # old-miss: a relation not listed, named
    "Her husband repairs clocks for a living.",                      # old-miss: "repairs" not in the list
    "The twins next door built a treehouse.",                        # old-miss: "the twins"
    "Marisol flew to Hobart for the regatta and I'm so jealous.",    # the user only feels something
    "Thandiwe and her brother bought a tandem.",
    "My sister-in-law Saoirse just opened a bakery in Leith.",
    "Some of my coworkers signed up for the charity dinghy race.",   # old-miss
    "Dr Achterberg retired last spring.",
    "My cousin Ilse offered me her old sewing machine.",             # handing the user something of hers
    "Oluwaseun keeps inviting me to his salsa nights.",
    "My landlady's greenhouse blew over in the storm.",                # a person's thing: their story
    "Our lodgers are repainting their rooms, the whole house smells of gloss.",  # the first clause's subject
    "Mum says my brother is moving to Leeds.",                       # news passed on of a relative
    "Tariq told me he quit his job.",
    "Kemal went to the Pixies show in Bristol instead, he was gutted when he saw my clips lol",  # a filler is no verb
]

#: the user's own doing (or the user's own story told through a thing)
USERS = [
    "Saturday was lovely, we hiked up to the reservoir.",            # old-miss: "Saturday was" read as a person
    "Valletta was gorgeous, we stayed near the harbour.",            # old-miss: a place opening the sentence
    "Katarzyna and I repainted the pergola.",
    "Went to Ljubljana with Femi last weekend.",                     # a dropped subject is the speaker
    "Last Tuesday my nephew and I baked focaccia.",
    "The greenhouse finally arrived, I assembled it on Sunday.",
    "I bought the accordion Aurelio was selling.",
    "The Corsa failed its inspection again.",                        # a named thing with an article
    "My 300-hour carpentry apprenticeship began in June.",           # not "apprenticeship" of a person
    "Zumba on Thursdays keeps me sane.",                             # old-miss: acts on the user
    "The glaziers finally replaced our cracked skylight.",           # someone acting on the user's things
    "Dealership called: the Fiesta's ready, I can collect it after work.",  # news passed on to the user
    "Council's replied, it says my permit's been approved.",        # a thing of the user's, reported
]


@pytest.mark.parametrize("sentence", OTHERS)
def test_someone_elses_doing_is_read_from_the_subject(sentence: str) -> None:
    assert actuality(sentence) == "other", sentence


@pytest.mark.parametrize("sentence", USERS)
def test_the_users_own_doing_is_theirs(sentence: str) -> None:
    assert actuality(sentence) == "actual", sentence


def test_a_plan_or_a_no_of_someone_else_is_still_not_the_users_event() -> None:
    assert actuality("Ilse is thinking about selling her dinghy.") in ("other", "plan")
    assert actuality("My landlady never fixed the gutter.") in ("other", "negated")


@pytest.mark.parametrize(("sentence", "kinds"), [
    ("I sold the kayak in March, and my brother-in-law bought a canoe.", ["actual", "other"]),
    ("Grzegorz lent me his kayak and I paddled to the lighthouse.", ["other", "actual"]),
    ("my mates bring baklava to cheer me up but i cant eat it, so i just watch them", ["other", "actual"]),
])
def test_a_sentence_mixing_the_users_event_and_someone_elses_is_cut_by_doer(sentence: str, kinds: list[str]) -> None:
    parts = clauses(sentence)
    assert [actuality(p) for p in parts] == kinds, parts


@pytest.mark.parametrize("sentence", [
    "Today was my first day at the cooperative and everyone was so welcoming.",  # a time word is no person
    "(Aside: my ferret Pistachio keeps hiding my keys.)",                         # a pet tells its owner's story
    "My gecko Nimbus shed her skin overnight.",
])
def test_time_words_and_pets_are_no_one_else(sentence: str) -> None:
    assert actuality(sentence) == "actual", sentence


def test_someone_elses_doing_that_involves_the_user_keeps_its_sentence_whole() -> None:
    # the user's clause leans on the first one's time ("that same night" is the Friday)
    sentence = "The physio strapped my knee on Friday and I iced it that same night."
    assert clauses(sentence) == [sentence] and actuality(sentence) == "actual"


def test_two_evidence_sets_of_one_question_share_the_whole_memory_scan() -> None:
    from datetime import datetime

    from kgmem.answer.evidence import EvidenceSet
    from kgmem.models import QueryPlan, Session, Turn
    from kgmem.retrieval.search import RetrievalResult

    turns = [Turn(id=f"s{i}:0", session_id=f"s{i}", idx=0, role="user", text=text) for i, text in
             enumerate(["I repotted the fig on Sunday.", "Solveig restores harpsichords in her garage."])]
    sessions = {t.session_id: Session(id=t.session_id, user_id="u", started_at=datetime(2024, 3, 1 + k))
                for k, t in enumerate(turns)}

    def result(top: list[Turn], user: str = "u") -> RetrievalResult:
        return RetrievalResult(plan=QueryPlan(question="what did I repot?"), facts=[], turns=top,
                               session_ids=list(sessions), sessions=sessions, user_id=user, _all_turns=turns)

    first = EvidenceSet(result(turns[:1]))
    wide = EvidenceSet(result(turns), share=first)
    assert wide.all_user_lines() is first.all_user_lines()  # scanned once
    assert [ln.actuality for ln in wide.all_user_lines()] == ["actual", "other"]
    assert wide.turn("s1:0") is first.turn("s1:0") and wide.turn_lines("s0:0") == first.turn_lines("s0:0")
    other_user = EvidenceSet(result(turns, user="v"), share=first)
    assert other_user.all_user_lines() is not first.all_user_lines()  # another memory: its own scan


def test_the_user_named_in_an_adjunct_does_not_make_it_their_doing() -> None:
    # the in-laws' booking, "after hearing about ours": still someone else's (a plan of theirs)
    assert actuality("My in-laws are booking a canal holiday after hearing about ours.") == "other"
