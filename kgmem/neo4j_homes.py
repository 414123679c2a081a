"""Several local Neo4j servers on one machine: private homes that share one install's jars.

A Neo4j home holds the jars (``lib/``, ~170 MB, resolved once by Maven) beside the state of one
running server: ``conf/neo4j.conf`` (ports, data directory), ``run/`` (pid and instance files)
and the logs. Two servers started from one home race on that conf and pid file (two test runs at
once on one machine: one JVM came up on the other run's data directory). A *linked* home is a
directory of its own whose ``lib`` is a symlink to the shared install, so each test run (or each
private server of a bench) gets its own conf, pid, data and logs while the jars stay cached once.

:func:`free_port` picks a port nobody listens on (``kgmem neo4j start --bolt-port 0``), and
:func:`home_lock` serialises the starts (and installs) that share one home, so the second of two
simultaneous ``kgmem neo4j start`` calls sees the first's pid file instead of overwriting its conf.
"""

from __future__ import annotations

import fcntl
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class HomeLinkError(RuntimeError):
    """A linked home cannot be made (no jars to link, or a home with jars of its own)."""


def link_home(home: Path, jars_home: Path) -> Path:
    """Make ``home`` a private Neo4j home whose ``lib`` links ``jars_home/lib``; returns ``home``.

    Idempotent for a home already linked to those jars. Nothing is copied: conf, run, data and
    logs are made per home by ``start``.
    """
    home = home.expanduser()
    shared_lib = (jars_home.expanduser() / "lib").resolve()
    if not shared_lib.is_dir():
        raise HomeLinkError(f"{jars_home} has no lib/ to link: run `kgmem neo4j install` first")
    lib = home / "lib"
    if home.resolve() == jars_home.expanduser().resolve():
        raise HomeLinkError(f"{home} is the shared install itself; give another --home to link")
    if lib.is_symlink():
        if lib.resolve() == shared_lib:
            return home
        lib.unlink()  # linked to another install (an older version): relink
    elif lib.exists():
        raise HomeLinkError(f"{lib} holds jars of its own; link into an empty home")
    home.mkdir(parents=True, exist_ok=True)
    lib.symlink_to(shared_lib, target_is_directory=True)
    return home


def free_port(host: str = "127.0.0.1", taken: frozenset[int] = frozenset()) -> int:
    """A TCP port nobody listens on now (the kernel's pick) and not in ``taken`` (the ports this
    server already got), for a server started right after."""
    while True:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.bind((host, 0))
            port: int = sock.getsockname()[1]
        if port not in taken:
            return port


@contextmanager
def home_lock(home: Path, name: str = "start") -> Iterator[None]:
    """Hold an exclusive lock on ``home/run/<name>.lock`` (blocking): one start (or install) at a
    time per home, across processes. The lock goes with the process, so a crash never leaves it held."""
    run = home / "run"
    run.mkdir(parents=True, exist_ok=True)
    fd = os.open(run / f"{name}.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock
