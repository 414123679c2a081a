"""A line that dropped its subject, read again with the speaker as its doer.

Diary lines and chat often leave out the "I" ("Ran the parkrun in 27 minutes", "Won £50 on the sweepstake",
"Finished The Salt Path last night", "cant do shellfish"). Alone, the parser misreads such a line: its opening verb
is tagged an order (VB), a noun ("Won" as the currency) or a name, and it has no subject to hang the deed on. Read
again as "I <line>" (its first letter lower-cased: the capital was the sentence's), the verb gets its doer and its
objects. When a line dropped its subject is each caller's own judgement (a bare opening verb with no subject, a past
verb, a negated auxiliary, a capitalised word the re-read then parses as the user's verb); this module only holds
the re-reading.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgmem.nlp import load_nlp

if TYPE_CHECKING:
    from spacy.tokens import Doc


def with_speaker(text: str) -> str:
    """``text`` told with the speaker as its subject: "I " before it, its first letter lower-cased ("Ran the parkrun"
    → "I ran the parkrun", "Can't do shellfish" → "I can't do shellfish")."""
    return f"I {text[:1].lower()}{text[1:]}"


def reread_as_speaker(text: str) -> Doc:
    """The parse of :func:`with_speaker` ``(text)`` (the process-wide pipeline of :mod:`kgmem.nlp`)."""
    return load_nlp()(with_speaker(text))
