"""Calendar, number and kin words and the titles written with a full stop live once, in
``kgmem/resources/lexicon`` (read by ``kgmem.lexicon.calendar`` / ``numbers`` / ``people``): no module
of kgmem writes its own table of month names, weekday names, number words, kin words or titles again.

The scan reads every string literal of kgmem's modules (alone, or the strings of one tuple, list,
set or dict) and flags one that holds most of a table: 4+ month names, 6+ month abbreviations,
5+ weekday names, 5+ weekday abbreviations ("tues", "thur", "sat"), 8+ number words, 8+ kin/partner words or 6+ titles and abbreviations as written
("Dr", "St", "Sir": people.titles() and abbreviations()). A phrase's own few words ("spent two
or three days", "my mum or dad") pass.
"""

from __future__ import annotations

import ast
import re

import single_copy_scan as scan
from single_copy_scan import assert_no_new_copy, assert_pending_only_shrinks

from kgmem.lexicon import calendar, numbers, people

#: trees that may keep words of their own: the lexicon itself, and the synthetic data generator
#: (it writes text, it does not read it)
EXEMPT = ("lexicon/", "datasets/synthetic/")
#: copies not yet swapped for an import (owner's file; see /work/coord/notes/dup8.md); this list
#: may only shrink — an entry whose copy is gone fails the test below
PENDING: dict[str, str] = {
    "extraction/zero/inference.py": "x13j: kin words",
    "extraction/zero/sentences.py": "x13j: kin words",
    "retrieval/question.py": "lat8: kin words",
    "retrieval/subject.py": "lat8: kin words",
}

_MONTHS = set(calendar.MONTHS)
_ABBR = {k for k in calendar.MONTH_NUMBERS if len(k) <= 4}
_WEEKDAYS = set(calendar.WEEKDAYS)
_WEEKDAY_ABBR = set(calendar.WEEKDAY_ABBREVIATIONS)
_NUMBERS = {w for w, n in numbers.UNITS.items() if n > 0} | set(numbers.TENS)
_KIN = set(people.words("kin", "kin_groups", "partners"))
#: titles and abbreviations written with a full stop ("Dr.", "St.", "Mrs."), matched as written (case kept)
_TITLES = set(people.titles()) | set(people.abbreviations())


def _literal_groups(tree: ast.AST) -> list[tuple[int, list[str]]]:
    out = []
    for node in ast.walk(tree):
        strs: list[str] = []
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            strs = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
        elif isinstance(node, ast.Dict):
            strs = [k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)]
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            strs = [node.value]
        elif isinstance(node, ast.JoinedStr):
            strs = [v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)]
        if strs:
            out.append((getattr(node, "lineno", 0), strs))
    return out


def copies_in(text: str) -> list[str]:
    """``line: what`` for each literal (group) of a module that holds a calendar or number table."""
    found = []
    for line, strs in _literal_groups(ast.parse(text)):
        words = {w for s in strs for w in re.findall(r"[a-z][a-z-]*", s.lower())}
        # the names written as a regex of their stems: "(?:mon|tues|wednes|thurs|fri|satur|sun)day"
        words |= {stem + "day" for s in strs for alts in re.findall(r"\(\?:([a-z|]+)\)day", s.lower())
                  for stem in alts.split("|")}
        kinds = [name for name, table, least in (("months", _MONTHS, 4), ("month abbreviations", _ABBR, 6),
                                                 ("weekdays", _WEEKDAYS, 5), ("number words", _NUMBERS, 8),
                                                 ("weekday abbreviations", _WEEKDAY_ABBR, 5), ("kin words", _KIN, 8))
                 if len(words & table) >= least]
        # a regex's "\\bSt\\." keeps its word boundary out of the title it guards
        titled = {w for st in strs for w in re.findall(r"[A-Za-z]+", st.replace("\\b", " ")) if w in _TITLES}
        if len(titled) >= 6:
            kinds.append("titles and abbreviations")
        if kinds:
            found.append(f"{line}: {', '.join(kinds)}")
    return found


def _found(rel: str, text: str) -> list[str]:
    return copies_in(text)


def test_no_second_copy_of_calendar_or_number_words() -> None:
    assert_no_new_copy(scan.copies(_found, EXEMPT), PENDING,
                       "import kgmem.lexicon.calendar / numbers instead of writing the words again")


def test_pending_list_only_shrinks() -> None:
    assert_pending_only_shrinks(scan.copies(_found, EXEMPT), PENDING)


def test_the_scan_sees_a_copy() -> None:
    assert copies_in('M = ("january", "february", "march", "april")\n') == ["1: months"]
    assert copies_in('R = r"(?:mon|tue)|monday|tuesday|wednesday|thursday|friday"\n') == ["1: weekdays"]
    assert copies_in('R = r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?$"\n') == ["1: weekdays, weekday abbreviations"]
    stems = 'R = r"(?:mon|tues|tue|wednes|weds|wed|thurs|thur|thu|fri|satur|sat|sun)(?:day)?"\n'
    assert copies_in(stems) == ["1: weekday abbreviations"]
    assert copies_in('D = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")\n') == ["1: weekday abbreviations"]
    assert copies_in('S = "sat in the sun on the mon"\n') == []
    assert copies_in('N = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10}\n')
    assert copies_in('S = r"spent\\s+(?:a|two|three|ten)\\s+days"\n') == []
    assert copies_in('K = r"my (?:mum|dad|sister|brother|aunt|uncle|cousin|half-sister|grandma)"\n') == ["1: kin words"]
    assert copies_in('K = r"my (?:mum|dad)"\n') == []
    regex = 'T = re.compile(r"(?<![.])(?<!\\bSt\\.)(?<!\\bMt\\.)(?<!\\bDr\\.)(?<!\\bMr\\.)(?<!\\bMs\\.)(?<!\\bJr\\.)")\n'
    assert copies_in(regex) == ["1: titles and abbreviations"]
    assert copies_in('T = {"St", "Mt", "Dr", "Ft", "Mr", "Mrs", "Ms"}\n') == ["1: titles and abbreviations"]
    assert copies_in('T = ("Street", "Mount", "st", "dr", "mr", "ms", "jr")\n') == []


def test_a_title_written_short_keeps_its_stop_and_one_written_whole_ends_a_sentence() -> None:
    """Both sentence splitters read people.abbreviations(): "Dr." ends no sentence, "Sir." does (rev18 L5)."""
    from kgmem.answer.evidence import SENT_SPLIT
    from kgmem.extraction.zero.sentences import _SENT_SPLIT

    assert {"Mr", "Mrs", "Dr", "Mx", "Prof", "St", "vs"} <= set(people.abbreviations())
    assert not {"Sir", "Miss", "Dame", "Professor"} & set(people.abbreviations())
    for splitter in (SENT_SPLIT, _SENT_SPLIT):
        assert splitter.split("Met Dr. Patel today. It went well.") == ["Met Dr. Patel today.", "It went well."]
        assert splitter.split("We call him Sir. He loves it.") == ["We call him Sir.", "He loves it."]


def _pronoun_tables(text: str) -> list[int]:
    """Lines of the literal groups (a set, tuple or list of strings) that are exactly the user's pronouns
    ("i", "we", "me", "us") or a third person's ("he", "she", "him", "her")."""
    tables = (people.USER_PRONOUNS, people.THIRD_PERSON_PRONOUNS)
    return sorted(node.lineno for node in ast.walk(ast.parse(text)) if isinstance(node, (ast.Tuple, ast.List, ast.Set))
            and {e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)} in tables
            and len(node.elts) == 4)


def test_no_second_copy_of_the_pronoun_tables() -> None:
    """The user's pronouns and a third person's are kgmem.lexicon.people.USER_PRONOUNS / THIRD_PERSON_PRONOUNS,
    imported wherever a reader asks whose a line is (five modules kept their own copy until session 21)."""
    assert _pronoun_tables('U = frozenset({"me", "us", "i", "we"})\nH = ("he", "she", "him", "her")\n') == [1, 2]
    assert _pronoun_tables('W = {"i", "we", "me", "us", "myself"}\n') == []
    copies = scan.copies(lambda rel, text: [str(n) for n in _pronoun_tables(text)], EXEMPT)
    assert not copies, f"import the pronoun tables from kgmem.lexicon.people: {copies}"


def test_the_people_of_the_users_own_life_are_not_the_ones_who_serve_them() -> None:
    own = people.own_life_people()
    assert {"sister", "parents", "wife", "ex", "friend"} <= own
    assert not {"landlord", "plumber", "dentist", "guy"} & own
