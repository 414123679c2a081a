"""The Investigathon rule: answering and extraction models must have at most 4B parameters.

With ``settings.investigathon_rules`` on, :func:`check_model_allowed` refuses a model for any
role but ``judge`` unless its size can be read from its name (``qwen3:4b``, ``gemma3:4b``,
``Qwen2.5-3B-Instruct.gguf``, ``smollm2-135m``…) and is ≤ 4B. Hosted models whose size is not
published (gpt-4o, gpt-5*, claude*, gemini*…) and names with no size are refused too: the
rule can only be honoured for a model whose size is known.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from kgmem.llm.base import ModelNotAllowed

MAX_PARAMS_B = 4.0

#: roles the rule does not apply to (the judge scores answers; it is not part of the system)
EXEMPT_ROLES = frozenset({"judge"})

#: embedded models whose size is known but not spelled in their kgmem name
_KNOWN_SIZES_B = {
    "local/smollm2-135m-instruct": 0.135,
    "local/smollm2": 0.135,
}

#: hosted families that are large or of undisclosed size
_BIG_OR_UNKNOWN = re.compile(
    r"^(gpt-?[345]|gpt-4o|chatgpt|o[1345](-|$)|claude|gemini|command-r|mistral-large|"
    r"grok|deepseek-(chat|reasoner|v3|r1)$)",
    re.IGNORECASE,
)

# "8x7b" (mixture of experts) → 56; "70b", "3.8b", "135m"; not "e4b"/"a3b" (effective/active)
_MOE = re.compile(r"(?<![a-z0-9.])(\d+)x(\d+(?:\.\d+)?)b(?![a-z])", re.IGNORECASE)
_SIZE = re.compile(r"(?<![a-z0-9.])(\d+(?:\.\d+)?)([bm])(?![a-z])", re.IGNORECASE)


def parse_size_b(model: str) -> float | None:
    """Parameter count in billions read from a model name, or ``None`` when it says none.

    The largest size mentioned wins (``qwen3:30b-a3b`` → 30), so a mixture of experts is
    judged by its total size.
    """
    if model in _KNOWN_SIZES_B:
        return _KNOWN_SIZES_B[model]
    name = model
    if name.startswith("local:"):
        name = PurePath(name[len("local:"):]).name
    name = name.lower()
    sizes: list[float] = []
    for match in _MOE.finditer(name):
        sizes.append(float(match.group(1)) * float(match.group(2)))
    for match in _SIZE.finditer(_MOE.sub(" ", name)):
        value = float(match.group(1))
        sizes.append(value if match.group(2).lower() == "b" else value / 1000.0)
    return max(sizes) if sizes else None


def _bare_name(model: str) -> str:
    """Drop a litellm provider prefix: ``openai/gpt-4o`` → ``gpt-4o``."""
    return model.split("/", 1)[1] if "/" in model and not model.startswith("local") else model


def check_model_allowed(model: str, role: str, investigathon_rules: bool) -> None:
    """Raise :class:`ModelNotAllowed` when the rules are on and ``model`` breaks them for ``role``."""
    if not investigathon_rules or role in EXEMPT_ROLES:
        return
    how_to = ("choose a model of at most 4B parameters (e.g. ollama/qwen3:4b, ollama/gemma3:4b, "
              "or the default local/smollm2-135m-instruct), or turn the rule off with "
              "KGMEM_INVESTIGATHON_RULES=false")
    size = parse_size_b(model)
    if size is None:
        bare = _bare_name(model)
        why = ("is a hosted model of more than 4B (or undisclosed) parameters"
               if _BIG_OR_UNKNOWN.match(bare) else "has no parameter count in its name")
        raise ModelNotAllowed(
            f"Investigathon rules refuse {role} model {model!r}: it {why}, so the ≤4B limit "
            f"cannot be honoured; {how_to}")
    if size > MAX_PARAMS_B:
        raise ModelNotAllowed(
            f"Investigathon rules refuse {role} model {model!r}: {size:g}B parameters exceed "
            f"the {MAX_PARAMS_B:g}B limit; {how_to}")
