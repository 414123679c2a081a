"""A slot told again takes a value of its own type (session 16): a pure ordering of a correction's values.

A correction often names more than one value of the slot's class ("Grandpa's in room 22 at Elm Lodge
now", "moved up to the stroke unit on Ward 22"); the value that shares the held value's words but is
not it is the slot's new value ("room 22" for "room 9", "Ward 22" for "Ward 7").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kgmem.ids import normalise_name


def _plain(value: str) -> str:
    return re.sub(r"[^\w]", "", normalise_name(value))


def same_type_first(values: Sequence[tuple[str, str]], old: str) -> list[tuple[str, str]]:
    """The probe's values with those of the held value's type first: a new value that shares the old
    one's words but is not it ("room 22" for "room 9" beside "at Elm Lodge", "Edinburgh office" for
    "Manchester office"): the slot told again with another value of its own type."""
    kind = {w for w in normalise_name(old).split() if len(w) > 2 and not w.isdigit()}
    plain_old = _plain(old)

    def shares(value: str) -> bool:
        plain = _plain(value)
        return bool(kind & set(normalise_name(value).split())) and bool(plain) and plain != plain_old \
            and plain not in plain_old and plain_old not in plain
    return sorted(values, key=lambda v: not shares(v[0]))
