"""``kgmem serve http``: a small REST API over the same service as the MCP tools (FastAPI).

JSON in and out; every error body is ``{"error": {"code", "message"}}`` (see
:data:`kgmem.serve.service.STATUS`); the OpenAPI document is at ``/openapi.json`` (browsable at
``/docs``). Loopback by default; beyond it only with a bearer token (:mod:`kgmem.serve.security`).
"""

# no ``from __future__ import annotations``: FastAPI reads the route signatures at runtime
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Annotated, Any, TypeVar

from fastapi import FastAPI, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from kgmem.serve import schemas as s
from kgmem.serve.runner import announce_stop
from kgmem.serve.security import DEFAULT_MAX_BODY_BYTES, guard
from kgmem.serve.service import MemoryService, ServiceError

T = TypeVar("T")
log = logging.getLogger("kgmem.serve")
User = Annotated[str, Path(description="An exact user id (see GET /v1/users).")]

_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": s.ErrorOut, "description": why} for code, why in (
        (400, "Bad JSON"), (401, "Missing or invalid bearer token"), (404, "Unknown user"),
        (413, "Body too large"), (422, "Missing or invalid fields"), (503, "Store unavailable or queue full"))
}


def _call(fn: Callable[[], T]) -> T:
    from kgmem.llm.base import LLMError
    from kgmem.store.base import StoreError

    try:
        return fn()
    except StoreError as exc:
        raise ServiceError("store_unavailable", str(exc)) from None
    except LLMError as exc:
        raise ServiceError("model_unavailable", str(exc)) from None


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


def _install_error_handlers(app: FastAPI) -> None:
    """Every error the API answers has the body ``{"error": {"code", "message"}}``."""

    @app.exception_handler(ServiceError)
    async def _service_error(_: Request, exc: ServiceError) -> JSONResponse:
        return _error(exc.status, exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        errs = list(exc.errors())
        if any(e.get("type") == "json_invalid" for e in errs):
            return _error(400, "bad_json", "the request body is not valid JSON")
        parts = []
        for e in errs[:5]:
            loc = ".".join(str(p) for p in e.get("loc", ()) if p != "body")
            parts.append(f"{loc or 'body'}: {e.get('msg')}")
        return _error(422, "invalid_argument", "; ".join(parts))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "bad_request")
        return _error(exc.status_code, code, str(exc.detail))

    @app.exception_handler(Exception)
    async def _crash(_: Request, exc: Exception) -> JSONResponse:
        log.error("request failed: %s: %s", type(exc).__name__, exc)
        return _error(500, "internal", f"internal error ({type(exc).__name__}); see the server log")


def create_app(service: MemoryService, *, token: str | None = None,
               max_body_bytes: int = DEFAULT_MAX_BODY_BYTES, warm: bool = True,
               mcp_path: str | None = "/mcp", host: str = "127.0.0.1") -> Any:
    """The ASGI application: FastAPI routes — and, at ``mcp_path``, the MCP tools over
    streamable HTTP, so one process serves both faces — behind the body cap and the token.
    ``host`` is the listening address (MCP's DNS-rebinding check on loopback uses it)."""
    from kgmem.serve.mcp_app import build_mcp_server

    mcp = build_mcp_server(service, owns_service=False) if mcp_path else None
    app = FastAPI(title="kgmem", version=service.version, lifespan=_lifespan(service, mcp, warm=warm),
                  responses=_ERRORS,
                  description="A temporal knowledge-graph memory for conversational agents: add "
                              "conversations, then search, answer and trace how facts changed.")
    _install_error_handlers(app)
    _add_plain_routes(app, service)
    _add_memory_routes(app, service)
    if mcp is not None and mcp_path:
        app.router.routes.extend(
            mcp.streamable_http_app(streamable_http_path=mcp_path, host=host, json_response=True).routes)
    return guard(app, token=token, max_body_bytes=max_body_bytes)


def _lifespan(service: MemoryService, mcp: Any, *, warm: bool) -> Callable[[Any], Any]:
    """Warm the service before the first request (in a thread: it loads models), run the MCP
    session manager while serving, and finish queued adds and close the store on shutdown."""

    @asynccontextmanager
    async def lifespan(_: Any) -> AsyncIterator[None]:
        import contextlib

        import anyio.to_thread

        if warm:
            await anyio.to_thread.run_sync(service.warm)
        try:
            async with mcp.session_manager.run() if mcp is not None else contextlib.nullcontext():
                yield
        finally:
            await anyio.to_thread.run_sync(service.close)
            announce_stop()

    return lifespan


def _no_args(fn: Callable[[], T]) -> Callable[[], T]:
    def endpoint() -> T:
        return _call(fn)

    return endpoint


def _per_user(fn: Callable[[str], T]) -> Callable[[str], T]:
    def endpoint(user_id: User) -> T:
        return _call(lambda: fn(user_id))

    return endpoint


def _add_plain_routes(app: FastAPI, service: MemoryService) -> None:
    """The routes without a body: the server's and the users' (one table, like docs/api.md's)."""

    @app.get("/v1/health", tags=["server"])
    def health() -> dict[str, str]:
        """Liveness (no token needed, no data)."""
        return {"status": "ok"}

    @app.get("/v1/jobs/{job_id}", tags=["server"])
    def job(job_id: str) -> s.JobOut:
        """One queued add: queued, running, done (with its result) or failed (with the error)."""
        return service.get_job(job_id)

    table: list[tuple[str, str, str, Callable[..., Any], type, str]] = [
        ("GET", "/v1/status", "status", _no_args(service.get_status), s.StatusOut,
         "Store totals, the async-add queue and calls per tool."),
        ("GET", "/v1/users/{user_id}", "user_status", _per_user(service.get_status), s.StatusOut,
         "One user's counts (sessions, turns, entities, facts, supersessions); 404 when unknown."),
        ("GET", "/v1/users", "list_users", _no_args(service.list_users), s.UsersOut, "Every user id with memory."),
        ("DELETE", "/v1/users/{user_id}", "delete_user", _per_user(service.delete_user), s.DeleteOut,
         "Forget one user entirely (404 when unknown)."),
    ]
    for method, path, name, endpoint, model, doc in table:
        app.add_api_route(path, endpoint, methods=[method], name=name, response_model=model, description=doc,
                          tags=["server" if path == "/v1/status" else "users"])


def _add_memory_routes(app: FastAPI, service: MemoryService) -> None:
    """What memory holds about one user: add, search, answer, facts, history."""

    @app.post("/v1/users/{user_id}/messages", tags=["memory"])
    def add_messages(user_id: User, body: s.AddMessagesIn) -> s.AddMessagesOut:
        """Store a conversation (creates the user). Synchronous unless ``background`` is true."""
        return _call(lambda: service.add_messages(user_id, body.messages, body.timestamp,
                                                  body.session_id, body.background))

    @app.post("/v1/users/{user_id}/search", tags=["memory"])
    def search(user_id: User, body: s.SearchIn) -> s.SearchOut:
        """Facts (with validity and cited turns) and turns matching a query."""
        return _call(lambda: service.search_memory(user_id, body.query, body.as_of,
                                                   body.question_date, body.limit))

    @app.post("/v1/users/{user_id}/answer", tags=["memory"])
    def answer(user_id: User, body: s.AnswerIn) -> s.AnswerOut:
        """Answer a question: computed, abstained, model-written or the best memory line."""
        return _call(lambda: service.answer(user_id, body.question, body.question_date, body.as_of))

    @app.get("/v1/users/{user_id}/facts", tags=["memory"])
    def facts(user_id: User, predicate: Annotated[str | None, Query()] = None,
              subject: Annotated[str | None, Query()] = None,
              as_of: Annotated[str | None, Query(description="Memory as it stood on this date.")] = None,
              current_only: bool = False) -> s.FactsOut:
        """What memory holds about a user."""
        return _call(lambda: service.list_facts(user_id, predicate, subject, as_of, current_only))

    @app.get("/v1/users/{user_id}/history", tags=["memory"])
    def history(user_id: User, predicate: Annotated[str, Query(min_length=1)],
                subject: Annotated[str, Query(min_length=1)] = "user") -> s.HistoryOut:
        """Every version of a (subject, predicate) slot and its SUPERSEDES chain."""
        return _call(lambda: service.get_history(user_id, subject, predicate))
