"""``kgmem serve mcp|http``: one warm process serving the memory to agents.

mcp, uvicorn and FastAPI are imported inside the commands, so ``kgmem --help`` stays fast.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any, Optional

import typer

from kgmem.cli._app import StoreOpt, app, fail, load_settings, open_memory

serve_app = typer.Typer(help="Serve the memory to agents: MCP (stdio or streamable HTTP) and a REST API.",
                        no_args_is_help=True)
app.add_typer(serve_app, name="serve")

TokenOpt = Annotated[Optional[str], typer.Option(  # noqa: UP045
    "--token", help="Bearer token clients must send (required to bind beyond loopback). Prefer "
                    "KGMEM_SERVE_TOKEN: a flag shows in `ps`. Never logged.")]
NoLlmOpt = Annotated[bool, typer.Option("--no-llm", help="Answer without a model (computed answers, "
                                                         "abstentions, best memory line).")]
MaxBodyOpt = Annotated[int, typer.Option("--max-body-bytes", min=1024, help="Largest request body accepted (413 above).")]
NoWarmOpt = Annotated[bool, typer.Option("--no-warm", help="Skip loading the models before serving.")]


class Transport(str, Enum):
    """An MCP transport (``--transport``)."""

    stdio = "stdio"
    http = "http"


def _service(settings: Any, no_llm: bool) -> Any:
    from kgmem.serve.service import MemoryService

    return MemoryService(open_memory(settings, llm=False if no_llm else None))


def _token(settings: Any, host: str) -> str | None:
    """The bearer token (flag, else KGMEM_SERVE_TOKEN), after checking it may bind ``host``."""
    from kgmem.serve.security import BindError, check_bind

    token = settings.serve_token.get_secret_value() if settings.serve_token else None
    try:
        check_bind(host, token)
    except BindError as exc:
        fail(str(exc))
    return token


@serve_app.command("mcp")
def serve_mcp(
    transport: Annotated[Transport, typer.Option("--transport", help="stdio (an MCP client starts this "
                                                                     "command) or http (streamable HTTP at --path).")] = Transport.stdio,
    host: Annotated[str, typer.Option("--host", help="Address for --transport http.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port for --transport http (0: any free one).")] = 8765,
    path: Annotated[str, typer.Option("--path", help="MCP endpoint path for --transport http.")] = "/mcp",
    token: TokenOpt = None,
    store_name: StoreOpt = None,
    no_llm: NoLlmOpt = False,
    max_body_bytes: MaxBodyOpt = 1024 * 1024,
    no_warm: NoWarmOpt = False,
) -> None:
    """Serve MCP tools: add_messages, search_memory, answer, get_history, list_users,
    delete_user, get_status."""
    settings = load_settings(store=store_name, serve_token=token)
    if transport == Transport.stdio:
        from kgmem.serve.mcp_app import run_stdio

        run_stdio(_service(settings, no_llm), warm=not no_warm)
        return
    secret = _token(settings, host)
    from kgmem.serve.mcp_app import streamable_http_asgi
    from kgmem.serve.runner import serve
    from kgmem.serve.security import guard

    asgi = guard(streamable_http_asgi(_service(settings, no_llm), host=host, path=path, warm=not no_warm),
                 token=secret, max_body_bytes=max_body_bytes)
    serve(asgi, host, port, what=f"MCP streamable HTTP at {path}", auth=bool(secret))


@serve_app.command("http")
def serve_http(
    host: Annotated[str, typer.Option("--host", help="Address to listen on (beyond loopback only with --token).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port (0: any free one).")] = 8766,
    token: TokenOpt = None,
    store_name: StoreOpt = None,
    no_llm: NoLlmOpt = False,
    max_body_bytes: MaxBodyOpt = 1024 * 1024,
    no_warm: NoWarmOpt = False,
    access_log: Annotated[bool, typer.Option("--access-log", help="Log every request line (never headers).")] = False,
    no_mcp: Annotated[bool, typer.Option("--no-mcp", help="Do not also serve the MCP tools at /mcp.")] = False,
) -> None:
    """Serve the REST API (JSON; OpenAPI at /openapi.json, docs at /docs) and the MCP tools over
    streamable HTTP at /mcp, from one process."""
    settings = load_settings(store=store_name, serve_token=token)
    secret = _token(settings, host)
    from kgmem.serve.http_app import create_app
    from kgmem.serve.runner import serve

    asgi = create_app(_service(settings, no_llm), token=secret, max_body_bytes=max_body_bytes,
                      warm=not no_warm, mcp_path=None if no_mcp else "/mcp", host=host)
    serve(asgi, host, port, what="REST API, OpenAPI at /openapi.json" + ("" if no_mcp else ", MCP at /mcp"),
          auth=bool(secret),
          log_level="info" if access_log else "warning", access_log=access_log)
