"""scripts/test.sh runs the tests marked ``neo4j`` in one process over tests/ less tests/unit, beside all the
others on every core (``-m "not neo4j"``): a unit test with the mark would run in neither, so none may carry it
(unit tests use temp-dir networkx stores; the Neo4j contract lives in tests/store)."""

from __future__ import annotations

import re
from pathlib import Path

UNIT = Path(__file__).resolve().parent
_MARK = re.compile(r"\bmark\.neo4j\b|marks\s*=\s*[^)\n]*neo4j")


def test_no_unit_test_needs_the_server() -> None:
    marked = [p.name for p in sorted(UNIT.glob("*.py")) if p.name != Path(__file__).name
              and _MARK.search(p.read_text(encoding="utf-8"))]
    assert not marked, f"unit tests marked neo4j (scripts/test.sh would run them nowhere): {marked}"


def test_the_pattern_finds_the_ways_a_test_is_marked() -> None:
    assert _MARK.search("@pytest.mark.neo4j\ndef test_x(): ...")
    assert _MARK.search('pytest.param("neo4j", marks=pytest.mark.neo4j)')
    assert not _MARK.search('Settings(neo4j_home=tmp_path / "neo")')
