"""The words by which the speaker names themself live once, in :mod:`kgmem.lexicon.people` (``USER_SUBJECTS``
"i"/"we", ``USER_OBJECTS`` "me"/"us", ``USER_POSSESSIVES`` "my"/"our", ``USER_OWN`` "mine"/"ours",
``USER_REFLEXIVES`` "myself"/"ourselves"), and the parse tests repeated over them ("a token with a my/our
possessive", "a verb whose subject is I/we") once, in :mod:`kgmem.nlp` (``is_user``, ``has_user_subject``,
``has_user_object``, ``has_user_possessor``, ``has_other_possessor``).

The scan reads every tuple, list and set of string literals in kgmem's modules and flags one that holds a
singular/plural pair of the speaker's words (("my", "our"), ("i", "we"), ("me", "us"), ...) where those words
are at least half of it: a copy of the speaker's words. A longer list of other words that happens to hold a
pair (a stopword list, a frame's fixed words) passes. It also flags a module outside :mod:`kgmem.nlp` that
writes one of the helpers' tests out again.
"""

from __future__ import annotations

import ast
import re

import pytest
import single_copy_scan as scan
from single_copy_scan import assert_no_new_copy, assert_pending_only_shrinks

from kgmem.lexicon import people

#: the lexicon itself, and the synthetic data generator (it writes text, it does not read it)
EXEMPT = ("lexicon/people.py", "datasets/synthetic/")
#: copies not yet swapped for an import (owner's file); this list may only shrink — an entry whose copy is gone
#: fails the test below
PENDING: dict[str, str] = {}

_PAIRS = (people.USER_SUBJECTS, people.USER_OBJECTS, people.USER_POSSESSIVES, people.USER_OWN, people.USER_REFLEXIVES)
_SPEAKER = frozenset().union(*_PAIRS)
#: the parse tests kgmem.nlp's helpers make, written out again (any dependency variable, any owner)
_HELPER_TESTS = {
    "has_user_possessor / has_other_possessor": re.compile(
        r'(\w+)\.dep_ == "poss" and \1\.lower_ (?:not )?in (?:people\.)?USER_POSSESSIVES for \1 in \w+\.children'),
    "has_user_subject": re.compile(
        r'(\w+)\.dep_ == "nsubj" and \1\.lower_ in (?:people\.)?USER_SUBJECTS for \1 in \w+\.children'),
    "has_user_object": re.compile(
        r'(\w+)\.dep_ in \("(?:dobj|dative)", "(?:dobj|dative)"\) and \1\.lower_ in (?:people\.)?USER_OBJECTS'
        r' for \1 in \w+\.children'),
    "is_user": re.compile(r'(\w+)\.dep_ == "conj" and \1\.lower_ in (?:people\.)?USER_SINGULAR'),
}


def copies_in(text: str) -> list[str]:
    """``line: words`` for each literal group of a module that copies the speaker's words."""
    found = []
    for node in ast.walk(ast.parse(text)):
        if not isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            continue
        strs = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
        mine = {s.lower() for s in strs} & _SPEAKER
        if any(pair <= mine for pair in _PAIRS) and 2 * len([s for s in strs if s.lower() in mine]) >= len(strs):
            found.append(f"{node.lineno}: {sorted(mine)}")
    for name, pattern in _HELPER_TESTS.items():
        found += [f"{text.count(chr(10), 0, m.start()) + 1}: {name} written out" for m in pattern.finditer(text)]
    return found


def _found(rel: str, text: str) -> list[str]:
    if rel == "nlp.py":  # the helpers themselves are the one copy
        text = text[:text.index("\ndef is_user(")]
    return copies_in(text)


def test_no_second_copy_of_the_speakers_words() -> None:
    assert_no_new_copy(scan.copies(_found, EXEMPT), PENDING,
                       "use kgmem.lexicon.people's USER_* sets / kgmem.nlp's helpers instead")


def test_pending_list_only_shrinks() -> None:
    assert_pending_only_shrinks(scan.copies(_found, EXEMPT), PENDING)


def test_the_scan_sees_a_copy() -> None:
    assert copies_in('X = c.lower_ in ("my", "our")\n') == ["1: ['my', 'our']"]
    assert copies_in('S = frozenset({"i", "me", "we", "us", "myself"})\n') == ["1: ['i', 'me', 'myself', 'us', 'we']"]
    assert copies_in('S = ("me", "us", "myself", "ourselves", "everything", "stuff")\n')
    assert copies_in('S = ("they", "it", "we", "i")\n')
    # a pair among more other words, or no pair at all, is no copy
    assert copies_in('S = ("i", "we", "it", "that", "this", "he", "she", "they", "you", "there")\n') == []
    assert copies_in('S = ("i", "my", "what", "which")\n') == []
    assert copies_in('S = ("i", "me", "myself")\n') == []
    assert copies_in('x = any(c.dep_ == "poss" and c.lower_ in USER_POSSESSIVES for c in t.children)\n')
    assert copies_in('x = any(k.dep_ == "poss" and k.lower_ not in people.USER_POSSESSIVES for k in tok.children)\n')
    assert copies_in('x = any(c.dep_ in ("dative", "dobj") and c.lower_ in USER_OBJECTS for c in v.children)\n')
    assert copies_in('x = any(c.dep_ == "poss" and c.lower_ in USER_POSSESSIVES for c in doc)\n') == []


def test_the_sets_compose() -> None:
    assert people.USER_PRONOUNS == people.USER_SUBJECTS | people.USER_OBJECTS
    assert people.USER_SINGULAR < people.USER_PRONOUNS
    assert all(len(pair) == 2 for pair in _PAIRS)


@pytest.mark.parametrize(("text", "word", "user", "subject", "obj", "mine", "other"), [
    ("My sister and I moved to Leeds.", "sister", True, False, False, True, False),
    ("We adopted a cat.", "adopted", False, True, False, False, False),
    ("Acme hired me last week.", "hired", False, False, True, False, False),
    ("Tom's dog bit our neighbour.", "dog", False, False, False, False, True),
    ("Our flat is small.", "flat", False, False, False, True, False),
])
def test_the_helpers_read_a_parse(text: str, word: str, user: bool, subject: bool, obj: bool, mine: bool,
                                  other: bool) -> None:
    from kgmem.nlp import (
        has_other_possessor,
        has_user_object,
        has_user_possessor,
        has_user_subject,
        is_user,
        load_nlp,
    )

    tok = next(t for t in load_nlp()(text) if t.lower_ == word)
    assert (is_user(tok), has_user_subject(tok), has_user_object(tok), has_user_possessor(tok),
            has_other_possessor(tok)) == (user, subject, obj, mine, other)
