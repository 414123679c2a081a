"""Fetch the benchmark files: LongMemEval from Hugging Face, the Investigathon from Google Drive.

The HTTP downloader (``download_url``) is our own, on ``urllib``: progress through a callback
(the CLI draws the bar), resume of partial downloads (``<file>.part`` + HTTP ``Range``), Google
Drive's confirm page for large files, and size/sha256 checks against a ``checksums.json`` written
next to the files on first download and verified afterwards. No network is a clear
:class:`OfflineError` that says where to put the file by hand.
"""

from __future__ import annotations

import hashlib
import html
import http.client
import json
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from http.cookiejar import CookieJar
from pathlib import Path
from typing import IO

from kgmem.datasets.registry import INVESTIGATHON_FILES, LONGMEMEVAL_FILES

__all__ = [
    "CHECKSUMS_FILE",
    "ChecksumMismatch",
    "DownloadError",
    "DownloadResult",
    "InvestigathonPlan",
    "OfflineError",
    "ProgressFn",
    "download_investigathon",
    "download_longmemeval",
    "download_url",
    "drive_file_id",
    "drive_download_url",
    "load_sources",
    "plan_investigathon",
    "sha256_file",
    "verify_file",
]

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


def _read_checksums(folder: Path) -> dict[str, dict[str, object]]:
    path = folder / CHECKSUMS_FILE
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text())
    except json.JSONDecodeError as exc:
        raise DownloadError(f"{path}: not valid JSON ({exc}); fix or delete it") from exc
    if not isinstance(data, dict):
        raise DownloadError(f"{path}: expected an object mapping file names to checksums")
    return data


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

_DRIVE_ID_RES = (
    re.compile(r"drive\.google\.com/file/d/([\w-]{10,})"),
    re.compile(r"[?&]id=([\w-]{10,})"),
    re.compile(r"drive\.google\.com/open\?id=([\w-]{10,})"),
)
_BARE_ID = re.compile(r"^[\w-]{20,}$")


def drive_file_id(url_or_id: str) -> str | None:
    """The Google Drive file id in a share URL, or the argument itself when it looks like one."""
    text = url_or_id.strip()
    if "drive.google.com" in text or "drive.usercontent.google.com" in text:
        for rx in _DRIVE_ID_RES:
            m = rx.search(text)
            if m:
                return m.group(1)
        return None
    if "://" not in text and _BARE_ID.match(text):
        return text
    return None


def drive_download_url(file_id: str, base: str = DRIVE_BASE) -> str:
    """The direct-download URL of a Drive file (may answer with a confirm page first)."""
    return f"{base}?{urllib.parse.urlencode({'export': 'download', 'id': file_id})}"


def _drive_confirm_url(page: str, current_url: str, jar: CookieJar) -> str | None:
    """Next URL from Drive's "can't scan this file for viruses" page, or None."""
    form = re.search(r'<form[^>]*id="download-form"[^>]*action="([^"]+)"', page) or re.search(
        r'<form[^>]*action="([^"]+)"[^>]*>', page
    )
    if form:
        action = html.unescape(form.group(1))
        inputs = dict(
            re.findall(r'<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"', page)
        )
        if inputs:
            sep = "&" if "?" in action else "?"
            return urllib.parse.urljoin(current_url, action) + sep + urllib.parse.urlencode(inputs)
    link = re.search(r'href="([^"]*confirm=[^"]+)"', page)
    if link:
        return urllib.parse.urljoin(current_url, html.unescape(link.group(1)))
    for cookie in jar:
        if cookie.name.startswith("download_warning"):
            sep = "&" if "?" in current_url else "?"
            return current_url + sep + urllib.parse.urlencode({"confirm": cookie.value})
    m = re.search(r"confirm=([\w-]+)", page)
    if m:
        sep = "&" if "?" in current_url else "?"
        return current_url + sep + urllib.parse.urlencode({"confirm": m.group(1)})
    return None


# --------------------------------------------------------------------------- HTTP


def _offline_message(url: str, dest: Path, reason: object) -> str:
    host = urllib.parse.urlsplit(url).netloc or url
    return (
        f"cannot reach {host} ({reason}); this machine looks offline or the host is blocked. "
        f"Fetch {url} on a connected machine, copy it to {dest}, then run "
        f"`kgmem data validate {dest}`"
    )


def _open(
    opener: urllib.request.OpenerDirector, url: str, dest: Path, offset: int, timeout: float
) -> http.client.HTTPResponse:
    headers = {"User-Agent": _USER_AGENT, "Accept-Encoding": "identity"}
    if offset:
        headers["Range"] = f"bytes={offset}-"
    req = urllib.request.Request(url, headers=headers)
    try:
        resp: http.client.HTTPResponse = opener.open(req, timeout=timeout)
        return resp
    except urllib.error.HTTPError as exc:
        if exc.code == 416:
            return exc  # type: ignore[return-value]  # handled by the caller (range past the end)
        raise DownloadError(
            f"{url}: HTTP {exc.code} {exc.reason} while fetching {dest.name}"
        ) from exc
    except urllib.error.URLError as exc:
        raise OfflineError(_offline_message(url, dest, exc.reason)) from exc
    except (TimeoutError, ConnectionError) as exc:
        raise OfflineError(_offline_message(url, dest, exc)) from exc


def _content_range(resp: http.client.HTTPResponse) -> tuple[int | None, int | None]:
    """(start, total) from a ``Content-Range: bytes a-b/total`` header."""
    m = re.match(r"bytes\s+(\d+|\*)-?(\d*)/(\d+|\*)", resp.headers.get("Content-Range", ""))
    if not m:
        return None, None
    start = None if m.group(1) == "*" else int(m.group(1))
    total = None if m.group(3) == "*" else int(m.group(3))
    return start, total


def download_url(
    url: str,
    dest: Path,
    *,
    progress: ProgressFn | None = None,
    expected_sha256: str | None = None,
    expected_size: int | None = None,
    force: bool = False,
    timeout: float = 60.0,
    drive: bool | None = None,
) -> DownloadResult:
    """Download ``url`` to ``dest``, resuming ``dest.part`` when the server honours ``Range``.

    A Google Drive share URL or bare file id is turned into its download URL, and Drive's
    confirm page for large files is followed. After the transfer the size and sha256 are
    checked against ``expected_*`` and ``checksums.json`` (recorded there on first download);
    on a mismatch the bytes are kept as ``<dest>.corrupt`` and :class:`ChecksumMismatch` raised.
    An existing ``dest`` is only verified, unless ``force``.
    """
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    if dest.is_file() and not force:
        return verify_file(dest, progress)
    file_id = drive_file_id(url)
    if file_id and "://" not in url.strip():
        url = drive_download_url(file_id)
    elif file_id and "/file/d/" in url:
        url = drive_download_url(file_id)
    is_drive = drive if drive is not None else bool(file_id)

    part = dest.with_name(dest.name + ".part")
    if force and part.exists():
        part.unlink()
    offset = part.stat().st_size if part.is_file() else 0
    resumed_from = offset
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    resp = _open(opener, url, dest, offset, timeout)
    try:
        # Drive answers large files with an HTML confirm page first; follow it (twice at most)
        for _ in range(2):
            ctype = resp.headers.get("Content-Type", "")
            if not (is_drive and ctype.startswith("text/html")):
                break
            page = resp.read(2_000_000).decode("utf-8", "replace")
            resp.close()
            nxt = _drive_confirm_url(page, resp.geturl(), jar)
            if nxt is None:
                raise DownloadError(
                    f"Google Drive returned a web page instead of {dest.name} (the file is not "
                    "shared publicly, or its download quota is exceeded). Open the link in a "
                    f"browser, download it, and copy it to {dest}"
                )
            url = nxt
            resp = _open(opener, url, dest, offset, timeout)
        else:
            if resp.headers.get("Content-Type", "").startswith("text/html"):
                raise DownloadError(f"Google Drive kept answering with a web page for {dest.name}")

        status = getattr(resp, "status", None) or resp.getcode()
        total: int | None = None
        if status == 416:
            # range starts at/after the end: the .part may already be complete
            _, total = _content_range(resp)
            resp.close()
            if total is not None and total == offset:
                return _finish(
                    part, dest, offset, resumed_from, expected_sha256, expected_size, progress
                )
            part.unlink(missing_ok=True)
            offset = resumed_from = 0
            resp = _open(opener, url, dest, 0, timeout)
            status = resp.status
        if status == 206:
            start, total = _content_range(resp)
            if start != offset:
                raise DownloadError(f"{url}: server resumed at byte {start}, asked for {offset}")
        elif offset:
            # server ignored Range (200): start over
            offset = resumed_from = 0
        length = resp.headers.get("Content-Length")
        if status != 206:
            total = int(length) if length and length.isdigit() else None
        expected_end = total
        done = offset
        if progress:
            progress(dest.name, done, total)
        mode = "ab" if offset else "wb"
        with part.open(mode) as fh:
            done = _copy(resp, fh, dest.name, done, total, progress)
    except (TimeoutError, ConnectionError, http.client.HTTPException) as exc:
        raise DownloadError(
            f"transfer of {dest.name} interrupted ({exc}); {part} keeps what arrived — run the "
            "same command again to resume"
        ) from exc
    finally:
        resp.close()
    if expected_end is not None and done < expected_end:
        raise DownloadError(
            f"transfer of {dest.name} interrupted at {done} of {expected_end} bytes; {part} keeps "
            "what arrived — run the same command again to resume"
        )
    return _finish(part, dest, done, resumed_from, expected_sha256, expected_size, progress)


def _copy(
    resp: IO[bytes],
    fh: IO[bytes],
    name: str,
    done: int,
    total: int | None,
    progress: ProgressFn | None,
) -> int:
    while True:
        try:
            chunk = resp.read(_CHUNK)
        except http.client.IncompleteRead as exc:
            # keep the partial chunk so a resume continues exactly where the bytes stopped
            fh.write(exc.partial)
            done += len(exc.partial)
            raise
        if not chunk:
            return done
        fh.write(chunk)
        done += len(chunk)
        if progress:
            progress(name, done, total)


def _finish(
    part: Path,
    dest: Path,
    size: int,
    resumed_from: int,
    expected_sha256: str | None,
    expected_size: int | None,
    progress: ProgressFn | None,
) -> DownloadResult:
    sha = sha256_file(part, progress)
    size = part.stat().st_size
    try:
        checksum = _check(part, sha, size, expected_sha256, expected_size, shown=dest)
    except ChecksumMismatch:
        part.replace(dest.with_name(dest.name + ".corrupt"))
        raise
    part.replace(dest)
    return DownloadResult(dest, size, sha, "resumed" if resumed_from else "downloaded", checksum)


# --------------------------------------------------------------------------- LongMemEval (HF)


def _probe(endpoint: str, timeout: float, folder: Path) -> None:
    """Fail fast with :class:`OfflineError` when the Hub endpoint is unreachable.

    ``hf_hub_download`` retries a dead connection for ~25 s before giving up; one HEAD here
    answers in milliseconds (any HTTP status means the host is reachable).
    """
    url = endpoint.rstrip("/") + f"/api/datasets/{LONGMEMEVAL_REPO}"
    req = urllib.request.Request(url, method="HEAD", headers={"User-Agent": _USER_AGENT})
    try:
        urllib.request.urlopen(req, timeout=timeout).close()
    except urllib.error.HTTPError:
        return
    except urllib.error.URLError as exc:
        raise OfflineError(_hub_offline(endpoint, exc.reason, folder)) from exc
    except (TimeoutError, ConnectionError) as exc:
        raise OfflineError(_hub_offline(endpoint, exc, folder)) from exc


def _hub_offline(endpoint: str, reason: object, folder: Path) -> str:
    names = ", ".join(LONGMEMEVAL_FILES.values())
    return (
        f"cannot reach the Hugging Face Hub at {endpoint} ({reason}); this machine looks "
        f"offline. Download {names} from https://huggingface.co/datasets/{LONGMEMEVAL_REPO} "
        f"on a connected machine and copy them to {folder}/, or point HF_ENDPOINT "
        "at a reachable mirror"
    )


def _hub_tqdm(progress: ProgressFn, name: str) -> type:
    """A silent tqdm class that forwards the Hub's byte counts to ``progress``."""
    from tqdm.auto import tqdm

    class _Forward(tqdm):  # type: ignore[misc]
        def __init__(self, *args: object, **kwargs: object) -> None:
            kwargs["disable"] = True  # the CLI draws its own bar from the callback
            super().__init__(*args, **kwargs)
            self._done = int(self.n or 0)

        def update(self, n: float | None = 1) -> bool | None:
            self._done += int(n or 0)
            progress(name, self._done, int(self.total) if self.total else None)
            return None

    return _Forward


def download_longmemeval(
    data_dir: Path,
    which: tuple[str, ...] = ("oracle", "s"),
    *,
    endpoint: str | None = None,
    force: bool = False,
    progress: ProgressFn | None = None,
    timeout: float = 10.0,
) -> list[DownloadResult]:
    """Fetch LongMemEval files (``which`` ⊆ {"oracle", "s"}) from the Hugging Face dataset
    ``xiaowu0162/longmemeval-cleaned`` into ``<data_dir>/longmemeval/``, then check checksums.

    ``endpoint`` defaults to the Hub's (``HF_ENDPOINT`` is honoured by ``huggingface_hub``).
    """
    from huggingface_hub import constants, hf_hub_download
    from huggingface_hub.errors import HfHubHTTPError, LocalEntryNotFoundError

    folder = Path(data_dir) / "longmemeval"
    folder.mkdir(parents=True, exist_ok=True)
    endpoint = endpoint or constants.ENDPOINT
    results: list[DownloadResult] = []
    probed = False
    for key in which:
        if key not in LONGMEMEVAL_FILES:
            raise DownloadError(
                f"unknown LongMemEval file {key!r}; choose from {sorted(LONGMEMEVAL_FILES)}"
            )
        name = LONGMEMEVAL_FILES[key]
        dest = folder / name
        if dest.is_file() and not force:
            results.append(verify_file(dest, progress))
            continue
        if not probed:
            _probe(endpoint, timeout, folder)
            probed = True
        if progress:
            progress(name, 0, None)
        try:
            got = Path(
                hf_hub_download(
                    LONGMEMEVAL_REPO,
                    name,
                    repo_type="dataset",
                    local_dir=folder,
                    endpoint=endpoint,
                    force_download=force,
                    etag_timeout=timeout,
                    tqdm_class=_hub_tqdm(progress, name) if progress else None,
                )
            )
        except LocalEntryNotFoundError as exc:
            raise OfflineError(_hub_offline(endpoint, exc.__class__.__name__, folder)) from exc
        except HfHubHTTPError as exc:
            raise DownloadError(f"Hugging Face Hub refused {name}: {exc}") from exc
        if got.resolve() != dest.resolve():
            got.replace(dest)
        sha = sha256_file(dest, progress)
        size = dest.stat().st_size
        results.append(
            DownloadResult(dest, size, sha, "downloaded", _check(dest, sha, size, None, None))
        )
    return results


# --------------------------------------------------------------------------- Investigathon


@dataclass
class InvestigathonPlan:
    """Which Investigathon files have a source, which are present, which need the user."""

    folder: Path
    sources: dict[str, str] = field(default_factory=dict)  # file name → URL or Drive id
    present: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # no file, no source

    def instructions(self) -> str:
        """Exactly which file to put where, for the files nobody gave a source for."""
        lines = [
            "The Investigathon files are shared through Google Drive links the public starter "
            "repo does not record. For each file below, either pass its link or Drive file id,",
            f"  kgmem data download investigathon --url NAME=<URL or id>   (or list them in "
            f'{self.folder / SOURCES_FILE} as {{"NAME": "URL"}})',
            "or download it in a browser and copy it to the path shown:",
        ]
        short = {v: k for k, v in INVESTIGATHON_FILES.items()}
        for name in self.missing:
            lines.append(f"  {short.get(name, name):<12} {self.folder / name}")
        return "\n".join(lines)


def load_sources(folder: Path) -> dict[str, str]:
    """URLs/ids from ``<folder>/sources.json`` (``{"eval-s": "https://drive…", …}``)."""
    path = folder / SOURCES_FILE
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text())
    except json.JSONDecodeError as exc:
        raise DownloadError(f"{path}: not valid JSON ({exc})") from exc
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise DownloadError(f"{path}: expected an object mapping file names to URLs")
    return {str(k): v for k, v in data.items()}


def _file_for(name: str) -> str:
    if name in INVESTIGATHON_FILES:
        return INVESTIGATHON_FILES[name]
    if name in INVESTIGATHON_FILES.values():
        return name
    choices = ", ".join([*INVESTIGATHON_FILES, *INVESTIGATHON_FILES.values()])
    raise DownloadError(f"unknown Investigathon file {name!r}; use one of: {choices}")


def plan_investigathon(data_dir: Path, urls: Mapping[str, str] | None = None) -> InvestigathonPlan:
    """Match the Investigathon files with sources (``urls`` first, then ``sources.json``)."""
    folder = Path(data_dir) / "investigathon"
    sources: dict[str, str] = {}
    for mapping in (load_sources(folder), dict(urls or {})):
        for key, value in mapping.items():
            sources[_file_for(key)] = value
    plan = InvestigathonPlan(folder=folder, sources=sources)
    for name in INVESTIGATHON_FILES.values():
        if (folder / name).is_file():
            plan.present.append(name)
        elif name not in sources:
            plan.missing.append(name)
    return plan


def download_investigathon(
    data_dir: Path,
    urls: Mapping[str, str] | None = None,
    *,
    force: bool = False,
    progress: ProgressFn | None = None,
    timeout: float = 60.0,
) -> tuple[list[DownloadResult], InvestigathonPlan]:
    """Download every Investigathon file that has a source; verify the ones already present.

    Returns the results and the plan, whose :meth:`InvestigathonPlan.instructions` tell the user
    what to do about files with neither a source nor a copy on disk.
    """
    plan = plan_investigathon(data_dir, urls)
    plan.folder.mkdir(parents=True, exist_ok=True)
    results: list[DownloadResult] = []
    for name in INVESTIGATHON_FILES.values():
        dest = plan.folder / name
        if name in plan.sources and (force or not dest.is_file()):
            results.append(
                download_url(
                    plan.sources[name], dest, progress=progress, force=force, timeout=timeout
                )
            )
        elif dest.is_file():
            results.append(verify_file(dest, progress))
    return results, plan
