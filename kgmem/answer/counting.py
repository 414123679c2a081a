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

What the question asks is read by :mod:`kgmem.answer.count_question`; the answer is written by
:mod:`kgmem.answer.count_answer`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from statistics import median

from kgmem import knowledge
from kgmem.answer import attended, countable, deeds, name_kinds
from kgmem.answer import instances as inst
from kgmem.answer.act_kinds import other_kind
from kgmem.answer.count_doers import not_the_asked, told_first_by_user
from kgmem.answer.count_question import (
    COUNT_NOUN,
    DIFFERENT,
    HOW_MANY,
    HOW_MANY_UNITS,
    anchors,
    counted_lemmas,
    lemmas,
    modifiers,
    question_terms,
    said_in_window,
    shared,
)
from kgmem.answer.evidence import BOOKING_VERBS, PROPOSAL_VERBS, EvidenceSet, Line
from kgmem.answer.match import terms
from kgmem.answer.outings import went_to
from kgmem.lexicon.people import people_noun
from kgmem.nlp import load_nlp

#: a capitalised run after a line's first word: a title or a place names which event a line tells
_NAME_RUN = re.compile(r"(?<=\w[\s,])(?:The\s+)?[A-Z][\w'’&-]+(?:\s+(?:(?:of|in|and|the|a|on)\s+)*[A-Z][\w'’&-]+)*")


#: a capitalised run opening a line ("Oppenheimer was three hours", "PyCon was great", "Les Mis matinee today")
_OPENING_RUN = re.compile(r"^\W*(?:The\s+)?[A-Z][\w'’&-]+(?:\s+(?:(?:of|in|and|the|a|on)\s+)*[A-Z0-9][\w'’&-]*)*")


@lru_cache(maxsize=4096)
def _opens_with_a_name(text: str) -> bool:
    """The line's first word is a name, not a word capitalised for opening it: with its capital taken away the tagger
    still reads a proper noun, or a noun that is no common English word ("pycon"); "Dragged my son to …", "Met Priya
    at …" and "Download was brilliant" open with a verb or a common word."""
    doc = load_nlp()(text[:1].lower() + text[1:], disable=("parser", "ner"))
    first = next((t for t in doc if t.is_alpha), None)
    return first is not None and (first.pos_ == "PROPN" or first.pos_ in ("NOUN", "X") and not knowledge.common_word(first.lower_))


def names(line: Line, asked: frozenset[str] = frozenset(), acts: dict[tuple[str, int], str] | None = None) -> set[str]:
    """The titles and places a line names, not the counted kind itself ("IELTS" of "how many IELTS tests" names every test),
    and the acts of ``acts`` (lower case, as :mod:`kgmem.answer.attended` reads them) it names ("the paper kites show");
    a line's opening words only where they are a name (:func:`_opens_with_a_name`)."""
    runs = {r.casefold() for r in inst.name_runs(line, _NAME_RUN)}
    if _opens_with_a_name(line.text):
        runs |= {r.casefold() for r in inst.name_runs(line, _OPENING_RUN)}
    runs |= {a for a in (acts or {}).values() if re.search(rf"\b{re.escape(a)}\b", line.text.lower())}
    return {r for r in runs if r not in ("i", "i'm", "i've", "i'd") and not terms(r) <= asked}


def label(line: Line, hit: set[str]) -> str:
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


@lru_cache(maxsize=4096)
def spectated(text: str, asked: tuple[str, ...]) -> str | None:
    """Why a line's thing is no doing of the user's when a doing is asked ("how many marathons have I run"): the
    line's main verb is one of watching, which the question's verbs are not, and what is watched is a person
    ("Cheered my brother on at the Berlin Marathon": the brother's race); else ``None``."""
    doc = load_nlp()(text[:1].lower() + text[1:])
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    watching = attended.spectating_verbs()
    if root is None or root.lemma_.lower() not in watching or set(asked) & watching:
        return None
    watched = [c for c in root.children if c.dep_ == "dobj"]
    return "watched someone else do it" if any(people_noun(c.lower_) or people_noun(c.lemma_.lower()) or c.ent_type_ == "PERSON"
                                               for c in watched) else None


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
    #: lines placed as events but told as the same event as a counted one (its session's better line, the same
    #: name, the same day): kept for the count's explanation and eval/diag_counts.py
    merged: list[Line] = field(default_factory=list)


#: a question clause after what the sentence first tells: ", what helps with sunburn?", "… the other night Is Seville
#: expensive to visit?" (a capital after a lower-case word: the question began without a stop)
_QUESTION_AFTER = re.compile(r"(?:,\s*(?:(?:so|and|but|anyway)\s+)?(?=(?:what|how|where|which|who|why|when|can|could|should|"
                             r"would|will|do|does|did|is|are|any)\b)|\s(?=(?:What|How|Where|Which|Who|Why|When|Can|Could|"
                             r"Should|Would|Is|Are|Do|Does|Any)\s))[^,?]*\?\s*\)?\s*$")


def told_part(line: Line) -> Line:
    """A request line's statement before its question, as a line of its own ("My shoulders are burnt to a crisp from
    Glastonbury, what helps with sunburn?" tells the festival, then asks); any other line as it is."""
    m = _QUESTION_AFTER.search(line.text) if line.is_request else None
    if m is None or len(line.text[:m.start()].split()) < 4:
        return line
    return Line(line.text[:m.start()].strip(" ,"), line.turn_id, line.session_id, line.role, line.said_at, line.score,
                line.position)


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
    if not (HOW_MANY.search(q := plan.question) or COUNT_NOUN.search(q)) or HOW_MANY_UNITS.search(q):
        return None
    heads, others = anchors(plan)
    mine = inst.counted_phrase(plan).startswith(("I ", "We "))  # the user's doings asked (not a plumber's): a line told first is theirs
    said = [told_part(ln) for ln in ev.all_user_lines() if ln.role == "user" and said_in_window(ln, plan)]
    said = [ln for ln in said if not ln.is_request or mine and told_first_by_user(ln.text)]
    if not said:
        return None
    sims = inst.phrase_similarity(ev, inst.counted_phrase(plan), said)
    own = [ln for ln in said if ln.actuality == "actual" or mine and ln.actuality in ("other", "request") and told_first_by_user(ln.text)]
    if not own:
        return None
    arranging = bool(set(lemmas(plan.question)) & _ARRANGING)
    asked = frozenset(question_terms(plan.question))
    read = deeds.read_lines(ev, inst.counted_phrase(plan), own, lambda ln: names(ln, asked), _NAME_RUN)
    # "Back from Glastonbury" where a reply says "Glastonbury is one of the UK's biggest music festivals"
    typed = name_kinds.typed_as(ev, own, heads, lambda ln: names(ln, asked))

    def sim(ln: Line) -> float:
        return sims.get(inst.key(ln), 0.0)

    # "my voice is shot after a film festival screening" for "how many events have I attended": the occasion's noun,
    # where the user went (the bank's vote for another deed does not undo it: "ended up at a climbing competition");
    # only going is asked so ("cheered my mate on at the Manchester marathon" is no marathon run)
    going = attended.asks_attending(lemmas(plan.question))
    outings = went_to(own, counted_lemmas(q)) if going else {}
    reasons: dict[tuple[str, int], str | None] = {}
    mods = modifiers(q)
    named = frozenset(heads | others | mods)  # "no parkrun, snowed off": the asked thing named only to say it did not happen

    def why_not(ln: Line) -> str | None:  # the one test of whether a line's item counts (countable.py), or another deed told
        if (k := inst.key(ln)) not in reasons:
            reasons[k] = countable.why_not(ln, plan.question_date, ev, arranging=arranging) or other_kind(ln.text, plan.question) \
                or (None if k in outings or k in typed else read.other.get(k)) or ("it did not happen" if not_the_asked(ln.text, named) else None) \
                or (None if going else spectated(ln.text, lemmas(plan.question)))
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
    chosen.update({k: ln for ln in own if (k := inst.key(ln)) in typed})
    # "how many gigs have I been to": "six60 at eden park last nite" names the act, not the kind
    framed = (attended.framed(own) if going else {}) | read.referred | outings
    chosen.update({k: ln for ln in own if (k := inst.key(ln)) in framed})
    set_aside = [(ln, why) for ln in said if ln not in own and (why := countable.LINE_CLASS_REASON.get(ln.actuality))
                 and (sim(ln) >= cut or shared(words, terms(ln.text)))]
    # a booking still ahead at the question date, an offer, "mia went to the gig without me", "I was
    # meant to go … but": the line's item does not count
    set_aside += [(ln, why) for ln in chosen.values() if (why := why_not(ln))]
    # ... not a line telling where it went with a ticket by the way ("ended up at a baseball game (a friend had a spare ticket)")
    tickets = [ln for ln in chosen.values() if going and attended.ticket_line(ln.text) and inst.key(ln) not in outings]
    set_aside += [(ln, "a ticket, not the event") for ln in tickets]  # "sold my ticket to the … gig", "got tix for …"
    placed = [ln for ln in chosen.values() if not why_not(ln) and ln not in tickets]
    booked = [ln for ln in placed if not arranging and countable.unconfirmed(ln)]  # booked, never told done: "maybe"
    placed = [ln for ln in placed if ln not in booked]
    best: dict[str, Line] = {}
    for ln in sorted(placed, key=lambda ln: (inst.key(ln) in framed, sim(ln)), reverse=True):
        best.setdefault(ln.session_id, ln)  # a session's line naming the act it went to tells its event
    events: list[tuple[Line, set[str]]] = []

    def named_in(ln: Line) -> set[str]:  # "Went to Latitude" and "Latitude was my first proper festival": one
        return names(ln, asked, framed) | typed.get(inst.key(ln), frozenset())

    merged = [ln for ln in placed if best.get(ln.session_id) is not ln]
    for ln in sorted(best.values(), key=lambda ln: ln.said_at):
        if events and attended.retelling(ln.text):  # "I told you I gave blood in September"
            set_aside.append((ln, "told again"))
            continue
        # "Last Sunday again I see Ajax in the stadium": a repeat marked by its grammar is a new occasion of a thing
        # named before, unless the question counts different things
        again = not DIFFERENT.search(q) and inst.marks_repeat(ln.text)
        if not any(not again and named_in(ln) & named_in(other) or inst.same_day_retold(ln, other)
                   for other, _ in events):
            events.append((ln, shared(heads | others, terms(ln.text))))
        else:
            merged.append(ln)
    if not events:
        return None
    # a line just below the threshold that names a word of the question, or one holding the counted noun but not placed
    # by its meaning, told in a session no counted event comes from: maybe one more
    about = heads | others | mods
    near = [ln for ln in own if ln.session_id not in best and inst.key(ln) not in chosen and (
        (sim(ln) >= cut - inst.NEAR and shared(about, terms(ln.text)))
        or (words is heads and shared(heads, terms(ln.text)) and mods <= question_terms(ln.text))) and not why_not(ln)]
    unsure = booked + sorted(near, key=sim, reverse=True)
    return Told(events, sorted(set_aside, key=lambda a: a[0].said_at), unsure, framed, merged)
