"""Checks on what a model wrote, before it becomes an answer.

Small models sometimes return nothing, a dangling template ("The most recent value is:"), chat
debris, the prompt's own rules, or the question read back. :func:`check_output` rejects those (the
caller then falls back to the extractive answer or an honest "I'm not sure" with the best dated
line); :func:`clean` strips debris and keeps the first useful paragraph.
"""

from __future__ import annotations

import re

from kgmem.text import SENTENCE_GAP, tokenize

_DANGLING = re.compile(
    r"(?:\b(?:is|are|was|were|be|value|answer|result|date|name|total|would be|it's|its|of|the|a|an|to|"
    r"and|or|with|for|at|in|on|by|from)\s*[:\-–—,]?|[:\-–—,(\[])\s*$", re.I)
_TEMPLATE = re.compile(r"\{[a-z_ ]+\}|<\|[^|]*\|>|\[(?:insert|answer|name|date|value)[^\]]*\]|\bTODO\b|<[a-z_]+>|"
                       r"^\s*(?:answer|response)\s*:?\s*$", re.I)
_PROMPT_ECHO = re.compile(r"\b(use only the memory|computed from memory|memory timeline|answer in one or two|"
                          r"give the answer first|you are a personal assistant|lines under|user said|"
                          r"you \(assistant\) said|most relevant first|today is \d{4})\b|"
                          r"\bthe user \(and you\)", re.I)  # no \b after ")": it never matches there


def clean(text: str) -> str:
    """Strip chat-template debris and reasoning tags; keep the first paragraph that says
    something beyond an apology; at most three sentences (small models loop)."""
    text = re.sub(r"<think>.*?</think>", "", text, flags=re.S)
    text = re.sub(r"<\|[^|]*\|>", " ", text)
    text = re.sub(r"^\s*(answer|assistant|response)\s*:\s*", "", text.strip(), flags=re.I)
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    chosen = ""
    for para in paragraphs:
        if not re.fullmatch(r"(i'?m sorry|sorry)[^.!]*[.!]?", para, flags=re.I):
            chosen = para
            break
    chosen = chosen or (paragraphs[0] if paragraphs else "")
    sentences = SENTENCE_GAP.split(chosen)
    return " ".join(sentences[:3]).strip()


def _copies(text: str, context: str, n: int = 8) -> bool:
    """Whether the text repeats an ``n``-word run of the context (a model reading its prompt back)."""
    a = re.findall(r"\w+", text.lower())
    b = " " + " ".join(re.findall(r"\w+", context.lower())) + " "
    return any(" " + " ".join(a[i: i + n]) + " " in b for i in range(0, max(0, len(a) - n + 1)))


def check_output(text: str, question: str, context: str = "") -> str | None:
    """Why a model answer is unusable (``None`` when it is fine)."""
    t = text.strip()
    if context and _copies(t, context):
        return "repeats the context"
    if not t or not re.search(r"\w", t):
        return "empty"
    if _TEMPLATE.search(t):
        return "template debris"
    if _DANGLING.search(t) and not re.search(r"\d\s*$", t):
        return "dangling (ends mid-statement)"
    if _PROMPT_ECHO.search(t):
        return "repeats the prompt"
    ans = [w for w in tokenize(t) if len(w) > 1]
    q = set(tokenize(question))
    if ans and len([w for w in ans if w not in q]) == 0:
        return "restates the question"
    norm_t = re.sub(r"\W+", " ", t.lower()).strip()
    norm_q = re.sub(r"\W+", " ", question.lower()).strip()
    if norm_q and (norm_t == norm_q or norm_t.startswith(norm_q)):
        return "restates the question"
    return None
