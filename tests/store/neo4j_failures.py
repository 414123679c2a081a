"""Failure modes of `kgmem ingest --store neo4j` (and `kgmem eval`), each run through the real CLI in a child
process (shared by tests/store/test_neo4j_failures.py and eval/bench_neo4j_ingest.py failures).

A server that dies or hangs mid-run is simulated by :class:`BoltProxy`, a TCP relay between the
CLI and the real server: ``die`` closes every relayed connection and the listening port (what a
killed server looks like to the client: reset, then refused), ``hang`` stops relaying in both
directions while keeping the sockets open (a frozen server). The relay switches when the client
has sent ``trigger_bytes`` (a write transaction is then in flight). Each scenario returns the
exit code, the stderr lines, and the seconds from the failure to the child's exit.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "sample" / "sample.json"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class BoltProxy:
    """A TCP relay to ``upstream`` that can be made to die or hang after ``trigger_bytes``."""

    def __init__(self, upstream: tuple[str, int], mode: str = "forward", trigger_bytes: int = 0) -> None:
        self.upstream = upstream
        self.mode = mode
        self.trigger_bytes = trigger_bytes
        self.sent = 0
        self.triggered_at: float | None = None
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.port = int(self.listener.getsockname()[1])
        self.socks: list[socket.socket] = []
        self.frozen = threading.Event()
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(self.upstream)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.socks += [client, server]
            threading.Thread(target=self._pipe, args=(client, server, True), daemon=True).start()
            threading.Thread(target=self._pipe, args=(server, client, False), daemon=True).start()

    def _pipe(self, src: socket.socket, dst: socket.socket, upstream: bool) -> None:
        while True:
            try:
                data = src.recv(65536)
            except OSError:
                return
            if not data:
                with contextlib.suppress(OSError):
                    dst.shutdown(socket.SHUT_WR)
                return
            if upstream:
                with self.lock:
                    self.sent += len(data)
                    fire = self.mode != "forward" and self.triggered_at is None and self.sent >= self.trigger_bytes
                    if fire:
                        self.triggered_at = time.monotonic()
                if fire:
                    self._fire()
            if self.frozen.is_set():
                self.frozen.wait()  # hang: hold the bytes, answer nothing
                while True:
                    time.sleep(3600)
            try:
                dst.sendall(data)
            except OSError:
                return

    def _fire(self) -> None:
        if self.mode == "hang":
            self.frozen.set()
            return
        self.close()  # die: every connection reset, the port refused from now on

    def close(self) -> None:
        """Drop every relayed connection (the server then rolls back open transactions)."""
        with contextlib.suppress(OSError):
            self.listener.close()
        with self.lock:
            for s in self.socks:
                # shutdown first: close() alone leaves a socket open while a relay thread is
                # blocked in recv on it, and the server would keep the transaction open
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                with contextlib.suppress(OSError):
                    s.close()


def sample_copy(folder: Path) -> Path:
    """The sample split under a unique file name: its namespaces are this run's alone."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"fail{uuid.uuid4().hex[:8]}.json"
    shutil.copyfile(SAMPLE, path)
    return path


def run_ingest(dataset: Path, env: dict[str, str], home: Path, limit: int = 3,
               timeout: float = 180.0, command: str = "ingest") -> tuple[subprocess.Popen[str], float]:
    """Start `kgmem ingest DATASET --store neo4j --no-embed --limit N` (returns the process and
    its start time); ``command="eval"``: `kgmem eval --split DATASET --store neo4j
    --retrieval-only --limit N` instead."""
    full = {**os.environ, "KGMEM_HOME": str(home), "PYTHONPATH": str(ROOT), **env}
    if command == "eval":
        cmd = [sys.executable, "-m", "kgmem", "eval", "--split", str(dataset), "--store", "neo4j",
               "--retrieval-only", "--limit", str(limit), "--run-dir", str(home / "eval-run")]
    else:
        cmd = [sys.executable, "-m", "kgmem", "ingest", str(dataset), "--store", "neo4j", "--no-embed",
               "--limit", str(limit)]
    return subprocess.Popen(cmd, env=full, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=ROOT), time.monotonic()


def finish(proc: subprocess.Popen[str], started: float, failed_at: float | None,
           timeout: float = 180.0) -> dict[str, Any]:
    """Wait for the child; note when its error line appeared (what the user sees) and when it
    exited (interpreter shutdown included)."""
    err_lines: list[str] = []
    error_at: list[float] = []

    def read_err() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            if line.startswith("error:") and not error_at:
                error_at.append(time.monotonic())
            err_lines.append(line.rstrip("\n"))

    reader = threading.Thread(target=read_err, daemon=True)
    reader.start()
    assert proc.stdout is not None
    out = proc.stdout.read()
    proc.wait(timeout=timeout)
    reader.join(timeout=10)
    ended = time.monotonic()
    err = "\n".join(err_lines)
    lines = [ln for ln in err_lines if ln.startswith("error:")]
    origin = failed_at if failed_at is not None else started
    return {"exit_code": proc.returncode, "error_lines": lines, "message": lines[-1] if lines else err[-400:],
            "seconds": round(ended - origin, 2),
            "seconds_to_error_line": round(error_at[0] - origin, 2) if error_at else None,
            "ended": ended, "error_at": error_at[0] if error_at else None, "stdout": out[-400:]}


def start_failure(dataset: Path, home: Path, env: dict[str, str], command: str = "ingest") -> dict[str, Any]:
    """The CLI with a configuration that fails at connect (down, wrong port, auth, database)."""
    proc, started = run_ingest(dataset, env, home, command=command)
    return finish(proc, started, None, timeout=120)


def keep_alive_hint(uri: str, user: str, password: str | None) -> bool:
    """Whether the server sends the keep-alive hint that lets the driver detect a hang in ~6 s
    (servers started by `kgmem neo4j start` before that setting existed do not; restart them)."""
    from neo4j import GraphDatabase

    with GraphDatabase.driver(uri, auth=(user, password) if password else None) as driver:
        records, _, _ = driver.execute_query(
            "SHOW SETTINGS YIELD name, value WHERE name = 'server.bolt.connection_keep_alive_for_requests' "
            "RETURN value")
    return bool(records) and records[0]["value"] == "ALL"


def silent_port() -> tuple[socket.socket, int]:
    """A port that accepts TCP connections and never says a word (a wrong service, a stuck box)."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(64)
    return s, int(s.getsockname()[1])


def mid_run_failure(dataset: Path, home: Path, upstream: tuple[str, int], mode: str, env: dict[str, str],
                    trigger_bytes: int = 20_000) -> dict[str, Any]:
    """Run the CLI through a relay that dies or hangs once a write is in flight."""
    proxy = BoltProxy(upstream, mode=mode, trigger_bytes=trigger_bytes)
    proc, started = run_ingest(dataset, {**env, "NEO4J_URI": proxy.uri}, home)
    try:
        result = finish(proc, started, None, timeout=180)
    finally:
        proxy.close()
    if proxy.triggered_at is not None:  # from the failure, not from the start
        result["seconds"] = round(result["ended"] - proxy.triggered_at, 2)
        if result["error_at"] is not None:
            result["seconds_to_error_line"] = round(result["error_at"] - proxy.triggered_at, 2)
    result["triggered"] = proxy.triggered_at is not None
    result["uri"] = proxy.uri
    return result
