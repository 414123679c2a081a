"""Extraction classes of session 11 (x15): a name's kind read from its clause, not from its words.

- The predicate is proposed from the clause with its names masked as well as from the clause as
  written (extraction/zero/masking.py): a title whose words sound like work ("streamed Severance"
  was an employer) or a place read as a trip ("childhood was in X").
- A value that is a name in an argument place, typed by the parse and NER alone, for the kinds whose
  fillers know values by a lexicon word (extraction/zero/values_named.py): a phone with no brand the
  lexicon lists, an employer whose name holds a gym word, a title inside "the last page of X".
- review10 M5: in a turn typed without capitals, an ordinary object raised as a title is no employer
  ("started physio" → works_at Physio) and a person seen is no film ("saw grandma").

The sentences are written for the classes; the frames are modelled on the first synthetic family's
(development) misses ("streamed X finally", "turned the last page of X", "childhood was in X",
"work-wise I'm with X"), the names and titles are invented or taken from no data set.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from kgmem.extraction.zero import RuleExtractor
from kgmem.extraction.zero.clauses import clauses_of
from kgmem.extraction.zero.masking import MASK, framed_row, masked_text
from kgmem.extraction.zero.nlp import load_nlp
from kgmem.extraction.zero.values_named import named_argument

Triple = tuple[str, str, str]

#: (turn, facts that must be read, facts that must not)
CASES: list[tuple[str, list[Triple], list[Triple]]] = [
    # a title's own words must not choose the predicate
    ("Sat down and streamed Severance at last.", [("user", "watched", "Severance")], [("user", "works_at", "Severance")]),
    # the title inside the object's "of" phrase
    ("Turned the last page of The Glass Orchard yesterday.", [("user", "read_book", "Glass Orchard")], []),
    ("Finally got to the final chapter of Ashgrove Hall last night.", [], [("user", "visited", "Ashgrove Hall")]),
    # where one's childhood was is a hometown, not a trip
    ("Childhood was in Tromsø for me.", [("user", "hometown", "Tromsø")], [("user", "visited", "Tromsø")]),
    # an employer whose name holds a gym word, after "with"
    ("Work-wise I'm with Quillfeather Studio these days.", [("user", "works_at", "Quillfeather Studio")], []),
    # no name: a day NER left unlabelled, a kind of company, a place gone through
    ("The clinic moved my physio to Thursdays at 11.", [], [("user", "works_at", "Thursdays")]),
    ("I'm from Kollam, now working in Noida for an MNC.", [], [("user", "works_at", "MNC")]),
    # review10 M5: ordinary lower-case objects raised as titles
    ("started physio last week for my knee", [], [("user", "works_at", "Physio")]),
    ("started chemo on monday, scared", [], [("user", "works_at", "Chemo")]),
    ("i saw grandma yesterday", [], [("user", "watched", "Grandma")]),
    ("saw doctor patel about my back", [], [("user", "watched", "Doctor Patel")]),
    # …while a title raised in a lower-case turn is still read
    ("finally watched past lives last night", [("user", "watched", "past lives")], []),
]


@pytest.fixture(scope="module")
def case_facts(read_classes: Callable[..., list[set[Triple]]], extractor: RuleExtractor) -> list[set[Triple]]:
    return read_classes(extractor, CASES)


@pytest.mark.parametrize("i", range(len(CASES)), ids=[c[0][:40] for c in CASES])
def test_name_kind_from_clause(case_facts: list[set[Triple]], check_reading: Callable[..., None], i: int) -> None:
    check_reading(CASES[i], case_facts[i])


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_nlp()


def test_masked_text_replaces_each_name_once(nlp) -> None:  # type: ignore[no-untyped-def]
    clause = clauses_of(nlp("I streamed Slow Horses on Friday"))[0]
    assert masked_text(clause) == f"I streamed {MASK} on Friday"


def test_masked_text_is_empty_without_a_name(nlp) -> None:  # type: ignore[no-untyped-def]
    assert masked_text(clauses_of(nlp("I streamed the final episode last night"))[0]) == ""


def test_framed_row_raises_only_the_columns_of_name_values() -> None:
    labels = ["watched", "lives_in", "favourite_drink", "none"]  # title, place (names), item, the none class
    row, masked = np.array([0.2, 0.5, 0.5, 0.3]), np.array([0.6, 0.1, 0.9, 0.9])
    assert framed_row(labels, row, masked).tolist() == pytest.approx([0.6, 0.5, 0.5, 0.3])
    assert framed_row(labels, row, None) is row


def test_named_argument_reads_a_phone_with_no_brand_word(nlp) -> None:  # type: ignore[no-untyped-def]
    clause = clauses_of(nlp("I bought the Velta X7 last week."))[0]
    assert named_argument("device", clause) == [("Velta X7", "item")]
    assert named_argument("money", clause) == []  # only the kinds whose values are names
