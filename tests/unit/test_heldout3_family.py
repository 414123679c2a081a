"""The third held-out template family ("heldout3"): every key the generator asks for, slots it
fills, phrasings no other family has, and every template renders.

Only this test and the generator import the family's modules; a failure names the key and the
rule broken (the template itself is shown only for a slot or rendering error, which the
family's author fixes).
"""

from __future__ import annotations

import re
import string
from pathlib import Path
from typing import Any

import pytest
from conftest import strings_in

from kgmem.datasets.synthetic import heldout3_templates as H3
from kgmem.datasets.synthetic import heldout_templates as H
from kgmem.datasets.synthetic import templates as T
from kgmem.datasets.synthetic import vocab as V
from kgmem.datasets.synthetic.planning import _APPROX_WHEN, _EXACT_WHEN, _WEEKDAYS, _cap

#: the dev family's question keys that only pass a knowledge-update question through
KU_PASS_THROUGH = {"ku.current", "ku.previous", "ku.when"}


def _slots(tpl: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(tpl) if f}


def _dev_slots(kind: str) -> tuple[set[str], set[str]]:
    """(slots some dev template of ``kind`` uses, slots every dev template of ``kind`` uses)."""
    sets = [_slots(t) for fam in T.FACTS[kind].values() for t in fam]
    return set().union(*sets), set.intersection(*sets)


def test_every_key_the_generator_asks_for() -> None:
    assert set(H3.FACTS_HELDOUT3) == set(T.FACTS)
    assert set(H3.QUESTIONS_HELDOUT3) == set(T.QUESTIONS) - KU_PASS_THROUGH
    assert set(H3.QUESTIONS_HELDOUT3) == set(H.QUESTIONS_HELDOUT)  # the keys families.question_template reads
    assert set(H3.KU_QUESTIONS_HELDOUT3) == set(T.KU_QUESTIONS["a"])
    assert set(H3.SSP_REQUESTS_HELDOUT3) == {d for d, _, _, _ in V.PREFERENCE_DOMAINS}
    assert all(len(t) >= 5 for t in H3.FACTS_HELDOUT3.values())
    assert all(len(q) >= 3 for q in H3.QUESTIONS_HELDOUT3.values())
    assert all(len(part) >= 2 for parts in H3.KU_QUESTIONS_HELDOUT3.values() for part in parts)
    assert all(len(parts) == 3 for parts in H3.KU_QUESTIONS_HELDOUT3.values())
    assert all(len(r) >= 2 for r in H3.SSP_REQUESTS_HELDOUT3.values())


def test_slots_are_the_dev_familys() -> None:
    """A fact template uses only slots the dev family fills for its kind, keeps the slots every dev
    template of the kind has (the store and price of a purchase, the species of a pet …), and a
    dated event keeps its time expression (the gold dates the event by it)."""
    for kind, tpls in H3.FACTS_HELDOUT3.items():
        known, always = _dev_slots(kind)
        dated = {"when", "when_cap"} <= known and all(_slots(t) & {"when", "when_cap"}
                                                      for fam in T.FACTS[kind].values() for t in fam)
        for t in tpls:
            got = _slots(t)
            assert got <= known, (kind, t, got - known)
            assert always - {"when", "when_cap"} <= got, (kind, t)
            assert not dated or got & {"when", "when_cap"}, (kind, t)
    for key, qs in H3.QUESTIONS_HELDOUT3.items():
        sets = [_slots(t) for fam in T.QUESTIONS[key].values() for t in fam]
        for q in qs:
            assert set().union(*sets) >= _slots(q) >= set.intersection(*sets), (key, q)
    for pred, (cur, prev, when) in H3.KU_QUESTIONS_HELDOUT3.items():
        assert all(not _slots(q) for q in cur), pred
        assert all(_slots(q) == {"v"} for q in prev + when), pred


def test_undated_sentences_carry_no_other_day() -> None:
    """Only an event's {when} dates it: a state, change or undated-event template names none of
    the generator's day expressions (except the session's own day), so the gold stays right."""
    days = {w for w, back in _EXACT_WHEN + _APPROX_WHEN if back} | set(_WEEKDAYS)
    pattern = re.compile(r"\b(" + "|".join(re.escape(d) for d in sorted(days)) + r")\b", re.IGNORECASE)
    for kind, tpls in H3.FACTS_HELDOUT3.items():
        for t in tpls:
            if not _slots(t) & {"when", "when_cap", "date"}:
                assert not pattern.search(t), (kind, t)


def _other_families(said_only: bool = False) -> set[str]:
    """Every string of the other families: the dev module's tables and each other row of the family
    table; ``said_only``: only what is written into sessions (no question is ever softened)."""
    from kgmem.datasets.synthetic import families as F

    out = set(strings_in([vars(T)[k] for k in vars(T) if k.isupper() and not (said_only and "QUESTIONS" in k)]))
    for name, fam in F.TABLE.items():
        if name != "heldout3":
            out |= set(strings_in(dict(fam.facts) if said_only else
                            [dict(fam.facts), dict(fam.questions), dict(fam.ku_questions), dict(fam.ssp_requests)]))
    return out


def test_phrasings_are_new() -> None:
    """No heldout3 string equals one of another family (compared, never shown)."""
    others = _other_families() | {r for _, _, _, reqs in V.PREFERENCE_DOMAINS for r in reqs}
    norm = lambda x: " ".join(x.lower().split())  # noqa: E731
    mine = set(strings_in([H3.FACTS_HELDOUT3, H3.QUESTIONS_HELDOUT3, H3.KU_QUESTIONS_HELDOUT3, H3.SSP_REQUESTS_HELDOUT3]))
    clashes = len({norm(x) for x in mine} & {norm(x) for x in others})
    assert clashes == 0, f"{clashes} heldout3 phrasing(s) equal another family's"


def test_starts_change_no_earlier_sentence() -> None:
    """soften() lower-cases a sentence that opens with a listed start when it is embedded mid-turn:
    heldout3's starts open no sentence of another family, no value a sentence may open with and no
    time expression (so no other family's output changed), and every worded heldout3 sentence the
    user says opens with a listed start (or "I", which stays capitalised)."""
    from kgmem.datasets.synthetic.families import TABLE
    from kgmem.datasets.synthetic.render import _COMMON_STARTS
    heldout3_starts = TABLE["heldout3"].starts

    said = _other_families(said_only=True)
    said |= set(strings_in([vars(V)[k] for k in vars(V) if k.isupper()]))
    said |= {w for w, _ in _EXACT_WHEN + _APPROX_WHEN} | {f"last {d}" for d in _WEEKDAYS}
    collide = [s for s in heldout3_starts if any(_cap(x).startswith(s) for x in said)]
    assert not collide, collide
    user_said = [t for k, ts in H3.FACTS_HELDOUT3.items() if k != "assistant_recommended" for t in ts]
    worded = [_cap(t) for t in user_said if not t.startswith(("{", "$"))]
    assert all(t.startswith((*_COMMON_STARTS, "I ", "HR ")) for t in worded)


def test_split_is_valid_and_its_gold_recomputes(tmp_path: Path) -> None:
    """A heldout3 split: LongMemEval format, schema-valid gold whose answers recompute from the planted
    facts and session dates (the generator's own checks, shared with test_synthetic.py), every type."""
    import json

    import jsonschema
    import test_synthetic as TS  # the shared checks, one copy (tests/unit is on the path)

    out, _, gold = TS._gen(tmp_path, "h3", haystacks=30, seed=17, sessions_per_haystack=10, families="heldout3",
                           min_per_type=4, min_abs=3)
    data, g = json.loads(out.read_text()), json.loads(gold.read_text())
    jsonschema.validate(g, TS.SCHEMA)
    TS._check_format(data)
    TS._check_gold(data, g)
    assert {q["template_family"] for q in g["questions"].values()} == {"heldout3"}
    assert {r["question_type"] for r in data} == set(TS.TYPE_COUNTS)


_FILL: dict[str, Any] = {
    "when": "two days ago", "when_cap": "Two days ago", "store": V.STORES[0], "price": 120, "species": "cat",
    "rel": "aunt", "ctx": "a rainy weekend", "alts": "Circe or Dune", "date": "March 5, 2023", "anchor": V.CITIES[0],
    "item": "the standing desk", "cat": "book", "noun": "books", "verb_ing": "reading", "verb_pp": "read",
    "A": "my trip to Porto", "B": "the day I got my flu shot", "C": "the Coldplay concert", "vp": "went to Porto",
}
_VALUES: dict[str, tuple[Any, ...]] = {
    "visited": V.CITIES, "attended": V.EVENTS, "event": V.LIFE_EVENTS, "bought": tuple(p for p, _ in V.PURCHASES),
    "read_book": V.BOOKS, "watched": V.FILMS, "lives_in": V.CITIES, "works_at": V.EMPLOYERS,
    "job_title": V.JOB_TITLES, "drives": V.CARS, "phone": V.PHONES, "gym": V.GYMS, "commute": V.COMMUTES,
    "rent": V.RENTS, "reading_goal": V.READING_GOALS, "running_pb": V.RUN_PBS, "salary": V.SALARIES,
    "pet_name": V.PET_NAMES, "family_member": V.FIRST_NAMES, "hometown": V.CITIES, "allergic_to": V.ALLERGIES,
    "plays_instrument": V.INSTRUMENTS, "speaks_language": V.LANGUAGES, "favourite_drink": V.DRINKS,
    "likes": V.MUSIC, "dislikes": V.FOODS, "assistant_recommended": V.BOOKS, "anchor_trip": V.CITIES,
    "anchored_event": V.LIFE_EVENTS,
}


@pytest.mark.parametrize("kind", sorted(T.FACTS))
def test_every_fact_template_renders(kind: str) -> None:
    values = _VALUES[kind.split(".")[0]]
    for i, t in enumerate(H3.FACTS_HELDOUT3[kind]):
        v, old = values[i % len(values)], values[(i + 1) % len(values)]
        text = _cap(t.format(v=v, old=old, **_FILL))
        assert "{" not in text and "}" not in text and "  " not in text, (kind, text)
        assert (str(v) in text or text.startswith(_cap(str(v)))) and text == text.strip(), (kind, text)


def test_every_question_renders() -> None:
    for key, qs in H3.QUESTIONS_HELDOUT3.items():
        for q in qs:
            text = q.format(**_FILL)
            assert "{" not in text and text.rstrip().endswith(("?", ".")), (key, text)
    for pred, parts in H3.KU_QUESTIONS_HELDOUT3.items():
        for q in strings_in(parts):
            assert q.format(v="X").endswith("?"), (pred, q)
    for domain, reqs in H3.SSP_REQUESTS_HELDOUT3.items():
        assert all(r.endswith(("?", ".")) for r in reqs), domain
