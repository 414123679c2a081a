"""The Neo4j Browser for exploring a user's memory: the saved queries and the ``kgmem browse`` plan.

The saved queries (``schemas/browser/queries.cypher``) and the style file (``kgmem.grass``) ship
as package data; :func:`browse_plan` turns them into links that open each query, with a user's
``:params``, in the Browser of the local server (:mod:`kgmem.neo4j_server`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kgmem.neo4j_server import DEFAULT_HTTP_PORT

#: kgmem.grass and the saved queries (package data, also reachable as top-level schemas/browser)
BROWSER_DIR = Path(__file__).resolve().parent / "resources" / "schemas" / "browser"


@dataclass
class SavedQuery:
    """One saved Browser query from ``schemas/browser/queries.cypher``."""

    name: str
    title: str
    cypher: str


def saved_queries() -> list[SavedQuery]:
    """The saved queries, in file order (``// @name`` / ``// @title`` headers)."""
    text = (BROWSER_DIR / "queries.cypher").read_text(encoding="utf-8")
    out: list[SavedQuery] = []
    name = title = None
    body: list[str] = []
    for line in text.splitlines() + ["// @name __end__"]:
        stripped = line.strip()
        if stripped.startswith("// @name"):
            if name is not None:
                out.append(SavedQuery(name, title or name, "\n".join(body).strip().rstrip(";")))
            name, title, body = stripped.removeprefix("// @name").strip(), None, []
        elif stripped.startswith("// @title"):
            title = stripped.removeprefix("// @title").strip()
        elif name is not None and not stripped.startswith("//"):
            body.append(line)
    return [q for q in out if q.name != "__end__"]


def cypher_literal(value: Any) -> str:
    """A Cypher literal for display in Browser commands (strings escaped, lists recursed)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    text = str(value).replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n").replace("\r", "\\r")
    return f"'{text}'"


def browser_url(http_port: int = DEFAULT_HTTP_PORT, host: str = "127.0.0.1") -> str:
    return f"http://{host}:{http_port}/browser/"


def browse_plan(user_id: str, params: dict[str, Any], base_url: str | None = None) -> dict[str, Any]:
    """What ``kgmem browse`` prints: the Browser URL, the ``:params`` line for the user and each
    saved query with an edit link that opens it in the Browser's editor."""
    from urllib.parse import quote

    base = base_url or browser_url()
    all_params = {"user_id": user_id, **params}
    params_cmd = ":params {" + ", ".join(f"{k}: {cypher_literal(v)}" for k, v in all_params.items()) + "}"
    queries = []
    for sq in saved_queries():
        queries.append({"name": sq.name, "title": sq.title, "cypher": sq.cypher,
                        "edit_url": f"{base}?cmd=edit&arg={quote(sq.cypher, safe='')}"})
    return {"browser_url": base, "params": all_params, "params_command": params_cmd,
            "params_url": f"{base}?cmd=edit&arg={quote(params_cmd, safe='')}",
            "style_file": str(BROWSER_DIR / "kgmem.grass"),
            "queries": queries}
