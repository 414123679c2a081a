"""A correction that names nothing continues an earlier conversation about a held slot (issue #13 item 7).

"He came back today and now he wants £520", "They rang and can't make Tuesday so it's Thursday at 10
now" (a week after "the electrician quoted £450…", "the boiler service is booked for Tuesday at 9"):
the sentence gives a new value and a word of change, but its "he" / "they" /
"it" has nothing to refer to in its own session, and no name of it is a person or thing memory knows.
People say such things when they pick up a thread they started earlier. The thread is found by
meaning, not by a word list: among the slots memory holds whose value is of the new value's class
(a time, an amount, a place…), the one whose first statement is closest to this sentence by the
MiniLM sentence embedding (:data:`FLOOR`), ahead of the next by :data:`~kgmem.memory.anchoring.MARGIN`.

Precision: only with a word of change (the probe's cue); only when the sentence names nothing (its
names hold no word: a sentence that names a thing is about that thing, "the gym has put the fee up to
£38 now" is not the plumber's quote — rev11's near misses, 13:37, which the first version got wrong);
never a slot whose current value the sentence says; only slots stated in an earlier session (the
holders); never when two slots of the class are about as close; when the sentence before it in the
same message named something, the pronoun is about that: only a thread that shares a word with it
(:func:`referred`; review11 H2, "Rang the garage about the MOT. They can't do Tuesday…"). With ONE held slot of the class there
is no second to beat, so the floor alone decides: a bare "they've moved it to Friday now" a week after
one other time-slot statement takes it when the sentences are about as close as FLOOR.

Found on two development pairs (entity_updates_dev2 oe2-036, dev3 oe3-001); its first run on au14's
dev4 (blind) read one more pair (oe4-001). A sentence that shares no word of its topic with the
thread stays below the floor (tests/unit/test_entity_continuation.py names one).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from kgmem.extraction.schema import SlotProbe
from kgmem.memory.entities import _name_words
from kgmem.memory.threads import first_sentence, thread_words
from kgmem.models import Entity, Fact

Embed = Callable[[Sequence[str]], np.ndarray]

#: the least cosine of the correction's sentence to the held slot's first sentence. Chosen on
#: invented sentences only (tests/unit/test_entity_continuation.py; no pair file): four true
#: continuations scored 0.23-0.44, four unrelated sentences of the same value class 0.18-0.24
FLOOR = 0.3


def referred(probe: SlotProbe, slots: Sequence[tuple[Entity, str, Fact]], before: str = "",
             generic: frozenset[str] = frozenset()) -> list[tuple[Entity, str, Fact]]:
    """The slots the probe's pronoun may go on about. When the sentence just before it in the same
    message (``before``) named something (a name of ``probe.context`` it says), "they"/"it" refers
    to that: only a thread whose names or first sentence say a word of it (not a ``generic`` word)
    — "Rang the garage about the MOT. They can't do Tuesday so it's Friday at 9" is the garage's,
    not the parents evening held (review11 H2); "Rang the boiler people. They can't do Tuesday…"
    goes on about the boiler service. A name said in an earlier message (another question asked
    in the same session) is no referent."""
    said = set(_name_words(before))
    named = {w for m in probe.context for w in _name_words(m) if w in said} - generic
    if not named:
        return list(slots)
    # a thread whose current value the probe names as the one that changes ("they can't do Tuesday
    # now so it's Friday 8:15" after "the MOT is Tuesday at 9:30") is the one it goes on about too
    own = set(_name_words(probe.text)) - generic
    return [s for s in slots if named & (thread_words(s[0], s[2]) - generic)
            or own & {w for w in _name_words(s[2].value or "") if w.isalpha() and len(w) > 2}]


def continued_slot(probe: SlotProbe, slots: Sequence[tuple[Entity, str, Fact]], embed: Embed,
                   margin: float, before: str = "",
                   generic: frozenset[str] = frozenset()) -> tuple[Entity, str, Fact] | None:
    """The one held slot (entity, attribute, fact) of ``slots`` this probe's sentence goes on
    about, by meaning; ``slots`` are those whose attribute takes a class of the probe's values,
    narrowed to those the sentence before it points to (:func:`referred`)."""
    slots = referred(probe, slots, before, generic)
    if not slots or not probe.text:
        return None
    vecs = np.asarray(embed([probe.text, *(first_sentence(f) for _, _, f in slots)]), dtype=float)
    vecs = vecs / np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-9)
    sims = vecs[1:] @ vecs[0]
    order = np.argsort(-sims)
    best = float(sims[order[0]])
    second = float(sims[order[1]]) if len(order) > 1 else -1.0
    if best < FLOOR or best - second < margin:
        return None
    return slots[int(order[0])]

