"""``kgmem neo4j install|start|stop|status|migrate`` and ``kgmem browse``: a thin face over
:mod:`kgmem.neo4j_server` and :class:`kgmem.store.neo4j_store.Neo4jStore`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from kgmem.cli._app import app, emit_json, err, fail, neo4j_app

HomeOpt = typer.Option(None, "--home", help="NEO4J_HOME (default $KGMEM_NEO4J_HOME or ~/.cache/kgmem/neo4j-<version>).")
JsonOpt = typer.Option(False, "--json", help="Print the result as JSON on stdout.")


def _settings(overrides: dict[str, Any] | None = None) -> Any:
    from kgmem.settings import Settings

    try:
        return Settings.load(overrides or {})
    except ValueError as exc:
        fail(str(exc))


@neo4j_app.command("install")
def install_cmd(home: Path | None = HomeOpt, force: bool = typer.Option(False, "--force", help="Re-resolve the jars."),
                as_json: bool = JsonOpt) -> None:
    """Resolve the Neo4j 5.26 Community jars (and Browser) from Maven Central into NEO4J_HOME/lib."""
    from kgmem import neo4j_server as ns

    err.print(f"installing Neo4j {ns.NEO4J_VERSION} into {home or ns.default_home()} (Maven; first run downloads ~170 MB)")
    try:
        result = ns.install(home, force=force)
    except ns.Neo4jServerError as exc:
        fail(str(exc))
    if as_json:
        emit_json(result)
    else:
        verb = "already installed" if result["skipped"] else f"installed in {result['seconds']}s"
        typer.echo(f"Neo4j {ns.NEO4J_VERSION} {verb}: {result['home']} ({result['jars']} jars)")


@neo4j_app.command("start")
def start_cmd(
    home: Path | None = HomeOpt,
    data_dir: Path | None = typer.Option(None, "--data-dir", help="Data directory (default NEO4J_HOME/data); a fresh one gives a throw-away server."),
    bolt_port: int = typer.Option(7687, "--bolt-port"),
    http_port: int = typer.Option(7474, "--http-port"),
    password: str | None = typer.Option(None, "--password", help="Initial password (default NEO4J_PASSWORD); min 8 characters."),
    no_auth: bool = typer.Option(False, "--no-auth", help="Disable authentication (loopback-only server)."),
    heap: str = typer.Option("512m", "--heap"),
    pagecache: str = typer.Option("256m", "--pagecache"),
    timeout: float = typer.Option(180.0, "--timeout", help="Seconds to wait for Bolt."),
    as_json: bool = JsonOpt,
) -> None:
    """Start the local server detached (loopback only) and wait until Bolt answers."""
    from kgmem import neo4j_server as ns

    settings = _settings()
    if password is None and not no_auth and settings.neo4j_password is not None:
        password = settings.neo4j_password.get_secret_value()
    if no_auth:
        password = None
    if password is None:
        err.print("[yellow]authentication is off[/] (no --password / NEO4J_PASSWORD); the server listens on 127.0.0.1 only")
    err.print("starting Neo4j …")
    try:
        st = ns.start(home, data_dir=data_dir, bolt_port=bolt_port, http_port=http_port, password=password,
                      user=settings.neo4j_user, heap=heap, pagecache=pagecache, timeout_s=timeout)
    except ns.Neo4jServerError as exc:
        fail(str(exc))
    if as_json:
        emit_json(st.as_dict())
        return
    typer.echo(f"Neo4j {st.version} running (pid {st.pid}) at {st.bolt_uri}, started in {st.start_seconds}s")
    typer.echo(f"Browser: {st.browser_url}")
    typer.echo(f"export NEO4J_URI={st.bolt_uri}")
    if password is not None:
        typer.echo(f"export NEO4J_USER={settings.neo4j_user} NEO4J_PASSWORD=<your password>")


@neo4j_app.command("stop")
def stop_cmd(
    home: Path | None = HomeOpt,
    data_dir: Path | None = typer.Option(None, "--data-dir", help="Only stop it if it serves this data directory."),
) -> None:
    """Stop the local server (by its pid file)."""
    from kgmem import neo4j_server as ns

    if ns.stop(home, data_dir=data_dir):
        typer.echo("Neo4j stopped")
    else:
        typer.echo("Neo4j was not running" + (f" with data directory {data_dir}" if data_dir else ""))


@neo4j_app.command("status")
def status_cmd(home: Path | None = HomeOpt, as_json: bool = JsonOpt) -> None:
    """Installed? running (pid, version, URI)? And can kgmem reach NEO4J_URI with its credentials?"""
    from kgmem import neo4j_server as ns
    from kgmem.store.base import StoreError

    st = ns.status(home).as_dict()
    settings = _settings()
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
            typer.echo(f"{key:15} {value}")
    if not st["reachable"] and not st["running"]:
        raise typer.Exit(1)


def _open(settings: Any, migrate: bool = True, embedding_dim: int = 384) -> Any:
    from kgmem.store.neo4j_store import Neo4jStore

    password = settings.neo4j_password.get_secret_value() if settings.neo4j_password else None
    return Neo4jStore(uri=settings.neo4j_uri, user=settings.neo4j_user, password=password,
                      database=settings.neo4j_database, embedding_dim=embedding_dim, migrate=migrate)


@neo4j_app.command("migrate")
def migrate_cmd(
    dim: int | None = typer.Option(None, "--dim", help="Embedding dimension of the vector indexes (default: recorded, else 384)."),
    as_json: bool = JsonOpt,
) -> None:
    """Apply schemas/neo4j/*.cypher idempotently and record the schema version and vector dimension."""
    from kgmem.store.base import StoreError

    settings = _settings()
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
        typer.echo(f"kgmem schema v{result['version']} applied ({result['statements']} statements, "
                   f"vector dimension {result['embedding_dim']})")
        for line in result["indexes"]:
            typer.echo(f"  {line}")


@app.command("browse")
def browse_cmd(
    user: str = typer.Option(..., "--user", help="User namespace id (e.g. 'oracle:e47becba')."),
    date: str | None = typer.Option(None, "--date", help="ISO date for the 'true on a date' query (default: the user's last session)."),
    as_json: bool = JsonOpt,
) -> None:
    """Print the Neo4j Browser URL and the saved queries, with parameters set for one user."""
    from kgmem import neo4j_server as ns
    from kgmem.store.base import FactFilter, StoreError

    settings = _settings()
    params: dict[str, Any] = {"fact_id": None, "fact_ids": [], "date": date}
    try:
        store = _open(settings, migrate=False)
        try:
            known = store.users()
            if user not in known:
                # a bare question id names the namespace "<tag>:<id>" when exactly one matches
                matches = [u for u in known if u.split(":", 1)[-1] == user]
                if len(matches) != 1:
                    listing = ", ".join((matches or known)[:10]) or "none yet: ingest with --store neo4j"
                    fail(f"no user {user!r} in Neo4j at {settings.neo4j_uri} (candidates: {listing})")
                user = matches[0]
            sups = store.supersessions(user)
            facts = store.facts(user, FactFilter(current_only=True))
            # an example slot with history, else any fact
            params["fact_id"] = sups[-1].new_fact_id if sups else (facts[-1].id if facts else None)
            params["fact_ids"] = [f.id for f in facts[-3:]]
            sessions = store.sessions(user)
            if date is None and sessions:
                params["date"] = sessions[-1].started_at.isoformat()
        finally:
            store.close()
    except StoreError as exc:
        err.print(f"[yellow]warning:[/] {exc}; printing the queries without example ids")
    if params["date"] is None:
        params["date"] = "2023-05-20T00:00:00"
    plan = ns.browse_plan(user, params)
    if as_json:
        emit_json(plan)
        return
    typer.echo(f"Neo4j Browser: {plan['browser_url']}  (connect to {settings.neo4j_uri} as {settings.neo4j_user})")
    typer.echo(f"Style: run `:style` in the Browser and paste {plan['style_file']}")
    typer.echo("\n// 1. set the parameters (paste into the Browser editor and run):")
    typer.echo(plan["params_command"])
    for i, query in enumerate(plan["queries"], start=2):
        typer.echo(f"\n// {i}. {query['title']}   [{query['name']}]")
        typer.echo(query["cypher"])
        typer.echo(f"// open in the editor: {query['edit_url']}")
