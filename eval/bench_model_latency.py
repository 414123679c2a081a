"""Embedded-model answer latency: the model-written answer path as kgmem runs it, timed apart.

    .venv/bin/python eval/bench_model_latency.py --split synthetic-s --per-type 20 --seed 0 \
        [--types single-session-assistant,single-session-preference] [--family dev] [--limit 16] \
        [--n-threads 2] [--max-tokens 48] [--out eval/results/model_latency]

kgmem answers most questions in code (computed, extractive, preference, hedged evidence line), so
the 135M model is rarely called and its latency never showed in the answer runs. This benchmark
takes a fixed set of questions that need reading (default: the development-family assistant and
preference questions of the stratified selection that ``bench_latency.py`` and ``bench_answers.py``
use), plans and retrieves as kgmem does, and then runs the answerer's model path on each: kgmem's
answer prompt over the compact dated context it builds for the embedded model, SmolLM2-135M through
llama.cpp in-process, no answer cache. kgmem's own choice of path for the same questions (with
the embedded model configured) is reported next to it. Writes ``<out>.json``/``<out>.md``: p50/p95
of the model-path answer time and of the model call alone, prompt and generated tokens, the model
load time, and the load average before and after (the machine is shared; these are not idle-machine
figures unless the load says so). Aggregates only: no question or answer text is written.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eval._report import measured, percentile, provenance_lines, spelled_out, write_pair  # noqa: E402
from eval._report import stats as _stats  # noqa: E402
from eval.bench_latency import _select  # noqa: E402


class _TimedLLM:
    """Delegates to the embedded model and records how long each completion took."""

    def __init__(self, inner: Any, drop_stop: bool = False) -> None:
        self.inner = inner
        self.model = inner.model
        self.drop_stop = drop_stop
        self.calls: list[float] = []
        self.cpu: list[float] = []
        self.systems: list[str] = []  # the system message of each call, as the model received it

    def complete(self, messages: Any, schema: Any = None, **options: Any) -> Any:
        if self.drop_stop:  # --no-stop: the answerer's stop strings are not sent (the call before they existed)
            options.pop("stop", None)
        self.systems += [m["content"] for m in messages if m.get("role") == "system"]
        t, c = time.perf_counter(), time.process_time()
        try:
            return self.inner.complete(messages, schema, **options)
        finally:
            self.calls.append((time.perf_counter() - t) * 1000)
            self.cpu.append((time.process_time() - c) * 1000)

    def count_tokens(self, text: str) -> int:
        return int(self.inner.count_tokens(text))


def _chosen(args: argparse.Namespace) -> tuple[list[Any], Any]:
    from kgmem.datasets.registry import resolve_split
    from kgmem.evaluation.selection import load_gold_sidecar
    from kgmem.settings import Settings

    info = resolve_split(args.split, Settings.load())
    gold, _ = load_gold_sidecar(info.gold_file)
    types = set(args.types.split(","))
    hays = [h for h in _select(info.files[0], args.per_type, args.seed, info.tag)
            if h.labels is not None and h.labels.question_type in types and not h.is_abstention
            and (args.family is None or gold.get(h.question_id, {}).get("template_family") == args.family)]
    return hays[: args.limit], info


def measure(args: argparse.Namespace) -> dict[str, Any]:
    """Time the model path on every chosen question (aggregates only leave this function)."""
    from kgmem.answer.answerer import _TEMPORAL, Answerer, compute
    from kgmem.answer.evidence import EvidenceSet
    from kgmem.answer.extractive import extract
    from kgmem.answer.prompts import ANSWER_PROMPT_VERSION
    from kgmem.api import Memory
    from kgmem.llm.local import LocalLLM, _prefix_states
    from kgmem.models import Intent
    from kgmem.retrieval.planner import plan_query
    from kgmem.retrieval.search import Retriever
    from kgmem.settings import Settings

    hays, _ = _chosen(args)
    mem = Memory(Settings.load(), llm=False)
    for h in hays:
        if not all(mem.store.has_session(h.user_id, s.id) for s in h.sessions):
            raise SystemExit(f"{h.question_id}: not ingested in KGMEM_HOME (run `kgmem eval` on the split first)")
    local = LocalLLM(n_threads=args.n_threads, reuse_prefix=not args.no_reuse_prefix)
    llm = _TimedLLM(local, drop_stop=args.no_stop)
    t = time.perf_counter()
    llm.complete([{"role": "user", "content": "Say hi."}], max_tokens=2)  # loads the GGUF file
    load_ms = (time.perf_counter() - t) * 1000
    answerer = Answerer(llm, max_answer_tokens=args.max_tokens)  # type: ignore[arg-type]
    prepared = []
    for h in hays:
        vec = mem._question_vector(h.question)
        plan = plan_query(h.question, h.question_date, embedder=mem.embedder, vector=vec)
        result = Retriever(mem.store, mem.embedder).retrieve(h.user_id, plan, vector=vec)
        natural = answerer.answer(result)  # the path kgmem itself takes with the embedded model
        ev = EvidenceSet(result)
        computed = compute(ev)
        extracted = (extract(ev) if not computed.answer and plan.intent not in (Intent.PREFERENCE, *_TEMPORAL)
                     and plan.intent != Intent.AGGREGATE else None)
        prepared.append((plan, result, ev, computed, extracted, natural))
    states = _prefix_states(local._ensure()[0])
    if states is not None:
        states.states.clear()  # the timed rounds start with no saved system prefix
    rows: list[dict[str, Any]] = []
    first_text: dict[int, str] = {}
    for rnd in range(args.repeat):  # round 2+: the same questions again (their system prefixes are saved)
        for i, (plan, result, ev, computed, extracted, natural) in enumerate(prepared):
            llm.calls.clear()
            llm.systems.clear()
            llm.cpu.clear()
            t0 = time.perf_counter()
            forced = answerer._model_path(result, ev, computed, extracted, {"decision": {}}, t0)
            answer_ms = (time.perf_counter() - t0) * 1000
            first_text.setdefault(i, forced.text)
            rows.append({"round": rnd, "natural_path": str(natural.extra.get("path")),
                         "forced_path": str(forced.extra.get("path")), "answer_ms": answer_ms,
                         "model_ms": sum(llm.calls), "model_cpu_ms": sum(llm.cpu), "model_calls": len(llm.calls),
                         "prompt_tokens": forced.extra.get("prompt_tokens"),
                         "completion_tokens": forced.extra.get("completion_tokens"),
                         "context_tokens": forced.extra.get("context_tokens"),
                         "rejected": "rejected" in forced.extra, "intent": plan.intent.value,
                         "same_as_first_round": forced.text == first_text[i],
                         "systems": list(llm.systems)})
    mem.close()
    out: dict[str, Any] = {
        "questions": len(prepared), "model_load_ms": load_ms, "n_threads": args.n_threads, "max_tokens": args.max_tokens,
        "stop": "none (--no-stop)" if args.no_stop else "the answerer's", "reuse_prefix": not args.no_reuse_prefix,
        "model": llm.model, "intents": dict(Counter(r["intent"] for r in rows if r["round"] == 0)),
        "kgmem_paths": dict(Counter(r["natural_path"] for r in rows if r["round"] == 0)),
        # counted from what the model received: a prompt that names the date has one per question date
        "answer_prompt_version": ANSWER_PROMPT_VERSION,
        "distinct_system_messages": len({m for r in rows for m in r["systems"]})}
    out["rounds"] = {str(rnd): _round_stats([r for r in rows if r["round"] == rnd and r["model_calls"]])
                     for rnd in range(args.repeat)}
    return out


def _round_stats(called: list[dict[str, Any]]) -> dict[str, Any]:
    """Aggregates of one round's timed questions (those whose path called the model)."""
    return {
        "model_path_answer_ms": _stats([r["answer_ms"] for r in called]),
        "model_call_ms": _stats([r["model_ms"] for r in called]),
        "model_call_cpu_ms": _stats([r["model_cpu_ms"] for r in called]),
        "prompt_tokens": _stats([float(r["prompt_tokens"] or 0) for r in called]),
        "completion_tokens": _stats([float(r["completion_tokens"] or 0) for r in called]),
        "context_tokens": _stats([float(r["context_tokens"] or 0) for r in called]),
        "output_rejected_by_checks": sum(r["rejected"] for r in called),
        "answers_same_as_first_round": sum(r["same_as_first_round"] for r in called),
        "ms_per_generated_token_p50": percentile([r["model_ms"] / max(1, r["completion_tokens"] or 0) for r in called], 0.5),
    }


def render(report: dict[str, Any]) -> str:
    """The Markdown report."""
    res = report["result"]

    def fmt(v: float | None) -> str:
        return "–" if v is None else f"{v:,.0f}"

    lines = [f"# {report['title']}", "", report["note"], "",
             *provenance_lines(report, "shared machine: not an idle-machine figure unless the load is ~0"),
             f"- model: {res['model']} (llama.cpp in-process, n_threads={res['n_threads']}, "
             f"max_tokens={res['max_tokens']}, stop strings: {res['stop']}, saved system prefix: "
             f"{'on' if res['reuse_prefix'] else 'off'}); model load {res['model_load_ms']:,.0f} ms (not in the figures)",
             f"- {res['questions']} questions ({res['distinct_system_messages']} distinct system messages in the model "
             f"calls, answer prompt {res.get('answer_prompt_version', '?')}); intents {res['intents']}; the path kgmem "
             "itself took for them "
             f"with the embedded model configured: {res['kgmem_paths']}", ""]
    for rnd, block in res["rounds"].items():
        title = ("first call of each question" if rnd == "0" else
                 f"round {int(rnd) + 1}: the same questions again"
                 + (" (system prefix saved by round 1)" if res["reuse_prefix"] else " (no saved prefix)"))
        lines += [f"## {title}", "",
                  f"- model outputs rejected by the answer checks (fallback returned): {block['output_rejected_by_checks']}"
                  f"; answers identical to round 1: {block['answers_same_as_first_round']}; p50 ms per generated "
                  f"token (whole call / generated tokens): {fmt(block['ms_per_generated_token_p50'])}", "",
                  "| measure | n | p50 | p95 | max |", "|---|---:|---:|---:|---:|"]
        for name, unit in (("model_path_answer_ms", "ms"), ("model_call_ms", "ms"),
                           ("model_call_cpu_ms", "ms CPU, all threads"), ("prompt_tokens", "tokens"),
                           ("completion_tokens", "tokens"), ("context_tokens", "tokens")):
            d = block[name]
            lines.append(f"| {name.replace('_', ' ')} ({unit}) | {d['n']} | {fmt(d['p50'])} | {fmt(d['p95'])} | "
                         f"{fmt(d['max'])} |")
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="synthetic-s")
    ap.add_argument("--per-type", type=int, default=20)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--types", default="single-session-assistant,single-session-preference")
    ap.add_argument("--family", default="dev", help="template family of the questions ('' for all)")
    ap.add_argument("--limit", type=int, default=16)
    ap.add_argument("--n-threads", type=int, default=2)
    ap.add_argument("--max-tokens", type=int, default=48, help="the answerer's default")
    ap.add_argument("--repeat", type=int, default=2,
                    help="ask the questions again (rounds 2+: their system-message prefix state is saved)")
    ap.add_argument("--no-stop", action="store_true", help="send no stop strings (the call before they existed)")
    ap.add_argument("--no-reuse-prefix", action="store_true", help="evaluate every prompt whole (no saved prefix)")
    ap.add_argument("--out", default=str(ROOT / "eval" / "results" / "model_latency"))
    args = ap.parse_args()
    args.family = args.family or None
    command = spelled_out("eval/bench_model_latency.py", args, hide={"out": ap.get_default("out")})
    with measured(command) as run:
        result = measure(args)
    report = {"title": "kgmem embedded-model answer latency", **run,
              "note": ("The answerer's model path forced on questions that need reading: kgmem's answer prompt "
                       "and the compact dated context it builds for the embedded model, SmolLM2-135M via "
                       "llama.cpp in-process, no answer cache. `model path answer` is the whole path (context "
                       "building, the model call, the output checks); `model call` the completion alone. `model call CPU` "
                       "is the process CPU time of the call summed over llama.cpp's threads: with --n-threads 1 "
                       "it is what the call would take on an idle core of this CPU (a proxy, not a measured "
                       "idle figure)."),
              "result": result}
    print(write_pair(Path(args.out), report, render))


if __name__ == "__main__":
    main()
