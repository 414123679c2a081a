"""A thing's state told by what was done to it, or by a reporter's words without quotes (oe29).

Orders, tickets, claims and applications change state in words that name no "status": someone does the
state to the thing ("they reopened my ticket", "Aviva have approved the flood claim"), marks it ("IT marked the
VPN ticket as resolved"), the thing undergoes it ("the bookshelf got delivered this morning", "the Heal's table
has been dispatched"), or a tracker, app or company says it ("Loaf say the sofa is in production", "the tracker
says in production", "my Canadian visa application says received"). Read on the parse of the whole sentence:

- an **act** whose past participle is a state (:data:`ACTS`: reopen, close, resolve, approve, deliver, ship…),
  done by anyone but the user to a thing (its object, or its subject in the passive): the participle;
- **marked / set / flagged / updated** the thing **as / to** a state: that state;
- a **reporter** (a tracker, app, page, portal, "they", a company's name, or the thing itself) that **says /
  shows** a state of the state lexicon (:data:`STATES`): the thing is the reporter itself when it is no word of
  reporting, else the subject of what it says, else the thing the sentence named before it.

The state lexicon is the user's status words (:mod:`.values_amounts`) and the waiting states of
:mod:`.entity_values`, with the states of a queue or a production line. Nothing is read from a question, a
supposition, a negated verb, an act of the user's own ("I closed the ticket"), or a person ("they approved Dan").
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING

from kgmem.extraction.schema import CandidateFact
from kgmem.extraction.zero.checks import HYPOTHETICAL, negated
from kgmem.extraction.zero.entity_facts import _entity_fact
from kgmem.extraction.zero.entity_refs import EntityRef, _phrase
from kgmem.extraction.zero.entity_values import _MORE_STATES
from kgmem.extraction.zero.lexicon import PEOPLE_NOUNS
from kgmem.extraction.zero.sentences import Sentence
from kgmem.extraction.zero.values_amounts import _STATUS_WORDS
from kgmem.lexicon.people import USER_SUBJECTS
from kgmem.nlp import has_user_possessor

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kgmem.extraction.zero.clauses import Clause

#: acts whose past participle is a state of an order, ticket, claim, application or repair
ACTS: dict[str, str] = {
    "reopen": "reopened", "close": "closed", "resolve": "resolved", "approve": "approved", "reject": "rejected",
    "decline": "declined", "deny": "denied", "deliver": "delivered", "ship": "shipped", "dispatch": "dispatched",
    "refund": "refunded", "cancel": "cancelled", "confirm": "confirmed", "fix": "fixed", "repair": "repaired",
    "escalate": "escalated", "accept": "accepted", "process": "processed", "post": "posted", "sign": "signed off",
    "collect": "collected", "return": "returned",
}
#: the states of a queue or a production line, besides the user's status words and the waiting states
_MORE = (r"in\s+production|in\s+the\s+queue|(?:on\s+)?back[- ]?order(?:ed)?|awaiting\s+[a-z]+|unassigned|reopened|"
         r"under\s+investigation|being\s+(?:looked\s+at|worked\s+on)|order\s+received")
STATES = re.compile(rf"\b(?:{_MORE})\b|{_MORE_STATES.pattern}|{_STATUS_WORDS.pattern}", re.IGNORECASE)
#: things whose state is tracked: another thing acted on takes a state only when it is the user's ("they fixed my
#: desk") or goods on their way (delivered, shipped, dispatched, posted): "the vet fixed Biscuit's leg" tells none
TRACKED = frozenset({"order", "parcel", "package", "delivery", "shipment", "ticket", "request", "case", "claim",
                     "complaint", "application", "return", "refund", "repair", "booking", "reservation", "visa",
                     "passport", "permit", "licence", "license", "appeal", "quote", "invoice", "payment", "loan",
                     "mortgage", "renewal", "service", "fault", "job", "report", "issue", "query"})
_GOODS_ACTS = frozenset({"deliver", "ship", "dispatch", "post"})
_MARKING = frozenset({"mark", "set", "flag", "update", "change", "list", "move"})
_SAYING = frozenset({"say", "show", "read", "list"})
_REPORTERS = frozenset({"tracker", "tracking", "status", "portal", "app", "page", "website", "site", "system", "email",
                        "screen", "it", "they", "text", "message", "notification", "update"})
_USER = frozenset(w.casefold() for w in USER_SUBJECTS)


def _subject(v: Token) -> Token | None:
    return next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _thing(t: Token | None) -> str | None:
    """The name of the thing ``t`` heads: a noun that names no person, no word of reporting, no pronoun."""
    if t is None or t.pos_ not in ("NOUN", "PROPN") and not (t.tag_ == "PRP" and any(c.dep_ == "det" for c in t.children)) \
            or t.lemma_.lower() in PEOPLE_NOUNS \
            or t.lower_ in _REPORTERS or t.ent_type_ == "PERSON":
        return None
    words = [w for w in _phrase(t)[0].split() if w.lower() not in _REPORTERS]
    return " ".join(words) or None


def _by_other(v: Token) -> bool:
    """``v`` is done by someone other than the user (or by no one named: a passive)."""
    subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
    return subj is None or subj.lower_ not in _USER


def _tracked(t: Token | None, lemma: str) -> bool:
    """``t`` heads a thing whose state an act of ``lemma`` tells (:data:`TRACKED`)."""
    if t is None:
        return False
    return lemma in _GOODS_ACTS or t.lemma_.lower() in TRACKED or t.pos_ == "PROPN" \
        or has_user_possessor(t)


def _act(v: Token) -> tuple[str, str] | None:
    """(thing, state) an act or a marking of verb ``v`` tells (module docstring)."""
    lemma = v.lemma_.lower()
    obj = next((c for c in v.children if c.dep_ == "dobj"), None)
    passive = any(c.dep_ == "auxpass" for c in v.children) or v.tag_ == "VBN" and v.dep_ in ("ROOT", "conj") \
        and any(c.dep_ in ("aux",) and c.lemma_.lower() in ("have", "be", "get") for c in v.children)
    if lemma in ACTS and obj is not None and obj.pos_ == "NOUN" and _by_other(v) and _tracked(obj, lemma) \
            and (name := _thing(obj)):
        return name, ACTS[lemma]  # "they reopened my ticket"
    if lemma in ACTS and passive and obj is None and (name := _thing(_subject(v))):
        return name, ACTS[lemma]  # "the table has been dispatched"
    if lemma in ACTS and v.tag_ == "VBN" and v.dep_ in ("acomp", "xcomp", "ccomp") and v.head.lemma_.lower() == "get" \
            and obj is None and (name := _thing(_subject(v.head))):
        return name, ACTS[lemma]  # "the bookshelf got delivered this morning"
    if lemma in ACTS and v.tag_ == "VBN" and v.dep_ == "acl" and v.i > 0 and v.doc[v.i - 1].text == ":" \
            and (name := _thing(v.head)):
        return name, ACTS[lemma]  # "update on the fraud claim: approved"
    if lemma in _MARKING and obj is not None and _by_other(v) and (name := _thing(obj)):
        rest = v.doc.text[obj.idx + len(obj.text):]
        m = re.match(r"\s+(?:as|to)\s+(?:['\"‘“])?", rest)
        state = STATES.match(rest, m.end()) if m else None
        if state is not None:
            return name, state.group(0).lower()  # "IT marked the VPN ticket as resolved"
    return None


def _said(v: Token, doc_text: str) -> tuple[str, str] | None:
    """(thing, state) a reporter's "says / shows" of verb ``v`` tells (module docstring)."""
    if v.lemma_.lower() not in _SAYING or not _by_other(v):
        return None
    end = v.doc[v.right_edge.i].idx + len(v.doc[v.right_edge.i].text)
    state = STATES.search(doc_text, v.idx + len(v.text), end)
    first = next((t for t in v.subtree if t.idx == state.start()), None) if state is not None else None
    if state is None or first is None or first.dep_ in ("amod", "compound") \
            or any(negated(h) for h in first.ancestors if h.i != v.i and v in h.ancestors):
        return None  # "they say the lock wasn't an approved one": no state of anything
    subj = _subject(v)
    said = next((c for c in v.children if c.dep_ in ("ccomp", "xcomp")), None)
    # "Loaf say the sofa is in production": what is said of; "my visa application says received": the reporter
    name = _thing(_subject(said) if said is not None else None) or (_thing(subj) if subj is not None
                                                                    and subj.pos_ == "NOUN" else None)
    if name is None:  # "Ordered the oak table from Heal's, the tracker says in production": the thing before
        before = [w for w in v.doc[: v.i] if w.dep_ in ("dobj", "nsubjpass") and _thing(w)]
        name = _thing(before[-1]) if before else None
    return (name, state.group(0).lower()) if name and state.group(0).lower() not in name.lower() else None


def acted_states(sent: Sentence, date: datetime, clause: Clause) -> list[CandidateFact]:
    """The ``status`` of things the sentence of ``clause`` tells by an act on them or a reporter's words (module
    docstring); one per thing."""
    doc = clause.head.doc
    if sent.question or HYPOTHETICAL.search(doc.text):
        return []
    out: dict[str, CandidateFact] = {}
    for v in doc:
        if v.pos_ not in ("VERB", "AUX") or negated(v):
            continue
        found = _act(v) or _said(v, doc.text)
        if found is not None and found[0].casefold() not in out:
            out[found[0].casefold()] = _entity_fact(sent, date, clause, EntityRef(found[0], "thing"), "status",
                                                    found[1], None)
    return list(out.values())
