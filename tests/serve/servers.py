"""Start and stop real ``kgmem serve …`` subprocesses (used by the tests and eval/bench_serve.py).

Each server gets its own KGMEM_HOME, announces its address on stderr (``kgmem serve: listening
on …``) and is stopped with SIGTERM; its stderr (the log) stays available afterwards.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from kgmem.serve.runner import SHUTDOWN_LINE

ROOT = Path(__file__).resolve().parents[2]
KGMEM = str(Path(sys.executable).with_name("kgmem"))
TOKEN = "test-token-0123456789abcdef-not-a-secret"
READY = re.compile(r"kgmem serve: listening on (http://\S+)")
START_TIMEOUT_S = 240  # model loading on a busy 2-core machine


class ServerError(RuntimeError):
    """The server exited or did not get ready."""


@dataclass
class Server:
    proc: subprocess.Popen[bytes]
    url: str
    log: Path
    home: Path

    def stop(self) -> bool:
        """SIGTERM and wait; True when the server announced a clean shutdown (queued adds
        finished, store closed)."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return SHUTDOWN_LINE in self.stderr()

    def stderr(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def server_env(home: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"KGMEM_HOME": str(home), "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1",
                "LITELLM_LOCAL_MODEL_COST_MAP": "True", "PYTHONUNBUFFERED": "1"})
    env.pop("KGMEM_SERVE_TOKEN", None)
    env.update(extra)
    return env


def start_server(args: list[str], home: Path, log: Path, **env: str) -> Server:
    """Start ``kgmem <args>`` and wait for its ready line (fail with its stderr if it dies)."""
    with log.open("wb") as fh:
        proc = subprocess.Popen([KGMEM, *args], stdin=subprocess.DEVNULL, stdout=fh, stderr=subprocess.STDOUT,
                                env=server_env(home, **env), cwd=ROOT)
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        text = log.read_text(encoding="utf-8", errors="replace")
        m = READY.search(text)
        if m:
            return Server(proc, m.group(1), log, home)
        if proc.poll() is not None:
            raise ServerError(f"`kgmem {' '.join(args)}` exited with {proc.returncode}:\n{text[-3000:]}")
        time.sleep(0.2)
    proc.kill()
    raise ServerError(f"`kgmem {' '.join(args)}` was not ready in {START_TIMEOUT_S} s:\n{log.read_text()[-3000:]}")
