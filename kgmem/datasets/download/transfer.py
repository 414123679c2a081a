"""Our HTTP downloader on ``urllib``: resume of partial files (``.part`` + ``Range``), Google
Drive's confirm page for large files, progress through a callback, checks at the end.
"""

from __future__ import annotations

import html
import http.client
import re
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path
from typing import IO

from kgmem.datasets.download.common import (
    _CHUNK,
    _USER_AGENT,
    DRIVE_BASE,
    ChecksumMismatch,
    DownloadError,
    DownloadResult,
    OfflineError,
    ProgressFn,
    _check,
    sha256_file,
    verify_file,
)

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
    if file_id and ("://" not in url.strip() or "/file/d/" in url):
        url = drive_download_url(file_id)
    part = dest.with_name(dest.name + ".part")
    if force and part.exists():
        part.unlink()
    transfer = _Transfer(url, dest, part, timeout, progress, expected_sha256, expected_size)
    return transfer.run(is_drive=drive if drive is not None else bool(file_id))


class _Transfer:
    """One download of ``url`` into ``part`` (resumed from its size), then checked into ``dest``."""

    def __init__(self, url: str, dest: Path, part: Path, timeout: float, progress: ProgressFn | None,
                 expected_sha256: str | None, expected_size: int | None) -> None:
        self.url, self.dest, self.part, self.timeout, self.progress = url, dest, part, timeout, progress
        self.expected = (expected_sha256, expected_size)
        self.offset = self.resumed_from = part.stat().st_size if part.is_file() else 0
        self.jar = CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def _open(self) -> http.client.HTTPResponse:
        return _open(self.opener, self.url, self.dest, self.offset, self.timeout)

    def _finish(self, size: int) -> DownloadResult:
        return _finish(self.part, self.dest, size, self.resumed_from, *self.expected, self.progress)

    def run(self, is_drive: bool) -> DownloadResult:
        """Open, get past Drive's confirm page, receive the bytes, check them."""
        self.resp = self._open()
        expected_end: int | None = None
        try:
            if is_drive:
                self._past_drive_confirm()
            received = self._receive()
            if isinstance(received, DownloadResult):
                return received
            done, expected_end = received
        except (TimeoutError, ConnectionError, http.client.HTTPException) as exc:
            raise DownloadError(
                f"transfer of {self.dest.name} interrupted ({exc}); {self.part} keeps what arrived — "
                "run the same command again to resume"
            ) from exc
        finally:
            self.resp.close()
        if expected_end is not None and done < expected_end:
            raise DownloadError(
                f"transfer of {self.dest.name} interrupted at {done} of {expected_end} bytes; {self.part} "
                "keeps what arrived — run the same command again to resume"
            )
        return self._finish(done)

    def _past_drive_confirm(self) -> None:
        """Drive answers large files with an HTML confirm page first; follow it (twice at most)."""
        for _ in range(2):
            if not self.resp.headers.get("Content-Type", "").startswith("text/html"):
                return
            page = self.resp.read(2_000_000).decode("utf-8", "replace")
            self.resp.close()
            nxt = _drive_confirm_url(page, self.resp.geturl(), self.jar)
            if nxt is None:
                raise DownloadError(
                    f"Google Drive returned a web page instead of {self.dest.name} (the file is not "
                    "shared publicly, or its download quota is exceeded). Open the link in a "
                    f"browser, download it, and copy it to {self.dest}"
                )
            self.url = nxt
            self.resp = self._open()
        if self.resp.headers.get("Content-Type", "").startswith("text/html"):
            raise DownloadError(f"Google Drive kept answering with a web page for {self.dest.name}")

    def _receive(self) -> DownloadResult | tuple[int, int | None]:
        """Honour the server's answer to the Range request and copy the body into ``part``.

        Returns ``(bytes in part, expected total or None)``, or the finished result when the
        ``.part`` file turned out to be complete already."""
        status = getattr(self.resp, "status", None) or self.resp.getcode()
        total: int | None = None
        if status == 416:
            # range starts at/after the end: the .part may already be complete
            _, total = _content_range(self.resp)
            self.resp.close()
            if total is not None and total == self.offset:
                return self._finish(self.offset)
            self.part.unlink(missing_ok=True)
            self.offset = self.resumed_from = 0
            self.resp = self._open()
            status = self.resp.status
        if status == 206:
            start, total = _content_range(self.resp)
            if start != self.offset:
                raise DownloadError(f"{self.url}: server resumed at byte {start}, asked for {self.offset}")
        elif self.offset:
            # server ignored Range (200): start over
            self.offset = self.resumed_from = 0
        length = self.resp.headers.get("Content-Length")
        if status != 206:
            total = int(length) if length and length.isdigit() else None
        if self.progress:
            self.progress(self.dest.name, self.offset, total)
        with self.part.open("ab" if self.offset else "wb") as fh:
            done = _copy(self.resp, fh, self.dest.name, self.offset, total, self.progress)
        return done, total


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
