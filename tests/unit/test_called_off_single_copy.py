""""Not happening / stopped" lives once, in ``kgmem/resources/lexicon/called_off.json`` (read by
``kgmem.lexicon.called_off``): the parse reader of event_calloff, the cancel role of
``kgmem.lexicon.events``, countable's called-off test and stale's stopped habits all take their
words from it (review13 M2: the same concept was kept in four lists).

The scan reads every string literal of kgmem's modules (alone, or the strings of one tuple, list,
set or dict) and every list of strings of kgmem's JSON resources, and flags one that names 3+ of
the lexicon's predicates in any of their forms ("called off", "scrapped", "fell through"). A
sentence's own word or two ("got cancelled at the last minute") passes.
"""

from __future__ import annotations

import ast
import json
import re
from typing import Any

import single_copy_scan as scan
from single_copy_scan import assert_no_new_copy, assert_pending_only_shrinks

from kgmem.lexicon import called_off
from kgmem.lexicon.events import event_roles

LEAST = 3
#: the lexicon itself, and the synthetic data generator (it writes text, it does not read it)
EXEMPT = ("resources/lexicon/called_off.json", "datasets/synthetic/")
#: copies not yet swapped for an import (owner's file); this list may only shrink — an entry whose
#: copy is gone fails the test below
PENDING: dict[str, str] = {
    "answer/pref_reasons.py": "pf14: a taste told as over ('gave up / stopped / quit being'), stale's stop sense",
    "lexicon/gone.py": "oe14: words after a value that say it is gone or off (memory/anchoring, entity_slot)",
    "extraction/zero/entity_subjects.py": "oe14: verbs that move a date ('postpone', 'delay', 'reschedule')",
    "extraction/zero/entity_turn.py": "oe14: verbs of a changed state ('postponed', 'delayed', 'cancelled')",
}


def _pattern(predicate: str, form: str) -> re.Pattern[str]:
    return re.compile(r"(?<![a-z])" + re.escape(form).replace(r"\ ", r"\s+") + r"(?![a-z])")


#: the not-happening senses' predicates, and the leaving senses' whose bare word says nothing else ("resigned",
#: "laid off", "gave up"; not "left", "sold", "returned": every-day verbs of other meanings)
_SCANNED = called_off.predicates() | called_off.predicates(*called_off.LEAVING, bare_only=True)
_FORMS = [(p, _pattern(p, f)) for p in _SCANNED for f in called_off.forms(p)
          if len(f) > 3 and f not in ("be off", "is off", "was off")]


def named(text: str) -> set[str]:
    """The lexicon's predicates a text names in some form (regex spacing read as a space)."""
    t = re.sub(r"\\s[+*]|\\s|\(\?:|[()|?+*]", " ", text.lower())
    return {p for p, pat in _FORMS if pat.search(t)}


def _py_groups(text: str) -> list[list[str]]:
    tree = ast.parse(text)
    docs = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant)}
    out = []
    for node in ast.walk(tree):
        if id(node) in docs:
            continue  # a docstring's examples are no word list
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            out.append([e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)])
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            out.append([node.value])
        elif isinstance(node, ast.Dict):  # a verb -> particle table ({"jack": "in", "give": "up"}) reads as its phrases
            pairs = [(k.value, v.value) for k, v in zip(node.keys, node.values) if isinstance(k, ast.Constant)
                     and isinstance(v, ast.Constant) and isinstance(k.value, str) and isinstance(v.value, str)]
            out.append([f"{k} {v}" for k, v in pairs])
        elif isinstance(node, ast.Call):  # a regex written over several literals, re.compile(r"…" r"…")
            out.append([a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)])
    return out


def _json_groups(data: Any) -> list[list[str]]:
    if isinstance(data, dict):
        return [g for k, v in data.items() if not k.startswith("_") and k != "about" for g in _json_groups(v)]
    if isinstance(data, list):
        strs = [v for v in data if isinstance(v, str)]
        return ([strs] if strs else []) + [g for v in data if not isinstance(v, str) for g in _json_groups(v)]
    return []


def _found(rel: str, text: str) -> list[str]:
    if "/sample/" in rel:
        return []
    groups = _py_groups(text) if rel.endswith(".py") else _json_groups(json.loads(text))
    return [", ".join(sorted(hit)) for g in groups if len(hit := named(" ; ".join(g))) >= LEAST]


def copies() -> dict[str, list[str]]:
    return scan.copies(_found, EXEMPT, suffixes=(".py", ".json"))


def test_called_off_words_live_once() -> None:
    assert_no_new_copy(copies(), PENDING, "read kgmem.lexicon.called_off instead of writing the words again")


def test_pending_list_only_shrinks() -> None:
    assert_pending_only_shrinks(copies(), PENDING)


def test_the_scan_sees_a_copy() -> None:
    assert named('W = ["scrapped", "called off", "rained off"]') == {"scrap", "call off", "rain off"}
    assert len(named(r'r"\b(?:fell\s+through|got\s+cancelled|pushed\s+back)\b"')) == 3
    assert len(named("The gig got cancelled at the last minute.")) < LEAST


def test_every_reader_takes_the_one_lexicon() -> None:
    """The cancel role, countable's and stale's words are the lexicon's forms, not lists of their own."""
    from kgmem.answer import countable, stale
    from kgmem.answer.event_calloff import _called_off_predicates

    assert {"called off", "scrapped", "postponed", "pushed back"} <= set(event_roles()["cancel"])
    assert "quit" not in event_roles()["cancel"]  # a word of another role (quitting starts an abstinence)
    assert countable._called_off().search("the Reepham show was rained off")
    assert stale.stale("I packed in the choir last spring") and not stale.stale("I stopped at the shop")
    assert {"be off", "push back", "delay"} <= _called_off_predicates()


def test_the_scan_sees_a_table_of_verbs_and_particles() -> None:
    """rev14 M5: a dict of verb -> particle ({"jack": "in"}) was never read, so a copy of that shape passed."""
    groups = _py_groups('_QUIT_WITH = {"jack": "in", "pack": "in", "give": "up", "walk": "out"}')
    assert any(len(named(" ; ".join(g))) >= LEAST for g in groups)
    assert named('W = frozenset({"resign", "retire", "step down"})') == {"resign", "retire", "step down"}
    assert not named('W = ["left", "sold", "returned"]')  # every-day verbs of other meanings are no copy


def test_every_reader_of_leaving_takes_the_one_lexicon() -> None:
    """rev14 M5: leaving a job or place, or letting a thing go, was kept in four lists."""
    from kgmem.extraction.zero import leaving
    from kgmem.extraction.zero.lexicon import DEPART, LETTING_GO

    assert DEPART == called_off.lemmas("depart") and LETTING_GO == called_off.lemmas("let_go")
    assert {"resign", "lay", "step"} <= leaving.ENDING["works_at"]
    assert called_off.says("walk", {"out"}, "leave_work") and not called_off.says("walk", {"to"}, "leave_work")
    assert called_off.says("lose", {"job"}, "leave_work") and not called_off.says("lose", {"key"}, "leave_work")
    assert not {"resign", "sell", "leave"} & called_off.predicates()  # a reader naming no sense gets no leaving verb
    assert "quit" in called_off.predicates("stop", "leave_work")


def test_inflection_by_rule() -> None:
    assert called_off.forms("scrap") == ("scrap", "scrapped")
    assert called_off.forms("cry off") == ("cry off", "cried off")
    assert called_off.forms("fall through", base=False) == ("fell through", "fallen through")
    assert called_off.forms("quit", base=False) == ("quit",)
    assert called_off.verb_forms("abandon") == ("abandon", "abandoned")
