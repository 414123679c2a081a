"""Shared pieces of the reliability suite (tests and ``eval/bench_reliability.py``).

- :class:`HashEmbedder`: a deterministic 384-dim hashing embedder implementing the real
  :class:`~kgmem.embeddings.Embedder` interface (the MiniLM model is not the point here);
- :func:`make_haystack`: seeded synthetic haystacks whose users share entity names ("Mom",
  "Paris", "my dog") and change residence/job over time (so supersessions happen);
- :func:`ingest`: the real ingest pipeline (zero-LLM rules tier, no spaCy) into a store;
- :func:`snapshot`: a store's graph as comparable id sets (nodes, facts, supersession pairs);
- :func:`open_backend`: a networkx store under a folder, or a Neo4j store from ``NEO4J_*``;
- :func:`install_kill_hook`: SIGKILL this process at the N-th low-level store write
  (fault injection into the real write layer, used by the crash children).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import random
import re
import signal
import subprocess
import sys
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np

from kgmem import ids
from kgmem.models import Haystack, Session, Turn
from kgmem.store.base import MemoryStore

ROOT = Path(__file__).resolve().parents[2]
# why: a fresh database warns about not-yet-existing property keys on every read
logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)
DIM = 384
T0 = datetime(2023, 1, 2, 9, 30)

CITIES = ["Paris", "Berlin", "Madrid", "Lisbon", "Oslo", "Vienna", "Prague", "Dublin", "Rome"]
COMPANIES = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark Industries"]
JOBS = ["nurse", "teacher", "chef", "pilot", "designer", "engineer"]
COLOURS = ["blue", "green", "red", "purple", "orange"]
ASSISTANT = ["That sounds great!", "Thanks for telling me.", "Noted, happy to help.",
             "Interesting, tell me more."]


class HashEmbedder:
    """Deterministic unit vectors from hashed lowercased words (signed buckets), dim 384."""

    name = "hash-384"

    def __init__(self, dim: int = DIM) -> None:
        self.dim = dim

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """``texts`` → (n, dim) float32 unit vectors; texts sharing words are close."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                digest = hashlib.sha256(word.encode("utf-8")).digest()
                bucket = int.from_bytes(digest[:4], "little") % self.dim
                out[i, bucket] += 1.0 if digest[4] & 1 else -1.0
            norm = float(np.linalg.norm(out[i]))
            if norm == 0.0:
                out[i, 0], norm = 1.0, 1.0  # texts without words still get a valid unit vector
            out[i] /= norm
        return out


def marker(user_id: str) -> str:
    """A word only this user's turns contain (for leak checks)."""
    return "mk" + hashlib.sha256(user_id.encode()).hexdigest()[:10]


def make_session(user_id: str, position: int, started_at: datetime, texts: Sequence[tuple[str, str]],
                 source_id: str | None = None) -> Session:
    """A session with deterministic ids (as the loaders derive them)."""
    digest = ids.session_content_digest([(r, t) for r, t in texts])
    sid = ids.session_id(source_id, position, digest)
    turns = [Turn(id=ids.turn_id(sid, i), session_id=sid, idx=i, role=r, text=t)  # type: ignore[arg-type]
             for i, (r, t) in enumerate(texts)]
    return Session(id=sid, user_id=user_id, started_at=started_at, turns=turns, source_id=source_id)


#: a first-person user turn that states nothing storable: the LLM tier's "residual" turn, so a
#: scenario that appends it to every session knows each session asks the model exactly once
RESIDUAL_TURN = "I keep wondering whether any of this makes sense, honestly."


def make_haystack(user_id: str, n_sessions: int = 6, seed: int = 0, turns_per_session: int = 4,
                  extra_user_turn: str | None = None) -> Haystack:
    """A seeded haystack for ``user_id``: moves, job changes, shared names, a private marker
    (``extra_user_turn``: appended as the last user turn of every session)."""
    rng = random.Random(f"{seed}:{user_id}")
    mk = marker(user_id)
    sessions = []
    for s in range(n_sessions):
        texts: list[tuple[str, str]] = []
        for t in range(turns_per_session // 2):
            city, company = rng.choice(CITIES), rng.choice(COMPANIES)
            options = [
                f"I moved to {city} last month.",
                f"I live in {city}.",
                f"I work at {company} as a {rng.choice(JOBS)}.",
                f"My favourite colour is {rng.choice(COLOURS)}.",
                f"Mom called me from {city} about my dog {mk}.",
                f"My dog loves the park near Paris, says Mom ({mk}).",
            ]
            if s == 0 and t < 2:
                # every user lives somewhere and mentions the shared names at least once
                options = [options[1] if t == 0 else options[4]]
            texts.append(("user", f"{rng.choice(options)} Note {mk} s{s}t{t}."))
            texts.append(("assistant", rng.choice(ASSISTANT)))
        if extra_user_turn:
            texts.append(("user", extra_user_turn))
        started = T0 + timedelta(days=7 * s, hours=rng.randint(0, 5))
        sessions.append(make_session(user_id, s, started, texts, source_id=f"sess_{s}"))
    qid = user_id.split(":")[-1]
    return Haystack(user_id=user_id, question_id=qid, question="Where do I live now?",
                    question_date=T0 + timedelta(days=7 * n_sessions + 3), sessions=sessions)


def ingest(store: MemoryStore, haystacks: Sequence[Haystack], mode: str = "batch") -> list[dict[str, Any]]:
    """Ingest with the real pipeline (rules tier without spaCy, hashing embedder).

    ``mode``: ``batch`` uses :func:`ingest_haystack`; ``session`` writes session by session with
    :func:`ingest_session` (one durable store write per session). Returns one report per haystack.
    """
    from kgmem.extraction.zero import RuleExtractor
    from kgmem.memory.ingest import ingest_haystack, ingest_session

    extractor, embedder = RuleExtractor(use_spacy=False), HashEmbedder()
    reports = []
    for h in haystacks:
        if mode == "batch":
            reports.append(ingest_haystack(store, h, extractor=extractor, embedder=embedder).to_dict())
        else:
            for s in sorted(h.sessions, key=lambda x: x.started_at):
                reports.append(ingest_session(store, h.user_id, s, extractor=extractor,
                                              embedder=embedder).to_dict())
    return reports


def snapshot(store: MemoryStore, user_ids: Sequence[str]) -> dict[str, Any]:
    """The users' graphs as comparable, JSON-able id sets."""
    out: dict[str, Any] = {}
    for u in user_ids:
        sessions = store.sessions(u)
        out[u] = {
            "sessions": sorted((s.id, s.started_at.isoformat()) for s in sessions),
            "turns": sorted((t.id, hashlib.sha256(t.text.encode()).hexdigest()[:16])
                            for t in store.turns(u)),
            "entities": sorted(e.id for e in store.entities(u)),
            "facts": sorted((f.id, f.subject_id, f.predicate, f.object_id or f.value or "",
                             f.invalid_at.isoformat() if f.invalid_at else "",
                             tuple(sorted(f.source_turn_ids))) for f in store.facts(u)),
            "supersessions": sorted((x.new_fact_id, x.old_fact_id, x.at.isoformat())
                                    for x in store.supersessions(u)),
        }
    return json.loads(json.dumps(out))


def diff_snapshots(a: dict[str, Any], b: dict[str, Any]) -> list[str]:
    """Human-readable differences between two snapshots (empty when equal)."""
    problems = []
    for u in sorted(set(a) | set(b)):
        if u not in a or u not in b:
            problems.append(f"user {u} only in {'second' if u not in a else 'first'}")
            continue
        for key in a[u]:
            x, y = a[u][key], b[u].get(key)
            if x != y:
                xs = {json.dumps(i) for i in x}
                ys = {json.dumps(i) for i in y or []}
                problems.append(f"{u}.{key}: missing {len(xs - ys)}, extra {len(ys - xs)}")
    return problems


def neo4j_env() -> tuple[str, str, str | None, str]:
    """``NEO4J_URI`` / ``NEO4J_USER`` / ``NEO4J_PASSWORD`` / ``NEO4J_DATABASE`` with defaults."""
    return (os.environ.get("NEO4J_URI") or "bolt://127.0.0.1:7687",
            os.environ.get("NEO4J_USER") or "neo4j",
            os.environ.get("NEO4J_PASSWORD") or None,
            os.environ.get("NEO4J_DATABASE") or "neo4j")


def neo4j_unreachable() -> str | None:
    """None when the configured Neo4j answers, else the reason."""
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError, ServiceUnavailable

    uri, user, password, _ = neo4j_env()
    try:
        with GraphDatabase.driver(uri, auth=(user, password) if password else None,
                                  connection_timeout=3.0) as driver:
            driver.verify_connectivity()
    except (ServiceUnavailable, OSError) as exc:
        return f"no Neo4j server reachable at {uri} ({type(exc).__name__})"
    except AuthError as exc:
        return f"Neo4j at {uri} rejected NEO4J_USER/NEO4J_PASSWORD ({exc.message})"
    return None


def open_backend(backend: str, root: Path | None = None) -> MemoryStore:
    """A networkx store under ``root`` or a Neo4j store from the ``NEO4J_*`` environment."""
    if backend == "networkx":
        from kgmem.store.networkx_store import NetworkxStore

        assert root is not None
        return NetworkxStore(root)
    from kgmem.store.neo4j_store import Neo4jStore

    uri, user, password, database = neo4j_env()
    return Neo4jStore(uri=uri, user=user, password=password, database=database)


# --------------------------------------------------------------------------- kill hooks

_TICKS = {"n": 0, "kill_at": 0}


def _tick(label: str) -> None:
    _TICKS["n"] += 1
    if _TICKS["n"] == _TICKS["kill_at"]:
        # why: SIGKILL is the crash no handler can soften (no finally, no atexit, no flush)
        sys.stderr.write(f"kill hook: SIGKILL at write event {_TICKS['n']} ({label})\n")
        sys.stderr.flush()
        os.kill(os.getpid(), signal.SIGKILL)


def ticks() -> int:
    """Write events seen so far by the kill hook."""
    return _TICKS["n"]


def install_kill_hook(backend: str, kill_at: int) -> None:
    """Count low-level store write events; SIGKILL this process at event ``kill_at`` (0: never).

    networkx: before each byte chunk of a temp file (a kill leaves a partial temp file), and
    right after each atomic replace (file renamed, index not yet updated). Neo4j: before each
    statement of a write transaction (the server must roll it back) and after each commit.
    """
    _TICKS["n"], _TICKS["kill_at"] = 0, kill_at
    if backend == "networkx":
        import kgmem.store.networkx_store.persist as nxs  # the module that writes the files

        original = nxs._atomic_write

        def hooked(path: Path, parts: Iterator[bytes]) -> None:
            def chunks() -> Iterator[bytes]:
                for part in parts:
                    _tick(f"write chunk of {path.name}")
                    yield part

            original(path, chunks())
            _tick(f"replaced {path.name}")

        nxs._atomic_write = hooked  # type: ignore[assignment]
        return
    import kgmem.store.neo4j_store as n4s
    import kgmem.store.neo4j_write as n4w

    original_wb = n4w.write_batch

    class TxProxy:
        def __init__(self, tx: Any) -> None:
            self._tx = tx

        def run(self, *args: Any, **kwargs: Any) -> Any:
            _tick("tx statement")
            return self._tx.run(*args, **kwargs)

    def write_batch(tx: Any, batch: Any) -> None:
        original_wb(TxProxy(tx), batch)

    n4w.write_batch = write_batch  # type: ignore[assignment]
    original_apply_many = n4s.Neo4jStore.apply_many

    def apply_many(self: Any, writes: Any) -> None:
        original_apply_many(self, writes)
        _tick("committed")

    n4s.Neo4jStore.apply_many = apply_many  # type: ignore[method-assign]


def run_child(args: Sequence[str], env: dict[str, str] | None = None, timeout: float = 300.0) -> subprocess.CompletedProcess[str]:
    """Run ``tests/reliability/crash_child.py`` with ``args`` (repo on PYTHONPATH)."""
    full_env = {**os.environ, **(env or {}), "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, str(Path(__file__).with_name("crash_child.py")), *args],
                          env=full_env, capture_output=True, text=True, timeout=timeout)
