"""Template families: which phrasing a question's facts and question text are drawn from.

``dev`` (two sub-families in :mod:`templates`) is what rules may be written against. The other
families are rows of :data:`TABLE`, one module each: ``heldout`` (a development family since
session 8, its name kept for the gold's sake), ``dev3`` (a development family written from
heldout2's brief, to be read) and the held-out families of :data:`HELD_OUT` (``heldout2``; ``heldout3``,
written in session 17 from the same brief by an author who had read neither kgmem's rules nor the
other families), which must not be read while writing rules (their modules carry a DO-NOT-READ banner). A question uses one family for its
evidence sentences and its question; distractor sentences and filler are shared by all families.

Dev and ``heldout`` draws are exactly those of generator 1.0.0, so adding ``heldout2`` left their
questions byte-identical; ``--families all`` mixes dev, heldout and heldout2 only, so the families
added later (``dev3``, ``heldout3``) change nothing there and are used only when chosen by name.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from kgmem.datasets.synthetic import dev3_templates as D3
from kgmem.datasets.synthetic import heldout2_templates as H2
from kgmem.datasets.synthetic import heldout3_templates as H3
from kgmem.datasets.synthetic import heldout_templates as H
from kgmem.datasets.synthetic import templates as T

Family = Literal["dev", "heldout", "heldout2", "dev3", "heldout3"]
Families = Literal["dev", "heldout", "heldout2", "dev3", "heldout3", "all"]
FAMILIES: tuple[Family, ...] = ("dev", "heldout", "heldout2", "dev3", "heldout3")
#: families nobody reads or tunes on: aggregates only, never an example (benches refuse to show them)
HELD_OUT: frozenset[str] = frozenset({"heldout2", "heldout3"})

#: a knowledge-update question of a family: one phrasing (no draw, generator 1.0.0's heldout) or a choice
KuPhrasing = str | tuple[str, ...]


@dataclass(frozen=True)
class TemplateFamily:
    """The phrasings of one family other than dev: fact sentences per kind, questions per key,
    knowledge-update questions per predicate (current, previous, when changed) and preference
    requests per domain. A question key the family lacks falls back to the dev phrasing. ``starts``:
    the family's own sentence openers that render.soften lower-cases mid-sentence; none opens a
    sentence or value of an earlier family (tests check), so adding a family changes no earlier output."""

    facts: Mapping[str, tuple[str, ...]]
    questions: Mapping[str, tuple[str, ...]]
    ku_questions: Mapping[str, tuple[KuPhrasing, KuPhrasing, KuPhrasing]]
    ssp_requests: Mapping[str, tuple[str, ...]]
    starts: tuple[str, ...] = ()


#: family -> its templates; a new family is one more row here (and its name in the Literals above)
TABLE: dict[str, TemplateFamily] = {
    "heldout": TemplateFamily(H.FACTS_HELDOUT, H.QUESTIONS_HELDOUT, H.KU_QUESTIONS_HELDOUT,
                              H.SSP_REQUESTS_HELDOUT),
    "heldout2": TemplateFamily(H2.FACTS_HELDOUT2, H2.QUESTIONS_HELDOUT2, H2.KU_QUESTIONS_HELDOUT2,
                               H2.SSP_REQUESTS_HELDOUT2, starts=(  # generator 1.1.0
        "Ambitious ", "Been ", "Checked ", "Counting ", "Crossed ", "Did ", "Ditched ", "Drained ",
        "Family ", "Finally ", "Fingers ", "Flights ", "Forty ", "Froze ", "Guess ", "Honestly ",
        "Knocked ", "Left ", "Leg ", "Life ", "Made ", "Managed ", "Most ", "Negotiated ", "Nine ",
        "Not ", "Ok, ", "Opened ", "Parking ", "Picking ", "Said ", "Screen ", "Showed ", "Spent ",
        "Started ", "Stayed ", "Still ", "Stuck ", "Summers ", "To ", "Turns ", "Upped ", "Vet ",
        "Watch ", "Watching ", "Welp, ", "Whenever ", "You ", "Had ", "Moved ", "For ", "If ")),
    "dev3": TemplateFamily(D3.FACTS_DEV3, D3.QUESTIONS_DEV3, D3.KU_QUESTIONS_DEV3, D3.SSP_REQUESTS_DEV3, starts=(
        "Aiming ", "Already ", "Asked ", "Between ", "Bumped ", "Cancelled ", "Carried ", "Caved ", "Changed ",
        "Cracked ", "Does ", "Dog ", "Every ", "Filled ", "First ", "Flashcards ", "Grocery ", "Half ", "Honestly? ",
        "In ", "Insurance ", "Legs ", "Money's ", "Mum ", "Ngl ", "Nope ", "Ok ", "One ", "Parallel ", "Parkrun ",
        "Played ", "Put ", "Returned ", "Rewrote ", "Road ", "So ", "Somebody ", "Taking ", "Tax ", "Told ",
        "Totally ", "Traded ", "Transferred ", "Tried ", "Ugh ", "Unpacking ", "Updated ", "Walking ", "Why ",
        "You'll ")),
    "heldout3": TemplateFamily(H3.FACTS_HELDOUT3, H3.QUESTIONS_HELDOUT3, H3.KU_QUESTIONS_HELDOUT3,
                               H3.SSP_REQUESTS_HELDOUT3, starts=(
        "Another ", "Anyway ", "Can't ", "Cancelling ", "Carrying ", "Changing ", "Crumbs, ", "Dear ", "Do ",
        "Gave ", "Give ", "Grandparents ", "It ", "Kids ", "Kindly ", "Literally ", "Lugging ", "Moving ",
        "Nobody ", "Once ", "Packed ", "Paid ", "People ", "Podcasts ", "Pushed ", "School ", "Setting ",
        "Tickets ", "Toddler ", "Twenty-four ", "Ugh, ", "Walked ", "Without ", "Would ")),
}


def assign_families(n: int, families: Families, heldout_share: float, heldout2_share: float,
                    held_rng: random.Random, held2_rng: random.Random) -> list[Family]:
    """The family of each of ``n`` questions.

    With ``all``: ``round(n * heldout_share)`` questions drawn by ``held_rng`` are ``heldout`` (the
    same draw as generator 1.0.0), then ``round(n * heldout2_share)`` of the rest drawn by
    ``held2_rng`` are ``heldout2``; the remainder is ``dev``. Any other name: every question.
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
    fam = TABLE.get(family)
    if fam is not None:
        return r.choice(fam.facts[kind])
    sub = r.choice(sorted(T.FACTS[kind]))
    return r.choice(T.FACTS[kind][sub])


def question_template(family: Family, key: str, r: random.Random) -> str:
    """A question template for ``key`` in ``family`` (dev phrasing where the family has none)."""
    fam = TABLE.get(family)
    if fam is not None and key in fam.questions:
        return r.choice(fam.questions[key])
    sub = r.choice(sorted(T.QUESTIONS[key]))
    return r.choice(T.QUESTIONS[key][sub])


def ku_question(family: Family, pred: str, which: int, r: random.Random) -> str:
    """Knowledge-update question for ``pred``: ``which`` 0 current, 1 previous ({v}), 2 when changed ({v})."""
    fam = TABLE.get(family)
    if fam is None:
        return T.KU_QUESTIONS["a"][pred][which]
    options = fam.ku_questions[pred][which]
    return options if isinstance(options, str) else r.choice(options)


def ssp_request(family: Family, domain: str, dev_requests: tuple[str, ...], r: random.Random) -> str:
    """The preference question (a request for suggestions) of ``domain``."""
    fam = TABLE.get(family)
    return r.choice(fam.ssp_requests[domain] if fam is not None else dev_requests)
