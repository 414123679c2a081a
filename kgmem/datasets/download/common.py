"""What every downloader shares: the progress callback type, constants, errors, the result,
and the checksum file kept next to the data (size + sha256 recorded on first download).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: ``progress(name, bytes_done, bytes_total_or_None)``; called often, keep it cheap
ProgressFn = Callable[[str, int, "int | None"], None]

CHECKSUMS_FILE = "checksums.json"
SOURCES_FILE = "sources.json"
LONGMEMEVAL_REPO = "xiaowu0162/longmemeval-cleaned"
DRIVE_BASE = "https://drive.google.com/uc"
_CHUNK = 1 << 20
_USER_AGENT = "kgmem-downloader/0.1 (+https://github.com/yhat-arg/investigaton-NLP)"


class DownloadError(RuntimeError):
    """A download failed; the message says what to do next."""


class OfflineError(DownloadError):
    """The host could not be reached at all (no network, DNS failure, refused)."""


class ChecksumMismatch(DownloadError):
    """The downloaded bytes differ from the recorded or expected size/sha256."""


@dataclass
class DownloadResult:
    """What happened to one file."""

    path: Path
    size: int
    sha256: str
    status: str  # "downloaded" | "resumed" | "present"
    checksum: str  # "recorded" | "verified" | "expected-ok"


# --------------------------------------------------------------------------- checksums


def sha256_file(path: Path, progress: ProgressFn | None = None) -> str:
    """Hex sha256 of a file, read in 1 MiB chunks."""
    h = hashlib.sha256()
    done = 0
    total = path.stat().st_size
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            h.update(chunk)
            done += len(chunk)
            if progress:
                progress(f"verify {path.name}", done, total)
    return h.hexdigest()


def read_json_object(path: Path, what: str) -> dict[str, Any]:
    """A JSON object file kept next to the data ({} when absent); a clear error otherwise."""
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text())
    except json.JSONDecodeError as exc:
        raise DownloadError(f"{path}: not valid JSON ({exc}); fix or delete it") from exc
    if not isinstance(data, dict):
        raise DownloadError(f"{path}: expected an object mapping file names to {what}")
    return data


def _read_checksums(folder: Path) -> dict[str, dict[str, object]]:
    return read_json_object(folder / CHECKSUMS_FILE, "checksums")


def _record_checksum(folder: Path, name: str, sha: str, size: int) -> None:
    data = _read_checksums(folder)
    data[name] = {"sha256": sha, "size": size}
    tmp = folder / (CHECKSUMS_FILE + ".tmp")
    tmp.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n")
    tmp.replace(folder / CHECKSUMS_FILE)


def _check(
    path: Path,
    sha: str,
    size: int,
    expected_sha256: str | None,
    expected_size: int | None,
    shown: Path | None = None,
) -> str:
    """Compare against the caller's expectation and ``checksums.json``; record on first sight."""
    shown = shown or path
    if expected_size is not None and size != expected_size:
        raise ChecksumMismatch(f"{shown}: size {size} bytes, expected {expected_size}")
    if expected_sha256 is not None and sha != expected_sha256.lower():
        raise ChecksumMismatch(f"{shown}: sha256 {sha}, expected {expected_sha256}")
    recorded = _read_checksums(shown.parent).get(shown.name)
    if recorded is None:
        _record_checksum(shown.parent, shown.name, sha, size)
        return "expected-ok" if expected_sha256 else "recorded"
    if recorded.get("size") != size or recorded.get("sha256") != sha:
        raise ChecksumMismatch(
            f"{shown}: sha256 {sha} ({size} bytes) differs from {shown.parent / CHECKSUMS_FILE} "
            f"({recorded.get('sha256')}, {recorded.get('size')} bytes); the download is corrupt "
            "or the source changed — download again with --force, or delete its entry from "
            f"{CHECKSUMS_FILE} if the new file is intended"
        )
    return "verified"


def verify_file(path: Path, progress: ProgressFn | None = None) -> DownloadResult:
    """Hash an existing file and check it against (or record it in) ``checksums.json``."""
    sha = sha256_file(path, progress)
    size = path.stat().st_size
    return DownloadResult(path, size, sha, "present", _check(path, sha, size, None, None))


# --------------------------------------------------------------------------- Google Drive
