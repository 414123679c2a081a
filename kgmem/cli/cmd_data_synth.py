"""``kgmem data synth`` and ``kgmem data stats``: the synthetic LongMemEval-format benchmark."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from kgmem.cli._app import JsonOpt, data_app, echo, emit_json, err, fail, load_settings

#: named splits the generator can (re)write: (haystacks, sessions, scale, min per type, min abs)
SPLIT_PRESETS: dict[str, tuple[int, int, str, int, int]] = {
    "sample": (24, 10, "short", 3, 3),
    "synthetic-s": (500, 50, "full", 0, 0),
}
#: share of the second held-out family per split; the sample keeps generator 1.0.0's dev/heldout
#: mix so its data files did not change when heldout2 was added (docs/benchmark.md)
SPLIT_HELDOUT2_SHARE: dict[str, float] = {"sample": 0.0, "synthetic-s": 0.25}
DEFAULT_HELDOUT2_SHARE = 0.25


class SynthSplit(str, Enum):
    """A registered split the generator writes (``--split``)."""

    sample = "sample"
    synthetic_s = "synthetic-s"


class Families(str, Enum):
    """Template families (``--families``): one per row of ``families.FAMILIES``, and ``all``.

    ``all`` mixes dev, heldout and heldout2 (the shares below); ``dev3`` (a development family
    written from heldout2's brief) and ``heldout3`` (a held-out one, same brief) are used only when named.
    """

    dev = "dev"
    heldout = "heldout"
    heldout2 = "heldout2"
    dev3 = "dev3"
    heldout3 = "heldout3"
    all = "all"


class Scale(str, Enum):
    """Filler size (``--scale``)."""

    full = "full"
    short = "short"


class Tokenizer(str, Enum):
    """What ``kgmem data stats`` counts tokens with."""

    minilm = "minilm"
    whitespace = "whitespace"


def split_paths(split: str) -> tuple[Path, Path, Path]:
    """(data, oracle, gold) paths of a named split, as the split registry expects them."""
    if split == "sample":
        from kgmem.datasets.registry import package_sample_dir

        d = package_sample_dir()
        return d / "sample.json", d / "sample_oracle.json", d / "sample.gold.json"
    if split == "synthetic-s":
        d = Path(load_settings().data_dir) / "synthetic"
        return d / "synthetic_s.json", d / "synthetic_s_oracle.json", d / "synthetic_s.gold.json"
    fail(f"unknown split {split!r}; choose one of: {', '.join(SPLIT_PRESETS)}")


@data_app.command("synth")
def synth(
    haystacks: Annotated[Optional[int], typer.Option("--haystacks", "-n", help="Number of haystacks (questions).")] = None,  # noqa: UP045
    sessions_per_haystack: Annotated[Optional[int], typer.Option("--sessions-per-haystack", "-m", help="Sessions per haystack (±2 at full size).")] = None,  # noqa: UP045
    seed: Annotated[int, typer.Option("--seed", help="Random seed; same seed + generator version → byte-identical files.")] = 0,
    out: Annotated[Optional[Path], typer.Option("--out", help="Data file to write (LongMemEval JSON array).")] = None,  # noqa: UP045
    oracle_out: Annotated[Optional[Path], typer.Option("--oracle-out", help="Also write the evidence-only oracle file.")] = None,  # noqa: UP045
    split: Annotated[Optional[SynthSplit], typer.Option("--split", help="Write a registered split.")] = None,  # noqa: UP045
    families: Annotated[Families, typer.Option("--families", help="Template family of every question, or all: dev + heldout + heldout2 (shares below; dev3, heldout3 only by name).")] = Families.all,
    heldout_share: Annotated[float, typer.Option("--heldout-share", help="Share of questions using the held-out family with --families all.")] = 0.25,
    heldout2_share: Annotated[Optional[float], typer.Option(  # noqa: UP045
        "--heldout2-share",
        help="Share of questions using the second held-out family with --families all (default 0.25; 0 for --split sample).")] = None,
    scale: Annotated[Optional[Scale], typer.Option("--scale", help="full (long filler, ~2.3k tokens/session) | short (tests, demos).")] = None,  # noqa: UP045
    pool_size: Annotated[Optional[int], typer.Option("--pool-size", help="Shared filler pool size (default ~35% of filler slots).")] = None,  # noqa: UP045
    json_out: JsonOpt = False,
) -> None:
    """Generate a seeded synthetic LongMemEval-format benchmark (+ oracle + gold sidecar)."""
    import time

    from kgmem.datasets.synthetic import SynthConfig, gold_path_for, write_dataset

    min_type = min_abs = 0
    gold_out = None
    size = scale.value if scale is not None else None
    if split is not None:
        n0, m0, scale0, min_type, min_abs = SPLIT_PRESETS[split.value]
        out_p, oracle_p, gold_out = split_paths(split.value)
        out = out or out_p
        oracle_out = oracle_out or oracle_p
        haystacks = haystacks if haystacks is not None else n0
        sessions_per_haystack = sessions_per_haystack if sessions_per_haystack is not None else m0
        size = size or scale0
        if heldout2_share is None:
            heldout2_share = SPLIT_HELDOUT2_SHARE.get(split.value, DEFAULT_HELDOUT2_SHARE)
    if heldout2_share is None:
        heldout2_share = DEFAULT_HELDOUT2_SHARE
    if not (0 <= heldout_share <= 1 and 0 <= heldout2_share <= 1) or heldout_share + heldout2_share > 1:
        fail(f"--heldout-share ({heldout_share}) and --heldout2-share ({heldout2_share}) must lie in [0, 1] and sum to at most 1")
    if out is None:
        fail("give --out FILE or --split NAME")
    if not str(out).endswith(".json"):
        fail(f"--out must end in .json (the gold sidecar is written next to it as X.gold.json): {out}")
    cfg = SynthConfig(
        haystacks=haystacks if haystacks is not None else 3,
        sessions_per_haystack=sessions_per_haystack if sessions_per_haystack is not None else 50,
        seed=seed, families=families.value,
        heldout_share=heldout_share, heldout2_share=heldout2_share, scale=(size or "full"),  # type: ignore[arg-type]
        pool_size=pool_size, min_per_type=min_type, min_abs=min_abs,
    )
    t0 = time.perf_counter()
    step = max(1, cfg.haystacks // 20)

    def progress(i: int, n: int) -> None:
        if i % step == 0 or i == n:
            err.print(f"  haystack {i}/{n}", highlight=False)

    try:
        summary = write_dataset(cfg, out, oracle_out, gold_out or gold_path_for(out), progress)
    except (ValueError, FileNotFoundError) as exc:
        fail(str(exc))
    summary["seconds"] = round(time.perf_counter() - t0, 2)
    if json_out:
        emit_json(summary)
    else:
        err.print(f"generator {summary['generator_version']}: {summary['haystacks']} haystacks in {summary['seconds']} s", highlight=False)
        echo(summary["data_file"])
        if summary["oracle_file"]:
            echo(summary["oracle_file"])
        echo(summary["gold_file"])


@data_app.command("stats")
def stats(
    file: Annotated[Path, typer.Argument(help="A LongMemEval-format JSON file (or a registered split name).")],
    tokenizer: Annotated[Tokenizer, typer.Option("--tokenizer", help="minilm (all-MiniLM-L6-v2 WordPiece, offline) | whitespace.")] = Tokenizer.minilm,
    json_out: JsonOpt = False,
) -> None:
    """Type mix, abstentions, sessions and tokens per haystack, evidence positions, session reuse."""
    from kgmem.datasets.synthetic.stats import (
        TokenCounter,
        compute_stats,
        iter_records,
        stats_markdown,
    )

    path = file
    if not path.is_file():
        from kgmem.datasets.errors import DatasetError
        from kgmem.datasets.registry import resolve_split

        try:
            path = resolve_split(str(file), load_settings()).path
        except DatasetError as exc:
            fail(f"{file}: not a file, and not a split: {exc}")
    try:
        counter = TokenCounter(tokenizer.value)
        result = compute_stats(iter_records(path), counter,
                               lambda i: err.print(f"  {i} haystacks", highlight=False) if i % 100 == 0 else None)
    except (RuntimeError, ValueError) as exc:
        fail(f"{path}: {exc}")
    result["file"] = str(path)
    if json_out:
        emit_json(result)
    else:
        echo(stats_markdown(result, path.name))
