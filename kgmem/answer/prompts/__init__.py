"""Versioned answer prompts (plain text files next to this module)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

ANSWER_PROMPT_VERSION = "answer_v1"


@lru_cache(maxsize=8)
def load_prompt(name: str = ANSWER_PROMPT_VERSION) -> str:
    """The text of prompt ``name`` (``answer_v1`` → ``answer_v1.txt``)."""
    path = resources.files(__package__).joinpath(f"{name}.txt")
    if not path.is_file():
        raise FileNotFoundError(f"no answer prompt {name!r} in kgmem/answer/prompts/")
    return path.read_text(encoding="utf-8")
