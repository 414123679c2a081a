"""Answers computed in code from retrieved facts: durations, orderings, dates, current values.

Small models get date arithmetic wrong, so whatever is computable is computed here. Each
function returns a :class:`Computed` with the answer text (or ``None`` when the evidence is not
strong enough to commit), the lines to show in the context, and the ids it used.
Matching an event phrase to memory is lexical (content-word overlap with fact text and source
turn text, light stemming) and only commits above a coverage threshold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from kgmem import predicates as predicate_registry
from kgmem import temporal
from kgmem.models import Fact, Intent, Turn
from kgmem.retrieval.context import delta_line, describe_delta, fmt_day
from kgmem.retrieval.planner import plan_notes
from kgmem.retrieval.search import RetrievalResult, fact_date
from kgmem.text import tokenize

#: minimum share of an event phrase's content words that must match a fact to commit
MIN_COVERAGE = 0.6
#: raw turns are noisier than facts: a sentence must cover more of the phrase
TURN_COVERAGE = 0.75

_GENERIC = frozenset("""attend attended go went get got do did make made start started take took
trip visit visited buy bought first last time event day days week the""".split())

_OTHER_PERSON = re.compile(
    r"\b(my|our|a|his|her|their)\s+(best\s+)?(friend|sister|brother|mom|mother|dad|father|wife|husband|partner|"
    r"boyfriend|girlfriend|colleague|coworker|co-worker|cousin|neighbou?r|son|daughter|boss|roommate|aunt|"
    r"uncle|niece|nephew|grandma|grandpa|grandmother|grandfather|kid|kids|parents|team|manager)s?\b", re.I)
_I = re.compile(r"\b(I|I'm|I've|I'd|me|we|we've)\b")
_REQUEST = re.compile(r"^\W*(can|could|would|will|how|what|why|which|where|who|please|help|tell|give|"
                      r"write|explain|suggest|recommend|any tips|i need|i want|i'd like)\b", re.I)
_SENT_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")


@dataclass
class Computed:
    """Code-computed lines for the context and, when confident, the answer itself."""

    answer: str | None = None
    lines: list[str] = field(default_factory=list)
    fact_ids: list[str] = field(default_factory=list)
    turn_ids: list[str] = field(default_factory=list)
    #: event/option phrases of the question that no memory matched
    unmatched: list[str] = field(default_factory=list)
    #: set when the computation proves the question's premise is not in memory
    abstain_reason: str | None = None


def _stem(tok: str) -> str:
    """Crude suffix stripping so "attended"/"attend" and "concerts"/"concert" compare equal."""
    for suf in ("ies", "ing", "ed", "es", "s"):
        if tok.endswith(suf) and len(tok) - len(suf) >= 3:
            tok = tok[: -len(suf)] + ("y" if suf == "ies" else "")
            break
    return tok[:-1] if tok.endswith("e") and len(tok) > 3 else tok


def _stems(text: str) -> set[str]:
    return {_stem(t) for t in tokenize(text)}


@dataclass
class _Match:
    when: datetime
    coverage: float
    label: str
    fact: Fact | None = None
    turn: Turn | None = None


def match_event(phrase: str, result: RetrievalResult) -> _Match | None:
    """The best-dated memory for an event phrase: facts first (their resolved date), then turns
    (their session date). ``None`` when nothing covers enough of the phrase."""
    want = _stems(phrase)
    core = {w for w in want if w not in {_stem(g) for g in _GENERIC}} or want
    if not core:
        return None
    turns_by_id = {t.id: t for t in result.turns}
    rank = {f.id: i for i, f in enumerate(result.facts)}
    best: tuple[float, float, int, _Match] | None = None
    candidates = list(result.facts) + [f for f in result.all_facts.values() if f.id not in rank]
    for f in candidates:
        own = _stems(f.text)
        src = set()
        for tid in f.source_turn_ids[:1]:
            if tid in turns_by_id:
                src = _stems(turns_by_id[tid].text)
        cov_core = len(core & own) / len(core)
        cov_all = len(want & (own | src)) / len(want)
        cov = max(cov_core, 0.8 * cov_all if cov_core > 0 else 0.0)
        if cov < MIN_COVERAGE:
            continue
        key = (cov, -rank.get(f.id, 10_000), -fact_date(f).toordinal())
        m = _Match(fact_date(f), cov, f.text, fact=f)
        if best is None or key[:2] > best[:2]:
            best = (key[0], key[1], 0, m)
    if best is not None:
        return best[3]
    # no fact: the best user sentence among retrieved turns, dated by its own time expression
    # ("last Monday") resolved against the session date, else by the session date
    best_turn: tuple[float, int, _Match] | None = None
    for i, t in enumerate(result.turns):
        if t.role != "user":
            continue
        for sent in _SENT_SPLIT.split(t.text):
            if sent.rstrip().endswith("?") or _REQUEST.match(sent) or \
                    (_OTHER_PERSON.search(sent) and not _I.search(sent)):
                # requests are not things the user did; "my friend Priya started …" is not "I started"
                continue  # requests and questions are not things the user did
            cov = len(core & _stems(sent)) / len(core)
            if cov < (0.99 if len(core) <= 1 else TURN_COVERAGE):
                continue
            when = result.session_date(t.session_id)
            if when is None:
                continue
            times = [ts.resolved for ts in temporal.find_time_expressions(sent, when) if not ts.resolved.future]
            if times:
                when = times[0].start
            turn_key = (cov, -i)
            if best_turn is None or turn_key > best_turn[:2]:
                best_turn = (cov, -i, _Match(when, cov * 0.9, phrase, turn=t))
    return best_turn[2] if best_turn else None


def _convert(a: datetime, b: datetime, unit: str) -> str:
    """The span from ``a`` to ``b`` in the question's unit (calendar months/years, rounded weeks)."""
    unit = unit.rstrip("s")
    days = abs(temporal.days_between(a, b))
    if unit == "day":
        n = days
    elif unit == "week":
        n = abs(temporal.weeks_between(a, b))
    elif unit == "month":
        n = abs(temporal.months_between(a, b))
    elif unit == "year":
        n = abs(temporal.months_between(a, b)) // 12
    else:
        return describe_delta(days)
    return f"{n} {unit}{'s' if n != 1 else ''}"


def _ids(m: _Match, out: Computed) -> None:
    if m.fact is not None:
        out.fact_ids.append(m.fact.id)
        out.turn_ids.extend(m.fact.source_turn_ids[:1])
    if m.turn is not None:
        out.turn_ids.append(m.turn.id)


def compute_duration(result: RetrievalResult) -> Computed:
    plan = result.plan
    out = Computed()
    qd = plan.question_date
    events = plan_notes(plan, "event")
    unit = (plan_notes(plan, "unit") or ["days"])[0]
    matches = [match_event(e, result) for e in events]
    out.unmatched = [e for e, m in zip(events, matches) if m is None]
    if len(events) >= 2 and all(matches):
        a, b = matches[0], matches[1]
        assert a is not None and b is not None
        days = abs((b.when.date() - a.when.date()).days)
        out.lines.append(f"{events[0]} ({a.when.date()}) and {events[1]} ({b.when.date()}) are "
                         f"{describe_delta(days)} apart.")
        _ids(a, out)
        _ids(b, out)
        out.answer = f"{_convert(a.when, b.when, unit)} ({events[0]} on {a.when.date()}, {events[1]} on {b.when.date()})"
    elif len(events) == 1 and matches[0] is not None and qd is not None:
        m = matches[0]
        days = (qd.date() - m.when.date()).days
        out.lines.append(delta_line(m.when, qd, events[0]))
        _ids(m, out)
        if days >= 0:
            out.answer = f"{_convert(m.when, qd, unit)} ({events[0]} on {m.when.date()})"
    return out


def _second_person(phrase: str) -> str:
    """"the day I bought my tent" → "the day you bought your tent" (answers speak to the user)."""
    for a, b in ((r"\bI\b", "you"), (r"\bmy\b", "your"), (r"\bme\b", "you"), (r"\bI'm\b", "you're")):
        phrase = re.sub(a, b, phrase)
    return phrase


def compute_ordering(result: RetrievalResult) -> Computed:
    plan = result.plan
    out = Computed()
    options = [_second_person(o) for o in plan_notes(plan, "option")]
    if len(options) < 2:
        return out
    matches = [match_event(o, result) for o in options]
    out.unmatched = [o for o, m in zip(options, matches) if m is None]
    if not all(matches):
        return out
    dated = sorted(zip(options, matches), key=lambda om: om[1].when)  # type: ignore[union-attr]
    for o, m in dated:
        assert m is not None
        out.lines.append(f"{o}: {fmt_day(m.when)}")
        _ids(m, out)
    if dated[0][1].when.date() == dated[-1][1].when.date():  # type: ignore[union-attr]
        return out
    if len(dated) > 2:  # "in what order did these happen: A, B and C"
        out.answer = ", then ".join(f"{o} ({m.when.date()})" for o, m in dated)  # type: ignore[union-attr]
        return out
    want_last = bool(re.search(r"\b(last|later|latest|most recent(ly)?|second)\b", plan.question, re.I))
    pick = dated[-1] if want_last else dated[0]
    other = dated[0] if want_last else dated[-1]
    rel = "after" if want_last else "before"
    out.lines.append(f"{dated[0][0]} happened before {dated[-1][0]}.")
    out.answer = (f"{pick[0]} ({pick[1].when.date()}), {rel} {other[0]} "  # type: ignore[union-attr]
                  f"({other[1].when.date()})")  # type: ignore[union-attr]
    return out


def compute_when(result: RetrievalResult) -> Computed:
    plan = result.plan
    out = Computed()
    phrase = re.sub(r"^\s*(when|what date|on what date|which day|what day)\s+(did|was|were|is|do)\s+(i|my|we)?\s*", "",
                    plan.question, flags=re.I).rstrip("?")
    m = match_event(phrase, result)
    if m is None:
        return out
    _ids(m, out)
    if plan.question_date is not None:
        out.lines.append(delta_line(m.when, plan.question_date, phrase))
    granular = m.fact is not None and m.fact.valid_from is not None and m.fact.granularity in ("month", "year", "season")
    out.answer = (m.when.strftime("%B %Y") if granular and m.fact and m.fact.granularity == "month"
                  else f"{m.when.strftime('%A, %B')} {m.when.day}, {m.when.year}")
    return out


def compute_current(result: RetrievalResult) -> Computed:
    """The newest non-superseded value of the single-valued slot the question cues."""
    plan = result.plan
    out = Computed()
    preds = [p for p in plan_notes(plan, "predicate") if predicate_registry.is_single_valued(p)]
    if not preds:
        return out
    pred = preds[0]
    slot = [f for f in result.all_facts.values() if f.predicate == pred and f.speaker == "user"]
    if not slot:
        return out
    current = [f for f in slot if f.invalid_at is None]
    pool = current or slot
    newest = max(pool, key=lambda f: (f.observed_at, fact_date(f), f.id))
    history = sorted(slot, key=lambda f: (f.observed_at, f.id))
    if len(history) > 1:
        out.lines.append(f"{pred} history: " + "; ".join(
            f"{f.value or f.text} (from {f.observed_at.date()})" for f in history[-4:]))
    out.fact_ids.append(newest.id)
    out.turn_ids.extend(newest.source_turn_ids[:1])
    if newest.value and plan.intent == Intent.CURRENT_VALUE:
        out.answer = newest.value
    elif plan.intent == Intent.HISTORY and len(history) > 1:
        # "what did I … before X": the value preceding the one the question names, else the
        # one before the newest
        ql = plan.question.lower()
        named = [i for i, f in enumerate(history) if f.value and f.value.lower() in ql]
        idx = named[-1] - 1 if named else len(history) - 2
        if idx >= 0 and history[idx].value:
            prev = history[idx]
            out.fact_ids.append(prev.id)
            out.turn_ids.extend(prev.source_turn_ids[:1])
            out.answer = f"{prev.value} (until {history[idx + 1].observed_at.date()}, then {history[idx + 1].value})"
    return out


_MONEY = re.compile(r"\$\s?(\d[\d,]*(?:\.\d+)?)(k\b)?", re.I)
_SPEND = re.compile(r"\b(spent|spend|spending|paid|pay|paying|bought|buy|purchased|dropped|cost|costs|splurged|"
                    r"shelled out|ordered|picked up|got|grabbed|snagged|treat(ed)?|scored|invested|purchase)\b", re.I)
_SUM_Q = re.compile(r"\b(total|add up|sum|altogether|combined|in all|how much)\b", re.I)
_MONEY_Q = re.compile(r"\b(spen[dt]|spending|cost|paid|pay|money|amount|price|\$|dollars?|budget|bought)\b", re.I)


_SPEND_GENERIC = {_stem(w) for w in """purchase purchases thing things stuff everything item items total amount
money spend spending cost costs price prices dollar dollars budget sum""".split()}


def _money(text: str) -> list[float]:
    out = []
    for m in _MONEY.finditer(text):
        value = float(m.group(1).replace(",", ""))
        out.append(value * 1000 if m.group(2) else value)
    return out


def _fmt_money(x: float) -> str:
    return f"${x:,.0f}" if x == int(x) else f"${x:,.2f}"


def compute_spend_total(result: RetrievalResult) -> Computed:
    """Sum the amounts the user said they spent, one per (session, amount), from the retrieved
    user turns and money-valued facts."""
    out = Computed()
    # "how much did I spend on a road bike": only sentences about that object count
    objects = {_stem(n) for n in plan_notes(result.plan, "noun")} - _SPEND_GENERIC
    seen: dict[tuple[str, float], str] = {}
    for f in result.facts:
        if objects and not (objects & _stems(f.text)):
            continue
        if f.speaker != "user" or f.invalid_at is not None:
            continue
        if f.predicate in ("spent", "bought"):
            for amount in _money(f"{f.value or ''} {f.text}"):
                if (f.session_id, amount) not in seen:
                    seen[(f.session_id, amount)] = f"{f.text} ({f.observed_at.date()})"
                    out.fact_ids.append(f.id)
    for t in result.scan_turns or result.turns:
        if t.role != "user":
            continue
        for sent in _SENT_SPLIT.split(t.text):
            if not _SPEND.search(sent) or (objects and not (objects & _stems(sent))):
                continue
            for amount in _money(sent):
                if (t.session_id, amount) not in seen:
                    when = result.session_date(t.session_id)
                    seen[(t.session_id, amount)] = f"\"{sent.strip()[:80]}\" ({when.date() if when else '?'})"
                    out.turn_ids.append(t.id)
    if not seen:
        if objects:
            out.abstain_reason = "no purchase of " + " ".join(sorted(objects)) + " with a price in memory"
            out.unmatched = [" ".join(n for n in plan_notes(result.plan, "noun") if _stem(n) in objects)]
        return out
    total = sum(a for _, a in seen)
    out.lines.append("Amounts the user said they spent: " + "; ".join(
        f"{_fmt_money(a)} — {src}" for (_, a), src in seen.items()) + f". Total: {_fmt_money(total)}.")
    out.answer = f"{_fmt_money(total)} in total (" + ", ".join(_fmt_money(a) for _, a in seen) + ")"
    return out


def compute_aggregate(result: RetrievalResult) -> Computed:
    """Counts, lists and money totals over the facts of the predicates the question cues.

    Counts distinct values of the cued multi-valued predicates; when the question's own nouns
    narrow the set (e.g. "books" among things bought) the narrower set is used. Recall depends
    on extraction, so the :class:`Answerer` may use this as a context line only.
    """
    plan = result.plan
    q = plan.question
    if _SUM_Q.search(q) and _MONEY_Q.search(q) and not re.search(r"\bhow many\b", q, re.I):
        return compute_spend_total(result)
    out = Computed()
    preds = [p for p in plan_notes(plan, "predicate") if not predicate_registry.is_single_valued(p)
             and p not in ("event", "owns", "likes", "spent")] or plan_notes(plan, "predicate")
    if not preds:
        return out
    kws = {_stem(k) for k in plan.keywords} - {_stem(g) for g in _GENERIC} - {_stem(p) for p in preds}
    pool = [f for f in result.all_facts.values() if f.predicate in preds and f.invalid_at is None
            and f.speaker == "user"]
    narrowed = [f for f in pool if kws & _stems(f.text)]
    items: dict[str, Fact] = {}
    for f in sorted(narrowed or pool, key=lambda f: (fact_date(f), f.id)):
        items.setdefault((f.value or f.text).casefold().strip(), f)
    if not items:
        return out
    facts = list(items.values())
    listing = "; ".join(f"{f.value or f.text} ({fact_date(f).date()})" for f in facts[:15])
    out.lines.append(f"{len(facts)} distinct item(s) found in memory ({', '.join(preds)}): {listing}")
    out.fact_ids.extend(f.id for f in facts)
    for f in facts:
        out.turn_ids.extend(f.source_turn_ids[:1])
    if plan.answer_shape == "number":
        out.answer = f"{len(facts)} (" + ", ".join(f.value or f.text for f in facts[:15]) + ")"
    else:
        out.answer = ", ".join(f.value or f.text for f in facts[:15])
    return out


def compute(result: RetrievalResult) -> Computed:
    """Dispatch on the plan's intent."""
    intent = result.plan.intent
    if intent == Intent.DURATION:
        return compute_duration(result)
    if intent == Intent.ORDERING:
        return compute_ordering(result)
    if intent == Intent.WHEN:
        return compute_when(result)
    if intent in (Intent.CURRENT_VALUE, Intent.HISTORY):
        return compute_current(result)
    if intent == Intent.AGGREGATE:
        return compute_aggregate(result)
    return Computed()


def date_lines(result: RetrievalResult, limit: int = 4) -> list[str]:
    """Delta-to-today lines for the dates of the top facts (for temporal questions)."""
    qd = result.plan.question_date
    if qd is None:
        return []
    seen: set[str] = set()
    lines = []
    for f in result.facts:
        d = fact_date(f)
        key = d.date().isoformat()
        if key in seen:
            continue
        seen.add(key)
        lines.append(delta_line(d, qd))
        if len(lines) >= limit:
            break
    return lines

