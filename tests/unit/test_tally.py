"""kgmem.models.Tally: the one "sum these counters" behind IngestReport, LLMUsage, ReconcileCounts."""

from __future__ import annotations

from kgmem.evaluation.interface import LLMUsage
from kgmem.memory.ingest import IngestReport
from kgmem.memory.manager import ReconcileCounts


def test_ingest_reports_sum_numbers_list_failures_and_keep_each_note_once() -> None:
    a = IngestReport(users=1, sessions_written=2, seconds=0.5, extraction_notes=["unreachable"],
                     failures=[{"session_id": "s1", "stage": "extract", "error": "x"}])
    b = IngestReport(users=1, sessions_written=3, seconds=0.25, extraction_notes=["unreachable", "timeout"],
                     failures=[{"session_id": "s9", "stage": "write", "error": "y"}])
    a.add(b)
    assert (a.users, a.sessions_written, a.seconds) == (2, 5, 0.75)
    assert [f["session_id"] for f in a.failures] == ["s1", "s9"]
    assert a.extraction_notes == ["unreachable", "timeout"]
    assert (b.users, b.extraction_notes) == (1, ["unreachable", "timeout"])  # the other is left alone


def test_usage_and_reconcile_counts_sum_field_by_field() -> None:
    u = LLMUsage(calls=1, prompt_tokens=10, cost_usd=0.5)
    u.add(LLMUsage(calls=2, cached_calls=1, completion_tokens=4, cost_usd=0.25))
    assert u == LLMUsage(calls=3, cached_calls=1, prompt_tokens=10, completion_tokens=4, cost_usd=0.75)
    c = ReconcileCounts(added=1, noop=2)
    c.add(ReconcileCounts(added=2, superseded=1, merged=3))
    assert c == ReconcileCounts(added=3, superseded=1, merged=3, noop=2)
