"""``--help`` on the extraction-set benches explains them; it must not run them (a held-out bench
run by a newcomer checking its options would be a held-out reading nobody chose to make)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "eval"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_extraction as synthetic  # noqa: E402
import bench_extraction_heldout as heldout  # noqa: E402
import bench_extraction_sets as sets  # noqa: E402


@pytest.mark.parametrize("bench", [sets, heldout], ids=["sets", "heldout"])
def test_help_does_not_run_the_bench(bench: Any, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    def refuse() -> None:
        raise AssertionError("--help ran the bench")

    monkeypatch.setattr(bench, "run", refuse)
    with pytest.raises(SystemExit) as stop:
        bench.main(["--help"])
    assert stop.value.code == 0
    assert "usage:" in capsys.readouterr().out


@pytest.mark.parametrize("family", ["heldout2", "heldout3"])
def test_the_held_out_family_s_misses_are_refused_before_anything_runs(family: str) -> None:
    # heldout2 and heldout3 stay held out: asking for their per-fact misses stops before a haystack is read
    with pytest.raises(SystemExit, match="held out"):
        synthetic.run("no-such-split", "rules", 10, show_family=family)
    assert "heldout" not in synthetic.HELD_OUT  # the first family is a development family since session 8
    assert "dev3" not in synthetic.HELD_OUT  # written from heldout2's brief to be read (session 17)
