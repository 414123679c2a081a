"""The zero-LLM tier on the hand-written extraction sets, against issue #13's targets.

    .venv/bin/python eval/bench_extraction_sets.py

Sets (tests/fixtures/extraction/, written by hand; the code was developed against them, so these
are development figures, reported next to the synthetic held-out families nobody read):

- handwritten_sentences.jsonl (auth13): recall / precision per category (target >= 0.85 each);
- paraphrases*.jsonl (earlier rounds): recall / precision of user facts (target >= 0.85);
- noise_turns.jsonl (auth13): user facts stored (target 0);
- other_entity_updates.jsonl (auth13): share of questions answered with the corrected value by
  ``Memory(llm=False).answer`` and share of pairs whose history shows the SUPERSEDES edge
  (target >= 0.9 each).

Writes eval/results/extraction_sets.{json,md}.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "unit"))

import test_extraction_handwritten as hw  # noqa: E402
import test_extraction_paraphrases as para  # noqa: E402
import test_other_entity_updates as oe  # noqa: E402

from kgmem.extraction.zero import RuleExtractor  # noqa: E402

NOISE = ROOT / "tests" / "fixtures" / "extraction" / "noise_turns.jsonl"


def _sha() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def run() -> dict[str, Any]:
    load_before = Path("/proc/loadavg").read_text().split()[:3]
    ex = RuleExtractor()
    t0 = time.perf_counter()
    cats = hw.score(ex, hw.load_rows())
    rows = para.load_rows() + para.load_rows(para.ROUND2) + para.load_rows(para.ROUND3) + para.load_rows(para.ROUND4)
    p = para.score(ex, rows)
    noise_rows = [json.loads(line) for line in NOISE.read_text(encoding="utf-8").splitlines() if line.strip()]
    noise_res = ex.extract_many([([(r["role"], r["text"])], datetime.fromisoformat(r["session_date"]))
                                 for r in noise_rows])
    leaks = sum(1 for res in noise_res for f in res.facts if f.subject == "user")
    with tempfile.TemporaryDirectory() as tmp:
        outcomes = oe.run(Path(tmp))
    total = hw.CategoryScore()
    for s in cats.values():
        total.expected += s.expected
        total.found += s.found
        total.extracted += s.extracted
        total.correct += s.correct
    return {
        "command": "python eval/bench_extraction_sets.py", "git_sha": _sha(), "extractor": ex.cache_key,
        "seconds": round(time.perf_counter() - t0, 1), "machine": f"{platform.node()} ({os.cpu_count()} CPUs, shared)",
        "loadavg_before": load_before, "loadavg_after": Path("/proc/loadavg").read_text().split()[:3],
        "handwritten": {c: {"expected": s.expected, "recall": round(s.recall, 3), "extracted": s.extracted,
                            "precision": round(s.precision, 3)} for c, s in sorted(cats.items())},
        "handwritten_all": {"recall": round(total.recall, 3), "precision": round(total.precision, 3),
                            "expected": total.expected, "extracted": total.extracted},
        "paraphrases": {"records": len(rows), "recall": round(p.recall, 3), "precision": round(p.precision, 3)},
        "noise": {"turns": len(noise_rows), "user_facts": leaks},
        "other_entity_updates": {"records": len(outcomes),
                                 "answered": round(sum(o.answered for o in outcomes) / len(outcomes), 3),
                                 "superseded": round(sum(o.superseded for o in outcomes) / len(outcomes), 3)},
        "targets": {"handwritten_per_category": 0.85, "paraphrases": 0.85, "noise_user_facts": 0,
                    "other_entity_updates": 0.9},
    }


def to_markdown(r: dict[str, Any]) -> str:
    ok = lambda v, t: "met" if v >= t else "not met"  # noqa: E731
    lines = [f"# Extraction on the hand-written sets ({r['extractor']}, {r['git_sha']})", "",
             f"Command: `{r['command']}` ({r['seconds']} s on {r.get('machine', '?')}, load average "
             f"{' '.join(r.get('loadavg_before', []))} before, {' '.join(r.get('loadavg_after', []))} after). These sets were written by hand and the code was "
             "developed against them: development figures, not held-out ones.", "",
             "| handwritten category | expected facts | recall | extracted | precision | target 0.85 |",
             "|---|---|---|---|---|---|"]
    for c, s in r["handwritten"].items():
        verdict = ("met" if s["extracted"] == 0 else f"not met ({s['extracted']} facts stored)") if c == "negative" else \
            ("met" if s["recall"] >= 0.85 and s["precision"] >= 0.85 else "not met")
        lines.append(f"| {c} | {s['expected']} | {s['recall']} | {s['extracted']} | {s['precision']} | {verdict} |")
    a = r["handwritten_all"]
    lines.append(f"| all | {a['expected']} | {a['recall']} | {a['extracted']} | {a['precision']} | "
                 f"{ok(min(a['recall'], a['precision']), 0.85)} |")
    pr, nz, oe_ = r["paraphrases"], r["noise"], r["other_entity_updates"]
    lines += ["", f"Paraphrase sets ({pr['records']} records, user facts): recall {pr['recall']}, precision "
              f"{pr['precision']} (target 0.85: {ok(min(pr['recall'], pr['precision']), 0.85)}).", "",
              f"Noise turns: {nz['user_facts']} user facts stored from {nz['turns']} turns (target 0: "
              f"{'met' if nz['user_facts'] == 0 else 'not met'}).", "",
              f"Updates about other entities ({oe_['records']} pairs, zero-LLM ingest, `Memory(llm=False).answer`): "
              f"{oe_['answered']} answered with the corrected value, {oe_['superseded']} with the SUPERSEDES edge "
              f"(target 0.9: {ok(min(oe_['answered'], oe_['superseded']), 0.9)})."]
    return "\n".join(lines) + "\n"


def main() -> None:
    res = run()
    out = ROOT / "eval" / "results"
    (out / "extraction_sets.json").write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    (out / "extraction_sets.md").write_text(to_markdown(res), encoding="utf-8")
    print(to_markdown(res))


if __name__ == "__main__":
    main()
