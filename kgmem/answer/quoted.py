"""A hedge's quoted line read by the expected answer type.

Where kgmem would say "I'm not sure; the closest thing you told me is "Amara's first Saturday on the
till went smoothly."" to "who is running the till on Saturdays?", the line it quotes holds the
answer: a value of the asked-for type (a person, place, organisation, amount, number or date). Such a
value answers, with the dated line cited, when the line speaks of what the question asks: every name
of the question is in it, and its focus words are there by form or by meaning
(:func:`kgmem.answer.presence.unsupported`, all of them; a question with none has no line that
speaks of it). Counts, sums,
spans of time and orderings are computed from several lines, never read from one; a line with no
value of the type, or one off the question's focus, stays a hedge. A count the computed paths found nothing to count
for may still be told by the user as a number in one line ("up to twenty-three books so far this year").

:func:`own_line`: where no value is read, the line a hedge would quote is itself the answer when it
is the user's own actual statement (not a request, a plan, a wish or someone else's doing), on the
question by meaning (its own cosine in the band the abstention decision calls related), naming every
name of the question and every focus word (by form or by meaning), and shaped like a value of the asked-for type
(:func:`kgmem.answer.pool.may_hold`): "We got engaged at the top of Arthur's Seat at sunrise" answers
"where did we get engaged?" as a dated quote, not as "I'm not sure; the closest thing …".
"""

from __future__ import annotations

import re

from kgmem import knowledge
from kgmem.answer import answering, measures, presence, stale
from kgmem.answer.abstain import HEDGE_SENTENCE_SIMILARITY
from kgmem.answer.actuality import mode, settled
from kgmem.answer.asked_doer import tells_the_doers_deed
from kgmem.answer.count_question import counted_lemmas
from kgmem.answer.evidence import EvidenceSet, Line, outside_window
from kgmem.answer.match import contains_name
from kgmem.answer.payments import asking_price
from kgmem.answer.pool import Pool, may_hold
from kgmem.answer.spans import kin_person, typed_spans
from kgmem.answer.spoken_amounts import spoken_amounts, with_digits
from kgmem.lexicon import calendar
from kgmem.models import Intent, QueryPlan
from kgmem.retrieval.question import nlp

#: answer types one line can hold a value of
_TYPED = ("person", "place", "org", "money", "number", "date")
#: questions whose answer is computed over several lines, never one line's value
_COMPUTED_ONLY = (Intent.AGGREGATE, Intent.DURATION, Intent.ORDERING)
#: questions no quoted line answers by itself: computed ones, a date (the temporal paths read the
#: line's time), a preference (a suggestion is built), what the assistant said (its own pick)
_NO_OWN_LINE = (*_COMPUTED_ONLY, Intent.WHEN, Intent.PREFERENCE, Intent.ASSISTANT_SAID)
#: the pool's best user sentences looked at, after the line the hedge would quote
OWN_LINE_CANDIDATES = 3


def speaks_of(ev: EvidenceSet, text: str) -> bool:
    """The line names every name of the question and every one of its focus words, by form or by
    meaning ("the bike helmet" is not spoken of by a line about the bike)."""
    plan = ev.result.plan
    if not all(presence.name_in(n, presence.vocabulary([text])) for n in plan.named):
        return False
    focus = list(dict.fromkeys(plan.focus))
    if not focus:
        return False
    absent, _ = presence.unsupported(focus, [text], ev.result.embed)
    return not absent


def lead_in(ev: EvidenceSet, line: Line) -> str:
    """The line with the sentence right before it in its turn when that sentence tells a thing done or so:
    a detail told after its topic ("Reorg finally landed. I now report to someone called Tomasz …")
    speaks of the topic too; a topic declined, planned or asked about lends nothing ("Looked at helmets
    but passed. Bought the bike at Halfords")."""
    before = [ln for ln in ev.turn_lines(line.turn_id) if ln.position < line.position]
    if before and not before[-1].is_request and mode(before[-1].text) == "actual":
        return f"{before[-1].text} {line.text}"
    return line.text


def quoted_value(ev: EvidenceSet, lines: list[Line | None]) -> tuple[str, Line] | None:
    """The first value of the asked-for type in a quoted line that speaks of the question:
    ``(value, line)``, else ``None``."""
    plan = ev.result.plan
    if plan.answer_type not in _TYPED or plan.intent in _COMPUTED_ONLY or measures.asked_measure(plan.question):
        return None  # (a measure's value is read by the measure paths: "how tall is my husband" is no name)
    # "who works behind the bar": a who-question is answered by a person whatever slot it planned
    kinds = [plan.answer_type or "", *(["person"] if re.match(r"\s*who\b", plan.question, re.I) else [])]
    ok = ("actual", "plan", "other") if "person" in kinds else ("actual",)
    for line in dict.fromkeys(ln for ln in _with_next(ev, lines) if ln is not None):
        if line.role != "user" or (line.actuality not in ok and not tells_the_doers_deed(plan, line)) \
                or not speaks_of(ev, lead_in(ev, line)):
            continue  # ("My mum lent me two grand" answers "how much did my mum lend me?")
        for kind in dict.fromkeys(kinds):
            kin = kin_person(plan.question, line.text) if line.actuality in ("actual", "other") \
                and settled(line.text) else []
            found = typed_spans(line.text, kind) or (_proper_names(line.text) or kin if kind == "person" else [])
            if kind in ("money", "number") and proposed(line.text):
                continue  # someone's asking price, a quote or an offer: no amount the user paid or got
            if kind == "money":  # an amount said in words
                found = found or list(spoken_amounts(line.text))
            spans = answering.fits(plan, line.text, [x for x in found if not presence.asked_about(plan.question,
                                                                                               plan.named, x)])
            if spans:
                return spans[0], line
    return None


def _with_next(ev: EvidenceSet, lines: list[Line | None]) -> list[Line | None]:
    """Each line, then the sentence right after it in its turn: a value told after its topic ("Booked the
    Lisbon flights! €180 return each"); :func:`lead_in` lends it the topic's words."""
    out: list[Line | None] = []
    for line in lines:
        out.append(line)
        if line is not None:
            out += [ln for ln in ev.turn_lines(line.turn_id) if ln.position == line.position + 1]
    return out


#: nouns and verbs that name a price proposed, not paid ("got a quote", "the estimate is", "offered me")
_PROPOSING = frozenset({"quote", "estimate", "offer"})
#: how a proposing word stands in the amount's clause: its subject, object or the amount's apposition
_PROPOSAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "appos"})


def proposed(text: str) -> bool:
    """The line's amount is a price proposed and not (yet) paid: someone's asking price or quote
    (:func:`kgmem.answer.payments.asking_price`, amounts in words read too) or a quote, an estimate or an
    offer named in it ("Got a quote to reupholster the sofa, a couple of hundred quid")."""
    read = with_digits(text)
    model = nlp()
    if model is not None:
        for tok in model(read):
            if tok.like_num and any(a.lemma_.lower() in _PROPOSING or any(
                    c.dep_ in _PROPOSAL_DEPS and c.lemma_.lower() in _PROPOSING for c in a.children)
                    for a in [tok, *tok.ancestors]):
                return True  # "the estimate is about £3,200" (not "a bit over his estimate": no clause of the amount)
    return asking_price(read)


def _proper_names(text: str) -> list[str]:
    """Runs of proper nouns that no entity label makes a place, date, amount or a many-word
    organisation ("Amara's first Saturday on the till": the small NER model reads many a lone first
    name as an organisation)."""
    model = nlp()
    if model is None:
        return []
    doc = model(text)
    other = {t.i for e in doc.ents if e.label_ != "PERSON" and not (e.label_ == "ORG" and len(e) == 1) for t in e}
    out: list[str] = []
    run: list[str] = []
    for tok in [*doc, None]:
        if tok is not None and tok.pos_ == "PROPN" and tok.is_alpha and tok.i not in other and tok.text[:1].isupper() \
                and presence.name_words(tok.text):
            run.append(tok.text)
            continue
        if run:
            out.append(" ".join(run))
            run = []
    return out


def copied_line(pool: Pool, text: str, n: int = 8) -> Line | None:
    """The user's line of the evidence a model's reply copies an ``n``-word run of (the line it picked,
    when its reply was rejected for reading the context back), else ``None``."""
    words = re.findall(r"\w+", text.lower())
    runs = {" ".join(words[i: i + n]) for i in range(len(words) - n + 1)}
    if not runs:
        return None
    for line in [*(r.line for r in pool.ranked), *pool.ev.top]:
        said = " " + " ".join(re.findall(r"\w+", line.text.lower())) + " "
        if line.role == "user" and any(f" {run} " in said for run in runs):
            return line
    return None


def own_line(pool: Pool, lines: list[Line | None], model_said: str = "") -> tuple[Line, float] | None:
    """The first of ``lines`` (the line a hedge would quote; first the line a rejected model reply copied,
    ``model_said``), then of the pool's best user sentences, that answers the question as a dated quote:
    ``(line, cosine)``, else ``None`` (module docstring)."""
    ev = pool.ev
    plan = ev.result.plan
    counted = _counted(plan)
    if (plan.intent in _NO_OWN_LINE and not counted) or measures.asked_measure(plan.question):
        return None  # (a measure needs its value: "how tall is my husband" is no line)
    picked = copied_line(pool, model_said) if model_said else None
    candidates = [ln for ln in dict.fromkeys([picked, *lines, *(r.line for r in pool.ranked[:OWN_LINE_CANDIDATES])])
                  if ln is not None and ln.role == "user" and ln.actuality == "actual"]
    if not candidates:
        return None
    sims = ev.line_similarity(candidates)
    for line in candidates:
        sim = sims.get((line.turn_id, line.position), 0.0)
        if sim < HEDGE_SENTENCE_SIMILARITY or outside_window(line.text, plan.window) or not _in_window(line, plan) \
                or stale.restates_newer(plan, line.text) or (stale.asks_now(plan) and stale.stale(line.text)):
            continue
        if not all(contains_name(n, line.text) for n in plan.named) or \
                presence.unsupported(list(dict.fromkeys(plan.focus)), [line.text], ev.result.embed)[0]:
            continue  # every focus word in the line itself: "the bike helmet" is not told by a line about the bike
            # (nor by the sentence after it, "looked at a helmet too but passed")
        if counted and not told_count(line.text, counted):
            continue  # a count is told by a number of the counted things: "up to twenty-three books so far"
        if plan.answer_type in _TYPED and not _may_name(plan.question, line.text, plan.answer_type or ""):
            continue  # "where do I work?" — "I love my work, so busy": no place could be in it
        return line, sim
    return None


def _counted(plan: QueryPlan) -> frozenset[str]:
    """The things a "how many <things>" question counts (their dictionary forms), else none: such a count the
    computed paths found nothing to count for may be told by the user as a number in one line."""
    if plan.intent != Intent.AGGREGATE or plan.answer_type != "number" or not re.search(r"\bhow\s+many\b", plan.question, re.I):
        return frozenset()
    return frozenset(counted_lemmas(plan.question))


def told_count(text: str, counted: frozenset[str]) -> bool:
    """The line tells a number of the counted things: a counted noun with a number modifying it ("twenty-three
    books", "a dozen hens", "14 countries")."""
    model = nlp()
    return model is not None and any(t.lemma_.lower() in counted and any(c.dep_ == "nummod" for c in t.children)
                                     for t in model(text))


def _in_window(line: Line, plan: QueryPlan) -> bool:
    """The line's event (its own past time, else the day it was said) falls in the question's time window
    ("which museum did I go to yesterday?" is not answered by a visit a month before); no window, any line."""
    window = plan.window
    if window is None:
        return True
    day = line.when.date()
    return (window.start is None or day >= window.start.date()) and (window.end is None or day <= window.end.date())


#: prepositions that put a thing somewhere
_LOCATIVE = frozenset("in at on under behind near inside by beside outside into onto next".split())


def _where_phrase(text: str) -> bool:
    """The sentence puts something somewhere: a locative preposition whose object is a common noun that
    no date or time entity holds ("on the number 73 bus", "behind the sofa"; not "on Tuesday", "in the
    morning", "at 5")."""
    model = nlp()
    if model is None:
        return False
    doc = model(text)
    timed = {t.i for e in doc.ents if e.label_ in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT") for t in e}
    for tok in doc:
        if tok.dep_ == "prep" and tok.lower_ in _LOCATIVE:
            obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ == "NOUN" and obj.i not in timed and obj.lower_ not in _TIME_NOUNS \
                    and knowledge.sense_kind_of(obj.lemma_, _WHERE_KINDS):
                return True
    return False


#: WordNet kinds a thing put somewhere is in or on (a bus, a sofa, a park, a beach; not "marketing")
_WHERE_KINDS = ("artifact", "region", "geological formation", "body of water")
#: nouns of time a locative preposition also takes ("in the morning", "at night", "on the weekend")
_TIME_NOUNS = frozenset("morning afternoon evening night day week weekend month year time moment minute hour "
                        "end start beginning while".split())
#: capitalised words after a sentence's first that name no person, place or organisation
_NO_NAME = frozenset(w.lower() for w in (*calendar.WEEKDAYS, *calendar.MONTHS, "I", "I'm", "I've", "I'd", "I'll"))


def _may_name(question: str, text: str, answer_type: str) -> bool:
    """The line has the shape of a value of the type (:func:`kgmem.answer.pool.may_hold`); for a person,
    place or organisation, a capitalised word after the first that is no day or month and no word of the
    question ("Who did I go hiking with on Saturday?" — "I went hiking on Saturday with people from work")."""
    if answer_type not in ("person", "place", "org"):
        return may_hold(text, answer_type)
    if answer_type == "place" and _where_phrase(text):
        return True  # "left my wallet on the number 73 bus": a place need not be a proper name
    asked = {w.lower() for w in re.findall(r"[\w']+", question)}
    words = re.findall(r"[\w']+", text)[1:]
    return any(w[:1].isupper() and w.lower() not in _NO_NAME and w.lower() not in asked for w in words)
