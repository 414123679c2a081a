"""kgmem.packaged: the one reader of the data files under kgmem/resources/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kgmem import packaged

KGMEM = Path(__file__).resolve().parents[2] / "kgmem"


def test_a_file_is_parsed_once_and_shared() -> None:
    first = packaged.json_data("lexicon", "event_roles.json")
    assert "structure" in first and "same_past_verbs" in first["structure"]
    assert packaged.json_data("lexicon", "event_roles.json") is first


def test_entries_leave_out_the_comment_keys() -> None:
    raw = packaged.json_data("lexicon", "counting.json")
    assert any(k.startswith("_") for k in raw), "the file documents itself in _ keys"
    kept = packaged.entries("lexicon", "counting.json")
    assert kept and not any(k.startswith("_") for k in kept)
    assert set(kept) == {k for k in raw if not k.startswith("_")}


def test_a_malformed_file_is_an_error_naming_the_file_and_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{\n  "a": [1, 2,\n}\n', encoding="utf-8")
    monkeypatch.setattr(packaged, "path", lambda *parts: tmp_path.joinpath(*parts))
    packaged.json_data.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"bad\.json: line 3"):
            packaged.json_data("bad.json")
    finally:
        packaged.json_data.cache_clear()


def test_no_other_module_opens_the_package_resources_itself() -> None:
    """The package path of the data files is written once (kgmem/packaged.py)."""
    opener = re.compile(r"resources\.files\(\s*[\"']kgmem[\"']\s*\)")
    others = [str(p.relative_to(KGMEM)) for p in KGMEM.rglob("*.py")
              if p.name != "packaged.py" and opener.search(p.read_text(encoding="utf-8"))]
    assert others == []
