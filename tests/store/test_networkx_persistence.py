"""Persistence of the embedded store: files, format versions, atomic writes, locking, batches."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import resource
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import numpy as np
import pytest

from kgmem.settings import Settings
from kgmem.store import open_store
from kgmem.store.base import StoreError
from kgmem.store.networkx_store import FORMAT_VERSION, NetworkxStore, user_file_name

from .factories import DIM, T0, fake_embed, make_entity, make_fact, make_session, make_write

REPO = Path(__file__).resolve().parents[2]
USER = "sample:q-001"


def _write(user: str, n: int, text: str | None = None):  # type: ignore[no-untyped-def]
    sess = make_session(
        user, f"s{n:03d}", T0 + timedelta(days=n), [text or f"session {n} says hello", "ok"]
    )
    me = make_entity(user, "me", "person")
    fact = make_fact(user, me, "said_in", f"session {n}", sess)
    return make_write(sess, [me], [fact])


def _child(code: str, root: Path, *args: str) -> subprocess.Popen[str]:
    """A Python child with the store and the test factories imported and ``root`` set."""
    env = {**os.environ, "PYTHONPATH": f"{REPO}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    prelude = textwrap.dedent(
        f"""
        import json, sys
        from pathlib import Path
        from kgmem.store.networkx_store import NetworkxStore
        from tests.store.factories import *
        root = Path({str(root)!r})
        """
    )
    return subprocess.Popen([sys.executable, "-c", prelude + textwrap.dedent(code), *args], env=env, cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "networkx"


@pytest.fixture
def store(root: Path) -> Iterator[NetworkxStore]:
    s = NetworkxStore(root)
    yield s
    s.close()


def test_open_store_uses_settings_home(tmp_path: Path) -> None:
    settings = Settings.load({"home": tmp_path / "home"}, env={})
    store = open_store(settings)
    assert isinstance(store, NetworkxStore)
    assert store.root == tmp_path / "home" / "store" / "networkx"
    with pytest.raises(StoreError, match="unknown store backend"):
        open_store(settings, backend="sqlite")


def test_data_persists_across_processes(store: NetworkxStore, root: Path) -> None:
    store.apply(_write(USER, 1, "I adopted a greyhound called Biscuit"))
    child = _child(
        f"""
        s = NetworkxStore(root)
        hits = s.vector_search({USER!r}, "turn", fake_embed("I adopted a greyhound called Biscuit"), 1)
        print(json.dumps({{"users": s.users(), "sessions": [x.id for x in s.sessions({USER!r})],
                          "hit": hits[0].id, "facts": len(s.facts({USER!r}))}}))
        from datetime import timedelta
        sess = make_session({USER!r}, "s-child", T0 - timedelta(days=3), ["written by the child process"])
        s.apply(make_write(sess))
        """,
        root,
    )
    stdout, stderr = child.communicate(timeout=120)
    assert child.returncode == 0, stderr
    seen = json.loads(stdout)
    assert seen == {"users": [USER], "sessions": ["s001"], "hit": "s001:0", "facts": 1}
    # this process notices the child's write without being reopened
    assert [s.id for s in store.sessions(USER)] == ["s-child", "s001"]
    assert store.text_search(USER, "turn", "child process", 3)[0].id == "s-child:0"
    assert NetworkxStore(root).stats(USER).sessions == 2


def _file_state(path: Path) -> tuple[int, int, bytes]:
    """What a reader of the user file sees: its inode (an atomic rewrite replaces it), its
    modification time and its bytes."""
    st = path.stat()
    return st.st_ino, st.st_mtime_ns, path.read_bytes()


def test_batch_writes_the_file_once(store: NetworkxStore, root: Path) -> None:
    user_file = root / user_file_name(USER)
    with store.batch(USER):
        for n in range(50):
            store.apply(_write(USER, n))
        assert not user_file.exists()  # deferred until the block ends
        assert len(store.sessions(USER)) == 50  # but readable inside the block
        assert store.users() == [USER]
    written = _file_state(user_file)
    assert NetworkxStore(root).stats(USER).turns == 100
    for n in range(50):
        store.apply(_write(USER, n))  # idempotent replay: nothing changed, nothing rewritten
    assert _file_state(user_file) == written


def test_batch_keeps_completed_writes_when_the_block_fails(
    store: NetworkxStore, root: Path
) -> None:
    with pytest.raises(RuntimeError, match="boom"):
        with store.batch(USER):
            store.apply(_write(USER, 1))
            store.apply(_write(USER, 2))
            raise RuntimeError("boom")
    assert [s.id for s in NetworkxStore(root).sessions(USER)] == ["s001", "s002"]


def _temp_files(root: Path) -> list[str]:
    return [p.name for p in root.iterdir() if p.name.endswith(".tmp")]


@contextlib.contextmanager
def _file_size_limit(max_bytes: int) -> Iterator[None]:
    """A real failing disk for this process: writes past ``max_bytes`` in any file fail with
    EFBIG (RLIMIT_FSIZE; SIGXFSZ ignored so the write raises instead of killing the process)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (max_bytes, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, handler)


@pytest.mark.parametrize("limit", ["midway", "first byte"])
def test_failed_write_leaves_the_previous_file_intact(store: NetworkxStore, root: Path, limit: str) -> None:
    store.apply(_write(USER, 1))
    path = root / user_file_name(USER)
    before = path.read_bytes()
    # midway: the header and part of the body reach the temp file, then the disk refuses more
    with _file_size_limit(len(before) // 2 if limit == "midway" else 0):
        with pytest.raises(StoreError, match=os.strerror(errno.EFBIG)):
            store.apply(_write(USER, 2, "a longer turn " * 50))
    assert path.read_bytes() == before
    assert _temp_files(root) == []
    assert not store.has_session(USER, "s002")  # the in-memory change was rolled back too
    assert [s.id for s in NetworkxStore(root).sessions(USER)] == ["s001"]
    store.apply(_write(USER, 2))  # and the store keeps working afterwards
    assert [s.id for s in NetworkxStore(root).sessions(USER)] == ["s001", "s002"]


def test_unknown_format_version_is_refused(store: NetworkxStore, root: Path) -> None:
    store.apply(_write(USER, 1))
    path = root / user_file_name(USER)
    header_line, rest = path.read_bytes().split(b"\n", 1)
    header = json.loads(header_line)
    assert header["format"] == "kgmem-networkx" and header["version"] == FORMAT_VERSION
    header["version"] = 99
    path.write_bytes(json.dumps(header).encode() + b"\n" + rest)
    fresh = NetworkxStore(root)
    assert fresh.users() == [USER]
    with pytest.raises(StoreError, match="version 99 is not supported"):
        fresh.sessions(USER)
    with pytest.raises(StoreError, match="version 99"):
        fresh.apply(_write(USER, 2))
    assert fresh.delete_user(USER) == 6  # deleting stays possible: it is the remedy
    assert fresh.users() == []


def test_corruption_is_detected(store: NetworkxStore, root: Path) -> None:
    store.apply(_write(USER, 1))
    path = root / user_file_name(USER)
    data = bytearray(path.read_bytes())
    data[-5] ^= 0xFF  # flip bits inside the vector block
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="checksum"):
        NetworkxStore(root).turns(USER)
    (root / "stray.kgnx").write_bytes(b"not a store file\n")
    (root / "index.json").unlink()
    with pytest.raises(StoreError, match="stray.kgnx"):
        NetworkxStore(root)


def test_file_format_stores_float32_vectors(store: NetworkxStore, root: Path) -> None:
    store.apply(_write(USER, 1))
    raw = (root / user_file_name(USER)).read_bytes()
    header = json.loads(raw.split(b"\n", 1)[0])
    blocks = {b["kind"]: b for b in header["vectors"]}
    assert blocks["turn"]["count"] == 2 and blocks["turn"]["dim"] == DIM
    assert blocks["turn"]["nbytes"] == 2 * DIM * 4
    payload = raw.split(b"\n", 1)[1][: header["payload_bytes"]]
    assert len(payload) < 4000  # the vectors are not in the JSON payload
    expected = np.asarray(fake_embed("session 1 says hello"), dtype="<f4").tobytes()
    assert expected in raw
    assert header["user_id"] == USER and header["counts"]["turns"] == 2


def test_index_is_rebuilt_from_user_files(store: NetworkxStore, root: Path) -> None:
    store.apply(_write(USER, 1))
    store.apply(_write("other:q-9", 1))
    (root / "index.json").unlink()
    fresh = NetworkxStore(root)
    assert fresh.users() == ["other:q-9", USER]
    assert fresh.embedding_dim() == DIM
    assert fresh.stats().sessions == 2


def test_delete_user_removes_its_file(store: NetworkxStore, root: Path) -> None:
    store.apply(_write(USER, 1))
    store.apply(_write("other:q-9", 1))
    assert store.delete_user(USER) == 6  # user, session, 2 turns, entity, fact
    assert not (root / user_file_name(USER)).exists()
    assert (root / user_file_name("other:q-9")).exists()
    assert NetworkxStore(root).users() == ["other:q-9"]
    store.delete_user("other:q-9")
    assert store.embedding_dim() is None  # an empty store accepts any embedder again


def test_user_file_names_are_safe_and_distinct() -> None:
    names = {user_file_name(u) for u in ["a/b", "a_b", "../../etc/passwd", "ü:1", "", "x" * 500]}
    assert len(names) == 6
    assert all("/" not in n and not n.startswith(".") and len(n) < 100 for n in names)


def test_concurrent_writers_both_land(root: Path) -> None:
    NetworkxStore(root)  # create the folder and index first
    code = """
        s = NetworkxStore(root)
        offset = int(sys.argv[1])
        for n in range(offset, offset + 8):
            sess = make_session("shared:q", f"p{offset}-s{n:02d}", T0 + __import__("datetime").timedelta(hours=n),
                                [f"writer {offset} session {n}"])
            s.apply(make_write(sess))
        print("done")
        """
    procs = [_child(code, root, str(offset)) for offset in (0, 100)]
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    store = NetworkxStore(root)
    sessions = [s.id for s in store.sessions("shared:q")]
    assert len(sessions) == 16
    assert sessions == [f"p0-s{n:02d}" for n in range(8)] + [
        f"p100-s{n:02d}" for n in range(100, 108)
    ]
    assert store.stats("shared:q").turns == 16
    assert store.users() == ["shared:q"]


def test_memory_holds_a_bounded_number_of_users(root: Path) -> None:
    store = NetworkxStore(root, max_cached_users=2)
    users = [f"lru:q{i}" for i in range(5)]
    for n, user in enumerate(users):
        store.apply(_write(user, n))
    for user in users + users[::-1]:
        assert len(store.sessions(user)) == 1
        assert len(store._states) <= 2
    with store.batch(users[0]):
        for n, user in enumerate(users[1:]):
            store.apply(_write(users[0], 10 + n))  # pending writes stay in memory
            store.sessions(user)
    assert len(NetworkxStore(root).sessions(users[0])) == 5


def test_readers_never_see_a_half_written_file(root: Path) -> None:
    writer = NetworkxStore(root)
    writer.apply(_write(USER, 0))
    code = f"""
        import time
        s = NetworkxStore(root)
        seen, reads, deadline = set(), 0, time.monotonic() + 60
        print("ready", flush=True)
        while time.monotonic() < deadline:
            turns = s.turns({USER!r})  # raises StoreError on a torn or corrupt file
            n = len({{t.session_id for t in turns}})
            assert len(turns) == 2 * n  # every read sees whole sessions
            seen.add(n)
            reads += 1
            if n == 25:
                break
        print(json.dumps({{"reads": reads, "max": max(seen)}}))
        """
    reader = _child(code, root)
    assert reader.stdout is not None and reader.stdout.readline().strip() == "ready"
    for n in range(1, 25):
        writer.apply(_write(USER, n, "padding " * 2000))  # ~16 kB turns: writes take a while
    out, err = reader.communicate(timeout=120)
    assert reader.returncode == 0, err
    assert json.loads(out)["max"] == 25


class _FailsOnSecondRead(dict[str, list[float]]):
    """A caller's embedding mapping that reads fine once (validation) and fails the next time
    (while the write is applied, after its sessions, turns and facts were added to the graph)."""

    reads = 0

    def items(self):  # type: ignore[no-untyped-def,override]
        self.reads += 1
        if self.reads > 1:
            raise MemoryError("simulated failure after some nodes were added")
        return super().items()


def test_a_failure_inside_commit_discards_the_half_applied_graph(store: NetworkxStore) -> None:
    store.apply(_write(USER, 1))
    write = _write(USER, 2)
    flaky = write.model_copy(update={"turn_embeddings": _FailsOnSecondRead(write.turn_embeddings)})
    with pytest.raises(StoreError, match="failed midway"):
        store.apply(flaky)
    assert flaky.turn_embeddings.reads == 2  # it failed while applying, not in validation
    assert [s.id for s in store.sessions(USER)] == ["s001"]  # reloaded from the intact file
    assert [t.session_id for t in store.turns(USER)] == ["s001", "s001"]
