"""The CLI as a thin face over Memory: ``ingest`` and ``stats`` through Typer's CliRunner,
settings errors without tracebacks, choices checked by Typer, and a fast ``kgmem --help``.
(``kgmem browse`` needs a Neo4j server: tests/store/test_cli_browse.py.)"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kgmem.cli import app


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cli-home")


def run(home: Path, *args: str, **env: str):  # noqa: ANN201
    return CliRunner().invoke(app, list(args), env={"KGMEM_HOME": str(home), "KGMEM_STORE": "networkx", **env})


def test_ingest_writes_then_resumes_and_stats_counts_it(home: Path) -> None:
    res = run(home, "ingest", "--split", "sample", "--limit", "2", "--no-embed", "--json")
    assert res.exit_code == 0, res.output
    first = json.loads(res.stdout)  # stdout holds the result only; the progress bars went to stderr
    assert first["haystacks"] == 2 and first["users"] == 2 and first["store"] == "networkx"
    assert first["sessions_written"] == first["sessions_total"] > 0 and first["facts_added"] > 0
    again = json.loads(run(home, "ingest", "--split", "sample", "--limit", "2", "--no-embed", "--json").stdout)
    assert again["sessions_written"] == 0 and again["sessions_skipped"] == first["sessions_total"]

    stats = json.loads(run(home, "stats", "--json").stdout)
    assert stats["users"] == 2 and stats["sessions"] == first["sessions_total"]
    assert stats["facts"] >= first["facts_added"] - first["facts_merged"] > 0
    one = run(home, "stats", "--user", "12ad9409", "--json")  # a bare question_id names one namespace
    assert one.exit_code == 0, one.output
    assert json.loads(one.stdout)["user"] == "sample:12ad9409"
    table = run(home, "stats")
    assert table.exit_code == 0 and "supersessions" in table.stdout


def test_ingest_one_question_in_plain_text(home: Path) -> None:
    res = run(home, "ingest", "--split", "sample", "--question-id", "98878cf2_abs", "--no-embed")
    assert res.exit_code == 0, res.output
    assert res.stdout.startswith("1 haystack(s): 10 sessions written")
    res = run(home, "ingest", "--split", "sample", "--question-id", "no-such-question", "--no-embed")
    assert res.exit_code == 1 and "'no-such-question' is not in" in res.stderr


def test_errors_are_one_line_without_traceback(home: Path) -> None:
    res = run(home, "stats", "--user", "nobody")
    assert res.exit_code == 1 and "no user namespace 'nobody'" in res.stderr and "e.g. sample:" in res.stderr
    res = run(home, "stats", KGMEM_STORE="sqlite")
    assert res.exit_code == 1 and "from environment KGMEM_STORE" in res.stderr
    assert "Traceback" not in res.output
    (home / "config.toml").write_text("context_tokens = 'lots'\n")
    try:
        res = run(home, "ingest", "--split", "sample", "--limit", "1", "--no-embed")
        assert res.exit_code == 1 and "context_tokens = 'lots' (from config file" in res.stderr
    finally:
        (home / "config.toml").unlink()
    res = run(home, "ingest", "--split", "no-such-split")
    assert res.exit_code == 1 and "no-such-split" in res.stderr
    res = run(home, "ingest")
    assert res.exit_code == 1 and "give a FILE or --split NAME" in res.stderr


def test_ingest_of_a_file_with_a_bad_record_names_it_and_keeps_the_records_before(tmp_path: Path) -> None:
    records = json.loads((Path(__file__).parents[1] / "fixtures/datasets/longmemeval_s_cleaned.json").read_text())
    records[1]["haystack_dates"][2] = "yesterday-ish"
    bad = tmp_path / "one_bad.json"
    bad.write_text(json.dumps(records))
    home = tmp_path / "home"
    res = run(home, "ingest", str(bad), "--no-embed")
    assert res.exit_code == 1 and "Traceback" not in res.output
    assert f"{bad}: record 1 (question_id {records[1]['question_id']!r}): field 'haystack_dates'[2]" in res.stderr
    assert "1 haystack(s) are stored; fix the record and re-run" in res.stderr
    first = len(records[0]["haystack_sessions"])
    stats = json.loads(run(home, "stats", "--json").stdout)
    assert (stats["users"], stats["sessions"]) == (1, first)  # record 0 whole, nothing after the bad one
    records[1]["haystack_dates"][2] = records[1]["haystack_dates"][1]
    bad.write_text(json.dumps(records))
    again = json.loads(run(home, "ingest", str(bad), "--no-embed", "--json").stdout)
    assert again["sessions_skipped"] == first and again["sessions_failed"] == 0 and again["haystacks"] == 3


def test_choices_are_checked_by_typer(home: Path) -> None:
    for args in (["stats", "--store", "sqlite"], ["ingest", "--split", "sample", "--tier", "magic"],
                 ["eval", "--split", "sample", "--system", "nope"]):
        res = run(home, *args)
        assert res.exit_code == 2 and "Invalid value" in res.stderr, args


def test_help_imports_nothing_heavy() -> None:
    code = ("import sys; import kgmem.cli; heavy = {'numpy', 'networkx', 'spacy', 'torch', 'kgmem.api', "
            "'kgmem.store.networkx_store', 'neo4j'} & set(sys.modules); print(sorted(heavy))")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert res.stdout.strip() == "[]"


def test_bench_finds_the_checkout_it_runs_in(home: Path, tmp_path: Path) -> None:
    from kgmem.cli.cmd_bench import _is_checkout, find_checkout

    res = run(home, "bench", "list")
    assert res.exit_code == 0 and "store " in res.stdout  # this checkout's eval/bench_store.py
    fake = tmp_path / "clone"
    (fake / "eval").mkdir(parents=True)
    (fake / "pyproject.toml").write_text('[project]\nname = "kgmem"\n')
    (fake / "sub" / "dir").mkdir(parents=True)
    assert find_checkout(fake / "sub" / "dir") == fake  # a parent of the cwd wins
    assert not _is_checkout(tmp_path)  # a folder without eval/ and kgmem's pyproject is not one
