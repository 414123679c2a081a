"""The Investigathon ≤4B-parameter rule for answering/extraction models."""

from __future__ import annotations

from pathlib import Path

import pytest

from kgmem.llm import ModelNotAllowed, get_llm
from kgmem.llm.guard import check_model_allowed, parse_size_b
from kgmem.settings import Settings


@pytest.mark.parametrize("model,size", [
    ("ollama/qwen3:4b", 4.0),
    ("ollama/gemma3:4b", 4.0),
    ("ollama/qwen3:8b", 8.0),
    ("ollama/llama3.1:70b", 70.0),
    ("ollama/qwen2.5:0.5b", 0.5),
    ("ollama/phi3:3.8b", 3.8),
    ("ollama/mixtral:8x7b", 56.0),
    ("ollama/qwen3:30b-a3b", 30.0),
    ("openai/Qwen2.5-3B-Instruct", 3.0),
    ("local:/models/Qwen3-4B-Q4_K_M.gguf", 4.0),
    ("local:/models/SmolLM2-135M-Instruct.Q4_1.gguf", 0.135),
    ("local/smollm2-135m-instruct", 0.135),
    ("gpt-4o", None),
    ("gpt-5-mini", None),
    ("ollama/gemma3n:e4b", None),
    ("openai/my-server-model", None),
])
def test_parse_size(model: str, size: float | None) -> None:
    assert parse_size_b(model) == size


@pytest.mark.parametrize("model", [
    "ollama/qwen3:4b", "ollama/gemma3:4b", "local/smollm2-135m-instruct", "ollama/qwen2.5:0.5b"])
def test_small_models_are_allowed(model: str) -> None:
    for role in ("answer", "extraction", "planning", "judge"):
        check_model_allowed(model, role, investigathon_rules=True)


def test_big_model_refused_with_size_and_remedy() -> None:
    with pytest.raises(ModelNotAllowed) as info:
        check_model_allowed("ollama/qwen3:8b", "answer", investigathon_rules=True)
    msg = str(info.value)
    assert "refuse answer model 'ollama/qwen3:8b': 8B parameters exceed the 4B limit" in msg
    assert "KGMEM_INVESTIGATHON_RULES=false" in msg


@pytest.mark.parametrize("model", ["gpt-4o", "gpt-5-mini", "openai/gpt-4o-mini",
                                   "anthropic/claude-3-5-sonnet", "gemini/gemini-2.0-flash"])
def test_hosted_models_refused_for_extraction_but_fine_for_judge(model: str) -> None:
    with pytest.raises(ModelNotAllowed, match="hosted model of more than 4B"):
        check_model_allowed(model, "extraction", investigathon_rules=True)
    check_model_allowed(model, "judge", investigathon_rules=True)


def test_unknown_size_refused() -> None:
    with pytest.raises(ModelNotAllowed, match="has no parameter count in its name"):
        check_model_allowed("openai/my-server-model", "answer", investigathon_rules=True)


def test_rules_off_allows_anything() -> None:
    check_model_allowed("ollama/llama3.1:70b", "answer", investigathon_rules=False)


def test_get_llm_applies_the_guard(tmp_path: Path) -> None:
    settings = Settings.load({"home": str(tmp_path), "investigathon_rules": True,
                              "llm_model": "ollama/qwen3:8b", "judge_model": "gpt-5-mini"},
                             env={})
    with pytest.raises(ModelNotAllowed, match="qwen3:8b"):
        get_llm(settings)
    judge = get_llm(settings, role="judge", cache=False)
    assert judge.model == "gpt-5-mini"
    with pytest.raises(ValueError, match="unknown LLM role 'boss'"):
        get_llm(settings, role="boss")
