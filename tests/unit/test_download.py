"""Downloader against a local HTTP server (Range, interruptions, Drive confirm pages, checksums)."""

from __future__ import annotations

import hashlib
import json
import os
import socket
import threading
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from kgmem.datasets.download import (
    CHECKSUMS_FILE,
    ChecksumMismatch,
    DownloadError,
    OfflineError,
    download_investigathon,
    download_longmemeval,
    download_url,
    drive_download_url,
    drive_file_id,
    plan_investigathon,
    verify_file,
)

PAYLOAD = bytes(range(256)) * 4096 + b"tail"  # ~1 MiB, not a multiple of the chunk size


@dataclass
class ServerState:
    files: dict[str, bytes] = field(default_factory=dict)
    interrupt_once: set[str] = field(default_factory=set)  # send half, then drop the connection
    ignore_range: set[str] = field(default_factory=set)
    requests: list[tuple[str, str | None]] = field(default_factory=list)


class _Handler(BaseHTTPRequestHandler):
    state: ServerState
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # silence test output
        return

    def _send_file(self, key: str) -> None:
        data = self.state.files[key]
        rng = self.headers.get("Range")
        start = 0
        if rng and key not in self.state.ignore_range:
            start = int(rng.split("=")[1].split("-")[0])
            if start >= len(data):
                self.send_response(416)
                self.send_header("Content-Range", f"bytes */{len(data)}")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(206)
            self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
        else:
            self.send_response(200)
        body = data[start:]
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()
        if key in self.state.interrupt_once:
            self.state.interrupt_once.discard(key)
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        self.wfile.write(body)

    def _html(self, page: str, headers: dict[str, str] | None = None) -> None:
        body = page.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _hub_headers(self, key: str) -> None:
        data = self.state.files[key]
        self.send_response(200)
        self.send_header("X-Repo-Commit", "a" * 40)
        self.send_header("ETag", '"' + hashlib.sha256(data).hexdigest() + '"')
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Content-Type", "application/octet-stream")
        self.end_headers()

    def do_HEAD(self) -> None:  # noqa: N802 - http.server API (the Hub client asks HEAD first)
        path = urllib.parse.urlsplit(self.path).path
        self.state.requests.append(("HEAD " + self.path, None))
        if path in self.state.files and "/resolve/" in path:
            self._hub_headers(path)
        else:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()

    def do_GET(self) -> None:  # noqa: N802 - http.server API
        url = urllib.parse.urlsplit(self.path)
        q = dict(urllib.parse.parse_qsl(url.query))
        self.state.requests.append((self.path, self.headers.get("Range")))
        host = f"http://127.0.0.1:{self.server.server_address[1]}"
        if url.path == "/uc" and q.get("id") == "FORMFILE":
            # current Drive: an HTML form pointing at drive.usercontent with hidden inputs
            self._html(
                f"<html><body>Google Drive can't scan this file for viruses."
                f'<form id="download-form" action="{host}/download" method="get">'
                '<input type="submit" value="Download anyway"/>'
                '<input type="hidden" name="id" value="FORMFILE">'
                '<input type="hidden" name="export" value="download">'
                '<input type="hidden" name="confirm" value="t">'
                '<input type="hidden" name="uuid" value="abc-123"></form></body></html>'
            )
        elif url.path == "/download" and q.get("confirm") == "t" and q.get("uuid") == "abc-123":
            self._send_file("/big.json")
        elif url.path == "/uc" and q.get("id") == "COOKIEFILE":
            # older Drive: a download_warning cookie whose value is the confirm token
            if q.get("confirm") == "TOK42":
                self._send_file("/big.json")
            else:
                self._html(
                    "<html>quota page</html>", {"Set-Cookie": "download_warning_1=TOK42; Path=/"}
                )
        elif url.path == "/uc" and q.get("id") == "PRIVATE":
            self._html("<html><body>You need access</body></html>")
        elif url.path in self.state.files:
            self._send_file(url.path)
        else:
            body = b"not found"
            self.send_response(404)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)


@pytest.fixture
def server() -> Iterator[tuple[str, ServerState]]:
    state = ServerState(files={"/big.json": PAYLOAD, "/small.json": b"[1, 2, 3]"})
    handler = type("Handler", (_Handler,), {"state": state})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(
        target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", state
    finally:
        httpd.shutdown()
        httpd.server_close()


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_plain_download_records_checksum_and_reports_progress(
    tmp_path: Path, server: tuple[str, ServerState]
) -> None:
    base, _ = server
    seen: list[tuple[str, int, int | None]] = []
    dest = tmp_path / "d" / "big.json"
    res = download_url(f"{base}/big.json", dest, progress=lambda n, d, t: seen.append((n, d, t)))
    assert dest.read_bytes() == PAYLOAD and not (tmp_path / "d" / "big.json.part").exists()
    assert res.status == "downloaded" and res.checksum == "recorded"
    assert res.sha256 == hashlib.sha256(PAYLOAD).hexdigest() and res.size == len(PAYLOAD)
    recorded = json.loads((tmp_path / "d" / CHECKSUMS_FILE).read_text())
    assert recorded["big.json"] == {"sha256": res.sha256, "size": len(PAYLOAD)}
    transfer = [e for e in seen if e[0] == "big.json"]
    assert transfer[0][1] == 0 and transfer[-1] == ("big.json", len(PAYLOAD), len(PAYLOAD))
    # a second call only verifies the file on disk
    again = download_url(f"{base}/big.json", dest)
    assert again.status == "present" and again.checksum == "verified"


def test_interrupted_transfer_resumes_with_range(
    tmp_path: Path, server: tuple[str, ServerState]
) -> None:
    base, state = server
    state.interrupt_once.add("/big.json")
    dest = tmp_path / "big.json"
    part = tmp_path / "big.json.part"
    with pytest.raises(DownloadError, match="interrupted.*run the same command again to resume"):
        download_url(f"{base}/big.json", dest)
    assert not dest.exists()
    got = part.stat().st_size
    assert 0 < got < len(PAYLOAD)
    assert part.read_bytes() == PAYLOAD[:got]
    res = download_url(f"{base}/big.json", dest)
    assert res.status == "resumed" and dest.read_bytes() == PAYLOAD
    assert state.requests[-1] == ("/big.json", f"bytes={got}-")


def test_resume_from_existing_part_and_complete_part(
    tmp_path: Path, server: tuple[str, ServerState]
) -> None:
    base, state = server
    dest = tmp_path / "big.json"
    (tmp_path / "big.json.part").write_bytes(PAYLOAD[:1000])
    assert download_url(f"{base}/big.json", dest).status == "resumed"
    assert dest.read_bytes() == PAYLOAD
    # a .part that already holds every byte: the server answers 416 and we finish from it
    dest2 = tmp_path / "again" / "big.json"
    dest2.parent.mkdir()
    (dest2.parent / "big.json.part").write_bytes(PAYLOAD)
    assert download_url(f"{base}/big.json", dest2).sha256 == hashlib.sha256(PAYLOAD).hexdigest()
    assert dest2.read_bytes() == PAYLOAD


def test_server_ignoring_range_restarts_from_zero(
    tmp_path: Path, server: tuple[str, ServerState]
) -> None:
    base, state = server
    state.ignore_range.add("/big.json")
    dest = tmp_path / "big.json"
    (tmp_path / "big.json.part").write_bytes(b"garbage-prefix")
    res = download_url(f"{base}/big.json", dest)
    assert res.status == "downloaded" and dest.read_bytes() == PAYLOAD


def test_checksum_mismatch_against_recorded_and_expected(
    tmp_path: Path, server: tuple[str, ServerState]
) -> None:
    base, state = server
    dest = tmp_path / "big.json"
    download_url(f"{base}/big.json", dest)
    # the source changes: a forced re-download no longer matches checksums.json
    state.files["/big.json"] = PAYLOAD[:-4] + b"TAIL"
    with pytest.raises(ChecksumMismatch, match=r"differs from .*checksums\.json"):
        download_url(f"{base}/big.json", dest, force=True)
    assert (tmp_path / "big.json.corrupt").read_bytes().endswith(b"TAIL")
    assert dest.read_bytes() == PAYLOAD  # the good copy was not replaced
    # a caller's expected hash and size are checked too
    other = tmp_path / "o" / "small.json"
    with pytest.raises(ChecksumMismatch, match="sha256 .* expected 00"):
        download_url(f"{base}/small.json", other, expected_sha256="00" * 32)
    with pytest.raises(ChecksumMismatch, match="size 9 bytes, expected 10"):
        download_url(f"{base}/small.json", other, expected_size=10)


def test_verify_detects_a_corrupted_file_on_disk(
    tmp_path: Path, server: tuple[str, ServerState]
) -> None:
    base, _ = server
    dest = tmp_path / "small.json"
    download_url(f"{base}/small.json", dest)
    dest.write_bytes(b"[1, 2, 4]")
    with pytest.raises(ChecksumMismatch):
        verify_file(dest)


def test_drive_confirm_form_is_followed(tmp_path: Path, server: tuple[str, ServerState]) -> None:
    base, state = server
    dest = tmp_path / "big.json"
    res = download_url(f"{base}/uc?export=download&id=FORMFILE", dest, drive=True)
    assert dest.read_bytes() == PAYLOAD and res.status == "downloaded"
    assert any(p.startswith("/download?") and "uuid=abc-123" in p for p, _ in state.requests)


def test_drive_cookie_token_is_followed(tmp_path: Path, server: tuple[str, ServerState]) -> None:
    base, _ = server
    dest = tmp_path / "big.json"
    download_url(f"{base}/uc?export=download&id=COOKIEFILE", dest, drive=True)
    assert dest.read_bytes() == PAYLOAD


def test_drive_page_without_token_is_a_clear_error(
    tmp_path: Path, server: tuple[str, ServerState]
) -> None:
    base, _ = server
    with pytest.raises(DownloadError, match="web page instead of x.json.*not shared publicly"):
        download_url(f"{base}/uc?export=download&id=PRIVATE", tmp_path / "x.json", drive=True)


def test_http_error_and_offline(tmp_path: Path, server: tuple[str, ServerState]) -> None:
    base, _ = server
    with pytest.raises(DownloadError, match="HTTP 404"):
        download_url(f"{base}/missing.json", tmp_path / "m.json")
    port = _closed_port()
    with pytest.raises(
        OfflineError, match=r"cannot reach 127\.0\.0\.1:\d+ .*looks offline.*copy it to"
    ):
        download_url(f"http://127.0.0.1:{port}/x.json", tmp_path / "x.json", timeout=5)


def test_drive_id_parsing() -> None:
    fid = "1AbCdEfGhIjKlMnOpQrStUvWxYz012345"
    assert drive_file_id(f"https://drive.google.com/file/d/{fid}/view?usp=sharing") == fid
    assert drive_file_id(f"https://drive.google.com/open?id={fid}") == fid
    assert drive_file_id(f"https://drive.google.com/uc?export=download&id={fid}") == fid
    assert drive_file_id(fid) == fid
    assert drive_file_id("https://example.org/data.json") is None
    assert drive_download_url(fid) == f"https://drive.google.com/uc?export=download&id={fid}"


def test_investigathon_plan_and_download(tmp_path: Path, server: tuple[str, ServerState]) -> None:
    base, state = server
    state.files["/eval_oracle.json"] = b'[{"question_id": "x"}]'
    data_dir = tmp_path / "data"
    plan = plan_investigathon(data_dir)
    assert len(plan.missing) == 3
    text = plan.instructions()
    assert "--url NAME=" in text
    assert str(data_dir / "investigathon" / "Investigathon_LLMTrack_HeldOut_s_cleaned.json") in text
    assert "heldout-s" in text
    # one by flag, one through sources.json; the third stays missing
    folder = data_dir / "investigathon"
    folder.mkdir(parents=True)
    (folder / "sources.json").write_text(json.dumps({"eval-s": f"{base}/big.json"}))
    results, plan = download_investigathon(data_dir, {"eval-oracle": f"{base}/eval_oracle.json"})
    assert sorted(r.path.name for r in results) == [
        "Investigathon_LLMTrack_Evaluation_oracle.json",
        "Investigathon_LLMTrack_Evaluation_s_cleaned.json",
    ]
    assert plan.missing == ["Investigathon_LLMTrack_HeldOut_s_cleaned.json"]
    assert (folder / "Investigathon_LLMTrack_Evaluation_s_cleaned.json").read_bytes() == PAYLOAD
    with pytest.raises(DownloadError, match="unknown Investigathon file 'bogus'"):
        plan_investigathon(data_dir, {"bogus": "x"})


def test_longmemeval_offline_message_is_fast_and_clear(tmp_path: Path) -> None:
    port = _closed_port()
    with pytest.raises(OfflineError) as info:
        download_longmemeval(tmp_path, endpoint=f"http://127.0.0.1:{port}", timeout=5)
    msg = str(info.value)
    assert f"127.0.0.1:{port}" in msg and "offline" in msg
    assert "xiaowu0162/longmemeval-cleaned" in msg and "longmemeval_s_cleaned.json" in msg
    assert str(tmp_path / "longmemeval") in msg and "HF_ENDPOINT" in msg


def test_longmemeval_present_files_are_only_verified(tmp_path: Path) -> None:
    folder = tmp_path / "longmemeval"
    folder.mkdir()
    for name in ("longmemeval_oracle.json", "longmemeval_s_cleaned.json"):
        (folder / name).write_text("[]")
    # the endpoint is never contacted when both files are already there
    results = download_longmemeval(tmp_path, endpoint="http://127.0.0.1:9")
    assert [r.status for r in results] == ["present", "present"]
    assert [r.checksum for r in results] == ["recorded", "recorded"]
    assert os.path.exists(folder / CHECKSUMS_FILE)


def test_longmemeval_from_a_hub_compatible_endpoint(
    tmp_path: Path, server: tuple[str, ServerState], monkeypatch: pytest.MonkeyPatch
) -> None:
    import huggingface_hub.constants as hf_constants

    # the test suite runs with HF_HUB_OFFLINE=1 (models load from packages); this test is online
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.setattr(hf_constants, "HF_HUB_OFFLINE", False)
    base, state = server
    prefix = "/datasets/xiaowu0162/longmemeval-cleaned/resolve/main/"
    oracle = b'[{"question_id": "q"}]'
    state.files[prefix + "longmemeval_oracle.json"] = oracle
    seen: list[tuple[str, int, int | None]] = []
    results = download_longmemeval(
        tmp_path, which=("oracle",), endpoint=base, progress=lambda n, d, t: seen.append((n, d, t))
    )
    # the Hub's byte counts reach our callback (the CLI's bar), not a tqdm bar of its own
    assert ("longmemeval_oracle.json", len(oracle), len(oracle)) in seen
    dest = tmp_path / "longmemeval" / "longmemeval_oracle.json"
    assert dest.read_bytes() == oracle
    assert results[0].status == "downloaded" and results[0].checksum == "recorded"
    assert (
        json.loads((dest.parent / CHECKSUMS_FILE).read_text())["longmemeval_oracle.json"]["sha256"]
        == hashlib.sha256(oracle).hexdigest()
    )


def test_cli_download_investigathon(tmp_path: Path, server: tuple[str, ServerState]) -> None:
    from typer.testing import CliRunner

    from kgmem.cli import app

    base, state = server
    state.files["/o.json"] = b"[]"
    runner = CliRunner()
    res = runner.invoke(app, ["data", "download", "investigathon", "--data-dir", str(tmp_path)])
    assert res.exit_code == 1
    assert "Investigathon_LLMTrack_HeldOut_s_cleaned.json" in res.stderr
    assert "--url NAME=" in res.stderr
    res = runner.invoke(
        app,
        [
            "data",
            "download",
            "investigathon",
            "--data-dir",
            str(tmp_path),
            "--json",
            "--url",
            f"eval-oracle={base}/o.json",
            "--url",
            f"eval-s={base}/big.json",
            "--url",
            f"Investigathon_LLMTrack_HeldOut_s_cleaned.json={base}/big.json",
        ],
    )
    assert res.exit_code == 0, res.output
    payload = json.loads(res.stdout)
    assert [r["status"] for r in payload["results"]] == ["downloaded"] * 3
    assert payload["errors"] == [] and payload["instructions"] is None
    res = runner.invoke(app, ["data", "download", "investigathon", "--data-dir", str(tmp_path)])
    assert res.exit_code == 0 and res.stdout.count("verified") == 3
    res = runner.invoke(app, ["data", "download", "nope"])
    assert res.exit_code == 2 and "Invalid value" in res.stderr and "longmemeval" in res.stderr  # a Typer choice
    res = runner.invoke(app, ["data", "download", "investigathon", "--url", "eval-s"])
    assert res.exit_code == 1 and "NAME=URL" in res.stderr
