"""Question plans: type mix, timeline, planted facts and computed gold answers (no filler text).

A plan is everything about one haystack except the filler prose: the question, its computed
answer, which session slots carry evidence or distractors, and the facts planted there. Planning
is cheap, so proportion checks at N=500 run on plans alone.

The pieces: :mod:`~kgmem.datasets.synthetic.planning` (versions, random streams, plan types, the
type mix), :mod:`~kgmem.datasets.synthetic.builder` (vocabularies and the builder of one plan),
:mod:`~kgmem.datasets.synthetic.question_types` (one builder per question type).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from kgmem.datasets.synthetic import families as F
from kgmem.datasets.synthetic.builder import _Builder, _Vocab
from kgmem.datasets.synthetic.planning import (
    ABSTENTION_ANSWER,
    ABSTENTION_SHARE,
    GENERATOR_VERSION,
    STREAM_KEY,
    TYPE_COUNTS,
    Families,
    PlantedFact,
    QuestionPlan,
    SlotPlan,
    fmt_date,
    fmt_days,
    hex_id,
    rng_for,
    type_mix,
)
from kgmem.datasets.synthetic.question_types import _BUILDERS, _background

# re-exported: callers import the plan types from here
__all__ = ["ABSTENTION_ANSWER", "ABSTENTION_SHARE", "GENERATOR_VERSION", "STREAM_KEY", "TYPE_COUNTS", "Families",
           "PlantedFact", "QuestionPlan", "SlotPlan", "fmt_date", "fmt_days", "hex_id", "plan_questions", "rng_for",
           "type_mix"]


def plan_questions(n: int, seed: int, sessions_per_haystack: int, families: Families = "all",
                   heldout_share: float = 0.25, min_per_type: int = 0, min_abs: int = 0,
                   heldout2_share: float = 0.25) -> list[QuestionPlan]:
    """Plans for ``n`` haystacks: types, families, timelines, planted facts and gold answers."""
    if n < 0 or sessions_per_haystack < 6:
        raise ValueError(f"need haystacks >= 0 and sessions_per_haystack >= 6, got {n} and {sessions_per_haystack}")
    mix = type_mix(n, rng_for(seed, "mix"), min_per_type, min_abs)
    fams = F.assign_families(n, families, heldout_share, heldout2_share,
                             rng_for(seed, "families"), rng_for(seed, "families2"))
    vocab = _Vocab(seed)
    plans: list[QuestionPlan] = []
    for i, (qtype, abstain) in enumerate(mix):
        r = rng_for(seed, "q", i)
        qid = hex_id(seed, "qid", i) + ("_abs" if abstain else "")
        m = sessions_per_haystack + r.randint(-2, 2) if sessions_per_haystack >= 20 else sessions_per_haystack
        qdate = datetime(2023, 1, 1, r.randint(7, 22), r.randint(0, 59)) + timedelta(days=r.randint(90, 360))
        span_days = r.randint(100, 200)
        start = qdate - timedelta(days=span_days)
        minutes = sorted(r.sample(range(0, span_days * 24 * 60 - 180), m))
        dates = [start + timedelta(minutes=x) for x in minutes]
        plan = QuestionPlan(index=i, question_id=qid, question_type=qtype, abstention=abstain,
                            family=fams[i], question_date=qdate, dates=dates)
        builder = _Builder(plan, vocab, r, m)
        _BUILDERS[qtype](builder)
        _background(builder, max(1, round(m * 0.12)))
        plans.append(plan)
    return plans
