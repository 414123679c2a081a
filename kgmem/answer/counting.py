"""Counts of the user's own told events: "how many half marathons have I completed this year".

Stored facts hold what extraction understood; a count question often asks about events no
predicate holds ("presented a paper at a conference", "did a bank shift", "got accepted"). So the
events are counted from the user's own lines:

- **which lines are about the asked thing**: by meaning first — a line whose MiniLM cosine to the question's counted
  phrase ("I have done hikes": :mod:`kgmem.answer.instances`) is near the best line's tells an instance though it never
  says "hike" ("Walked up Helvellyn today"), and so does a line naming a title whose neighbours in the predicate bank vote for
  the asked title deed (:mod:`kgmem.answer.deeds`: "the last chapter of Circe had me in tears" for books read); and by words —
  a line naming the counted things' nouns (else the question's other content words) closer to the phrase than this user's
  typical line is; not a line naming another kind of outing (:mod:`kgmem.answer.act_kinds`) or telling another fact of the user's;
- **which of those are the user's own actual events**: :func:`kgmem.answer.countable.why_not`
  (not a plan, a booking still ahead, a declined offer, a friend's doing), told in the window;
- **one event per telling**: a session tells an event once (the best line of it is kept); two
  sessions naming the same title or place ("Flying out to Lisbon on Tuesday" / "Got back from
  Lisbon"), or dating their event to the same day ("the fell walk on Saturday" told on Tuesday),
  tell the same event.

The answer names what it counted: "2 (the Bath Half, 2023-03-12; the Edinburgh half marathon,
2023-05-28)".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from statistics import median

from kgmem import temporal
from kgmem.answer import attended, countable, deeds
from kgmem.answer import instances as inst
from kgmem.answer.act_kinds import other_kind
from kgmem.answer.count_doers import not_the_asked, told_first_by_user
from kgmem.answer.deterministic import Computed
from kgmem.answer.evidence import BOOKING_VERBS, PROPOSAL_VERBS, EvidenceSet, Line
from kgmem.answer.match import GENERIC, norm, terms
from kgmem.models import Fact, QueryPlan
from kgmem.nlp import load_nlp
from kgmem.retrieval.planner import plan_notes
from kgmem.retrieval.search import fact_date
from kgmem.text import tokenize

#: "how many X" (not "the total number of X": a generic count the stored items answer; counting
#: lines for it added preference lines — "Big yes to documentaries" — on the first synthetic family)
_HOW_MANY = re.compile(r"\bhow\s+many\b", re.I)
#: where the counted things are named: after "how many", or a count noun's "of" ("my *tally of* films": a count
#: and a number, however the plan's shape came out)
_COUNT_NOUN = re.compile(r"\b(?:count|tally)\s+of\b", re.I)
_COUNTED_AFTER = re.compile(rf"\bhow\s+many\b|{_COUNT_NOUN.pattern}", re.I)
#: "how many days did I spend in Lisbon" asks a duration, not a count of told events
_HOW_MANY_UNITS = re.compile(r"\bhow\s+many\s+(?:more\s+)?(?:seconds|minutes|hours|days|nights|weeks|months|years)\b", re.I)
#: words of a count question that say how to count, not what ("how many *different kinds* of bird")
_COUNTING = terms("many different kind kinds sort sorts type types actually total altogether together far")
#: verbs that carry tense, not the event ("have I *done*", "did I", "*got* accepted")
_AUXILIARIES = terms("have has had do does did done get got gets be been being")
#: a capitalised run after a line's first word: a title or a place names which event a line tells
_NAME_RUN = re.compile(r"(?<=\w[\s,])(?:The\s+)?[A-Z][\w'’&-]+(?:\s+(?:(?:of|in|and|the|a|on)\s+)*[A-Z][\w'’&-]+)*")
#: calendar periods a question's window is counted in ("this year", "since last term")
_PERIODS = frozenset({"year", "term", "semester", "season", "month", "week", "quarter", "fortnight", "decade"})
#: how a word modifies a period noun in the parse ("this *financial* year", "last *school* term")
_PERIOD_MODIFIERS = frozenset({"amod", "compound", "det", "nmod", "nummod", "poss"})


def _window_words(plan: QueryPlan) -> set[str]:
    """Words of the question's time expressions: what the resolver finds ("since *September*"),
    and a calendar period noun with its modifiers by the parse ("this *financial year*", "since
    last *school term*"), unless the period is itself what is counted ("how many seasons")."""
    q = plan.question
    out: set[str] = set()
    for tok in load_nlp()(q):
        if tok.lemma_.lower() in _PERIODS and not any(c.lower_ == "many" for c in tok.children):
            words = [tok] + [c for c in tok.children if c.dep_ in _PERIOD_MODIFIERS]
            out |= {t for w in words for t in question_terms(w.text)}
    if plan.question_date is not None:
        out |= {w for s in temporal.find_time_expressions(q, plan.question_date) for w in terms(q[s.start_char:s.end_char])}
    return out


#: where the counted phrase of "how many <things> …" ends: the clause's subject or auxiliary
_PHRASE_END = re.compile(r"\b(?:i|we|you|he|she|they|it|have|has|had|did|do|does|are|were|is|was|will|can|could|would|"
                         r"should|got|get|gets|been)\b", re.I)


def _counted_phrase(question: str) -> list[list[str]]:
    """The words of "how many <things>", one list per coordinated part ("wards or departments")."""
    m = _COUNTED_AFTER.search(question)
    if m is None:
        return []
    rest = question[m.end():]
    end = _PHRASE_END.search(rest)
    phrase = rest[:end.start()] if end else rest
    parts = [_words(inst.before_adjunct(part)) for part in re.split(r"\b(?:or|and)\b|,", phrase)]
    return [p for p in parts if p]


def _words(part: str) -> list[str]:
    """One counted part's words, its head noun last: "jars of my marmalade" → marmalade, jars
    (the word before "of" is the counted thing; "of my submissions", "kinds of bird" have none)."""
    before, _, after = f" {part} ".partition(" of ")
    head = [w for w in tokenize(before) if norm(w) not in _COUNTING]
    rest = [w for w in tokenize(after) if norm(w) not in _COUNTING]
    return rest + head if head else rest


def counted_heads(question: str) -> set[str]:
    """The head nouns of the counted phrase: "how many food bank *shifts* have I done" → shift;
    "how many wards or departments" → ward, department."""
    return {t for part in _counted_phrase(question) for t in question_terms(part[-1])}


def _modifiers(question: str) -> set[str]:
    """The counted phrase's other words ("food bank" of "food bank shifts"): alone, they name no
    event ("the bank sent me a card" is no shift)."""
    return {t for part in _counted_phrase(question) for w in part[:-1] for t in question_terms(w)}


def anchors(plan: QueryPlan) -> tuple[set[str], set[str]]:
    """The question's words that say what is counted: (the counted things' head nouns, its other
    content words — the verb of "how many of my submissions got *accepted*", modifiers)."""
    skip = set(GENERIC) | _COUNTING | _window_words(plan)
    heads = counted_heads(plan.question) - skip
    words = {t for k in plan.keywords for t in question_terms(k)} | \
        {t for n in plan_notes(plan, "noun") for t in question_terms(n)}
    return heads, words - skip - heads - _modifiers(plan.question)


def question_terms(text: str) -> set[str]:
    """A question's comparison forms, each word also by its dictionary form (spaCy's lemma: a past
    participle as its verb, "taken" → take, so a line's "Took £420" holds it; "garden" stays garden)."""
    return terms(text) | {norm(lemma) for lemma in lemmas(text)}


@lru_cache(maxsize=4096)
def lemmas(text: str) -> tuple[str, ...]:
    """The lemmas of a text's words, by the shared pipeline's tagger and lemmatizer (no parse)."""
    doc = load_nlp()(text, disable=("parser", "ner"))
    return tuple(t.lemma_.lower() for t in doc if t.is_alpha)


def shared(words: set[str], line_terms: set[str]) -> set[str]:
    """The question's words a line holds."""
    return words & line_terms


def said_in_window(line: Line, plan: QueryPlan) -> bool:
    """The line was said inside the question's time window (or the question has none)."""
    return (w := plan.window) is None or ((w.start is None or line.said_at >= w.start) and (w.end is None or line.said_at <= w.end))


def _names(line: Line, asked: frozenset[str] = frozenset(), acts: dict[tuple[str, int], str] | None = None) -> set[str]:
    """The titles and places a line names, not the counted kind itself ("IELTS" of "how many IELTS tests" names every test),
    and the acts of ``acts`` (lower case, as :mod:`kgmem.answer.attended` reads them) it names ("the paper kites show")."""
    runs = {r.casefold() for r in inst.name_runs(line, _NAME_RUN)}
    runs |= {a for a in (acts or {}).values() if re.search(rf"\b{re.escape(a)}\b", line.text.lower())}
    return {r for r in runs if r not in ("i", "i'm", "i've", "i'd") and not terms(r) <= asked}


def _label(line: Line, hit: set[str]) -> str:
    """What the line tells, short: its longest name, else the clause around the matched word."""
    runs = sorted((r.group(0).strip(" ,.") for r in _NAME_RUN.finditer(line.text)), key=len, reverse=True)
    runs = [r for r in runs if r.casefold() not in ("i", "i'm", "i've", "i'd")]
    if runs:
        return runs[0]
    text = line.text.strip().rstrip(".!?")
    return text if len(text) <= 60 else text[:57].rstrip() + "…"


def event_day(line: Line) -> str:
    """The day a line's event happened: its own recent past date ("yesterday", "last night"),
    else the day it was said (a far date in the line is more often another event's)."""
    when = line.when
    return str(when.date() if line.dated_by_text and 0 <= (line.said_at - when).days <= 14 else line.said_at.date())


#: the question asks how many *different* things, not how many times
_DISTINCT = re.compile(r"\b(?:different|distinct|kinds?|types?|sorts?|varieties|variety)\b", re.I)
#: question words that ask about arrangements themselves ("how many offers", "have I booked")
_ARRANGING = PROPOSAL_VERBS | BOOKING_VERBS | {"invitation", "booking", "reservation", "registration"}


@dataclass
class Told:
    """The lines a count question's answer rests on."""

    #: the counted events, one line each, with the question's words each holds
    events: list[tuple[Line, set[str]]]
    #: lines about the counted thing that are no done event of the user's, and why
    set_aside: list[tuple[Line, str]] = field(default_factory=list)
    #: lines naming the counted thing, in sessions with no counted event, that the meaning check
    #: could not place: maybe more events (the count is then a lower bound)
    unsure: list[Line] = field(default_factory=list)
    #: the acts counted lines name ("six60" of "six60 at eden park last nite"), by (turn id, position)
    acts: dict[tuple[str, int], str] = field(default_factory=dict)


# long: the steps of one count (choose lines, set aside, one per session, dedupe) share sims and reasons
def told_events(ev: EvidenceSet) -> Told | None:
    """The user's own actual events the count question asks about, one line each (``None`` when
    the question is no "how many" question or no line tells what it counts).

    A line is an instance by its meaning: its MiniLM cosine to the question's counted phrase
    (:func:`kgmem.answer.instances.counted_phrase`, one batch) reaches :func:`~kgmem.answer.instances.threshold`;
    or by its words: it names the counted things' nouns (else the question's other content words) and is closer to
    the phrase than this user's typical line, or names the whole counted phrase. Offers to the user and bookings are set
    aside (unless asked about), with plans, noes and other people's doings. A session tells an instance once; lines of two
    sessions naming the same title or place, or dating their event to the same day, tell the same one. Lines just below
    the threshold in sessions with no instance are "maybe" (the count is then a lower bound). A line told with its subject
    dropped ("Performed at the Fox's, someone filmed it!") is the user's when the user's doings are asked."""
    plan = ev.result.plan
    if not (_HOW_MANY.search(q := plan.question) or _COUNT_NOUN.search(q)) or _HOW_MANY_UNITS.search(q):
        return None
    heads, others = anchors(plan)
    mine = inst.counted_phrase(plan).startswith(("I ", "We "))  # the user's doings asked (not a plumber's): a line told first is theirs
    said = [ln for ln in ev.all_user_lines() if ln.role == "user" and said_in_window(ln, plan) and (not ln.is_request or mine and told_first_by_user(ln.text))]
    if not said:
        return None
    sims = inst.phrase_similarity(ev, inst.counted_phrase(plan), said)
    own = [ln for ln in said if ln.actuality == "actual" or mine and ln.actuality in ("other", "request") and told_first_by_user(ln.text)]
    if not own:
        return None
    arranging = bool(set(lemmas(plan.question)) & _ARRANGING)
    asked = frozenset(question_terms(plan.question))
    read = deeds.read_lines(ev, inst.counted_phrase(plan), own, lambda ln: _names(ln, asked), _NAME_RUN)

    def sim(ln: Line) -> float:
        return sims.get(inst.key(ln), 0.0)

    reasons: dict[tuple[str, int], str | None] = {}
    mods = _modifiers(q)
    named = frozenset(heads | others | mods)  # "no parkrun, snowed off": the asked thing named only to say it did not happen

    def why_not(ln: Line) -> str | None:  # the one test of whether a line's item counts (countable.py), or another deed told
        if (k := inst.key(ln)) not in reasons:
            reasons[k] = countable.why_not(ln, plan.question_date, ev, arranging=arranging) or other_kind(ln.text, plan.question) \
                or read.other.get(k) or ("it did not happen" if not_the_asked(ln.text, named) else None)
        return reasons[k]

    top = next((sim(ln) for ln in sorted(own, key=sim, reverse=True) if not why_not(ln)), 0.0)
    cut = inst.threshold(top)
    typical = median(sim(ln) for ln in own)
    words = heads
    by_word: list[Line] = []
    for words in (heads, others):  # the things' own nouns first; the other words only when no line names them
        by_word = [ln for ln in own if shared(words, terms(ln.text))]
        if by_word:
            break
    chosen = {inst.key(ln): ln for ln in own if sim(ln) >= cut}
    chosen.update({inst.key(ln): ln for ln in by_word if sim(ln) > typical or words is heads and mods and mods <= question_terms(ln.text)})  # the whole counted phrase
    chosen.update({k: ln for ln in own if (k := inst.key(ln)) in read.told})  # "the ending of Arrival wrecked me"
    # "how many gigs have I been to": "six60 at eden park last nite" names the act, not the kind
    going = attended.asks_attending(lemmas(plan.question))
    framed = (attended.framed(own) if going else {}) | read.referred
    chosen.update({k: ln for ln in own if (k := inst.key(ln)) in framed})
    set_aside = [(ln, why) for ln in said if ln not in own and (why := countable.LINE_CLASS_REASON.get(ln.actuality))
                 and (sim(ln) >= cut or shared(words, terms(ln.text)))]
    # a booking still ahead at the question date, an offer, "mia went to the gig without me", "I was
    # meant to go … but": the line's item does not count
    set_aside += [(ln, why) for ln in chosen.values() if (why := why_not(ln))]
    tickets = [ln for ln in chosen.values() if going and attended.ticket_line(ln.text)]
    set_aside += [(ln, "a ticket, not the event") for ln in tickets]  # "sold my ticket to the … gig", "got tix for …"
    placed = [ln for ln in chosen.values() if not why_not(ln) and ln not in tickets]
    booked = [ln for ln in placed if not arranging and countable.unconfirmed(ln)]  # booked, never told done: "maybe"
    placed = [ln for ln in placed if ln not in booked]
    best: dict[str, Line] = {}
    for ln in sorted(placed, key=lambda ln: (inst.key(ln) in framed, sim(ln)), reverse=True):
        best.setdefault(ln.session_id, ln)  # a session's line naming the act it went to tells its event
    events: list[tuple[Line, set[str]]] = []
    for ln in sorted(best.values(), key=lambda ln: ln.said_at):
        if events and attended.retelling(ln.text):  # "I told you I gave blood in September"
            set_aside.append((ln, "told again"))
            continue
        if not any(_names(ln, asked, framed) & _names(other, asked, framed) or inst.same_day_retold(ln, other)
                   for other, _ in events):
            events.append((ln, shared(heads | others, terms(ln.text))))
    if not events:
        return None
    # a line just below the threshold that names a word of the question, or one holding the counted noun but not placed
    # by its meaning, told in a session no counted event comes from: maybe one more
    about = heads | others | mods
    near = [ln for ln in own if ln.session_id not in best and inst.key(ln) not in chosen and (
        (sim(ln) >= cut - inst.NEAR and shared(about, terms(ln.text)))
        or (words is heads and shared(heads, terms(ln.text)) and mods <= question_terms(ln.text))) and not why_not(ln)]
    unsure = booked + sorted(near, key=sim, reverse=True)
    return Told(events, sorted(set_aside, key=lambda a: a[0].said_at), unsure, framed)


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
    number = plan.answer_shape == "number" or bool(_COUNT_NOUN.search(plan.question))
    out = Computed(kind="count" if number else "list")
    found = told_events(ev)
    if found is None:
        return out
    heads, others = anchors(plan)
    words = heads | others | _modifiers(plan.question)
    # a stored item of the plan's predicates is about the question when its words hold one of the question's, its event
    # verb too ("User visited: Lyon" for "how many cities have I visited"): not "User bought: keys" for "… got accepted"
    asked = question_terms(plan.question) - _COUNTING - _window_words(plan) - _AUXILIARIES
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
    items += [f"{found.acts.get(inst.key(ln)) or _label(ln, hit)}, {event_day(ln)}" + (f" (×{many[ln.turn_id]})" if ln.turn_id in many else "")
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
    if _DISTINCT.search(plan.question) and len(items) > 1 and any(not _names(ln) for ln, _ in told):
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
