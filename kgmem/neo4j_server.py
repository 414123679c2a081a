"""A local Neo4j 5.26 Community server without Docker: install, start, stop, status.

Neo4j publishes its server jars on Maven Central, so ``install`` resolves them with Maven
(``docker/neo4j-local/pom.xml``) into ``$NEO4J_HOME/lib``; ``start`` writes a loopback-only
``neo4j.conf``, sets the initial password (when one is configured) and runs
``org.neo4j.server.CommunityEntryPoint`` detached, with a pid file, then polls Bolt with the
Python driver until the server answers. The CLI (``kgmem neo4j …``) is a thin face over these
functions.

``NEO4J_HOME`` defaults to ``~/.cache/kgmem/neo4j-<version>`` (outside the repository; override
with ``KGMEM_NEO4J_HOME``).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from kgmem.neo4j_homes import free_port, home_lock
from kgmem.settings import Settings

NEO4J_VERSION = "5.26.30"
BROWSER_VERSION = "5.24.0"
DEFAULT_BOLT_PORT = 7687
DEFAULT_HTTP_PORT = 7474
#: Neo4j refuses initial passwords shorter than this
MIN_PASSWORD_LEN = 8

#: pom.xml and the conf template ship as package data (docker/neo4j-local is a link to them)
_LOCAL_DIR = Path(__file__).resolve().parent / "resources" / "neo4j-local"
POM_PATH = _LOCAL_DIR / "pom.xml"
CONF_TEMPLATE = _LOCAL_DIR / "neo4j.conf.template"

#: JVM flags the neo4j launcher would add (module opens for Netty/Lucene, G1, no JMX)
_JVM_FLAGS = [
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
]


class Neo4jServerError(RuntimeError):
    """A local-server failure with a message meant for the user."""


@dataclass
class ServerStatus:
    """What ``kgmem neo4j status`` reports."""

    home: str
    installed: bool
    running: bool
    pid: int | None = None
    version: str | None = None
    bolt_uri: str | None = None
    browser_url: str | None = None
    data_dir: str | None = None
    auth: bool | None = None
    start_seconds: float | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


# --------------------------------------------------------------------------- paths


def default_home(settings: Settings | None = None) -> Path:
    """``Settings.neo4j_home`` (``$KGMEM_NEO4J_HOME``) or ``~/.cache/kgmem/neo4j-<version>``."""
    configured = (settings or Settings.load()).neo4j_home
    if configured is not None:
        return configured.expanduser()
    return shared_home()


def shared_home() -> Path:
    """The machine's one install, ``~/.cache/kgmem/neo4j-<version>``, whose jars linked homes share."""
    return Path.home() / ".cache" / "kgmem" / f"neo4j-{NEO4J_VERSION}"


def _pid_file(home: Path) -> Path:
    return home / "run" / "kgmem-neo4j.pid"


def _state_file(home: Path) -> Path:
    # the settings of the running instance (ports, data dir), written by start()
    return home / "run" / "instance.json"


def is_installed(home: Path) -> bool:
    """True when the server and Browser jars are in ``home/lib``."""
    lib = home / "lib"
    return (lib / f"neo4j-server-{NEO4J_VERSION}.jar").is_file() and any(lib.glob("neo4j-browser-*.jar"))


# --------------------------------------------------------------------------- install


def install(home: Path | None = None, *, force: bool = False) -> dict[str, Any]:
    """Resolve the Neo4j Community jars with Maven into ``home/lib``; returns a summary.

    Idempotent: an installed home is left alone unless ``force``. Installs into one home take
    turns (two test runs' first installs must not both write its lib/).
    """
    home = home or default_home()
    with home_lock(home, "install"):
        return _install(home, force)


def _install(home: Path, force: bool) -> dict[str, Any]:
    if is_installed(home) and not force:
        return {"home": str(home), "installed": True, "skipped": True, "seconds": 0.0,
                "jars": len(list((home / "lib").glob("*.jar")))}
    mvn = shutil.which("mvn")
    if mvn is None:
        raise Neo4jServerError("Maven (`mvn`) is not on PATH; install it (apt-get install maven) and retry")
    if shutil.which("java") is None:
        raise Neo4jServerError("`java` (17+) is not on PATH; install a JDK 17 and retry")
    if not POM_PATH.is_file():
        raise Neo4jServerError(f"{POM_PATH} is missing; reinstall kgmem from a checkout")
    lib = home / "lib"
    if force and lib.exists():
        shutil.rmtree(lib)
    lib.mkdir(parents=True, exist_ok=True)
    t0 = time.monotonic()
    cmd = [mvn, "-q", "-B", "-f", str(POM_PATH), "dependency:copy-dependencies",
           f"-DoutputDirectory={lib}", f"-Dneo4j.version={NEO4J_VERSION}",
           f"-Dneo4j.browser.version={BROWSER_VERSION}"]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        tail = (proc.stdout + proc.stderr).strip().splitlines()[-15:]
        raise Neo4jServerError("Maven could not resolve the Neo4j jars:\n" + "\n".join(tail))
    if not is_installed(home):
        raise Neo4jServerError(f"Maven finished but {lib} lacks neo4j-server-{NEO4J_VERSION}.jar")
    return {"home": str(home), "installed": True, "skipped": False,
            "seconds": round(time.monotonic() - t0, 1), "jars": len(list(lib.glob("*.jar")))}


# --------------------------------------------------------------------------- config


def render_config(*, data_dir: Path, logs_dir: Path, bolt_port: int, http_port: int,
                  heap: str = "512m", pagecache: str = "256m", auth: bool = True) -> str:
    """The loopback-only ``neo4j.conf`` text (from ``docker/neo4j-local/neo4j.conf.template``)."""
    template = CONF_TEMPLATE.read_text(encoding="utf-8")
    return template.format(
        data_dir=data_dir.as_posix(), logs_dir=logs_dir.as_posix(), bolt_port=bolt_port,
        http_port=http_port, heap=heap, pagecache=pagecache, auth="true" if auth else "false",
    )


def _java_base(home: Path) -> list[str]:
    java = shutil.which("java")
    if java is None:
        raise Neo4jServerError("`java` (17+) is not on PATH; install a JDK 17 and retry")
    return [java, "-cp", f"{home / 'lib'}/*", f"-Dbasedir={home}"]


def set_initial_password(home: Path, password: str) -> None:
    """Run ``neo4j-admin dbms set-initial-password`` against the configured data directory."""
    if len(password) < MIN_PASSWORD_LEN:
        raise Neo4jServerError(f"Neo4j needs a password of at least {MIN_PASSWORD_LEN} characters")
    cmd = [*_java_base(home), "org.neo4j.server.startup.Neo4jAdminCommand",
           "dbms", "set-initial-password", password]
    env = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")}
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=home, env=env)
    if proc.returncode != 0:
        raise Neo4jServerError("neo4j-admin set-initial-password failed: " + (proc.stdout + proc.stderr).strip()[-800:])


# --------------------------------------------------------------------------- process control


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # a zombie child still answers kill(0); read its state to tell
    stat = Path(f"/proc/{pid}/stat")
    if stat.is_file():
        try:
            return stat.read_text().split(") ", 1)[1][0] != "Z"
        except (OSError, IndexError):
            return True
    return True


def _read_pid(home: Path) -> int | None:
    path = _pid_file(home)
    if not path.is_file():
        return None
    try:
        pid = int(path.read_text().strip())
    except ValueError:
        return None
    return pid if _pid_alive(pid) else None


def _read_state(home: Path) -> dict[str, Any]:
    import json

    path = _state_file(home)
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text())
    except json.JSONDecodeError:
        return {}
    return data if isinstance(data, dict) else {}


def wait_for_bolt(uri: str, auth: tuple[str, str] | None, timeout_s: float = 120.0,
                  pid: int | None = None, log_hint: Path | None = None) -> str:
    """Poll Bolt until the server answers; returns the server version string."""
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError, ServiceUnavailable

    deadline = time.monotonic() + timeout_s
    last: Exception | None = None
    while time.monotonic() < deadline:
        if pid is not None and not _pid_alive(pid):
            hint = f"; see {log_hint}" if log_hint else ""
            raise Neo4jServerError(f"Neo4j exited during start-up{hint}")
        try:
            with GraphDatabase.driver(uri, auth=auth, connection_timeout=2.0) as driver:
                driver.verify_connectivity()
                records, _, _ = driver.execute_query("CALL dbms.components() YIELD versions RETURN versions[0] AS v")
                return str(records[0]["v"])
        except AuthError as exc:
            raise Neo4jServerError(f"Neo4j at {uri} is up but rejected the credentials: {exc.message}") from exc
        except (ServiceUnavailable, OSError) as exc:
            last = exc  # not listening yet
        time.sleep(0.5)
    raise Neo4jServerError(f"Neo4j did not answer on {uri} within {timeout_s:.0f}s (last error: {last})")


def start(home: Path | None = None, *, data_dir: Path | None = None, bolt_port: int = DEFAULT_BOLT_PORT,
          http_port: int = DEFAULT_HTTP_PORT, password: str | None = None, user: str = "neo4j",
          heap: str = "512m", pagecache: str = "256m", timeout_s: float = 180.0) -> ServerStatus:
    """Start the server detached and wait for Bolt readiness.

    ``password`` set → authentication on, with that initial password (only takes effect on a
    fresh data directory); ``None`` → authentication off (the server listens on 127.0.0.1 only).
    ``data_dir`` defaults to ``home/data``; pass a fresh directory for a throw-away CI server.
    A port of 0 → a free port (the status says which). Starts from one home take turns (a lock in
    ``home/run``): the second of two at once finds the first running instead of rewriting its conf.
    """
    import json

    home = (home or default_home()).resolve()
    if not is_installed(home):
        raise Neo4jServerError(f"Neo4j is not installed in {home}: run `kgmem neo4j install` first")
    bolt_port = bolt_port or free_port()
    http_port = http_port or free_port(taken=frozenset({bolt_port}))
    data_dir = (data_dir or home / "data").resolve()
    logs_dir = (data_dir.parent / (data_dir.name + "-logs")) if data_dir != home / "data" else home / "logs"
    auth = password is not None
    with home_lock(home):
        running = _read_pid(home)
        if running is not None:
            raise Neo4jServerError(f"Neo4j is already running from {home} (pid {running}); `kgmem neo4j stop` first")
        data_dir.mkdir(parents=True, exist_ok=True)
        logs_dir.mkdir(parents=True, exist_ok=True)
        (home / "conf").mkdir(exist_ok=True)
        (home / "conf" / "neo4j.conf").write_text(render_config(
            data_dir=data_dir, logs_dir=logs_dir, bolt_port=bolt_port, http_port=http_port,
            heap=heap, pagecache=pagecache, auth=auth), encoding="utf-8")
        if password is not None and not (data_dir / "dbms" / "auth.ini").exists() and not (data_dir / "databases").exists():
            set_initial_password(home, password)
        t0 = time.monotonic()
        cmd = [*_java_base(home), f"-Xms{heap}", f"-Xmx{heap}", *_JVM_FLAGS,
               "org.neo4j.server.CommunityEntryPoint", f"--home-dir={home}", f"--config-dir={home / 'conf'}"]
        with (logs_dir / "console.log").open("ab") as log:
            # new session: the server outlives the CLI process and its terminal
            proc = subprocess.Popen(cmd, cwd=home, stdout=log, stderr=subprocess.STDOUT,
                                    stdin=subprocess.DEVNULL, start_new_session=True)
        _pid_file(home).write_text(str(proc.pid))
    uri = f"bolt://127.0.0.1:{bolt_port}"
    state: dict[str, Any] = {"pid": proc.pid, "bolt_uri": uri, "browser_url": f"http://127.0.0.1:{http_port}/browser/",
             "data_dir": str(data_dir), "logs_dir": str(logs_dir), "auth": auth}
    _state_file(home).write_text(json.dumps(state))
    try:
        version = wait_for_bolt(uri, (user, password) if password is not None else None, timeout_s,
                                pid=proc.pid, log_hint=logs_dir / "neo4j.log")
    except Neo4jServerError:
        if _pid_alive(proc.pid):
            _terminate(proc.pid, 20.0)
        _pid_file(home).unlink(missing_ok=True)
        raise
    seconds = round(time.monotonic() - t0, 1)
    state["start_seconds"] = seconds
    state["version"] = version
    _state_file(home).write_text(json.dumps(state))
    return ServerStatus(home=str(home), installed=True, running=True, pid=proc.pid, version=version,
                        bolt_uri=uri, browser_url=state["browser_url"], data_dir=str(data_dir),
                        auth=auth, start_seconds=seconds)


def _terminate(pid: int, timeout_s: float) -> None:
    os.kill(pid, signal.SIGTERM)  # Neo4j shuts down cleanly on SIGTERM
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if not _pid_alive(pid):
            return
        try:  # reap it when we are its parent (same Python process started it)
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            pass
        time.sleep(0.2)
    os.kill(pid, signal.SIGKILL)


def stop(home: Path | None = None, timeout_s: float = 60.0, data_dir: Path | None = None) -> bool:
    """Stop the server started from ``home`` by its pid; False when none was running (or, with
    ``data_dir``, when the running one serves another data directory)."""
    home = (home or default_home()).resolve()
    pid = _read_pid(home)
    if pid is not None and data_dir is not None:
        serving = _read_state(home).get("data_dir")
        if serving is not None and Path(serving) != data_dir.resolve():
            return False
    if pid is None:
        _pid_file(home).unlink(missing_ok=True)  # a stale pid file from a crashed server
        return False
    _terminate(pid, timeout_s)
    _pid_file(home).unlink(missing_ok=True)
    return True


def status(home: Path | None = None) -> ServerStatus:
    """Installed? running (pid alive)? and, when running, the version Bolt reports."""
    home = (home or default_home()).resolve()
    state = _read_state(home)
    pid = _read_pid(home)
    st = ServerStatus(home=str(home), installed=is_installed(home), running=pid is not None, pid=pid)
    if pid is not None:
        st.bolt_uri = state.get("bolt_uri")
        st.browser_url = state.get("browser_url")
        st.data_dir = state.get("data_dir")
        st.auth = state.get("auth")
        st.version = state.get("version")
        st.start_seconds = state.get("start_seconds")
    return st
