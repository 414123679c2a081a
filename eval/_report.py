"""What the benchmark scripts write around their figures: the command, git sha, UTC time, machine,
load average before and after, the percentile definition, and the JSON + Markdown pair under
eval/results/ (one place, so every result file says the same things the same way).

    with measured(".venv/bin/python eval/bench_x.py --n 5") as run:
        result = measure(args)
    report = {"title": "...", **run, "note": "...", "result": result}
    write_pair(out, report, render)   # render() may start with provenance_lines(report)
"""

from __future__ import annotations

import json
import os
import platform
import shlex
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kgmem.evaluation.metrics import PERCENTILES, percentile

__all__ = ["PERCENTILES", "accuracy_cell", "command_line", "cpu_reference_ms", "git_sha", "load_figures", "loadavg", "machine",
           "measured", "pct", "percentile", "provenance_lines", "spelled_out", "stats", "table_row", "write_pair"]

ROOT = Path(__file__).resolve().parent.parent
SHARED = "shared machine: other jobs ran at the same time, so these are not idle-machine figures"


def git_sha() -> str:
    """The measured checkout's commit (``-dirty`` when tracked files differ), or "unknown"."""
    from kgmem.evaluation.rundir import git_sha as checkout_sha

    return checkout_sha() or "unknown"


def loadavg() -> list[str]:
    """The 1/5/15-minute load average as /proc/loadavg writes it (the machine is shared)."""
    path = Path("/proc/loadavg")
    if path.exists():
        return path.read_text().split()[:3]
    return [f"{x:.2f}" for x in os.getloadavg()]


def load_figures() -> list[float]:
    """:func:`loadavg` as numbers (the answer benches keep floats in their JSON)."""
    return [float(x) for x in loadavg()]


def _cpu_model() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown CPU"


def machine() -> str:
    """One line naming the CPU architecture and model, core count and platform."""
    return f"{platform.machine()} ({_cpu_model()}), {os.cpu_count()} cores, {platform.platform()}"


def cpu_reference_ms(rounds: int = 3) -> float:
    """Process CPU milliseconds of a fixed pure-Python workload (the best of ``rounds``).

    The figures of a result file are only comparable with another file's when both ran on equally
    fast CPUs; this fixed workload says how fast this one was (session 22's question path looked 2x
    slower than session 20's, and it was the machine: the same code on the same store measured the
    same, and a fixed priming workload took 2.4x the CPU). Lower is faster."""
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        words: dict[str, int] = {}
        for i in range(200_000):
            key = f"w{i % 977}"
            words[key] = words.get(key, 0) + i * i % 7
        sorted(words.items(), key=lambda kv: (kv[1], kv[0]))
        best = min(best, time.process_time() - start)
    return round(best * 1000, 1)


def command_line(argv: Sequence[str] | None = None) -> str:
    """The command that ran this script, as one would type it from the repository root."""
    args = list(sys.argv if argv is None else argv)
    script = Path(args[0]).resolve() if args else Path("?")
    shown = str(script.relative_to(ROOT)) if script.is_relative_to(ROOT) else args[0]
    return shlex.join([".venv/bin/python", shown, *args[1:]])


def spelled_out(script: str, args: Any, *, hide: dict[str, Any] | None = None) -> str:
    """The command that reproduces ``args`` (an argparse namespace) with every option spelled out,
    defaults included (a flag only when set; ``hide``: options left out while at that value)."""
    words = [".venv/bin/python", script]
    for name, value in vars(args).items():
        if hide is not None and name in hide and hide[name] == value:
            continue
        flag = "--" + name.replace("_", "-")
        if isinstance(value, bool):
            words += [flag] if value else []
        else:
            words += [flag, "" if value is None else str(value)]
    return shlex.join(words)


@contextmanager
def measured(command: str | None = None, *, percentiles: bool = True) -> Iterator[dict[str, Any]]:
    """Provenance around a measurement: yields a dict with ``command`` (default: this process's
    command line), ``git_sha``, ``started`` (UTC), ``machine``, ``loadavg_before`` and, when
    ``percentiles``, the percentile definition, and ``cpu_reference_ms`` (:func:`cpu_reference_ms`); ``loadavg_after`` is added when the block ends."""
    run: dict[str, Any] = {"command": command or command_line(), "git_sha": git_sha(),
                           "started": datetime.now(UTC).isoformat(timespec="seconds"), "machine": machine(),
                           "cpu_reference_ms": cpu_reference_ms(), "loadavg_before": loadavg()}
    if percentiles:
        run["percentiles"] = PERCENTILES
    yield run
    run["loadavg_after"] = loadavg()


def _load(value: Any) -> str:
    return " ".join(str(x) for x in value) if isinstance(value, (list, tuple)) else str(value)


def provenance_lines(run: dict[str, Any], shared: str = SHARED) -> list[str]:
    """Markdown bullet lines for a :func:`measured` block (command, sha, time, machine, load)."""
    lines = [f"- command: `{run['command']}`; git `{run['git_sha']}`; {run['started']}",
             f"- machine: {run['machine']}; load average before {_load(run['loadavg_before'])} → after "
             f"{_load(run.get('loadavg_after', '?'))} ({shared})"]
    if run.get("cpu_reference_ms") is not None:
        lines.append(f"- CPU reference: {run['cpu_reference_ms']} ms of process CPU for a fixed pure-Python workload "
                     "(eval/_report.cpu_reference_ms; compare it before comparing figures across result files: "
                     "a slower machine shows here first)")
    if run.get("percentiles"):
        lines.append(f"- percentiles: {run['percentiles']}")
    return lines


def pct(values: Sequence[float], p: float) -> float:
    """The ``p``-th percentile (0-100) by the shared nearest-rank definition (0.0 for no values)."""
    return float(percentile(values, p / 100) or 0.0)


def stats(values: Sequence[float]) -> dict[str, Any]:
    """n, p50, p95 (nearest rank) and max of ``values`` (``None`` figures when empty)."""
    return {"n": len(values), "p50": percentile(values, 0.5), "p95": percentile(values, 0.95),
            "max": max(values) if values else None}


def accuracy_cell(row: dict[str, Any] | None) -> str:
    """An accuracy table cell, "82.5 (33/40)" from a ``{n, correct, accuracy}`` row, or "–"
    when nothing was judged."""
    if not row or row.get("accuracy") is None:
        return "–"
    return f"{100 * row['accuracy']:.1f} ({row['correct']}/{row['n']})"


def table_row(label: str, runs: Sequence[Any], cell: Callable[[Any], str]) -> str:
    """One Markdown table row: ``label``, then ``cell(run)`` for each run (a column per system)."""
    return f"| {label} | " + " | ".join(cell(r) for r in runs) + " |"


def write_pair(out: Path, report: dict[str, Any], render: Callable[[dict[str, Any]], str]) -> str:
    """Write ``<out>.json`` (the report) and ``<out>.md`` (``render(report)``); return the Markdown.

    ``out`` is a stem: a dotted name such as ``ingest.sample`` keeps its dot (a trailing ``.json``
    or ``.md`` is dropped)."""
    stem = out.with_suffix("") if out.suffix in (".json", ".md") else out
    stem.parent.mkdir(parents=True, exist_ok=True)
    stem.with_name(stem.name + ".json").write_text(json.dumps(report, indent=1, default=str) + "\n", encoding="utf-8")
    markdown = render(report)  # after the JSON: a rendering bug never loses the measured figures
    stem.with_name(stem.name + ".md").write_text(markdown, encoding="utf-8")
    return markdown
