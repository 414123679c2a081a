"""Extraction classes of session 10 (x14): values typed without capitals, and parse walks that end.

The walk up a parse from a place name (impersonal.visited_from_doc) compared tokens by identity;
spaCy makes a new Token object per access, so a root whose dependency label is one the walk climbs
through ("prep" on a fragment's root) was never recognised as the top and the loop never ended.
"""

from __future__ import annotations

import threading

import spacy
from spacy.tokens import Doc

from kgmem.extraction.zero.impersonal import visited_from_doc

_VOCAB = spacy.blank("en").vocab  # lower-case forms need the language's lexical attributes


def test_walk_up_from_a_place_ends_on_a_root_labelled_prep() -> None:
    # "to Oslo" as a fragment whose root carries the label "prep": the old walk looped for ever
    doc = Doc(_VOCAB, words=["to", "Oslo"], heads=[0, 0], deps=["prep", "pobj"], ents=["O", "B-GPE"])
    got: list[str | None] = []
    worker = threading.Thread(target=lambda: got.append(visited_from_doc(doc)), daemon=True)
    worker.start()
    worker.join(60)
    assert got == [None], "the walk up the parse did not end (or read a visit with no verb of motion)"


def test_walk_up_from_a_place_still_reads_a_motion_verb() -> None:
    words = ["we", "flew", "out", "to", "Oslo"]
    doc = Doc(_VOCAB, words=words, heads=[1, 1, 1, 1, 3], deps=["nsubj", "ROOT", "prt", "prep", "pobj"],
              ents=["O", "O", "O", "O", "B-GPE"])
    assert visited_from_doc(doc) == "Oslo"

