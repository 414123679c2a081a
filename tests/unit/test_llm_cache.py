"""The persistent LLM cache, ``get_llm(cache=...)`` and the ``kgmem cache`` commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import BaseModel
from typer.testing import CliRunner

from kgmem.cli import app
from kgmem.llm import get_llm
from kgmem.llm.cache import CachedLLM, LLMCache, cache_key
from kgmem.llm.fake import FakeLLM
from kgmem.llm.local import LocalLLM
from kgmem.settings import Settings


class Answer(BaseModel):
    value: str


class OtherAnswer(BaseModel):
    text: str


ASK = [{"role": "user", "content": "What is the value?"}]


@pytest.fixture()
def cache(tmp_path: Path) -> LLMCache:
    return LLMCache(tmp_path / "cache" / "llm.sqlite")


def test_miss_then_hit(cache: LLMCache) -> None:
    fake = FakeLLM(default='{"value": "42"}')
    llm = CachedLLM(fake, cache)
    first = llm.complete(ASK, Answer, prompt_version="v1")
    second = llm.complete(ASK, Answer, prompt_version="v1")
    assert not first.cached and second.cached
    assert second.parsed == first.parsed == Answer(value="42")
    assert second.attempts == 0 and second.prompt_tokens == first.prompt_tokens
    assert fake.call_count == 1
    assert (llm.hits, llm.misses) == (1, 1)
    stats = cache.stats()
    assert (stats["entries"], stats["hits"], stats["misses"]) == (1, 1, 1)
    assert stats["models"] == {"fake/test": 1}


def test_hits_survive_a_new_process_view(cache: LLMCache) -> None:
    CachedLLM(FakeLLM(default="first"), cache).complete(ASK)
    again = CachedLLM(FakeLLM(default="second"), LLMCache(cache.path)).complete(ASK)
    assert again.cached and again.text == "first"


@pytest.mark.parametrize("change", [
    {"prompt_version": "v2"}, {"temperature": 0.7}, {"max_tokens": 64}, {"schema": OtherAnswer},
    {"model": "other/model"}, {"messages": [{"role": "user", "content": "What is the value!"}]},
])
def test_key_covers_every_input(change: dict[str, object]) -> None:
    base: dict[str, object] = {"model": "m", "prompt_version": "v1", "messages": ASK,
                               "schema": Answer, "temperature": 0.0, "max_tokens": 512}
    assert cache_key(**base) != cache_key(**{**base, **change})  # type: ignore[arg-type]
    assert cache_key(**base) == cache_key(**dict(base))  # type: ignore[arg-type]


def test_entry_that_no_longer_validates_is_a_miss(cache: LLMCache) -> None:
    fake = FakeLLM(script=['{"value": "ok"}'])
    llm = CachedLLM(fake, cache)
    llm.complete(ASK, Answer)
    key = cache_key("fake/test", "", ASK, Answer, 0.0, 512)
    with cache._session() as conn:  # simulate a corrupted/old entry
        conn.execute("UPDATE responses SET text = ? WHERE key = ?", ("garbage", key))
    fake.queue('{"value": "fresh"}')
    result = llm.complete(ASK, Answer)
    assert not result.cached and result.parsed == Answer(value="fresh")


def test_errors_are_not_cached(cache: LLMCache) -> None:
    from kgmem.llm import LLMTimeout

    fake = FakeLLM(script=[LLMTimeout("fake/test", 1.0), "ok"])
    llm = CachedLLM(fake, cache)
    with pytest.raises(LLMTimeout):
        llm.complete(ASK)
    assert llm.complete(ASK).text == "ok"
    assert cache.stats()["entries"] == 1


def test_clear_removes_entries_and_counters(cache: LLMCache) -> None:
    llm = CachedLLM(FakeLLM(default="x"), cache)
    llm.complete(ASK)
    llm.complete(ASK)
    assert cache.clear() == 1
    stats = cache.stats()
    assert (stats["entries"], stats["hits"], stats["misses"]) == (0, 0, 0)


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "llm.sqlite"
    path.write_text("this is not sqlite" * 100)
    with pytest.raises(RuntimeError, match="llm.sqlite: not a usable LLM cache"):
        LLMCache(path).stats()


def test_get_llm_honours_no_cache(tmp_path: Path) -> None:
    settings = Settings.load({"home": str(tmp_path)}, env={})
    assert isinstance(get_llm(settings), CachedLLM)
    assert isinstance(get_llm(settings, cache=False), LocalLLM)
    off = Settings.load({"home": str(tmp_path), "llm_cache": False}, env={})
    assert isinstance(get_llm(off), LocalLLM)
    assert isinstance(get_llm(off, cache=True), CachedLLM)
    cached = get_llm(settings)
    assert isinstance(cached, CachedLLM)
    assert cached.cache.path == tmp_path / "cache" / "llm.sqlite"


def test_cli_stats_and_clear(tmp_path: Path) -> None:
    cache = LLMCache(tmp_path / "cache" / "llm.sqlite")
    llm = CachedLLM(FakeLLM(default="x"), cache)
    llm.complete(ASK)
    llm.complete(ASK)
    runner = CliRunner()
    env = {"KGMEM_HOME": str(tmp_path)}
    res = runner.invoke(app, ["cache", "stats", "--json"], env=env)
    assert res.exit_code == 0, res.output
    figures = json.loads(res.stdout)
    assert (figures["entries"], figures["hits"], figures["misses"]) == (1, 1, 1)
    res = runner.invoke(app, ["cache", "stats"], env=env)
    assert res.exit_code == 0 and "hit rate: 50.0%" in res.stdout
    res = runner.invoke(app, ["cache", "clear"], env=env)
    assert res.exit_code == 0
    assert "removed 1 cached response(s)" in res.output
    assert json.loads(runner.invoke(app, ["cache", "stats", "--json"], env=env).stdout)[
        "entries"] == 0
