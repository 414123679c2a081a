"""Private Neo4j homes that share one install's jars (kgmem/neo4j_homes.py) and `kgmem neo4j install --link`:
no server needed (the two-servers-at-once test is tests/store/test_neo4j_homes.py)."""

from __future__ import annotations

import json
import socket
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kgmem import neo4j_server as ns
from kgmem.cli import app
from kgmem.neo4j_homes import HomeLinkError, free_port, home_lock, link_home


def _fake_install(home: Path) -> Path:
    """A home that ``is_installed`` accepts (empty jar files: nothing here runs them)."""
    lib = home / "lib"
    lib.mkdir(parents=True)
    (lib / f"neo4j-server-{ns.NEO4J_VERSION}.jar").write_bytes(b"")
    (lib / f"neo4j-browser-{ns.BROWSER_VERSION}.jar").write_bytes(b"")
    return home


def test_a_linked_home_shares_the_jars_and_nothing_else(tmp_path: Path) -> None:
    shared = _fake_install(tmp_path / "shared")
    run = link_home(tmp_path / "run" / "home", shared)
    assert (run / "lib").is_symlink() and (run / "lib").resolve() == (shared / "lib").resolve()
    assert ns.is_installed(run)
    assert sorted(p.name for p in run.iterdir()) == ["lib"]  # conf, run, data and logs come with start
    assert link_home(run, shared) == run  # idempotent


def test_a_home_with_jars_of_its_own_or_no_jars_to_link_is_refused(tmp_path: Path) -> None:
    shared = _fake_install(tmp_path / "shared")
    own = _fake_install(tmp_path / "own")
    with pytest.raises(HomeLinkError, match="jars of its own"):
        link_home(own, shared)
    with pytest.raises(HomeLinkError, match="kgmem neo4j install"):
        link_home(tmp_path / "run", tmp_path / "nothing-installed")
    with pytest.raises(HomeLinkError, match="shared install itself"):
        link_home(shared, shared)


def test_a_home_linked_to_another_install_is_relinked(tmp_path: Path) -> None:
    old, new = _fake_install(tmp_path / "old"), _fake_install(tmp_path / "new")
    run = link_home(tmp_path / "run", old)
    link_home(run, new)
    assert (run / "lib").resolve() == (new / "lib").resolve()
    assert (old / "lib").is_dir()  # the other install is left alone


def test_free_port_is_free() -> None:
    port = free_port()
    assert 0 < port < 65536
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", port))  # nobody holds it
    assert free_port(taken=frozenset({port})) != port


def test_starts_from_one_home_take_turns(tmp_path: Path) -> None:
    """The second holder waits for the first (what keeps two `kgmem neo4j start` from writing one conf at once)."""
    events: list[str] = []
    first_holds = threading.Event()

    def second() -> None:
        first_holds.wait()
        with home_lock(tmp_path):
            events.append("second in")

    thread = threading.Thread(target=second)
    thread.start()
    with home_lock(tmp_path):
        first_holds.set()
        time.sleep(0.3)
        events.append("first out")
    thread.join(timeout=10)
    assert events == ["first out", "second in"]
    with home_lock(tmp_path, "install"), home_lock(tmp_path, "start"):  # each name is its own lock
        pass


def test_cli_install_link_makes_a_private_home_over_the_shared_jars(tmp_path: Path) -> None:
    shared = _fake_install(tmp_path / "user" / ".cache" / "kgmem" / f"neo4j-{ns.NEO4J_VERSION}")
    run_home = tmp_path / "run" / "neo4j-home"
    env = {"HOME": str(tmp_path / "user"), "KGMEM_HOME": str(tmp_path / "kg"), "KGMEM_NEO4J_HOME": str(run_home)}
    result = CliRunner().invoke(app, ["neo4j", "install", "--link", "--json"], env=env)
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["skipped"] and summary["home"] == str(run_home)
    assert Path(summary["jars_from"]).resolve() == (shared / "lib").resolve()
    assert (run_home / "lib").resolve() == (shared / "lib").resolve()
    # the status of the private home: installed (the linked jars), not running
    st = ns.status(run_home)
    assert st.installed and not st.running


def test_cli_install_link_without_a_private_home_says_so(tmp_path: Path) -> None:
    _fake_install(tmp_path / "user" / ".cache" / "kgmem" / f"neo4j-{ns.NEO4J_VERSION}")
    env = {"HOME": str(tmp_path / "user"), "KGMEM_HOME": str(tmp_path / "kg"), "KGMEM_NEO4J_HOME": None}
    result = CliRunner().invoke(app, ["neo4j", "install", "--link"], env=env)
    assert result.exit_code != 0
    assert "shared install itself" in result.output
