"""Metrics against small hand-checked cases."""

from __future__ import annotations

import math

import pytest

from kgmem.evaluation import metrics


def test_latency_stats_iqr_and_variance() -> None:
    s = metrics.latency_stats([1, 2, 3, 4, 5])
    # nearest rank: indexes round(q·4) → p25 = 2, p75 = 4 → IQR 2, p95 = 5; population variance of 1..5 = 2
    assert s["p25"] == 2 and s["p50"] == 3 and s["p75"] == 4 and s["p95"] == 5
    assert s["iqr"] == 2 and s["var"] == 2 and s["mean"] == 3
    assert metrics.latency_stats([]) == {"n": 0}


def test_percentiles_are_observed_values_by_nearest_rank() -> None:
    s = metrics.latency_stats([40, 10, 30, 20])
    # indexes round(0.75) = 1 and round(2.25) = 2 of the sorted values: no interpolation
    assert s["p25"] == 20 and s["p75"] == 30 and s["iqr"] == 10
    assert metrics.percentile([3.0, 1.0, 2.0], 0.5) == 2.0
    assert metrics.percentile([1.0, 2.0], 0.5) == 1.0  # round(0.5) = 0: Python rounds half to even
    assert metrics.percentile([7.0], 0.95) == 7.0
    assert metrics.percentile([], 0.5) is None


def test_recall_any_and_all() -> None:
    ranked = ["a", "b", "c", "d"]
    assert metrics.recall_any(ranked, ["c", "z"], 3) == 1.0
    assert metrics.recall_any(ranked, ["d"], 3) == 0.0
    assert metrics.recall_all(ranked, ["a", "c"], 3) == 1.0
    assert metrics.recall_all(ranked, ["a", "d"], 3) == 0.0
    assert metrics.recall_all(ranked, [], 3) == 0.0


def test_ndcg_hand_checked() -> None:
    # gold at ranks 2 and 3: DCG = 1/log2(3) + 1/log2(4); ideal = 1 + 1/log2(3)
    expected = (1 / math.log2(3) + 0.5) / (1 + 1 / math.log2(3))
    assert metrics.ndcg(["x", "a", "b"], ["a", "b"], 10) == pytest.approx(expected)
    assert metrics.ndcg(["a", "b", "x"], ["a", "b"], 10) == pytest.approx(1.0)
    assert metrics.ndcg(["x", "y"], ["a"], 10) == 0.0
    # k cuts the list: the gold item at rank 3 is outside k=2
    assert metrics.ndcg(["x", "y", "a"], ["a"], 2) == 0.0


def _rec(qid: str, **kw: object) -> dict[str, object]:
    base: dict[str, object] = {"question_id": qid, "question_type": "t", "is_abstention": False,
                               "error": None, "verdict": {"correct": True, "judge": "j"}}
    base.update(kw)
    return base


def test_retrieval_and_context_recall_skip_abstention_and_errors() -> None:
    recs = [
        _rec("1", answer_session_ids=["s1"], retrieved_session_ids=["s1", "s2"],
             context_session_ids=["s1"]),
        _rec("2", answer_session_ids=["s1", "s3"], retrieved_session_ids=["s2", "s1"] + ["x"] * 10
             + ["s3"], context_session_ids=["s1"]),
        _rec("3_abs", is_abstention=True, answer_session_ids=["s1"], retrieved_session_ids=[],
             context_session_ids=[]),
        _rec("4", error="LLMTimeout: x", answer_session_ids=["s1"], retrieved_session_ids=[]),
    ]
    r = metrics.retrieval(recs)
    assert r["session"]["n"] == 2
    assert r["session"]["recall_any@5"] == 1.0
    assert r["session"]["recall_all@5"] == 0.5  # q2's s3 sits at rank 13
    assert r["session"]["recall_all@30"] == 1.0
    assert r["context_recall"] == {"n": 2, "value": 0.5}
    assert "turn" not in r


def test_accuracy_rows_and_latest_record_wins() -> None:
    recs = [
        _rec("a", question_type="temporal-reasoning", verdict={"correct": False, "judge": "j"}),
        _rec("a", question_type="temporal-reasoning"),  # a retry that succeeded: last wins
        _rec("b", question_type="multi-session", verdict={"correct": False, "judge": "j"},
             template_family="heldout", computable=True),
        _rec("c_abs", question_type="multi-session", is_abstention=True, template_family="dev"),
        _rec("d", error="boom", verdict=None),
    ]
    s = metrics.summarise(recs)
    acc = s["accuracy"]
    assert s["questions"] == 4 and s["failed"] == 1 and s["failed_ids"] == ["d"]
    assert acc["overall"] == {"n": 3, "correct": 2, "accuracy": 2 / 3, "approximate": 0}
    assert acc["per_type"]["multi-session"]["accuracy"] == 0.5
    assert acc["abstention"]["n"] == 1 and acc["abstention"]["accuracy"] == 1.0
    assert acc["per_family"]["heldout"]["accuracy"] == 0.0
    assert acc["per_family"]["dev"]["accuracy"] == 1.0
    assert acc["computable"]["n"] == 1


def test_latency_per_stage_from_records() -> None:
    recs = [_rec(str(i), latency_ms={"retrieve": float(i), "total": float(10 * i)})
            for i in range(1, 6)]
    lat = metrics.latency(recs)
    assert lat["total"]["iqr"] == 20 and lat["retrieve"]["mean"] == 3
    assert "plan" not in lat
