"""Time and discourse phrases are never content (issue #14 item 1): "at this point", "at this stage",
"as things stand", the texted "atm"; the cash machine ("an atm", "the atm card") stays a thing."""

from __future__ import annotations

import pytest

from kgmem.retrieval.planner import plan_query


@pytest.mark.parametrize("question", [
    "How tall is my nephew at this point?",
    "which gym do I use at this stage",
    "where do I work, as things stand?",
    "what am i reading atm",
])
def test_no_discourse_word_is_content(question: str) -> None:
    plan = plan_query(question)
    words = {w.lower() for w in [*plan.focus, *plan.keywords, *plan.named]}
    assert not words & {"point", "stage", "things", "stand", "stands", "atm"}, words


def test_the_cash_machine_is_content() -> None:
    assert "atm" in plan_query("is there an atm near the gym").keywords
