"""Settings are the only reader of the environment."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from kgmem import neo4j_server
from kgmem.settings import Settings, SettingsError

KGMEM = Path(__file__).resolve().parents[2] / "kgmem"


def test_embedder_and_server_settings_come_from_the_environment(tmp_path: Path) -> None:
    env = {"KGMEM_HOME": str(tmp_path), "KGMEM_EMBED_BACKEND": "onnx-int8", "KGMEM_EMBED_THREADS": "2",
           "KGMEM_NEO4J_HOME": str(tmp_path / "neo"), "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    s = Settings.load(env=env)
    assert (s.embed_backend, s.embed_threads) == ("onnx-int8", 2)
    assert s.machine_cache_dir == tmp_path / "xdg" / "kgmem"
    assert neo4j_server.default_home(s) == tmp_path / "neo"
    bare = Settings.load(env={"KGMEM_HOME": str(tmp_path)})
    assert bare.machine_cache_dir == Path.home() / ".cache" / "kgmem"
    assert neo4j_server.default_home(bare).name == f"neo4j-{neo4j_server.NEO4J_VERSION}"
    with pytest.raises(SettingsError, match="embed_backend = 'gpu' .from environment KGMEM_EMBED_BACKEND"):
        Settings.load(env={"KGMEM_HOME": str(tmp_path), "KGMEM_EMBED_BACKEND": "gpu"})


def _reads_environment(node: ast.AST) -> bool:
    """``os.environ.get``/``[...]``/``in``, ``os.getenv``; writes (``setdefault``) and handing
    the whole environment to a child process (``{**os.environ}``) are not reads of a setting."""
    def is_environ(n: ast.AST) -> bool:
        return isinstance(n, ast.Attribute) and n.attr == "environ"

    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        if node.func.attr == "getenv" or (node.func.attr in {"get", "items", "keys"} and is_environ(node.func.value)):
            return True
    if isinstance(node, ast.Subscript) and is_environ(node.value) and isinstance(node.ctx, ast.Load):
        return True
    return isinstance(node, ast.Compare) and any(is_environ(c) for c in node.comparators)


def test_only_settings_reads_the_environment() -> None:
    readers = []
    for path in sorted(KGMEM.rglob("*.py")):
        if path.name == "settings.py" and path.parent == KGMEM:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        readers += [f"{path.relative_to(KGMEM)}:{n.lineno}" for n in ast.walk(tree) if _reads_environment(n)]
    assert readers == []


def test_the_extraction_proposer_comes_from_the_environment_or_the_config_file(tmp_path: Path) -> None:
    assert Settings.load(env={"KGMEM_HOME": str(tmp_path)}).extraction_proposer == "hand"
    assert Settings.load(env={"KGMEM_HOME": str(tmp_path), "KGMEM_EXTRACTION_PROPOSER": "knn"}).extraction_proposer == "knn"
    (tmp_path / "config.toml").write_text('extraction_proposer = "knn"\n', encoding="utf-8")
    assert Settings.load(env={"KGMEM_HOME": str(tmp_path)}).extraction_proposer == "knn"
    with pytest.raises(SettingsError, match="extraction_proposer = 'nearest' .from environment KGMEM_EXTRACTION_PROPOSER"):
        Settings.load(env={"KGMEM_HOME": str(tmp_path), "KGMEM_EXTRACTION_PROPOSER": "nearest"})
