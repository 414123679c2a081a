"""Counts, lists and money totals over the user's own actual events.

"How much did I spend in total?" adds what the user paid, not what a friend spent, not the
"$90 seats I nearly bought but passed on", not a plan; "how many books did I read" counts the
user's read books, each once. Every evidence line is classified (:mod:`kgmem.answer.evidence`)
and only ``actual`` lines count; facts count when the line they came from is actual.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache

from kgmem import predicates as predicate_registry
from kgmem.answer import countable, kinds, payments
from kgmem.answer.amounts import (
    amount_told,
    bare_amount,
    bare_numbers,
    currency,
    fmt_money,
    money,
    paid_amounts,
    priced_item,
    times_each,
)
from kgmem.answer.count_answer import compute_told_count
from kgmem.answer.count_question import counted_heads, question_terms, said_in_window, shared
from kgmem.answer.deterministic import Computed
from kgmem.answer.event_count import CountedEvent, role_events
from kgmem.answer.evidence import EvidenceSet, Line
from kgmem.answer.instances import marks_repeat, stated_quantity
from kgmem.answer.match import GENERIC, norm, terms
from kgmem.answer.money_questions import (
    ALL_Q,
    COUNT_Q,
    asks_money_in,
    asks_money_total,
    is_money_total,
)
from kgmem.answer.refunds import money_back, settle
from kgmem.answer.spans import typed_spans
from kgmem.answer.stays import asked_unit, compute_unit_total
from kgmem.models import Fact, QueryPlan
from kgmem.nlp import load_nlp
from kgmem.retrieval.planner import plan_notes
from kgmem.retrieval.question import CATEGORY_TYPES
from kgmem.retrieval.search import fact_date

_PAID = re.compile(r"\b(spent|spend|spending|paid|pay|paying|bought|buy|purchased|dropped|cost|costs|came to|did get|"
                   r"splurged|shelled out|ordered|picked up|got|grabbed|snagged|treat(?:ed)?|scored|invested|"
                   r"purchase|forked out|set me back|ran me|was \$|were \$|for \$|came (?:in|out) (?:at|to)|"
                   r"price tag|a steal at|totall?ed|rang up|replaced|upgraded|splashed out|went for|went with|"
                   # a repair or a replacement with its price ("they changed the pads, 45 euro", "the new
                   # tyre was 30 euro", "new one 20 euro"): what the user paid, told without "paid"
                   r"fixed|fix|repaired|repair|serviced|changed|change|"
                   r"new\s+(?:[\w-]+\s+){0,5}?(?:was|were|is|cost|came\s+to|for|:|,)?\s*[$£€]?\d)",
                   re.I)
#: question words that say "money" or "things", never which thing
_SPEND_GENERIC = {norm(w) for w in """purchase purchases thing things stuff everything item items total amount
money spend spending spent cost costs price prices dollar dollars budget sum buy bought altogether mention
mentioned told shopping expense expenses outlay haul gear equipment accessories supplies goods splurge
splurges pay paid paying add number count tally""".split()}
def _user_currency(lines: list[Line]) -> str | None:
    """The currency the user writes amounts in, when only one ("£" for "45 quid", "£18")."""
    symbols = {currency(ln.text) for ln in lines if money(ln.text)}
    return symbols.pop() if len(symbols) == 1 else None


def _after_purchase(line: Line, ev: EvidenceSet) -> bool:
    """A price told in the sentence after the purchase ("I finally bought new boots. $189, but
    worth it."): the sentence before says what was bought and has no price of its own."""
    before = [s for s in ev.turn_lines(line.turn_id) if s.position == line.position - 1]
    return bool(before) and before[0].actuality == "actual" and not money(before[0].text) and \
        ("buy" in before[0].roles or bool(_PAID.search(before[0].text)))


def _same_purchase(line: Line, amount: float, seen: dict[tuple[str, float], Line]) -> bool:
    """The same amount for the same thing told again in another session ("the $120 boots I bought
    are holding up great") is one purchase; a line telling a new occasion at the same price is
    another (:func:`_new_occasion`: three $65 sessions are $195, not $65)."""
    mine = _thing_words(line.text)
    return any(a == amount and sid != line.session_id and mine & _thing_words(other.text)
               and not _new_occasion(line, other) for (sid, a), other in seen.items())


def _new_occasion(line: Line, before: Line) -> bool:
    """``line`` tells an occasion of its own, not ``before``'s again: it marks a repeat by its
    grammar (the determiner "another", the adverb "again", an ordinal past the first: "third
    session"), puts its event on a day of its own ("this morning", "yesterday") that is not the
    day of ``before``'s event, or is a diary note with no verb ("osteo mon, $65"); never when its
    amount is one already known ("the $120 boots", "paid the $80 dentist bill this morning": a
    definite or possessive amount refers back)."""
    if _GIVEN_AMOUNT.search(line.text):
        return False  # "finally paid the $80 dentist bill this morning": the bill told before
    if line.dated_by_text and line.granularity == "day" and line.when.date() != before.when.date():
        return True
    return marks_repeat(line.text) or countable.no_verb_of_its_own(line)


#: an amount inside a noun phrase the line takes as known ("the $120 boots", "my £30 umbrella")
_GIVEN_AMOUNT = re.compile(r"\b(?:the|that|those|these|this|my|our)\s+[$£€]?\s?\d", re.I)




_FILLER = {norm(w) for w in """yesterday today tonight finally really just new great nice last week weekend month year
got get pay paid buy bought spent spend picked pick grabbed treat treated myself also still so very""".split()}


def _thing_words(text: str) -> set[str]:
    return {w for w in terms(text) - _SPEND_GENERIC - GENERIC - _FILLER if not w.isdigit() and len(w) > 2}


#: the words of :data:`_SPEND_GENERIC` that name an amount, not things ("the grand *total*"; not
#: "my outdoor *purchases*", whose modifier says the kind)
_AMOUNT_WORDS = {norm(w) for w in "total sum amount tally outlay spend".split()}


@lru_cache(maxsize=1024)
def _wording(question: str) -> frozenset[str]:
    """The words of a money question that say how it asks, not which things: its verbs ("the
    things I *got*", "what did they *add* up to", "the bills I *told* you of"; not a verb that names a
    thing: "*camping* gear") and an adjective of an amount word ("the *grand* total")."""
    out: set[str] = set()
    for t in load_nlp()(question):
        if (t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound", "nmod")) or \
                (t.dep_ == "amod" and norm(t.head.text) in _AMOUNT_WORDS):
            out |= question_terms(t.text)
    return frozenset(out)


# long: one pass over the user's lines decides each amount (its kind, money back, window, whose) against the purchases seen
def compute_spend_total(ev: EvidenceSet) -> Computed:
    """Sum the amounts the user said they paid, once per purchase (the same thing at the same price
    told in two sessions counts once), own actual clauses only."""
    plan = ev.result.plan
    out = Computed(kind="sum")
    # the question's things: its nouns and its other content words ("fair" of "my fair stalls", which
    # the parse reads as an adjective)
    objects = ({norm(n) for n in plan_notes(plan, "noun")} | {t for k in plan.keywords for t in question_terms(k)}) \
        - _SPEND_GENERIC - GENERIC - _wording(plan.question)
    users = ev.all_user_lines()
    income = asks_money_in(plan.question)  # "how much have I raised": money that came in, not money paid
    if objects and (ALL_Q.search(plan.question) or income):
        # a total over a kind the user never names in those words ("my outdoor purchases"): the
        # words no line uses say the kind, not which things
        objects = {o for o in objects if any(o in terms(ln.text) for ln in users)}
    seen: dict[tuple[str, float], Line] = {}
    unsure: list[Line] = []
    skipped = 0
    # a turn that names the thing at all (even in a question: "what pressure for a city bike?") is about it
    on_topic = {ln.turn_id for ln in users if objects & terms(ln.text)}
    # the question's own words, its verb too ("taken" of "what have my stalls taken": "Took £420")
    asked = objects | {t for k in plan.keywords for t in question_terms(k)}
    # a priced thing of the asked kind that the line does not call so ("Tent, $289" for camping gear)
    of_kind = kinds.of_kind(ev, kinds.kind_phrases(plan.question, objects), [
        ln for ln in users if ln.turn_id not in on_topic and not objects & terms(ln.text) and paid_amounts(ln.text)]) \
        if objects else set()
    bare_symbol = _user_currency(users)
    returned: list[Line] = []  # money-back lines ("sent the asics back … got the refund") and what they took out
    # a payment told without a paying verb, by meaning; the sentence after a question about a price may say it was paid
    priced = [ln for ln in users if money(ln.text)]
    after = [s for ln in priced if ln.is_request for s in ev.turn_lines(ln.turn_id) if s.position == ln.position + 1]
    vote_of = payments.votes_of(ev, priced + after)
    paying = payments.paying_lines(vote_of, priced)
    for line in sorted(users, key=lambda ln: ln.said_at):
        # a line that names the asked thing itself with an amount tells its price, paid-verb or not
        # ("Shoreham Arts Fair today: £310"; "compression socks came, 18 for two pairs")
        names_it = bool(objects and shared(objects, terms(line.text)))
        amounts = paid_amounts(line.text) or (bare_amount(line) if names_it and bare_symbol else [])
        if (names_it or line.turn_id in on_topic) and bare_symbol and not amounts and len(bare_numbers(line)) > 1 \
                and line.actuality == "actual":
            unsure.append(line)  # "gave me 30 for 2 of them": which number is the amount is open
        kind = money_back(line, ev)
        taken = settle(seen, line, amounts, kind, _thing_words, ev) if kind else None
        if taken is not None:  # listed when it took a purchase out or carried an amount about the thing
            if taken or (amounts and (names_it or line.turn_id in on_topic)):
                returned += [line] + taken
            continue
        asked_paid = line.is_request and payments.paid_after_asking(line, ev, vote_of)  # "is $45 fair …? already paid"
        if not amounts or not (names_it or shared(asked, terms(line.text)) or _PAID.search(line.text) or asked_paid
                               or _after_purchase(line, ev) or priced_item(line.text) or (line.turn_id, line.position) in paying
                               or income):
            continue
        # "sold the bike for $200", "won $50": money that came in; asked what came in ("how much have I raised"), a line
        # that pays ("spent $40 on new ink") is left out and one that names no paying ("a commission came through, $120") counts
        incoming = payments.takes_in(line.text) or (income and not _PAID.search(line.text))
        if incoming is not income or payments.asking_price(line.text):
            skipped += 1  # ... or someone's asking price: "the vet wants $300 for a dental clean, I'm holding off"
            continue
        if not said_in_window(line, plan):
            continue  # "so far this year": last November's vet bill is no part of it
        if objects and not (objects & terms(line.text)) and line.turn_id not in on_topic \
                and (line.turn_id, line.position) not in of_kind:
            continue  # "at the bike shop": a price in the same turn as the bike counts ("a $35 U-lock")
        if (why := countable.why_not(line, plan.question_date, ev, money=True)) \
                and not (why == countable.LINE_CLASS_REASON["request"] and (amount_told(line) or asked_paid)):
            skipped += 1  # "they offered me £200 for it", "the bike shop wanted 90 euro …, I said no"
            continue
        for amount in amounts:
            if not _same_purchase(line, amount, seen):  # "two prescriptions at £9.90 each": £19.80
                seen.setdefault((line.session_id, amount * times_each(line.text, amount)), line)
    if not seen:
        if objects:
            out.abstain_reason = ("no purchase of " + " ".join(sorted(objects)) + " with a price in memory"
                                  + (" (only plans, declined or someone else's)" if skipped else ""))
            out.unmatched = [" ".join(n for n in plan_notes(plan, "noun") if norm(n) in objects)]
        return out
    total = sum(a for _, a in seen)
    symbols = {currency(ln.text) if money(ln.text) else bare_symbol or "$" for ln in seen.values()}
    sym = symbols.pop() if len(symbols) == 1 else "$"  # amounts in mixed currencies are not converted
    for line in seen.values():
        out.turn_ids.append(line.turn_id)
        out.cited.append(f"\"{line.text[:100]}\" (said {line.said_at.date()})")
    out.lines.append("Amounts you said you paid: " + "; ".join(
        f"{fmt_money(a, sym)} — \"{ln.text[:80]}\" ({ln.said_at.date()})" for (_, a), ln in seen.items())
        + f". Total: {fmt_money(total, sym)}.")
    parts = ", ".join(fmt_money(a, sym) for _, a in seen)
    out.answer = f"{fmt_money(total, sym)} in total ({parts})" if len(seen) > 1 else f"{fmt_money(total, sym)} ({parts})"
    if returned:  # what came back is no spending: say what was left out
        out.lines.append("Not counted (refunded or returned): " + "; ".join(_said(ln) for ln in returned))
        out.answer += f"; not counting {_said(returned[0])} (money back)"
    if unsure:  # a line about the thing whose amount could not be read: the sum is a lower bound
        out.lines.append("Amount unclear: " + "; ".join(f"\"{ln.text[:80]}\" ({ln.said_at.date()})" for ln in unsure))
        out.answer = f"at least {out.answer}; not sure about \"{unsure[0].text.strip()[:80]}\" (said {unsure[0].said_at.date()})"
    return out


def _said(line: Line) -> str:
    return f"\"{line.text.strip()[:80]}\" (said {line.said_at.date()})"


def _visited_lines(ev: EvidenceSet, items: dict[str, Fact]) -> list[tuple[str, Line]]:
    """Places the user's own actual trip lines name that no stored fact holds yet."""
    known = {" ".join(sorted(terms(k))) for k in items}
    out: list[tuple[str, Line]] = []
    for line in ev.all_user_lines():
        if "visit" not in line.roles or line.actuality != "actual":
            continue
        for place in _places(line.text)[:1]:
            key = " ".join(sorted(terms(place)))
            if key and key not in known:
                known.add(key)
                out.append((place, line))
    return out


@lru_cache(maxsize=4096)
def _places(text: str) -> tuple[str, ...]:
    """The places a sentence names (parsed once per sentence)."""
    return tuple(typed_spans(text, "place"))


def _items(ev: EvidenceSet, preds: list[str], narrow: set[str]) -> tuple[list[Fact], list[tuple[str, Line]]]:
    """Distinct actual values of the predicates (narrowed by the question's nouns), plus places
    the user's trip lines name that no fact holds."""
    pool = [f for f in ev.result.all_facts.values() if f.predicate in preds and f.invalid_at is None
            and f.speaker == "user"]
    narrowed = [f for f in pool if narrow & terms(f.text)]
    items: dict[str, Fact] = {}
    for f in sorted(narrowed or pool, key=lambda f: (fact_date(f), f.id)):
        key = (f.value or f.text).casefold().strip()
        if key not in items and not _told_before(key, items) and ev.fact_is_actual(f) and countable.fact_counts(f, ev, doer=False):
            items[key] = f
    extra = _visited_lines(ev, items) if "visited" in preds and not narrowed else []
    return list(items.values()), extra


def _told_before(key: str, items: dict[str, Fact]) -> bool:
    """The same thing said again in other words ("Project Hail Mary" / "Project Hail Mary by Andy
    Weir", "the Louvre" / "Louvre"): one item, counted once."""
    mine = terms(key)
    return bool(mine) and any(mine <= terms(k) or terms(k) <= mine for k in items if terms(k))


def _preds(plan: QueryPlan) -> list[str]:
    return [p for p in plan_notes(plan, "predicate") if not predicate_registry.is_single_valued(p)
            and p not in ("event", "owns", "likes", "spent")] or plan_notes(plan, "predicate")


def compute_category_order(ev: EvidenceSet) -> Computed:
    """"Which city did I visit first?": the earliest (or latest) of the items of a kind."""
    plan = ev.result.plan
    out = Computed(kind="ordering")
    preds = _preds(plan)
    if not preds:
        return out
    facts, extra = _items(ev, preds, set())
    dated = [(f.value or f.text, fact_date(f), f"\"{f.text[:100]}\" (said {f.observed_at.date()})") for f in facts]
    dated += [(v, ln.when, f"\"{ln.text[:100]}\" (said {ln.said_at.date()})") for v, ln in extra]
    if len(dated) < 2:
        return out
    dated.sort(key=lambda d: d[1])
    last = bool(re.search(r"\b(last|latest|most recent(ly)?|recently)\b", plan.question, re.I))
    pick = dated[-1] if last else dated[0]
    out.lines.append("In order: " + "; ".join(f"{v} ({d.date()})" for v, d, _ in dated))
    out.cited.append(pick[2])
    out.answer = f"{pick[0]} ({pick[1].date()}) — in order: " + ", ".join(v for v, _, _ in dated)
    return out


def _counted(plan: QueryPlan, role: str, events: list[CountedEvent], out: Computed) -> Computed:
    """The answer from counted role events, each cited."""
    heads = counted_heads(plan.question)
    # a line telling several ("sold another 9 jars") counts as many as it says
    many = [stated_quantity(e.line.text, heads) for e in events]
    names = [(e.name or e.line.text.strip()[:60]) + (f" (×{n})" if n != 1 else "") for e, n in zip(events, many)]
    out.lines.append(f"{sum(many)} event(s) you said you {role}ed: " + "; ".join(
        f"{n} ({e.line.when.date()})" for n, e in zip(names, events)))
    for e in events:
        out.turn_ids.append(e.line.turn_id)
        out.cited.append(e.cite())
    out.answer = f"{sum(many)} ({'; '.join(names)})" if plan.answer_shape == "number" else "; ".join(names)
    return out


def _in_window(when: datetime, plan: QueryPlan) -> bool:
    w = plan.window
    return w is None or ((w.start is None or when >= w.start) and (w.end is None or when <= w.end))


def compute_aggregate(ev: EvidenceSet) -> Computed:
    """Counts and lists of distinct values of the predicates the question names (the question's
    own nouns narrow the set: "books" among things read)."""
    plan = ev.result.plan
    if is_money_total(plan.question) or asks_money_total(plan.question) or (plan.slot == "sum" and not COUNT_Q.search(plan.question)):
        return compute_spend_total(ev)  # by its words, or by meaning ("what did my shopping come to")
    if ALL_Q.search(plan.question) and not re.search(r"\b(?:how\s+many|number|count)\b", plan.question, re.I):
        # a total the question does not call money ("what have my fair stalls taken in total"): a
        # sum when the lines about the asked thing carry amounts
        by_lines = compute_spend_total(ev)
        if by_lines.answer:
            return by_lines
    if asked_unit(plan.question):  # "how many nights have I spent in hotels": the nights the stays took
        by_units = compute_unit_total(ev, lambda ln: said_in_window(ln, plan))
        if by_units.answer:
            return by_units
    out = Computed(kind="count" if plan.answer_shape == "number" else "list")
    by_role = role_events(ev, _SPEND_GENERIC)
    if by_role is not None:  # "how many … have I finished": the lines that say so, not every stored item
        return _counted(plan, by_role[0], by_role[1], out)
    preds = _preds(plan)
    # the question's own nouns narrow the set, except the category it asks for ("which *cities*")
    category = {norm(w) for w in CATEGORY_TYPES} | ({norm(plan.head)} if plan.head else set())
    kws = {norm(k) for k in plan.keywords} - _SPEND_GENERIC - {norm(p) for p in preds} - category
    facts, extra = _items(ev, preds, kws) if preds else ([], [])
    if plan.window is not None:  # "what did I buy last weekend": the things of that time only
        told_before = bool(facts or extra)
        facts = [f for f in facts if _in_window(fact_date(f), plan)]
        extra = [(v, ln) for v, ln in extra if _in_window(ln.when, plan)]
        if told_before and not (facts or extra) and plan.answer_shape != "number":
            out.abstain_reason = f"nothing of that kind told for {plan.window.expression or 'that time'}"
            return out
    # "how many conferences have I presented at": stored items plus the lines that tell one
    told = compute_told_count(ev, facts, extra)
    if told.answer:
        return told
    if not preds:
        return out
    items = {f.id: f for f in facts}
    if not items and not extra:
        return out
    listing = "; ".join(f"{f.value or f.text} ({fact_date(f).date()})" for f in facts[:15])
    out.lines.append(f"{len(facts)} distinct item(s) found in memory ({', '.join(preds)}): {listing}")
    out.fact_ids.extend(f.id for f in facts)
    for f in facts:
        out.turn_ids.extend(f.source_turn_ids[:1])
        out.cited.append(f"\"{f.text[:100]}\" (said {f.observed_at.date()})")
    values = [f.value or f.text for f in facts[:15]]
    for value, line in extra:
        values.append(value)
        out.turn_ids.append(line.turn_id)
        out.cited.append(f"\"{line.text[:100]}\" (said {line.said_at.date()})")
    if plan.answer_shape == "number":
        out.answer = f"{len(values)} ({', '.join(values)})"
    else:
        out.answer = ", ".join(values)
    return out
