"""Another person's partner, a whole "the 3rd of May", and a person's time as one slot (oe23, issue #13 item 7).

Sentences invented for these tests (none from a pair file). The pair test ingests three invented
statement-and-correction pairs with the zero-LLM tier and checks the SUPERSEDES edge.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "eval"))

import diag_entity_pairs as diag  # noqa: E402

from kgmem.extraction.zero.entity_partners import partner_facts  # noqa: E402
from kgmem.extraction.zero.entity_refs import TurnContext  # noqa: E402
from kgmem.extraction.zero.sentences import user_sentences  # noqa: E402
from kgmem.extraction.zero.values_amounts import _WHEN_RX  # noqa: E402
from kgmem.memory.manager import FAMILIES  # noqa: E402

_DAY = datetime(2031, 5, 4)


def _partners(text: str, last_person: str | None = None) -> list[tuple[str, str]]:
    context = TurnContext(last_person=last_person)
    return [(f.subject, f.value) for s in user_sentences(0, text, _DAY) for f in partner_facts(s, _DAY, context)
            if f.predicate == "partner_name"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Dominika's husband is called Piotr, he's a pilot", [("Dominika", "Piotr")]),
    ("My colleague Arjun's fiancée Meera is throwing him a party", [("Arjun", "Meera")]),
    ("Saskia from my choir and her partner Ruth are moving to Leeds", [("Saskia", "Ruth")]),
    ("Joaquin has a new boyfriend, his name is Theo", [("Joaquin", "Theo")]),
    ("My nephew Kofi is going out with a girl named Ama", [("Kofi", "Ama")]),
    ("my sister is engaged to Oisin, the wedding's next spring", [("sister", "Oisin")]),
    ("Zainab and Idris called it quits, she's seeing a vet called Omar now", [("Zainab", "Omar")]),
    ("Auntie Grace is married to Samuel", [("Grace", "Samuel")]),
    ("Ffion ditched Gethin, her new girlfriend is a nurse called Lowri", [("Ffion", "Lowri")]),
    ("Bilal and Noor are finished, he's with Hiba now", [("Bilal", "Hiba")]),
])
def test_another_persons_partner_is_read(text: str, expected: list[tuple[str, str]]) -> None:
    assert _partners(text) == expected


@pytest.mark.parametrize("text", [
    "My boyfriend Caspar is a nurse",  # the user's own partner: the user's kin fact
    "I'm seeing someone called Wren",  # the user's
    "I don't think Mirela is dating Anton",  # not said as so
    "If Tobias is seeing Greta, nobody told me",  # supposed
    "I went with Harriet to the cinema",  # going with someone is no partner
    "She is with Clara at the moment",  # "with" alone, without "now" or "called"
    "Our electrician is seeing a supplier called Tomasz about the cable",  # no person the user knows by kin or name
    "Is Benedikt still dating Ilka?",  # asked
])
def test_no_partner_is_read(text: str) -> None:
    assert _partners(text, last_person="Mirela") == []


def test_she_is_the_first_person_the_sentence_named() -> None:
    assert _partners("Ottilie and Bruno broke up, she's going out with Declan now") == [("Ottilie", "Declan")]
    # a pronoun with no one named before it in the sentence: the turn's last person
    assert _partners("Honestly, she's dating a guy named Lorenzo", last_person="Maite") == [("Maite", "Lorenzo")]


@pytest.mark.parametrize(("text", "value"), [
    ("the landlord's given us until the 3rd of May", "the 3rd of May"),
    ("it's due the 17th of Sept. now", "the 17th of Sept"),
    ("the fitting is the 2nd of June at 10am", "the 2nd of June at 10am"),
    ("the physio is on the 8th at 4pm", "the 8th at 4pm"),
])
def test_a_date_is_read_whole(text: str, value: str) -> None:
    assert [m.group(0) for m in _WHEN_RX.finditer(text)][0] == value


def test_a_persons_time_is_one_slot() -> None:
    # "my cousin is due on the 9th" then "they're saying the 2nd now": one time of hers, however told
    assert ("scheduled_for", "due_date") in FAMILIES["person"]


def _pairs(tmp_path: Path, rows: list[dict[str, object]]) -> list[dict[str, object]]:
    path = tmp_path / "pairs.jsonl"
    import json
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    return diag.measure(path, tmp_path / "m")


def _pair(i: int, first: str, second: str, question: str, answer: str, old: str) -> dict[str, object]:
    def session(date: str, text: str) -> dict[str, object]:
        return {"date": date, "turns": [{"role": "user", "content": "how do I keep basil alive on a windowsill"},
                                        {"role": "assistant", "content": "Water it from below and pinch the tops."},
                                        {"role": "user", "content": text}, {"role": "assistant", "content": "Noted."}]}
    return {"id": f"t-{i}", "topic": "partner", "subject": "x", "attribute": "partner",
            "sessions": [session("2031/03/02 (Sun) 10:00", first), session("2031/03/09 (Sun) 11:00", second)],
            "question": question, "question_date": "2031/03/10 (Mon) 09:00", "answer": answer, "old_value": old}


def test_a_later_partner_supersedes_the_earlier(tmp_path: Path) -> None:
    rows = [_pair(1, "My friend Clodagh is dating a guy called Eamon", "Clodagh and Eamon split, she's seeing Fintan now",
                  "Who is Clodagh dating?", "Fintan", "Eamon"),
            _pair(2, "Rasmus's girlfriend is called Frida", "Rasmus has a new girlfriend, her name is Sigrid",
                  "Who is Rasmus's girlfriend?", "Sigrid", "Frida")]
    got = _pairs(tmp_path, rows)
    assert [r["stage"] for r in got] == ["ok", "ok"], got
