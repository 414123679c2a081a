"""What an evaluation run is: its configuration, the hash that names it, its scope line.

Shared by the runner, the question selector and the run-directory files.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from kgmem.evaluation.judge import JudgeStyle

if TYPE_CHECKING:
    from kgmem.datasets.registry import SplitInfo
    from kgmem.settings import Settings


class RunError(RuntimeError):
    """The run cannot proceed (corrupt predictions file, run dir of another configuration…)."""


@dataclass
class EvalConfig:
    """What to evaluate and how (everything that changes results goes into the config hash)."""

    split: str
    system: str = "baseline-rag"
    limit: int | None = None
    per_type: int | None = None
    types: list[str] | None = None
    seed: int = 0
    question_ids: list[str] | None = None
    retrieval_only: bool = False
    judge_style: JudgeStyle | None = None
    run_dir: Path | None = None
    allow_missing: bool = False
    on_error: Literal["record", "raise"] = "record"
    #: worker processes (``--workers``); records do not depend on it, so it is not hashed and a
    #: run may be resumed with another N
    workers: int = 1

    def selection_args(self) -> dict[str, Any]:
        """The arguments that decide which questions run."""
        return {"limit": self.limit, "per_type": self.per_type,
                "types": sorted(self.types) if self.types else None, "seed": self.seed,
                "question_ids": self.question_ids}


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of kgmem's own code and data files (``*.py``, ``*.json[l]``, ``*.txt`` under the
    package): any change to them changes what a system answers, so it names a new run dir and a
    run is never resumed across code versions (a ``git pull`` once resumed the old run and
    printed its numbers)."""
    return tree_fingerprint(Path(__file__).resolve().parents[1])


def tree_fingerprint(root: Path) -> str:
    """12 hex digits of the names and bytes of the code and data files under ``root``."""
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.suffix in _CODE_SUFFIXES and p.is_file()
                       and "__pycache__" not in p.parts):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


_CODE_SUFFIXES = frozenset({".py", ".json", ".jsonl", ".txt"})


def config_hash(config: EvalConfig, info: SplitInfo, dataset_sha: str, settings: Settings,
                system_name: str) -> str:
    """Short hash of everything that changes results: split, data, system, models, store, the
    code itself (:func:`code_fingerprint`)…"""
    payload = {
        "code": code_fingerprint(),
        "split": info.name, "dataset_sha256": dataset_sha, "system": system_name,
        "llm_model": settings.llm_model, "judge_model": settings.judge_model,
        "store": settings.store, "embed_model": settings.embed_model,
        "extraction_tier": settings.extraction_tier, "context_tokens": settings.context_tokens,
        # the default proposer leaves the hash (and every existing run folder) as it was
        **({"extraction_proposer": settings.extraction_proposer} if settings.extraction_proposer != "hand" else {}),
        "retrieval_only": config.retrieval_only, "judge_style": config.judge_style,
        **config.selection_args(),
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:10]


def default_run_dir(info: SplitInfo, system_name: str, chash: str, retrieval_only: bool) -> Path:
    """``eval/runs/<split>-<system>[-retrieval]-<confighash>``."""
    mode = "-retrieval" if retrieval_only else ""
    return Path("eval") / "runs" / f"{_slug(info.name)}-{system_name}{mode}-{chash}"


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", Path(text).stem if "/" in text else text).strip("_")


def describe_scope(config: EvalConfig, n: int, total: int) -> str:
    """One line saying which questions a run covers (reports print it next to every figure)."""
    if config.per_type is not None:
        return (f"stratified sample: up to {config.per_type} per question type (abstention its "
                f"own stratum), seed {config.seed} — {n} of {total} questions")
    if n < total:
        return f"{n} of {total} questions (first in file order after filters)"
    return f"all {total} questions"
