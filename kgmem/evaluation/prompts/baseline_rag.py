"""The starter repository's RAG prompt, reworded: one paragraph, evidence pasted as message dicts.

Faithful to the baseline on purpose: no dates, no instructions about abstaining, no formatting —
it is the reference kgmem is compared against, so it must not be quietly improved.
"""

from __future__ import annotations

VERSION = "baseline-rag-v1"


def render(evidence: list[dict[str, str]], question: str) -> str:
    """The single user message: evidence (list of ``{role, content}``) then the question."""
    return (
        "You are a helpful assistant that answers a question based on the evidence. "
        f"The evidence is: {evidence!r} "
        f"The question is: {question} "
        "Return the answer to the question."
    )
