"""The two benchmark sources: LongMemEval from the Hugging Face Hub, the Investigathon files
from Google Drive (URLs from ``sources.json`` or flags).
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from kgmem.datasets.download.common import (
    _USER_AGENT,
    LONGMEMEVAL_REPO,
    SOURCES_FILE,
    DownloadError,
    DownloadResult,
    OfflineError,
    ProgressFn,
    _check,
    read_json_object,
    sha256_file,
    verify_file,
)
from kgmem.datasets.download.transfer import download_url
from kgmem.datasets.registry import INVESTIGATHON_FILES, LONGMEMEVAL_FILES


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
    data = read_json_object(path, "URLs")
    if not all(isinstance(v, str) for v in data.values()):
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
