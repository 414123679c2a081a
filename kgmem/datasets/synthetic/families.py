"""Template families: which phrasing a question's facts and question text are drawn from.

``dev`` (two sub-families in :mod:`templates`) is what rules may be written against; ``heldout``
and ``heldout2`` are held-out families that must not be read while writing rules (their modules
carry a DO-NOT-READ banner). A question uses one family for its evidence sentences and its
question; distractor sentences and filler are shared by all families.

Dev and ``heldout`` draws are exactly those of generator 1.0.0, so adding ``heldout2`` left their
questions byte-identical.
"""

from __future__ import annotations

import random
from typing import Literal

from kgmem.datasets.synthetic import heldout2_templates as H2
from kgmem.datasets.synthetic import heldout_templates as H
from kgmem.datasets.synthetic import templates as T

Family = Literal["dev", "heldout", "heldout2"]
Families = Literal["dev", "heldout", "heldout2", "all"]
FAMILIES: tuple[Family, ...] = ("dev", "heldout", "heldout2")


def assign_families(n: int, families: Families, heldout_share: float, heldout2_share: float,
                    held_rng: random.Random, held2_rng: random.Random) -> list[Family]:
    """The family of each of ``n`` questions.

    With ``all``: ``round(n * heldout_share)`` questions drawn by ``held_rng`` are ``heldout`` (the
    same draw as generator 1.0.0), then ``round(n * heldout2_share)`` of the rest drawn by
    ``held2_rng`` are ``heldout2``; the remainder is ``dev``.
    """
    if families != "all":
        return [families] * n
    if not (0 <= heldout_share <= 1 and 0 <= heldout2_share <= 1) or heldout_share + heldout2_share > 1:
        raise ValueError(f"held-out shares must lie in [0, 1] and sum to at most 1, got "
                         f"heldout {heldout_share} + heldout2 {heldout2_share}")
    held = set(held_rng.sample(range(n), round(n * heldout_share))) if n else set()
    rest = [i for i in range(n) if i not in held]
    k2 = min(len(rest), round(n * heldout2_share))
    held2 = set(held2_rng.sample(rest, k2)) if k2 else set()
    return ["heldout" if i in held else "heldout2" if i in held2 else "dev" for i in range(n)]


def fact_template(family: Family, kind: str, r: random.Random) -> str:
    """A fact sentence template of ``kind`` in ``family``."""
    if family == "heldout":
        return r.choice(H.FACTS_HELDOUT[kind])
    if family == "heldout2":
        return r.choice(H2.FACTS_HELDOUT2[kind])
    fam = r.choice(sorted(T.FACTS[kind]))
    return r.choice(T.FACTS[kind][fam])


def question_template(family: Family, key: str, r: random.Random) -> str:
    """A question template for ``key`` in ``family`` (dev phrasing where the family has none)."""
    if family == "heldout" and key in H.QUESTIONS_HELDOUT:
        return r.choice(H.QUESTIONS_HELDOUT[key])
    if family == "heldout2" and key in H2.QUESTIONS_HELDOUT2:
        return r.choice(H2.QUESTIONS_HELDOUT2[key])
    fam = r.choice(sorted(T.QUESTIONS[key]))
    return r.choice(T.QUESTIONS[key][fam])


def ku_question(family: Family, pred: str, which: int, r: random.Random) -> str:
    """Knowledge-update question for ``pred``: ``which`` 0 current, 1 previous ({v}), 2 when changed ({v})."""
    if family == "heldout":
        return H.KU_QUESTIONS_HELDOUT[pred][which]
    if family == "heldout2":
        return r.choice(H2.KU_QUESTIONS_HELDOUT2[pred][which])
    return T.KU_QUESTIONS["a"][pred][which]


def ssp_request(family: Family, domain: str, dev_requests: tuple[str, ...], r: random.Random) -> str:
    """The preference question (a request for suggestions) of ``domain``."""
    if family == "heldout":
        return r.choice(H.SSP_REQUESTS_HELDOUT[domain])
    if family == "heldout2":
        return r.choice(H2.SSP_REQUESTS_HELDOUT2[domain])
    return r.choice(dev_requests)
