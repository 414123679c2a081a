"""Facts proposed by meaning: clause → predicate proposals → a value of the predicate's kind.

For each clause of a candidate sentence that is about the user ("I…", "my rent…", a dropped
subject) and passes the checks (not negated, modal, conditional or hypothetical), the proposer
ranks registry predicates by similarity to the example bank, and each proposal is filled from the
clause by its value kind (:mod:`.values`). A proposal without a value of its kind is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np

from kgmem import predicates
from kgmem.extraction.zero.checks import HYPOTHETICAL, IMAGINED, dated_past, hearsay, intent_only
from kgmem.extraction.zero.clauses import Clause, possessed_by_other, user_relative
from kgmem.extraction.zero.combine import ProposedFact
from kgmem.extraction.zero.entity_subjects import handed_to_person
from kgmem.extraction.zero.facts import make_fact
from kgmem.extraction.zero.fits_owner import indefinite, not_the_users
from kgmem.extraction.zero.homes import (
    gone_to,
    home_subject,
    moved_someone,
    owned_home_in,
    place_of_a_thing,
    planned_move,
)
from kgmem.extraction.zero.lexicon import (
    ACQUIRE,
    ATTENDING,
    COMPANIONS,
    DEPART,
    DISLIKE_CUES,
    DRINKS,
    LETTING_GO,
    LIKE_CUES,
    PEOPLE_NOUNS,
    PURCHASE,
    STATIVE,
)
from kgmem.extraction.zero.nlp import entity_at
from kgmem.extraction.zero.patterns import MONEY_ANY
from kgmem.extraction.zero.payments import things_paid_for, things_taken_home
from kgmem.extraction.zero.phrases import canonical, valid_value
from kgmem.extraction.zero.proposals import Proposal, Proposer
from kgmem.extraction.zero.referents import referent
from kgmem.extraction.zero.sentences import Sentence, best_time
from kgmem.extraction.zero.trips import RETURN_FROM, hyperbole
from kgmem.extraction.zero.value_parse import Value
from kgmem.extraction.zero.values import fill
from kgmem.extraction.zero.values_across import carried, known_place, own_value_of_kind
from kgmem.extraction.zero.values_named import named_argument, no_workplace
from kgmem.temporal import ResolvedTime

#: clauses whose subject makes them a statement about the user's own life: the user said it, so
#: "Nothing beats matcha", "The Bear was fantastic" and verbless fragments count too
USER_ABOUT = frozenset({"user", "mine", "thing", "none"})
#: one-off happenings: told in a past or perfect tense ("I usually get snow" is no purchase)
EVENTIVE = frozenset({"bought", "spent", "visited", "attended", "watched", "read_book", "event"})
#: happenings that may also be under way ("I'm reading Dune")
_ONGOING_OK = frozenset({"watched", "read_book"})
#: words that tell of a place of training
GYM_CONTEXT = re.compile(r"\b(?:gym|fitness|work\s*out|workouts?|train\w*|lift\w*|member\w*|class\w*|climb\w*|"
                      r"crossfit|yoga|pilates|(?<!games )(?<!design )(?<!recording )(?<!animation )(?<!film )studio|club|box|spin|swim\w*)\b",
                         re.IGNORECASE)
#: words a clause must have for a predicate whose value kind alone is too wide (any amount is
#: not rent; any organisation is not a gym)
_NEEDS: dict[str, re.Pattern[str]] = {
    "rent": re.compile(r"\b(?:rent|lease|landlord|housing|monthly|(?:a|per|each|every)\s+month|mortgage)\b|/\s?mo(?:nth)?\b",
                       re.IGNORECASE),
    # pay told as what is taken home or what one is "on" ("I take home $4,200 a month", "I'm on about 48k")
    "salary": re.compile(r"\b(?:salary|earn\w*|make|making|paid|pays?|income|a\s+year|annual\w*|per\s+year|raise|"
                         r"comp|compensation|take[-\s]home|net|gross|netto|brutto|before\s+tax|after\s+tax|per\s+annum)\b|"
                         r"(?:^|\b(?:I'm|I\s+am|we're|currently|now|still)\s+)on\s+(?:about\s+|around\s+|roughly\s+|like\s+)?"
                         r"[$£€]?\d", re.IGNORECASE),
    "gym": GYM_CONTEXT,
    "running_pb": re.compile(r"\b(?:pb|pr|personal\s+best|record|best|fastest|5k|10k|marathon|half|mile)\b", re.IGNORECASE),
}
_MONEY = re.compile(MONEY_ANY)
#: verbs that never tell a purchase ("I had my dentist appointment", "I finished the renovation")
_NOT_BUYING = frozenset({"have", "finish", "complete", "start", "do", "attend", "take", "make", "fix", "repaint",
                         "sell", "lose", "break", "visit", "see", "read", "watch", "eat", "drink", "cook", "need",
                         "want", "return", "use", "bring", "cancel", "sign", "book", "host", "plan", "paint", "build",
                         "clear", "clean", "tidy", "sort", "organise", "organize", "empty"})
#: verbs of a clause about a thing that tell what the user paid ("the bike cost $500", "dinner came to $80")
_COST_VERBS = frozenset({"be", "cost", "come", "run", "set", "total", "end", "work", "add"})
#: verbs of a clause about a thing that tell it was got ("the new blender arrived", "the bike cost $500")
_GOT_VERBS = _COST_VERBS | {"arrive", "ship", "deliver", "turn", "show", "land", "get", "buy", "order", "purchase"}
#: verbs of buying: "from X" after them names a shop
_BUYING = frozenset({"buy", "order", "get", "pick", "purchase", "grab", "snag", "score", "rent", "hire"})
#: what a clause about a named thing can say about the user ("Andor was amazing" → watched; but
#: "Priya moved to Sheffield" is Priya's move, whether or not NER knows Priya is a person)
_ABOUT_A_NAME = frozenset({"watched", "read_book", "visited", "attended", "likes", "dislikes", "bought"})


def _fits(pred: str, value: str, clause: Clause, paid: bool = False, taken: bool = False) -> bool:
    """Predicate-level sanity of a filled value (documented in _NEEDS / _NOT_BUYING); ``paid``: a verb of
    paying tells a purchase too (the value was named elsewhere: "Is $165 too much for boots? I paid Costco");
    ``taken``: the value is goods the clause tells came to the user (:func:`.payments.things_taken_home`)."""
    if clause.about == "thing" and clause.subject is not None and clause.subject.pos_ == "PROPN" \
            and not indefinite(clause.subject) \
            and (pred not in _ABOUT_A_NAME or any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in clause.head.children)):
        return False  # "Marco moved the book swap to …": a name that acts on a thing is someone, not a title
    if clause.about in ("thing", "mine") and handed_to_person(clause):
        return False  # "Saturday yoga is taught by Ines" says who teaches it, nothing the user did
    if pred == "bought" and not taken and clause.about in ("thing", "none") and clause.head.lemma_.lower() not in _GOT_VERBS:
        return False  # "then the printer jammed", "the blender broke": what a thing did buys nothing
    if not_the_users(pred, clause, bool(_MONEY.search(clause.text))):
        return False  # "There was a sale at Target", "the surgery's number is …" (:mod:`.fits_owner`)
    if pred == "spent" and clause.about == "thing" and clause.head.lemma_.lower() not in _COST_VERBS:
        return False  # "the roofers quoted $8,200": someone else's figure, not money the user spent
    if clause.about == "thing" and clause.subject is not None and possessed_by_other(clause.subject):
        return False  # "My brother's new job is at Tesco": the brother's job, nothing of the user's
    if pred in ("lives_in", "hometown") and (clause.about in ("thing", "mine") or clause.about == "none" and (
            clause.subject is None or clause.subject.lower_ not in ("it", "that", "this"))) and not home_subject(clause) \
            and not (pred == "hometown" and _ORIGIN.search(clause.text)) \
            and not (pred == "lives_in" and owned_home_in(value, clause)):  # "grocery prices around my place in Austin"
        # (a clause about one's childhood or roots is: "childhood was in Lisbon for me")
        return False  # "the team offsite is in Lisbon", "our office is in Manchester": not where the user lives
    if pred in ("visited", "works_at", "gym", "lives_in", "hometown") and clause.head.lemma_.lower() in _BOOKING:
        return False  # "Booked a table at Ostra for Friday": a plan, and no workplace
    if pred in ("works_at", "gym", "lives_in", "hometown") and clause.head.lemma_.lower() in ATTENDING:
        return False  # "attended PyCon in Pittsburgh": where an occasion was is a visit, no home or workplace
    if clause.about in ("thing", "none") and any(
            c.dep_ == "dobj" and (c.pos_ == "PROPN" or c.lower_ in ("him", "her", "them")) for c in clause.head.children):
        return False  # "The vet put Pepper on a grain-free diet": a fact about Pepper
    if clause.about == "none" and clause.subject is None and any(
            t.i < clause.head.i and (t.lemma_.lower() in PEOPLE_NOUNS or (e := entity_at(t)) is not None
                                     and e.label_ == "PERSON") for t in clause.tokens):
        return False  # "my brother Jamie's getting married": the parse lost a person subject; not the user
    if pred in _HAVING and clause.head.lemma_.lower() in LETTING_GO:
        return False  # "Sold the Golf", "ditched my old iPhone": no longer the user's
    if pred in ("works_at", "gym") and (_STUDY.search(clause.text) or no_workplace(value, clause, pred == "works_at")
                                       or owned_home_in(value, clause)):  # "my first bill at the new address in Cork"
        return False  # "accepted onto the nursing degree at Keele": a place of study; "started Piranesi"
    if pred in _TASTES and re.search(r"\b(?:allerg|intoll?eran|coeliac|celiac)", value, re.IGNORECASE):
        return False  # "I'm lactose intolerant": a condition (allergic_to), not a taste
    if pred in ("read_book", "watched") and value.split()[-1].lower() in _TRACKING:
        return False  # "set up a reading tracker": a tool, not a title
    need = _NEEDS.get(pred)
    if need is not None and not need.search(clause.text):
        return False
    if pred == "bought" and clause.about == "user" and not _MONEY.search(clause.text) and not any(
            t.lemma_.lower() in PURCHASE | ACQUIRE or paid and t.lemma_.lower() == "pay" for t in clause.tokens
            if t.pos_ in ("VERB", "AUX")):
        return False  # "I passed my driving test", "handed in my notice": a purchase is told by a verb of buying or a price
    if pred == "bought" and (clause.head.lemma_.lower() in _NOT_BUYING or any(
            c.dep_ == "xcomp" and c.tag_ == "VBG" and c.lemma_.lower() in _NOT_BUYING for c in clause.head.children)):
        return False  # "I ended up watching Barbie on the plane" bought nothing
    at_work = re.search(r"\b(?:job|work|working|works|shift|shifts|internship|office|role|position)\s+(?:at|with|for)\s+"
                        r"(?:the\s+)?" + re.escape(value), clause.text, re.IGNORECASE) is not None
    if at_work and pred in ("lives_in", "visited", "hometown", "gym"):
        return False
    via_from = re.search(r"\bfrom\s+(?:the\s+)?" + re.escape(value), clause.text, re.IGNORECASE) is not None
    if via_from and pred in ("works_at", "gym") and clause.head.lemma_.lower() in _BUYING:
        return False  # "I ordered a drone from Decathlon": a shop, not an employer
    if via_from and pred == "lives_in":
        return False  # "moved from A to B" gives B; "got back from A" is a trip
    if pred == "visited" and owned_home_in(value, clause):
        return False  # "my post is finally arriving at my new place in Dundee": a home, no trip
    if pred in ("lives_in", "visited") and place_of_a_thing(value, clause, pred == "lives_in"):
        return False  # "a small firm in Hove", "the bus broke down outside Wetherby": where a thing is
    if pred == "lives_in" and any(moved_someone(t) or planned_move(t) for t in clause.tokens):
        return False  # "we moved Grandad to a care home in Hove": his home; "we're moving to Leeds in June": a plan
    if pred in _NO_PLACE_GONE_TO and gone_to(value, clause):
        return False  # "these days I go to Peckham Pulse": a place gone to, no home, music or thing had
    if pred in ("lives_in", "works_at") and _departed(value, clause):
        return False  # "I left London for Leeds": London is where the user no longer lives
    if pred == "hometown" and not via_from and not _ORIGIN.search(clause.text):
        return False  # "I just moved to Leipzig": where one grew up is said with words of origin
    if via_from and pred == "hometown":
        return bool(re.search(r"\b(?:originally|grew|born|raised|hometown|'m|am|come|comes|hail)\b", clause.text, re.I))
    return pred != "visited" or _a_visit(value, clause, via_from)


def _a_visit(value: str, clause: Clause, via_from: bool) -> bool:
    """A visit's value: "from <place>" only with a word of travel ("my olive oil from Greece", "our wine from
    Bordeaux" are where things come from, no trip); no named someone's doing there ("Ellie and Marcus got engaged in
    Santorini": no trip of the user's)."""
    if via_from:
        return bool(re.search(r"\b(?:back|return\w*|flew|fly|drove|home|arriv\w*|trip|visit\w*)\b", clause.text, re.I))
    return not (clause.about == "thing" and clause.subject is not None and clause.subject.pos_ == "PROPN"
                and clause.subject.lower_ not in value.casefold())


#: predicates whose value is never a place the clause goes to (a home, a taste in music, a thing read or had)
_NO_PLACE_GONE_TO = frozenset({"lives_in", "favourite_music", "read_book", "bought", "owns", "phone", "drives"})
#: words of origin: a hometown is said with one ("grew up in", "born in", "originally from")
_ORIGIN = re.compile(r"\b(?:grew|grow\w*|born|raised|hometown|home\s*town|originally|native|childhood|roots)\b",
                     re.IGNORECASE)
#: nouns of keeping track: a value ending on one is no title ("a reading tracker", "my watch list")
_TRACKING = frozenset({"tracker", "list", "app", "challenge", "goal", "club", "group", "log", "journal", "plan",
                       "schedule", "habit", "streak", "spreadsheet", "widget"})
#: tastes: a condition ("lactose intolerant") is none of them
_TASTES = frozenset({"likes", "dislikes", "favourite_food", "favourite_drink"})
#: what the user has, and the verbs that say they no longer have it
_HAVING = frozenset({"drives", "owns", "phone", "bought", "has_pet", "plays_instrument", "hobby", "likes"})
#: words of study: an institution they come with is no employer
_STUDY = re.compile(r"\b(?:degree|course|programme|program|masters|master's|phd|doctorate|diploma|apprenticeship|"
                    r"studying|study|studies|student|enrolled|accepted\s+(?:onto|into)|offer\s+to\s+study)\b",
                    re.IGNORECASE)
#: verbs of booking: what is booked is ahead ("booked a table at Ostra")
_BOOKING = frozenset({"book", "reserve", "schedule", "plan", "arrange", "organise", "organize"})


def _departed(value: str, clause: Clause) -> bool:
    """``value`` is the object of a verb of leaving in the clause ("left London", "quit Arup")."""
    first = value.split()[0].casefold()
    return any(t.dep_ == "dobj" and t.head.lemma_.lower() in DEPART and first in {x.lower_ for x in t.subtree}
               for t in clause.tokens)


@dataclass
class ClauseTrace:
    """What the meaning stage saw and decided for one clause (``--explain``)."""

    turn: int
    clause: str
    about: str
    checks: str  # "ok" or why the clause states no fact
    proposals: list[Proposal] = field(default_factory=list)
    values: list[tuple[str, str]] = field(default_factory=list)  # (predicate, value or "")
    decision: str = ""


def eligible(clause: Clause, question: bool = False) -> str:
    """"ok" when the clause may state a fact about the user, else the reason it may not."""
    if question and clause.head.dep_ == "ROOT":
        return "the question itself"
    if clause.about not in USER_ABOUT:
        return f"subject is not the user ({clause.about})"
    if clause.blocked and not clause.negated_only:
        return "modal, conditional or intended only"
    if hearsay(clause.head):
        return "hearsay"  # "Everyone says The Bear is brilliant": no fact of the user's (others' facts keep it)
    if intent_only(clause.tokens):
        return "intended, needed or wished only"
    if HYPOTHETICAL.search(clause.text) and not hyperbole(clause):
        return "hypothetical"
    return "ok"


_TASTE_VERBS = re.compile(r"\b(?:lik\w*|lov\w*|enjoy\w*|fan|into|stand|bear|car(?:e|ed|ing)|fond|keen|stomach|eat|"
                          r"drink|touch|get\s+along|dig|rate|prefer\w*|big\s+on|handle)\b", re.IGNORECASE)


def _polarity(predicate: str, clause: Clause) -> str:
    """Tastes by polarity: embeddings hardly tell "I love jazz" from "I hate jazz", words do. A
    negated clause only says a dislike; a dislike needs a dislike word; "" drops the proposal."""
    if clause.negated_only and not hyperbole(clause):
        # "I've never liked horror films" is a dislike; "I've never been to Asia" is no taste at all
        taste = _TASTE_VERBS.search(clause.text) or LIKE_CUES.search(clause.text) or DISLIKE_CUES.search(clause.text)
        return "dislikes" if predicate in ("likes", "dislikes") and taste else ""
    if predicate == "dislikes" and not DISLIKE_CUES.search(clause.text):
        return "likes" if LIKE_CUES.search(clause.text) else ""
    if predicate == "likes" and DISLIKE_CUES.search(clause.text) and not LIKE_CUES.search(clause.text):
        return "dislikes"
    return predicate


#: the verb that says the medium: "I watched Dune 2" is no book, "I read Dune" no film
_MEDIUM = {"watch": ("read_book", "watched"), "binge": ("read_book", "watched"), "read": ("watched", "read_book")}


def _medium(predicate: str, clause: Clause) -> str:
    wrong, right = _MEDIUM.get(clause.head.lemma_.lower(), ("", ""))
    return right if predicate == wrong else predicate


#: verbs whose past form is their present form: with a past time they were done ("We read X last summer")
_SAME_PAST = frozenset({"read", "put", "set", "cut", "hit", "let", "quit", "shut", "spread", "bet", "cost", "hurt",
                        "reread", "upset", "broadcast", "split"})


def told_as_past(clause: Clause, when: ResolvedTime | None) -> bool:
    """The clause tells a past deed: a past or perfect tense, a verb whose past looks like its
    present ("read") with a past time in the sentence, or a past time phrase of the clause's own
    (:func:`checks.dated_past`: "$320 at a thrift shop four days ago, for a desk")."""
    return clause.past or (when is not None and not when.future and clause.head.tag_ in ("VBP", "VB")
                           and clause.head.lower_ in _SAME_PAST) \
        or when is not None and not when.open_ended and dated_past(clause.tokens, clause.head, when.text, when.ahead)


def _is_drink(value: str) -> bool:
    """The value's head is a drink ("oat milk lattes", "a flat white"): the lexicon's DRINKS."""
    words = value.casefold().split()
    return any(" ".join(words[-n:]).removesuffix("s") in DRINKS or " ".join(words[-n:]) in DRINKS for n in (1, 2))


def by_value(predicate: str, value: str) -> str:
    """The predicate a value's kind settles where meaning cannot: a favourite food that is a drink
    ("I've switched to oat milk lattes") is a favourite drink."""
    return "favourite_drink" if predicate == "favourite_food" and _is_drink(value) else predicate


def reading(predicate: str, clause: Clause) -> str:
    """The predicate a clause says once its polarity and medium are read ("" drops it)."""
    return _medium(_polarity(predicate, clause), clause)


def typed_value(predicate: str, kind: str, clause: Clause) -> Value | None:
    """The first value of ``kind`` in ``clause`` that passes ``predicate``'s checks (:func:`_fits`)."""
    return next((v for v in fill(kind, clause) if valid_value(v[0]) and _fits(predicate, v[0], clause)), None)


def _values(pred: str, kind: str, clause: Clause, used: set[str], clauses: list[Clause], sent: Sentence) -> list[Value]:
    """Values of ``kind`` in the clause that pass ``pred``'s checks; else the value an earlier phrase
    gives the clause's pronoun object ("films like Past Lives, I watched it"); else a place general
    knowledge knows, or a value the clause points back to (:mod:`.values_across`)."""
    def ok(values: list[Value], paid: bool = False) -> list[Value]:
        return [v for v in values if v[0].casefold() not in used and valid_value(v[0]) and _fits(pred, v[0], clause, paid)]
    own = [v for v in fill(kind, clause) or named_argument(kind, clause) if own_value_of_kind(pred, v[0])]
    return ok(own) or ok(referent(pred, kind, clause)) \
        or ok(known_place(kind, clause)) or ok(carried(pred, kind, clause, clauses, sent), paid=True)


def _thing_paid_for(out: list[ProposedFact], clause: Clause, sent: Sentence, date: datetime,
                    when: ResolvedTime | None) -> list[ProposedFact]:
    """A payment proposed on ``clause`` also buys the goods it was for (:mod:`.payments`), unless the clause
    already gave a purchase: spent says the money, bought the thing."""
    spent = next((f for f in out if f.clause == clause.text and f.fact.predicate == "spent"), None)
    if spent is None or any(f.clause == clause.text and f.fact.predicate == "bought" for f in out):
        return []
    value = next((v for v in things_paid_for(clause) if _fits("bought", v, clause)), None) or next(
        (v for v in things_taken_home(clause) if _fits("bought", v, clause, taken=True)), None)
    fact = canonical(make_fact(sent, "bought", value, "item", True, when, date, confidence=spent.fact.confidence)) if value else None
    return [ProposedFact(fact, spent.score, clause.text)] if fact is not None else []


def with_companions(props: list[Proposal], top: list[Proposal], threshold: float) -> list[Proposal]:
    """The proposals plus the companions of the first (lexicon.COMPANIONS) that rank in the clause's
    top three above ``threshold``: one clause often fills two slots of one topic, and the margin that
    keeps unrelated predicates out would cut the second."""
    if not props:
        return props
    have = {p.predicate for p in props}
    extra = [p for p in top if p.predicate in COMPANIONS.get(props[0].predicate, ()) and p.predicate not in have
             and p.score >= threshold]
    return props + extra


def proposed_facts(sent: Sentence, date: datetime, clauses: list[Clause], rows: list[np.ndarray | None],
                   proposer: Proposer, traces: list[ClauseTrace] | None = None) -> list[ProposedFact]:
    """Facts proposed for the clauses of one sentence (``rows``: their score rows, None when the
    clause was not eligible)."""
    out: list[ProposedFact] = []
    when = best_time(sent.times)
    imagined = bool(IMAGINED.search(sent.text))
    for clause, row in zip(clauses, rows):
        trace = ClauseTrace(sent.turn, clause.text, clause.about,
                            "imagined (hypothetical sentence)" if imagined else eligible(clause, sent.question))
        if imagined:
            row = None
        if traces is not None:
            traces.append(trace)
        if row is None:
            trace.decision = "skipped"
            continue
        trace.proposals = proposer.rank(row)[:3]
        props = with_companions(proposer.candidates(row), trace.proposals, proposer.threshold)
        if not props:
            trace.decision = "no proposal above the threshold (or 'none' scored best)"
            continue
        used: set[str] = set()
        first: float | None = None  # value-first: the score of the clause's first fact
        vf = proposer.value_first
        for p in props:
            if vf is not None and first is not None and p.score < first - vf.extra_margin:
                break
            pred = predicates.get(_medium(_polarity(p.predicate, clause), clause))
            if pred is None or user_relative(clause.head) and pred.name not in EVENTIVE:
                continue  # "the monstera I treated myself to" tells a deed; "the wine we had" no taste
            # a verbless note ("My purchase of the week: headphones, $250") tells what was done,
            # unless the sentence dates it ahead ("Big trip: Lisbon next month")
            note = clause.verbless and not (when is not None and when.future) \
                or pred.name == "visited" and bool(RETURN_FROM.search(clause.text))  # "I'm back from Lisbon"
            if pred.name in EVENTIVE and not (told_as_past(clause, when) or note or clause.ongoing and pred.name in _ONGOING_OK):
                trace.values.append((pred.name, "(not told as past)"))
                continue
            values = _values(pred.name, pred.kind, clause, used, clauses, sent)
            trace.values.append((pred.name, values[0][0] if values else ""))
            if not values:
                continue
            value, vtype = values[0]
            used.add(value.casefold())
            name = by_value(pred.name, value)
            fact = canonical(make_fact(sent, name, value, vtype, name not in STATIVE, when, date,
                                       confidence=round(min(0.8, 0.5 + p.score / 2), 3)))
            if fact is not None:
                out.append(ProposedFact(fact, p.score, clause.text))
                first = p.score if first is None else first
        out += _thing_paid_for(out, clause, sent, date, when)
        trace.decision = "proposed " + ", ".join(f"{f.fact.predicate}={f.fact.value}" for f in out
                                                 if f.clause == clause.text) if out else "no value of the proposed kinds"
    return out
