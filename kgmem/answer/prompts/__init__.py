"""Versioned answer prompts (plain text files next to this module)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

#: v2: today's date is in the user message only (the context's first line), so the system
#: message is the same for every question and the embedded model's saved prefix state serves all
ANSWER_PROMPT_VERSION = "answer_v2"


@lru_cache(maxsize=8)
def load_prompt(name: str = ANSWER_PROMPT_VERSION) -> str:
    """The text of prompt ``name`` (``answer_v1`` → ``answer_v1.txt``)."""
    path = resources.files(__package__).joinpath(f"{name}.txt")
    if not path.is_file():
        raise FileNotFoundError(f"no answer prompt {name!r} in kgmem/answer/prompts/")
    return path.read_text(encoding="utf-8")
