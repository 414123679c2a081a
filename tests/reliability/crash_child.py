"""A child process for crash tests: ingest (or run an eval) with a kill hook armed.

    crash_child.py ingest --backend networkx --root DIR --users u1,u2 --sessions 4 --mode batch --kill-at N
    crash_child.py eval --run-dir DIR --home DIR --kill-at N

``--kill-at 0`` never kills; the child then prints ``{"ticks": <write events seen>}`` so the
parent can choose kill points inside the real range.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import _tick, ingest, install_kill_hook, make_haystack, open_backend, ticks  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
EVAL_FIXTURES = ROOT / "tests" / "fixtures" / "eval"


def _ingest(ns: argparse.Namespace) -> None:
    install_kill_hook(ns.backend, ns.kill_at)
    store = open_backend(ns.backend, Path(ns.root) if ns.root else None)
    haystacks = [make_haystack(u, n_sessions=ns.sessions, seed=ns.seed) for u in ns.users.split(",")]
    reports = ingest(store, haystacks, mode=ns.mode)
    store.close()
    failures = [f for r in reports for f in r["failures"]]
    print(json.dumps({"ticks": ticks(), "failures": failures}))


def _eval(ns: argparse.Namespace) -> None:
    import kgmem.evaluation.runner as runner
    from kgmem.settings import Settings

    sys.path.insert(0, str(EVAL_FIXTURES))
    from eval_fake_system import GOOD_ANSWERS, FakeSystem
    from harness import _TICKS

    _TICKS["n"], _TICKS["kill_at"] = 0, ns.kill_at
    original_append = runner.append_record

    def append_record(path: Path, record: dict[str, object]) -> None:
        _tick("before append")
        if _TICKS["n"] + 1 == _TICKS["kill_at"]:
            # a kill mid-write: half a JSON line reaches the disk
            line = json.dumps(record, default=str)
            with open(path, "a", encoding="utf-8") as fh:
                fh.write(line[: len(line) // 2])
                fh.flush()
                os.fsync(fh.fileno())
        _tick("mid append")
        original_append(path, record)
        _tick("after append")

    runner.append_record = append_record  # type: ignore[assignment]

    class HookedSystem(FakeSystem):
        def prepare(self, haystack):  # type: ignore[no-untyped-def]
            _tick("prepare")
            return super().prepare(haystack)

    settings = Settings.load({"home": ns.home}, env={})
    runner.run_eval(runner.EvalConfig(split=str(EVAL_FIXTURES / "tiny_lme.json"), run_dir=Path(ns.run_dir)),
                    settings, system=HookedSystem(GOOD_ANSWERS))
    print(json.dumps({"ticks": ticks()}))


def main() -> None:
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("ingest")
    a.add_argument("--backend", default="networkx")
    a.add_argument("--root")
    a.add_argument("--users", required=True)
    a.add_argument("--sessions", type=int, default=4)
    a.add_argument("--seed", type=int, default=0)
    a.add_argument("--mode", default="batch")
    a.add_argument("--kill-at", type=int, default=0)
    e = sub.add_parser("eval")
    e.add_argument("--run-dir", required=True)
    e.add_argument("--home", required=True)
    e.add_argument("--kill-at", type=int, default=0)
    ns = p.parse_args()
    _ingest(ns) if ns.cmd == "ingest" else _eval(ns)


if __name__ == "__main__":
    main()
