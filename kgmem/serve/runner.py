"""Run an ASGI app with uvicorn on a socket we bind ourselves (so ``--port 0`` works and the
real address is announced on stderr: ``kgmem serve: listening on http://127.0.0.1:PORT``)."""

from __future__ import annotations

import socket
import sys
from typing import Any

READY_PREFIX = "kgmem serve: listening on "
SHUTDOWN_LINE = "kgmem serve: stopped (queued adds finished, store closed)"


def announce_stop() -> None:
    """Say on stderr that shutdown completed (uvicorn then re-raises SIGTERM/SIGINT, so the
    exit status alone cannot tell a clean stop from a killed server)."""
    print(SHUTDOWN_LINE, file=sys.stderr, flush=True)


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host:port`` (port 0: any free port)."""
    family = socket.AF_INET6 if ":" in host.strip("[]") else socket.AF_INET
    # proto must be IPPROTO_TCP: asyncio sets TCP_NODELAY on accepted connections only then, and
    # without it Nagle + delayed ACK add ~40 ms to every response written in two parts
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host.strip("[]"), port))
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def serve(app: Any, host: str, port: int, *, what: str, auth: bool, log_level: str = "warning",
          access_log: bool = False) -> None:
    """Serve ``app`` until SIGINT/SIGTERM (uvicorn then runs the app's shutdown: queued adds
    finish and the store is closed)."""
    import uvicorn

    sock = bind(host, port)
    real_host, real_port = sock.getsockname()[:2]
    shown = f"[{real_host}]" if ":" in real_host else real_host
    config = uvicorn.Config(app, log_level=log_level, access_log=access_log, lifespan="on",
                            timeout_graceful_shutdown=30)
    server = uvicorn.Server(config)
    original_startup = server.startup

    async def startup(sockets: list[socket.socket] | None = None) -> None:
        await original_startup(sockets=sockets)
        if not server.should_exit:
            # the token itself is never printed; only whether one is required
            print(f"{READY_PREFIX}http://{shown}:{real_port} ({what}; "
                  f"{'bearer token required' if auth else 'no token: loopback only'})",
                  file=sys.stderr, flush=True)

    server.startup = startup  # type: ignore[method-assign]
    server.run(sockets=[sock])
