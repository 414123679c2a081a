"""Ctrl-C as a terminal sends it, for the interrupt tests of `kgmem ingest` and `kgmem eval`:
a real `kgmem` child in its own process group (the SIGINT reaches it and its workers) with the
default SIGINT disposition, and the check that it stopped with one line and nothing else."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from .neo4j_failures import ROOT


def _default_sigint() -> None:
    # as in a terminal: a runner started in the background (SIGINT ignored, inherited across
    # exec) must not make the child ignore the Ctrl-C the test sends
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start_kgmem(home: Path, *args: str) -> subprocess.Popen[str]:
    """``python -m kgmem ARGS`` with ``KGMEM_HOME=home``, in its own process group."""
    env = {**os.environ, "KGMEM_HOME": str(home), "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "kgmem", *args], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=ROOT, start_new_session=True,
                            preexec_fn=_default_sigint)


def interrupt(proc: subprocess.Popen[str]) -> str:
    """Send Ctrl-C to the child's group; assert it exited 130 with one "interrupted:" line that
    says a re-run resumes, and no traceback or warning. Returns that line."""
    assert proc.poll() is None, proc.communicate()
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    lines = [ln for ln in err.splitlines() if ln.startswith("interrupted:")]
    assert len(lines) == 1 and "re-run the same command to resume" in lines[0], err
    for noise in ("Traceback", "Warning", "leaked", "terminate called", "Aborted"):
        assert noise not in err, err
    return lines[0]
