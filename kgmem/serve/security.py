"""Who may talk to a kgmem server, and how much: loopback by default, a bearer token elsewhere,
and a cap on request bodies. Pure ASGI middleware, shared by the HTTP API and MCP over HTTP.

The token is compared in constant time and never logged, echoed or put in an error body.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

DEFAULT_MAX_BODY_BYTES = 1024 * 1024
#: paths answered without a token (liveness probes carry no secrets)
OPEN_PATHS = frozenset({"/v1/health"})


class BindError(ValueError):
    """A non-loopback bind without a token (or a token too weak to guard one)."""


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: str | None) -> None:
    """Refuse to listen beyond this machine without a bearer token."""
    if token is not None and len(token) < 16:
        raise BindError("--token must be at least 16 characters (e.g. `python -c 'import secrets; "
                        "print(secrets.token_urlsafe(32))'`)")
    if not is_loopback(host) and not token:
        raise BindError(f"refusing to listen on {host}: binding beyond loopback needs --token "
                        "(or KGMEM_SERVE_TOKEN); clients then send 'Authorization: Bearer <token>'")


async def send_error(send: Send, status: int, code: str, message: str,
                     headers: list[tuple[bytes, bytes]] | None = None) -> None:
    """A JSON error body ``{"error": {"code", "message"}}``."""
    body = json.dumps({"error": {"code": code, "message": message}}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()), *(headers or [])]})
    await send({"type": "http.response.body", "body": body})


class BearerAuth:
    """Every HTTP request must carry ``Authorization: Bearer <token>`` (but :data:`OPEN_PATHS`)."""

    def __init__(self, app: ASGIApp, token: str) -> None:
        self.app = app
        self._token = token.encode()

    def __repr__(self) -> str:  # never show the token, even in a debugger or a crash dump
        return f"BearerAuth({self.app!r}, token=***)"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("path") in OPEN_PATHS:
            await self.app(scope, receive, send)
            return
        given = b""
        for name, value in scope.get("headers", []):
            if name == b"authorization":
                given = value
                break
        scheme, _, credential = given.partition(b" ")
        if scheme.lower() == b"bearer" and hmac.compare_digest(credential.strip(), self._token):
            await self.app(scope, receive, send)
            return
        await send_error(send, 401, "unauthorized",
                         "missing or invalid bearer token (send 'Authorization: Bearer <token>')",
                         [(b"www-authenticate", b'Bearer realm="kgmem"')])


class BodyLimit:
    """Reject request bodies over ``max_bytes`` with 413, whether announced by Content-Length or
    streamed in chunks, before the application reads (and could store) any of it."""

    def __init__(self, app: ASGIApp, max_bytes: int = DEFAULT_MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    announced = int(value)
                except ValueError:
                    await send_error(send, 400, "bad_request", "Content-Length is not a number")
                    return
                if announced > self.max_bytes:
                    await self._too_large(send)
                    return
        # chunked bodies: read them whole here (bounded), then replay them to the app
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._too_large(send)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _too_large(self, send: Send) -> None:
        await send_error(send, 413, "payload_too_large",
                         f"request body is larger than {self.max_bytes} bytes "
                         "(split the conversation into several add_messages calls)")


def guard(app: ASGIApp, *, token: str | None, max_body_bytes: int) -> ASGIApp:
    """``app`` behind the body cap and, when a token is set, bearer authentication (checked
    first, so unauthenticated callers cannot make the server buffer bodies)."""
    wrapped: ASGIApp = BodyLimit(app, max_body_bytes)
    return BearerAuth(wrapped, token) if token else wrapped
