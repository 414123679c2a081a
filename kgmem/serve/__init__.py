"""Memory for agents: an MCP server and an HTTP API over :class:`kgmem.api.Memory`.

- :mod:`kgmem.serve.service` — the one service both faces call (argument checks, unknown-user
  errors, JSON records, per-user write serialisation, the async-add queue);
- :mod:`kgmem.serve.mcp_app` — MCP tools (official ``mcp`` SDK), stdio and streamable HTTP;
- :mod:`kgmem.serve.http_app` — the REST API (FastAPI on uvicorn), OpenAPI at ``/openapi.json``;
- :mod:`kgmem.serve.security` — loopback by default, bearer token beyond it, body size cap;
- :mod:`kgmem.serve.schemas` — the JSON records both faces speak.

Nothing here is imported by ``kgmem --help``: the CLI imports these inside the commands.
"""
