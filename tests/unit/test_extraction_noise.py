"""Precision against noise: logs, heartbeats, dumps, gossip, hypotheticals, plans, declined offers
and quoted speech store no fact about the user (issue #13; auth13's hand-written noise turns).

Facts about third parties in gossip may be stored about them; nothing may be stored about the user.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest

from kgmem.extraction.zero import RuleExtractor

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "extraction" / "noise_turns.jsonl"


def test_noise_turns_store_no_user_fact() -> None:
    rows = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 30 and len(Counter(r["category"] for r in rows)) >= 8
    results = RuleExtractor().extract_many(
        [([(r["role"], r["text"])], datetime.fromisoformat(r["session_date"])) for r in rows])
    leaks = [f"{r['id']} ({r['category']}): {f.predicate}={f.value!r}"
             for r, res in zip(rows, results) for f in res.facts if f.subject == "user"]
    assert leaks == []


@pytest.mark.parametrize("text", [
    "[2024-03-12 08:00:01] INFO agent.memory: loading profile for user_id=u_7f3a (tz=Europe/London)",
    "My coworker Dana says she moved to Lisbon, good for her.",
])
def test_machine_lines_and_gossip_are_not_the_users(text: str) -> None:
    facts = RuleExtractor().extract([("user", text)], datetime(2024, 3, 12)).facts
    assert [f for f in facts if f.subject == "user"] == []
