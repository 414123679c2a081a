"""The question path's memoised pure work (latency, issue #14) gives what the uncached code gives.

Each cache is checked on invented lines (other people's doings, plans, declines, habits, dictated
punctuation, run-ons): the cached call, asked twice, equals the function it wraps called fresh,
and what a caller gets back may be changed without changing the next caller's answer.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from kgmem.answer import actuality as act
from kgmem.answer import evidence, match
from kgmem.models import Turn
from kgmem.text import tokenize

LINES = [
    "My neighbour Priya repainted her fence last weekend, and I lent her a ladder.",
    "I'm thinking of signing up for a bouldering class next month.",
    "We decided not to renew the allotment; the waiting list was huge.",
    "Every Thursday I walk the dogs along the canal before work.",
    "Honestly, my brother-in-law sold his motorbike to a guy from Leeds.",
    "booked the dentist for Tuesday full stop can you remind me what to ask question mark",
    "Got the sourdough starter going again Anyway, what flour would you use?",
    "They moved me to the night shift after the audit.",
    "Could you suggest a gift for my aunt who knits?",
    "I almost bought the second-hand kayak but passed; my cousin Tomás got it instead.",
]


@pytest.mark.parametrize("line", LINES)
def test_actuality_cached_equals_uncached(line: str) -> None:
    fresh = act.actuality.__wrapped__(line)
    assert act.actuality(line) == fresh
    assert act.actuality(line) == fresh  # the kept answer, asked again
    assert act._core(line) == act._core.__wrapped__(line)


def test_actuality_reads_each_kind() -> None:
    """The kept readings still tell the kinds apart (a cache keyed wrongly would not)."""
    kinds = [act.actuality(s) for s in (LINES[1], LINES[2], LINES[8], LINES[4], LINES[3])]
    assert kinds == ["plan", "negated", "request", "other", "actual"]


@pytest.mark.parametrize("line", LINES)
def test_terms_and_norm_cached_equal_uncached(line: str) -> None:
    toks = tokenize(line)
    assert [match.norm(t) for t in toks] == [match.norm.__wrapped__(t) for t in toks]
    want = {match.norm.__wrapped__(t) for t in toks}
    got = match.terms(line)
    assert got == want
    got.add("zzz-not-a-word")  # a caller changing its set changes no one else's
    got.clear()
    assert match.terms(line) == want


@pytest.mark.parametrize("text", [" ".join(LINES[:4]), LINES[5], LINES[6], "\n".join(LINES[7:])])
def test_split_sentences_cached_equals_uncached(text: str) -> None:
    fresh = list(evidence._sentences.__wrapped__(text))
    first = evidence.split_sentences(text)
    assert first == fresh
    first.append("changed by a caller")
    assert evidence.split_sentences(text) == fresh


@pytest.mark.parametrize("role", ["user", "assistant"])
def test_lines_of_cached_equals_uncached(role: str) -> None:
    text = " ".join(LINES)
    turn = Turn(id="s1:0", session_id="s1", idx=0, role=role, text=text)
    said = datetime(2024, 3, 9, 10, 0)
    want = [c for sent in evidence._sentences.__wrapped__(text)
            for c in (act.clauses(sent) if role == "user" else [sent])]
    for _ in range(2):
        lines = evidence.lines_of(turn, said, 0.5)
        assert [ln.text for ln in lines] == want
        assert [ln.position for ln in lines] == list(range(len(want)))
        assert all(ln.said_at == said and ln.score == 0.5 and ln.role == role for ln in lines)
    # two turns with the same text get lines of their own (Line objects are never shared)
    other = Turn(id="s2:3", session_id="s2", idx=3, role=role, text=text)
    a, b = evidence.lines_of(turn, said), evidence.lines_of(other, said)
    assert all(x is not y for x, y in zip(a, b)) and {ln.turn_id for ln in b} == {"s2:3"}


def _contains_name_uncached(name: str, text: str) -> bool:
    a, b = tokenize(name), tokenize(text)
    n = len(a)
    if not a:
        return True
    return any(b[i: i + n] == a for i in range(len(b) - n + 1)) or (n > 1 and len(a[0]) > 3 and a[0] in b)


@pytest.mark.parametrize("name", ["Priya", "Tomás", "Tomas Ruiz", "Leeds", "British Airways", "the", "Valparaíso"])
def test_contains_name_cached_equals_uncached(name: str) -> None:
    for line in LINES:
        assert match.contains_name(name, line) == _contains_name_uncached(name, line)
    assert match.contains_name("Tomas Ruiz", LINES[9])  # shortened to its first word, accents folded
    assert not match.contains_name("Ruiz", LINES[9])


@pytest.mark.parametrize("line", LINES)
def test_person_words_cached_equals_uncached(line: str) -> None:
    from kgmem.answer import pref_whose

    assert pref_whose._person_words(line) == pref_whose._person_words.__wrapped__(line)
    assert pref_whose._person_words(line) == pref_whose._person_words.__wrapped__(line)


def test_person_words_reads_people() -> None:
    from kgmem.answer import pref_whose

    assert {"priya", "her"} <= pref_whose._person_words(LINES[0])
    assert "brother-in-law" in pref_whose._person_words(LINES[4]) or "brother" in pref_whose._person_words(LINES[4])
    assert not pref_whose._person_words(LINES[2])  # "we" and things: no one else
