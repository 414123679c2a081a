"""The spellings of one relation ("Mum", "nana", "hubby") live once, in people.json's kin_spellings, read by
lexicon.people.kin_spellings(); answer/kin_of.py folds relations with it."""

from __future__ import annotations

from kgmem.answer.kin_of import canonical
from kgmem.lexicon import people


def test_every_spelling_folds_to_a_relation_word_that_is_no_spelling_itself() -> None:
    table = people.kin_spellings()
    relations = people.words("kin", "partners")
    assert table, "kin_spellings is empty"
    assert all(word in relations for word in table.values()), "a canonical word that no kin or partner list holds"
    assert not set(table.values()) & set(table), "a canonical word is also folded to another"


def test_kin_of_folds_relations_with_the_lexicon() -> None:
    assert [canonical(w) for w in ("Mum", "nana", "hubby", "Auntie", "fiancée", "mothers-in-law", "sisters")] == \
        ["mother", "grandmother", "husband", "aunt", "fiance", "mother-in-law", "sister"]
