"""Question plans: type mix, timeline, planted facts and computed gold answers (no filler text).

A plan is everything about one haystack except the filler prose: the question, its computed
answer, which session slots carry evidence or distractors, and the facts planted there. Planning
is cheap, so proportion checks at N=500 run on plans alone.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Literal

from kgmem.datasets.synthetic import families as F
from kgmem.datasets.synthetic import templates as T
from kgmem.datasets.synthetic import vocab as V
from kgmem.predicates import REGISTRY

GENERATOR_VERSION = "1.1.0"
#: label the random streams and ids are keyed by; kept at "1.0.0" when 1.1.0 added the heldout2
#: family so that dev and heldout questions stay byte-identical (output changes bump
#: GENERATOR_VERSION; change this only when every stream should change)
STREAM_KEY = "1.0.0"

#: LongMemEval_S type mix (of 500)
TYPE_COUNTS: dict[str, int] = {
    "temporal-reasoning": 133,
    "multi-session": 133,
    "knowledge-update": 78,
    "single-session-user": 70,
    "single-session-assistant": 56,
    "single-session-preference": 30,
}
ABSTENTION_SHARE = 30 / 500
ABSTENTION_ANSWER = "You did not mention this information."
Families = F.Families
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# exact relative expressions: (text, days before the session date)
_EXACT_WHEN: tuple[tuple[str, int], ...] = (
    ("today", 0), ("this morning", 0), ("yesterday", 1), ("two days ago", 2), ("the day before yesterday", 2),
    ("three days ago", 3), ("four days ago", 4),
)
# fuzzy ones: only used where the answer does not hinge on the exact day
_APPROX_WHEN: tuple[tuple[str, int], ...] = (("last week", 7), ("a couple of weeks ago", 14), ("a few days ago", 3))


def rng_for(seed: int, *labels: object) -> random.Random:
    """An independent, reproducible random stream for (generator version, seed, labels)."""
    key = "|".join([STREAM_KEY, str(seed), *map(str, labels)])
    return random.Random(int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big"))


def hex_id(seed: int, *labels: object, n: int = 8) -> str:
    """A deterministic hex id for (version, seed, labels)."""
    key = "|".join([STREAM_KEY, str(seed), *map(str, labels)])
    return hashlib.sha256(key.encode()).hexdigest()[:n]


def fmt_date(d: date) -> str:
    """Human date used in answers: ``March 5, 2023``."""
    return f"{d.strftime('%B')} {d.day}, {d.year}"


def fmt_days(n: int, unit: str = "day") -> str:
    return f"{n} {unit}" + ("" if n == 1 else "s")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _the(noun: str) -> str:
    """'a Coldplay concert' → 'the Coldplay concert' (for questions)."""
    for art in ("a ", "an "):
        if noun.startswith(art):
            return "the " + noun[len(art):]
    return noun


def _your(text: str) -> str:
    return text.replace("my ", "your ").replace("I ", "you ")


@dataclass
class PlantedFact:
    """A fact the generator put into a session (gold for extraction and answer checks)."""

    fact_id: str
    subject: str
    predicate: str
    value: str
    text: str
    slot: int  # session slot in the haystack timeline
    role: str = "user"
    valid_from: str | None = None  # ISO date it became true
    time_expression: str | None = None
    date_granularity: str = "session"  # day | approx | session
    supersedes: str | None = None
    attributes: dict[str, str] = field(default_factory=dict)
    # filled at render time
    session_id: str = ""
    turn_index: int = -1
    observed_at: str = ""

    def to_gold(self) -> dict[str, Any]:
        return {
            "fact_id": self.fact_id, "subject": self.subject, "predicate": self.predicate,
            "value": self.value, "value_type": REGISTRY[self.predicate].value_type,
            "text": self.text, "role": self.role, "session_id": self.session_id,
            "turn_index": self.turn_index, "observed_at": self.observed_at,
            "valid_from": self.valid_from, "time_expression": self.time_expression,
            "date_granularity": self.date_granularity, "supersedes": self.supersedes,
            "attributes": dict(sorted(self.attributes.items())),
        }


@dataclass
class SlotPlan:
    """One personal session in the timeline: its sentences (evidence or distractor)."""

    slot: int
    kind: Literal["evidence", "distractor", "background"]
    facts: list[PlantedFact] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)  # distractor sentences (never evidence)
    #: assistant-said evidence: (user request, assistant sentence)
    assistant: tuple[str, str] | None = None


@dataclass
class QuestionPlan:
    index: int
    question_id: str
    question_type: str
    abstention: bool
    family: F.Family
    question: str = ""
    answer: str | int = ""
    question_date: datetime = datetime(2023, 1, 1)
    dates: list[datetime] = field(default_factory=list)  # one per session slot, ascending
    slots: dict[int, SlotPlan] = field(default_factory=dict)
    operation: dict[str, Any] = field(default_factory=dict)
    rubric: dict[str, list[str]] | None = None
    computable: bool = False
    distractor_facts: list[PlantedFact] = field(default_factory=list)
    #: true facts about the user that the question does not ask about (other personal sessions)
    background_facts: list[PlantedFact] = field(default_factory=list)
    #: predicates the question touches (background sessions never plant these)
    reserved: set[str] = field(default_factory=set)

    @property
    def evidence_slots(self) -> list[int]:
        return sorted(s for s, p in self.slots.items() if p.kind == "evidence")

    @property
    def facts(self) -> list[PlantedFact]:
        return [f for s in self.evidence_slots for f in self.slots[s].facts]


def type_mix(n: int, rng: random.Random, min_per_type: int = 0, min_abs: int = 0) -> list[tuple[str, bool]]:
    """The ordered (type, abstention) list for ``n`` questions in LongMemEval_S proportions."""
    total = sum(TYPE_COUNTS.values())
    raw = {t: n * c / total for t, c in TYPE_COUNTS.items()}
    counts = {t: int(v) for t, v in raw.items()}
    # largest remainder; ties broken by the fixed TYPE_COUNTS order
    for t in sorted(raw, key=lambda t: -(raw[t] - counts[t]))[: n - sum(counts.values())]:
        counts[t] += 1
    for t in counts:  # small splits: guarantee every type, taking from the largest
        while counts[t] < min_per_type and n >= min_per_type * len(counts):
            donor = max(counts, key=lambda k: counts[k])
            counts[donor] -= 1
            counts[t] += 1
    items = [t for t in TYPE_COUNTS for _ in range(counts[t])]
    rng.shuffle(items)
    n_abs = max(round(n * ABSTENTION_SHARE), min_abs) if n else 0
    # abstention questions: spread over the five non-preference types in turn
    abs_types = [t for t in TYPE_COUNTS if t != "single-session-preference"]
    rng.shuffle(abs_types)
    chosen: set[int] = set()
    k = 0
    while len(chosen) < min(n_abs, sum(1 for t in items if t in abs_types)):
        want = abs_types[k % len(abs_types)]
        cands = [i for i, t in enumerate(items) if t == want and i not in chosen]
        if cands:
            chosen.add(rng.choice(cands))
        k += 1
    return [(t, i in chosen) for i, t in enumerate(items)]


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
_SSU_KINDS = ("pet_name", "family_member", "hometown", "allergic_to", "plays_instrument", "speaks_language",
              "favourite_drink", "bought_store", "bought_price")
_SPECIES = ("dog", "cat", "rabbit", "parrot", "hamster", "tortoise")


def _ssu(b: _Builder) -> None:
    p, v, r = b.p, b.v, b.r
    kind = r.choice(("pet_name", "family_member", "bought_store") if p.abstention else _SSU_KINDS)
    s = b.take()
    if kind in ("bought_store", "bought_price"):
        (item, price), store = r.choice(v.purchases), r.choice(v.stores)
        w = b.when(s, exact=False)
        attrs = {"store": store, "price": str(price)}
        if p.abstention:
            other = r.choice([x for x, _ in v.purchases if x != item])
            b.fact(s, "bought", "bought", item, when=w, attributes=attrs, evidence=False, price=price, store=store)
            b.distract(T.SSU_DISTRACTORS["bought"][0].format(x=other, name=b.name()))
            p.question = b.question_text("ssu.bought_store", item=_the(other))
            p.answer = f"{ABSTENTION_ANSWER} You mentioned looking at {other}, but not buying it."
            p.operation = {"op": "abstain", "near": other}
            return
        f = b.fact(s, "bought", "bought", item, when=w, attributes=attrs, price=price, store=store)
        p.question = b.question_text(f"ssu.{kind}", item=_the(item))
        p.answer = store if kind == "bought_store" else f"${price}"
        p.operation = {"op": "attribute", "fact": f.fact_id, "attribute": "store" if kind == "bought_store" else "price"}
        b.distract(T.SSU_DISTRACTORS["bought"][1].format(x=item, name=b.name()))
        return
    values = {"pet_name": v.pets, "family_member": v.names, "hometown": v.cities, "allergic_to": v.allergies,
              "plays_instrument": v.instruments, "speaks_language": v.languages, "favourite_drink": v.drinks}[kind]
    species, rel = r.choice(_SPECIES), r.choice(V.RELATIVES)
    if kind == "family_member" and rel in V.RELATIVE_GENDER:  # a sister gets a woman's name
        allowed = V.FEMALE_NAMES if V.RELATIVE_GENDER[rel] == "f" else V.MALE_NAMES
        values = [x for x in values if x in allowed]
    value, other = r.sample(values, 2)
    attrs = {"species": species} if kind == "pet_name" else {"relation": rel} if kind == "family_member" else {}
    predicate = {"pet_name": "pet_name", "family_member": "family_member"}.get(kind, kind)
    if p.abstention:
        b.fact(s, kind, predicate, value, attributes=attrs, evidence=False, species=species, rel=rel)
        if kind == "pet_name":
            asked = r.choice([x for x in _SPECIES if x != species])
            p.question = b.question_text("ssu.pet_name", species=asked)
            p.answer = f"{ABSTENTION_ANSWER} You mentioned your {species} {value}, but not a {asked}."
        else:
            asked = r.choice([x for x in V.RELATIVES if x != rel])
            p.question = b.question_text("ssu.family_member", rel=asked)
            p.answer = f"{ABSTENTION_ANSWER} You mentioned your {rel} {value}, but not your {asked}."
        p.operation = {"op": "abstain", "near": value}
        return
    f = b.fact(s, kind, predicate, value, attributes=attrs, species=species, rel=rel)
    p.question = b.question_text(f"ssu.{kind}", species=species, rel=rel)
    p.answer = value
    p.operation = {"op": "lookup", "fact": f.fact_id}
    d_rel = r.choice([x for x in V.RELATIVES if x != rel])
    b.distract(r.choice(T.SSU_DISTRACTORS[kind]).format(x=other, name=b.name(), species=species, rel=d_rel))


_SSA_CATS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("book", "books", ("a long flight", "my book club's next pick", "a rainy weekend")),
    ("restaurant", "restaurants", ("dinner in {city}", "a date night in {city}", "lunch near the station in {city}")),
    ("hiking trail", "trails", ("a day hike near {city}", "an easy walk near {city}")),
    ("podcast", "podcasts", ("my commute", "learning about economics", "a long drive")),
    ("board game", "games", ("a game night with four friends", "playing with my parents")),
    ("recipe", "dishes", ("a weeknight dinner", "a dinner party for six", "meal prep on Sunday")),
)


def _ssa(b: _Builder) -> None:
    p, v, r = b.p, b.v, b.r
    cats = list(_SSA_CATS)
    r.shuffle(cats)
    (cat, attr, ctxs), (other_cat, _other_attr, other_ctxs) = cats[0], cats[1]
    city = r.choice(v.cities)
    ctx = r.choice(ctxs).format(city=city)
    pool: list[str] = getattr(v, attr)
    picks = r.sample(pool, 4)
    s = b.take()
    request = r.choice(("Can you recommend a {c} for {x}?", "I need a {c} suggestion for {x}.", "What {c} would you pick for {x}?")).format(c=cat, x=ctx)
    text = b.template("assistant_recommended").format(v=picks[0], ctx=ctx, alts=f"{picks[1]} or {picks[2]}")
    f = PlantedFact(fact_id=f"{p.question_id}:f1", subject="assistant", predicate="assistant_recommended",
                    value=picks[0], text=text, slot=s, role="assistant", attributes={"category": cat, "context": ctx},
                    valid_from=p.dates[s].date().isoformat())
    b.n_facts = 1
    sp = b.slot(s, "distractor" if p.abstention else "evidence")
    sp.assistant = (request, text)
    sp.facts.append(f)
    if p.abstention:
        p.distractor_facts.append(f)
        p.question = b.question_text("ssa", cat=other_cat, ctx=ctx)
        p.answer = f"{ABSTENTION_ANSWER} I recommended a {cat} for {ctx}, but no {other_cat}."
        p.operation = {"op": "abstain", "near": picks[0]}
        return
    p.question = b.question_text("ssa", cat=cat, ctx=ctx)
    p.answer = picks[0]
    p.operation = {"op": "lookup", "fact": f.fact_id}
    # hard negative: the same kind of recommendation in another context
    s2 = b.take()
    ctx2 = r.choice([c for c in ctxs if c.format(city=city) != ctx] or list(other_ctxs)).format(city=r.choice(v.cities))
    req2 = f"Can you recommend a {cat} for {ctx2}?"
    alt = r.sample([x for x in pool if x not in picks[:1]], 3)
    txt2 = T.FACTS["assistant_recommended"]["a"][0].format(v=alt[0], ctx=ctx2, alts=f"{alt[1]} or {alt[2]}")
    d = PlantedFact(fact_id=f"{p.question_id}:d1", subject="assistant", predicate="assistant_recommended", value=alt[0],
                    text=txt2, slot=s2, role="assistant", attributes={"category": cat, "context": ctx2},
                    valid_from=p.dates[s2].date().isoformat())
    sp2 = b.slot(s2, "distractor")
    sp2.assistant = (req2, txt2)
    sp2.facts.append(d)
    p.distractor_facts.append(d)


def _ssp(b: _Builder) -> None:
    p, r = b.p, b.r
    domain, likes, dislikes, requests = r.choice(V.PREFERENCE_DOMAINS)
    liked = r.sample(likes, 2)
    disliked = r.choice(dislikes)
    s = b.take()
    for x in liked:
        b.fact(s, "likes", "likes", x, attributes={"domain": domain})
    b.fact(s, "dislikes", "dislikes", disliked, attributes={"domain": domain})
    p.question = F.ssp_request(p.family, domain, requests, r)
    p.rubric = {"prefer": list(liked), "avoid": [disliked]}
    p.answer = (f"The user would prefer suggestions that involve {liked[0]} and {liked[1]}. "
                f"They might not prefer suggestions that involve {disliked}.")
    p.operation = {"op": "preference_rubric", "domain": domain}
    other = r.choice([x for x in likes if x not in liked])
    b.distract(f"My friend {b.name()} is really into {other}, but that's more her thing.")


_EVENT_KINDS = ("visited", "attended", "event", "bought")


def _event(b: _Builder, s: int, kind: str, exact: bool = True, value: str | None = None) -> tuple[PlantedFact, str, str]:
    """Plant a dated event; returns (fact, noun phrase for questions, verb phrase)."""
    v, r = b.v, b.r
    w = b.when(s, exact)
    if kind == "visited":
        city = value or r.choice(v.cities)
        f = b.fact(s, "visited", "visited", city, when=w)
        return f, f"my trip to {city}", f"went to {city}"
    if kind == "attended":
        ev = value or r.choice(v.events)
        f = b.fact(s, "attended", "attended", ev, when=w)
        return f, _the(ev), f"went to {_the(ev)}"
    if kind == "event":
        le = value or r.choice(v.life)
        f = b.fact(s, "event", "event", le, when=w)
        return f, f"the day I {le}", le
    item, price = next(((i, pr) for i, pr in v.purchases if i == value), None) or r.choice(v.purchases)
    store = r.choice(v.stores)
    f = b.fact(s, "bought", "bought", item, when=w, attributes={"store": store, "price": str(price)}, price=price, store=store)
    return f, f"the day I bought {item}", f"bought {item}"


def _distinct_events(b: _Builder, k: int) -> list[tuple[str, str]]:
    """k (kind, value) pairs with distinct values."""
    out: list[tuple[str, str]] = []
    used: set[str] = set()
    while len(out) < k:
        kind = b.r.choice(_EVENT_KINDS)
        val = {"visited": b.v.cities, "attended": b.v.events, "event": b.v.life,
               "bought": [i for i, _ in b.v.purchases]}[kind]
        x = b.r.choice(val)
        if x not in used:
            used.add(x)
            out.append((kind, x))
    return out


def _temporal(b: _Builder) -> None:
    p, r = b.p, b.r
    qd = p.question_date.date()
    op = r.choices(("days_between", "weeks_between", "which_first", "days_ago", "weeks_ago", "event_date", "order3"),
                   weights=(25, 10, 20, 15, 10, 12, 8))[0]
    if p.abstention:
        (k1, x1), (k2, x2) = _distinct_events(b, 2)
        s = b.take()
        fa, na, _ = _event(b, s, k1, value=x1)
        p.slots[s].kind = "distractor"
        p.distractor_facts.append(fa)
        nb = {"visited": f"my trip to {x2}", "attended": _the(x2), "event": f"the day I {x2}", "bought": f"the day I bought {x2}"}[k2]
        b.distract({"visited": T.DISTRACTORS["visited"][1], "attended": T.DISTRACTORS["attended"][1],
                    "event": T.DISTRACTORS["event"][0], "bought": T.DISTRACTORS["bought"][0]}[k2].format(v=x2, name=b.name()))
        p.reserved.add(k2)  # nothing may later plant the event asked about
        p.question = b.question_text("tr.days_between", A=na, B=nb)
        p.answer = f"{ABSTENTION_ANSWER} You mentioned {_your(na)}, but not {_your(nb)}."
        p.operation = {"op": "abstain", "near": x1}
        return
    p.computable = True
    if op == "event_date":
        if r.random() < 0.5:  # anchored: "the day before my trip to X" + trip date told elsewhere
            s1, s2 = b.take(0.0, 0.45), b.take(0.55, 1.0)
            city = r.choice(b.v.cities)
            trip = p.dates[s2].date() - timedelta(days=r.randint(1, 4))
            trip = max(trip, p.dates[s1].date() + timedelta(days=3))
            fa = b.fact(s1, "anchor_trip", "visited", city, when=None, date=fmt_date(trip))
            fa.valid_from, fa.time_expression, fa.date_granularity = trip.isoformat(), fmt_date(trip), "day"
            le = r.choice(b.v.life)
            fb = b.fact(s2, "anchored_event", "event", le, anchor=city)
            ev = trip - timedelta(days=1)
            fb.valid_from, fb.time_expression, fb.date_granularity = ev.isoformat(), f"the day before my trip to {city}", "day"
            fb.attributes["anchor"] = fa.fact_id
            p.question = b.question_text("tr.event_date", vp=le)
            p.answer = fmt_date(ev)
            p.operation = {"op": "event_date", "fact": fb.fact_id, "anchor": fa.fact_id, "offset_days": -1}
            return
        s = b.take()
        (k1, x1), = _distinct_events(b, 1)
        fa, _, vp = _event(b, s, k1, value=x1)
        p.question = b.question_text("tr.event_date", vp=vp)
        p.answer = fmt_date(date.fromisoformat(fa.valid_from or ""))
        p.operation = {"op": "event_date", "fact": fa.fact_id}
        return
    if op in ("days_ago", "weeks_ago"):
        s = b.take(0.1, 0.95)
        (k1, x1), = _distinct_events(b, 1)
        fa, na, _ = _event(b, s, k1, value=x1)
        days = (qd - date.fromisoformat(fa.valid_from or "")).days
        if op == "weeks_ago":
            p.answer = fmt_days(round(days / 7), "week")
        else:
            p.answer = fmt_days(days)
        p.question = b.question_text(f"tr.{op}", A=na)
        p.operation = {"op": op, "facts": [fa.fact_id], "days": days}
        b.distract(T.DISTRACTORS[k1][0].format(v=x1, name=b.name()) if k1 != "bought" else T.DISTRACTORS["bought"][1].format(v=x1))
        return
    k = 3 if op == "order3" else 2
    events = _distinct_events(b, k)
    bounds = [(i / k, (i + 1) / k) for i in range(k)]
    planted = []
    for (kind, x), (lo, hi) in zip(events, bounds, strict=False):
        s = b.take(lo, hi)
        planted.append(_event(b, s, kind, exact=op != "which_first", value=x))
    if r.random() < 0.5:  # tell the later event first in the question half the time
        planted_q = list(reversed(planted))
    else:
        planted_q = list(planted)
    dates_ = [date.fromisoformat(f.valid_from or "") for f, _, _ in planted]
    ids = [f.fact_id for f, _, _ in planted_q]
    if op in ("days_between", "weeks_between"):
        days = abs((dates_[1] - dates_[0]).days)
        p.answer = fmt_days(days) if op == "days_between" else fmt_days(round(days / 7), "week")
        p.question = b.question_text(f"tr.{op}", A=planted_q[0][1], B=planted_q[1][1])
        p.operation = {"op": op, "facts": ids, "days": days}
    elif op == "which_first":
        first = min(planted, key=lambda e: e[0].valid_from or "")
        p.answer = _cap(_your(first[1]))
        p.question = b.question_text("tr.which_first", A=planted_q[0][1], B=planted_q[1][1])
        p.operation = {"op": "which_first", "facts": ids, "first": first[0].fact_id}
    else:
        ordered = sorted(planted, key=lambda e: e[0].valid_from or "")
        p.answer = ", then ".join(_your(e[1]) for e in ordered)
        p.answer = _cap(p.answer)
        p.question = b.question_text("tr.order3", A=planted_q[0][1], B=planted_q[1][1], C=planted_q[2][1])
        p.operation = {"op": "order", "facts": ids, "order": [e[0].fact_id for e in ordered]}
    kind0, x0 = events[0]
    b.distract(T.DISTRACTORS[kind0][1].format(v=x0, name=b.name()))


_MS_KINDS: dict[str, tuple[str, str, str]] = {
    "read_book": ("books", "reading", "read"), "watched": ("films or shows", "watching", "watched"),
    "attended": ("events", "attending", "attended"), "bought": ("things", "buying", "bought"),
    "visited": ("cities", "visiting", "visited"),
}


def _multi(b: _Builder) -> None:
    p, v, r = b.p, b.v, b.r
    op = r.choices(("count", "sum", "list"), weights=(50, 30, 20))[0]
    k = r.randint(2, 4)
    kind = "bought" if op == "sum" else "visited" if op == "list" else r.choice(sorted(_MS_KINDS))
    pool: list[Any] = {"read_book": v.books, "watched": v.films, "attended": v.events,
                       "bought": v.purchases, "visited": v.cities}[kind]
    values = r.sample(pool, k + 1)
    spare = values.pop()
    bounds = [(i / k, (i + 1) / k) for i in range(k)]
    facts: list[PlantedFact] = []
    if p.abstention:
        p.reserved.add(kind)
        item = spare[0] if kind == "bought" else spare
        for val in values[:2]:
            s = b.take()
            if kind == "bought":
                f, _, _ = _event(b, s, "bought", exact=False, value=val[0])
            elif kind in ("visited", "attended"):
                f, _, _ = _event(b, s, kind, exact=False, value=val)
            else:
                f = b.fact(s, kind, kind, val)
            p.slots[s].kind = "distractor"
            p.distractor_facts.append(f)
        b.distract(T.DISTRACTORS["bought"][0].format(v=item) if kind == "bought" else T.DISTRACTORS[kind][2 if kind != "attended" else 1].format(v=item, name=b.name()))
        p.question = f"How much did I spend on {item}?" if kind == "bought" else f"When did I {_MS_KINDS[kind][2].replace('attended', 'attend').replace('visited', 'visit').replace('watched', 'watch')} {_the(item)}?"
        p.answer = f"{ABSTENTION_ANSWER} You mentioned {item}, but never said you {_MS_KINDS[kind][2]} it."
        p.operation = {"op": "abstain", "near": item}
        return
    p.computable = True
    for val, (lo, hi) in zip(values, bounds, strict=False):
        s = b.take(lo, hi)
        if kind == "bought":
            f, _, _ = _event(b, s, "bought", exact=False, value=val[0])
            sp = b.fact(s, "bought", "spent", f.attributes["price"], when=None, evidence=True,
                        price=f.attributes["price"], store=f.attributes["store"])
            # the spent fact shares the bought sentence: same words, second reading of it
            b.p.slots[s].facts.pop()
            sp.text = f.text
            sp.valid_from, sp.time_expression, sp.date_granularity = f.valid_from, f.time_expression, f.date_granularity
            sp.attributes = {"on": val[0]}
            f.attributes["spent_fact"] = sp.fact_id
            b.p.slots[s].facts.append(sp)
        elif kind in ("visited", "attended"):
            f, _, _ = _event(b, s, kind, exact=False, value=val)
        else:
            f = b.fact(s, kind, kind, val)
        facts.append(f)
    noun, ving, vpp = _MS_KINDS[kind]
    if op == "count":
        p.question = b.question_text("ms.count", noun=noun, verb_ing=ving, verb_pp=vpp)
        p.answer = len(facts)
        p.operation = {"op": "count", "facts": [f.fact_id for f in facts]}
    elif op == "sum":
        total = sum(int(f.attributes["price"]) for f in facts)
        p.question = b.question_text("ms.sum")
        p.answer = f"${total:,}"
        p.operation = {"op": "sum", "facts": [f.fact_id for f in facts], "attribute": "price", "total": total}
    else:
        ordered = sorted(facts, key=lambda f: (f.valid_from or "", f.slot))
        p.question = b.question_text("ms.list")
        p.answer = ", ".join(f.value for f in ordered)
        p.operation = {"op": "list", "facts": [f.fact_id for f in ordered]}
    d = spare[0] if kind == "bought" else spare
    idx = 0 if kind in ("bought", "watched") else 1
    b.distract(T.DISTRACTORS[kind][idx].format(v=d, name=b.name()))


def _knowledge_update(b: _Builder) -> None:
    p, v, r = b.p, b.v, b.r
    preds = sorted(T.KU_QUESTIONS["a"])
    pred = r.choice(preds)
    n_vals = 3 if r.random() < 0.2 else 2
    values = r.sample(v.slot_values(pred), n_vals + 1)
    other = values.pop()
    if pred in ("rent", "salary", "reading_goal"):  # raises, not cuts: the templates say "went up"
        values.sort(key=lambda x: int(x.replace(",", "")))
    elif pred == "running_pb":  # a new personal best is faster
        values.sort(reverse=True)
    if p.abstention:
        s = b.take()
        b.fact(s, f"{pred}.state", pred, values[0], evidence=False)
        asked = r.choice([x for x in preds if x != pred])
        p.reserved.add(asked)
        p.question = F.ku_question(p.family, asked, 0, r)
        p.answer = f"{ABSTENTION_ANSWER} You mentioned {T.SLOT_NOUNS[pred]}, but not {T.SLOT_NOUNS[asked]}."
        p.operation = {"op": "abstain", "near": values[0]}
        return
    p.computable = True
    bounds = [(i / n_vals, (i + 1) / n_vals) for i in range(n_vals)]
    facts: list[PlantedFact] = []
    for i, (val, (lo, hi)) in enumerate(zip(values, bounds, strict=False)):
        s = b.take(lo, hi)
        if i == 0:
            facts.append(b.fact(s, f"{pred}.state", pred, val))
        else:
            facts.append(b.fact(s, f"{pred}.change", pred, val, supersedes=facts[-1].fact_id, old=facts[-1].value))
    sub = r.choices(("current", "previous", "when"), weights=(70, 15, 15))[0]
    cur, prev = facts[-1], facts[-2]
    money = pred in ("rent", "salary")

    def show(x: str) -> str:
        return f"${x}" if money else f"{x} books" if pred == "reading_goal" else x

    if sub == "current":
        p.question, p.answer = F.ku_question(p.family, pred, 0, r), show(cur.value)
        p.operation = {"op": "latest_value", "facts": [f.fact_id for f in facts], "answer_fact": cur.fact_id}
    elif sub == "previous":
        p.question, p.answer = F.ku_question(p.family, pred, 1, r).format(v=cur.value), show(prev.value)
        p.operation = {"op": "previous_value", "facts": [f.fact_id for f in facts], "answer_fact": prev.fact_id}
    else:
        p.question = F.ku_question(p.family, pred, 2, r).format(v=cur.value)
        p.answer = fmt_date(date.fromisoformat(cur.valid_from or ""))
        p.operation = {"op": "change_date", "facts": [f.fact_id for f in facts], "answer_fact": cur.fact_id}
    b.distract(T.STATE_DISTRACTORS[pred].format(x=other, name=b.name()))


_BACKGROUND_KINDS: tuple[str, ...] = (
    "pet_name", "family_member", "hometown", "allergic_to", "plays_instrument", "speaks_language", "favourite_drink",
    "likes", "dislikes", "visited", "attended", "event", "read_book", "watched", "bought",
    "lives_in", "works_at", "job_title", "drives", "phone", "gym", "commute",
)
# predicates that imply each other: reserving one reserves the group
_LINKED = ({"bought", "spent"}, {"likes", "dislikes"}, {"visited", "lives_in", "hometown"})


def _background(b: _Builder, n_sessions: int) -> None:
    """Other personal sessions: true, unrelated facts about the user (not evidence, not asked)."""
    p, v, r = b.p, b.v, b.r
    reserved = set(p.reserved)
    for group in _LINKED:
        if reserved & group:
            reserved |= group
    kinds = [k for k in _BACKGROUND_KINDS if k not in reserved]
    used: set[str] = set()
    for _ in range(n_sessions):
        if not b.free or not kinds:
            return
        s = b.take()
        for _ in range(r.randint(1, 2)):
            fresh = [k for k in kinds if k not in used] or kinds
            kind = r.choice(fresh)
            used.add(kind)  # single-valued slots are said once, so they never conflict
            species, rel = r.choice(_SPECIES), r.choice(V.RELATIVES)
            attrs: dict[str, str] = {}
            if kind in ("visited", "attended", "event", "bought"):
                f, _, _ = _event(b, s, kind, exact=False)
                f.attributes.pop("spent_fact", None)
                p.slots[s].facts.remove(f)
            else:
                if kind in ("likes", "dislikes"):
                    domain, likes, dislikes, _ = r.choice(V.PREFERENCE_DOMAINS)
                    value, attrs = r.choice(likes if kind == "likes" else dislikes), {"domain": domain}
                elif kind == "family_member":
                    gender = V.RELATIVE_GENDER.get(rel)
                    value = r.choice(V.FEMALE_NAMES if gender == "f" else V.MALE_NAMES if gender == "m" else v.names)
                    attrs = {"relation": rel}
                elif kind in ("read_book", "watched"):
                    value = r.choice(v.books if kind == "read_book" else v.films)
                elif kind in T.KU_QUESTIONS["a"]:
                    value = r.choice(v.slot_values(kind))
                else:
                    value = r.choice({"pet_name": v.pets, "hometown": v.cities, "allergic_to": v.allergies,
                                      "plays_instrument": v.instruments, "speaks_language": v.languages,
                                      "favourite_drink": v.drinks}[kind])
                    attrs = {"species": species} if kind == "pet_name" else {}
                tkind = f"{kind}.state" if kind in T.KU_QUESTIONS["a"] else kind
                f = b.fact(s, tkind, kind, value, attributes=attrs, evidence=False, species=species, rel=rel)
                p.slots[s].facts.remove(f)
                p.distractor_facts.remove(f)
            sp = p.slots[s]
            sp.kind = "background"
            sp.facts.append(f)
            p.background_facts.append(f)


_BUILDERS = {
    "single-session-user": _ssu, "single-session-assistant": _ssa, "single-session-preference": _ssp,
    "temporal-reasoning": _temporal, "multi-session": _multi, "knowledge-update": _knowledge_update,
}


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
