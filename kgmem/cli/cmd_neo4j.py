"""``kgmem neo4j install|start|stop|status|migrate`` and ``kgmem browse``: a thin face over
:mod:`kgmem.neo4j_server` and :class:`kgmem.store.neo4j_store.Neo4jStore`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from kgmem.cli._app import (
    JsonOpt,
    StoreName,
    UserOpt,
    app,
    echo,
    emit_json,
    err,
    fail,
    load_settings,
    neo4j_app,
    open_memory,
    resolve_user,
)

if TYPE_CHECKING:
    from kgmem.settings import Settings
    from kgmem.store.neo4j_store import Neo4jStore

HomeOpt = Annotated[
    Optional[Path],  # noqa: UP045 - typer reads the annotation at runtime
    typer.Option("--home", help="NEO4J_HOME (default $KGMEM_NEO4J_HOME or ~/.cache/kgmem/neo4j-<version>)."),
]


@neo4j_app.command("install")
def install_cmd(
    home: HomeOpt = None,
    force: Annotated[bool, typer.Option("--force", help="Re-resolve the jars.")] = False,
    link: Annotated[bool, typer.Option("--link", help="Make NEO4J_HOME a private home (its own conf, data, logs, pid) whose lib/ links the jars installed once in ~/.cache/kgmem/neo4j-<version> (installed there first when missing): one per test run, so runs on one machine never share a server's files.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Resolve the Neo4j 5.26 Community jars (and Browser) from Maven Central into NEO4J_HOME/lib."""
    from kgmem import neo4j_homes
    from kgmem import neo4j_server as ns

    home = home or ns.default_home(load_settings())
    target = ns.shared_home() if link else home
    err.print(f"installing Neo4j {ns.NEO4J_VERSION} into {target} (Maven; first run downloads ~170 MB)")
    try:
        result = ns.install(target, force=force)
        if link:
            result["home"] = str(neo4j_homes.link_home(home, target))
            result["jars_from"] = str(target / "lib")
    except (ns.Neo4jServerError, neo4j_homes.HomeLinkError) as exc:
        fail(str(exc))
    if as_json:
        emit_json(result)
    else:
        verb = "already installed" if result["skipped"] else f"installed in {result['seconds']}s"
        linked = f", lib/ linked to {result['jars_from']}" if link else ""
        echo(f"Neo4j {ns.NEO4J_VERSION} {verb}: {result['home']} ({result['jars']} jars{linked})")


@neo4j_app.command("start")
def start_cmd(
    home: HomeOpt = None,
    data_dir: Annotated[Optional[Path], typer.Option("--data-dir", help="Data directory (default NEO4J_HOME/data); a fresh one gives a throw-away server.")] = None,  # noqa: UP045
    bolt_port: Annotated[int, typer.Option("--bolt-port", help="0: a free port (printed, and in --json's bolt_uri).")] = 7687,
    http_port: Annotated[int, typer.Option("--http-port", help="0: a free port.")] = 7474,
    password: Annotated[Optional[str], typer.Option("--password", help="Initial password (default NEO4J_PASSWORD); min 8 characters.")] = None,  # noqa: UP045
    no_auth: Annotated[bool, typer.Option("--no-auth", help="Disable authentication (loopback-only server).")] = False,
    heap: Annotated[str, typer.Option("--heap")] = "512m",
    pagecache: Annotated[str, typer.Option("--pagecache")] = "256m",
    timeout: Annotated[float, typer.Option("--timeout", help="Seconds to wait for Bolt.")] = 180.0,
    as_json: JsonOpt = False,
) -> None:
    """Start the local server detached (loopback only) and wait until Bolt answers."""
    from kgmem import neo4j_server as ns

    settings = load_settings()
    if password is None and not no_auth and settings.neo4j_password is not None:
        password = settings.neo4j_password.get_secret_value()
    if no_auth:
        password = None
    if password is None:
        err.print("[yellow]authentication is off[/] (no --password / NEO4J_PASSWORD); the server listens on 127.0.0.1 only")
    err.print("starting Neo4j …")
    try:
        st = ns.start(home or ns.default_home(settings), data_dir=data_dir, bolt_port=bolt_port, http_port=http_port, password=password,
                      user=settings.neo4j_user, heap=heap, pagecache=pagecache, timeout_s=timeout)
    except ns.Neo4jServerError as exc:
        fail(str(exc))
    if as_json:
        emit_json(st.as_dict())
        return
    echo(f"Neo4j {st.version} running (pid {st.pid}) at {st.bolt_uri}, started in {st.start_seconds}s")
    echo(f"Browser: {st.browser_url}")
    echo(f"export NEO4J_URI={st.bolt_uri}")
    if password is not None:
        echo(f"export NEO4J_USER={settings.neo4j_user} NEO4J_PASSWORD=<your password>")


@neo4j_app.command("stop")
def stop_cmd(
    home: HomeOpt = None,
    data_dir: Annotated[Optional[Path], typer.Option("--data-dir", help="Only stop it if it serves this data directory.")] = None,  # noqa: UP045
) -> None:
    """Stop the local server (by its pid file)."""
    from kgmem import neo4j_server as ns

    if ns.stop(home or ns.default_home(load_settings()), data_dir=data_dir):
        echo("Neo4j stopped")
    else:
        echo("Neo4j was not running" + (f" with data directory {data_dir}" if data_dir else ""))


@neo4j_app.command("status")
def status_cmd(home: HomeOpt = None, as_json: JsonOpt = False) -> None:
    """Installed? running (pid, version, URI)? And can kgmem reach NEO4J_URI with its credentials?"""
    from kgmem import neo4j_server as ns
    from kgmem.store.base import StoreError

    settings = load_settings()
    st = ns.status(home or ns.default_home(settings)).as_dict()
    st["configured_uri"] = settings.neo4j_uri
    try:
        store = _open(settings, migrate=False)
        try:
            st["reachable"] = True
            st["server"] = store.server_version()
            st["schema"] = store.schema_info()
        finally:
            store.close()
    except StoreError as exc:
        st["reachable"] = False
        st["error"] = str(exc)
    if as_json:
        emit_json(st)
    else:
        for key, value in st.items():
            echo(f"{key:15} {value}")
    if not st["reachable"] and not st["running"]:
        raise typer.Exit(1)


def _open(settings: Settings, migrate: bool = True, embedding_dim: int = 384) -> Neo4jStore:
    """The server store without schema changes: the admin commands inspect or migrate it."""
    from kgmem.store.neo4j_store import Neo4jStore

    password = settings.neo4j_password.get_secret_value() if settings.neo4j_password else None
    return Neo4jStore(uri=settings.neo4j_uri, user=settings.neo4j_user, password=password,
                      database=settings.neo4j_database, embedding_dim=embedding_dim, migrate=migrate)


@neo4j_app.command("migrate")
def migrate_cmd(
    dim: Annotated[Optional[int], typer.Option("--dim", help="Embedding dimension of the vector indexes (default: recorded, else 384).")] = None,  # noqa: UP045
    as_json: JsonOpt = False,
) -> None:
    """Apply schemas/neo4j/*.cypher idempotently and record the schema version and vector dimension."""
    from kgmem.store.base import StoreError

    settings = load_settings()
    try:
        store = _open(settings, migrate=False)
        try:
            recorded = store.schema_info()
            target = dim or (int(recorded["embedding_dim"]) if recorded and recorded.get("embedding_dim") else 384)
            result = store.migrate(target)
            result["indexes"] = [f"{r['name']} ({r['type']}, {r['state']})" for r in store.indexes()]
        finally:
            store.close()
    except StoreError as exc:
        fail(str(exc))
    if as_json:
        emit_json(result)
    else:
        echo(f"kgmem schema v{result['version']} applied ({result['statements']} statements, "
                   f"vector dimension {result['embedding_dim']})")
        for line in result["indexes"]:
            echo(f"  {line}")


@app.command("browse")
def browse_cmd(
    user: UserOpt,
    date: Annotated[Optional[str], typer.Option("--date", help="ISO date for the 'true on a date' query (default: the user's last session).")] = None,  # noqa: UP045
    as_json: JsonOpt = False,
) -> None:
    """Print the Neo4j Browser URL and the saved queries, with parameters set for one user."""
    from kgmem import neo4j_server as ns
    from kgmem.neo4j_browser import browse_plan
    from kgmem.store.base import FactFilter, StoreError

    settings = load_settings(store=StoreName.neo4j)
    params: dict[str, Any] = {"fact_id": None, "fact_ids": [], "date": date}
    mem = open_memory(settings)
    try:
        user = resolve_user(mem, user)
        sups = mem.store.supersessions(user)
        facts = mem.store.facts(user, FactFilter(current_only=True))
        # an example slot with history, else any fact
        params["fact_id"] = sups[-1].new_fact_id if sups else (facts[-1].id if facts else None)
        params["fact_ids"] = [f.id for f in facts[-3:]]
        sessions = mem.store.sessions(user)
        if date is None and sessions:
            params["date"] = sessions[-1].started_at.isoformat()
    except StoreError as exc:
        err.print(f"[yellow]warning:[/] {exc}; printing the queries without example ids", highlight=False)
    finally:
        mem.close()
    if params["date"] is None:
        params["date"] = "2023-05-20T00:00:00"
    # the running local server's Browser (its HTTP port need not be the default)
    plan = browse_plan(user, params, base_url=ns.status(ns.default_home(settings)).browser_url)
    if as_json:
        emit_json(plan)
        return
    echo(f"Neo4j Browser: {plan['browser_url']}  (connect to {settings.neo4j_uri} as {settings.neo4j_user})")
    echo(f"Style: run `:style` in the Browser and paste {plan['style_file']}")
    echo("\n// 1. set the parameters (paste into the Browser editor and run):")
    echo(plan["params_command"])
    for i, query in enumerate(plan["queries"], start=2):
        echo(f"\n// {i}. {query['title']}   [{query['name']}]")
        echo(query["cypher"])
        echo(f"// open in the editor: {query['edit_url']}")
