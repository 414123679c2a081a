"""eval/perturb_devset.py: perturbed copies of a development answer set change the questions only.

Deterministic by seed, haystacks and every other field byte-identical, the typo touches names
only (one edit each), the reword map swaps synonyms and keeps case, held-out sets are refused.
The questions below are invented; dev3.json is a development set.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from script_loader import load_script

ROOT = Path(__file__).resolve().parents[2]
pert = load_script(ROOT / "eval" / "perturb_devset.py", "perturb_devset")
DEV3 = ROOT / "eval" / "devsets" / "dev3.json"


def _one_edit(a: str, b: str) -> bool:
    """Damerau distance exactly 1 (insertion, deletion, substitution or adjacent swap)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _rows() -> list[dict[str, object]]:
    return [{"question_id": f"x_q{i}", "question": q, "haystack_sessions": [[{"role": "user", "content": "hi"}]]}
            for i, q in enumerate(["Which café did Priyanka and Tobias open in Whitstable?",
                                   "Where does Ron work on Mondays and in March?",
                                   "Ottoline said what? Ask Ottoline.", "what did my firm pay me"])]


@pytest.mark.parametrize("variant", pert.VARIANTS)
def test_same_seed_same_copy(variant: str) -> None:
    assert pert.perturb_rows(_rows(), variant, 3) == pert.perturb_rows(_rows(), variant, 3)
    # independent of the order of the questions
    assert pert.perturb_rows(_rows()[::-1], variant, 3) == pert.perturb_rows(_rows(), variant, 3)[::-1]


def test_other_seed_other_typos() -> None:
    copies = {tuple(r["question"] for r in pert.perturb_rows(_rows(), "typo", seed)) for seed in range(6)}
    assert len(copies) > 1


def test_typo_changes_names_only_by_one_edit() -> None:
    q = "Which café did Priyanka and Tobias open in Whitstable? Ask Ron on Saturdays."
    for seed in range(30):
        out = pert.perturb_question(q, "typo", random.Random(seed))
        before, after = q.split(), out.split()
        assert len(before) == len(after)
        changed = {a for a, b in zip(before, after, strict=True) if a != b}
        assert changed == {"Priyanka", "Tobias", "Whitstable?"}  # not "Which"/"Ask" (sentence starts),
        for a, b in zip(before, after, strict=True):              # "Ron" (3 letters), "Saturdays"
            if a != b:
                assert a[0] == b[0] and _one_edit(a, b), (a, b)


def test_typo_word_always_differs() -> None:
    for seed in range(200):
        word = "Anna" if seed % 2 else "Llewellyn"
        out = pert.typo_word(word, random.Random(seed))
        assert out != word and _one_edit(word, out)


def test_lower_and_reword() -> None:
    rng = random.Random(0)
    assert pert.perturb_question("Where's Ron's NEW Job?", "lower", rng) == "where's ron's new job?"
    assert pert.perturb_question("which firm am I at", "reword", rng) == "which company am I at"
    assert pert.perturb_question("Holiday plans for my Company", "reword", rng) == "Vacation plans for my Firm"
    # a verb use of a noun entry stays ("I shop"), its noun use is swapped
    assert pert.perturb_question("where do I shop for the shop", "reword", rng) == "where do I shop for the store"
    assert pert.perturb_question("what reference manager did you recommend", "reword", rng) == \
        "what reference manager did you suggest"
    out = pert.perturb_question("Which firm did Priyanka join?", "all", random.Random(1))
    assert out.startswith("which company did p") and out != "which company did priyanka join?"


@pytest.mark.parametrize("variant", pert.VARIANTS)
def test_copy_changes_questions_only(variant: str, tmp_path: Path) -> None:
    path, changed = pert.write_copy(DEV3, variant, 0, tmp_path)
    assert path == tmp_path / variant / "dev3.json"  # same stem: the original's namespaces and stores
    original = json.loads(DEV3.read_text(encoding="utf-8"))
    copy = json.loads(path.read_text(encoding="utf-8"))
    assert len(copy) == len(original) and changed > 0
    n = 0
    for a, b in zip(original, copy, strict=True):
        assert list(a) == list(b)
        n += a["question"] != b["question"]
        for key in a:
            if key != "question":
                assert json.dumps(a[key], sort_keys=True) == json.dumps(b[key], sort_keys=True), key
    assert n == changed
    again, _ = pert.write_copy(DEV3, variant, 0, tmp_path / "again")
    assert again.read_bytes() == path.read_bytes()


def test_held_out_sets_refused() -> None:
    assert pert.dev_source("dev3") == DEV3
    for name in ("v1", "v4", "nonsense"):
        with pytest.raises(SystemExit):
            pert.dev_source(name)


def test_main_writes_every_variant(tmp_path: Path) -> None:
    assert pert.main(["--set", "dev3", "--out-dir", str(tmp_path), "--variants", "lower", "typo"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lower", "typo"]
    lowered = json.loads((tmp_path / "lower" / "dev3.json").read_text(encoding="utf-8"))
    assert all(r["question"] == r["question"].lower() for r in lowered)
