"""The answer to a count question from the user's told events (:func:`kgmem.answer.counting.told_events`) and stored
items: each item named, dated and cited, with its basis ("at least N" when lines could not be placed).

The answer names what it counted: "2 (the Bath Half, 2023-03-12; the Edinburgh half marathon,
2023-05-28)".
"""

from __future__ import annotations

from collections.abc import Sequence

from kgmem import temporal
from kgmem.answer import attended, countable
from kgmem.answer import instances as inst
from kgmem.answer.act_kinds import other_kind
from kgmem.answer.count_question import (
    AUXILIARIES,
    COUNT_NOUN,
    COUNTING,
    DIFFERENT,
    anchors,
    lemmas,
    modifiers,
    question_terms,
    window_words,
)
from kgmem.answer.counting import event_day, label, names, told_events
from kgmem.answer.deterministic import Computed
from kgmem.answer.evidence import EvidenceSet, Line
from kgmem.answer.match import GENERIC, terms
from kgmem.models import Fact
from kgmem.retrieval.search import fact_date


def _covers(fact: Fact, line: Line, words: set[str]) -> bool:
    """A stored fact and a counted line tell the same item: the fact came from the line's turn, or
    the line names the fact's value — a value that is more than the counted kind itself ("bank
    shift" is every shift's name, "Shuggie Bain" one book's)."""
    value = (fact.value or "").casefold().strip()
    return line.turn_id in fact.source_turn_ids or (
        len(value) > 2 and value in line.text.casefold() and bool(terms(value) - words))


def _set_aside_source(fact: Fact, set_aside: list[tuple[Line, str]], ev: EvidenceSet) -> bool:
    """A stored item whose source line was set aside ("sold my ticket to the spacey jane gig" →
    attended: spacey jane gig), or does not count by :func:`countable.why_not` ("Lindiwe went to
    the Baxter with her sister", "sent the nikes back, got the refund"), is no counted item either."""
    value = (fact.value or "").casefold()
    if not value:
        return False
    return any(ln.turn_id in fact.source_turn_ids and value in ln.text.casefold() for ln, _ in set_aside) \
        or not countable.fact_counts(fact, ev)


def _quote(line: Line) -> str:
    return f"\"{line.text.strip()[:120]}\" (said {line.said_at.date()})"


def _undated_terms(line: Line) -> set[str]:
    """A line's words outside its time expressions ("this morning" names no thing)."""
    text = line.text
    for span in sorted(temporal.find_time_expressions(text, line.said_at), key=lambda s: -s.start_char):
        text = text[:span.start_char] + " " + text[span.end_char:]
    return terms(text)


def _distinct_lines(lines: list[Line], ev: EvidenceSet, asked: set[str]) -> list[Line]:
    """The lines of a "how many different …" count that tell different things: a line sharing a
    rare word (in at most two of the user's sessions, not a word of the question) with one
    already kept tells the same thing ("a bank shift on c2" / "c2 again")."""
    sessions: dict[str, set[str]] = {}
    for ln in ev.all_user_lines():
        for w in terms(ln.text):
            sessions.setdefault(w, set()).add(ln.session_id)
    kept: list[Line] = []
    for ln in lines:
        rare = {w for w in _undated_terms(ln) - asked - GENERIC if len(sessions.get(w, ())) <= 2}
        if not any(rare & _undated_terms(other) for other in kept):
            kept.append(ln)
    return kept


def compute_told_count(ev: EvidenceSet, facts: Sequence[Fact] = (),
                       places: Sequence[tuple[str, Line]] = ()) -> Computed:
    """"How many …": the stored items about the counted things (facts whose words hold one of the
    question's — "User read book: Shuggie Bain" for "books" — and trip lines' places), and each
    :func:`told_events` line no stored item already covers; every item named, dated and cited.
    The answer states its basis: "at least N" when lines naming the counted thing could not be
    placed, a hedge listing the lines when the question asks how many *different* things and the
    lines do not name which. Empty when no line tells such an event (the caller then counts
    stored items alone)."""
    plan = ev.result.plan
    number = plan.answer_shape == "number" or bool(COUNT_NOUN.search(plan.question))
    out = Computed(kind="count" if number else "list")
    found = told_events(ev)
    if found is None:
        return out
    heads, others = anchors(plan)
    words = heads | others | modifiers(plan.question)
    # a stored item of the plan's predicates is about the question when its words hold one of the question's, its event
    # verb too ("User visited: Lyon" for "how many cities have I visited"): not "User bought: keys" for "… got accepted"
    asked = question_terms(plan.question) - COUNTING - window_words(plan) - AUXILIARIES
    going = attended.asks_attending(lemmas(plan.question))  # "User attended: Khruangbin" for "how many live shows"
    kept = [f for f in facts if (asked & question_terms(f.text) or going and attended.went_fact(f, ev))
            and not _set_aside_source(f, found.set_aside, ev) and not other_kind(f.value or f.text, plan.question)]
    # a trip line whose turn a kept item came from tells that item ("Went to the Jungle gig at Ally
    # Pally": attended Jungle gig, not a second event at "the Jungle")
    trips = [(v, ln) for v, ln in places if words & terms(ln.text) and not any(ln.turn_id in f.source_turn_ids for f in kept)]
    told = [(ln, hit) for ln, hit in found.events
            if not any(_covers(f, ln, words) for f in kept) and not any(t.turn_id == ln.turn_id for _, t in trips)]
    items = [f"{f.value or f.text}, {fact_date(f).date()}" for f in kept]
    items += [f"{v}, {event_day(ln)}" for v, ln in trips]
    many = {ln.turn_id: n for ln, _ in told if (n := inst.stated_quantity(ln.text, heads)) != 1}
    items += [f"{found.acts.get(inst.key(ln)) or label(ln, hit)}, {event_day(ln)}" + (f" (×{many[ln.turn_id]})" if ln.turn_id in many else "")
              for ln, hit in told]
    total = len(items) + sum(n - 1 for n in many.values())
    out.lines.append(f"{total} item(s) you told of: " + "; ".join(items))
    if found.set_aside:
        out.lines.append("Not counted: " + "; ".join(f"{_quote(ln)}: {why}" for ln, why in found.set_aside))
    out.fact_ids.extend(f.id for f in kept)
    for f in kept:
        out.turn_ids.extend(f.source_turn_ids[:1])
        out.cited.append(f"\"{f.text[:100]}\" (said {f.observed_at.date()})")
    for ln in [t for _, t in trips] + [ln for ln, _ in told]:
        out.turn_ids.append(ln.turn_id)
        out.cited.append(_quote(ln))
    if DIFFERENT.search(plan.question) and len(items) > 1 and any(not names(ln) for ln, _ in told):
        # how many *different* things, and the lines do not name them: lines sharing a rare word
        # ("c2" twice) tell the same one; the rest are counted as different, and the answer says so
        distinct = _distinct_lines([ln for ln, _ in told], ev, question_terms(plan.question))
        n = len(items) - len(told) + len(distinct)
        out.answer = (f"{n} ({'; '.join(_quote(ln) for ln in [t for _, t in trips] + distinct)}), counting each of "
                      "these as a different one: your lines do not name them, so some may be the same")
        out.ambiguous = True
        return out
    if found.unsure:
        out.lines.append("Maybe more: " + "; ".join(_quote(ln) for ln in found.unsure))
    listing = "; ".join(items)
    if not number:
        out.answer = listing
    elif found.unsure:
        out.answer = f"at least {total} ({listing}); maybe also {_quote(found.unsure[0])}"
    else:
        out.answer = f"{total} ({listing})"
    return out
