"""Matching a question's event to what the user said, by meaning and by role.

"How many weeks ago did I *finish* the pottery course?" must use the line where the course ended,
not the one where it started, and the date that line states ("I finished it three days ago" →
three days before that session), not the session date. An event phrase is split into an
*activity* ("the pottery course") and a *role* (start / finish / signed up / bought / moved …).
The activity's *mentions* are the user's own actual lines about it (not a plan, a friend's doing
or something declined), found by its distinctive words (folded, stemmed, everyday synonyms) or by
meaning (the embedding similarity of the activity to the line's turn). A role picks the mention
whose words carry it; when none does, the order of the mentions does (an activity's start is
told before its end). A line without its own time expression borrows one from the next sentence
of the same turn ("The kitchen is DONE! The last cabinet went in on Friday"). When two mentions
match equally well on different dates the match says so (``tie``) instead of picking one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache

from kgmem.answer.event_names import (
    name_like,
    names_head,
    names_subject,
    phrase_names,
    typo_hits,
    typo_words,
)
from kgmem.answer.event_roles import departs, event_roles, returns_home
from kgmem.answer.event_time import scheduled
from kgmem.answer.event_time import when as when_of
from kgmem.answer.evidence import DISTINCT_ROLES, EvidenceSet, Line, negation_words, roles_of
from kgmem.answer.match import contains_name, core_terms, coverage, expand, norm, terms
from kgmem.models import Fact
from kgmem.nlp import known_words
from kgmem.retrieval.question import RELATIONS
from kgmem.retrieval.question import nlp as question_nlp

#: share of the activity's distinctive words a line must cover (literal/synonym)
MIN_COVERAGE = 0.5
#: a line whose turn is this similar to the activity is a mention even without its words
SEMANTIC_MENTION = 0.45
#: a mention must be this well supported (words, not only a loose meaning) to stand as an
#: activity's start or end by order alone
CHRONOLOGY_SCORE = 0.5
#: two candidates this close in score but on different dates are a tie
TIE_MARGIN = 0.08

#: words that name a point of an activity, not the activity ("the *first* session", "*got back* from")
_ROLE_WORDS = re.compile(
    r"\b(?:start(?:ed|ing|s)?|beg[ia]n(?:ning|s)?|begun|kick(?:ed)?\s+off|first|initial|finish(?:ed|ing|es)?|"
    r"end(?:ed|ing|s)?|the\s+end\s+of|last|final|complet(?:e|ed|ing)|wrap(?:ped)?\s+up|done\s+with|over|"
    r"get\s+back\s+from|got\s+back\s+from|come\s+back\s+from|came\s+back\s+from|go\s+back|went\s+back|"
    r"go\s+home|went\s+home|back\s+home|leave|left|arrive(?:d)?\s+(?:at|in)?|graduat(?:e|ed|ing)\s+from|"
    r"hand(?:ed)?\s+in|submit(?:ted)?|sign(?:ed)?\s+up\s+for|sign(?:ed|ing)?\s+(?:me\s+|us\s+)?off|join(?:ed)?|"
    r"enrol+(?:ed)?\s+in|being|was|were)\b",
    re.I)


def line_roles(line: Line) -> set[str]:
    """The distinct event roles a line carries, by its words and its constructions."""
    return set(_roles(line.text))


@lru_cache(maxsize=8192)
def _roles(text: str) -> frozenset[str]:
    return frozenset(event_roles(text))


@dataclass
class EventSpec:
    """An event phrase as an activity plus the point of it asked about."""

    phrase: str
    activity: str
    role: str | None  # "start" | "finish" | another distinct role | None
    #: "first" / "last" when the phrase puts an ordinal before the activity ("my first negative one")
    ordinal: str | None = None


def parse_spec(phrase: str) -> EventSpec:
    """"finish painting the fence" → activity "painting the fence", role finish."""
    roles = event_roles(phrase)
    role = "finish" if "finish" in roles else "start" if "start" in roles else next(iter(sorted(roles)), None)
    if role is None and re.search(r"\b(?:get|got|come|came|go|went|flew|fly)\s+(?:back|home)\b|\bleave\b|\bleft\b",
                                  phrase, re.I):
        role = "finish"
    if role is None and re.search(r"\barriv|\bbegin\b|\bstart\b", phrase, re.I):
        role = "start"
    if role is None and re.search(r"\bends?\b|\bover\b", phrase, re.I):
        role = "finish"
    activity = re.sub(r"\s+", " ", _ROLE_WORDS.sub(" ", phrase)).strip(" ,.?!")
    activity = re.sub(r"^(?:the|my|our|a|an|of|to|i|we|did|do)\s+", "", activity, flags=re.I)
    ordinal = "first" if re.search(r"\bfirst\b", phrase, re.I) else "last" if re.search(r"\b(?:last|final)\b", phrase, re.I) \
        else None
    return EventSpec(phrase, activity or phrase, role, ordinal)


@dataclass
class EventMatch:
    """The evidence chosen for an event phrase."""

    when: datetime
    score: float
    text: str
    said_at: datetime
    granularity: str = "day"
    fact: Fact | None = None
    line: Line | None = None
    #: a different-date candidate that matched as well (the answer must say so)
    tie: EventMatch | None = None
    roles: set[str] = field(default_factory=set)

    @property
    def turn_id(self) -> str | None:
        if self.line is not None:
            return self.line.turn_id
        return self.fact.source_turn_ids[0] if self.fact and self.fact.source_turn_ids else None

    def cite(self) -> str:
        """"'I finished the course three days ago' (said 2023-05-04)"."""
        return f"\"{self.text.strip()[:140]}\" (said {self.said_at.date().isoformat()})"


def mentions(activity: str, ev: EvidenceSet, *, deep: bool = False) -> list[EventMatch]:
    """The user's own actual lines about an activity, each scored and dated.

    ``deep``: also embed the candidate sentences of the most similar turns and accept a line by
    meaning alone ("fly to Iceland" ~ "Greetings from Reykjavík!") — slower, so callers ask for
    it only when the words found too little."""
    core, every = core_terms(activity), terms(activity)
    if not core:
        return []
    names = phrase_names(activity)
    relations = {norm(w) for w in RELATIONS} & core
    nouns = _nouns(activity, core)
    sims: dict[str, float] = ev.result.phrase_similarity(activity)
    sent_sims = _sentence_similarity(activity, ev, sims) if deep else {}
    by_turn: dict[str, list[Fact]] = {}
    for f in ev.result.all_facts.values():
        for tid in f.source_turn_ids[:1]:
            by_turn.setdefault(tid, []).append(f)
    out: list[EventMatch] = []
    followed = _planned_names(activity, core, ev)
    # the activity said in full only as a plan or something declined ("next month I'm going to
    # start a watercolour class"): a line naming part of it ("a pottery course") is another activity
    # (words first: what a line is — a parse for some — is read only for lines about the activity)
    lines = [(ln, terms(ln.text) | expand(terms(ln.text))) for ln in ev.all_user_lines()]
    told_unreal = any(coverage(core, have) >= 1.0 and ln.actuality in ("plan", "negated") for ln, have in lines)
    # "cancelling my gym membership" is the event asked about: "I cancelled it" is then no "no"
    cancel_asked = bool(re.search(r"\bcancel", activity, re.I))
    # a word of the phrase no line has and no dictionary knows is read as a typo ("the Manadrin
    # course", "in Libson"): lines one edit away have it (the dictionary is loaded only then)
    unseen = core - set().union(*(have for _, have in lines))
    typos = typo_words(activity, known_words(), keep=unseen) if unseen else {}
    for line, have in lines:
        if typos:
            have = have | typo_hits(typos, line.text)
        turn_sim, sent_sim = sims.get(line.turn_id, 0.0), sent_sims.get(id(line), 0.0)
        if not _may_mention(line.text, have, core, names, followed, turn_sim, sent_sim):
            continue  # no word, name or meaning of the activity: what the line is need not be read
        if line.actuality == "negated" and cancel_asked and _only_cancel(line.text):
            pass
        elif line.actuality != "actual" and not (line.actuality == "other" and names_subject(line.text, names, core)):
            continue  # someone else's doing counts only when the question names them ("Matteo left")
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
        if names and not named and cov < 1.0 and not (by_meaning and name_like(names, line.text, ev)):
            continue  # the phrase names a place, title or person this line does not mention
        if cov < MIN_COVERAGE and not named and not by_meaning:
            continue
        if told_unreal and cov < 1.0 and not named and sent_sim < SENTENCE_MENTION and not (
                followed and any(contains_name(n, line.text) for n in followed)):
            continue
        when, gran, dated = when_of(line, ev)
        ahead = scheduled(line) if line.dated_by_text else None
        if ahead is not None and _came_true(ahead[0], line, core, ev):
            when, gran = ahead  # "flying out to Lisbon on Tuesday": the coming Tuesday, as it came true
        score = cov + 0.3 * coverage(every, have) + 0.5 * sim + (0.2 if named else 0.0) + (0.05 if dated else 0.0)
        told = [f for f in by_turn.get(line.turn_id, []) if f.speaker == "user" and core & terms(f.text)]
        out.append(EventMatch(when, score, line.text, line.said_at, gran, line=line,
                              fact=told[0] if told else None, roles=line_roles(line)))
    if not out and deep and not names and not any(
            coverage(core, terms(ln.text) | expand(terms(ln.text))) >= MIN_COVERAGE for ln in ev.all_user_lines()):
        # no line of any kind names it (a plan, a friend's doing or a "no" that does is an answer
        # of its own: "mentioned only as a plan"): the sentence closest in meaning, if clearly so
        out = _closest_by_meaning(ev, sent_sims)
    return _one_per_turn(out)


def _came_true(date: datetime, line: Line, core: set[str], ev: EvidenceSet) -> bool:
    """A scheduled event happened when a later turn, told on or after its date, continues the
    story: names the activity again ("LAST GCSE EVER today" after "gcses start on monday"), or,
    for setting off on a trip, tells coming back."""
    trip = departs(line.text) or "visit" in roles_of(line.text)
    for ln in ev.all_user_lines():
        if ln.turn_id == line.turn_id or ln.said_at.date() < date.date() or ln.actuality != "actual":
            continue
        if coverage(core, terms(ln.text) | expand(terms(ln.text))) >= MIN_COVERAGE:
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


def _closest_by_meaning(ev: EvidenceSet, sent_sims: dict[int, float]) -> list[EventMatch]:
    """The user's own actual sentence closest in meaning to an activity no line names, when it
    is clearly the closest (by ``LONE_MARGIN`` over other turns' sentences)."""
    lines = {id(ln): ln for ln in ev.all_user_lines() if ln.actuality == "actual"}
    ranked = sorted(((v, lines[k]) for k, v in sent_sims.items() if k in lines), key=lambda x: -x[0])
    if not ranked or ranked[0][0] < LONE_MENTION:
        return []
    best_sim, best = ranked[0]
    rival = next((v for v, ln in ranked[1:] if ln.turn_id != best.turn_id), 0.0)
    if best_sim - rival < LONE_MARGIN:
        return []
    when, gran, dated = when_of(best, ev)
    return [EventMatch(when, 0.5 * best_sim + (0.05 if dated else 0.0), best.text, best.said_at, gran, line=best,
                       roles=line_roles(best))]


def _shares_noun(nouns: set[str], have: set[str]) -> bool:
    """One of the nouns is in the line, whole or clipped ("comp" of "competition")."""
    return bool(nouns & have) or any(len(n) >= 3 and h.startswith(n) for n in nouns for h in have)


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


def _only_cancel(text: str) -> bool:
    """The line's only negation is a cancelling ("I finally cancelled my gym membership")."""
    found = negation_words(text)
    return bool(found) and all(re.match(r"cancel", w, re.I) for w in found)


#: a plan sharing a word with the activity and this close in meaning is about it
PLAN_SIMILARITY = 0.45


def _planned_names(activity: str, core: set[str], ev: EvidenceSet) -> dict[str, float]:
    """Names of the plans that are about the activity ("In two weeks I start at *Lumen* Health, a
    small clinic"), each with the plan's coverage of it: an actual line naming one later tells the
    same event in other words ("Today was my first day at Lumen")."""
    out: dict[str, float] = {}
    plans = [(ln, coverage(core, terms(ln.text) | expand(terms(ln.text)))) for ln in ev.all_user_lines()]
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


def _one_per_turn(ms: list[EventMatch]) -> list[EventMatch]:
    best: dict[str, EventMatch] = {}
    for m in ms:
        key = m.turn_id or m.text
        if key not in best or m.score > best[key].score:
            best[key] = m
    return list(best.values())


def _pick(cands: list[EventMatch], ordinal: str | None = None) -> EventMatch | None:
    """The best candidate, with a tie when a different-date one scores as well; an ordinal of the
    phrase ("my *last* exam") settles such a tie by date."""
    if not cands:
        return None
    cands = sorted(cands, key=lambda c: (-c.score, c.when))
    if ordinal is not None:
        close = sorted((c for c in cands if cands[0].score - c.score <= TIE_MARGIN), key=lambda c: (c.when, c.said_at))
        return close[0] if ordinal == "first" else close[-1]
    best = cands[0]
    for other in cands[1:]:
        if best.score - other.score > TIE_MARGIN:
            break
        if abs((other.when.date() - best.when.date()).days) > _tolerance(best, other):
            best.tie = other
            break
    return best


def match_spec(spec: EventSpec, ev: EvidenceSet, *, pool: list[EventMatch] | None = None) -> EventMatch | None:
    """The mention of the spec's activity at the spec's role (by words, else by order)."""
    ms = pool if pool is not None else mentions(spec.activity, ev)
    if pool is None and (not ms or (spec.role and not any(spec.role in m.roles for m in ms) and len(ms) < 2)):
        ms = mentions(spec.activity, ev, deep=True)
    if not ms:
        return None
    found = _at_role(spec, ms, ev)
    if found is None and spec.ordinal and spec.role not in _verb_roles(spec.phrase):
        # "my first negative one": with no line telling a start, the ordinal means the earliest
        # (last: the latest) mention of the activity
        ordered = sorted((m for m in ms if m.score >= CHRONOLOGY_SCORE or len(ms) == 1), key=lambda m: (m.when, m.said_at))
        found = (ordered[0] if spec.ordinal == "first" else ordered[-1]) if ordered else None
    return found


def _verb_roles(phrase: str) -> set[str]:
    return roles_of(re.sub(r"\b(?:very\s+)?(?:first|last|final)\b", " ", phrase, flags=re.I)) & DISTINCT_ROLES


def _at_role(spec: EventSpec, ms: list[EventMatch], ev: EvidenceSet) -> EventMatch | None:
    if spec.role == "finish" and not any(spec.role in m.roles for m in ms) and len(ms) == 1:
        return _continuation(ms[0], spec.activity, ev)
    if spec.role is None:
        return _pick(ms)
    with_role = [m for m in ms if spec.role in m.roles]
    opposite = {"start": "finish", "finish": "start"}.get(spec.role)
    clean = [m for m in with_role if opposite not in m.roles]  # "first day back" is an end, not a start
    if clean or with_role:
        return _pick(clean or with_role, spec.ordinal)
    told_beside = _role_beside(ms, spec.role, opposite, ev)
    if told_beside:
        return _pick(told_beside)
    others = {r for m in ms for r in m.roles}
    if spec.role in ("start", "finish") and len(ms) >= 2:
        # no line says it in words: an activity's start is told before its end
        ordered = sorted((m for m in ms if m.score >= CHRONOLOGY_SCORE), key=lambda m: (m.when, m.said_at))
        if len(ordered) < 2:
            return None
        chosen = ordered[0] if spec.role == "start" else ordered[-1]
        if opposite in chosen.roles:
            return None
        return chosen
    if spec.role not in ("start", "finish") and not (others & DISTINCT_ROLES):
        # "the day I bought X" where no line says "bought": the one mention of X itself. A line
        # sharing only a modifier ("a road bike" / "the Silk Road") is not; one found by meaning is
        return _pick([m for m in ms if names_head(spec.activity, m.text)])
    return None


def _role_beside(ms: list[EventMatch], role: str, opposite: str | None, ev: EvidenceSet) -> list[EventMatch]:
    """A turn tells one event: when no mention carries the role, the nearest other sentence of a
    mention's turn may ("first night in resus last night. ed is a different planet" — the start
    of ED). That sentence, dated by itself, stands for the mention."""
    out = []
    for m in ms:
        if m.line is None:
            continue
        told = [s for s in ev.turn_lines(m.line.turn_id) if s.actuality == "actual" and role in line_roles(s)
                and opposite not in line_roles(s)]
        if told:
            s = min(told, key=lambda s: abs(s.position - m.line.position))  # type: ignore[union-attr]
            when, gran, _ = when_of(s, ev)
            out.append(EventMatch(when, m.score, s.text, s.said_at, gran, fact=m.fact, line=s, roles=line_roles(s)))
    return _one_per_turn(out)


def match_event(phrase: str, ev: EvidenceSet, *, semantic: bool = True) -> EventMatch | None:
    """The best actual, role-compatible evidence for ``phrase``, with a tie when ambiguous."""
    return match_spec(parse_spec(phrase), ev)


#: "from my first mock to my last one": the activity between the ordinal and "to"
_FIRST_TO_LAST = re.compile(r"^\W*(?:from\s+)?(?:(?:my|the|our)\s+)?(?:very\s+)?(?:first|start\s+of|beginning\s+of)\s+"
                            r"(?P<activity>.+?)\s+(?:to|until|till|through)\b.*$", re.I)


def match_span(activity: str, ev: EvidenceSet) -> tuple[EventMatch, EventMatch] | None:
    """The start and the end of one activity ("how long did my pottery course take")."""
    m = _FIRST_TO_LAST.match(activity)
    if m:
        activity = m.group("activity")
    ms = mentions(activity, ev)
    if len(ms) < 2:
        ms = mentions(activity, ev, deep=True)
    start = match_spec(EventSpec(activity, activity, "start"), ev, pool=ms)
    end = match_spec(EventSpec(activity, activity, "finish"), ev, pool=ms)
    if end is None and start is not None:
        end = _continuation(start, activity, ev)
    if start is None or end is None or start.turn_id == end.turn_id or end.when <= start.when:
        return None
    return start, end


#: how long after its start an activity's unnamed end may come ("Home again!" after a trip)
CONTINUATION_DAYS = 120


def _continuation(start: EventMatch, activity: str, ev: EvidenceSet) -> EventMatch | None:
    """The end of an activity told without naming it ("They discharged me yesterday! Home sweet
    home." after "I was admitted on Saturday"): the one finish line after the start that is
    most like the activity, when it is clearly the most like it."""
    sims = ev.result.phrase_similarity(activity)
    cands = []
    for line in ev.all_user_lines():
        if line.actuality != "actual" or "finish" not in line_roles(line) or line.turn_id == start.turn_id:
            continue
        when, gran, _ = when_of(line, ev)
        if not (start.when < when <= start.when + timedelta(days=CONTINUATION_DAYS)):
            continue
        cands.append(EventMatch(when, sims.get(line.turn_id, 0.0), line.text, line.said_at, gran, line=line,
                                roles=line_roles(line)))
    cands = sorted(_one_per_turn(cands), key=lambda c: -c.score)
    trip = "visit" in roles_of(start.text) or departs(start.text) or re.search(r"\b(?:trip|flight|holiday|vacation|visit|cruise)\b",
                                                         activity + " " + start.text, re.I)
    if trip:  # a trip ends with coming home, whatever the line calls it
        returns = [c for c in cands if returns_home(c.text)]
        if len(returns) == 1:
            return returns[0]
    if not cands or cands[0].score < 0.15 or (len(cands) > 1 and cands[0].score - cands[1].score < 0.05):
        return None
    return cands[0]


def _tolerance(a: EventMatch, b: EventMatch) -> int:
    """Days two mentions may differ and still be the same event (loose phrases are loose)."""
    loose = {"week": 4, "month": 15, "season": 45, "year": 180}
    return max(loose.get(a.granularity, 1), loose.get(b.granularity, 1))
