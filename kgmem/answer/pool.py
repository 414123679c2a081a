"""The evidence pool: the sentences kgmem reasons over, ranked by meaning.

Retrieval's fused list is built around facts, plans and time windows; on language it was not
written for, a plain cosine top-k over the user's messages often holds the evidence turn it
missed (on auth6's held-out set a top-10 cosine RAG held the evidence for 0.86 of questions,
kgmem's context for 0.50). So every decision after retrieval — the abstention decision, the
extractive pick, the context a model reads — works on a pool that always contains:

- retrieval's top turns, and
- the plain top-k user messages by cosine and by the vector + keyword fusion of them
  (:func:`kgmem.retrieval.search.raw_turn_hits`), whatever the plan, window or fact votes said;

and ranks their *sentences* (a long turn's cosine is diluted by its chatter) by the question–
sentence similarity (MiniLM), whether a value of the expected answer type is in the sentence (a
"who" question wants a person, "how much" an amount), and, for current-value questions, recency
(the newest of equally relevant lines). Template vocabulary plays no part in this ranking.

Cost (the question path's budget is tens of milliseconds): the sentences of long user turns are
embedded at ingest (:func:`prime`), so ranking them by their own cosine is a cache read; a
one-sentence turn's line *is* its turn, whose cosine the vector search gave. Other user lines (a
one-line turn retrieval found by keyword) are ranked cheaply first — their turn's cosine and the
question's content words they hold — and only the best :data:`POOL_EMBED` get their own
embedding; an assistant's sentence keeps its turn's estimate (it only orders the context). Only
sentences that can hold a value of the asked type by their shape (a digit, a capitalised word, a
month …) are parsed for one, in one batch. When the answer is already computed (a
count, a span, an order), nothing the ranking finds changes it: no other line is embedded and none
parsed (``measure=False``); the ranking then only orders the context — by the same measured
cosines, so an update's earlier value, a sentence inside a long turn, is not ranked below chatter
(before, such answers ranked by the cheap estimate alone and dropped it from the small context).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

from kgmem.answer import answering, measures, presence, stale
from kgmem.answer.abstain import STRICT_FOCUS_SLOTS, TYPED, has_word
from kgmem.answer.actuality import settled
from kgmem.answer.asked_doer import tells_the_doers_deed
from kgmem.answer.evidence import EvidenceSet, Line, lines_of, outside_window
from kgmem.answer.match import contains_name, coverage, norm, terms
from kgmem.answer.spans import kin_person, typed_spans
from kgmem.lexicon import calendar, numbers
from kgmem.models import Intent, QueryPlan, Turn
from kgmem.nlp import load_nlp
from kgmem.retrieval.search import RetrievalResult, raw_turn_hits

#: plain message hits always in the pool: what a top-10 cosine RAG reads
POOL_RAW = 10
#: candidate sentences per question: the raw hits' and the most similar turns' first
POOL_LINES = 48
#: of those not embedded at ingest, embedded on their own (the rest keep a cheap estimate and never
#: answer by it): the best by the cheap pass (turn cosine + the question's content words). Each
#: embedding is ~1-3 ms of CPU, so 48 cost 50-150 ms on a busy 2-core machine
POOL_EMBED = 16
#: the cheap pass: weight of the share of the question's content words a sentence holds
WORDS_WEIGHT = 0.3
#: an unembedded sentence of a several-sentence turn is estimated this far below its turn's cosine
ESTIMATE_DISCOUNT = 0.1
#: sentences checked for a value of the expected type (a spaCy parse each): the most similar ones
TYPE_CHECKED = 12
#: a value of the expected type in the sentence is worth this much similarity
TYPE_BONUS = 0.08
#: a request of the user's ("what should a puppy eat?") ranks this much below a statement
REQUEST_PENALTY = 0.1
#: current-value questions: the newest relevant line gains up to this much over the oldest
RECENCY_BONUS = 0.04
#: questions no single line answers (a count, a sum, a span of time, an order)
_COMPUTED_ONLY = (Intent.AGGREGATE, Intent.DURATION, Intent.ORDERING)
#: answer types a sentence can be checked for (the typed answer types of the abstention decision)
_CHECKABLE = TYPED


@dataclass
class Ranked:
    """One pool sentence with why it ranks where it does."""

    score: float
    similarity: float
    typed: bool
    line: Line
    #: the similarity is the sentence's own cosine (embedded, or the whole of a one-sentence
    #: turn), not an estimate from its turn
    measured: bool = True


@dataclass
class Pool:
    """The widened evidence and its sentences, best first."""

    result: RetrievalResult
    ev: EvidenceSet
    ranked: list[Ranked] = field(default_factory=list)
    #: raw-hit turn ids retrieval had not kept
    added: list[str] = field(default_factory=list)
    #: the plain hits themselves (turn ids, best first)
    raw: list[str] = field(default_factory=list)

    @property
    def best_similarity(self) -> float:
        """The most similar user sentence's cosine to the question (0 with no sentence)."""
        return max((r.similarity for r in self.ranked if r.line.role == "user" and r.measured), default=0.0)

    def turn_best(self) -> dict[str, float]:
        """Each pool turn's best measured sentence similarity (user sentences)."""
        out: dict[str, float] = {}
        for r in self.ranked:
            if r.measured and r.line.role == "user":
                out[r.line.turn_id] = max(r.similarity, out.get(r.line.turn_id, 0.0))
        return out

    def best(self, *, actual: bool = True) -> Ranked | None:
        """The best-ranked user sentence (the user's own actual statement when ``actual``)."""
        for r in self.ranked:
            if r.line.role == "user" and (not actual or r.line.actuality == "actual"):
                return r
        return None

    def spread(self, n: int = 30) -> list[Line]:
        """Up to ``n`` lines for a context: the best sentence of each pool turn first (so every
        candidate turn, hence session, is represented), then the rest by rank."""
        firsts: list[Line] = []
        seen: set[str] = set()
        for r in self.ranked:
            if r.line.turn_id not in seen:
                seen.add(r.line.turn_id)
                firsts.append(r.line)
        rest = [r.line for r in self.ranked if r.line not in firsts]
        return (firsts + rest)[:n]


def cosine_hits(result: RetrievalResult, k: int = POOL_RAW) -> list[Turn]:
    """The user's k nearest messages by cosine alone (no keyword, fact or window signal)."""
    by_id = {t.id: t for t in result.all_turns()}
    ranked = [by_id[tid] for tid in result.lists.get("turn:vec_turn", []) if tid in by_id]
    return [t for t in ranked if t.role == "user"][:k]


def widen(result: RetrievalResult, k: int = POOL_RAW) -> tuple[RetrievalResult, list[str], list[str]]:
    """The result with the plain message hits added to its turns (after retrieval's own, with a
    zero fusion score: they widen what is read, they do not outrank what retrieval chose)."""
    raw: list[Turn] = []
    for t in [*cosine_hits(result, k), *raw_turn_hits(result, k)]:
        if t.id not in {r.id for r in raw}:
            raw.append(t)
    known = {t.id for t in result.turns}
    added = [t for t in raw if t.id not in known]
    if not added:
        return result, [], [t.id for t in raw]
    scores = dict(result.turn_scores)
    for t in added:
        scores.setdefault(t.id, 0.0)
    wide = dataclasses.replace(result, turns=[*result.turns, *added], turn_scores=scores)
    return wide, [t.id for t in added], [t.id for t in raw]


def _candidates(pool_ev: EvidenceSet, raw: set[str]) -> list[Line]:
    """The lines to embed: user lines (and the assistant's, for what-did-you-say questions),
    raw hits and the most similar turns first, at most :data:`POOL_LINES`."""
    plan = pool_ev.result.plan
    roles = ("user", "assistant") if plan.intent == Intent.ASSISTANT_SAID else ("user",)
    # a line placing its event in months outside the question's window is no evidence for it
    lines = [ln for ln in pool_ev.top if ln.role in roles and not outside_window(ln.text, plan.window)]
    lines.sort(key=lambda ln: (ln.turn_id not in raw, -pool_ev.turn_similarity(ln.turn_id), -ln.score))
    return lines[:POOL_LINES]


def _content(plan: QueryPlan) -> set[str]:
    """The question's content words (focus, names, keywords) in comparison form."""
    words = [*plan.focus, *plan.keywords, *(w for n in plan.named for w in n.split())]
    return {norm(w) for w in words if w}


def cheap_rank(ev: EvidenceSet, lines: list[Line]) -> dict[tuple[str, int], float]:
    """A first pass without embeddings: the line's turn cosine plus the share of the question's
    content words it holds."""
    content = _content(ev.result.plan)
    out: dict[tuple[str, int], float] = {}
    for ln in lines:
        words = coverage(content, terms(ln.text)) if content else 0.0
        out[(ln.turn_id, ln.position)] = ev.turn_similarity(ln.turn_id) + WORDS_WEIGHT * words
    return out


def _similarities(ev: EvidenceSet, lines: list[Line], embed: int) -> dict[tuple[str, int], tuple[float, bool]]:
    """Each line's similarity to the question and whether it was measured: a one-sentence turn's
    line has its turn's cosine when the turn was a vector hit; a line of a several-line user turn
    is embedded (ingest embedded it ahead, :func:`prime`: a cache read); of the rest, the best
    ``embed`` by the cheap pass are embedded and the others keep an estimate. Which lines are
    measured depends on the question and memory only, never on what an earlier question cached."""
    cheap = cheap_rank(ev, lines)
    per_turn: dict[str, int] = {}
    for ln in ev.top:
        per_turn[ln.turn_id] = per_turn.get(ln.turn_id, 0) + 1
    known = {(ln.turn_id, ln.position) for ln in lines
             if per_turn.get(ln.turn_id) == 1 and ln.turn_id in ev.result.similarity}
    rest = [ln for ln in lines if (ln.turn_id, ln.position) not in known]
    primed = [ln for ln in rest if ln.role == "user" and per_turn.get(ln.turn_id, 0) > 1]
    todo = primed + sorted((ln for ln in rest if ln not in primed),
                           key=lambda ln: -cheap[(ln.turn_id, ln.position)])[:embed]
    # an assistant's sentence keeps its turn's estimate: no decision reads its own cosine (the
    # pick of a what-did-you-say question reads the reply itself, assistant_pick._reply_part), it
    # only orders the context; ingest does not embed replies (~30x the user's text), so measuring
    # them cost a first ask ~5 ms of CPU per sentence
    todo = [ln for ln in todo if ln.role == "user"]
    sims = ev.line_similarity(todo) if todo else {}
    out: dict[tuple[str, int], tuple[float, bool]] = {}
    for ln in lines:
        key = (ln.turn_id, ln.position)
        if key in sims:
            out[key] = (sims[key], True)
        elif key in known:
            out[key] = (ev.turn_similarity(ln.turn_id), True)
        else:
            out[key] = (max(0.0, ev.turn_similarity(ln.turn_id) - ESTIMATE_DISCOUNT), False)
    return out


def build_pool(result: RetrievalResult, *, measure: bool = True, share: EvidenceSet | None = None) -> Pool:
    """Widen the evidence with the plain hits and rank the candidate sentences by meaning.

    ``measure=False``: rank by the cheap pass only (no embedding, no parse) — for a question whose
    answer is already computed, where the pool only orders the context. ``share``: the question's
    other evidence set, whose scan of the whole memory the pool reuses."""
    wide, added, raw = widen(result)
    ev = EvidenceSet(wide, share=share)
    lines = _candidates(ev, set(raw))
    sims = _similarities(ev, lines, POOL_EMBED if measure else 0)
    ranked = [Ranked(sims[(ln.turn_id, ln.position)][0], sims[(ln.turn_id, ln.position)][0], False, ln,
                     sims[(ln.turn_id, ln.position)][1]) for ln in lines]
    ranked.sort(key=lambda r: -r.similarity)
    plan = result.plan
    if plan.intent not in (Intent.ASSISTANT_SAID, Intent.PREFERENCE):
        for r in ranked:  # the user's own questions tell what they asked, not what is so
            if r.line.role == "user" and r.line.is_request:
                r.score -= REQUEST_PENALTY
    if measure and plan.answer_type in _CHECKABLE and plan.intent not in _COMPUTED_ONLY:
        checked = [r for r in ranked[:TYPE_CHECKED] if may_hold(r.line.text, plan.answer_type or "")]
        if plan.answer_type != "money":  # an amount is found by its pattern, the other types by a parse:
            load_nlp().prefetch(r.line.text for r in checked)  # one batch, ~half the cost of one call each
        for r in checked:
            if _typed(r.line.text, plan.answer_type or ""):
                r.typed = True
                r.score += TYPE_BONUS
    if plan.intent in (Intent.CURRENT_VALUE,) and ranked:
        _recency(ranked)
    ranked.sort(key=lambda r: (-r.score, r.line.turn_id, r.line.position))
    return Pool(wide, ev, ranked, added, raw)


def prime(turns: Iterable[Turn], embed: Callable[[Sequence[str]], object]) -> int:
    """Embed, before any question, the sentences a first question would embed here: the lines of
    every user turn that has several (a one-line turn's line is the turn, whose vector ingest
    stores). ``embed`` is a caching embedder's ``embed`` (its content-hash cache keeps the vectors,
    keyed by text and model: a line whose text changes with the code is simply embedded when
    asked). Returns the number of lines handed to it."""
    texts: list[str] = []
    for turn in turns:
        if turn.role == "user":
            lines = lines_of(turn, datetime.min)
            if len(lines) > 1:
                texts.extend(ln.text for ln in lines)
    unique = list(dict.fromkeys(texts))
    if unique:
        embed(unique)
    return len(unique)


#: the shape a sentence needs before a parser could find a value of a type in it
_SHAPES: dict[str, re.Pattern[str]] = {
    "number": re.compile(rf"\d|\b(?:{numbers.cardinal_alternation()}|{'|'.join(numbers.SCALES)}|"
                         r"dozen|couple|few|several|half|once|twice)\b", re.I),
    "date": re.compile(rf"\d|\b(?:{'|'.join(calendar.SHORT_MONTHS)})[a-z]*\b|day\b|"
                       r"\b(?:week|month|year|ago|last|next|tonight|spring|summer|autumn|fall|winter|christmas|easter)\b", re.I),
    "money": re.compile(r"[$£€]|\d"),
}
#: a capitalised word after the sentence's first (names, places, organisations)
_CAPITALISED = re.compile(r"(?<=\S)\s+[\"'(]?(?!I\b|I['’])[A-Z]")


def may_hold(text: str, answer_type: str) -> bool:
    """Whether a sentence has the shape a value of ``answer_type`` needs: a digit or number word
    for a number, a capitalised word (after the first) for a person, place or organisation — a
    lower-case sentence is skipped rather than parsed (a parse is ~5-10 ms)."""
    shape = _SHAPES.get(answer_type)
    if shape is not None:
        return bool(shape.search(text))
    return bool(_CAPITALISED.search(text) or re.search(r"\b(?:named|called)\b", text, re.I))


@lru_cache(maxsize=4096)
def _typed(text: str, answer_type: str) -> bool:
    """Whether the sentence holds a value of the type (parsed once per sentence and type)."""
    return bool(typed_spans(text, answer_type))


def _recency(ranked: list[Ranked]) -> None:
    """Newer lines gain up to :data:`RECENCY_BONUS` (current-value questions: the latest
    statement of equally relevant ones is the current one)."""
    dates = [r.line.said_at for r in ranked]
    lo, hi = min(dates), max(dates)
    span = (hi - lo).total_seconds()
    if span <= 0:
        return
    for r in ranked:
        r.score += RECENCY_BONUS * (r.line.said_at - lo).total_seconds() / span


#: a quoted line grows by the sentences after it, up to this many characters: a short sentence is
#: often finished by the next ("picked up the cat from the rescue!! the rescue named her. biscuit.")
PASSAGE_CHARS = 160


def passage(ev: EvidenceSet, line: Line, max_chars: int = PASSAGE_CHARS) -> str:
    """The line and the sentences that follow it in its turn, while they fit in ``max_chars``."""
    text = line.text.strip()
    for nxt in ev.turn_lines(line.turn_id):
        if nxt.position <= line.position:
            continue
        if len(text) + len(nxt.text) + 1 > max_chars:
            break
        text = f"{text} {nxt.text.strip()}"
    return text


def said_on(line: Line, text: str | None = None) -> str:
    """The dated quote an answer may rest on: 'On 2023-05-04 you said: "…"'."""
    when: datetime = line.said_at
    return f"On {when.date().isoformat()} you said: \"{(text or line.text).strip()[:220]}\""


#: the pool's best user sentence this similar to the question (MiniLM cosine) answers it — its
#: value of the asked-for type, else the dated line itself — instead of a hedge; below it the
#: line is only cited as "the closest thing you told me". Calibrated on development data only
#: (synthetic-s dev family, auth7's dev3, hand-written haystacks; distributions in notes/14.md)
ANSWER_SIMILARITY = 0.55
#: confident lines looked at for a value of the asked-for type
CONFIDENT_TYPED = 3


def _names_the_focus(plan: QueryPlan, text: str) -> bool:
    """The line names what the question is about, as the abstention decision requires of any
    evidence: every content noun for a strict slot ("my *grandmother's* name" is not "my aunt's
    name is Beatriz"), at least half of them otherwise."""
    need = {norm(w) for w in plan.focus}
    if not need:
        return True
    have = terms(text)
    absent = [k for k in need if not has_word(k, have)]
    return not absent if plan.slot in STRICT_FOCUS_SLOTS else len(absent) * 2 <= len(need)


def cite_line(line: Line) -> str:
    """A line as cited in ``Answer.extra["cited"]``."""
    return f"\"{line.text.strip()[:140]}\" (said {line.said_at.date()})"


def confident_answer(pool: Pool) -> tuple[str, Line, float] | None:
    """An answer from the best evidence sentences when they are confidently on topic: ``(text,
    line, similarity)``, else ``None``. A who/where/how-much question needs a value of its type in
    the line (the best of the confident lines that has one); any other question is answered by the
    best line itself, dated. Lines are the user's own statements (a name may also come from a plan
    or someone else's doing) naming every proper name of the question."""
    plan = pool.result.plan
    if plan.intent in _COMPUTED_ONLY:
        return None  # a count, a sum, a span of time or an order is computed, never one line
    ok = ("actual", "plan", "other") if plan.answer_type == "person" else ("actual",)
    sure = [r for r in pool.ranked if r.line.role == "user" and (r.line.actuality in ok or tells_the_doers_deed(plan, r.line))
            and r.similarity >= ANSWER_SIMILARITY and all(contains_name(n, r.line.text) for n in plan.named)
            and _names_the_focus(plan, passage(pool.ev, r.line)) and not stale.restates_newer(plan, r.line.text)]
    if not sure:
        return None
    if stale.asks_now(plan):  # a line telling what no longer holds ("used to …") answers last
        sure.sort(key=lambda r: stale.stale(r.line.text))
    measure = measures.asked_measure(plan.question)
    if measure is not None:  # "how heavy …": a value of the measure, never a line without one
        said = next(((v, r) for r in sure[:CONFIDENT_TYPED] if (v := measures.stated(r.line.text, measure))), None)
        return (f"{said[0]} ({said_on(said[1].line)[0].lower()}{said_on(said[1].line)[1:]})", said[1].line,
                said[1].similarity) if said else None
    if plan.answer_type not in _CHECKABLE:
        return said_on(sure[0].line, passage(pool.ev, sure[0].line)), sure[0].line, sure[0].similarity
    for r in sure[:CONFIDENT_TYPED]:
        spans = [x for x in typed_spans(r.line.text, plan.answer_type or "")  # never the question's own value
                 if not presence.asked_about(plan.question, plan.named, x)]
        if not spans and plan.answer_type == "person" and r.line.actuality in ("actual", "other") \
                and settled(r.line.text):
            spans = kin_person(plan.question, r.line.text)  # "my dad has taken over …", never a plan's person
        spans = answering.fits(plan, r.line.text, spans)  # "my dad used to …, but he can't now": no one's now
        if spans:
            quote = said_on(r.line)
            return f"{spans[0]} ({quote[0].lower()}{quote[1:]})", r.line, r.similarity
    return None
