"""The versioned user-file format: one JSON header line, a JSON payload, raw float32 vector
blocks; encoding, strict decoding (checksums, versions) and a loose header read for repairs.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any, Literal

import numpy as np
from pydantic import Field, TypeAdapter, ValidationError

from kgmem.models import Entity, Fact, Session, Turn
from kgmem.store.base import (
    StoreError,
)
from kgmem.store.networkx_store.files import (
    _MODEL_BY_KIND,
    _SEARCH_KINDS,
    FORMAT_NAME,
    FORMAT_VERSION,
)
from kgmem.store.networkx_store.graph import _UserGraph, fill_graph


def _encode_user(state: _UserGraph) -> Iterator[bytes]:
    """Serialise one user's graph: header line, JSON payload, float32 vector blocks."""
    g = state.graph
    nodes: list[dict[str, Any]] = []
    for node_id in sorted(g.nodes, key=lambda n: (g.nodes[n]["kind"], n)):
        kind = g.nodes[node_id]["kind"]
        obj = g.nodes[node_id]["obj"]
        if kind == "user":
            data: dict[str, Any] = {"id": node_id}
        elif kind == "session":
            data = obj.model_dump(mode="json", exclude={"turns"})
        else:
            data = obj.model_dump(mode="json")
        nodes.append({"kind": kind, "data": data})
    edges: list[list[Any]] = []
    for u, v, rel, attrs in sorted(g.edges(keys=True, data=True), key=lambda e: (e[2], e[0], e[1])):
        enc = {a: (b.isoformat() if isinstance(b, datetime) else b) for a, b in attrs.items()}
        edges.append([u, v, rel, enc])
    vector_ids: dict[str, list[str]] = {}
    blobs: list[bytes] = []
    blocks: list[dict[str, Any]] = []
    offset = 0
    for kind in _SEARCH_KINDS:
        vecs = state.vectors[kind]
        ids = sorted(vecs)
        vector_ids[kind] = ids
        if not ids:
            continue
        mat = np.stack([vecs[i] for i in ids]).astype("<f4", copy=False)
        blob = mat.tobytes(order="C")
        blocks.append(
            {
                "kind": kind,
                "count": len(ids),
                "dim": int(mat.shape[1]),
                "offset": offset,
                "nbytes": len(blob),
            }
        )
        blobs.append(blob)
        offset += len(blob)
    payload = json.dumps(
        {"nodes": nodes, "edges": edges, "vector_ids": vector_ids},
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode("utf-8")
    digest = hashlib.sha256(payload)
    for blob in blobs:
        digest.update(blob)
    header = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "user_id": state.user_id,
        "counts": state.counts(),
        "embedding_dim": state.dim(),
        "payload_bytes": len(payload),
        "vectors": blocks,
        "sha256": digest.hexdigest(),
        "write_id": state.write_id,
    }
    yield json.dumps(header, ensure_ascii=True, separators=(",", ":")).encode("ascii") + b"\n"
    yield payload
    yield from blobs


def _header_json(line: bytes, path: Path) -> Any:
    try:
        return json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise StoreError(
            f"{path}: not a kgmem networkx store file (unreadable header: {exc})"
        ) from exc


def _parse_header(line: bytes, path: Path) -> dict[str, Any]:
    header = _header_json(line, path)
    if not isinstance(header, dict) or header.get("format") != FORMAT_NAME:
        found = header.get("format") if isinstance(header, dict) else None
        raise StoreError(
            f"{path}: not a kgmem networkx store file (format {found!r}, expected {FORMAT_NAME!r})"
        )
    version = header.get("version")
    if version != FORMAT_VERSION:
        raise StoreError(
            f"{path}: store format {FORMAT_NAME} version {version!r} is not supported by this kgmem "
            f"(it reads version {FORMAT_VERSION}); upgrade kgmem, or delete the file and re-ingest"
        )
    return header


def _read_header_loosely(path: Path) -> dict[str, Any]:
    """The header's user id and counts, even from a newer format version (which then fails
    with a clear error only when that user is read, instead of breaking the whole store)."""
    with path.open("rb") as fh:
        line = fh.readline()
    header = _header_json(line, path)
    if (
        not isinstance(header, dict)
        or header.get("format") != FORMAT_NAME
        or not isinstance(header.get("user_id"), str)
    ):
        raise StoreError(f"{path}: not a kgmem networkx store file; move it out of {path.parent}")
    return header


def _decode_user(raw: bytes, path: Path, user_id: str) -> _UserGraph:
    """Parse a user file (verifying format, version, user id and checksum)."""
    newline = raw.find(b"\n")
    if newline < 0:
        raise StoreError(f"{path}: truncated kgmem store file (no header line)")
    header = _parse_header(raw[:newline], path)
    if header.get("user_id") != user_id:
        raise StoreError(f"{path}: file belongs to user {header.get('user_id')!r}, not {user_id!r}")
    body = raw[newline + 1 :]
    if hashlib.sha256(body).hexdigest() != header.get("sha256"):
        raise StoreError(
            f"{path}: checksum mismatch (file corrupted); delete it and re-ingest {user_id!r}"
        )
    n_payload = int(header["payload_bytes"])
    payload = _payload(body[:n_payload], path)

    state = _UserGraph(user_id=user_id, write_id=str(header.get("write_id", "")),
                       content_key=str(header["sha256"]))
    g = state.graph
    # bulk inserts, in file order: a store's first question loads the whole file
    fill_graph(g, ((rec.data.id, {"kind": rec.kind, "obj": None if isinstance(rec, _UserRec) else rec.data})
                   for rec in payload.nodes),
               (_edge(u, v, rel, attrs, path) for u, v, rel, attrs in payload.edges))
    # each kind's ids in insertion order, as ids_of() lists them (a first question asks for them)
    by_kind: dict[str, list[str]] = {}
    for node_id, kind in g.nodes(data="kind"):
        by_kind.setdefault(kind, []).append(node_id)
    state.set_ids(by_kind)
    blob_start = n_payload
    for block in header.get("vectors", []):
        kind, count, dim = block["kind"], int(block["count"]), int(block["dim"])
        start = blob_start + int(block["offset"])
        mat = np.frombuffer(body, dtype="<f4", count=count * dim, offset=start).reshape(count, dim)
        mat = mat.astype(np.float32)  # own, writable, native-endian copy
        ids = payload.vector_ids.get(kind)
        if ids is None:
            raise StoreError(f"{path}: vector block {kind!r} has no ids in the payload's vector_ids")
        if len(ids) != count:
            raise StoreError(f"{path}: vector block {kind!r} has {count} rows for {len(ids)} ids")
        state.vectors[kind] = {node_id: mat[row] for row, node_id in enumerate(ids)}
        state.set_matrix(kind, ids, mat)  # the file holds the rows in id order: no re-stacking
    return state


def _edge(u: str, v: str, rel: str, attrs: dict[str, Any], path: Path) -> tuple[str, str, str, dict[str, Any]]:
    if rel == "SUPERSEDES" and "at" in attrs:
        try:
            attrs = {**attrs, "at": datetime.fromisoformat(attrs["at"])}
        except (TypeError, ValueError) as exc:
            raise StoreError(f"{path}: edge {u!r} -{rel}-> {v!r} has an unreadable 'at' ({exc})") from exc
    return u, v, rel, attrs


def _payload(body: bytes, path: Path) -> _Payload:
    """The payload with every node's ``data`` already a model (one pass of pydantic's Rust JSON
    validator); when that fails, the record-by-record path names what is wrong."""
    try:
        return _PAYLOAD.validate_json(body)
    except ValueError as exc:
        first = exc
    try:
        payload = _ANY.validate_json(body)
    except ValueError as exc:
        raise StoreError(f"{path}: corrupted payload: {exc}") from exc
    if isinstance(payload, dict) and isinstance(payload.get("nodes"), list):
        _validate_nodes(payload["nodes"], path)  # names the first invalid node, if one is
    raise StoreError(f"{path}: corrupted payload: {first}") from first


def _validate_nodes(recs: list[Any], path: Path) -> None:
    """Name the first invalid node record with its position (each kind validated in one call; a
    record that is no ``{"kind": …, "data": {…}}`` object is named too). Returns when all are valid."""
    by_kind: dict[str, list[int]] = {}
    for i, rec in enumerate(recs):
        if not isinstance(rec, dict) or not isinstance(rec.get("kind"), str) or not isinstance(rec.get("data"), dict):
            raise StoreError(f"{path}: node #{i} is not a record with a 'kind' and a 'data' object")
        by_kind.setdefault(rec["kind"], []).append(i)
    for kind, idxs in by_kind.items():
        if kind == "user":
            continue
        if kind not in _ADAPTERS:
            raise StoreError(f"{path}: node #{idxs[0]} has unknown kind {kind!r}")
        try:
            _ADAPTERS[kind].validate_python([recs[i]["data"] for i in idxs])
        except ValidationError:
            for i in idxs:  # find the first bad record, for the message
                data = recs[i]["data"]
                try:
                    _MODEL_BY_KIND[kind].model_validate(data)
                except ValidationError as exc:
                    raise StoreError(f"{path}: node #{i} ({kind} {data.get('id')!r}) is invalid: {exc}") from exc
            raise


# the records of a payload, read in one pass (dataclasses: pydantic reads them without a Python
# __init__ per record; a discriminated union picks the model by "kind")
@dataclass(slots=True)
class _UserData:
    id: str


@dataclass(slots=True)
class _UserRec:
    kind: Literal["user"]
    data: _UserData


@dataclass(slots=True)
class _SessionRec:
    kind: Literal["session"]
    data: Session


@dataclass(slots=True)
class _TurnRec:
    kind: Literal["turn"]
    data: Turn


@dataclass(slots=True)
class _EntityRec:
    kind: Literal["entity"]
    data: Entity


@dataclass(slots=True)
class _FactRec:
    kind: Literal["fact"]
    data: Fact


_NodeRec = Annotated[_UserRec | _SessionRec | _TurnRec | _EntityRec | _FactRec, Field(discriminator="kind")]


@dataclass(slots=True)
class _Payload:
    """The JSON payload of a user file, as :func:`_encode_user` writes it."""

    nodes: list[_NodeRec]
    edges: list[tuple[str, str, str, dict[str, Any]]]
    vector_ids: dict[str, list[str]]


_ANY: TypeAdapter[Any] = TypeAdapter(Any)
_PAYLOAD: TypeAdapter[_Payload] = TypeAdapter(_Payload)
_ADAPTERS: dict[str, TypeAdapter[list[Any]]] = {
    kind: TypeAdapter(list[model]) for kind, model in _MODEL_BY_KIND.items()  # type: ignore[valid-type]
}
