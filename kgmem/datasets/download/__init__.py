"""Fetch the benchmark files: LongMemEval from Hugging Face, the Investigathon from Google Drive.

The HTTP downloader (``download_url``) is our own, on ``urllib``: progress through a callback
(the CLI draws the bar), resume of partial downloads (``<file>.part`` + HTTP ``Range``), Google
Drive's confirm page for large files, and size/sha256 checks against a ``checksums.json`` written
next to the files on first download and verified afterwards. No network is a clear
:class:`OfflineError` that says where to put the file by hand.

Package layout: ``common`` (errors, result, checksums), ``transfer`` (the resumable downloader and
Google Drive), ``sources`` (LongMemEval on the Hub, the Investigathon files).
"""

from kgmem.datasets.download.common import (
    CHECKSUMS_FILE,
    ChecksumMismatch,
    DownloadError,
    DownloadResult,
    OfflineError,
    ProgressFn,
    sha256_file,
    verify_file,
)
from kgmem.datasets.download.sources import (
    InvestigathonPlan,
    download_investigathon,
    download_longmemeval,
    load_sources,
    plan_investigathon,
)
from kgmem.datasets.download.transfer import download_url, drive_download_url, drive_file_id

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
