"""Issue #14: a purchase or event is not matched by a word that the line uses only inside a
capitalised name ("a road bike" is not "the Silk Road"); a line found by meaning still counts."""

from kgmem.answer.event_names import names_head as _names_head


def test_a_word_inside_a_name_is_no_mention() -> None:
    assert not _names_head("day I bought a road bike", "I need to understand the history of the Silk Road.")


def test_the_thing_itself_or_a_match_by_meaning_counts() -> None:
    assert _names_head("day I bought a road bike", "Picked up a new road bike from the shop today.")
    assert _names_head("day I bought a road bike", "Road bike finally arrived, I love it.")
    assert _names_head("trip to Iceland", "Greetings from Reykjavik, the hot springs are unreal!")


# session 10 (tm10): a question typed in lower case still names what the user wrote as a name
_TOLD = ["Booked a week in Galway with the girls for August.", "galway weather looks grim lol",
         "The Galway trip is off, Niamh broke her ankle.", "Went to the market for some bread."]


def test_a_lower_cased_word_the_user_only_wrote_as_a_name_is_a_name() -> None:
    from kgmem.answer.event_names import told_names
    # sentence-initial capitals and a line typed all in lower case say nothing either way
    assert told_names("how many days in galway", _TOLD[:1] + _TOLD[2:]) == ["Galway"]
    assert told_names("the trip to the market", _TOLD) == []


def test_a_lower_cased_word_also_written_in_lower_case_mid_sentence_is_no_name() -> None:
    from kgmem.answer.event_names import told_names
    assert told_names("my trip to galway", _TOLD + ["we loved galway so much"]) == []


def test_a_typo_of_a_told_name_is_that_name() -> None:
    from kgmem.answer.event_names import told_names
    assert told_names("the week in galwya", _TOLD[:1], {"galwya": "galwya"}) == ["Galway"]


def test_someone_elses_line_counts_only_when_the_name_is_its_subject() -> None:
    from kgmem.answer.event_names import names_subject
    assert names_subject("Tariq flew back to Lagos on Sunday.", ["Tariq"], {"tariq"})
    assert not names_subject("(Aside: my neighbour Ines just got back from Tallinn.)", ["Tallinn"], {"tallinn", "trip"})
    # the activity's verb opening the line is what the other person did, not who did it
    assert not names_subject("My nephew swam the Windermere mile in July!", [], {"swim", "windermere", "mile"},
                             {"windermere", "mile"})
    assert names_subject("Mum and Dad went home on Friday.", [], {"parent"}, {"parent"})


def test_a_word_the_user_wrote_only_inside_a_longer_name_names_nothing() -> None:
    from kgmem.answer.event_names import told_names
    texts = ["Bought a bow from a shop called Silver Fiddle in town.", "We drove round Lake Windermere at dusk."]
    assert told_names("my fiddle lesson", texts) == []
    assert told_names("how long were we at lake windermere", texts) == ["Lake Windermere"]
