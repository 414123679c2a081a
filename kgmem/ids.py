"""Deterministic ids and the user-namespace key.

Ids derive from content and position (hashes), so re-ingesting, ingesting into another store or
resuming after a crash converges to the same graph, comparable id by id.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence

_ID_LEN = 16


def stable_hash(*parts: object, length: int = _ID_LEN) -> str:
    """A short hex digest of the parts (joined by an unambiguous separator)."""
    h = hashlib.sha256()
    for part in parts:
        h.update(str(part).encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:length]


def namespace_key(tag: str, question_id: str) -> str:
    """User namespace for one haystack: ``"<split or file tag>:<question_id>"``."""
    if not tag or ":" in tag:
        raise ValueError(f"namespace tag must be non-empty and contain no ':' (got {tag!r})")
    return f"{tag}:{question_id}"


def split_namespace(user_id: str) -> tuple[str | None, str]:
    """Inverse of :func:`namespace_key`; a real user id without a tag returns ``(None, id)``."""
    if ":" in user_id:
        tag, qid = user_id.split(":", 1)
        return tag, qid
    return None, user_id


class NamespaceError(ValueError):
    """A user name that names no stored namespace, or several (``candidates``)."""

    def __init__(self, message: str, candidates: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.candidates = list(candidates)


def resolve_namespace(name: str, users: Sequence[str]) -> str:
    """A full namespace key, or a bare question_id naming exactly one of ``users``."""
    if name in users:
        return name
    matches = [u for u in users if split_namespace(u)[1] == name]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise NamespaceError(f"{name!r} is ambiguous; use one of: {', '.join(matches)}", matches)
    if not users:
        raise NamespaceError(f"no user namespace {name!r}: the store holds no user yet (ingest first)")
    examples = ", ".join(sorted(users)[:5]) + (", …" if len(users) > 5 else "")
    raise NamespaceError(f"no user namespace {name!r} in the store ({len(users)} namespaces, e.g. "
                         f"{examples}; see `kgmem stats`)")


def session_id(source_id: str | None, position: int, content_digest: str) -> str:
    """Session id: the dataset's id when given, else a hash of content and position."""
    if source_id:
        return source_id
    return "s_" + stable_hash(position, content_digest)


def session_content_digest(turns: list[tuple[str, str]]) -> str:
    """Digest of a session's (role, text) turns; keys the extraction cache across haystacks."""
    return stable_hash(*(f"{role}\x1e{text}" for role, text in turns), length=32)


def turn_id(session_id_: str, idx: int) -> str:
    return f"{session_id_}:{idx}"


def normalise_name(name: str) -> str:
    """Casefolded, accent-stripped, whitespace-collapsed name used for entity keys."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"^(the|a|an|my)\s+", "", text.casefold().strip())
    text = re.sub(r"[^\w\s'-]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def plain_name(name: str) -> str:
    """:func:`normalise_name` with every non-word character dropped: the form in which two readings
    of one value are compared ("Ritz-Carlton" and "the ritz carlton")."""
    return re.sub(r"[^\w]", "", normalise_name(name))


def plain_value(value: str) -> str:
    """A value compared across readings ("$2,300" and "2300" are one amount): casefolded, word
    characters only (no article or accent dropped, unlike :func:`plain_name`)."""
    return re.sub(r"[^\w]", "", value.casefold())


def entity_id(user_id: str, name: str) -> str:
    return "e_" + stable_hash(user_id, normalise_name(name))


def fact_id(user_id: str, subject_id: str, predicate: str, value: str, session_id_: str) -> str:
    """One fact per (slot, value, session): the same statement again in another session is new
    evidence handled by the memory manager, not an id collision."""
    return "f_" + stable_hash(user_id, subject_id, predicate, value.casefold().strip(), session_id_)
