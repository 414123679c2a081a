"""The committed tables of :mod:`kgmem.knowledge` (kgmem/resources/knowledge/), each read once per
process: a lock makes a caller that arrives while another thread (the warm-up a Memory start
launches) is still reading a table wait for that read instead of starting a second one."""

from __future__ import annotations

import gzip
import json
import threading
from collections.abc import Callable
from typing import Any

from kgmem import packaged

_TABLES: dict[str, Any] = {}
_TABLES_LOCK = threading.Lock()


def load(name: str) -> dict[str, Any]:
    """One table file as read from the package (gzip-compressed JSON, or JSON)."""
    raw = packaged.path("knowledge", name).read_bytes()
    data: dict[str, Any] = json.loads(gzip.decompress(raw) if name.endswith(".gz") else raw)
    return data


def table(name: str, build: Callable[[], Any]) -> Any:
    """The object ``build`` makes of the tables, made once per process under ``name``."""
    made = _TABLES.get(name)
    if made is None:
        with _TABLES_LOCK:
            made = _TABLES.get(name)
            if made is None:
                made = _TABLES[name] = build()
    return made


def ready(*names: str) -> bool:
    """Whether every named object is made already."""
    return all(n in _TABLES for n in names)
