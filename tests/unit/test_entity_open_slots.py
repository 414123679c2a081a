"""The open single-valued slot: an attribute of another person or thing outside the registry (oe24, issue #13
items 6-7).

Sentences invented for these tests (none from a pair file). The readings are checked on the parse
(:func:`open_reading`), slot identity on :func:`held_slot` with a deterministic bag-of-words embedder, and the
whole path (extraction, memory, answer) on invented statement-and-correction pairs.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "eval"))

import diag_entity_pairs as diag  # noqa: E402

from kgmem import predicates  # noqa: E402
from kgmem.answer.entity_held import fits  # noqa: E402
from kgmem.extraction.entity_text import statement  # noqa: E402
from kgmem.extraction.zero.clauses import clauses_of  # noqa: E402
from kgmem.extraction.zero.entity_open import open_reading, predicate_of  # noqa: E402
from kgmem.extraction.zero.entity_refs import TurnContext  # noqa: E402
from kgmem.extraction.zero.nlp import load_nlp  # noqa: E402
from kgmem.memory.open_slots import held_slot  # noqa: E402
from kgmem.models import Entity, Fact  # noqa: E402


def _readings(text: str, last_person: str | None = None) -> list[tuple[str, str, str]]:
    context = TurnContext(last_person=last_person)
    out = []
    for c in clauses_of(load_nlp()(text)):
        if (got := open_reading(c, context)) is not None:
            out.append(got)
    return out


@pytest.mark.parametrize(("text", "expected"), [
    ("Wojtek's bike lock combination is 2286", ("Wojtek", "bike lock combination", "2286")),
    ("The door code for the studio is 7731", ("studio", "door code", "7731")),
    ("Farah's ring size is N", ("Farah", "ring size", "N")),
    ("They changed Lukas's seat number to 14C", ("Lukas", "seat number", "14C")),
    ("Bertie's insulin dose went up to 12 units", ("Bertie", "insulin dose", "12 units")),
    ("The pin for the alarm panel is 0417", ("alarm panel", "pin", "0417")),
    ("The dentist's number is 0117 496 0311", ("dentist", "number", "0117 496 0311")),  # a number said in groups
])
def test_an_open_attribute_is_read(text: str, expected: tuple[str, str, str] | None) -> None:
    assert _readings(text) == ([expected] if expected else [])


@pytest.mark.parametrize("text", [
    "My locker number is 58",  # the user's own
    "Our door code is 1234",  # the user's own
    "Dilys's book club meeting is Thursday",  # a happening's time: the registry's scheduled_for
    "The quote for the kitchen is £9,400",  # a registry attribute noun (amount)
    "Hamid's address is 4 Mill Lane",  # a registry attribute noun (a person's home)
    "Nell's shoe size isn't 5",  # negated
    "Rory's brother is Callum",  # a person
    "The party for Ayo is at Cafe Rouge",  # a place, said with a preposition
    "Laszlo's gym membership is £40 a month",  # a price: the registry's amount
    "The school pickup for Ines is 3:20",  # a happening's time
    "Doors for the ceilidh are 7",  # an attribute of a happening: its time
    "Dorota's kitchen is a total building site",  # a state of a thing one stands in, not a value
    "Kemal's swimming lesson is the 14th",  # a date
])
def test_no_open_attribute_is_read(text: str) -> None:
    assert _readings(text) == []


def test_his_and_her_are_the_person_named_before() -> None:
    assert _readings("her shoe size is 7 now", last_person="Ottoline") == [("Ottoline", "shoe size", "7")]


def test_open_predicates_are_single_valued_slots() -> None:
    assert predicate_of("wi-fi code") == "attr:wi_fi_code"
    assert predicates.is_single_valued("attr:shoe_size") and predicates.is_open_attribute("attr:shoe_size")
    assert predicates.attribute_words("attr:shoe_size") == "shoe size" and predicates.attribute_words("lives_in") == ""
    assert not predicates.is_open_attribute("attr:") and not predicates.is_single_valued("volunteer_at")
    assert statement("Milo", "attr:shoe_size", "13") == "Milo shoe size: 13."
    assert fits("attr:gate", "text") and fits("attr:host", "person") and not fits("attr:gate", "date")


_VOCAB: dict[str, int] = {}


def _bag(texts: Sequence[str]) -> np.ndarray:
    """A deterministic embedder: one dimension per word seen."""
    out = np.zeros((len(texts), 64), dtype=np.float32)
    for i, t in enumerate(texts):
        for w in re.findall(r"[a-z0-9]+", t.lower()):
            out[i, _VOCAB.setdefault(w, len(_VOCAB) % 64)] += 1.0
    return out


def _fact(eid: str, pred: str, value: str) -> Fact:
    return Fact(id=f"f-{eid}-{pred}-{value}", user_id="u", subject_id=eid, predicate=pred, value=value, text=value,
                observed_at=datetime(2031, 3, 1), session_id="s1")


def _ents() -> dict[str, Entity]:
    return {i: Entity(id=i, user_id="u", name=n, type="thing") for i, n in
            (("e1", "Milo"), ("e2", "lake house"), ("e3", "Ollie"), ("user", "user"))}


def test_held_slot_matches_the_same_attribute_in_other_words() -> None:
    ents = _ents()
    slots = {("e1", "attr:blood_pressure_dose"): {"a": _fact("e1", "attr:blood_pressure_dose", "5mg")},
             ("e2", "attr:wifi_password"): {"b": _fact("e2", "attr:wifi_password", "heron55")},
             ("e3", "attr:shoe_size"): {"c": _fact("e3", "attr:shoe_size", "11")}}

    def held(subject: str, pred: str, value: str, own: str | None) -> tuple[str, str] | None:
        return held_slot(subject, pred, value, ents.get(own or ""), "user", ents.get, slots, _bag)

    # the same entity, fewer words of the attribute
    assert held("Milo", "attr:dose", "10mg", "e1") == ("e1", "attr:blood_pressure_dose")
    # another name for the owner, the attribute's words the same
    assert held("lake house", "attr:wifi_password", "otter77", None) == ("e2", "attr:wifi_password")
    # another person's slot of the same words is not this person's
    assert held("Milo", "attr:shoe_size", "12", "e1") is None
    # a value of another type (a word for a number slot) is not the slot's
    assert held("Milo", "attr:dose", "double", "e1") is None
    # the user's own slots and registry predicates are never matched
    assert held("Milo", "lives_in", "Leeds", "e1") is None


def _pair(i: int, first: str, second: str, question: str, answer: str, old: str) -> dict[str, object]:
    def session(date: str, text: str) -> dict[str, object]:
        return {"date": date, "turns": [{"role": "user", "content": "how do I keep basil alive on a windowsill"},
                                        {"role": "assistant", "content": "Water it from below and pinch the tops."},
                                        {"role": "user", "content": text}, {"role": "assistant", "content": "Noted."}]}
    return {"id": f"t-{i}", "topic": "open", "subject": "x", "attribute": "open",
            "sessions": [session("2031/03/02 (Sun) 10:00", first), session("2031/03/09 (Sun) 11:00", second)],
            "question": question, "question_date": "2031/03/10 (Mon) 09:00", "answer": answer, "old_value": old}


def test_a_later_value_of_an_open_attribute_supersedes_and_answers(tmp_path: Path) -> None:
    rows = [_pair(1, "Wojtek's bike lock combination is 2286", "Someone cut it, so Wojtek's new bike lock combination is 9140",
                  "What's Wojtek's bike lock combination?", "9140", "2286"),
            _pair(2, "The door code for the studio is 7731", "The landlord changed the studio door code to 4052",
                  "What's the door code for the studio?", "4052", "7731")]
    path = tmp_path / "pairs.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    got = diag.measure(path, tmp_path / "m")
    assert [r["stage"] for r in got] == ["ok", "ok"], got
