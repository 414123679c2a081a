"""Load a script (a file that is not in a package: eval/bench_*.py, a fixture's checker) as a module."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType


def load_script(path: Path, name: str | None = None) -> ModuleType:
    """The module that ``path`` defines, registered in ``sys.modules`` under ``name`` (default: the
    file's stem) so that its dataclasses and pickling find it."""
    name = name or path.stem
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None, path
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
