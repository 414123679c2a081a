"""The project's structure rules, checked on every test run (issue #16).

- no module in ``kgmem/`` over 400 lines (500 for those in ``scripts/size_allowlist.txt``, a list that
  only shrinks), no function in ``kgmem/``, ``eval/`` or ``scripts/``
  over 80 without a ``# long:`` reason (``scripts/check_sizes.py``);
- every third-party import declared in pyproject.toml and nothing declared that kgmem does not
  use (``scripts/check_deps.py``; torch among them).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / script), *args],
                          capture_output=True, text=True, timeout=300, check=False)


def test_no_long_module_or_unexplained_long_function() -> None:
    res = _run("check_sizes.py")
    assert res.returncode == 0, res.stdout + res.stderr


def test_no_unexplained_long_function_in_eval_or_scripts() -> None:
    # functions only: eval/devsets/source_dev3.py is a data module (a dev set's hand-written source)
    res = _run("check_sizes.py", "--functions-only", str(ROOT / "eval"), str(ROOT / "scripts"))
    assert res.returncode == 0, res.stdout + res.stderr


def test_check_sizes_fails_on_a_long_function(tmp_path: Path) -> None:
    pkg = tmp_path / "kgmem"
    pkg.mkdir()
    body = "\n".join(f"    x{i} = {i}" for i in range(85))
    (pkg / "m.py").write_text(f"def f() -> None:\n{body}\n\n\n# long: a table\ndef g() -> None:\n{body}\n")
    res = _run("check_sizes.py", str(pkg))
    assert res.returncode == 1 and "m.py:1 f: 86 lines" in res.stdout
    assert "g: 86 lines (reason given)" in res.stdout
    # a bare "# long:" gives no reason
    (pkg / "m.py").write_text(f"# long:\ndef h() -> None:\n{body}\n")
    res = _run("check_sizes.py", str(pkg))
    assert res.returncode == 1 and "h: 86 lines" in res.stdout and "reason given" not in res.stdout


def test_imports_and_declared_dependencies_agree() -> None:
    res = _run("check_deps.py")
    assert res.returncode == 0, res.stdout + res.stderr
    assert "imported but not declared: none" in res.stdout
    assert "declared but not imported: none" in res.stdout


def test_the_harness_reads_kgmem_through_its_types() -> None:
    """evaluation/systems.py reads Answer / IngestReport by their declared fields and the
    AnswerExtra keys (mypy checks them), never by getattr/hasattr guesses."""
    import ast

    tree = ast.parse((ROOT / "kgmem" / "evaluation" / "systems.py").read_text(encoding="utf-8"))
    guesses = [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Call)
               and isinstance(node.func, ast.Name) and node.func.id in ("getattr", "hasattr")]
    assert guesses == [], f"getattr/hasattr in evaluation/systems.py at lines {guesses}"


def test_module_limit_400_with_an_allowlist_that_only_shrinks(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    pkg, scripts = repo / "kgmem", repo / "scripts"
    pkg.mkdir(parents=True)
    scripts.mkdir()
    allow = scripts / "size_allowlist.txt"
    (pkg / "big.py").write_text("x = 1\n" * 450)
    (pkg / "small.py").write_text("x = 1\n" * 10)
    allow.write_text("# comment\n")
    res = _run("check_sizes.py", "--allowlist", str(allow), str(pkg))
    assert res.returncode == 1 and "big.py: 450 lines (limit 400)" in res.stdout
    allow.write_text("kgmem/big.py   # 450\n")
    assert _run("check_sizes.py", "--allowlist", str(allow), str(pkg)).returncode == 0
    (pkg / "big.py").write_text("x = 1\n" * 501)  # listed modules still stop at 500
    res = _run("check_sizes.py", "--allowlist", str(allow), str(pkg))
    assert res.returncode == 1 and "(limit 500)" in res.stdout
    allow.write_text("kgmem/big.py\nkgmem/small.py\nkgmem/gone.py\n")  # stale entries fail
    (pkg / "big.py").write_text("x = 1\n" * 420)
    res = _run("check_sizes.py", "--allowlist", str(allow), str(pkg))
    assert res.returncode == 1 and "allowlist kgmem/small.py: 10 lines" in res.stdout
    assert "allowlist kgmem/gone.py: no such module" in res.stdout
