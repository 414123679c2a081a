"""Two local Neo4j servers at once from two private homes over the one cached install (what two test runs on one
machine do: scripts/test.sh makes each run its own home with `kgmem neo4j install --link`). Session 24's collision:
two starts from the one shared home wrote one conf and pid file, and one JVM came up on the other run's data dir.

Needs the jars of `kgmem neo4j install` (CI installs them before any test) and Java; starts its own servers on
free ports, so it does not touch the run's server.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from kgmem import neo4j_server as ns
from kgmem.neo4j_homes import link_home

pytestmark = pytest.mark.neo4j


def _open_paths(pid: int) -> list[str]:
    """The files and directories the process holds open (its data and logs among them)."""
    out = []
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            out.append(os.readlink(fd))
        except OSError:
            continue  # closed meanwhile
    return out


def _start(run: Path) -> ns.ServerStatus:
    home = link_home(run / "neo4j-home", ns.shared_home())
    return ns.start(home, data_dir=run / "neo4j-data", bolt_port=0, http_port=0, heap="256m", pagecache="32m",
                    timeout_s=300)  # no password: one JVM less (neo4j-admin) per start; loopback only


def test_two_servers_from_two_private_homes_at_once_keep_to_their_own_files(tmp_path: Path) -> None:
    from neo4j import GraphDatabase

    if not ns.is_installed(ns.shared_home()):
        pytest.skip(f"no Neo4j jars in {ns.shared_home()} (CI runs `kgmem neo4j install` first)")
    runs = [(tmp_path / "run-a").resolve(), (tmp_path / "run-b").resolve()]
    lib_before = sorted(p.name for p in (ns.shared_home() / "lib").iterdir())
    with ThreadPoolExecutor(2) as pool:  # both starts at the same moment, as two CI runs did
        futures = [pool.submit(_start, run) for run in runs]
    try:
        statuses = [f.result() for f in futures]
        assert statuses[0].bolt_uri != statuses[1].bolt_uri
        for mine, st, other in ((runs[0], statuses[0], runs[1]), (runs[1], statuses[1], runs[0])):
            assert st.running and st.home == str((mine / "neo4j-home").resolve())
            conf = (mine / "neo4j-home" / "conf" / "neo4j.conf").read_text(encoding="utf-8")
            assert f"server.directories.data={(mine / 'neo4j-data').as_posix()}" in conf
            assert str(other) not in conf
            assert ns.status(mine / "neo4j-home").pid == st.pid
            held = _open_paths(st.pid or 0)
            assert any(p.startswith(str(mine / "neo4j-data")) for p in held)
            assert not [p for p in held if p.startswith(str(other))], f"{st.pid} holds files of {other}"
        # each answers on its own port with its own graph
        for i, st in enumerate(statuses):
            with GraphDatabase.driver(st.bolt_uri or "", auth=None) as driver:
                driver.execute_query("CREATE (:HomesProbe {run: $run})", run=i)
        for i, st in enumerate(statuses):
            with GraphDatabase.driver(st.bolt_uri or "", auth=None) as driver:
                records, _, _ = driver.execute_query("MATCH (p:HomesProbe) RETURN collect(p.run) AS runs")
                assert records[0]["runs"] == [i]
        assert sorted(p.name for p in (ns.shared_home() / "lib").iterdir()) == lib_before  # nothing copied
    finally:
        for run in runs:
            ns.stop(run / "neo4j-home", timeout_s=60)
    assert not any(ns.status(run / "neo4j-home").running for run in runs)


def test_a_second_start_from_one_home_finds_the_first_running(tmp_path: Path) -> None:
    """Two starts from one home at once: one server; the other start says it is already running
    (the lock in home/run makes them take turns), and the conf still names the first's data dir."""
    if not ns.is_installed(ns.shared_home()):
        pytest.skip(f"no Neo4j jars in {ns.shared_home()} (CI runs `kgmem neo4j install` first)")
    home = link_home(tmp_path / "neo4j-home", ns.shared_home())

    def start(name: str) -> ns.ServerStatus | str:
        try:
            return ns.start(home, data_dir=tmp_path / name, bolt_port=0, http_port=0, heap="256m", pagecache="32m",
                            timeout_s=300)
        except ns.Neo4jServerError as exc:
            return str(exc)

    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(start, ["data-1", "data-2"]))
    try:
        started = [r for r in results if isinstance(r, ns.ServerStatus)]
        refused = [r for r in results if isinstance(r, str)]
        assert len(started) == 1 and len(refused) == 1, results
        assert "already running" in refused[0]
        conf = (home / "conf" / "neo4j.conf").read_text(encoding="utf-8")
        assert f"server.directories.data={Path(started[0].data_dir or '').as_posix()}" in conf
    finally:
        ns.stop(home, timeout_s=60)
