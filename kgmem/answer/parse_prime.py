"""Read at ingest, with the parser, the user sentences a first question would read, and keep the
parses on disk (:mod:`kgmem.parse_cache`).

Which sentence is the user's own doing and which someone else's ("my brother went to a gig") is
decided by a parse (:func:`kgmem.answer.actuality.actuality`); on a first question those parses
were most of the answer's time (~5-10 ms each, several per question). Ingest already embeds the
evidence sentences ahead of questions (:func:`kgmem.answer.pool.prime`); this does the same for
the parses: it reads every user line as the answer side does, and the parses that reading makes
are written to the on-disk cache, where the first question finds them (~0.3 ms a read). A line
whose reading changes with the code is simply parsed when asked. Each user line is also parsed
whole: the answer side's readers of a line's own words parse the line itself. The clauses a preference answer
reads by their parse are read too (:mod:`kgmem.answer.pref_prime`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from kgmem.answer.actuality import actuality
from kgmem.answer.evidence import lines_of
from kgmem.answer.pref_prime import prime_preference
from kgmem.models import Turn
from kgmem.nlp import load_nlp


def prime_parses(turns: Iterable[Turn]) -> int:
    """Read every user line of ``turns`` as a question would (its actuality) and keep the parses
    that reading made, and the parse of each line itself (the answer side's readers of a line's
    own words — what it calls off, arranges, states as stale — parse the line whole: on a first
    question those were half of the parses left); returns how many lines were read."""
    nlp = load_nlp()
    with nlp.persisting():  # cutting a turn into lines reads some clauses too
        by_turn = [[line.text for line in lines_of(turn, datetime.min)] for turn in turns if turn.role == "user"]
        texts = list(dict.fromkeys(text for lines in by_turn for text in lines))
        for text in texts:
            actuality(text)
        for text in texts:
            nlp(text)  # one text a call, as a question parses it (the same doc, not a batch's)
        # the clauses a preference answer reads by their parse (constraints, whose, still held: pf21)
        prime_preference(by_turn)
    return len(texts)
