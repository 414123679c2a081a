"""Registry facts told by the clause's own verb, where the meaning stage proposed none.

A clause about the user that stored nothing else becomes an open fact ("We live in Leadville now and
everything cooks weird up here" → ``live_in`` = Leadville): the meaning stage scored the whole
clause, and its other words pulled the score away. When the clause's content verb is one of a
registry predicate's own words (the registry's ``cues``: live → lives_in, read → read_book,
drive → drives, enjoy → likes; and the parse readers' verb classes: stream → watched, catch →
attended) and the clause holds a value of that predicate's kind that passes
the predicate's checks, the fact is that predicate's instead: typed, so a single-valued slot
supersedes ("live_in" never would). A verb several predicates name is tried by the clause's meaning
scores, best first; with no value of a matching kind the open fact stands.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from datetime import datetime

import numpy as np

from kgmem import predicates
from kgmem.extraction.schema import CandidateFact
from kgmem.extraction.zero.checks import IMAGINED
from kgmem.extraction.zero.clauses import Clause
from kgmem.extraction.zero.facts import make_fact
from kgmem.extraction.zero.lexicon import ATTEND, PURCHASE, READ, STATIVE, WATCH
from kgmem.extraction.zero.meaning import EVENTIVE, eligible, reading, told_as_past, typed_value
from kgmem.extraction.zero.phrases import canonical
from kgmem.extraction.zero.proposals import Proposer
from kgmem.extraction.zero.sentences import Sentence, best_time

#: predicates a verb alone never says (a dated happening; what the assistant said)
_NOT_BY_VERB = frozenset({"event", "assistant_recommended", "assistant_stated"})
#: verbs too light to name a relation ("Had a dentist appointment" owns nothing; "got" buys nothing alone)
_LIGHT = frozenset({"be", "have", "get", "go", "make", "take", "do", "see"})
CONFIDENCE = 0.65
#: the parse readers' verb classes (lexicon.py) name the same predicates as the registry's cues: a verb
#: of either is one of that predicate's words ("streamed Andor" → watched, "caught a quiz night" → attended)
_VERB_CLASSES: dict[str, frozenset[str]] = {"watched": WATCH, "read_book": READ, "bought": PURCHASE, "attended": ATTEND}


@functools.cache
def predicates_by_verb() -> dict[str, tuple[str, ...]]:
    """Registry predicates about the user by each one-word cue of theirs ("live" → lives_in)."""
    out: dict[str, list[str]] = defaultdict(list)
    for p in predicates.REGISTRY.values():
        if p.name in _NOT_BY_VERB:
            continue
        for cue in sorted(set(p.cues) | _VERB_CLASSES.get(p.name, frozenset())):
            if " " not in cue and cue not in _LIGHT and p.name not in out[cue]:
                out[cue].append(p.name)
    return {k: tuple(v) for k, v in out.items()}


def verb_slot_fact(sent: Sentence, date: datetime, clause: Clause, row: np.ndarray | None,
                   proposer: Proposer | None) -> CandidateFact | None:
    """The registry fact the clause's verb names, with a value of its kind (else None)."""
    v = clause.head
    if clause.about != "user" or v.pos_ != "VERB" or IMAGINED.search(sent.text) \
            or eligible(clause, sent.question) != "ok":
        return None  # "Suppose I earned 90k…" states no salary (the meaning stage's checks hold here too)
    names = predicates_by_verb().get(v.lemma_.lower(), ())
    if not names:
        return None
    score = dict(zip(proposer.labels, row.tolist())) if proposer is not None and row is not None else {}
    for name in sorted(names, key=lambda n: -score.get(n, 0.0)):
        name = reading(name, clause)
        pred = predicates.get(name)
        if pred is None or pred.name in EVENTIVE and not told_as_past(clause, best_time(sent.times)):
            continue
        value = typed_value(pred.name, pred.kind, clause)
        if value is None:
            continue
        fact = canonical(make_fact(sent, pred.name, value[0], value[1], pred.name not in STATIVE, best_time(sent.times),
                                   date, confidence=CONFIDENCE))
        if fact is not None:
            return fact
    return None
