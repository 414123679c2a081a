"""Whether a line with an amount tells money the user paid for a thing, by meaning.

A money total adds the amounts the user paid. Paying verbs mark most of them ("paid $40",
"bought … for $35"), but a purchase is as often told without one: "left the shop with a jacket
and a much lighter wallet", "my card statement shows $65 at the pet shop". A list of such
phrasings never ends. So a line with an amount that no paying verb marks is compared, by the
retrieval embedder, with two example banks written from general English in many voices
(``kgmem/resources/lexicon/counting.json``: "paid_examples", and "unpaid_examples" — a rent, a
wage, a price offered or asked, a budget, a sale, money back, someone else's bill): it tells a
payment when its nearest examples are payments. Whose line it is and whether it happened are
decided elsewhere (:func:`kgmem.answer.countable.why_not`), as for every line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from kgmem.answer.amounts import asked_amounts, money
from kgmem.answer.countable import lexicon_words
from kgmem.answer.evidence import EvidenceSet, Line

#: nearest examples that vote
K = 5
#: the nearest payment example must be at least this close (MiniLM cosine of two short money
#: sentences): a line far from every example (a recipe's "$3 of flour") tells no payment
FLOOR = 0.35


def paid_by_meaning(ev: EvidenceSet, lines: Sequence[Line]) -> set[tuple[str, int]]:
    """The lines (by turn id and position) whose nearest examples by meaning are payments: of the
    ``K`` nearest examples, the payments' cosines outweigh the others', and the nearest payment
    is within :data:`FLOOR`."""
    if not lines:
        return set()
    paid, unpaid = lexicon_words("paid_examples"), lexicon_words("unpaid_examples")
    vecs = ev.result.embed(list(paid) + list(unpaid) + [ln.text for ln in lines])
    if vecs is None:
        return set()
    bank, labels = vecs[:len(paid) + len(unpaid)], np.array([1.0] * len(paid) + [-1.0] * len(unpaid))
    out: set[tuple[str, int]] = set()
    for k, ln in enumerate(lines):
        sims = bank @ vecs[len(labels) + k]
        near = np.argsort(-sims)[:K]
        if float(sims[near] @ labels[near]) > 0 and float(sims[: len(paid)].max()) >= FLOOR:
            out.add((ln.turn_id, ln.position))
    return out


def paid_next(line: Line, ev: EvidenceSet, paying: re.Pattern[str]) -> bool:
    """A price told in a question the next sentence answers by paying ("Is $58 too much for a desk
    lamp? Too late anyway, I paid Home Depot two days ago."): the sentence after is the user's own
    actual payment (``paying``: the verbs of paying) and names no amount of its own."""
    after = [s for s in ev.turn_lines(line.turn_id) if s.position == line.position + 1]
    return bool(after) and after[0].actuality == "actual" and not money(after[0].text) and \
        ("buy" in after[0].roles or bool(paying.search(after[0].text)))


def told_in_question(line: Line, ev: EvidenceSet, paying: re.Pattern[str]) -> bool:
    """A question line whose amount the user paid: the amount's own clause does not ask ("$38, don't
    tell anyone Anyway, can you put that in a list?": a question to the assistant the sentence
    splitter left joined), or the next sentence says it was paid (:func:`paid_next`; ``paying``: the verbs of paying)."""
    return line.actuality == "request" and (not asked_amounts(line.text) or paid_next(line, ev, paying))
