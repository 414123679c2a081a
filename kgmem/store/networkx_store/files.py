"""Constants of the on-disk layout and the primitives that write it safely: atomic
replacement of a file (temp file, fsync, rename, fsync of the folder) and file stamps.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel

from kgmem.models import Entity, Fact, Session, Turn
from kgmem.store.base import (
    NodeKind,
)

FORMAT_NAME = "kgmem-networkx"
FORMAT_VERSION = 1
INDEX_FORMAT_NAME = "kgmem-networkx-index"
INDEX_FORMAT_VERSION = 1
USER_FILE_SUFFIX = ".kgnx"
LOCK_TIMEOUT_S = 120.0

_SEARCH_KINDS: tuple[NodeKind, ...] = ("turn", "fact", "entity")
_MODEL_BY_KIND: dict[str, type[BaseModel]] = {
    "session": Session,
    "turn": Turn,
    "entity": Entity,
    "fact": Fact,
}
_COUNT_KEYS = ("sessions", "turns", "entities", "facts", "supersessions")



def user_file_name(user_id: str) -> str:
    """A filesystem-safe, collision-free file name for a user id (readable slug + hash)."""
    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", user_id).strip("._")[:48] or "user"
    digest = hashlib.sha256(user_id.encode("utf-8")).hexdigest()[:16]
    return f"{slug}-{digest}{USER_FILE_SUFFIX}"


def _fsync_dir(path: Path) -> None:
    # makes the rename itself durable; some filesystems refuse O_RDONLY fsync on dirs
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # directory fsync is unsupported here (e.g. some network filesystems)
    finally:
        os.close(fd)


def _atomic_write(path: Path, parts: Iterator[bytes]) -> None:
    """Write ``parts`` to ``path`` atomically: temp file in the same folder, fsync, replace."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            for part in parts:
                fh.write(part)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        # the previous file stays untouched; only our temp file goes
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
    _fsync_dir(path.parent)


def _stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)
