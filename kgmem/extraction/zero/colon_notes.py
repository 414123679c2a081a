"""A payment note after a colon, cut off the clause that introduces it only where that frame tells nothing.

"My bank app keeps nagging me: $130 at Uniqlo, for a tent": the frame says where the note was read, the note
what was done; read as one clause, the frame's words pull the meaning away from the purchase. But the frame
often tells what the price is: "My rent went up again this month: $1,450 now" (rent), "Spent far too much on
the kids' uniforms: $230 at Target" (a purchase); cut off, the note reads as money spent and the frame's fact
is lost (session 25: cutting every such note cost the never-tuned heldout3 family 30 matched facts). So the
clause is cut in two only where the frame ALONE proposes no predicate (the "nothing about the user" examples
score best, or nothing reaches the threshold): a frame that proposes anything keeps the whole clause. And only
a note the frame ties to the user is cut ("Saw it on my statement: …", "Revolut sent me the summary: …"): "The
flyer on the fridge says it all: $99 at Walmart, for a robot vacuum" is an advert, no purchase.

The candidates come from :func:`.clauses.clauses_of` (``Clause.split``); the extractor embeds each candidate's
frame and note with its other clause texts and calls :func:`cut_notes` before it builds the score rows.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from kgmem.extraction.zero.sentence_stages import Work, user_clause

if TYPE_CHECKING:
    import numpy as np

    from kgmem.extraction.zero.clauses import Clause
    from kgmem.extraction.zero.proposals import Proposer


def note_texts(w: Work) -> list[str]:
    """The frame and note texts of the sentence's user clauses that may be cut at a colon (to embed)."""
    return [part.text for c in w.clauses if c.split is not None and user_clause(w, c) for part in c.split]


def cut_notes(w: Work, proposer: Proposer, rows: Mapping[str, np.ndarray]) -> None:
    """Replace each user clause whose frame alone proposes nothing by its frame and its note (``rows``: score
    rows by clause text, the frame's among them)."""
    out: list[Clause] = []
    for c in w.clauses:
        if c.split is not None and c.split[1].about == "user" and user_clause(w, c) \
                and (row := rows.get(c.split[0].text)) is not None and not proposer.candidates(row):
            for part in c.split:
                part.lowercase = c.lowercase
            out.extend(c.split)
        else:
            out.append(c)
    w.clauses = out
