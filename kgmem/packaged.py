"""The data files packaged under ``kgmem/resources/``, read in one place.

Word lists, meaning banks and tables are kept as data beside the code (see
``kgmem/resources/*/README`` and each file's ``_comment`` keys). Every reader loads its file through
:func:`json_data`, so the package path, the encoding, the once-per-process cache and the error for a
malformed file live here, and two readers of one file share one parsed copy.

The parsed object is shared: a reader builds its own structures (frozensets, compiled patterns)
from it and never changes it.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any


def path(*parts: str) -> Traversable:
    """The packaged file ``kgmem/resources/<parts…>``."""
    return resources.files("kgmem").joinpath("resources", *parts)


@cache
def json_data(*parts: str) -> Any:
    """The parsed JSON file ``kgmem/resources/<parts…>``, read once per process.

    A malformed file is an error naming the file and the line (a packaging defect, not user input)."""
    where = path(*parts)
    try:
        return json.loads(where.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{where}: line {exc.lineno}, column {exc.colno}: {exc.msg}") from exc


def entries(*parts: str) -> dict[str, Any]:
    """A JSON object file's entries without its comment keys (those starting with ``_``)."""
    data: dict[str, Any] = json_data(*parts)
    return {k: v for k, v in data.items() if not k.startswith("_")}
