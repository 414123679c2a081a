"""Answers computed in code: durations, orderings, dates, current and previous values.

Small models get date arithmetic wrong, so whatever is computable is computed here. Each
function returns a :class:`Computed` with the answer text (or ``None`` when the evidence is not
strong enough to commit), the lines to show in the context, the ids it used and the evidence
line it cites. Events are matched by meaning and role (:mod:`kgmem.answer.events`); counts and
sums live in :mod:`kgmem.answer.aggregate`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from kgmem import predicates as predicate_registry
from kgmem import temporal
from kgmem.answer import stale
from kgmem.answer.event_absence import absent_thing
from kgmem.answer.events import (
    EventMatch,
    EventSpec,
    match_event,
    match_span,
    match_spec,
    parse_spec,
)
from kgmem.answer.evidence import EvidenceSet
from kgmem.answer.match import second_person, terms
from kgmem.answer.presence import asked_about
from kgmem.answer.slots import SlotValue, _show, _source_text, asked_value_told, slot_timeline
from kgmem.models import Intent
from kgmem.retrieval.planner import plan_notes
from kgmem.retrieval.search import fact_date
from kgmem.text import words


@dataclass
class Computed:
    """Code-computed lines for the context and, when confident, the answer itself."""

    answer: str | None = None
    lines: list[str] = field(default_factory=list)
    fact_ids: list[str] = field(default_factory=list)
    turn_ids: list[str] = field(default_factory=list)
    #: event/option phrases of the question that no actual memory matched
    unmatched: list[str] = field(default_factory=list)
    #: set when the computation proves the question's premise is not in memory
    abstain_reason: str | None = None
    #: the evidence lines the answer rests on (quoted, dated)
    cited: list[str] = field(default_factory=list)
    #: two candidates matched equally: the answer says so instead of guessing
    ambiguous: bool = False
    #: which computation answered ("duration", "ordering", "when", "current", "previous", …)
    kind: str = ""


def _use(m: EventMatch, out: Computed) -> None:
    if m.fact is not None:
        out.fact_ids.append(m.fact.id)
    if m.turn_id:
        out.turn_ids.append(m.turn_id)
    out.cited.append(m.cite())


def fmt_when(m: EventMatch) -> str:
    """A date at the granularity the evidence gives it."""
    d = m.when
    if m.granularity == "month":
        return d.strftime("%B %Y")
    if m.granularity in ("season", "year"):
        return str(d.year) if m.granularity == "year" else f"{_season(d)} {d.year}"
    return f"{d.strftime('%A, %B')} {d.day}, {d.year}"


def _season(d: datetime) -> str:
    return {12: "winter", 1: "winter", 2: "winter", 3: "spring", 4: "spring", 5: "spring", 6: "summer",
            7: "summer", 8: "summer"}.get(d.month, "fall")


def _amount(a: datetime, b: datetime, unit: str) -> str:
    n = temporal.span_in(a, b, unit)
    u = unit.rstrip("s")
    text = f"{n} {u}{'' if n == 1 else 's'}"
    days = abs(temporal.days_between(a, b))
    return text if u == "day" else f"{text} ({days} day{'' if days == 1 else 's'})"


def _tie_text(phrase: str, m: EventMatch) -> str:
    assert m.tie is not None
    return (f"I'm not sure which time you mean: {second_person(phrase)} matches both {m.cite()} "
            f"and {m.tie.cite()}")


def _matches(phrases: list[str], ev: EvidenceSet, out: Computed, role: str | None = None,
             activity: str | None = None) -> list[EventMatch] | None:
    """Each phrase's event; a phrase that names only a point ("from *starting* to *being signed
    off*") is that point of ``activity`` (the question's main activity)."""
    found = []
    for p in phrases:
        spec = parse_spec(p)
        if spec.role is None and role is not None:
            spec.role = role
        if activity and spec.role is not None and _only_role(spec):
            spec.activity = activity
        found.append(match_spec(spec, ev))
    out.unmatched = [p for p, m in zip(phrases, found) if m is None]
    for k, m in enumerate(found):
        if m is not None and any(o is not None and o.text == m.text and o.said_at == m.said_at and o.when == m.when
                                 for o in found[:k]):
            out.unmatched.append(phrases[k])  # two events are not one line on one day: this one was not found
    if out.unmatched:
        return None
    return [m for m in found if m is not None]


def _only_role(spec: EventSpec) -> bool:
    """The phrase names a point of an activity and nothing else ("starting", "being signed off")."""
    return not (terms(spec.phrase) - terms(_ROLE_ONLY_WORDS))


#: words that only name a point of an activity or a state around it
_ROLE_ONLY_WORDS = """start starting started begin beginning began finish finishing finished end ending ended
signed off sign off signing being get getting got done completing completed complete stop stopping stopped quit
quitting the my me i we it of to from"""


def _ambiguous(phrases: list[str], found: list[EventMatch], out: Computed) -> bool:
    for phrase, m in zip(phrases, found):
        _use(m, out)
        if m.tie is not None:
            out.ambiguous = True
            out.answer = _tie_text(phrase, m)
            return True
    return False


def compute_duration(ev: EvidenceSet) -> Computed:
    """Days/weeks/months between two events, since one, or from an activity's start to its end."""
    plan = ev.result.plan
    out = Computed(kind="duration")
    qd = plan.question_date
    unit = (plan_notes(plan, "unit") or ["days"])[0]
    activity = plan_notes(plan, "span")
    events = plan_notes(plan, "event")
    found: list[EventMatch] | None = None
    labels = events
    if events:
        main = activity or plan_notes(plan, "main")
        found = _matches(events, ev, out, activity=main[0] if main else None)
    # the main activity's span stands in only for events that are points of it ("from starting to
    # being signed off"); an event of its own that no line tells is unmatched, not another span
    points = all(_only_role(parse_spec(p)) for p in events)
    if found is None and (activity or (len(events) == 2 and plan_notes(plan, "main") and points)):
        name = (activity or plan_notes(plan, "main"))[0]
        span = match_span(name, ev)
        if span is None:
            out.unmatched = out.unmatched or [name]
            return out
        out.unmatched = []
        found, labels = list(span), [f"the start of {name}", f"the end of {name}"]
        if absent_thing(name):  # "without my phone": from its going to its coming back
            labels = [f"the start of going {name}", f"the end of going {name}"]
    if not found:
        return out
    if _ambiguous(labels, found, out):
        return out
    if len(found) >= 2:
        a, b = found[0], found[1]
        out.lines.append(f"{labels[0]} ({a.when.date()}) and {labels[1]} ({b.when.date()}) are "
                         f"{temporal.describe_delta(a.when, b.when, relation=False)} apart.")
        out.answer = (f"{_amount(a.when, b.when, unit)}: {second_person(labels[0])} on {a.when.date()}, "
                      f"{second_person(labels[1])} on {b.when.date()}")
    elif qd is not None:
        m = found[0]
        if temporal.days_between(m.when, qd) < 0:
            return out
        out.lines.append(f"{labels[0]} ({m.when.date()}) is {temporal.describe_delta(m.when, qd)} today "
                         f"({qd.date()}).")
        out.answer = f"{_amount(m.when, qd, unit)} ago: {second_person(labels[0])} on {m.when.date()}"
    return out


def _as_told(option: str, line: str) -> str:
    """An option in the words of the line it matched: a clipped word the line spells out is
    spelled out ("climbing comp" → "climbing competition")."""
    words = re.findall(r"[\w'-]+", line)
    out = []
    for w in option.split():
        full = [x for x in words if len(w) >= 3 and x.lower().startswith(w.lower()) and len(x) > len(w) + 2]
        out.append(full[0] if full and not any(x.lower() == w.lower() for x in words) else w)
    return " ".join(out)


def compute_ordering(ev: EvidenceSet) -> Computed:
    """Which of the offered events came first (or last), or their order."""
    plan = ev.result.plan
    out = Computed(kind="ordering")
    options = plan_notes(plan, "option")
    if len(options) < 2:
        return out
    q = plan.question
    frame = q
    for o in options:  # "which did I *start* first: A or B" — the role word of the question, not of an option
        frame = frame.replace(o, " ")
    asked_role = "start" if re.search(r"\b(?:start(?:ed)?|beg[ia]n)\b", frame, re.I) else \
        "finish" if re.search(r"\b(?:complet(?:e|ed)|finish(?:ed)?|end(?:ed)?|wrap(?:ped)?\s+up)\b", frame, re.I) else None
    found = _matches(options, ev, out, role=asked_role)
    if found is None or _ambiguous(options, found, out):
        return out
    options = [_as_told(o, m.text) for o, m in zip(options, found)]
    dated = sorted(zip(options, found), key=lambda om: om[1].when)
    for o, m in dated:
        out.lines.append(f"{o}: {temporal.fmt_day(m.when)}")
    if dated[0][1].when.date() == dated[-1][1].when.date():
        out.answer = f"They happened on the same day ({dated[0][1].when.date()})."
        return out
    order = ", then ".join(f"{second_person(o)} ({m.when.date()})" for o, m in dated)
    if len(dated) > 2:  # "in what order did these happen: A, B and C"
        out.answer = order
        return out
    (first, fm), (second, sm) = dated[0], dated[-1]
    yes_no = re.search(r"^\s*(?:did|was|were)\b.*\b(before|after|earlier than|later than|prior to)\b", q, re.I)
    if yes_no and not re.search(r"\bor\b", q, re.I):
        says_before = yes_no.group(1).lower() in ("before", "earlier than", "prior to")
        yes = (dated[0][0] == options[0]) == says_before
        out.answer = f"{'Yes' if yes else 'No'}: {second_person(first)} came first ({fm.when.date()}), then {second_person(second)} ({sm.when.date()})."
        return out
    both = re.search(r"\b(before|earlier|sooner) or (?:after|later)\b|\b(after|later) or (?:before|earlier|sooner)\b", q, re.I)
    if both:  # "was A before or after B", "was A earlier or later than B": A's side of B
        rel = ("before" if dated[0][0] == options[0] else "after") if (both.group(1) or both.group(2)).lower() in \
            ("before", "after") else ("earlier" if dated[0][0] == options[0] else "later")
        out.answer = (f"{rel.capitalize()}: {second_person(first)} came first ({fm.when.date()}), then "
                      f"{second_person(second)} ({sm.when.date()}).")
        return out
    # the question's own word, not an option's ("which was more recent, my first swim or my first tattoo")
    # ("which came after the other", "which did I do afterwards": the later one too)
    if re.search(r"\b(last|later|latest|(?:most|more) recent(ly)?|second|afterwards?|subsequently|latter)\b|"
                 r"\b(?:after|followed)\s+the\s+other\b", frame, re.I) and not re.search(r"\bfirst\b", frame, re.I):
        out.answer = f"{second_person(second)} ({sm.when.date()}), after {second_person(first)} ({fm.when.date()})"
        return out
    out.answer = f"{second_person(first)} ({fm.when.date()}), before {second_person(second)} ({sm.when.date()})"
    return out


_WHEN_LEAD = re.compile(
    r"^\s*(?:(?:when|what date|on what date|on what day|on which day|on which date|which day|what day|what was the date|"
    r"what's the date|what is the date|what was the day|what is the day|the date|the day)\s+(?:of\s+(?=the|my|our)|"
    r"was it\s+(?:that\s+)?|(?:did|was|were|is|do|had|have)\s+)?(?:when\s+|that\s+)?|"
    r"what\s+was\s+(?=(?:my|the)\s+(?:first|last|final)\s+(?:day|date)))", re.I)


def compute_when(ev: EvidenceSet) -> Computed:
    """The date of the question's event (at the granularity the evidence gives it)."""
    plan = ev.result.plan
    out = Computed(kind="when")
    phrase = _WHEN_LEAD.sub("", plan.question).strip().rstrip("?.! ")
    window = plan.window
    if window is not None and window.expression and window.start is not None and window.end is not None:
        # "the first barbecue I went to in June": the time said is where to look, not the event's words
        phrase = re.sub(rf"\s*\b{re.escape(window.expression)}\b", "", phrase, flags=re.I).strip() or phrase
    if not phrase:
        return out
    m = match_event(phrase, ev, window=window)
    if m is None:
        out.unmatched = [phrase]
        return out
    _use(m, out)
    if m.tie is not None:
        out.ambiguous = True
        out.answer = _tie_text(phrase, m)
        return out
    if plan.question_date is not None:
        out.lines.append(f"{phrase} ({m.when.date()}) is {temporal.describe_delta(m.when, plan.question_date)} "
                         f"today ({plan.question_date.date()}).")
    out.answer = f"{'In' if m.granularity in ('month', 'season', 'year') else 'On'} {fmt_when(m)}"
    return out


def compute_current(ev: EvidenceSet) -> Computed:
    """The newest value of the slot (current), the one before a named or the newest value
    (history), or when the slot took a named value (when)."""
    plan = ev.result.plan
    out = Computed(kind={Intent.HISTORY: "previous", Intent.WHEN: "when"}.get(plan.intent, "current"))
    slot = plan.slot or next((p for p in plan_notes(plan, "predicate") if predicate_registry.is_single_valued(p)), None)
    if slot is None or not predicate_registry.is_single_valued(slot.split(".")[0]):
        return out
    pred = slot.split(".")[0]
    timeline = slot_timeline(ev, slot)
    if not timeline:
        return out
    if len(timeline) > 1:
        out.lines.append(f"{pred} over time: " + "; ".join(
            f"{_show(pred, v.value)} (said {v.said_at.date()})" for v in timeline[-4:]))
    ql = plan.question.lower()
    named = [i for i, v in enumerate(timeline) if v.value and v.value.lower().lstrip("$") in ql]
    if plan.intent == Intent.HISTORY:
        timeline = _distinct(timeline)  # "Lumen Health" then "Lumen" is one job, not a change
        named = [i for i, v in enumerate(timeline) if v.value and v.value.lower().lstrip("$") in ql]
        told = None if named or not timeline else asked_value_told(ev, pred)
        # "before the $72,000 figure", told in a line no reader took: when that line is newer than every
        # value read, the newest of them is the one before it
        newer = told is not None and timeline[-1].said_at < told
        idx = named[-1] - 1 if named else len(timeline) - 1 if newer else len(timeline) - 2
        if idx < 0:
            return out
        prev = timeline[idx]
        nxt = next((v for v in timeline[idx + 1:] if v.value.lower() != prev.value.lower()), None)
        _use_value(prev, out)
        tail = f" (until {nxt.said_at.date()}, then {_show(pred, nxt.value)})" if nxt else ""
        out.answer = f"{_show(pred, prev.value, _source_text(ev, prev))}{tail}"
        return out
    if plan.intent == Intent.WHEN:
        if not named:
            return out
        chosen = timeline[named[0]]
        _use_value(chosen, out)
        when = chosen.line.when if chosen.line is not None else fact_date(chosen.fact) if chosen.fact else chosen.said_at
        gran = chosen.fact.granularity if chosen.fact is not None else "day"
        out.answer = f"On {fmt_when(EventMatch(when, 1.0, chosen.text, chosen.said_at, gran))}"
        return out
    # an earlier value said in passing ("back when I was a staff nurse") is history, never the current value
    timeline = [v for v in timeline if v.fact is None or not predicate_registry.told_as_earlier(
        v.fact.predicate, v.fact.valid_from, v.fact.valid_to)]
    if not timeline:
        return out
    if stale.asks_now(plan):
        # "My phone is a Pixel 8, I was on an iPhone until 2023": a value its own sentence tells as
        # over (a closed period, "used to", a ceasing) is no current value, however it was stored
        # (only to choose among values: when every value reads as over, the reading is too unsure)
        timeline = [v for v in timeline if not _told_over(_value_sentence(ev, v), v.value)] or timeline
    newest = timeline[-1]
    if asked_about(plan.question, plan.named, newest.value or "", yes_no=plan.answer_shape == "yes_no"):
        return out  # "what does amy do for work": "amy" is whom it asks about, not the user's value
    _use_value(newest, out)
    out.answer = _show(pred, newest.value, _source_text(ev, newest))
    return out


def _told_over(sentence: str, value: str) -> bool:
    """The value's own clause, in a sentence of several, tells it as over ("…, I was on an iPhone
    until 2023"); a one-clause sentence is not judged here (its values share one reading)."""
    return len(stale.clauses(sentence)) > 1 and stale.stale(sentence, value)


def _value_sentence(ev: EvidenceSet, v: SlotValue) -> str:
    """The sentence a value was told in (its line, or its fact's source sentence)."""
    if v.line is not None:
        return v.line.text
    return (ev.source_sentence(v.fact) or v.fact.text) if v.fact is not None else v.text


def _distinct(timeline: list[SlotValue]) -> list[SlotValue]:
    """Consecutive values that name the same thing (one's words within the other's) as one, the
    earliest statement kept."""
    out: list[SlotValue] = []
    for v in timeline:
        if out:
            a, b = set(words(out[-1].value)), set(words(v.value))
            if a and b and (a <= b or b <= a):
                continue
        out.append(v)
    return out


def _use_value(v: SlotValue, out: Computed) -> None:
    if v.fact is not None:
        out.fact_ids.append(v.fact.id)
        out.turn_ids.extend(v.fact.source_turn_ids[:1])
    if v.line is not None:
        out.turn_ids.append(v.line.turn_id)
    out.cited.append(v.cite())


def date_lines(ev: EvidenceSet, limit: int = 4) -> list[str]:
    """Delta-to-today lines for the dates of the top facts (for temporal questions)."""
    qd = ev.result.plan.question_date
    if qd is None:
        return []
    seen: set[str] = set()
    lines = []
    for f in ev.result.facts:
        d = fact_date(f)
        key = d.date().isoformat()
        if key in seen:
            continue
        seen.add(key)
        lines.append(f"{key} is {temporal.describe_delta(d, qd)} today ({qd.date()}).")
        if len(lines) >= limit:
            break
    return lines
