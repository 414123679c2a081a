"""A line that dropped its subject, read again with the speaker as its doer (kgmem.answer.dropped_subject), and the
four readers that use it, each behind its own judgement of when a line dropped its subject. Every line here is
invented for the test."""

from __future__ import annotations

import pytest

from kgmem.answer.dropped_subject import reread_as_speaker, with_speaker


@pytest.mark.parametrize(("line", "told"), [
    ("Ran the canal towpath loop before work", "I ran the canal towpath loop before work"),
    ("Can't do shellfish", "I can't do shellfish"),
    ("finished the jigsaw at last", "I finished the jigsaw at last"),
    ("", "I "),
])
def test_the_speaker_is_put_back_and_the_sentence_capital_dropped(line: str, told: str) -> None:
    assert with_speaker(line) == told


@pytest.mark.parametrize(("line", "verb"), [
    ("Repainted the shed door on Sunday", "repainted"),
    ("Sold the old lawnmower to a neighbour", "sold"),
])
def test_the_reread_verb_has_the_speaker_as_its_subject(line: str, verb: str) -> None:
    doc = reread_as_speaker(line)
    assert doc[0].text == "I" and doc[0].dep_ == "nsubj"
    assert doc[0].head.lower_ == verb


def test_each_reader_reads_a_line_that_dropped_its_subject_as_the_speakers() -> None:
    from kgmem.answer.event_calloff import tells_done
    from kgmem.answer.payments import money_in
    from kgmem.answer.pref_reading import antecedent
    from kgmem.answer.pref_refusal import refused_by_parse

    assert tells_done("Ran the canal towpath loop before work.")  # "Ran" alone: tagged an order
    assert money_in("Won £40 in the pub quiz raffle")  # "Won" alone: the currency
    assert refused_by_parse("Can't do shellfish any more") == ("shellfish",)
    assert antecedent("Finished The Lighthouse Keeper on the train, ") == "Lighthouse Keeper"
