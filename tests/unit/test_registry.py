"""Split registry: names → files, presence, hints for missing files, paths accepted as splits."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import kgmem
from kgmem.datasets.longmemeval import load_haystacks
from kgmem.datasets.registry import (
    SplitNotFoundError,
    gold_sidecar,
    list_splits,
    package_sample_dir,
    resolve_split,
    split_names,
)
from kgmem.settings import Settings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "datasets"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", home=tmp_path / "home")


def _place(src: str, dest: Path) -> Path:
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(FIXTURES / src, dest)
    return dest


def test_registered_names_and_locations(settings: Settings) -> None:
    assert split_names(settings) == [
        "sample",
        "sample-oracle",
        "synthetic-s",
        "synthetic-s-oracle",
        "longmemeval-oracle",
        "longmemeval-s",
        "investigathon-oracle",
        "investigathon",
        "investigathon-heldout",
    ]
    by = {s.name: s for s in list_splits(settings)}
    data = settings.data_dir
    assert by["synthetic-s"].path == data / "synthetic" / "synthetic_s.json"
    assert by["synthetic-s"].gold_file == data / "synthetic" / "synthetic_s.gold.json"
    assert by["synthetic-s"].oracle_twin == "synthetic-s-oracle"
    assert by["synthetic-s-oracle"].path.name == "synthetic_s_oracle.json"
    assert by["longmemeval-s"].path == data / "longmemeval" / "longmemeval_s_cleaned.json"
    assert by["longmemeval-oracle"].path == data / "longmemeval" / "longmemeval_oracle.json"
    assert by["investigathon"].path.name == "Investigathon_LLMTrack_Evaluation_s_cleaned.json"
    assert by["investigathon"].oracle_twin == "investigathon-oracle"
    assert by["investigathon-heldout"].path.name == "Investigathon_LLMTrack_HeldOut_s_cleaned.json"
    assert not by["investigathon-heldout"].has_answers
    assert by["longmemeval-s"].source == "downloaded" and by["synthetic-s"].source == "generated"
    assert all(s.tag == s.name for s in by.values())
    assert not any(s.present for s in by.values() if s.source != "committed")


def test_sample_is_package_data_not_under_data_dir(settings: Settings) -> None:
    info = {s.name: s for s in list_splits(settings)}["sample"]
    pkg = Path(kgmem.__file__).resolve().parent / "resources" / "sample"
    assert package_sample_dir() == pkg
    assert info.path == pkg / "sample.json"
    assert info.gold_file == pkg / "sample.gold.json" and info.has_gold_facts
    assert info.source == "committed" and info.oracle_twin == "sample-oracle"
    assert settings.data_dir not in info.path.parents


@pytest.mark.parametrize(
    "name,hint",
    [
        ("synthetic-s", "kgmem data synth"),
        ("synthetic-s-oracle", "kgmem data synth"),
        ("longmemeval-s", "kgmem data download longmemeval"),
        ("longmemeval-oracle", "kgmem data download longmemeval"),
        ("investigathon", "kgmem data download investigathon --url eval-s="),
        ("investigathon-oracle", "--url eval-oracle="),
        ("investigathon-heldout", "--url heldout-s="),
    ],
)
def test_missing_split_says_which_command_produces_it(
    settings: Settings, name: str, hint: str
) -> None:
    with pytest.raises(SplitNotFoundError) as info:
        resolve_split(name, settings)
    msg = str(info.value)
    assert hint in msg and f"split {name!r} is not on disk" in msg
    assert isinstance(info.value, ValueError)
    # listing still works without the file
    assert resolve_split(name, settings, must_exist=False).name == name


def test_present_splits_resolve_and_load_with_split_tag(settings: Settings) -> None:
    inv = settings.data_dir / "investigathon"
    _place(
        "Investigathon_LLMTrack_Evaluation_s_cleaned.json",
        inv / "Investigathon_LLMTrack_Evaluation_s_cleaned.json",
    )
    _place(
        "Investigathon_LLMTrack_HeldOut_s_cleaned.json",
        inv / "Investigathon_LLMTrack_HeldOut_s_cleaned.json",
    )
    info = resolve_split("investigathon", settings)
    assert info.present and info.has_answers and not info.has_gold_facts
    hs = load_haystacks(info.path, tag=info.tag)
    assert hs[0].user_id == "investigathon:inv_0001"
    held = resolve_split("investigathon-heldout", settings)
    assert not held.has_answers
    assert load_haystacks(held.path, tag=held.tag)[0].user_id == "investigathon-heldout:ho_0001"


def test_generated_split_with_gold_sidecar(settings: Settings) -> None:
    synth = settings.data_dir / "synthetic"
    path = _place("longmemeval_s_cleaned.json", synth / "synthetic_s.json")
    gold_sidecar(path).write_text("[]")
    info = resolve_split("synthetic-s", settings)
    assert info.has_gold_facts and info.gold_file == synth / "synthetic_s.gold.json"
    assert info.gold_file is not None and info.gold_file.is_file()


def test_any_existing_path_is_a_split(tmp_path: Path, settings: Settings) -> None:
    folder = tmp_path / "mine"
    s_file = _place(
        "Investigathon_LLMTrack_Evaluation_s_cleaned.json",
        folder / "Investigathon_LLMTrack_Evaluation_s_cleaned.json",
    )
    _place(
        "Investigathon_LLMTrack_Evaluation_oracle.json",
        folder / "Investigathon_LLMTrack_Evaluation_oracle.json",
    )
    info = resolve_split(str(s_file), settings)
    assert info.source == "file" and info.files == [s_file]
    assert info.tag == "Investigathon_LLMTrack_Evaluation_s_cleaned"
    assert info.has_answers and not info.has_gold_facts and info.gold_file is None
    assert info.oracle_twin == str(folder / "Investigathon_LLMTrack_Evaluation_oracle.json")
    held = _place("Investigathon_LLMTrack_HeldOut_s_cleaned.json", folder / "held.json")
    assert not resolve_split(str(held), settings).has_answers
    gold_sidecar(held).write_text("[]")
    assert resolve_split(str(held), settings).gold_file == folder / "held.gold.json"
    # other naming convention for twins: X.json ↔ X_oracle.json
    x = _place("longmemeval_s_cleaned.json", folder / "synth.json")
    _place("longmemeval_oracle.json", folder / "synth_oracle.json")
    assert resolve_split(str(x), settings).oracle_twin == str(folder / "synth_oracle.json")


def test_unknown_name_or_missing_path(settings: Settings) -> None:
    with pytest.raises(SplitNotFoundError, match="unknown split.*longmemeval-s"):
        resolve_split("longmemeval-xl", settings)
    with pytest.raises(SplitNotFoundError, match="no such file"):
        resolve_split("/nowhere/file.json", settings)


def test_gold_sidecar_naming() -> None:
    assert gold_sidecar(Path("/d/X.json")) == Path("/d/X.gold.json")
    assert gold_sidecar(Path("/d/X")) == Path("/d/X.gold.json")


def test_to_dict_is_json_ready(settings: Settings) -> None:
    import json

    data = [s.to_dict() for s in list_splits(settings)]
    assert json.loads(json.dumps(data))[2]["name"] == "synthetic-s"
    assert data[2]["present"] is False


# --------------------------------------------------------------------------- CLI


def _cli(*args: str) -> object:
    from typer.testing import CliRunner

    from kgmem.cli import app

    return CliRunner().invoke(app, list(args))


def test_cli_validate_ok_and_problems(tmp_path: Path) -> None:
    good = FIXTURES / "longmemeval_oracle.json"
    res = _cli("data", "validate", str(good))
    assert res.exit_code == 0, res.output  # type: ignore[attr-defined]
    assert "OK" in res.stdout and "3 records, 4 sessions, 9 turns" in res.stdout  # type: ignore[attr-defined]
    import json

    bad = tmp_path / "bad.json"
    data = json.loads(good.read_text())
    data[0]["question"] = 1
    data[2]["haystack_dates"] = []
    bad.write_text(json.dumps(data))
    res = _cli("data", "validate", str(bad))
    assert res.exit_code == 1
    lines = res.stdout.strip().splitlines()  # type: ignore[attr-defined]
    assert len(lines) == 2 and "record 0" in lines[0] and "record 2" in lines[1]
    assert "2 problem(s)" in res.stderr  # type: ignore[attr-defined]
    res = _cli("data", "validate", str(bad), "--json")
    payload = json.loads(res.stdout)  # type: ignore[attr-defined]
    assert res.exit_code == 1 and payload["ok"] is False and len(payload["problems"]) == 2
    assert payload["problems"][0]["field"] == "'question'"
    assert payload["problems"][1]["question_id"] == "0a995998_abs"


def test_cli_validate_split_name_and_missing(tmp_path: Path) -> None:
    res = _cli("data", "validate", "longmemeval-s", "--data-dir", str(tmp_path))
    assert res.exit_code == 1 and "kgmem data download longmemeval" in res.stderr  # type: ignore[attr-defined]
    dest = _place(
        "longmemeval_s_cleaned.json", tmp_path / "longmemeval" / "longmemeval_s_cleaned.json"
    )
    res = _cli("data", "validate", "longmemeval-s", "--data-dir", str(tmp_path))
    assert res.exit_code == 0 and str(dest) in res.stdout  # type: ignore[attr-defined]


def test_cli_splits_json(tmp_path: Path) -> None:
    import json

    _place("longmemeval_oracle.json", tmp_path / "longmemeval" / "longmemeval_oracle.json")
    res = _cli("data", "splits", "--json", "--data-dir", str(tmp_path))
    assert res.exit_code == 0
    by = {s["name"]: s for s in json.loads(res.stdout)}  # type: ignore[attr-defined]
    assert by["longmemeval-oracle"]["present"] is True
    assert by["longmemeval-s"]["present"] is False
    assert by["investigathon-heldout"]["has_answers"] is False
    res = _cli("data", "splits", "--data-dir", str(tmp_path))
    assert "longmemeval-oracle" in res.stdout and "kgmem data download" in res.stderr  # type: ignore[attr-defined]


def test_committed_sample_validates_through_the_registry(settings: Settings) -> None:
    from kgmem.datasets.longmemeval import validate_file

    info = resolve_split("sample", settings, must_exist=False)
    if not info.present:
        pytest.skip(f"package sample not generated yet at {info.path} (kgmem data synth)")
    assert validate_file(info.path) == []
    hs = load_haystacks(info.path, tag=info.tag, limit=2)
    assert hs[0].user_id.startswith("sample:")
    twin = resolve_split("sample-oracle", settings)
    assert validate_file(twin.path) == []
