"""Split registry: a split name → its file(s), where they come from, and what labels they carry.

Any path to an existing LongMemEval-format file is accepted wherever a split name is (its tag is
the file stem). The ``sample`` split ships inside the package (found next to ``kgmem/__init__.py``,
not under ``data_dir``), so a wheel install can run it; every other split lives under
``settings.data_dir``.

Gold sidecar convention, for any file: ``X.json`` → ``X.gold.json`` when it exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from kgmem.datasets.errors import DatasetError, DatasetProblem

if TYPE_CHECKING:
    from kgmem.settings import Settings

Source = Literal["committed", "generated", "downloaded", "file"]

__all__ = [
    "SplitInfo",
    "SplitNotFoundError",
    "gold_sidecar",
    "list_splits",
    "package_sample_dir",
    "resolve_split",
    "split_names",
]


@dataclass(frozen=True)
class SplitInfo:
    """One named split (or a file given by path, ``source == "file"``)."""

    name: str
    files: list[Path]
    source: Source
    has_answers: bool
    has_gold_facts: bool
    gold_file: Path | None
    oracle_twin: str | None
    tag: str
    #: how to obtain the files when they are missing
    hint: str = ""
    description: str = ""

    @property
    def path(self) -> Path:
        """The split's (first) file."""
        return self.files[0]

    @property
    def present(self) -> bool:
        """Whether every file of the split exists."""
        return all(p.is_file() for p in self.files)

    def missing_files(self) -> list[Path]:
        return [p for p in self.files if not p.is_file()]

    def to_dict(self) -> dict[str, object]:
        """JSON-able form (for ``kgmem data splits --json``)."""
        return {
            "name": self.name,
            "files": [str(p) for p in self.files],
            "present": self.present,
            "source": self.source,
            "has_answers": self.has_answers,
            "has_gold_facts": self.has_gold_facts,
            "gold_file": str(self.gold_file) if self.gold_file else None,
            "oracle_twin": self.oracle_twin,
            "tag": self.tag,
            "description": self.description,
            "hint": self.hint,
        }


class SplitNotFoundError(DatasetError):
    """An unknown split name, or a known split whose files are not on disk."""


def package_sample_dir() -> Path:
    """``kgmem/resources/sample`` inside the installed package (works from a wheel too)."""
    import kgmem

    return Path(kgmem.__file__).resolve().parent / "resources" / "sample"


def gold_sidecar(path: Path) -> Path:
    """``X.json`` → ``X.gold.json`` (whether or not it exists)."""
    return (
        path.with_name(path.name[: -len(".json")] + ".gold.json")
        if path.name.endswith(".json")
        else path.with_name(path.name + ".gold.json")
    )


def _existing_gold(path: Path) -> Path | None:
    gold = gold_sidecar(path)
    return gold if gold.is_file() else None


_SYNTH_HINT = (
    "generate it with `kgmem data synth` (see `kgmem data synth --help`); it writes {path}"
)
_LME_HINT = "download it with `kgmem data download longmemeval` (puts it at {path})"
_INV_HINT = (
    "download it with `kgmem data download investigathon --url {short}=<Google Drive URL or file id>`, "
    "or copy the file from the Investigathon Google Drive to {path}"
)
_SAMPLE_HINT = (
    "the sample ships with the kgmem package at {path}; reinstall kgmem, or regenerate it with "
    "`kgmem data synth` (see `kgmem data synth --help`)"
)

INVESTIGATHON_FILES: dict[str, str] = {
    # short name used by `--url NAME=URL` → file name (as published on Google Drive)
    "eval-oracle": "Investigathon_LLMTrack_Evaluation_oracle.json",
    "eval-s": "Investigathon_LLMTrack_Evaluation_s_cleaned.json",
    "heldout-s": "Investigathon_LLMTrack_HeldOut_s_cleaned.json",
}
LONGMEMEVAL_FILES: dict[str, str] = {
    "oracle": "longmemeval_oracle.json",
    "s": "longmemeval_s_cleaned.json",
}


# long: the registry's table of splits, one entry per split; splitting it would scatter the table
def _definitions(settings: Settings) -> list[SplitInfo]:
    sample = package_sample_dir()
    synth = Path(settings.data_dir) / "synthetic"
    lme = Path(settings.data_dir) / "longmemeval"
    inv = Path(settings.data_dir) / "investigathon"

    def mk(
        name: str,
        path: Path,
        source: Source,
        hint: str,
        description: str,
        *,
        has_answers: bool = True,
        gold: Path | None = None,
        twin: str | None = None,
        short: str = "",
    ) -> SplitInfo:
        gold_file = gold if gold is not None else _existing_gold(path)
        return SplitInfo(
            name=name,
            files=[path],
            source=source,
            has_answers=has_answers,
            has_gold_facts=gold_file is not None,
            gold_file=gold_file,
            oracle_twin=twin,
            tag=name,
            hint=hint.format(path=path, short=short),
            description=description,
        )

    return [
        mk(
            "sample",
            sample / "sample.json",
            "committed",
            _SAMPLE_HINT,
            "small synthetic sample shipped with the package",
            gold=sample / "sample.gold.json",
            twin="sample-oracle",
        ),
        mk(
            "sample-oracle",
            sample / "sample_oracle.json",
            "committed",
            _SAMPLE_HINT,
            "evidence sessions only of the sample",
        ),
        mk(
            "synthetic-s",
            synth / "synthetic_s.json",
            "generated",
            _SYNTH_HINT,
            "generated LongMemEval_S-like benchmark",
            gold=synth / "synthetic_s.gold.json",
            twin="synthetic-s-oracle",
        ),
        mk(
            "synthetic-s-oracle",
            synth / "synthetic_s_oracle.json",
            "generated",
            _SYNTH_HINT,
            "evidence sessions only of synthetic-s",
        ),
        mk(
            "longmemeval-oracle",
            lme / LONGMEMEVAL_FILES["oracle"],
            "downloaded",
            _LME_HINT,
            "LongMemEval, evidence sessions only (500 questions)",
        ),
        mk(
            "longmemeval-s",
            lme / LONGMEMEVAL_FILES["s"],
            "downloaded",
            _LME_HINT,
            "LongMemEval_S, full ~115k-token haystacks (500 questions)",
            twin="longmemeval-oracle",
        ),
        mk(
            "investigathon-oracle",
            inv / INVESTIGATHON_FILES["eval-oracle"],
            "downloaded",
            _INV_HINT,
            "Investigathon evaluation, evidence sessions only (250 questions)",
            short="eval-oracle",
        ),
        mk(
            "investigathon",
            inv / INVESTIGATHON_FILES["eval-s"],
            "downloaded",
            _INV_HINT,
            "Investigathon evaluation, full haystacks (250 questions with answers)",
            twin="investigathon-oracle",
            short="eval-s",
        ),
        mk(
            "investigathon-heldout",
            inv / INVESTIGATHON_FILES["heldout-s"],
            "downloaded",
            _INV_HINT,
            "Investigathon held-out, full haystacks (250 questions, no answers)",
            has_answers=False,
            short="heldout-s",
        ),
    ]


def split_names(settings: Settings) -> list[str]:
    """The registered split names, in display order."""
    return [s.name for s in _definitions(settings)]


def list_splits(settings: Settings) -> list[SplitInfo]:
    """Every registered split (present on disk or not; see :attr:`SplitInfo.present`)."""
    return _definitions(settings)


def _peek_has_answers(path: Path) -> bool:
    """Whether the first instance of ``path`` carries an ``answer`` (cheap: one record read)."""
    from kgmem.datasets.longmemeval import _iter_raw

    for _, raw in _iter_raw(path):
        return isinstance(raw, dict) and raw.get("answer") is not None
    return False


def _twin_for_path(path: Path) -> str | None:
    """Oracle twin of a full-haystack file by the naming conventions in use, when it exists."""
    name = path.name
    candidates = []
    if "_s_cleaned" in name:
        candidates.append(name.replace("_s_cleaned", "_oracle"))
    if name.endswith(".json") and not name.endswith("_oracle.json"):
        candidates.append(name[: -len(".json")] + "_oracle.json")
    for cand in candidates:
        twin = path.with_name(cand)
        if twin != path and twin.is_file():
            return str(twin)
    return None


def resolve_split(name_or_path: str, settings: Settings, must_exist: bool = True) -> SplitInfo:
    """A split by registered name, or by path to an existing LongMemEval-format file.

    With ``must_exist`` (the default) a registered split whose file is missing raises
    :class:`SplitNotFoundError` saying which command produces it.
    """
    from kgmem.datasets.longmemeval import tag_for_path

    for info in _definitions(settings):
        if info.name == name_or_path:
            if must_exist and not info.present:
                missing = ", ".join(str(p) for p in info.missing_files())
                raise SplitNotFoundError(
                    DatasetProblem(missing, f"split {info.name!r} is not on disk: {info.hint}")
                )
            return info

    path = Path(name_or_path).expanduser()
    if path.is_file():
        gold = _existing_gold(path)
        return SplitInfo(
            name=str(path),
            files=[path],
            source="file",
            has_answers=_peek_has_answers(path),
            has_gold_facts=gold is not None,
            gold_file=gold,
            oracle_twin=_twin_for_path(path),
            tag=tag_for_path(path),
            description="file given by path",
        )
    known = ", ".join(split_names(settings))
    what = "no such file" if any(c in name_or_path for c in "/\\.") else "unknown split"
    raise SplitNotFoundError(
        DatasetProblem(
            name_or_path, f"{what}; give a path to a LongMemEval-format file or one of: {known}"
        )
    )
