"""Issue #14: a purchase or event is not matched by a word that the line uses only inside a
capitalised name ("a road bike" is not "the Silk Road"); a line found by meaning still counts."""

from kgmem.answer.event_names import names_head as _names_head


def test_a_word_inside_a_name_is_no_mention() -> None:
    assert not _names_head("day I bought a road bike", "I need to understand the history of the Silk Road.")


def test_the_thing_itself_or_a_match_by_meaning_counts() -> None:
    assert _names_head("day I bought a road bike", "Picked up a new road bike from the shop today.")
    assert _names_head("day I bought a road bike", "Road bike finally arrived, I love it.")
    assert _names_head("trip to Iceland", "Greetings from Reykjavik, the hot springs are unreal!")
