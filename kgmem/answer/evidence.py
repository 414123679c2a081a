"""Evidence lines: the dated sentences answers are built from, with what each line *is*.

A retrieved turn is cut into sentences; each :class:`Line` knows when it was said (the session
date), when the thing it tells happened (the first past time expression in it, resolved by
:mod:`kgmem.temporal` against the session date — "I finished it three days ago"), whether it is
the user's own actual event or something else (a plan, a declined purchase, a friend's doing, a
question: :mod:`kgmem.answer.actuality`), and which event roles its verbs carry (started,
finished, signed up, bought, moved …: :mod:`kgmem.lexicon.events`).
Counting, summing, dating and abstaining all read these fields instead of re-guessing them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from kgmem import temporal
from kgmem.answer.actuality import (
    FIRST_PERSON,
    PRONOUN_START,
    actuality,
    clause_actuality,
    clauses,
    is_request,
)
from kgmem.answer.actuality import (
    negation_words as negation_words,  # re-exported: answer/events.py imports it here
)
from kgmem.lexicon import calendar
from kgmem.lexicon.discourse import opener_words
from kgmem.lexicon.events import distinct_roles, event_roles
from kgmem.lexicon.people import USER_PRONOUNS, abbreviations
from kgmem.models import Fact, TimeWindow, Turn
from kgmem.nlp import load_nlp

if TYPE_CHECKING:
    from kgmem.retrieval.search import RetrievalResult

#: a sentence ends at . ! ? — but not after a title or place abbreviation ("St. Brigid's", "Dr. Okafor")
# the positive lookbehind first: the same regex (all lookarounds sit at one position), ~7x faster (lat8)
SENT_SPLIT = re.compile(r"(?<=[.!?])" + "".join(rf"(?<!\b{a}\.)" for a in abbreviations())
                        # nor after an initialism the sentence goes on from ("Fontaines D.C. were unreal")
                        + r"(?!(?<=\b[A-Z]\.[A-Z]\.)\s+[a-z])\s+|\n+")

#: event roles and the words that carry them, and the roles that name *which point* of an activity
#: is meant (a question naming one must match it): data, kgmem/resources/lexicon/event_roles.json
ROLES: dict[str, tuple[str, ...]] = event_roles()
DISTINCT_ROLES = distinct_roles()


@lru_cache(maxsize=64)
def _role_re(role: str) -> re.Pattern[str]:
    words = sorted(ROLES[role], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\b", re.I)


_FIRST_OF = re.compile(r"\b(?:very\s+)?first\s+(?:[\w-]+\s+){0,3}?(?:session|class|lesson|day|pill|run|outing|meetup|"
                       r"module|week|shift|time|appointment|practice|meeting|night|visit|game|training)s?\b", re.I)
_LAST_OF = re.compile(r"\b(?:last|final)\s+(?:[\w-]+\s+){0,3}?(?:session|class|lesson|day|pill|run|outing|meetup|module|"
                      r"week|shift|coat|appointment|practice|meeting|night|exam|game|training|one)s?\b", re.I)


def roles_of(text: str) -> set[str]:
    """Event roles a phrase or sentence carries ("I finished the course" → {"finish"})."""
    found = {r for r in ROLES if _role_re(r).search(text)}
    if _FIRST_OF.search(text):
        found.add("start")
    if _LAST_OF.search(text) and not re.search(r"\blast\s+(?:week|month|year|night|time)\b", text, re.I):
        found.add("finish")
    return found


#: a proposal made to the user ("they offered me a bank shift", "got invited to a workshop"): someone
#: else's offer, not the user's doing — that is told when (and if) it happens
PROPOSAL_VERBS = frozenset({"offer", "invite", "ask", "propose", "suggest"})
#: an arrangement the user makes ("booked a table at the fair on 7 December", "signed up for the
#: 10k"): a commitment to a coming event, not the event ("sign" only with its particle "up")
BOOKING_VERBS = frozenset({"book", "reserve", "register", "enrol", "enroll", "sign"})
_USER_WORDS = USER_PRONOUNS | {"myself"}
#: a verb that describes a noun ("the round they offered me", "the table booked for us"), not the clause's own doing
_NOUN_CLAUSE = frozenset({"relcl", "acl", "amod", "compound", "pcomp", "pobj", "nsubj", "dobj"})


def verb_base(lemma: str) -> str:
    """A verb's base when the parse left it inflected ("Booked a pitch …" lemmatised "booked")."""
    if lemma.endswith("ed") and lemma not in BOOKING_VERBS | PROPOSAL_VERBS:
        return next((b for b in (lemma[:-2], lemma[:-1]) if b in BOOKING_VERBS | PROPOSAL_VERBS), lemma)
    return lemma


@lru_cache(maxsize=4096)
def arrangement(text: str) -> str | None:
    """What a user clause arranges instead of telling a done event, by its parse: ``"offer"``
    when a main verb is a proposal whose object (or passive subject) is the user ("they offered
    *me* a shift", "I *got* invited to …", "was asked to cover"), ``"booking"`` when the user (or a
    diary-style subjectless clause) books, reserves or signs up; ``None`` otherwise. A proposal in
    a relative clause ("the shift they offered me was long") or after "when/if/after" is not the
    clause's own doing."""
    for tok in load_nlp()(text):
        if tok.pos_ != "VERB" or tok.dep_ in _NOUN_CLAUSE or any(c.dep_ == "mark" for c in tok.children):
            continue  # a noun's description, or a subordinate "when/if/after …" clause
        lemma, kids = verb_base(tok.lemma_.lower()), list(tok.children)
        subjects = [c for c in kids if c.dep_ in ("nsubj", "nsubjpass")]
        passive = any(c.dep_ == "auxpass" for c in kids)
        if lemma in PROPOSAL_VERBS and (
                any(c.lower_ in _USER_WORDS and c.dep_ in ("dative", "dobj") for c in kids)
                or passive and all(c.lower_ in _USER_WORDS for c in subjects)):
            return "offer"
        if lemma in BOOKING_VERBS and not passive and all(c.lower_ in _USER_WORDS for c in subjects) and (
                lemma != "sign" or any(c.dep_ == "prt" and c.lower_ == "up" for c in kids)):
            return "booking"
    return None


class Line:
    """One dated sentence of a turn; what it is (actuality, roles, event time) is worked out on
    first use, so scanning a whole memory stays cheap."""

    __slots__ = ("text", "turn_id", "session_id", "role", "said_at", "score", "position", "_when", "_act",
                 "_roles")

    def __init__(self, text: str, turn_id: str, session_id: str, role: str, said_at: datetime,
                 score: float = 0.0, position: int = 0) -> None:
        self.text = text
        #: the sentence's index in its turn
        self.position = position
        self.turn_id = turn_id
        self.session_id = session_id
        self.role = role
        self.said_at = said_at
        #: retrieval relevance of the line's turn (0 when it came from a scan)
        self.score = score
        self._when: tuple[datetime, str | None, str] | None = None
        self._act: str | None = None
        self._roles: set[str] | None = None

    def _resolve(self) -> tuple[datetime, str | None, str]:
        if self._when is None:
            self._when = (self.said_at, None, "day")
            for span in temporal.find_time_expressions(self.text, self.said_at):
                if not span.resolved.future:
                    r = span.resolved
                    self._when = (r.point, r.text, r.granularity)
                    break
        return self._when

    @property
    def when(self) -> datetime:
        """When the told thing happened: the sentence's own past time expression, else said_at."""
        return self._resolve()[0]

    @property
    def when_text(self) -> str | None:
        return self._resolve()[1]

    @property
    def granularity(self) -> str:
        return self._resolve()[2]

    @property
    def dated_by_text(self) -> bool:
        """The event time comes from a time expression in the line, not the session date."""
        return self._resolve()[1] is not None

    @property
    def is_request(self) -> bool:
        """A request (question, "can you …") — cheap, without the full reading of :attr:`actuality`."""
        if self._act is not None:
            return self._act == "request"
        return self.role == "user" and is_request(self.text)

    @property
    def actuality(self) -> str:
        if self._act is None:
            self._act = actuality(self.text) if self.role == "user" else "assistant"
            if self._act == "actual" and not self.dated_by_text and any(
                    s.resolved.future for s in temporal.find_time_expressions(self.text, self.said_at)):
                self._act = "plan"  # "In two weeks I start at Lumen Health"
        return self._act

    @property
    def roles(self) -> set[str]:
        if self._roles is None:
            self._roles = roles_of(self.text)
        return self._roles

    def __repr__(self) -> str:
        return f"Line({self.text[:40]!r}, {self.turn_id}, {self.said_at.date()})"


#: a month the line puts its event in ("ten days in Madeira for May", "in early August"); the bare
#: word "may" only after a preposition or time word, never the verb
_LINE_MONTH = re.compile(r"\b(?:in|for|during|this|next|last|until|till|by|since|early|late|mid|of)[\s-]+"
                         rf"({calendar.month_alternation()})\b(?!\s+(?:be|have|not|go|get)\b)", re.I)


def window_months(window: TimeWindow | None) -> set[int]:
    """The months of the year a question's time window covers (only for a window of about a
    season or less: "in August", "over the summer"); empty otherwise."""
    if window is None or window.start is None or window.end is None or (window.end - window.start).days > 100:
        return set()
    out, d = set(), window.start
    while d <= window.end:
        out.add(d.month)
        d = d.replace(day=1) + timedelta(days=32)
        d = d.replace(day=1)
    return out


def outside_window(text: str, window: TimeWindow | None) -> bool:
    """A line that puts its event in named months, none of them in the question's window: "a
    holiday in August" is not "ten days in Madeira for May". A line naming no month is kept."""
    months = window_months(window)
    if not months:
        return False
    named = {n for m in _LINE_MONTH.finditer(text) if (n := calendar.month_number(m.group(1)))}
    return bool(named) and not (named & months)


#: punctuation said aloud in a dictated message ("… on the feeder this morning full stop what seed do
#: they like question mark"): the mark it names
#: ("a question mark over the budget", "came to a full stop" name the mark, they do not dictate it)
_DICTATED = re.compile(r"(?<!\ba)(?<!\bthe)(?<!\bone)\s+(full\s+stop|question\s+mark|exclamation\s+(?:mark|point))\b"
                       r"[ \t]*", re.I)
_DICTATED_MARK = {"f": ".", "q": "?", "e": "!"}


def undictate(text: str) -> str:
    """Dictated punctuation written as the mark ("we had goldfinches full stop" → "we had
    goldfinches."), so a voice message splits into its sentences like a typed one."""
    return _DICTATED.sub(lambda m: _DICTATED_MARK[m.group(1)[0].lower()] + " ", text).strip()


#: openers that also join or qualify inside a sentence: capitalised mid-line they may be a title's word
_JOINING = frozenset({"and", "but", "so", "then", "plus", "also", "like", "still", "see", "look", "right", "no",
                      "really", "sure", "fine", "great", "nice", "perfect", "lovely", "brilliant", "cool", "awesome"})


@lru_cache(maxsize=1)
def _run_on() -> re.Pattern[str]:
    """Where an unpunctuated run-on starts a new sentence: a capitalised discourse opener set off by a
    comma right after a lower-case word ("… celebrating with takeout Okay, and what would you do
    differently?": the statement and the request are two sentences)."""
    words = sorted((w for w in opener_words() if w.isalpha() and w not in _JOINING), key=len, reverse=True)
    alt = "|".join(w.capitalize() for w in words)
    return re.compile(rf"(?<=[a-z0-9%)])\s+(?=(?:{alt}),)")


def split_sentences(text: str) -> list[str]:
    """Sentences of a turn (a semicolon keeps its clauses together: "…; it came to $650"; dictated
    punctuation ends a sentence like the mark it names; a run-on is cut before a capitalised opener)."""
    return list(_sentences(text))


#: texts whose cutting is kept: a question reads every turn of the user's memory several times
#: (one evidence set per decider), a cut is pure text work (latency, issue #14)
TEXTS_KEPT = 32768


@lru_cache(maxsize=TEXTS_KEPT)
def _sentences(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for s in SENT_SPLIT.split(undictate(text)) if s
                 for p in _run_on().split(s) if len(p.strip()) > 2)


@lru_cache(maxsize=TEXTS_KEPT)
def _pieces(text: str, user: bool) -> tuple[str, ...]:
    """A turn's sentences, a user's cut into clauses where they mix kinds (:func:`clauses`)."""
    return tuple(c for sent in _sentences(text) for c in (clauses(sent) if user else [sent]))


def lines_of(turn: Turn, said_at: datetime, score: float = 0.0) -> list[Line]:
    """The dated sentences (clauses, where a sentence mixes kinds) of one turn."""
    pieces = _pieces(turn.text, turn.role == "user")
    return [Line(piece, turn.id, turn.session_id, turn.role, said_at, score, i) for i, piece in enumerate(pieces)]


def collect(turns: Iterable[Turn], session_dates: dict[str, datetime],
            scores: dict[str, float] | None = None) -> list[Line]:
    """Lines of many turns (turns of unknown sessions are skipped)."""
    scores = scores or {}
    out: list[Line] = []
    for t in turns:
        said = session_dates.get(t.session_id)
        if said is not None:
            lines = lines_of(t, said, scores.get(t.id, 0.0))
            for prev, line in zip(lines, lines[1:]):
                # "They put the cast on the same day": a he/she/they sentence continues the
                # story of the sentence before it
                if line.role == "user" and PRONOUN_START.match(line.text) and not FIRST_PERSON.search(line.text):
                    line._act = prev.actuality if prev.actuality != "request" else None
            out.extend(lines)
    return out


#: predicates whose source sentence is about someone else by nature (a relative, a pet)
_RELATION_PREDICATES = frozenset({"family_member", "pet_name", "friend", "partner_name", "relationship_status",
                                  "has_pet"})


class _Scan:
    """The whole-memory side of an evidence set (every user line, turns by id), built once and
    shared by the evidence sets of one question."""

    __slots__ = ("lines", "turns", "by_turn")

    def __init__(self) -> None:
        self.lines: list[Line] | None = None
        self.turns: dict[str, Turn] | None = None
        self.by_turn: dict[str, list[Line]] | None = None


class EvidenceSet:
    """Lines of one retrieval result: the top turns' lines, and (lazily) every user line of the
    user's memory for counts and event matching that must not depend on the top-k.

    ``share``: another evidence set of the same question (same user, same visible sessions, e.g.
    the evidence pool's wider retrieval): the whole-memory scan is done once for both."""

    def __init__(self, result: RetrievalResult, share: EvidenceSet | None = None) -> None:
        self.result = result
        self.dates = {sid: s.started_at for sid, s in result.sessions.items()}
        self.top = collect(result.turns, self.dates, result.turn_scores)
        same = share is not None and share.result.user_id == result.user_id and \
            share.result.sessions.keys() == result.sessions.keys()
        self._scan: _Scan = share._scan if share is not None and same else _Scan()
        self._line_sim: dict[tuple[str, int], float] = {}

    def all_user_lines(self) -> list[Line]:
        """Every user line visible to the query (loads all turns once)."""
        if self._scan.lines is None:
            turns = self.result.all_turns()
            scores = self.result.turn_scores
            self._scan.lines = collect((t for t in turns if t.role == "user"), self.dates, scores)
        return self._scan.lines

    def turn_lines(self, turn_id: str) -> list[Line]:
        """The user lines of one turn, in order."""
        if self._scan.by_turn is None:
            self._scan.by_turn = {}
            for line in self.all_user_lines():
                self._scan.by_turn.setdefault(line.turn_id, []).append(line)
        return self._scan.by_turn.get(turn_id, [])

    def turn(self, turn_id: str) -> Turn | None:
        """A turn of the user's memory by id."""
        if self._scan.turns is None:
            self._scan.turns = {t.id: t for t in self.result.all_turns()}
        return self._scan.turns.get(turn_id)

    def source_sentence(self, fact: Fact) -> str:
        """The sentence of a fact's source turn that names its value (else the whole turn)."""
        for tid in fact.source_turn_ids[:1]:
            turn = self.turn(tid)
            if turn is None:
                return ""
            value = (fact.value or "").lower().lstrip("$")
            sents = [s for s in split_sentences(turn.text) if value and value in s.lower()]
            return sents[0] if sents else turn.text
        return ""

    def fact_is_actual(self, fact: Fact) -> bool:
        """A fact stands when a sentence it came from (one naming its value) is the user's own
        actual statement; facts without a readable source stand."""
        if fact.predicate in _RELATION_PREDICATES:
            # "my brother Tariq lives nearby" is about the brother, and true of the user; "their
            # grandmother Selin" is someone else's relative, whatever extraction said
            value = re.escape(fact.value or "")
            return not (value and re.search(rf"\b(?:their|his|her|[A-Z][\w-]+'s)\s+(?:[a-z-]+\s+){{0,2}}{value}\b",
                                            self.source_sentence(fact)))
        for tid in fact.source_turn_ids[:1]:
            turn = self.turn(tid)
            if turn is None:
                return True
            value = (fact.value or "").lower().lstrip("$")
            sents = [s for s in split_sentences(turn.text) if value and value in s.lower()]
            return not sents or any(clause_actuality(s, value) == "actual" for s in sents)
        return True

    def line_similarity(self, lines: Sequence[Line]) -> dict[tuple[str, int], float]:
        """Cosine of the question to each line itself (a turn's similarity is diluted by whatever
        else it says); embedded once per line, by (turn id, sentence index)."""
        todo = list({(ln.turn_id, ln.position): ln for ln in lines if (ln.turn_id, ln.position) not in self._line_sim}.values())
        if todo:
            vecs = self.result.embed([self.result.plan.question] + [ln.text for ln in todo])
            for k, ln in enumerate(todo):
                self._line_sim[(ln.turn_id, ln.position)] = float(vecs[0] @ vecs[k + 1]) if vecs is not None else 0.0
        return self._line_sim

    def embedded(self, lines: Sequence[Line]) -> bool:
        """Whether the lines' own similarities are known (the evidence pool embeds its
        candidates up front, :mod:`kgmem.answer.pool`)."""
        return bool(lines) and sum((ln.turn_id, ln.position) in self._line_sim for ln in lines) * 2 >= len(lines)

    def turn_similarity(self, turn_id: str) -> float:
        """Cosine of the question to a turn (0 when the turn was not a vector hit)."""
        return self.result.similarity.get(turn_id, 0.0)
