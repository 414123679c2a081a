"""The per-seed vocabularies and the builder that fills one QuestionPlan: slot choice, fact
sentences from the templates of the plan's family, distractors and the computed answer.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any, Literal

from kgmem.datasets.synthetic import families as F
from kgmem.datasets.synthetic import vocab as V
from kgmem.datasets.synthetic.planning import (
    _APPROX_WHEN,
    _EXACT_WHEN,
    _WEEKDAYS,
    PlantedFact,
    QuestionPlan,
    SlotPlan,
    _cap,
    rng_for,
)


class _Vocab:
    """The seed's own shuffled vocabularies."""

    def __init__(self, seed: int) -> None:
        r = rng_for(seed, "vocab")
        self.names = V.seeded_vocab(r, V.FIRST_NAMES)
        self.pets = V.seeded_vocab(r, V.PET_NAMES)
        self.cities = V.seeded_vocab(r, V.CITIES)
        self.employers = V.seeded_vocab(r, V.EMPLOYERS)
        self.titles = V.seeded_vocab(r, V.JOB_TITLES)
        self.cars = V.seeded_vocab(r, V.CARS)
        self.phones = V.seeded_vocab(r, V.PHONES)
        self.gyms = V.seeded_vocab(r, V.GYMS)
        self.commutes = V.seeded_vocab(r, V.COMMUTES)
        self.books = V.seeded_vocab(r, V.BOOKS)
        self.films = V.seeded_vocab(r, V.FILMS)
        self.events = V.seeded_vocab(r, V.EVENTS)
        self.life = V.seeded_vocab(r, V.LIFE_EVENTS)
        self.purchases = V.seeded_vocab(r, V.PURCHASES)
        self.stores = V.seeded_vocab(r, V.STORES)
        self.allergies = V.seeded_vocab(r, V.ALLERGIES)
        self.instruments = V.seeded_vocab(r, V.INSTRUMENTS)
        self.languages = V.seeded_vocab(r, V.LANGUAGES)
        self.drinks = V.seeded_vocab(r, V.DRINKS)
        self.podcasts = V.seeded_vocab(r, V.PODCASTS)
        self.games = V.seeded_vocab(r, V.BOARD_GAMES)
        self.trails = V.seeded_vocab(r, V.TRAILS)
        self.dishes = V.seeded_vocab(r, V.DISHES)
        self.restaurants = [f"{w} {k}" for w in V.RESTAURANT_WORDS for k in V.RESTAURANT_KINDS]
        r.shuffle(self.restaurants)

    def slot_values(self, pred: str) -> list[str]:
        return {
            "lives_in": self.cities, "works_at": self.employers, "job_title": self.titles, "drives": self.cars,
            "phone": self.phones, "gym": self.gyms, "commute": self.commutes,
            "rent": [str(x) for x in V.RENTS], "reading_goal": [str(x) for x in V.READING_GOALS],
            "running_pb": list(V.RUN_PBS), "salary": [f"{x:,}" for x in V.SALARIES],
        }[pred]


class _Builder:
    """Builds one QuestionPlan: picks slots, renders fact sentences, computes the answer."""

    def __init__(self, plan: QuestionPlan, vocab: _Vocab, rng: random.Random, n_slots: int) -> None:
        self.p, self.v, self.r = plan, vocab, rng
        self.free = list(range(n_slots))
        self.n_facts = 0

    # -- slots and facts ---------------------------------------------------------------------
    def take(self, lo: float = 0.0, hi: float = 1.0) -> int:
        """Take a free slot whose position lies in [lo, hi) of the timeline."""
        n = len(self.p.dates)
        cands = [s for s in self.free if lo * n <= s < max(hi * n, lo * n + 1)] or self.free
        s = self.r.choice(cands)
        self.free.remove(s)
        return s

    def slot(self, s: int, kind: Literal["evidence", "distractor", "background"]) -> SlotPlan:
        return self.p.slots.setdefault(s, SlotPlan(slot=s, kind=kind))

    def template(self, kind: str) -> str:
        return F.fact_template(self.p.family, kind, self.r)

    def question_text(self, key: str, **slots: Any) -> str:
        return F.question_template(self.p.family, key, self.r).format(**slots)

    def when(self, s: int, exact: bool = True) -> tuple[str, date, str]:
        """A time expression for an event told in slot ``s``: (text, resolved date, granularity)."""
        d = self.p.dates[s].date()
        if exact and self.r.random() < 0.3:
            back = self.r.randint(1, 6)
            ev = d - timedelta(days=back)
            return f"last {_WEEKDAYS[ev.weekday()]}", ev, "day"
        pool = _EXACT_WHEN if exact else _EXACT_WHEN + _APPROX_WHEN
        text, back = self.r.choice(pool)
        gran = "day" if (text, back) in _EXACT_WHEN else "approx"
        return text, d - timedelta(days=back), gran

    def fact(self, s: int, kind: str, predicate: str, value: str, *, subject: str = "user", role: str = "user",
             when: tuple[str, date, str] | None = None, supersedes: str | None = None,
             attributes: dict[str, str] | None = None, evidence: bool = True, **fmt: Any) -> PlantedFact:
        """Render a planted fact sentence into slot ``s`` and record it."""
        wtext = when[0] if when else ""
        text = _cap(self.template(kind).format(v=value, when=wtext, when_cap=_cap(wtext), **fmt))
        self.n_facts += 1
        f = PlantedFact(
            fact_id=f"{self.p.question_id}:f{self.n_facts}", subject=subject, predicate=predicate, value=value,
            text=text, slot=s, role=role, supersedes=supersedes, attributes=dict(attributes or {}),
            valid_from=(when[1].isoformat() if when else self.p.dates[s].date().isoformat()),
            time_expression=(wtext or None), date_granularity=(when[2] if when else "session"),
        )
        self.p.reserved.add(predicate)
        if evidence:
            self.slot(s, "evidence").facts.append(f)
        else:
            self.slot(s, "distractor").facts.append(f)
            self.p.distractor_facts.append(f)
        return f

    def distract(self, sentence: str, lo: float = 0.0, hi: float = 1.0) -> None:
        s = self.take(lo, hi)
        self.slot(s, "distractor").sentences.append(sentence)

    def name(self) -> str:
        return str(self.r.choice(self.v.names))


# ---- per-type builders ---------------------------------------------------------------------
