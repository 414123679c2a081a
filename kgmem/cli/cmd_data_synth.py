"""``kgmem data synth`` and ``kgmem data stats``: the synthetic LongMemEval-format benchmark."""

from __future__ import annotations

from pathlib import Path

import typer

from kgmem.cli._app import data_app, emit_json, err, fail

#: named splits the generator can (re)write: (haystacks, sessions, scale, min per type, min abs)
SPLIT_PRESETS: dict[str, tuple[int, int, str, int, int]] = {
    "sample": (24, 10, "short", 3, 3),
    "synthetic-s": (500, 50, "full", 0, 0),
}
#: share of the second held-out family per split; the sample keeps generator 1.0.0's dev/heldout
#: mix so its data files did not change when heldout2 was added (docs/benchmark.md)
SPLIT_HELDOUT2_SHARE: dict[str, float] = {"sample": 0.0, "synthetic-s": 0.25}
DEFAULT_HELDOUT2_SHARE = 0.25


def split_paths(split: str) -> tuple[Path, Path, Path]:
    """(data, oracle, gold) paths of a named split, as the split registry expects them."""
    if split == "sample":
        from kgmem.datasets.registry import package_sample_dir

        d = package_sample_dir()
        return d / "sample.json", d / "sample_oracle.json", d / "sample.gold.json"
    if split == "synthetic-s":
        from kgmem.settings import Settings

        d = Path(Settings.load().data_dir) / "synthetic"
        return d / "synthetic_s.json", d / "synthetic_s_oracle.json", d / "synthetic_s.gold.json"
    fail(f"unknown split {split!r}; choose one of: {', '.join(SPLIT_PRESETS)}")


@data_app.command("synth")
def synth(
    haystacks: int | None = typer.Option(None, "--haystacks", "-n", help="Number of haystacks (questions)."),
    sessions_per_haystack: int | None = typer.Option(None, "--sessions-per-haystack", "-m", help="Sessions per haystack (±2 at full size)."),
    seed: int = typer.Option(0, "--seed", help="Random seed; same seed + generator version → byte-identical files."),
    out: Path | None = typer.Option(None, "--out", help="Data file to write (LongMemEval JSON array)."),
    oracle_out: Path | None = typer.Option(None, "--oracle-out", help="Also write the evidence-only oracle file."),
    split: str | None = typer.Option(None, "--split", help="Write a registered split: sample | synthetic-s."),
    families: str = typer.Option("all", "--families", help="Template families: dev | heldout | heldout2 | all (held-out shares below, the rest dev)."),
    heldout_share: float = typer.Option(0.25, "--heldout-share", help="Share of questions using the held-out family with --families all."),
    heldout2_share: float | None = typer.Option(
        None, "--heldout2-share",
        help="Share of questions using the second held-out family with --families all (default 0.25; 0 for --split sample)."),
    scale: str | None = typer.Option(None, "--scale", help="full (long filler, ~2.3k tokens/session) | short (tests, demos)."),
    pool_size: int | None = typer.Option(None, "--pool-size", help="Shared filler pool size (default ~35% of filler slots)."),
    json_out: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Generate a seeded synthetic LongMemEval-format benchmark (+ oracle + gold sidecar)."""
    import time

    from kgmem.datasets.synthetic import SynthConfig, gold_path_for, write_dataset

    if families not in ("dev", "heldout", "heldout2", "all"):
        fail(f"--families must be dev, heldout, heldout2 or all, got {families!r}")
    if scale is not None and scale not in ("full", "short"):
        fail(f"--scale must be full or short, got {scale!r}")
    min_type = min_abs = 0
    gold_out = None
    if split is not None:
        n0, m0, scale0, min_type, min_abs = SPLIT_PRESETS.get(split) or fail(f"unknown split {split!r}; choose one of: {', '.join(SPLIT_PRESETS)}")
        out_p, oracle_p, gold_out = split_paths(split)
        out = out or out_p
        oracle_out = oracle_out or oracle_p
        haystacks = haystacks if haystacks is not None else n0
        sessions_per_haystack = sessions_per_haystack if sessions_per_haystack is not None else m0
        scale = scale or scale0
        if heldout2_share is None:
            heldout2_share = SPLIT_HELDOUT2_SHARE.get(split, DEFAULT_HELDOUT2_SHARE)
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
        seed=seed, families=families,  # type: ignore[arg-type]
        heldout_share=heldout_share, heldout2_share=heldout2_share, scale=(scale or "full"),  # type: ignore[arg-type]
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
        typer.echo(summary["data_file"])
        if summary["oracle_file"]:
            typer.echo(summary["oracle_file"])
        typer.echo(summary["gold_file"])


@data_app.command("stats")
def stats(
    file: Path = typer.Argument(..., help="A LongMemEval-format JSON file (or a registered split name)."),
    tokenizer: str = typer.Option("minilm", "--tokenizer", help="minilm (all-MiniLM-L6-v2 WordPiece, offline) | whitespace."),
    json_out: bool = typer.Option(False, "--json", help="Print the statistics as JSON."),
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
        from kgmem.datasets.registry import resolve_split
        from kgmem.settings import Settings

        try:
            path = resolve_split(str(file), Settings.load()).path
        except Exception as exc:  # noqa: BLE001 - any lookup failure is reported as one line
            fail(f"{file}: not a file, and not a split: {exc}")
    if tokenizer not in ("minilm", "whitespace"):
        fail(f"--tokenizer must be minilm or whitespace, got {tokenizer!r}")
    try:
        counter = TokenCounter(tokenizer)
        result = compute_stats(iter_records(path), counter,
                               lambda i: err.print(f"  {i} haystacks", highlight=False) if i % 100 == 0 else None)
    except (RuntimeError, ValueError) as exc:
        fail(f"{path}: {exc}")
    result["file"] = str(path)
    if json_out:
        emit_json(result)
    else:
        typer.echo(stats_markdown(result, path.name))
