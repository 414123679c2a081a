"""The wheel carries everything a non-checkout install needs (sample split, schemas, corpora,
prompts, the Neo4j server build files)."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

REQUIRED = [
    "kgmem/resources/sample/sample.json",
    "kgmem/resources/sample/sample.gold.json",
    "kgmem/resources/sample/sample_oracle.json",
    "kgmem/resources/schemas/neo4j/001_constraints.cypher",
    "kgmem/resources/schemas/browser/kgmem.grass",
    "kgmem/resources/schemas/json/gold_facts.schema.json",
    "kgmem/resources/neo4j-local/pom.xml",
    "kgmem/resources/neo4j-local/neo4j.conf.template",
    "kgmem/resources/lexicon/discourse.json",
    "kgmem/resources/lexicon/calendar.json",
    "kgmem/resources/lexicon/numbers.json",
    "kgmem/resources/lexicon/people.json",
    "kgmem/resources/lexicon/event_roles.json",
    "kgmem/datasets/synthetic/data/prose.jsonl.gz",
    "kgmem/answer/prompts/answer_v1.txt",
    "kgmem/answer/prompts/answer_v2.txt",
    "kgmem/py.typed",
]


def test_wheel_contains_package_data(tmp_path: Path) -> None:
    uv = shutil.which("uv")
    if uv is None:
        pytest.fail("uv is not on PATH (scripts/setup.sh installs it)")
    subprocess.run([uv, "build", "--wheel", "-o", str(tmp_path), str(ROOT)], check=True, capture_output=True)
    wheel = next(tmp_path.glob("kgmem-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [n for n in REQUIRED if n not in names]
    assert not missing, f"missing from the wheel: {missing}"
    assert "kgmem.dist-info/entry_points.txt" in {n.replace(n.split('/')[0], 'kgmem.dist-info') for n in names if n.endswith("entry_points.txt")}
