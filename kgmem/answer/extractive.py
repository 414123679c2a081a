"""Extractive answers for single-value questions, in code, before any model.

"Who / where / which / what brand / what name / how many / how much" questions are answered by
picking a value of the expected answer type: first from typed fact values of the asked slot, then
from the most relevant dated evidence sentences (spaCy entities of the right label, money and
numbers, "named X" / "called X", what the assistant recommended). The result says what it rests
on (the line, its date) so the answer can cite it, and how sure it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from kgmem.answer import measures, reply_list
from kgmem.answer.evidence import EvidenceSet, Line, outside_window, split_sentences
from kgmem.answer.match import contains_name, coverage, norm, terms
from kgmem.answer.presence import asked_about
from kgmem.answer.slots import fact_value, slot_facts
from kgmem.answer.spans import (
    _LABELS,
    _MONEY_SPAN,
    _SHOP_PHRASE,
    kin_phrases,
    my_relation_names,
    typed_spans,
)
from kgmem.models import Fact, Intent, QueryPlan, Turn
from kgmem.retrieval.intents import slot_vocabulary

_RECOMMEND = re.compile(
    r"\b(?:recommend|suggest|go with|go for|try|pick|choose|top pick[^,.;:]*?(?:is|would be|:)|"
    r"would be|it would be|fits best|my pick|best bet|you'?ll love|check out)\s+(?P<v>[A-Z0-9\"'][^,.;:!?]{1,60}?)"
    r"(?=\s+(?:for|because|since|as|if|—|-|which|it's|it is|fits)\b|[,.;:!?]|$)")


@dataclass
class Extracted:
    """A value picked for the question with the evidence it came from."""

    value: str
    source: str  # "fact" | "line" (a typed span of a line) | "sentence" (a whole line)
    confidence: float
    cited: str
    fact: Fact | None = None
    line: Line | None = None
    turn_ids: list[str] = field(default_factory=list)

    @property
    def typed(self) -> bool:
        """The value is a typed span (not a whole sentence)."""
        return self.source in ("fact", "line")


def _cite_fact(f: Fact) -> str:
    return f"\"{f.text.strip()[:140]}\" (said {f.observed_at.date()})"


def _cite_line(line: Line) -> str:
    return f"\"{line.text.strip()[:140]}\" (said {line.said_at.date()})"


def _fact_answer(ev: EvidenceSet) -> Extracted | None:
    plan = ev.result.plan
    slot = plan.slot
    if not slot or slot.startswith("bought") or slot.startswith("assistant"):
        return None
    facts = [f for f in slot_facts(ev, slot) if f.value and f.invalid_at is None]
    if not facts:
        return None
    focus = {norm(w) for w in plan.focus}

    def covers(f: Fact) -> bool:
        # the question's noun must be in the sentence that states the value, not anywhere in its
        # turn ("the neighbours' cat keeps getting in … the puppy: she's called Juniper")
        if not focus:
            return True
        src = ev.source_sentence(f)
        return bool(focus & terms(f.text + " " + (f.value or "") + " " + src)) or coverage(focus, terms(f.text)) > 0
    good = [f for f in facts if covers(f) and not _asked(plan, f.value or "")]
    if not good:
        return None
    best = max(good, key=lambda f: (f.observed_at, f.id))
    return Extracted(fact_value(ev, best), "fact", 0.9, _cite_fact(best), fact=best, turn_ids=best.source_turn_ids[:1])


#: the best lines by turn similarity and words get their own embedding (once each, cached by
#: content): a turn's similarity is diluted by whatever else it says
LINES_EMBEDDED = 10
#: the slot-vocabulary bonus when the lines' own similarities are known
VOCAB_EMBEDDED = 0.05


def rank_lines(ev: EvidenceSet, lines: list[Line], *, by_line: bool = True) -> list[tuple[float, Line]]:
    """Lines by relevance: the similarity to the question (the turn's, and for the best few the
    line's own), the question's content and named words, and the slot's own vocabulary (from the
    intent bank's phrasings)."""
    plan = ev.result.plan
    focus = {norm(w) for w in plan.focus} | {norm(w) for n in plan.named for w in n.split()}
    kw = {norm(w) for w in plan.keywords}
    vocab = {norm(w) for w in slot_vocabulary(plan.slot)} | ({norm(plan.head)} if plan.head else set())
    # with the lines' own similarities known (the evidence pool), meaning ranks them and the slot's
    # vocabulary only breaks near-ties; without them it stands in for meaning
    vocab_weight = VOCAB_EMBEDDED if by_line and ev.embedded(lines) else 0.25
    words: dict[int, float] = {}
    for line in lines:
        have = terms(line.text)
        s = 0.4 * coverage(focus, have) if focus else 0.0
        s += 0.15 * len(kw & have) / max(len(kw), 1) + (vocab_weight if vocab & have else 0.0)
        if plan.named and not all(contains_name(n, line.text) for n in plan.named):
            s -= 0.3
        words[id(line)] = s
    scored = sorted(((ev.turn_similarity(ln.turn_id) + words[id(ln)], ln) for ln in lines), key=lambda x: -x[0])
    if not by_line or not scored:
        return scored
    sims = ev.line_similarity([ln for _, ln in scored[:LINES_EMBEDDED]])
    rescored = [(max(ev.turn_similarity(ln.turn_id), sims.get((ln.turn_id, ln.position), 0.0)) + words[id(ln)], ln)
                for _, ln in scored]
    return sorted(rescored, key=lambda x: -x[0])


#: a line this relevant (see :func:`rank_lines`) may answer with its own words
MIN_LINE_RELEVANCE = 0.4


def _line_answer(ev: EvidenceSet) -> Extracted | None:
    """A typed span from the most relevant actual user lines, else the best line itself."""
    plan = ev.result.plan
    # a name stays a name in a plan ("Pico is coming too - he's my border collie"); other values
    # count only when the user actually did or has them
    ok = ("actual", "plan", "other") if plan.answer_type == "person" else ("actual",)
    lines = [ln for ln in ev.top if ln.role == "user" and ln.actuality in ok
             and not outside_window(ln.text, plan.window)]
    if not ev.embedded(lines):
        # without sentence embeddings yet, words and turns decide most (and save the embedding)
        quick = _typed_from(ev, rank_lines(ev, lines, by_line=False))
        if quick is not None:
            return quick
    ranked = rank_lines(ev, lines)
    found = _typed_from(ev, ranked)
    if found is not None:
        return found
    actual = [(score, line) for score, line in ranked if line.actuality == "actual"]
    if not actual or actual[0][0] < MIN_LINE_RELEVANCE:
        return None
    score, line = actual[0]
    if plan.intent == Intent.CURRENT_VALUE:
        score, line = _newest_retelling(plan, actual, line, score)
    nearby = _typed_in_turn(ev, line, score)
    if nearby is not None:
        return nearby
    return Extracted(line.text, "sentence", min(0.8, 0.3 + 0.4 * score), _cite_line(line), line=line,
                     turn_ids=[line.turn_id])


#: words of when, shared by unrelated lines ("today", "tonight"): no word of an activity
_WHEN_WORDS = frozenset(terms("today tonight yesterday tomorrow morning evening night weekend week month year "
                              "again lately recently finally"))


def _new_name(text: str, old: str) -> bool:
    """The line names something (a capitalised word not opening a sentence) the old line does not:
    a new value, not a passing remark about the same activity ("the hospital car park was full")."""
    return any(m.group(0).lower() not in old.lower() for m in _INNER_CAPITAL.finditer(text))


_INNER_CAPITAL = re.compile(r"(?<![.!?]\s)(?<!^)(?<![\"'(])\b[A-Z][a-z]{2,}\b")


def _newest_retelling(plan: QueryPlan, actual: list[tuple[float, Line]], best: Line,
                      score: float) -> tuple[float, Line]:
    """A current value told again later without "now" ("I sing with the Headingley choir" …
    months later "third rehearsal with the Kirkstall Singers"): the newest relevant line that
    shares with the best line a word of the activity the question does not name ("rehearsal")
    and names something new (a capitalised name the best line lacks). The later line must be the
    user's own actual one: "my sister's membership at PureGym" is no gym of the user's."""
    asked = terms(plan.question)
    activity = {w for w in terms(best.text) - asked if len(w) >= 5 and w not in _WHEN_WORDS}
    later = [(s, ln) for s, ln in actual if s >= MIN_LINE_RELEVANCE and ln.said_at > best.said_at
             and ln.role == "user" and ln.actuality == "actual"
             and terms(ln.text) & activity and _new_name(ln.text, best.text)]
    return max(later, key=lambda x: x[1].said_at) if later else (score, best)


def _asked(plan: QueryPlan, value: str) -> bool:
    return asked_about(plan.question, plan.named, value, yes_no=plan.answer_shape == "yes_no")


def _typed_in_turn(ev: EvidenceSet, line: Line, score: float) -> Extracted | None:
    """A value of the asked type in the sentences around the most relevant line, nearest first
    ("I started a new job last week. It's at Acme, a small studio."): the line tells what, its
    neighbour which."""
    plan = ev.result.plan
    if not (plan.answer_type in _LABELS or plan.answer_type == "money") or plan.answer_type == "item":
        return None
    siblings = sorted((s for s in ev.turn_lines(line.turn_id) if s.position != line.position
                       and abs(s.position - line.position) <= 2 and not outside_window(s.text, plan.window)
                       and (s.actuality == "actual" or plan.answer_type == "person" and s.actuality in ("other", "plan"))),
                      key=lambda s: (abs(s.position - line.position), s.position))
    for s in siblings:
        spans = [x for x in typed_spans(s.text, plan.answer_type) if not _asked(plan, x)]
        if spans:
            return Extracted(spans[0], "line", min(0.7, 0.3 + 0.3 * score), _cite_line(s), line=s,
                             turn_ids=[s.turn_id])
    return None


def _typed_from(ev: EvidenceSet, ranked: list[tuple[float, Line]]) -> Extracted | None:
    """A value of the plan's type from the best of the ranked lines (those near the top score)."""
    plan = ev.result.plan
    if not ranked or ranked[0][0] < MIN_LINE_RELEVANCE or not (plan.answer_type in _LABELS or
                                                                plan.answer_type == "money"):
        return None
    top_score = ranked[0][0]
    for score, line in ranked[:4]:
        if score < top_score - 0.12:
            break
        found = typed_spans(line.text, plan.answer_type) if line.actuality == "actual" else \
            my_relation_names(line.text)
        spans = [x for x in found if not _asked(plan, x)]
        if spans:
            return Extracted(spans[0], "line", min(0.9, 0.4 + 0.4 * score), _cite_line(line), line=line,
                             turn_ids=[line.turn_id])
    return None


def _purchase_attribute(ev: EvidenceSet) -> Extracted | None:
    """Where the user bought something / what it cost: from the actual purchase line."""
    plan = ev.result.plan
    want = "money" if plan.slot == "bought.price" or plan.answer_type == "money" else "org"
    focus = {norm(w) for w in plan.focus}
    head = norm(plan.focus[-1]) if plan.focus else None
    for _, line in rank_lines(ev, [ln for ln in ev.all_user_lines() if ln.actuality == "actual" and "buy" in ln.roles
                                    or ln.actuality == "actual" and _MONEY_SPAN.search(ln.text)]):
        have = terms(line.text)
        if focus and (coverage(focus, have) < 0.5 or (head and head not in have)):
            continue  # "the bike helmet" is not the bike
        spans = typed_spans(line.text, want)
        if not spans and want == "org":  # "from a farmers market stall": a store need not be a name
            spans = [m.group(1) for m in _SHOP_PHRASE.finditer(line.text)]
        if spans:
            return Extracted(spans[0], "line", 0.8, _cite_line(line), line=line, turn_ids=[line.turn_id])
    return None


def _assistant_pick(ev: EvidenceSet) -> Extracted | None:
    """What the assistant recommended in reply to the request that best matches the question."""
    result = ev.result
    plan = result.plan
    by_id = {t.id: t for t in result.turns}
    focus = {norm(w) for w in plan.focus} | ({norm(plan.head)} if plan.head else set()) | \
        {norm(w) for w in plan.keywords if w not in ("recommend", "suggest", "recommended", "suggested", "remind")}
    best: tuple[float, Turn, Turn | None] | None = None
    for t in result.turns:
        if t.role != "assistant":
            continue
        prev = by_id.get(f"{t.session_id}:{t.idx - 1}")
        score = result.turn_scores.get(t.id, 0.0) + (result.turn_scores.get(prev.id, 0.0) if prev else 0.0)
        # the request it answered must be about the question's context ("for a rainy weekend"):
        # replies of the same kind for another context are the usual near miss
        asked = terms(prev.text) if prev else set()
        score += 0.05 * (len(focus & asked) / max(len(focus), 1)) + 0.01 * len(focus & terms(t.text[:300]))
        if best is None or score > best[0]:
            best = (score, t, prev)
    if best is None:
        return None
    _, reply, request = best
    said = result.session_date(reply.session_id)
    ids = [reply.id] + ([request.id] if request else [])
    item = reply_list.pick(plan.question, reply.text, result.embed)
    if item is not None:  # "which shoe did you put second", "the one I'd go with": one listed option
        return Extracted(item.name, "line", 0.8, f"my reply on {said.date() if said else '?'}: \"{item.text[:160]}\"",
                         turn_ids=ids)
    head = _reply_part(ev, reply, said, request)
    measure = measures.asked_measure(plan.question)
    if measure is not None:  # "what temperature did you give me": the reply's value of that measure
        part = next((p for p in (head, *split_sentences(reply.text)) if measures.values(p, measure)), None)
        if part is not None:
            return Extracted(measures.stated(part, measure) or part, "line", 0.8,
                             f"my reply on {said.date() if said else '?'}: \"{part[:160]}\"", turn_ids=ids)
    m = _RECOMMEND.search(head)
    value = m.group("v").strip(" \"'") if m else head[:160]
    cite = f"my reply on {said.date() if said else '?'}: \"{head[:160]}\""
    return Extracted(value, "line", 0.8 if m else 0.5, cite, turn_ids=ids)


#: a reply sentence this much more similar to the question than the reply's opening is the part
#: asked about ("what oven temperature did you give me": the line with the temperature)
REPLY_PART_MARGIN = 0.1


def _reply_part(ev: EvidenceSet, reply: Turn, said: datetime | None, request: Turn | None) -> str:
    """The part of a reply the question asks about: its opening two sentences, unless they name no
    pick and a later sentence is clearly closer in meaning to the question (then that one and the
    next)."""
    sents = split_sentences(reply.text)
    opening = " ".join(sents[:2])
    if len(sents) <= 2 or said is None or _RECOMMEND.search(opening):
        return opening  # a reply that opens with its pick answers with it
    lines = [Line(t, reply.id, reply.session_id, "assistant", said, 0.0, 1000 + i) for i, t in enumerate(sents)]
    sims = ev.line_similarity(lines)
    asked = terms(request.text) if request is not None else set()
    # a sentence restating the request ("Let me explain I need a podcast for my commute.") is no answer
    score = [0.0 if asked and coverage(terms(ln.text), asked) >= 0.5 else sims.get((ln.turn_id, ln.position), 0.0)
             for ln in lines]
    best = max(range(len(lines)), key=lambda i: score[i])
    if best < 2 or score[best] < max(score[:2]) + REPLY_PART_MARGIN:
        return opening
    return " ".join(sents[best:best + 2])


def _subject_answer(ev: EvidenceSet) -> Extracted | None:
    """A question about someone else ("Where does my sister live?"): their lines, not the user's
    facts — a value of the expected type from the most relevant line that mentions them."""
    plan = ev.result.plan
    who = plan.subject or ""
    rel = re.compile(rf"\bmy\s+(?:\w+\s+)?{re.escape(who)}s?\b", re.I) if who.islower() else None
    lines = [ln for ln in ev.all_user_lines() if ln.actuality not in ("request",)
             and (contains_name(who, ln.text) if rel is None else bool(rel.search(ln.text)))]
    if not lines:
        return None
    ranked = rank_lines(ev, lines)[:4]
    if (plan.intent == Intent.CURRENT_VALUE or plan.answer_shape == "yes_no") and ranked:
        # "where does Sam work now", "is Jonah seeing anyone": the newest of the relevant
        ranked = sorted((x for x in ranked if x[0] >= ranked[0][0] - 0.15), key=lambda x: x[1].said_at, reverse=True)
    for score, line in ranked:
        spans = [x for x in typed_spans(line.text, plan.answer_type)
                 if not contains_name(who, x) and not any(contains_name(n, x) for n in plan.named)]
        if spans:
            return Extracted(spans[0], "line", min(0.9, 0.5 + 0.3 * score), _cite_line(line), line=line,
                             turn_ids=[line.turn_id])
    score, line = rank_lines(ev, lines)[0]
    return Extracted(line.text, "sentence", min(0.8, 0.4 + 0.3 * score), _cite_line(line), line=line,
                     turn_ids=[line.turn_id])


def extract(ev: EvidenceSet) -> Extracted | None:
    """The best value of the plan's answer type, or ``None`` when memory holds none."""
    plan = ev.result.plan
    if plan.intent == Intent.ASSISTANT_SAID:
        return _assistant_pick(ev)
    if measures.asked_measure(plan.question):
        return _measure_answer(ev)  # a value of the measure, or nothing ("how tall is my husband" is no name)
    if plan.subject:
        return _subject_answer(ev)
    if plan.slot and plan.slot.startswith("bought"):
        return _purchase_attribute(ev)
    if plan.intent == Intent.HISTORY:
        return _line_answer(ev)  # a previous value: never the current fact, at most a line saying it
    found = _fact_answer(ev)
    if found is not None:
        return found
    return _line_answer(ev)


#: a question asked in the past ("how heavy was she at birth") wants the value of then, not the newest
_PAST_TENSE = re.compile(r"\b(?:was|were|did|had|used\s+to)\b", re.I)
#: measure questions in the present: of the lines holding a value of the measure, those this close
#: to the most relevant one are the same thread told again ("isla … 8lb 2oz" … "clinic weighed her
#: this morning, 15lb 9oz"); the newest of them answers
MEASURE_BAND = 0.15


def _measure_answer(ev: EvidenceSet) -> Extracted | None:
    """A measure question ("how heavy is Isla now", "what temperature do I keep the fridge at"): a
    value of that measure from the most relevant of the user's actual lines that hold one (asked in
    the present, the newest of the near-best); ``None`` when no relevant line holds one."""
    plan = ev.result.plan
    measure = measures.asked_measure(plan.question)
    if measure is None:
        return None
    # a measure is often of someone or something else ("Moss is 11 kg now"): such a line counts when
    # it names what the question names; the user's own lines count as any value would
    def names_it(text: str) -> bool:
        about = {norm(w) for w in [*plan.focus, *([plan.subject] if plan.subject else [])]}
        kin = kin_phrases(plan.question)  # "how tall is my husband": a line about "my husband"
        return any(contains_name(n, text) for n in plan.named) or bool(about & terms(text)) or \
            any(k in text.lower() for k in kin)
    lines = [ln for ln in ev.top if ln.role == "user" and not outside_window(ln.text, plan.window)
             and (ln.actuality == "actual" or ln.actuality == "other" and names_it(ln.text))
             and measures.values(ln.text, measure)]
    ranked = [(score, ln) for score, ln in rank_lines(ev, lines) if score >= MIN_LINE_RELEVANCE]
    if not ranked:
        return None
    best_score, best = ranked[0]
    score, line = best_score, best
    if plan.intent != Intent.HISTORY and not _PAST_TENSE.search(plan.question):
        # "how tall is Thabo" asks for the measure as it is now: the newest of the near-best, and of
        # the lines that name what the question names ("the nurse put Thabo at one metre fifty-one")
        named = bool(plan.named or plan.focus or plan.subject or kin_phrases(plan.question))
        score, line = max((x for x in ranked if x[0] >= best_score - MEASURE_BAND or named and names_it(x[1].text)),
                          key=lambda x: x[1].said_at)
    # the most relevant line stays part of the evidence: it is the one that says what is measured
    turns = list(dict.fromkeys([line.turn_id, best.turn_id]))
    return Extracted(measures.stated(line.text, measure) or line.text, "line", min(0.9, 0.4 + 0.4 * score),
                     _cite_line(line), line=line, turn_ids=turns)
