"""Core contracts: naive times, deterministic ids, namespaces, settings precedence."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from pydantic import ValidationError

from kgmem import ids
from kgmem.models import Fact, Session
from kgmem.settings import Settings, SettingsError
from kgmem.temporal import format_dataset_date, parse_dataset_date


def test_models_reject_tz_aware_datetimes() -> None:
    with pytest.raises(ValidationError, match="naive"):
        Session(id="s", user_id="u", started_at=datetime(2023, 5, 20, tzinfo=UTC))
    with pytest.raises(ValidationError, match="naive"):
        Fact(
            id="f", user_id="u", subject_id="e", predicate="lives_in", text="t",
            observed_at=datetime(2023, 1, 1), invalid_at=datetime(2023, 2, 1, tzinfo=UTC),
            session_id="s",
        )


def test_dataset_dates_round_trip_and_errors() -> None:
    d = parse_dataset_date("2023/05/20 (Sat) 02:21")
    assert d == datetime(2023, 5, 20, 2, 21) and d.tzinfo is None
    assert format_dataset_date(d) == "2023/05/20 (Sat) 02:21"
    assert parse_dataset_date("2023/05/20") == datetime(2023, 5, 20)
    with pytest.raises(ValueError, match="impossible date"):
        parse_dataset_date("2023/02/30 (Thu) 10:00")
    with pytest.raises(ValueError, match="weekday"):
        parse_dataset_date("2023/05/20 (Mon) 02:21")
    with pytest.raises(ValueError, match="not a date"):
        parse_dataset_date("May 20th")


def test_ids_are_deterministic_and_scoped() -> None:
    assert ids.entity_id("u1", "The Paris ") == ids.entity_id("u1", "paris")
    assert ids.entity_id("u1", "Paris") != ids.entity_id("u2", "Paris")
    assert ids.entity_id("u1", "Café") == ids.entity_id("u1", "cafe")
    digest = ids.session_content_digest([("user", "hi"), ("assistant", "hello")])
    assert digest == ids.session_content_digest([("user", "hi"), ("assistant", "hello")])
    assert digest != ids.session_content_digest([("user", "hi"), ("assistant", "hello!")])
    assert ids.session_id("answer_1", 0, digest) == "answer_1"
    assert ids.session_id(None, 3, digest) == ids.session_id(None, 3, digest) != ids.session_id(None, 4, digest)
    f1 = ids.fact_id("u", "e1", "lives_in", "Denver", "s1")
    assert f1 == ids.fact_id("u", "e1", "lives_in", " denver", "s1")
    assert f1 != ids.fact_id("u", "e1", "lives_in", "Denver", "s2")


def test_namespace_key() -> None:
    assert ids.namespace_key("sample", "q_1") == "sample:q_1"
    assert ids.split_namespace("sample:q_1") == ("sample", "q_1")
    assert ids.split_namespace("alice") == (None, "alice")
    with pytest.raises(ValueError):
        ids.namespace_key("a:b", "q")


def test_settings_precedence(tmp_path: Path) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text('store = "neo4j"\nllm_model = "ollama/qwen3:4b"\ncontext_tokens = 1500\n')
    env = {"KGMEM_HOME": str(tmp_path), "KGMEM_LLM_MODEL": "ollama/gemma3:4b", "NEO4J_PASSWORD": "pw"}
    s = Settings.load(env=env)
    assert s.store == "neo4j"  # config file
    assert s.llm_model == "ollama/gemma3:4b"  # env beats config
    assert s.context_tokens == 1500
    assert s.neo4j_password is not None and s.neo4j_password.get_secret_value() == "pw"
    assert s.redacted()["neo4j_password"] == "***"
    s2 = Settings.load({"llm_model": "local/smollm2-135m-instruct", "store": None}, env=env)
    assert s2.llm_model == "local/smollm2-135m-instruct"  # flag beats env
    assert s2.store == "neo4j"  # None flag = not given


def test_settings_errors_name_the_problem(tmp_path: Path) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text("storre = 'neo4j'\n")
    with pytest.raises(ValueError, match="unknown setting.*storre"):
        Settings.load(env={"KGMEM_HOME": str(tmp_path)})
    cfg.write_text("store = \n")
    with pytest.raises(ValueError, match="invalid TOML"):
        Settings.load(env={"KGMEM_HOME": str(tmp_path)})
    with pytest.raises(SettingsError, match=r"store = 'sqlite' \(from environment KGMEM_STORE\)"):
        Settings.load(env={"KGMEM_HOME": str(tmp_path / "x"), "KGMEM_STORE": "sqlite"})
    cfg.write_text("context_tokens = 'lots'\n")
    with pytest.raises(SettingsError, match=r"context_tokens = 'lots' \(from config file .*config.toml\)"):
        Settings.load(env={"KGMEM_HOME": str(tmp_path)})
