"""The Investigathon's single generic judge prompt (our wording of the starter repository's).

The official judge asks GPT-5-mini whether the prediction is correct given the question and
the ground truth, and expects ``True`` or ``False`` with no explanation.
"""

from __future__ import annotations

VERSION = "investigathon-judge-v1"


def render(question: str, gold: str, prediction: str) -> str:
    """One user message for the generic judge."""
    return (
        "You are a helpful assistant that judges whether an answer to a question is correct.\n"
        f"The question is: {question}\n"
        f"The memory agent's answer is: {prediction}\n"
        f"The ground-truth answer is: {gold}\n"
        "Return True if the answer is correct, False otherwise. No other text or explanation."
    )
