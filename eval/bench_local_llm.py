"""Benchmark the embedded model (llama.cpp, SmolLM2-135M-Instruct) and the CLI start-up time.

Measures, on this machine:
- prompt processing and generation speed (tokens/s) for a few prompt sizes, from a streamed
  chat completion (time to first token covers the prompt; the rest is generation);
- end-to-end latency p50/p95 of ``LocalLLM.complete`` (free text and schema-constrained);
- ``kgmem --help`` wall time, and whether importing the CLI pulls in litellm or torch.

Writes ``eval/results/local_llm.json`` and ``eval/results/local_llm.md``. The load average is
recorded with the figures: the machine is shared, so numbers taken under load are slower.

    .venv/bin/python eval/bench_local_llm.py [--reps 5] [--threads 2] [--out eval/results]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pydantic import BaseModel  # noqa: E402

from eval._report import loadavg, measured, pct, provenance_lines, write_pair  # noqa: E402
from kgmem.llm.local import LocalLLM  # noqa: E402
from kgmem.settings import LOCAL_DEFAULT_MODEL  # noqa: E402

LINES = [
    "2023-01-10: I started a new job at Google as a data engineer.",
    "2023-02-14: My sister Emma visited me in Berlin for a week.",
    "2023-03-04: I adopted a dog called Max from the shelter.",
    "2023-05-20: I ran my first half marathon in 1 hour 58 minutes.",
    "2023-08-01: We moved into a new apartment with 4 rooms.",
    "2024-02-01: I left Google and joined Microsoft.",
]


class CompanyAnswer(BaseModel):
    company: str


def make_context(llm: LocalLLM, target_tokens: int) -> str:
    """Dated diary lines repeated until the context is about ``target_tokens`` long."""
    lines: list[str] = []
    i = 0
    while llm.count_tokens("\n".join(lines)) < target_tokens:
        lines.append(LINES[i % len(LINES)])
        i += 1
    return "\n".join(lines)


def stream_speeds(llm: LocalLLM, messages: list[dict[str, str]], gen_tokens: int) -> dict[str, float]:
    """Prompt-processing and generation tokens/s from one streamed call."""
    llama, lock = llm._ensure()
    with lock:
        llama.reset()
        start = time.perf_counter()
        first = None
        chunks = 0
        for chunk in llama.create_chat_completion(messages=messages, temperature=0.0,
                                                  max_tokens=gen_tokens, stream=True):
            delta = chunk["choices"][0]["delta"]
            if delta.get("content"):
                chunks += 1
                if first is None:
                    first = time.perf_counter()
        end = time.perf_counter()
        n_total = llama.n_tokens
    first = first or end
    n_prompt = max(1, n_total - chunks)
    return {
        "prompt_tokens": n_prompt,
        "generated_tokens": chunks,
        "prompt_tps": n_prompt / (first - start),
        "gen_tps": (chunks - 1) / (end - first) if chunks > 1 and end > first else 0.0,
    }


def cli_help_time(reps: int) -> dict[str, Any]:
    """Median wall time of ``python -m kgmem --help`` and the heavy modules the CLI imports."""
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "kgmem", "--help"], cwd=ROOT,
                              capture_output=True, text=True, timeout=120)
        times.append(time.perf_counter() - start)
        if proc.returncode != 0:
            raise SystemExit(f"kgmem --help failed: {proc.stderr[-500:]}")
    probe = subprocess.run(
        [sys.executable, "-c", "import sys, kgmem.cli; "
         "print([m for m in ('litellm', 'torch', 'llama_cpp', 'sentence_transformers', 'spacy') "
         "if m in sys.modules])"],
        cwd=ROOT, capture_output=True, text=True, timeout=120)
    return {"median_s": pct(times, 50), "min_s": min(times), "runs": len(times),
            "heavy_modules_imported": probe.stdout.strip()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--sizes", default="64,512,1536", help="prompt sizes in tokens")
    parser.add_argument("--out", type=Path, default=ROOT / "eval" / "results")
    args = parser.parse_args()

    with measured() as run:
        measure(args, run)


def measure(args: argparse.Namespace, run: dict[str, Any]) -> None:
    """Load the model, time the CLI and every prompt size; write the results after each size."""
    start = time.perf_counter()
    llm = LocalLLM(LOCAL_DEFAULT_MODEL, n_threads=args.threads)
    llm._ensure()
    load_s = time.perf_counter() - start

    cli = cli_help_time(args.reps)
    rows: list[dict[str, Any]] = []
    sizes = [int(s) for s in args.sizes.split(",")]
    for size in sizes:
        context = make_context(llm, size)
        question = "Question: Which company am I working for at the moment? Answer briefly."
        messages = [{"role": "system", "content": "Today is 2024-05-01."},
                    {"role": "user", "content": f"{context}\n{question}"}]
        speeds = [stream_speeds(llm, messages, 64) for _ in range(args.reps)]
        free, structured = [], []
        for _ in range(args.reps):
            free.append(llm.complete(messages, max_tokens=32).latency_s)
            structured.append(llm.complete(messages, CompanyAnswer, max_tokens=32).latency_s)
        rows.append({
            "target_tokens": size,
            "prompt_tokens": speeds[0]["prompt_tokens"],
            "prompt_tps_median": pct([s["prompt_tps"] for s in speeds], 50),
            "gen_tps_median": pct([s["gen_tps"] for s in speeds], 50),
            "free_text_latency_p50_s": pct(free, 50), "free_text_latency_p95_s": pct(free, 95),
            "structured_latency_p50_s": pct(structured, 50),
            "structured_latency_p95_s": pct(structured, 95),
        })
        print(json.dumps(rows[-1]), file=sys.stderr)
        # written after every size, so a run cut short still leaves its measured rows
        run["loadavg_after"] = loadavg()  # the load up to this size (the file is rewritten after each)
        result = {
            "model": LOCAL_DEFAULT_MODEL, "gguf": llm.path.name, "tokenizer": llm.tokenizer_name,
            "n_threads": args.threads, "n_ctx": llm.n_ctx, "reps": args.reps,
            "complete": len(rows) == len(sizes), "model_load_s": load_s, "prompt_sizes": rows, "kgmem_help": cli,
        }
        write_pair(args.out / "local_llm", {"title": "Embedded model benchmark (llama.cpp)", **run,
                                            "result": result}, render)


def render(report: dict[str, Any]) -> str:
    """The Markdown report (from the rows measured so far)."""
    result, rows, cli = report["result"], report["result"]["prompt_sizes"], report["result"]["kgmem_help"]
    md = [
        "# Embedded model benchmark (llama.cpp)",
        "",
        *provenance_lines(report, "shared machine: figures taken under load are pessimistic"),
        "",
        f"Model `{result['model']}` ({result['gguf']}), n_threads={result['n_threads']}, "
        f"n_ctx={result['n_ctx']}, {result['reps']} repetitions per size (medians and p50/p95 over them). "
        "Token counts by the model's own llama.cpp tokenizer. "
        f"Model load: {result['model_load_s']:.2f} s."
        + ("" if result["complete"] else " **Run cut short: only the sizes below were measured.**"),
        "",
        "| prompt tokens | prompt tok/s | gen tok/s | free-text p50 / p95 (s) | "
        "schema p50 / p95 (s) |",
        "|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        md.append(f"| {r['prompt_tokens']} | {r['prompt_tps_median']:.1f} | "
                  f"{r['gen_tps_median']:.1f} | {r['free_text_latency_p50_s']:.2f} / "
                  f"{r['free_text_latency_p95_s']:.2f} | {r['structured_latency_p50_s']:.2f} / "
                  f"{r['structured_latency_p95_s']:.2f} |")
    md += [
        "",
        f"`kgmem --help`: median {cli['median_s']:.2f} s (min {cli['min_s']:.2f} s) over "
        f"{cli['runs']} runs; heavy modules imported by `import kgmem.cli`: "
        f"{cli['heavy_modules_imported']}.",
        "",
    ]
    return "\n".join(md) + "\n"


if __name__ == "__main__":
    main()
