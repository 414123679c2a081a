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
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import datetime

from kgmem.answer.abstain import STRICT_FOCUS_SLOTS, has_word
from kgmem.answer.evidence import EvidenceSet, Line, outside_window
from kgmem.answer.match import contains_name, norm, terms
from kgmem.answer.spans import typed_spans
from kgmem.models import Intent, QueryPlan, Turn
from kgmem.retrieval.search import RetrievalResult, raw_turn_hits

#: plain message hits always in the pool: what a top-10 cosine RAG reads
POOL_RAW = 10
#: sentences embedded per question (each once; the embedder caches by content): the candidates
#: with the best turn similarity first, raw hits before the rest
POOL_LINES = 48
#: sentences checked for a value of the expected type (a spaCy parse each): the most similar ones
TYPE_CHECKED = 12
#: a value of the expected type in the sentence is worth this much similarity
TYPE_BONUS = 0.08
#: a request of the user's ("what should a puppy eat?") ranks this much below a statement
REQUEST_PENALTY = 0.1
#: current-value questions: the newest relevant line gains up to this much over the oldest
RECENCY_BONUS = 0.04
#: answer types a sentence can be checked for
_CHECKABLE = frozenset({"person", "place", "org", "money", "number", "date"})


@dataclass
class Ranked:
    """One pool sentence with why it ranks where it does."""

    score: float
    similarity: float
    typed: bool
    line: Line


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
        return max((r.similarity for r in self.ranked if r.line.role == "user"), default=0.0)

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


def build_pool(result: RetrievalResult) -> Pool:
    """Widen the evidence with the plain hits and rank the candidate sentences by meaning."""
    wide, added, raw = widen(result)
    ev = EvidenceSet(wide)
    lines = _candidates(ev, set(raw))
    sims = ev.line_similarity(lines)
    ranked = [Ranked(sims.get((ln.turn_id, ln.position), 0.0), sims.get((ln.turn_id, ln.position), 0.0), False, ln)
              for ln in lines]
    ranked.sort(key=lambda r: -r.similarity)
    plan = result.plan
    if plan.intent not in (Intent.ASSISTANT_SAID, Intent.PREFERENCE):
        for r in ranked:  # the user's own questions tell what they asked, not what is so
            if r.line.role == "user" and r.line.actuality == "request":
                r.score -= REQUEST_PENALTY
    if plan.answer_type in _CHECKABLE:
        for r in ranked[:TYPE_CHECKED]:
            if typed_spans(r.line.text, plan.answer_type or ""):
                r.typed = True
                r.score += TYPE_BONUS
    if plan.intent in (Intent.CURRENT_VALUE,) and ranked:
        _recency(ranked)
    ranked.sort(key=lambda r: (-r.score, r.line.turn_id, r.line.position))
    return Pool(wide, ev, ranked, added, raw)


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
#: questions no single line answers
_COMPUTED_ONLY = (Intent.AGGREGATE, Intent.DURATION, Intent.ORDERING)
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
    sure = [r for r in pool.ranked if r.line.role == "user" and r.line.actuality in ok
            and r.similarity >= ANSWER_SIMILARITY and all(contains_name(n, r.line.text) for n in plan.named)
            and _names_the_focus(plan, passage(pool.ev, r.line))]
    if not sure:
        return None
    if plan.answer_type not in _CHECKABLE:
        return said_on(sure[0].line, passage(pool.ev, sure[0].line)), sure[0].line, sure[0].similarity
    for r in sure[:CONFIDENT_TYPED]:
        spans = [x for x in typed_spans(r.line.text, plan.answer_type or "")
                 if not any(contains_name(n, x) for n in plan.named)]
        if spans:
            quote = said_on(r.line)
            return f"{spans[0]} ({quote[0].lower()}{quote[1:]})", r.line, r.similarity
    return None
