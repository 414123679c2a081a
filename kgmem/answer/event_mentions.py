"""Which of the user's lines mention an activity, each scored and dated.

The activity's *mentions* are the user's own actual lines about it (not a plan, a friend's doing
or something declined), found by its distinctive words (folded, stemmed, everyday synonyms, one
typo), by one of its names, by the name of a plan that came true, or by meaning (the embedding
similarity of the activity to the line's turn and sentence). A line without its own time
expression borrows one from the next sentence of the same turn; a scheduled line ("Flying out to
Lisbon on Tuesday") takes the coming date when a later line continues the story.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from functools import lru_cache
from typing import NamedTuple

from kgmem import knowledge
from kgmem.answer.actuality import done_for_the_user
from kgmem.answer.deed_terms import line_terms
from kgmem.answer.event_asked_thing import told_deed
from kgmem.answer.event_calloff import calls_off, only_cancel, put_off_then_done, tells_done
from kgmem.answer.event_clause import own_clause_actual
from kgmem.answer.event_instance import CARRIES, OTHER, NameCheck
from kgmem.answer.event_modifiers import line_verdicts as instance_verdicts
from kgmem.answer.event_names import (
    bare_deed,
    line_spellings,
    names_head,
    names_subject,
    phrase_names,
    told_names,
    typo_hits,
    typo_words,
)
from kgmem.answer.event_roles import departs, returns_home
from kgmem.answer.event_spec import EventMatch, line_roles, one_per_turn
from kgmem.answer.event_time import planned_day, scheduled
from kgmem.answer.event_time import when as when_of
from kgmem.answer.evidence import EvidenceSet, Line, arrangement, roles_of
from kgmem.answer.match import contains_name, core_terms, coverage, norm, terms
from kgmem.models import Fact
from kgmem.nlp import known_words
from kgmem.retrieval.question import RELATIONS
from kgmem.retrieval.question import nlp as question_nlp

#: share of the activity's distinctive words a line must cover (literal/synonym)
MIN_COVERAGE = 0.5
#: a line whose turn is this similar to the activity is a mention even without its words
SEMANTIC_MENTION = 0.45
#: how long after its start an activity's unnamed end may come ("Home again!" after a trip)
CONTINUATION_DAYS = 120
#: a calling off undoes what was arranged for the same event this shortly before it ("Booked a spa day
#: for Saturday!" … "The spa day is off"), as well as any day told ahead of it — never a line that
#: tells the event done ("Ran the parkrun" … a week on, "Didn't make it to parkrun today")
CALLED_OFF_WITHIN = timedelta(days=14)

def mentions(activity: str, ev: EvidenceSet, *, deep: bool = False) -> list[EventMatch]:
    """The user's own actual lines about an activity, each scored and dated. ``deep``: also embed the
    candidate sentences of the most similar turns and accept a line by meaning alone ("fly to Iceland" ~
    "Greetings from Reykjavík!") — slower, so callers ask for it only when the words found too little."""
    core, every = core_terms(activity), terms(activity)
    if not core:
        return []
    names = phrase_names(activity)
    relations = {norm(w) for w in RELATIONS} & core
    nouns = _nouns(activity, core)
    sims: dict[str, float] = ev.result.phrase_similarity(activity)
    sent_sims, by_turn, out = _sentence_similarity(activity, ev, sims) if deep else {}, _facts_by_turn(ev), []
    followed = _planned_names(activity, core, ev)
    # the activity said in full only as a plan or declined ("next month I'm going to start a watercolour
    # class"): a line naming part of it ("a pottery course") is another activity
    # (words first: what a line is is read only for lines about the activity; after the typos: "in Lisbob …")
    lines = _line_words(activity, core, names, ev)
    true_plans, told_unreal = _plans(core, names, followed, lines, ev)
    cancel_asked = bool(re.search(r"\bcancel", activity, re.I))  # "cancelling my gym membership" is the event asked
    check, qd = NameCheck(activity, ev), ev.result.plan.question_date  # the activity's names ("my trip to portugal")
    # a day told ahead that a later line calls off ("… got rained off", "we didn't go after all")
    offs = [] if cancel_asked else _called_off(activity, core, lines, check, ev)
    # no word, name or meaning of the activity: what the line is need not be read
    lines = [(told_deed(ln, activity, ev), have) for ln, have in lines if _may_mention(ln.text, have, core, names, followed,
                                                           sims.get(ln.turn_id, 0.0), sent_sims.get(id(ln), 0.0))]
    # a turn naming the activity in words as someone else's ("my best friend got married") and its other sentences
    told_other = {ln.turn_id for ln, have in lines if ln.actuality == "other" and coverage(core, have) >= MIN_COVERAGE}
    verdicts = dict(zip((id(ln) for ln, _ in lines), check.line_verdicts([ln for ln, _ in lines])))
    for line, have in lines:
        turn_sim, sent_sim = sims.get(line.turn_id, 0.0), sent_sims.get(id(line), 0.0)
        if line.actuality == "negated" and cancel_asked and only_cancel(line.text):
            pass
        elif id(line) in true_plans:
            pass  # a plan for a coming day that a later line says happened ("a week on Monday" … "home since Tuesday")
        elif line.actuality != "actual" and not _told_as_asked(line, activity, core, nouns, ev):
            continue  # someone else's doing counts only when the question names them ("Matteo left")
        elif arranges_only(line, activity):
            continue
        cov = coverage(core, have)
        if 0 < cov < 1.0 and ((nouns and not _shares_noun(nouns, have)) or not names_head(activity, line.text)):
            # sharing a modifier or the verb is not the same activity ("learning the *violin*" /
            # "still learning everyone's names", "my new *phone*" / "my new job"), nor is a word the
            # line has only inside a name ("my theory exam" / "a shop called String Theory")
            cov = min(cov, MIN_COVERAGE - 0.01)
        if cov < MIN_COVERAGE and followed:
            # the plan came true: "I start at Lumen Health, a small clinic" then "my first day at Lumen"
            cov = max([cov] + [c for n, c in followed.items() if contains_name(n, line.text)])
        if relations - have:
            continue  # "my cousin's wedding" is not "a friend's wedding"
        named = [n for n in names if contains_name(n, line.text)]
        sim = max(turn_sim, sent_sim)
        by_meaning = _by_meaning(turn_sim, sent_sim)
        if cov < 1.0 and not named and (_uncarried(verdicts.get(id(line)), check) or (names and not by_meaning)):
            continue  # the phrase names a place, title or person this line does not carry
        if cov < 1.0 and instance_verdicts(activity, [line], ev) == [OTHER]:
            continue  # another instance of the phrase's kind ("a ceramics course" / "my woodwork course")
        if cov < MIN_COVERAGE and not named and (not by_meaning or line.turn_id in told_other):
            continue  # (close in meaning beside that is its context: "I was her maid of honour!")
        if told_unreal and cov < 1.0 and not named and sent_sim < SENTENCE_MENTION and not (
                followed and any(contains_name(n, line.text) for n in followed)):
            continue
        when, gran, dated = when_of(line, ev)
        if _not_come(line, when, qd, offs):
            continue
        if id(line) in true_plans:
            (when, gran), dated = true_plans[id(line)], True
        ahead = scheduled(line) if line.dated_by_text else None
        if ahead is not None and came_true(ahead[0], line, core, ev):
            when, gran = ahead  # "flying out to Lisbon on Tuesday": the coming Tuesday, as it came true
        score = cov + 0.3 * coverage(every, have) + 0.5 * sim + (0.2 if named else 0.0) + (0.05 if dated else 0.0)
        told = [f for f in by_turn.get(line.turn_id, []) if f.speaker == "user" and core & terms(f.text)]
        out.append(EventMatch(when, score, line.text, line.said_at, gran, line=line,
                              fact=told[0] if told else None, roles=line_roles(line)))
    if not out and deep and not names and not any(
            coverage(core, line_terms(ln.text)) >= MIN_COVERAGE for ln in ev.all_user_lines()):
        # no line of any kind names it (a plan, a friend's doing or a "no" that does is an answer
        # of its own: "mentioned only as a plan"): the sentence closest in meaning, if clearly so
        out = _closest_by_meaning(activity, ev, sent_sims, check)
    return one_per_turn(out)


def _told_as_asked(line: Line, activity: str, core: set[str], nouns: set[str], ev: EvidenceSet) -> bool:
    """A line read as someone else's still tells the asked doing: the question names its doer, or the
    clause naming the activity is the user's own ("Went to my first class, the teacher talks fast")."""
    return line.actuality == "other" and (names_subject(line.text, _doers(activity, ev), core, nouns,
                                                        own_deed=bare_deed(activity))
                                          or own_clause_actual(line.text, core) or done_for_the_user(line.text))


def _line_words(activity: str, core: set[str], names: list[str], ev: EvidenceSet) -> list[tuple[Line, set[str]]]:
    """Each user line with its comparison words. A word of the phrase no line has and no dictionary
    knows is read as a typo ("the Manadrin course", "in Libson"): lines one edit away have it (the
    dictionary is loaded only then). A word the phrase lower-cases that the user only wrote as a
    name is added to ``names`` ("in lisbon")."""
    lines = [(ln, line_terms(ln.text)) for ln in ev.all_user_lines()]
    unseen = core - set().union(*(have for _, have in lines))
    typos = typo_words(activity, known_words(), keep=unseen) if unseen else {}
    if unseen:  # a typo of the phrase's, or the line spells the word apart or misspells it ("the food bank")
        lines = [(ln, have | typo_hits(typos, ln.text) | line_spellings(activity, unseen, known_words(), ln.text))
                 for ln, have in lines]
    names += [n for n in told_names(activity, [ln.text for ln, _ in lines], typos) if n not in names]
    # a region the activity names and no line does is named by a place within it ("my tasmania trip":
    # "home from launceston"); the gazetteer is read only then
    for region in knowledge.regions_in(activity) if unseen else []:
        if terms(region) & unseen:
            names += [p for ln, _ in lines for p in knowledge.places_within(region, ln.text) if p not in names]
    return lines


def _plans(core: set[str], names: list[str], followed: dict[str, float], lines: list[tuple[Line, set[str]]],
           ev: EvidenceSet) -> tuple[dict[int, tuple[datetime, str]], bool]:
    """The plans for a coming day that a later line says happened (id of the line → the day), and
    whether the activity is said in full only in a plan or a "no" otherwise."""
    true_plans = {id(ln): day for ln, have in lines if ln.actuality == "plan"
                  and _may_mention(ln.text, have, core, names, followed, 0.0, 0.0)
                  and (day := planned_day(ln)) is not None and came_true(day[0], ln, core, ev)}
    told_unreal = any(coverage(core, have) >= 1.0 and ln.actuality in ("plan", "negated") and id(ln) not in true_plans
                      for ln, have in lines)
    return true_plans, told_unreal


def _doers(activity: str, ev: EvidenceSet) -> list[str]:
    """Who may do the activity besides the user: the names it carries, and for a phrase told with
    he/she/they, the question's names ("… after we brought Moss home did *he* first go to the vet")."""
    names = phrase_names(activity)
    if re.match(r"^\W*(?:he|she|they|him|her|them)\b", activity, re.I):  # "… and *him* riding to the park"
        names += [e for e in ev.result.plan.entities if e[:1].isupper()]
    return names


def arranges_only(line: Line, activity: str) -> bool:
    """The line books the activity ("Booked onto a sourdough course for the 25th") and the question
    asks for the activity, not for the signing up: the line tells an arrangement, not the event."""
    asked = "signup" in roles_of(activity) or re.search(r"\b(?:book|reserv|regist|enrol|sign)", activity, re.I)
    roles = line_roles(line)
    # a line that also tells the activity under way ("signed up …; the first meetup was last
    # Saturday") or dates itself in the past tells the event as well
    return (not asked and "signup" in roles and not roles & {"start", "finish"} and not line.dated_by_text
            and arrangement(line.text) == "booking")


def _facts_by_turn(ev: EvidenceSet) -> dict[str, list[Fact]]:
    """The user's facts by the turn they came from."""
    by_turn: dict[str, list[Fact]] = {}
    for f in ev.result.all_facts.values():
        for tid in f.source_turn_ids[:1]:
            by_turn.setdefault(tid, []).append(f)
    return by_turn


def _uncarried(verdict: str | None, check: NameCheck) -> bool:
    """The phrase names a place or nationality the line does not carry (itself or a place inside
    it), or the line names another of its kind ("Flying to Portugal" / "my trip to spain")."""
    return verdict == OTHER or (check.asked and verdict != CARRIES)


class Off(NamedTuple):
    """A line that calls the activity off (or puts it off)."""

    line: Line
    #: called off by its own predicate over the event (the parse) or a calling-off word, not only
    #: a "no" elsewhere in the line: it also undoes what was arranged shortly before it
    firm: bool
    #: put off, then told done in the same sentence ("… but we got there in the end"): the line
    #: is the event itself, on its own day
    done: bool


def _not_come(line: Line, when: datetime, qd: datetime | None, offs: list[Off]) -> bool:
    """A day told ahead ("Flying to Portugal on Tuesday") that has not come by the question's date,
    or that a later line called off (``offs``), an arrangement told shortly before a firm calling
    off or at any time before a putting off that came true (not a line telling the event done:
    :func:`tells_done`), or a calling off itself: no event of the activity."""
    if qd is not None and when.date() > qd.date():
        return True
    own = next((off for off in offs if line is off.line), None)
    if own is not None:
        return not own.done
    before = [off for off in offs if line.said_at < off.line.said_at]
    # a putting off that came true moves the event to its own line, from whatever day was arranged
    return any(when.date() > line.said_at.date() for _ in before) or (
        any(off.done or (off.firm and off.line.said_at - line.said_at <= CALLED_OFF_WITHIN) for off in before)
        and not tells_done(line.text))


def _called_off(activity: str, core: set[str], lines: list[tuple[Line, set[str]]], check: NameCheck,
                ev: EvidenceSet) -> list[Off]:
    """The user's lines that call the activity off: about the same instance (enough of its words,
    no other name or modifier of its kind) with a negated or cancelling predicate over it in the
    parse ("We've scrapped the half-term trip to Edinburgh", "The spa day is off"), a "no", or a
    cancelling role ("The Lake District weekend got rained off"); each marked firm (by the parse or
    the role, not only a "no" elsewhere in the line: "I didn't realise pottery would be so
    relaxing") and done (put off, then told done: "got pushed back but we got there in the end")."""
    offs = []
    for ln, have in lines:
        if coverage(core, have) < MIN_COVERAGE or ln.actuality not in ("actual", "negated", "other"):
            continue
        done = put_off_then_done(ln.text, core)
        firm = done or "cancel" in line_roles(ln) or calls_off(ln.text, core)
        # a line that is someone else's for another clause ("… got called off, Marta's passport hadn't come
        # back") still calls the event off when the parse ties the calling off to the event's own word
        if ln.actuality == "other" and not calls_off(ln.text, core):
            continue
        if firm or ln.actuality == "negated":
            offs.append(Off(ln, firm, done))
    if not offs:
        return []
    names = check.line_verdicts([off.line for off in offs])
    kinds = instance_verdicts(activity, [off.line for off in offs], ev)
    return [off for off, n, k in zip(offs, names, kinds) if n != OTHER and k != OTHER]


def calling_off(activity: str, ev: EvidenceSet) -> list[Off]:
    """The user's lines that call the activity off (for matchers that find lines by meaning: ask
    once per activity, then :func:`called_off` per line)."""
    core = core_terms(activity)
    if not core or re.search(r"\bcancel", activity, re.I):
        return []
    lines = [(ln, line_terms(ln.text)) for ln in ev.all_user_lines()]
    return _called_off(activity, core, lines, NameCheck(activity, ev), ev)


def called_off(line: Line, offs: list[Off], ev: EvidenceSet) -> bool:
    """Whether a line is one of ``offs`` (the activity's callings off), or a day told ahead for
    the activity before one of them."""
    return bool(offs) and _not_come(line, when_of(line, ev)[0], None, offs)


def came_true(date: datetime, line: Line, core: set[str], ev: EvidenceSet) -> bool:
    """A scheduled event happened when a later turn, told on or after its date, continues the
    story: names the activity again ("LAST GCSE EVER today" after "gcses start on monday"), or,
    for setting off on a trip, tells coming back."""
    trip = departs(line.text) or "visit" in roles_of(line.text)
    for ln in ev.all_user_lines():
        if ln.turn_id == line.turn_id or ln.said_at.date() < date.date() or ln.actuality != "actual":
            continue
        if calls_off(ln.text, core):
            continue  # "the half-term trip is scrapped" continues no story
        if coverage(core, line_terms(ln.text)) >= MIN_COVERAGE:
            return True
        if trip and ln.said_at <= date + timedelta(days=CONTINUATION_DAYS) and returns_home(ln.text):
            return True
    return False


def _by_meaning(turn_sim: float, sent_sim: float) -> bool:
    """A mention by meaning: the sentence itself is close, or its turn is and the sentence is not far."""
    return sent_sim >= SENTENCE_MENTION or (turn_sim >= SEMANTIC_MENTION and sent_sim >= 0.35)


def _may_mention(text: str, have: set[str], core: set[str], names: list[str], followed: dict[str, float],
                 turn_sim: float, sent_sim: float) -> bool:
    """What every mention needs, read from words and similarities alone: enough of the activity's
    words, one of its names, a plan's name that came true, or closeness in meaning. A line without
    any is no mention whatever it is (so :func:`mentions` reads what a line is — a parse for some —
    only for the lines that pass)."""
    return (coverage(core, have) >= MIN_COVERAGE or _by_meaning(turn_sim, sent_sim)
            or any(contains_name(n, text) for n in (*names, *followed)))


#: with no line matching by words, the one sentence clearly closest in meaning is the mention
#: ("the kitty came home" ~ "we brought home a little tabby kitten"): at least this similar ...
LONE_MENTION = 0.4
#: ... and this much closer than any sentence of another turn (else it is a guess: no match)
LONE_MARGIN = 0.06


def _closest_by_meaning(activity: str, ev: EvidenceSet, sent_sims: dict[int, float],
                        check: NameCheck) -> list[EventMatch]:
    """The user's own actual sentence closest in meaning to an activity no line names, when it
    is clearly the closest (by ``LONE_MARGIN`` over other turns' sentences) and carries the
    activity's name, if it has one (``check``)."""
    lines = {id(ln): ln for ln in ev.all_user_lines() if ln.actuality == "actual"}
    ranked = sorted(((v, lines[k]) for k, v in sent_sims.items() if k in lines), key=lambda x: -x[0])
    if not ranked or ranked[0][0] < LONE_MENTION or (check.asked and check.line_verdicts([ranked[0][1]]) != [CARRIES]):
        return []
    if instance_verdicts(activity, [ranked[0][1]], ev) == [OTHER]:
        return []  # another instance of the activity's kind
    best_sim, best = ranked[0]
    rival = next((v for v, ln in ranked[1:] if ln.turn_id != best.turn_id), 0.0)
    if best_sim - rival < LONE_MARGIN:
        return []
    when, gran, dated = when_of(best, ev)
    return [EventMatch(when, 0.5 * best_sim + (0.05 if dated else 0.0), best.text, best.said_at, gran, line=best,
                       roles=line_roles(best))]


def _shares_noun(nouns: set[str], have: set[str]) -> bool:
    """One of the nouns is in the line, whole, clipped ("comp" of "competition") or as the end of a
    compound ("arm" of "forearm")."""
    return bool(nouns & have) or any(len(n) >= 3 and (h.startswith(n) or (len(h) >= len(n) + 3 and h.endswith(n)))
                                     for n in nouns for h in have)


def _nouns(activity: str, core: set[str]) -> set[str]:
    """The activity's distinctive nouns by the tagger ("learning the violin" → {violin}); empty when
    the tagger is missing or tags none (short fragments are often mis-tagged: then no rule)."""
    return set(_tagged_nouns(activity)) & core


@lru_cache(maxsize=1024)
def _tagged_nouns(phrase: str) -> frozenset[str]:
    """A phrase's nouns by the tagger, parsed once per phrase (a parse is ~5-10 ms)."""
    nlp = question_nlp()
    if nlp is None:
        return frozenset()
    return frozenset(norm(t.lower_) for t in nlp(phrase) if t.pos_ in ("NOUN", "PROPN"))


#: a plan sharing a word with the activity and this close in meaning is about it
PLAN_SIMILARITY = 0.45


def _planned_names(activity: str, core: set[str], ev: EvidenceSet) -> dict[str, float]:
    """Names of the plans that are about the activity ("In two weeks I start at *Lumen* Health, a
    small clinic"), each with the plan's coverage of it: an actual line naming one later tells the
    same event in other words ("Today was my first day at Lumen")."""
    out: dict[str, float] = {}
    plans = [(ln, coverage(core, line_terms(ln.text))) for ln in ev.all_user_lines()]
    plans = [(ln, cov) for ln, cov in plans if cov > 0 and ln.actuality == "plan"]
    vecs = ev.result.embed([activity] + [ln.text for ln, _ in plans]) if plans else None
    for k, (line, cov) in enumerate(plans):
        if cov >= MIN_COVERAGE or (vecs is not None and float(vecs[0] @ vecs[k + 1]) >= PLAN_SIMILARITY):
            # each name's first word ("Lumen" of "Lumen Health"), not the sentence's first word
            for m in re.finditer(r"(?<=\w[\s,])([A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]*)*", line.text):
                if m.group(1) not in ("I", "I'm", "I've", "I'll"):
                    out[m.group(1)] = max(out.get(m.group(1), 0.0), cov, MIN_COVERAGE)
    return out


#: a sentence this similar to the activity (sentence embeddings) is a mention by meaning
SENTENCE_MENTION = 0.5
def _sentence_similarity(activity: str, ev: EvidenceSet, turn_sims: dict[str, float],
                         limit: int = 24) -> dict[int, float]:
    """Cosine of the activity to the sentences of its most similar user turns (id(line) → cos)."""
    top = sorted((t for t, v in turn_sims.items() if v >= 0.2), key=lambda t: -turn_sims[t])
    lines = [ln for t in top for ln in ev.turn_lines(t) if ln.actuality in ("actual", "other")][:limit]
    vecs = ev.result.embed([activity] + [ln.text for ln in lines]) if lines else None
    if vecs is None:
        return {}
    q, rest = vecs[0], vecs[1:]
    return {id(ln): float(v @ q) for ln, v in zip(lines, rest)}

