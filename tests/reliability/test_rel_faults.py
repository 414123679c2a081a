"""Dependency faults: disk full (embedded store) and an LLM that is down, slow or babbling."""

from __future__ import annotations

from pathlib import Path

from kgmem.store.base import MemoryStore

from .faults import enospc_scenario, litellm_http_scenario, llm_fake_scenario


def test_disk_full_keeps_previous_files_and_recovers(tmp_path: Path, prefix: str) -> None:
    r = enospc_scenario(tmp_path, prefix)
    for case in ("session_write", "batch_write"):
        assert r[case]["injected"] >= 1 and r[case]["files_unchanged"], r[case]
    assert r["session_write"]["clear"] and r["session_write"]["reads_unchanged"]
    assert r["batch_write"]["clear"] and not r["batch_write"]["disk_has_user_b"]
    assert not r["batch_write"]["memory_shows_unpersisted_b"]  # nothing served that is not on disk
    assert r["index_write"]["injected"] == 1 and r["index_write"]["failures"] == 1
    assert "No space left on device" in r["index_write"]["message"]
    assert r["index_write"]["message"].startswith("StoreError") and "store index" in r["index_write"]["message"]
    rec = r["recovery"]
    assert rec["converged"] and rec["reopened_equal"] and rec["temp_files_left"] == 0, rec


def _check_llm_faults(r: dict) -> None:
    for mode, res in r.items():
        # each session ends with a residual turn (harness.RESIDUAL_TURN), so each asks the model once
        assert res["sessions_written"] == 3 and res["residual_sessions"] == 3, (mode, res)
        assert res["fallbacks"] == res["residual_sessions"], (mode, res)  # every session that asked the model
        assert res["graph_equals_rules_tier"], mode
        assert res["calls_per_session"] <= 3, (mode, res)  # 1 call + at most 2 repair retries
    assert "LLMUnavailable" in r["down"]["answer_fallback"] and "unavailable at" in r["down"]["answer_fallback"]
    assert "LLMTimeout" in r["timeout"]["answer_fallback"]


def test_llm_down_timeout_garbage_fall_back_without_corruption(tmp_path: Path, prefix: str) -> None:
    from .harness import open_backend

    st = open_backend("networkx", tmp_path / "nx")
    _check_llm_faults(llm_fake_scenario(st, prefix))
    st.close()


def test_llm_faults_on_each_store(store: MemoryStore, prefix: str) -> None:
    _check_llm_faults(llm_fake_scenario(store, prefix))


def test_litellm_endpoint_down_erroring_garbage_or_slow(tmp_path: Path, prefix: str) -> None:
    from .harness import open_backend

    st = open_backend("networkx", tmp_path / "nx")
    r = litellm_http_scenario(st, prefix)
    st.close()
    for mode, res in r.items():
        assert res["sessions_written"] == 2 and res["residual_sessions"] == 2, (mode, res)
        assert res["fallbacks"] == 2 and res["graph_equals_rules_tier"], (mode, res)
        # bounded retries, not a hang: per session 1 request + 1 transient retry, times at most
        # 3 tries (2 JSON repairs); a dead endpoint is probed once and then skipped
        if res["requests"] is not None:
            assert 1 <= res["requests"] <= 2 * 2 * 3, (mode, res)
