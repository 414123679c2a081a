"""What a refusal keeps out, read from the clause's parse (pf17): the object of a negated verb of taking something
in or taking part, a verbless "no X", what the speaker avoids, the doing itself where such a verb has no object —
the thing trimmed to its noun phrase (no "since 1986", no "anywhere in the parcels"). A negation that refuses
nothing and limits no ability is no constraint. Every sentence is invented for this test (none is a development or
held-out line); each refused thing was unread at 01ff4f1 (no restriction, or one running past its noun phrase)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

pytest.importorskip("spacy")

from kgmem.answer.pref_reasons import Reason, reasons_from, restrictions, states_constraint  # noqa: E402
from kgmem.answer.pref_refusal import refused_by_parse  # noqa: E402
from kgmem.models import Answer


@pytest.mark.parametrize(("clause", "things"), [
    ("I haven't eaten pork since 2009", ("pork",)),
    ("my uncle cannot eat anything salty since his operation", ("anything salty",)),
    ("I don't touch whisky", ("whisky",)),
    ("I won't fly", ("flying",)),
    ("we don't do cruises", ("cruises",)),
    ("i dont eat lamb tbh", ("lamb",)),
    ("cant do prawns", ("prawns",)),                      # the subject dropped, the apostrophe too
    ("no glitter anywhere on the cards", ("glitter",)),
    ("I avoid driving whenever a bus will do", ("driving",)),
    ("I never drink tea after 6pm", ("tea after 6pm",)),  # a refusal limited in time keeps its limit (rev17)
    ("I no longer eat veal", ("veal",)),
    # an order to the assistant not to offer it
    ("never put capers in anything for me", ("capers",)), ("please don't book anything with steps", ("anything with steps",)),
    ("you never give me decent snacks", ()),               # a complaint, not an order
    # what brings on an ailment (WordNet's physical conditions and symptoms)
    ("I get motion sickness on mountain roads", ("mountain roads",)), ("my son gets seasick on ferries", ("ferries",)),
    ("I get a discount on Tuesdays", ()), ("I have a meeting on Monday", ()),
    # none of it, told by its least amount
    ("not a drop of cider has passed my lips since Easter", ("cider",)), ("not one bite of cake all week", ("cake",)),
    # no standing refusal: one occasion, a thing not done yet (rev17)
    ("I haven't watched Line of Duty yet, my brother says it's great", ()),
    ("I didn't eat the prawns at the party last night", ()), ("I couldn't finish the curry yesterday", ()),
    ("I avoided the buffet at the conference", ()), ("I got sick after the mussels", ()),
    ("I don't drink cider on weeknights", ("cider on weeknights",)),   # a limit in time stays with its thing (rev17)
    ("I haven't read anything for fun in months", ()),                 # no thing named
    # no refusal: a verb of knowing, a hedge, a lack of time, a liking
    ("I don't know the town", ()), ("I don't have much time", ()), ("no worries at all", ()), ("I love sushi", ()),
])
def test_a_refusal_is_read_from_the_parse(clause: str, things: tuple[str, ...]) -> None:
    assert refused_by_parse(clause) == things


@pytest.mark.parametrize(("sentence", "kept_out"), [
    ("I haven't eaten pork since 2009", ["pork"]),         # the abstention holds: not ended by its "since"
    ("I no longer eat veal", ["veal"]),
    ("no glitter anywhere on the cards, that's a must for me", ["glitter"]),
    ("I was vegetarian until 2019", []),                   # a diet told as over keeps nothing out
    ("I started eating pork again", []),
])
def test_what_a_refusal_keeps_out(sentence: str, kept_out: list[str]) -> None:
    assert [r.thing for r in restrictions(reasons_from([("t", sentence)], limit=9))] == kept_out


@pytest.mark.parametrize(("clause", "thing"), [
    ("please keep the karaoke far away from my birthday plans", "karaoke"),  # "far" belongs to the keeping away
    ("keep loud bars well away from the weekend", "loud bars"),
])
def test_a_thing_kept_far_away_is_read_without_far(clause: str, thing: str) -> None:
    from kgmem.answer.taste import read_taste

    assert read_taste(clause) == (False, thing)


@pytest.mark.parametrize(("clause", "constraint"), [
    ("I don't mind", False), ("I didn't realise the hall was that small", False), ("I'm not sure yet", False),
    ("I don't eat lamb", True), ("my dad can't climb stairs", True), ("we won't fly", True),
    ("I get motion sickness on mountain roads", True), ("I have a meeting on Monday", False),
])
def test_a_negation_constrains_only_what_it_refuses(clause: str, constraint: bool) -> None:
    assert states_constraint(clause) is constraint


def test_a_past_occasion_keeps_no_like_out(answers_over: Callable[..., list[Answer]]) -> None:
    # rev17 HIGH: "didn't eat the fish at the wedding last night" left out the user's favourite grilled fish
    from datetime import datetime

    said = [(datetime(2025, 3, 2, 19), "I love seafood, grilled trout with lemon is my absolute favourite."),
            (datetime(2025, 4, 10, 20), "I didn't eat the trout at the wedding last night, it looked a bit grey.")]
    [a] = answers_over("pf17-occasion", said, "pfocc", "Noted!", datetime(2025, 4, 20, 17),
                       "What should I cook for dinner tonight?")
    assert a.extra["path"] == "preference", a.extra.get("decision")
    assert "left out" not in a.text and "without" not in a.text, a.text


def test_a_refusal_of_the_thing_asked_for_never_empties_the_answer(answers_over: Callable[..., list[Answer]]) -> None:
    # rev17 HIGH: "I don't drink wine on weeknights" made "a wine without wine" for "What wine should I open on Saturday?"
    from datetime import datetime

    said = [(datetime(2025, 3, 2, 19), "I don't drink cider on weeknights, but a dry cider on a Saturday is heaven.")]
    [a] = answers_over("pf17-asked-thing", said, "pfask", "Noted!", datetime(2025, 3, 7, 17),
                       "What cider should I open this Saturday?")
    assert "without cider" not in a.text, a.text


def test_a_reason_is_said_back_with_its_day() -> None:
    from kgmem.answer.pref_reasons import join_reasons

    reasons = reasons_from([("t1", "I don't eat lamb"), ("t2", "I need it quick")], when={"t1": "2024-03-02"})
    assert join_reasons(reasons) == "you don't eat lamb (said 2024-03-02); and you need it quick"
    assert isinstance(reasons[0], Reason)


@pytest.mark.parametrize(("clause", "refused"), [
    # a thing and the speaker at odds: the thing is refused (pf19; invented sentences)
    ("Coffee and I don't get along, sadly", ["Coffee"]),
    ("Went to the dentist again, red wine and my stomach do not agree", ["red wine"]),
    # the "do" that only carries the negation is no "can't do X": nothing named "mix" is refused
    ("Pulled a muscle again, gym classes and I do not mix", ["gym classes"]),
    ("oil and water do not mix", []),
])
def test_a_thing_at_odds_with_the_speaker_is_refused(clause: str, refused: list[str]) -> None:
    from kgmem.answer.pref_refusal import refused_things_in

    assert refused_things_in(clause) == refused
