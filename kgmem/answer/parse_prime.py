"""Read at ingest, with the parser, the user sentences a first question would read, and keep the
parses on disk (:mod:`kgmem.parse_cache`).

Which sentence is the user's own doing and which someone else's ("my brother went to a gig") is
decided by a parse (:func:`kgmem.answer.actuality.actuality`); on a first question those parses
were most of the answer's time (~5-10 ms each, several per question). Ingest already embeds the
evidence sentences ahead of questions (:func:`kgmem.answer.pool.prime`); this does the same for
the parses: it reads every user line as the answer side does, and the parses that reading makes
are written to the on-disk cache, where the first question finds them (~0.3 ms a read). A line
whose reading changes with the code is simply parsed when asked.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from kgmem.answer.actuality import actuality
from kgmem.answer.evidence import lines_of
from kgmem.models import Turn
from kgmem.nlp import load_nlp


def prime_parses(turns: Iterable[Turn]) -> int:
    """Read every user line of ``turns`` as a question would (its actuality) and keep the parses
    that reading made; returns how many lines were read."""
    with load_nlp().persisting():  # cutting a turn into lines reads some clauses too
        texts = list(dict.fromkeys(line.text for turn in turns if turn.role == "user"
                                   for line in lines_of(turn, datetime.min)))
        for text in texts:
            actuality(text)
    return len(texts)
