"""answer/spans._SHOP_PHRASE: a store named by a common noun phrase ends before a time phrase.

Invented sentences.
"""

from __future__ import annotations

from kgmem.answer.spans import _SHOP_PHRASE


def test_store_phrase_ends_before_a_time_phrase() -> None:
    for text, store in (("spent $80 on a kettle at the corner hardware shop a couple of days ago.", "the corner hardware shop"),
                        ("got the rug from a flea market stall last weekend", "a flea market stall")):
        m = _SHOP_PHRASE.search(text)
        assert m is not None and m.group(1) == store
