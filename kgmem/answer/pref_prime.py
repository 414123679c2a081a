"""Read at ingest, with the parser, the clauses a preference answer parses, so their parses are on disk when the first
preference question comes (pf21; :mod:`kgmem.answer.parse_prime` calls it inside its persisting block).

A preference question reads the constraints the user stated about the question's domain
(:func:`kgmem.answer.preference.domain_constraints`): every user clause that the cheap reading finds a constraint in
(:func:`kgmem.answer.pref_reasons.states_constraint` without the parse) and that speaks about the domain is then read
by its parse — an errand or a refusal (``states_constraint``), what it keeps out
(:func:`kgmem.answer.pref_reasons.restrictions`: :func:`~kgmem.answer.pref_refusal.refused_things_in`), whether it
still holds (:func:`kgmem.answer.pref_reasons.ended`: :func:`kgmem.answer.stale.stale`), whose it is
(:func:`kgmem.answer.pref_whose.holders`). Those parses were most of a first preference answer's time (~4 a question,
~5-10 ms each). The domain is the question's, unknown at ingest, so every clause the cheap reading keeps is read here
— the same calls on the same texts, so the answer reads the parses back (~0.3 ms) and answers the same.
"""

from __future__ import annotations

from collections.abc import Sequence

from kgmem.answer.pref_reasons import Reason, clauses, ended, states_constraint
from kgmem.answer.pref_refusal import refused_things_in
from kgmem.answer.pref_whose import holders


def prime_preference(turns: Sequence[Sequence[str]]) -> int:
    """Read the constraint clauses of every user turn (each given as its lines, in order) as a preference answer
    does; returns how many clauses were read."""
    read = 0
    for lines in turns:
        for k, text in enumerate(lines):
            stated = [c for c in clauses(text) if states_constraint(c, parsed=False)]
            if not stated:
                continue
            holders(tuple(lines[:k + 1]))
            for clause in stated:
                # the clause as a constraint kept (a diet kept: keeps_a_diet), and its reasons (reasons_from reads the
                # clauses of each kept clause): what each keeps out, and whether it still holds
                states_constraint(clause)
                for source in dict.fromkeys([clause, *clauses(clause)]):
                    if source == clause or states_constraint(source):
                        refused_things_in(source.replace("\u2019", "'"))
                        ended(Reason(source, "", source, False))
                read += 1
    return read
