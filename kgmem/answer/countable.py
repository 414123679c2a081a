"""Whether a told item counts: one test for counts, money totals and totals of nights.

A line's item counts when it is

- **the user's own**: the clause's doer is the user (or nobody: a diary line), not a friend, not
  "my parents stayed four nights at a hotel" (:mod:`kgmem.answer.actuality`'s ``other`` and
  :func:`kgmem.answer.whose.others_doing`, both read from the parse); a line that names another
  person but whose main clause is the user's own ("Spent two nights at my brother's") is the
  user's (:func:`kgmem.answer.whose.own_clause`);
- **actual**: not a plan, not declined, not called off (the line classes of
  :mod:`kgmem.answer.actuality`; a bare next line of the message calling it off: "Stampede Road
  Race Sunday. DNS."), not an intention its own sentence says came to nothing ("I was meant to
  go to Harrogate today but the trains were on strike"), not someone's asking price the user
  turned down in the next clause ("the bike shop wanted 90 euro for new brakes, I said no"), not
  a thing sent back for money ("sent the nikes back, got the refund": :mod:`kgmem.answer.refunds`);
- **past at the question date**, by the line's resolved time, not by its verb: a booking counts
  once the time it was booked for has passed by the day the question is asked ("Booked three
  nights in Keswick for February", asked in June) and never while that time is ahead ("reserved
  two nights in York for the end of October", asked in June); a booking that names no time is no
  event yet, unless the line tells the stay itself as past ("booked two nights in Whitby last
  minute, we stayed Friday and Saturday"). A money total skips the time test: a booking is paid
  when it is made.

:func:`why_not` returns the reason an item does not count (shown to the user as "Not counted: …"),
or ``None`` when it counts. Words: ``kgmem/resources/lexicon/counting.json`` ("unfulfilled",
"refusal_expressions") and the one called-off lexicon (:mod:`kgmem.lexicon.called_off`: its
call-off predicates, and its "refuse" sense for a price turned down).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from kgmem import packaged, temporal
from kgmem.answer.actuality import FIRST_PERSON
from kgmem.answer.actuality import actuality as actuality_of
from kgmem.answer.count_doers import thing_done, told_first_by_user
from kgmem.answer.evidence import BOOKING_VERBS, EvidenceSet, Line, arrangement, verb_base
from kgmem.answer.match import terms
from kgmem.answer.refunds import money_back
from kgmem.answer.whose import held_by_other, others_doing, own_clause
from kgmem.lexicon import calendar, called_off
from kgmem.lexicon.people import USER_OBJECTS, USER_POSSESSIVES, USER_PRONOUNS, people_noun
from kgmem.models import Fact
from kgmem.nlp import has_other_possessor, load_nlp

if TYPE_CHECKING:
    from spacy.tokens import Token

#: why a line is not one of the user's own done items, by its line class
LINE_CLASS_REASON = {"plan": "a plan", "negated": "declined or not done", "other": "someone else's",
                     "request": "a question"}
#: resolver rules that name a calendar time (a month, a date, a holiday, a weekday), which a booking
#: names ahead of the day it is made ("for February" said in January is the coming February)
_CALENDAR_KINDS = frozenset({"holiday", "full_date", "slash_date", "day_ordinal", "early_month", "month_rel",
                             "season_rel", "bare_weekday", "month_year", "weekend_rel"})
#: a time told as already gone ("last March", "this past weekend"): never moved ahead
_TOLD_PAST = re.compile(r"\b(?:last|past|ago|previous)\b", re.I)
#: a month a line names after a preposition ("for September", "in early August")
_NAMED_MONTH = re.compile(rf"\b(?:in|for|during|until|till|by|early|late|mid|end\s+of)[\s-]+(?:the\s+)?"
                          rf"({calendar.month_alternation()})\b", re.I)
_USER_WORDS = USER_PRONOUNS


@lru_cache(maxsize=1)
def _words() -> dict[str, tuple[str, ...]]:
    return {k: tuple(v) for k, v in packaged.entries("lexicon", "counting.json").items()}


@lru_cache(maxsize=1)
def _unfulfilled() -> re.Pattern[str]:
    """An intention the same sentence undoes: "was meant to … but", "was supposed to … but"."""
    w = "|".join(re.escape(x).replace(r"\ ", r"\s+") for x in _words()["unfulfilled"])
    return re.compile(rf"\b(?:{w})\b.{{0,80}}\bbut\b", re.I)


#: what a phrasal verb may take between its verb and its particle ("turned *it* down")
_SPLIT_OBJECT = r"(?:\s+(?:it|them|him|her|that|this|those|these))?"
#: ... and what may follow a predicate whose bare words also say something else ("passed on *it*", "walked away.")
_CLAUSE_END = r"(?=\s*(?:(?:it|them|that|from)\b|[.,;:!?]|$))"


@lru_cache(maxsize=1)
def _refusal() -> re.Pattern[str]:
    """How the user turns a price down: the one lexicon's "refuse" predicates in every form, a
    phrasal one also split by its object ("said no", "turned it down", "declined", "walked away"),
    and the set phrases counting.json keeps ("not worth it")."""
    bare = called_off.predicates(called_off.REFUSING, bare_only=True)
    said = []
    for p in sorted(called_off.predicates(called_off.REFUSING)):
        for f in called_off.forms(p):
            verb, *rest = f.split()
            said.append(re.escape(verb) + (_SPLIT_OBJECT if rest else "") + "".join(r"\s+" + re.escape(w) for w in rest)
                        # a predicate whose words say more besides ("pulled out my card") ends its clause
                        + ("" if p in bare else _CLAUSE_END))
    said += [called_off.alternation((x,)) for x in _words()["refusal_expressions"]]
    return re.compile(rf"\b(?:{'|'.join(said)})\b", re.I)


@lru_cache(maxsize=1)
def _refused_after() -> re.Pattern[str]:
    """A price the same line then turns down with no object of its own ("I was eyeing a $900 camera but walked
    away", "the $90 seats were tempting, so I said no"): the refusal ends its clause ("but said no to dessert"
    refuses the dessert, not the lunch paid for)."""
    return re.compile(rf"(?:\bbut|\band|\bso|\bthen|,)\s+(?:(?:I|we)\s+)?(?:\w+ly\s+|just\s+|then\s+)?"
                      rf"(?:{_refusal().pattern})(?=\s*(?:[.,;!?]|$|\b(?:though|anyway|in\s+the\s+end|after\s+all)\b))", re.I)


@lru_cache(maxsize=1)
def _called_off() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{called_off.alternation(called_off.surface('call_off', base=False) + called_off.no_show())})\b", re.I)


def _next_year(when: datetime) -> datetime:
    """The same day a year on (29 February → 28 February)."""
    try:
        return when.replace(year=when.year + 1)
    except ValueError:
        return when.replace(year=when.year + 1, day=28)


def _forward(r: temporal.ResolvedTime, said_at: datetime) -> datetime:
    """The last day of a calendar time a booking names, moved to its next occurrence on or after
    the day the booking was made (the resolver reads a bare month or date as the past one)."""
    end = r.end
    if r.end.date() >= said_at.date() or r.kind not in _CALENDAR_KINDS or _TOLD_PAST.search(r.text):
        return end
    step = timedelta(days=7) if r.kind in ("bare_weekday", "weekend_rel") else None
    while end.date() < said_at.date():
        end = end + step if step else _next_year(end)
    return end


def booked_for(line: Line) -> datetime | None:
    """The last day of the time a booking line books for ("for half term in February" said in
    January → the end of the coming February; "for May next year"), else ``None``."""
    ends = [_forward(s.resolved, line.said_at) for s in temporal.find_time_expressions(line.text, line.said_at)]
    for m in _NAMED_MONTH.finditer(line.text):  # "for September": a month the resolver leaves alone
        month = calendar.month_number(m.group(1))
        if month is not None and not any(e.month == month for e in ends):
            year = line.said_at.year + (month < line.said_at.month)
            nxt = datetime(year + (month == 12), month % 12 + 1, 1)
            ends.append(nxt - timedelta(days=1))
    return max(ends) if ends else None


@lru_cache(maxsize=4096)
def tells_it_done(text: str) -> bool:
    """The line tells, besides its booking, the user's own past doing ("booked two nights in
    Whitby last minute, *we stayed* Friday and Saturday"): a past-tense verb of the user (or of no
    named doer) that is not itself the booking."""
    for tok in load_nlp()(text):
        if tok.tag_ != "VBD" or verb_base(tok.lemma_.lower()) in BOOKING_VERBS or tok.dep_ in ("relcl", "acl", "amod"):
            continue
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects and tok.dep_ == "conj":  # "Booked a night by Gatwick and stayed there": the booker's
            subjects = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if all(c.lower_ in _USER_WORDS for c in subjects) and (subjects or tok.dep_ == "conj"):
            return True
    return False


def _turned_down(line: Line, ev: EvidenceSet | None) -> bool:
    """Someone's price or offer the user refuses in the next clause of the same turn ("the bike
    shop wanted 90 euro for new brakes" + "I said no"; not + "but today I don't care")."""
    if ev is None or FIRST_PERSON.search(line.text):
        return False
    after = [ln for ln in ev.turn_lines(line.turn_id) if ln.position == line.position + 1]
    return bool(after) and bool(FIRST_PERSON.search(after[0].text)) and bool(_refusal().search(after[0].text))


def _called_off_after(line: Line, ev: EvidenceSet | None) -> bool:
    """The next line of the same message is a bare call-off of this one ("Stampede Road Race
    Sunday." + "DNS."): three words or fewer, calling off or saying no."""
    if ev is None:
        return False
    after = [ln for ln in ev.turn_lines(line.turn_id) if ln.position == line.position + 1]
    return bool(after) and len(after[0].text.split()) <= 3 and (
        bool(_called_off().search(after[0].text)) or after[0].actuality == "negated")


#: a finite verb's tags (past, present, modal)
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


@lru_cache(maxsize=4096)
def _finite_verbs(text: str) -> tuple[tuple[tuple[int, int], ...], bool]:
    """Where the parse puts the finite verbs of a line (character spans), read with its first letter
    raised as it would be written; and whether the line names someone else: a holder other than
    the user ("sister's dentist", "his physio") or a person's name."""
    doc = load_nlp()(text[:1].upper() + text[1:])
    holder = any(t.dep_ == "poss" and t.lower_ not in USER_POSSESSIVES for t in doc)
    return tuple((t.idx, t.idx + len(t.text)) for t in doc if t.tag_ in _FINITE), \
        holder or any(t.ent_type_ == "PERSON" and not people_noun(t.lower_) for t in doc)


def verbless_note(line: Line) -> bool:
    """A note with no verb of its own, whose only "verb" is a time word the parser mistook for one
    ("physio again thurs, $65 after the rebate": the parse reads "thurs" as a verb and "physio" as
    its doer): a verbless note names no doer, so it is the user's own line like any diary line —
    unless it names someone else as the holder ("sister's dentist weds, $75") or by name."""
    verbs, someone = _finite_verbs(line.text)
    return bool(verbs) and not someone and no_verb_of_its_own(line)


def no_verb_of_its_own(line: Line) -> bool:
    """The line has no finite verb outside its time words: a note ("osteo mon, $65")."""
    verbs, _ = _finite_verbs(line.text)
    times = [(s.start_char, s.end_char) for s in temporal.find_time_expressions(line.text, line.said_at)]
    return all(any(a <= v0 and v1 <= b for a, b in times) for v0, v1 in verbs)


def unconfirmed(line: Line) -> bool:
    """A booking whose time has passed, and no line of it tells the event done: it counts, but the
    answer says so ("at least 2 nights; 6 with the stay you booked in Rome for September")."""
    return arrangement(line.text) == "booking" and not tells_it_done(line.text)


@lru_cache(maxsize=256)
def _asked(question: str) -> frozenset[str]:
    return frozenset(terms(question))


#: verbs whose subject is the one who pays ("my sister *paid* $2,000"): that subject is a payer, no thing paid for
_PAYING = frozenset({"pay", "buy", "spend", "purchase", "cover", "fund", "treat", "shell", "fork", "splash"})


@lru_cache(maxsize=4096)
def _doers(text: str) -> frozenset[str]:
    """The words of the subjects of a line's clauses that may be a thing paid for, by the parse: not
    a person (a people noun: "my *sister* …", or a name the tagger calls a person) and not the
    subject of a paying verb ("Dee paid …"), not a thing another holds ("my mate's boat sprang a leak")."""
    doc = load_nlp()(text[:1].upper() + text[1:])
    return frozenset(w for t in doc if t.dep_ in ("nsubj", "nsubjpass") and not people_noun(t.lemma_)
                     and t.ent_type_ != "PERSON" and t.head.lemma_.lower() not in _PAYING
                     and not has_other_possessor(t) for w in terms(t.text))


def _doer_is_asked(text: str, asked: frozenset[str]) -> bool:
    """The line's doer is the thing the question asks about ("*tater* had a vet visit, $95" asked
    what Tater cost; "*the boat* needed antifouling, £640"), not a person of its own ("*My sister*
    paid $2,000 for the venue" asked what the user spent on the sister's wedding)."""
    return bool(_doers(text) & asked)


@lru_cache(maxsize=4096)
def negated_in_relative_only(text: str) -> bool:
    """Every negation of the sentence sits in a relative clause about a thing ("a bus lane *I didn't know
    existed*", "a band *I'd never heard of*"), and the sentence without those clauses is the user's actual
    doing: the no is about the thing, not the doing."""
    doc = load_nlp()(text)
    negs = [t for t in doc if t.dep_ == "neg"]
    if not negs:
        return False
    inner: set[int] = set()
    for t in doc:
        if t.dep_ in ("relcl", "acl") and t.pos_ in ("VERB", "AUX"):
            inner |= {c.i for c in t.subtree}
    if not all(n.i in inner for n in negs):
        return False
    rest = "".join(t.text_with_ws for t in doc if t.i not in inner).strip()
    return bool(rest) and actuality_of(rest) == "actual"


_THIRD = frozenset({"he", "she", "they"})


@lru_cache(maxsize=4096)
def paid_by_another(text: str) -> bool:
    """A paying verb of the line has someone else as its subject (a third person pronoun, a people
    noun, a name: "… and *he's paying* it", "*my sister covered* the deposit") and none has the user
    ("I paid half and she paid the rest", "*my sister and I* paid £200" are the user's too), nor does
    the user's own clause hold the amount ("she paid for dinner and *I got the drinks, $30*")."""
    doc = load_nlp()(text)
    payers = [s for t in doc if t.lemma_.lower() in _PAYING and t.pos_ == "VERB"
              and not any(k.lower_ in USER_OBJECTS for k in t.children)  # "they paid me £30": money to the user
              for c in t.children if c.dep_ == "nsubj" for s in (c, *c.conjuncts)]
    others = [c for c in payers if c.lower_ in _THIRD or people_noun(c.lemma_) or c.ent_type_ == "PERSON"]
    if not others or any(c.lower_ in _USER_WORDS for c in payers):
        return False
    return not any(_holds_amount(t) for t in doc if t.pos_ in ("VERB", "AUX")
                   and any(c.dep_ == "nsubj" and c.lower_ in _USER_WORDS for c in t.children))


def _holds_amount(verb: Token) -> bool:
    """The verb's own words (its subtree, less its conjoined clauses) name an amount of money."""
    own = [t for t in verb.subtree if not any(a.dep_ == "conj" and a.i > verb.i and a in t.ancestors
                                             for a in verb.children)]
    return any(t.ent_type_ == "MONEY" or t.tag_ == "$" for t in own)


@lru_cache(maxsize=256)
def _asked_lemmas(question: str) -> frozenset[str]:
    return frozenset(t.lemma_.lower() for t in load_nlp()(question) if t.pos_ == "VERB")


_TIME_ENTS = frozenset({"DATE", "TIME", "CARDINAL"})


@lru_cache(maxsize=4096)
def done_by_another(text: str, verbs: frozenset[str]) -> bool:
    """A passive clause of one of the asked verbs whose doer is named and is not the user ("Bolt got
    adopted *by a lovely family*" asked how many dogs the user adopted); "I got hired by Monzo" is
    the user's own (the user is its subject); "sold out by eleven" names a time, not a doer."""
    for tok in load_nlp()(text):
        if tok.lemma_.lower() not in verbs or tok.pos_ != "VERB":
            continue
        kids = list(tok.children)
        # "sold out by eleven", "booked by Friday": a time or a number after "by" is a deadline, not a doer
        agents = [g for c in kids if c.dep_ == "agent" for g in c.children
                  if g.dep_ == "pobj" and g.pos_ != "NUM" and g.ent_type_ not in _TIME_ENTS]
        subj = [c for c in kids if c.dep_ == "nsubjpass"]
        if agents and not any(g.lower_ in _USER_WORDS for g in agents) and not any(c.lower_ in _USER_WORDS for c in subj):
            return True
    return False


def why_not(line: Line, asked_at: datetime | None, ev: EvidenceSet | None = None, *,
            arranging: bool = False, money: bool = False, doer: bool = True) -> str | None:
    """Why a user line's item does not count, or ``None`` when it does (see the module docstring).
    ``doer``: also read the main clause's doer from the parse (:func:`others_doing`; a stored item's
    source line is read by its line class only, since the doer read of a lower-case line can
    misfire: "copped new asics gel runners today");
    ``arranging``: the question asks about bookings or offers themselves ("how many tables have I
    booked"); ``money``: a money total (a booking is paid when made, whenever its date)."""
    kind = line.actuality
    if kind == "negated" and negated_in_relative_only(line.text):
        kind = "actual"  # "a £70 fine for a bus lane I didn't know existed", "saw a band I'd never heard of"
    # "Performed at the Fox's open mic, someone filmed it!": the user's doing told first. Asked only where it can
    # decide (it parses the line again, lowered, outside the parse cache ingest fills: most lines never need it)
    def own_first() -> bool:
        return told_first_by_user(line.text)
    if kind == "other" and (own_clause(line.text) or verbless_note(line) or own_first()):
        kind = "actual"  # "Spent two nights at my brother's in Leeds": the user's doing, at a brother's
    if kind == "request" and not money and own_first():
        kind = "actual"  # "Had an interview with Monzo this morning, I think it went OK?": told, then asked
    if kind == "other" and money and ev is not None and _doer_is_asked(line.text, _asked(ev.result.plan.question)):
        kind = "actual"  # "tater had a vet visit, $95" for what Tater cost: the asked thing's bill, the user's money
    # a money line's amount is the user's even when its clause's doer is not ("somebody nicked my
    # bike bell, new one 8 euro"): only the line class decides there
    if kind == "other" or (kind == "actual" and not money and doer and others_doing(line.text) and not own_first()
                           and not thing_done(line.text)):  # "parkrun done.": the thing done, no doer
        return LINE_CLASS_REASON["other"]
    if kind == "actual" and ev is not None and held_by_other(line.text, _asked(ev.result.plan.question)):
        return LINE_CLASS_REASON["other"]  # "flatmate physio thurs, $60": the flatmate's, not the user's
    if kind == "actual" and money and paid_by_another(line.text):
        return LINE_CLASS_REASON["other"]  # "My dad got a £100 fine driving my car, and he's paying it"
    if kind == "actual" and not money and ev is not None and done_by_another(line.text, _asked_lemmas(ev.result.plan.question)):
        return LINE_CLASS_REASON["other"]  # "Bolt got adopted by a lovely family": the asked doing, by someone else
    if kind in ("negated", "request"):
        return LINE_CLASS_REASON[kind]
    if _unfulfilled().search(line.text) or _called_off().search(line.text) or _turned_down(line, ev) \
            or _called_off_after(line, ev) or (money and _refused_after().search(line.text)):
        return "called off, turned down or not done"
    if not money and ev is not None and money_back(line, ev):
        return "sent back, not kept"  # "sent the trainers i ordered back, got the refund"
    arranged = arrangement(line.text)
    if arranged == "offer" and not arranging:
        return "an offer to you"
    if arranged == "booking" and not arranging and not money and not tells_it_done(line.text):
        until = booked_for(line)
        if until is None:
            return "a booking, not yet the event"
        if asked_at is None or until.date() > asked_at.date():
            return f"booked for {until.date():%B %Y}, still ahead"
        return None  # booked for a time that has passed by the question date
    if kind == "plan":
        return LINE_CLASS_REASON["plan"]
    return None


def fact_counts(fact: Fact, ev: EvidenceSet, *, doer: bool = True) -> bool:
    """A stored item counts unless every line of its source turn that names its value fails
    :func:`why_not` ("User bought: nikes" from "sent the nikes i ordered back, got the refund";
    "User attended: the Baxter" from "Lindiwe went to the Baxter with her sister"); ``doer``: as
    for :func:`why_not`."""
    value = (fact.value or "").casefold()
    told = [ln for tid in fact.source_turn_ids[:1] for ln in ev.turn_lines(tid) if value and value in ln.text.casefold()]
    return not told or not all(why_not(ln, ev.result.plan.question_date, ev, doer=doer) for ln in told)
