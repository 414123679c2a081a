"""Extractive answers for single-value questions, in code, before any model.

"Who / where / which / what brand / what name / how many / how much" questions are answered by
picking a value of the expected answer type: first from typed fact values of the asked slot, then
from the most relevant dated evidence sentences (spaCy entities of the right label, money and
numbers, "named X" / "called X", what the assistant recommended). The result says what it rests
on (the line, its date) so the answer can cite it, and how sure it is.
"""

from __future__ import annotations

import re

from kgmem import predicates as predicate_registry
from kgmem.answer import actuality, answering, current, measures, stale
from kgmem.answer.assistant_pick import assistant_pick
from kgmem.answer.evidence import EvidenceSet, Line, outside_window
from kgmem.answer.extracted import Extracted, cite_fact, cite_line
from kgmem.answer.kind_pick import kind_thing, replaced
from kgmem.answer.line_rank import MIN_LINE_RELEVANCE, rank_lines
from kgmem.answer.match import contains_name, coverage, norm, terms
from kgmem.answer.measure_answer import measure_answer
from kgmem.answer.presence import asked_about
from kgmem.answer.previous_value import previous_value
from kgmem.answer.slot_news import shops
from kgmem.answer.slots import a_price_not_the_slots, fact_value, slot_facts
from kgmem.answer.spans import _LABELS, _MONEY_SPAN, _SHOP_PHRASE, my_relation_names, typed_spans
from kgmem.answer.subjects import only_a_possessor
from kgmem.answer.which_time import at_the_time, line_at_the_time
from kgmem.answer.whose import afterthought_name, thing_names
from kgmem.lexicon.people import relation_words
from kgmem.models import Fact, Intent, QueryPlan
from kgmem.retrieval.question import asked_relation

__all__ = ["Extracted", "extract", "rank_lines"]


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
    # a fact the user told as stopped ("I used to work at Acme") is no value of now
    good = [f for f in facts if covers(f) and not _asked(plan, f.value or "")
            and answering.fits(plan, ev.source_sentence(f) or f.text, [f.value or ""])]
    if not good:
        return None
    best = max(good, key=lambda f: (f.observed_at, f.id))
    return Extracted(fact_value(ev, best), "fact", 0.9, cite_fact(best), fact=best, turn_ids=best.source_turn_ids[:1])


def _line_answer(ev: EvidenceSet) -> Extracted | None:
    """A typed span from the most relevant actual user lines, else the best line itself."""
    plan = ev.result.plan
    # a name stays a name in a plan ("Pico is coming too - he's my border collie"); other values
    # count only when the user actually did or has them
    ok = ("actual", "plan", "other") if plan.answer_type == "person" else ("actual",)
    lines = [ln for ln in ev.top if ln.role == "user" and ln.actuality in ok
             and not outside_window(ln.text, plan.window) and not stale.restates_newer(plan, ln.text)]
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
    return Extracted(line.text, "sentence", min(0.8, 0.3 + 0.4 * score), cite_line(line), line=line,
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
        spans = answering.fits(plan, s.text, [x for x in typed_spans(s.text, plan.answer_type) if not _asked(plan, x)])
        if spans:
            return Extracted(spans[0], "line", min(0.7, 0.3 + 0.3 * score), cite_line(s), line=s,
                             turn_ids=[s.turn_id])
    return None


#: a question about where something was got ("which store", "where did I end up getting the coat")
_ASKS_SHOP = re.compile(r"\b(?:which|what)\s+(?:store|shop|place|market)\b|\bwhere\b.*\b(?:get|got|getting|buy|bought|buying|"
                        r"pick(?:ed)?\s+up|order(?:ed)?|from)\b", re.I)


def _typed_from(ev: EvidenceSet, ranked: list[tuple[float, Line]]) -> Extracted | None:
    """A value of the plan's type from the best of the ranked lines (those near the top score)."""
    plan = ev.result.plan
    if not ranked or ranked[0][0] < MIN_LINE_RELEVANCE or not (plan.answer_type in _LABELS or
                                                                plan.answer_type == "money"):
        return None
    top_score = ranked[0][0]
    near = [(score, line) for score, line in ranked[:4] if score >= top_score - 0.12]
    if stale.asks_before(plan):  # "who used to walk Pepper": a line telling what stopped first
        near.sort(key=lambda x: not stale.stale(x[1].text))
    for score, line in near:
        found = typed_spans(line.text, plan.answer_type) if line.actuality == "actual" else \
            my_relation_names(line.text)
        if not found and line.actuality == "actual" and plan.answer_type in ("org", "place") and _ASKS_SHOP.search(plan.question):
            found = shops(line.text)  # "got it at the local hardware store": a store need not be a name
        if plan.answer_type == "money" and plan.slot and predicate_registry.is_single_valued(plan.slot.split(".")[0]):
            found = [x for x in found if not a_price_not_the_slots(plan.slot.split(".")[0], line.text, x)]
        spans = answering.fits(plan, line.text, [x for x in found if not _asked(plan, x)])
        if spans:
            return Extracted(spans[0], "line", min(0.9, 0.4 + 0.4 * score), cite_line(line), line=line,
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
            return Extracted(spans[0], "line", 0.8, cite_line(line), line=line, turn_ids=[line.turn_id])
    return None


def _subject_answer(ev: EvidenceSet) -> Extracted | None:
    """A question about someone else ("Where does my sister live?"): their lines, not the user's
    facts — a value of the expected type from the most relevant line that mentions them."""
    plan = ev.result.plan
    who = plan.subject or ""
    lines = [ln for ln in ev.all_user_lines() if ln.actuality not in ("request",) and _tells_of(who, ln.text)
             and actuality.mode(ln.text) == "actual"]  # "Tomasz might start at … if …" is no value of his
    if not lines:
        return None
    ranked = rank_lines(ev, lines)[:4]
    if (plan.intent == Intent.CURRENT_VALUE or plan.answer_shape == "yes_no") and ranked:
        # "where does Sam work now", "is Jonah seeing anyone": the newest of the relevant
        ranked = sorted((x for x in ranked if x[0] >= ranked[0][0] - 0.15), key=lambda x: x[1].said_at, reverse=True)
    for score, line in ranked:
        spans = [x for x in answering.fits(plan, line.text, typed_spans(line.text, plan.answer_type))
                 if not contains_name(who, x) and not any(contains_name(n, x) for n in plan.named)]
        if spans:
            return Extracted(spans[0], "line", min(0.9, 0.5 + 0.3 * score), cite_line(line), line=line,
                             turn_ids=[line.turn_id])
    score, line = rank_lines(ev, lines)[0]
    return Extracted(line.text, "sentence", min(0.8, 0.4 + 0.3 * score), cite_line(line), line=line,
                     turn_ids=[line.turn_id])


#: a question asking what a thing is called
_ASKS_NAME = re.compile(r"\b(?:name[ds]?|call(?:ed)?)\b", re.I)


def _thing_name(ev: EvidenceSet) -> Extracted | None:
    """The given name of the user's own thing the question asks by its kind ("my tortoise — what's the
    name again?"): from the most relevant user line that mentions the kind and names it in its parse
    (:func:`kgmem.answer.whose.thing_names`), whatever the line's mood ("is it normal that my tortoise
    Pumpkin sleeps all day?" still names it); never from a line where someone else holds one."""
    plan = ev.result.plan
    things = answering.mine_asked(plan)
    if plan.answer_type != "person" or not things or not _ASKS_NAME.search(plan.question):
        return None
    asked = frozenset(terms(plan.question))
    lines = [ln for ln in ev.all_user_lines() if things & terms(ln.text) and not outside_window(ln.text, plan.window)]
    for score, line in rank_lines(ev, lines)[:6]:
        names = [n for n in thing_names(line.text, things, asked) if not _asked(plan, n)]
        if names and score >= MIN_LINE_RELEVANCE:
            return Extracted(names[0], "line", min(0.8, 0.4 + 0.4 * score), cite_line(line), line=line,
                             turn_ids=[line.turn_id])
    return None


def _afterthought(ev: EvidenceSet) -> Extracted | None:
    """"What's my stepmom called?": the one name of a user line whose afterthought clause is about "my
    stepmom" (:func:`kgmem.answer.whose.afterthought_name`), from the most relevant such line."""
    plan = ev.result.plan
    relation = asked_relation(plan.question) or _my_relation(plan.question)
    if plan.answer_type != "person" or relation is None:
        return None
    said = re.compile(rf"\b(?:my|our)\s+{re.escape(relation)}s?\b", re.I)
    lines = [ln for ln in ev.all_user_lines() if said.search(ln.text) and not outside_window(ln.text, plan.window)]
    for score, line in rank_lines(ev, lines)[:6]:
        name = afterthought_name(line.text, relation)
        if name and score >= MIN_LINE_RELEVANCE and not _asked(plan, name):
            return Extracted(name, "line", min(0.8, 0.4 + 0.4 * score), cite_line(line), line=line,
                             turn_ids=[line.turn_id])
    return None


def _my_relation(question: str) -> str | None:
    """The one relation noun a name question puts after "my" ("Blanking on a name here: my stepmom,
    what are they called?"), else ``None``."""
    if not _ASKS_NAME.search(question):
        return None
    rels = {m.group(1).lower() for m in re.finditer(r"\b(?:my|our)\s+([a-z-]+)\b(?!['’])", question, re.I)
            if m.group(1).lower() in relation_words()}
    return rels.pop() if len(rels) == 1 else None


def _tells_of(who: str, text: str) -> bool:
    """The line names the asked person ("my sister", "Tomasz") other than only as the holder of
    someone else ("Tomasz's sister Ola had her first day at …" tells of Ola)."""
    if who.islower():
        return bool(re.search(rf"\bmy\s+(?:\w+\s+)?{re.escape(who)}s?\b", text, re.I))
    return contains_name(who, text) and not only_a_possessor(text, who)


def extract(ev: EvidenceSet) -> Extracted | None:
    """The best value of the plan's answer type, or ``None`` when memory holds none."""
    ev = at_the_time(ev)  # "which museum did I go to two weeks ago": that time's lines and facts only
    plan = ev.result.plan
    if plan.intent == Intent.ASSISTANT_SAID:
        return assistant_pick(ev)
    if measures.asked_measure(plan.question):
        return measure_answer(ev)  # a value of the measure, or nothing ("how tall is my husband" is no name)
    if plan.slot and plan.slot.startswith("bought") and not plan.subject:
        return _purchase_attribute(ev)
    if plan.intent == Intent.HISTORY and not plan.subject:
        found = _line_answer(ev)  # a previous value: never the current fact, at most a line saying it
        return found if found is not None and found.typed else previous_value(ev) or found
    found = _subject_answer(ev) if plan.subject else _fact_answer(ev) or _line_answer(ev)
    if (found is None or not found.typed) and not plan.subject:
        found = _thing_name(ev) or _afterthought(ev) or found
    if replaced(plan, found):
        found = kind_thing(ev) or found  # "which instrument …": the user's trumpet, told in passing
    found = found or line_at_the_time(ev)  # "which museum did I go to two weeks ago": that time's line
    if found is not None and found.typed:
        found = _newer_onset(ev, found) or found
    return (current.newest_told(ev, found) or found) if found is not None else None


#: a newer line telling a state's onset replaces the answer when it is on the same thread: its own
#: cosine to the question at most this far below the answer line's, or its cosine to the answer line
#: at least :data:`ONSET_THREAD` ("My wife Inês teaches chemistry at Heaton Manor" ~ "Inês had her first
#: day as deputy head at Gosforth Academy" 0.49; ~ "Inês had her first day at the Lisbon conference"
#: 0.20). Chosen on invented pairs and one dev9 question (directed)
ONSET_MARGIN = 0.1
ONSET_THREAD = 0.45


def _newer_onset(ev: EvidenceSet, found: Extracted) -> Extracted | None:
    """A question about now ("which school does my wife work at these days"): a line told after
    the answer's that tells the onset of a state at another value of the asked type ("Inês had her
    first day as deputy head at Gosforth Academy", :func:`kgmem.answer.stale.began`), on the same
    thread, says the answer's state ended there: its value answers."""
    plan = ev.result.plan
    if plan.intent != Intent.CURRENT_VALUE or not stale.asks_now(plan) or plan.answer_type not in _LABELS:
        return None
    if found.line is not None:
        said, text, who = found.line.said_at, found.line.text, found.line.actuality
    elif found.fact is not None:
        said, text, who = found.fact.observed_at, ev.source_sentence(found.fact) or found.fact.text, "actual"
    else:
        return None
    later = [ln for ln in ev.top if ln.role == "user" and ln.said_at > said and ln.actuality in ("actual", who)
             and not outside_window(ln.text, plan.window) and actuality.mode(ln.text) == "actual"
             and not (plan.subject and only_a_possessor(ln.text, plan.subject))]
    onsets = [(ln, v) for ln in later for v in typed_spans(ln.text, plan.answer_type or "")
              if not _asked(plan, v) and v.lower() != found.value.lower() and stale.began(ln.text, v)]
    if not onsets:
        return None
    vecs = ev.result.embed([plan.question, text, *(ln.text for ln, _ in onsets)])
    if vecs is None:
        return None
    floor = float(vecs[0] @ vecs[1]) - ONSET_MARGIN
    best = None
    for k, (line, value) in enumerate(onsets):
        asked, thread = float(vecs[0] @ vecs[k + 2]), float(vecs[1] @ vecs[k + 2])
        if (asked >= floor or thread >= ONSET_THREAD) and (best is None or line.said_at > best[0].said_at):
            best = (line, value)
    if best is None:
        return None
    line, value = best
    # it rests on both lines: the older names the thread ("my wife Inês"), the newer the value
    return Extracted(value, "line", found.confidence, cite_line(line), line=line,
                     turn_ids=list(dict.fromkeys([line.turn_id, *found.turn_ids])))


