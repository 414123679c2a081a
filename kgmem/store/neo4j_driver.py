"""The Bolt connection of :class:`~kgmem.store.neo4j_store.Neo4jStore`: fast, clear failure.

Every failure becomes ONE :class:`StoreError` line that names the URI and what to do. Nothing
waits long for a server that is gone:

- connecting (refused port, wrong host, a port that accepts but never speaks Bolt) is bounded by
  ``connection_timeout_s`` (the driver's deadline covers the TCP connect and the Bolt hello);
- the driver's own retry loop (30 s by default: 30-90 s of back-off were seen when a server
  died mid-ingest) is off for reads (``retry_s``); writes run in explicit transactions that are
  retried only on *transient* server errors (deadlocks between parallel workers), never on a lost
  connection;
- a server that hangs mid-transaction is detected by the driver's read timeout, which the server
  sets through its ``connection.recv_timeout_seconds`` hint (``keep_alive`` × ``probes``; the
  kgmem server config makes it 6 s and has the server send NOOP chunks every 3 s while a long
  statement runs, so a slow-but-alive server is never mistaken for a hung one).

A transaction that fails is rolled back by the server (or dropped with the connection): nothing
of it is stored, so a re-run completes the work.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable
from typing import Any, TypeVar

from kgmem.store.base import StoreError

T = TypeVar("T")

#: how often a write transaction is retried after a transient error (deadlock, lock timeout)
TRANSIENT_RETRIES = 5
START_HINT = "start it with `kgmem neo4j start` (or `docker compose -f docker/compose.yml up -d`)"


def _one_line(text: object) -> str:
    return " ".join(str(text).split())


class Neo4jConnection:
    """A driver plus the translation of its failures into :class:`StoreError`."""

    def __init__(self, uri: str, user: str, password: str | None, database: str,
                 connection_timeout_s: float = 2.0, retry_s: float = 0.0) -> None:
        from neo4j import GraphDatabase

        # the driver logs each failure it then raises; we raise it as one line, so without a
        # handler configured by the application its log lines must not reach stderr too
        logging.getLogger("neo4j").addHandler(logging.NullHandler())

        self.uri = uri
        self.user = user
        self.database = database
        self.auth_given = password is not None
        auth = (user, password) if password is not None else None
        try:
            self.driver = GraphDatabase.driver(
                uri, auth=auth,
                connection_timeout=connection_timeout_s,
                # a pool with a dead server answers at once instead of waiting for a connection
                connection_acquisition_timeout=connection_timeout_s + 0.5,
                max_transaction_retry_time=retry_s,
                # notifications off: "property key does not exist" warnings on a fresh database are noise
                notifications_min_severity="OFF",
            )
        except ValueError as exc:  # a malformed URI
            raise StoreError(f"invalid NEO4J_URI {uri!r}: {_one_line(exc)}") from exc

    def close(self) -> None:
        with contextlib.suppress(Exception):  # closing a pool of a dead server must not mask its error
            self.driver.close()

    # -- errors ----------------------------------------------------------------------------
    def translate(self, exc: BaseException) -> StoreError:
        """One clear line per failure class (connection, hang, auth, database, schema).

        Errors after which no write can succeed carry ``fatal = True`` (ingest stops at once)."""
        error = self._translate(exc)
        if "refused a kgmem query" not in str(error):
            error.fatal = True
        return error

    def _translate(self, exc: BaseException) -> StoreError:
        from neo4j.exceptions import AuthError, ClientError, ServiceUnavailable, SessionExpired

        if isinstance(exc, AuthError):
            if self.auth_given:
                return StoreError(f"Neo4j at {self.uri} rejected user {self.user!r}: wrong NEO4J_USER / "
                                  f"NEO4J_PASSWORD; set the right ones and re-run ({_one_line(exc.message)})")
            return StoreError(f"Neo4j at {self.uri} requires authentication: set NEO4J_PASSWORD (and NEO4J_USER)")
        if isinstance(exc, (ServiceUnavailable, SessionExpired, OSError)):
            text = _one_line(exc)
            cause = exc.__cause__ or exc.__context__
            if "timed out" in text.lower() or isinstance(cause, TimeoutError) or isinstance(exc, TimeoutError):
                return StoreError(
                    f"Neo4j at {self.uri} stopped answering (no reply within the timeout): check the server "
                    f"(`kgmem neo4j status`, its logs), restart it and re-run — the unfinished batch was "
                    f"rolled back and a re-run completes it ({text})")
            return StoreError(f"cannot reach Neo4j at {self.uri}: {START_HINT}, then re-run "
                              f"— nothing unfinished was kept ({text})")
        if isinstance(exc, ClientError):
            code = exc.code or ""
            message = _one_line(exc.message or "")
            if "DatabaseNotFound" in code:
                return StoreError(f"Neo4j at {self.uri} has no database {self.database!r}: set NEO4J_DATABASE "
                                  f"(Community edition has only 'neo4j')")
            if "Procedure" in code or "IndexNotFound" in code or "no such fulltext schema index" in message:
                return StoreError(f"Neo4j at {self.uri}: the kgmem schema is missing or incomplete ({message}); "
                                  f"run `kgmem neo4j migrate`")
            return StoreError(f"Neo4j at {self.uri} refused a kgmem query: {code}: {message}")
        return StoreError(f"Neo4j at {self.uri}: {type(exc).__name__}: {_one_line(exc)}")

    def call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run ``fn``; driver and socket errors become one :class:`StoreError`."""
        from neo4j.exceptions import DriverError, Neo4jError

        try:
            return fn(*args, **kwargs)
        except StoreError:
            raise
        except (Neo4jError, DriverError, OSError) as exc:
            raise self.translate(exc) from exc

    # -- queries ---------------------------------------------------------------------------
    def read(self, cypher: str, **params: Any) -> list[dict[str, Any]]:
        """One read query (auto-routed to a reader; retried at most ``retry_s``)."""
        from neo4j import RoutingControl

        def run() -> list[dict[str, Any]]:
            records, _, _ = self.driver.execute_query(cypher, params, database_=self.database,
                                                      routing_=RoutingControl.READ)
            return [r.data() for r in records]

        return self.call(run)

    def write(self, cypher: str, **params: Any) -> list[dict[str, Any]]:
        """One write query in its own transaction."""
        def run() -> list[dict[str, Any]]:
            records, _, _ = self.driver.execute_query(cypher, params, database_=self.database)
            return [r.data() for r in records]

        return self.call(run)

    def write_tx(self, work: Callable[[Any], None]) -> None:
        """Run ``work(tx)`` in one explicit transaction and commit it.

        Retried (from scratch) only on transient server errors; a lost or hung connection fails
        at once. On any failure the transaction is rolled back and nothing of it is stored."""
        from neo4j.exceptions import TransientError

        def run() -> None:
            for attempt in range(1, TRANSIENT_RETRIES + 1):
                try:
                    self._run_tx(work)
                    return
                except TransientError as exc:
                    if attempt == TRANSIENT_RETRIES or not exc.is_retryable():
                        raise
                    time.sleep(0.1 * attempt)

        self.call(run)

    def _run_tx(self, work: Callable[[Any], None]) -> None:
        session = self.driver.session(database=self.database)
        try:
            tx = session.begin_transaction()
            try:
                work(tx)
                tx.commit()
            except BaseException:
                # a dead connection cannot roll back: the server drops the transaction with it
                with contextlib.suppress(Exception):
                    tx.rollback()
                raise
        finally:
            with contextlib.suppress(Exception):
                session.close()
