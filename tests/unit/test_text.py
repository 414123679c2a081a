"""One text-normalisation module: folding, tokens and the word lists every layer shares."""

from __future__ import annotations

import ast
from pathlib import Path

from kgmem import text
from kgmem.text import fold, tokenize, words

KGMEM = Path(__file__).resolve().parents[2] / "kgmem"


def test_fold_makes_case_accent_and_width_variants_one_word() -> None:
    assert fold("Valparaíso") == fold("VALPARAISO") == "valparaiso"
    assert fold("Straße") == "strasse"
    assert fold("ﬁancée ２０２３") == "fiancee 2023"  # ligature and full-width digits
    assert fold("İstanbul") == "istanbul"  # casefold's combining dot goes too


def test_tokenize_drops_stopwords_and_keeps_content_words() -> None:
    assert tokenize("I moved to Valparaíso, and I LOVE it!") == ["moved", "valparaiso", "love"]
    assert tokenize("I don't know") == ["know"]  # "don", "t" are contraction fragments
    assert words("I don't") == ["i", "don", "t"]


def test_word_lists_are_named_subsets_of_one_base() -> None:
    assert text.FUNCTION_WORDS < text.STOPWORDS
    assert text.FUNCTION_WORDS < text.QUESTION_STOPWORDS
    assert {"remind", "ago", "days"} <= text.QUESTION_STOPWORDS - text.STOPWORDS
    assert {"herself", "don", "t"} <= text.STOPWORDS - text.QUESTION_STOPWORDS
    assert {"because", "yesterday", "—"} <= text.PHRASE_BREAKS


def test_no_other_module_spells_out_a_word_list_or_folds_by_hand() -> None:
    # the word lists and the accent folding live only in kgmem/text.py (ids.normalise_name keeps
    # its own order of steps: changing it would change every stored id)
    offenders = []
    for path in sorted(KGMEM.rglob("*.py")):
        rel = path.relative_to(KGMEM).as_posix()
        if rel in {"text.py", "ids.py"}:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr == "combining":
                offenders.append(f"{rel}:{node.lineno} folds accents by hand")
            if isinstance(node, (ast.Assign, ast.AnnAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                names = [t.id for t in targets if isinstance(t, ast.Name)]
                value = node.value
                # a word list is a collection literal or set()/frozenset() of one, not any name with "stop" in it
                is_list = isinstance(value, (ast.Set, ast.List, ast.Tuple)) or (
                    isinstance(value, ast.Call) and isinstance(value.func, ast.Name)
                    and value.func.id in {"set", "frozenset"})
                if is_list and any("STOP" in n.upper() for n in names):
                    offenders.append(f"{rel}:{node.lineno} defines a stopword list {names}")
    assert offenders == []
