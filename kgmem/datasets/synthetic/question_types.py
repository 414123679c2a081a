"""One builder per LongMemEval question type (and the background facts every haystack gets):
what is planted where, and how the gold answer is computed from it.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from kgmem.datasets.synthetic import families as F
from kgmem.datasets.synthetic import templates as T
from kgmem.datasets.synthetic import vocab as V
from kgmem.datasets.synthetic.builder import _Builder
from kgmem.datasets.synthetic.planning import (
    ABSTENTION_ANSWER,
    PlantedFact,
    _cap,
    _the,
    _your,
    fmt_date,
    fmt_days,
)

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


# long: seven temporal sub-kinds drawing from one random stream in a fixed order; the draw order
# is what keeps generated files byte-identical, so the branches stay together
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
