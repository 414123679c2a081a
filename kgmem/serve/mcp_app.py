"""``kgmem serve mcp``: the memory as Model Context Protocol tools (official ``mcp`` SDK).

Tools are thin over :class:`~kgmem.serve.service.MemoryService`; a failure comes back as a tool
error whose text starts with its code (``unknown_user: …``), never as an empty success.
Transports: stdio (default; an MCP client starts ``kgmem serve mcp``) and streamable HTTP
(``--transport http``; loopback unless a bearer token is set).
"""

# no ``from __future__ import annotations``: the SDK reads the tool signatures at runtime
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Annotated, Any, TypeVar

from pydantic import Field

from kgmem.api_types import ChatMessage
from kgmem.serve import schemas as s
from kgmem.serve.runner import announce_stop
from kgmem.serve.service import MemoryService, ServiceError

T = TypeVar("T")
UserId = Annotated[str, Field(description="The memory's owner: an exact user id (see list_users).")]
When = Annotated[str | None, Field(description="A naive local date or time, e.g. 2023-05-01 or 2023-05-01T10:00.")]

INSTRUCTIONS = """kgmem is a temporal knowledge-graph memory. Store each conversation with
add_messages (one user_id per person; dates matter: pass the conversation's timestamp). Ask with
answer (date arithmetic and current values are computed, unknown things are abstained on) or
search_memory (facts with validity intervals and the turns they cite). get_history shows how a
fact changed (its SUPERSEDES chain). Every tool but list_users/get_status needs an existing
user_id; an unknown one is an error."""


def _call(fn: Callable[[], T]) -> T:
    """Run a service call; expected failures become MCP tool errors with their code."""
    from mcp.server.mcpserver.exceptions import ToolError

    from kgmem.llm.base import LLMError
    from kgmem.store.base import StoreError

    try:
        return fn()
    except ServiceError as exc:
        raise ToolError(f"{exc.code}: {exc.message}") from None
    except StoreError as exc:
        raise ToolError(f"store_unavailable: {exc}") from None
    except LLMError as exc:
        raise ToolError(f"model_unavailable: {exc}") from None


def build_mcp_server(service: MemoryService, *, warm: bool = True, owns_service: bool = True) -> Any:
    """An ``MCPServer`` with the memory tools. When it ``owns_service``, its lifespan warms the
    models and, on exit, finishes queued adds and closes the store (embedded in the HTTP API,
    the API's lifespan does that instead)."""
    from mcp.server.mcpserver import MCPServer

    @asynccontextmanager
    async def lifespan(_: Any) -> AsyncIterator[None]:
        import anyio.to_thread

        if warm:
            await anyio.to_thread.run_sync(service.warm)
        try:
            yield
        finally:
            await anyio.to_thread.run_sync(service.close)
            announce_stop()

    mcp = MCPServer("kgmem", instructions=INSTRUCTIONS, version=service.version,
                    lifespan=lifespan if owns_service else None, log_level="WARNING")

    @mcp.tool()
    def add_messages(user_id: UserId,
                     messages: Annotated[list[ChatMessage], Field(min_length=1, description="The conversation: [{role: user|assistant|system, content}].")],
                     timestamp: When = None, session_id: str | None = None,
                     background: Annotated[bool, Field(description="Queue the add and return at once with a "
                                                                   "job id; get_status reports the queue and failures.")] = False,
                     ) -> s.AddMessagesOut:
        """Store a conversation in the user's memory (the user is created on first add).
        Synchronous by default: returns the session id, the facts added and the supersessions
        made (new fact -> the fact it replaced). Re-sending the same messages with the same
        timestamp stores nothing twice (stored=false)."""
        return _call(lambda: service.add_messages(user_id, messages, timestamp, session_id, background))

    @mcp.tool()
    def search_memory(user_id: UserId, query: str, as_of: When = None, question_date: When = None,
                      limit: Annotated[int, Field(ge=1, le=100)] = 10) -> s.SearchOut:
        """Search a user's memory: facts with their validity intervals and the source turns they
        cite, plus the best matching turns. as_of searches memory as it stood on that date."""
        return _call(lambda: service.search_memory(user_id, query, as_of, question_date, limit))

    @mcp.tool()
    def answer(user_id: UserId, question: str, question_date: When = None, as_of: When = None) -> s.AnswerOut:
        """Answer a question from the user's memory. question_date is 'today' for relative
        questions ('how many days ago…'). Returns the answer, its kind (computed, abstained,
        model or memory_line) and the facts it used."""
        return _call(lambda: service.answer(user_id, question, question_date, as_of))

    @mcp.tool()
    def get_history(user_id: UserId, subject: str, predicate: str) -> s.HistoryOut:
        """Every version of a changing fact (subject 'user' for the user; predicate e.g.
        lives_in, works_at), oldest first, with its SUPERSEDES chain."""
        return _call(lambda: service.get_history(user_id, subject, predicate))

    @mcp.tool()
    def list_users() -> s.UsersOut:
        """Every user id that has memory in this store."""
        return _call(service.list_users)

    @mcp.tool()
    def delete_user(user_id: UserId) -> s.DeleteOut:
        """Forget one user entirely (explicit user id; nothing else is touched)."""
        return _call(lambda: service.delete_user(user_id))

    @mcp.tool()
    def get_status(user_id: Annotated[str | None, Field(description="Give one to get that user's counts.")] = None,
                   ) -> s.StatusOut:
        """Server health: store totals (or one user's counts), the async-add queue (pending,
        done, failures) and calls per tool."""
        return _call(lambda: service.get_status(user_id))

    return mcp


def run_stdio(service: MemoryService, *, warm: bool = True) -> None:
    """Serve MCP over stdin/stdout until the client closes it."""
    build_mcp_server(service, warm=warm).run("stdio")


def streamable_http_asgi(service: MemoryService, *, host: str, path: str = "/mcp", warm: bool = True) -> Any:
    """The MCP streamable-HTTP ASGI app (wrap it with :mod:`kgmem.serve.security`)."""
    mcp = build_mcp_server(service, warm=warm)
    return mcp.streamable_http_app(streamable_http_path=path, host=host, json_response=True)
