"""Token counting that never needs the network.

The embedded model counts with llama.cpp's own tokenizer (see ``local.py``). API models use
litellm's ``token_counter`` where litellm ships the tokenizer with the package (OpenAI-style
tiktoken encodings bundled inside litellm); model families for which litellm would fetch a
Hugging Face tokenizer at run time (Llama, Claude, Cohere…) and anything litellm cannot count
fall back to :func:`approx_token_count`. ``tiktoken`` is never asked to download encodings.
"""

from __future__ import annotations

import math
import os
import re

#: families for which litellm's token_counter downloads a tokenizer from the Hugging Face hub
_HF_TOKENIZER_FAMILIES = ("llama", "claude", "anthropic", "cohere", "command")

_WORDISH = re.compile(r"\w+|[^\w\s]", re.UNICODE)

#: name written into reports, so a reader knows how a figure was counted
APPROX_TOKENIZER_NAME = "approx(max(chars/4, words+punct))"


def approx_token_count(text: str) -> int:
    """A documented approximation: ``max(ceil(chars / 4), words + punctuation marks)``.

    About four characters per token is the usual figure for English BPE vocabularies; the
    word/punctuation count keeps short, symbol-heavy text (dates, JSON) from being undercounted.
    It tends to overestimate slightly, which is the safe side for context budgets.
    """
    if not text:
        return 0
    return max(math.ceil(len(text) / 4), len(_WORDISH.findall(text)))


def litellm_can_count_offline(model: str) -> bool:
    """Whether litellm's ``token_counter`` for ``model`` uses only bundled tokenizers."""
    name = model.lower()
    return not any(fam in name for fam in _HF_TOKENIZER_FAMILIES)


def litellm_token_count(model: str, text: str) -> tuple[int, str]:
    """Count ``text`` for an API model → (count, tokenizer name used)."""
    if not litellm_can_count_offline(model):
        return approx_token_count(text), APPROX_TOKENIZER_NAME
    os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
    try:
        import litellm
    except ImportError:
        return approx_token_count(text), APPROX_TOKENIZER_NAME
    try:
        count = int(litellm.token_counter(model=model, text=text))
    except (ValueError, KeyError, OSError, RuntimeError):
        # unknown model or missing encoding: a count is still needed; use the documented fallback
        return approx_token_count(text), APPROX_TOKENIZER_NAME
    return count, "litellm.token_counter"
