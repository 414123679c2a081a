"""eval/abstain_gates.py: which rows --list may show one by one (development data only)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from eval.abstain_gates import DEV_FAMILIES, listable  # noqa: E402


def test_development_families_are_listed_and_held_out_ones_never(tmp_path: Path) -> None:
    rows = [{"question_id": f"q{k}", "template_family": fam} for k, fam in
            enumerate(("dev", "heldout", "dev3", "heldout2", "heldout3"))]
    assert [r["template_family"] for r in listable(tmp_path, rows)] == ["dev", "heldout", "dev3"]
    assert not DEV_FAMILIES & {"heldout2", "heldout3"}


def test_a_run_of_no_development_set_is_refused(tmp_path: Path) -> None:
    (tmp_path / "manifest.json").write_text(json.dumps({"split_tag": "heldout_v3"}), encoding="utf-8")
    with pytest.raises(SystemExit):
        listable(tmp_path, [{"question_id": "q1"}])
    (tmp_path / "manifest.json").write_text(json.dumps({"split_tag": "dev11"}), encoding="utf-8")
    assert listable(tmp_path, [{"question_id": "q1"}]) == [{"question_id": "q1"}]
