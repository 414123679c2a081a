"""What the benchmark scripts write around their figures: the load average, the machine, and the
JSON + Markdown pair under eval/results/ (one place, so every result file says the same things)."""

from __future__ import annotations

import json
import os
import platform
from collections.abc import Callable
from pathlib import Path
from typing import Any


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


def machine() -> str:
    """One line naming the CPU architecture, core count and platform."""
    return f"{platform.machine()}, {os.cpu_count()} cores, {platform.platform()}"


def write_pair(out: Path, report: dict[str, Any], render: Callable[[dict[str, Any]], str]) -> str:
    """Write ``<out>.json`` (the report) and ``<out>.md`` (``render(report)``); return the Markdown."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.with_suffix(".json").write_text(json.dumps(report, indent=1, default=str) + "\n", encoding="utf-8")
    markdown = render(report)
    out.with_suffix(".md").write_text(markdown, encoding="utf-8")
    return markdown
