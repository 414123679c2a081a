"""Values another person's or thing's attribute takes in a shape of their own, read from the parse.

- a person's work said as a present deed "for" a name, said as how things stand ("he's driving vans
  for Ocado now"), or as what they are ("she's a route setter now", "out on the rounds as a health
  visitor");
- a place named by its owner alone ("book club's at Fiona's this month": her home).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kgmem.extraction.zero.clauses import Clause
from kgmem.extraction.zero.lexicon import job_noun
from kgmem.extraction.zero.nlp import entity_at
from kgmem.extraction.zero.value_parse import NOT_NAMES

if TYPE_CHECKING:
    from spacy.tokens import Token

#: adverbs of how things stand now ("driving vans for Ocado now"): a deed said so is the person's work
STANDING = frozenset({"now", "still", "nowadays", "currently"})
#: verbs of doing one's work ("works at a bakery", "is at Tesco working the tills"): where one does them is a workplace
WORK_VERBS = frozenset({"work", "teach", "nurse", "volunteer"})


def standing(head: Token) -> bool:
    """The verb is said as how things stand now: a :data:`STANDING` adverb, or "these days" (a plural
    span pointed at as the present), hung on it."""
    return any(c.dep_ == "advmod" and c.lower_ in STANDING
               or c.dep_ == "npadvmod" and c.lemma_.lower() == "day" and c.tag_ == "NNS"
               and any(d.dep_ == "det" and d.lower_ == "these" for d in c.children) for c in head.children)


def employer_name(tok: Token, head: Token) -> bool:
    """A name a person is "at" that is where they work: NER's organisation, or a name NER calls a site or leaves
    untyped said as how things stand on ``head`` ("Tom's at Barclays now", "my stepdad is at Network Rail these
    days"); an airport or a hospital one is at today is no employer (rev15: "my husband is at Gatwick")."""
    ent = entity_at(tok)
    if ent is not None and ent.label_ != "FAC":
        return ent.label_ == "ORG"
    return (tok.pos_ == "PROPN" or tok.text[:1].isupper() and not tok.is_sent_start) and standing(head)


def working(clause: Clause) -> bool:
    """The clause says its subject at work: an -ing verb of :data:`WORK_VERBS` under its verb ("Mum's at Tesco
    working the tills": there for work, not an errand as "at Tesco getting milk" is; the parse may give the
    -ing verb a clause of its own, so the verb's whole subtree is read, as :func:`.visits.on_a_visit` reads it)."""
    # "working on her CV in the café" is a task, not a shift (rev17): a verb of work with an "on" of its own is none
    return any(t.tag_ == "VBG" and t.lemma_.lower() in WORK_VERBS
               and not any(c.dep_ == "prep" and c.lower_ == "on" for c in t.children) for t in clause.head.subtree)


def again(clause: Clause) -> bool:
    """The clause's verb is said to happen once more ("Mum is at Addenbrooke's again"): an occasion, which
    a standing state (a home, a workplace) is not said to be."""
    return any(c.dep_ == "advmod" and c.lower_ == "again" for c in clause.head.children)


#: objects that are money: raised or saved "for" someone, never work done for them
_MONEY = frozenset({"money", "fund", "funds", "cash", "penny", "pound", "dollar"})


def works_for(clause: Clause) -> str | None:
    """The name a person's present deed is done "for", said as how things stand ("she's still doing the
    books for Arup"): their employer — read only where the attribute bank already means works_at for the
    clause (:func:`.entity_facts._attributes`; "buying tickets for Glastonbury" is no work, rev16). The deed is the clause's own
    verb in the present, its time the line's ("now", "still", "these days"): a past or one-off deed
    ("made a cake for Tesco's bake sale") says nothing of work."""
    head = clause.head
    if head.pos_ != "VERB" or head.tag_ not in ("VBG", "VBZ", "VBP") or head.lemma_.lower() in ("be", "have"):
        return None
    if head.tag_ == "VBG" and not any(c.dep_ == "aux" and c.lemma_.lower() == "be" for c in head.children):
        return None
    if not standing(head) and not re.search(r"\bthese days\b", clause.text, re.IGNORECASE):
        return None
    # a deed of work has a thing worked on ("driving vans", "doing the books"); "rooting for Arsenal",
    # "campaigning for Labour", "saving (money) for Japan" are a cause or a goal, not an employer (rev16 HIGH)
    objs = [c for c in head.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.lemma_.lower() not in _MONEY
            and ((e := entity_at(c)) is None or e.label_ != "MONEY")]
    if not objs:
        return None
    for o in [head, *objs]:
        for p in o.children:
            if p.dep_ != "prep" or p.lower_ != "for":
                continue
            for g in p.children:
                if g.dep_ == "pobj" and g.pos_ == "PROPN" and g.text[:1].isupper() and g.lower_ not in NOT_NAMES \
                        and ((e := entity_at(g)) is None or e.label_ in ("ORG", "GPE", "FAC", "PRODUCT")):
                    words = [w for w in g.subtree if w.dep_ not in ("det", "poss", "punct") and (w.i <= g.i or w.dep_ == "case")]
                    return "".join(w.text_with_ws for w in words).strip()  # "Sainsbury's" as written
    return None


def job_said(clause: Clause) -> str | None:
    """An occupation said as what a person is: the copula's noun ("she's a staff nurse now"), "as a"
    under the clause's verb ("out on the wards as a nurse"), "being a" ("loves being a cameraman"),
    its compounds kept; the noun is an occupation's (:func:`.lexicon.job_noun`)."""
    for t in clause.tokens:
        # the head is an occupation's (an agent noun is a habit as often as a trade: "a big tea drinker",
        # "a season ticket holder"; rev16)
        if t.pos_ != "NOUN" or not job_noun(t.lemma_.lower()) \
                or not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children):
            continue
        said = t.dep_ == "attr" and t.head.lemma_.lower() == "be" \
            or t.dep_ == "pobj" and t.head.lower_ == "as" and t.head.head.pos_ in ("VERB", "AUX", "ADV", "ADJ")
        if said:
            words = [w for w in t.subtree if w.i <= t.i and w.dep_ in ("compound", "amod") or w.i == t.i]
            return " ".join(w.text.lower() for w in words)
    return None


def someones_place(clause: Clause) -> str | None:
    """A place named by its owner alone, the clause verb's "at"/"to" object: "book club's at Fiona's this
    month", "we're going to Sam's" (their home; the possessive with no noun after it)."""
    for p in clause.head.children:
        if p.dep_ != "prep" or p.lower_ not in ("at", "to"):
            continue
        objs = [g for g in p.children if g.dep_ == "pobj"]
        # "at Fiona's this month" parsed as Fiona's month: a time has no owner, the possessive stands alone
        objs += [c for g in objs if (e := entity_at(g)) is not None and e.label_ in ("DATE", "TIME")
                 for c in g.children if c.dep_ == "poss"]
        for g in objs:
            case = next((c for c in g.children if c.dep_ == "case" and c.lower_ in ("'s", "’s")), None)
            if g.pos_ == "PROPN" and g.text[:1].isupper() and case is not None and g.lower_ not in NOT_NAMES:
                names = [w.text for w in g.lefts if w.dep_ == "compound" and w.pos_ == "PROPN"]
                return " ".join([*names, g.text]) + case.text  # "St Aidan's" whole
    return None
