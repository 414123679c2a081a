"""Sweep of answer/presence.py's WORD_SIMILARITY over development answer sets and their perturbed copies.

    .venv/bin/python eval/sweep_presence.py --set dev3 --set dev4 [--variants orig reword]
        [--thresholds 0.6 0.64 0.68 0.72 0.76 0.8] [--out eval/results/presence_sweep_<name>]

A focus word the evidence lacks by form is looked for by meaning: its best MiniLM cosine to a
word of the evidence must reach WORD_SIMILARITY (0.72, set by hand from word pairs in session 9).
This sweep measures what the threshold does on whole questions: every question is answered once
with the recorded cosines of each meaning check; a question none of whose cosines falls inside the
swept range answers the same at every threshold, so only the others are answered again per
threshold. Figures per threshold and copy: correct, false abstentions on answerable questions,
``_abs`` correct — scored by the offline scorer as eval/bench_heldout.py does.

Copies are eval/perturb_devset.py's (``orig`` is the set itself); each set's stores come from
``$KGMEM_HOME`` (ingested by a bench run of the set). Development sets only.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eval import perturb_devset  # noqa: E402
from eval._report import git_sha, load_figures  # noqa: E402
from kgmem.answer import presence  # noqa: E402

THRESHOLDS = (0.5, 0.56, 0.6, 0.64, 0.68, 0.72, 0.76, 0.8)


@contextmanager
def recording(log: list[float]) -> Iterator[None]:
    """Record every cosine presence.unsupported compares with the threshold."""
    original = presence.unsupported

    def wrapped(*args: Any, **kwargs: Any) -> tuple[list[str], dict[str, float]]:
        absent, sims = original(*args, **kwargs)
        log.extend(sims.values())
        return absent, sims

    presence.unsupported = wrapped  # type: ignore[assignment]
    try:
        yield
    finally:
        presence.unsupported = original  # type: ignore[assignment]


@contextmanager
def threshold(value: float) -> Iterator[None]:
    old = presence.WORD_SIMILARITY
    presence.WORD_SIMILARITY = value
    try:
        yield
    finally:
        presence.WORD_SIMILARITY = old


def _answer(system: Any, judge: Any, h: Any, stripped: Any) -> dict[str, Any]:
    from kgmem.evaluation.judge import declines

    ans = system.answer(stripped.user_id, stripped.question, stripped.question_date)
    gold = h.labels.answer_text if h.labels else ""
    verdict = judge.judge(question=h.question, gold=gold, prediction=ans.answer,
                          question_type=h.labels.question_type if h.labels else "", is_abstention=h.is_abstention)
    return {"correct": bool(verdict.correct), "abs": h.is_abstention,
            "declined": bool(ans.abstained) or declines(str(ans.answer or ""))}


def _tally(rows: dict[str, dict[str, Any]]) -> dict[str, int]:
    answerable = [r for r in rows.values() if not r["abs"]]
    return {"n": len(rows), "correct": sum(r["correct"] for r in rows.values()),
            "answerable": len(answerable), "false_abstentions": sum(r["declined"] for r in answerable),
            "abs_n": len(rows) - len(answerable),
            "abs_correct": sum(r["correct"] for r in rows.values() if r["abs"])}


def sweep_file(path: Path, thresholds: list[float], settings: Any) -> dict[str, Any]:
    """Answer a set file once (recording cosines), then the sensitive questions per threshold."""
    from kgmem.datasets.longmemeval import iter_haystacks, strip_labels
    from kgmem.evaluation.judge import default_judge_style, make_judge
    from kgmem.evaluation.systems import make_system

    system = make_system("kgmem", settings)
    judge = make_judge(settings, default_judge_style(str(path)))
    lo, hi = min(thresholds), max(thresholds)
    base: dict[str, dict[str, Any]] = {}
    sensitive: list[tuple[Any, Any]] = []
    recorded: list[float] = []  # every cosine compared with the threshold, all questions
    for h in iter_haystacks(path, tag=path.stem):
        stripped = strip_labels(h)
        system.prepare(stripped)
        cosines: list[float] = []
        with recording(cosines):
            base[h.question_id] = _answer(system, judge, h, stripped)
        recorded += cosines
        if any(lo - 0.005 <= c < hi + 0.005 for c in cosines):
            sensitive.append((h, stripped))
    per: dict[str, dict[str, int]] = {}
    for t in thresholds:
        rows = dict(base)
        with threshold(t):
            for h, stripped in sensitive:
                rows[h.question_id] = _answer(system, judge, h, stripped)
        per[f"{t:.2f}"] = _tally(rows)
        print(f"  {path.parent.name}/{path.name} @ {t:.2f}: {per[f'{t:.2f}']}", file=sys.stderr, flush=True)
    bands = {f"{b / 20:.2f}": sum(1 for c in recorded if b / 20 <= c < (b + 1) / 20) for b in range(0, 20)}
    return {"file": str(path), "cosines_recorded": len(recorded),
            "cosines_by_band": {k: v for k, v in bands.items() if v}, "sensitive_questions": len(sensitive),
            "at_threshold": per}


def main(argv: list[str] | None = None) -> int:
    from kgmem.settings import Settings

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", action="append", required=True, help="a development set (repeatable)")
    ap.add_argument("--variants", nargs="+", default=["orig", "reword"],
                    choices=["orig", *perturb_devset.VARIANTS])
    ap.add_argument("--thresholds", nargs="+", type=float, default=list(THRESHOLDS))
    ap.add_argument("--seed", type=int, default=0, help="seed of the perturbed copies")
    ap.add_argument("--copies", type=Path, default=None, help="where copies are written (default a temp dir)")
    ap.add_argument("--out", type=Path, default=None, help="write <out>.json")
    args = ap.parse_args(argv)
    settings = Settings.load({})
    import tempfile

    copies = args.copies or Path(tempfile.mkdtemp(prefix="presence-sweep-"))
    load_before = load_figures()
    files = []
    for name in args.set:
        source = perturb_devset.dev_source(name)
        for variant in args.variants:
            path = source if variant == "orig" else perturb_devset.write_copy(source, variant, args.seed, copies)[0]
            files.append({"set": name, "variant": variant, **sweep_file(path, args.thresholds, settings)})
    report = {"command": "python eval/sweep_presence.py " + " ".join(argv or sys.argv[1:]), "git_sha": git_sha(),
              "current": presence.WORD_SIMILARITY, "loadavg_before": load_before, "loadavg_after": load_figures(),
              "files": files}
    for f in files:
        line = "  ".join(f"{t}: {r['correct']}/{r['n']} FA {r['false_abstentions']} _abs {r['abs_correct']}"
                         for t, r in f["at_threshold"].items())
        print(f"{f['set']}/{f['variant']} (cosines {f['cosines_recorded']} by band {f['cosines_by_band']}, "
              f"sensitive questions {f['sensitive_questions']}): {line}")
    if args.out is not None:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        Path(f"{args.out}.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
