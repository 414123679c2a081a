"""Clauses that name something that is not the user's, read from the parse.

- An existential clause ("There was a sale at Target", "there's a new bakery on my street") says that a
  thing exists or happened: no purchase (unless it names a price), workplace, gym or home of the user.
- A contact or personal figure whose holder is another thing or person ("The surgery's number is …",
  "my dentist's new number is …", "Tom's number is …") is that holder's, not the user's; "my phone's
  number" (a thing of the user's) stays the user's.
- Money the user paid out ("Paid $55 at the salon for a haircut", "I paid $30 for parking") is no salary: pay is
  the user's salary only where the user is the one paid ("I get paid $20 an hour", "they pay me 60k", "I'm paid
  monthly") or a thing of theirs pays ("my new job pays $80k").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgmem.extraction.zero.lexicon import PEOPLE_NOUNS
from kgmem.extraction.zero.nlp import entity_at
from kgmem.knowledge.kinds import names_a_person
from kgmem.lexicon.people import USER_POSSESSIVES
from kgmem.nlp import has_user_object, has_user_possessor

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kgmem.extraction.zero.clauses import Clause

#: slots an existential clause never fills for the user (what there was is no job, gym, home or purchase)
_NOT_FROM_THERE = frozenset({"bought", "works_at", "gym", "lives_in", "hometown"})
#: the user's own figures: held by whoever the clause's subject belongs to
_HELD = frozenset({"phone_number", "age", "salary"})


def existential(clause: Clause) -> bool:
    """The clause says that something is or was there ("There was a sale at Target")."""
    return any(c.dep_ == "expl" for c in clause.head.children)


def indefinite(t: Token) -> bool:
    """``t`` comes with "a" or "an": a kind of thing, never someone's name, whatever the tagger says ("a guitar amp
    came home with me for $260"); a name takes no indefinite article ("Marco moved the book swap to Friday")."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children)


def _person(t: Token) -> bool:
    ent = entity_at(t)
    return t.lower_ in ("his", "her", "their", "its") or t.lemma_.lower() in PEOPLE_NOUNS or t.pos_ == "PROPN" \
        or ent is not None and ent.label_ in ("PERSON", "ORG", "FAC", "GPE") or names_a_person(t.lemma_.lower()) is True


def held_by_another(t: Token) -> bool:
    """``t`` (a figure's noun: "number") belongs to a holder other than the user: a possessor that is a person, a
    name, or a thing not itself the user's ("the surgery's number"); "my phone's number" is the user's: a thing
    of the user's that WordNet knows as no person."""
    for c in t.children:
        if c.dep_ != "poss" or c.lower_ in USER_POSSESSIVES:
            continue
        mine = has_user_possessor(c)
        if not mine or _person(c) or names_a_person(c.lemma_.lower()) is None:
            return True  # "my physio's number": a word WordNet does not know as a thing is taken as someone
    return False


def paid_out(clause: Clause) -> bool:
    """The user pays in the clause (an active "pay" whose subject is the user, said or dropped, paying no "me")."""
    head = clause.head
    if head.lemma_.lower() != "pay" or clause.about != "user":
        return False
    passive = any(c.dep_ in ("auxpass", "nsubjpass") or c.dep_ == "aux" and c.lemma_.lower() == "get"
                  for c in head.children)
    return not passive and not has_user_object(head)


def not_the_users(pred: str, clause: Clause, has_price: bool) -> bool:
    """The clause names ``pred``'s value as something that is not the user's (see the module's docstring)."""
    if pred == "salary" and paid_out(clause):
        return True  # "Paid $55 at the salon for a haircut": money paid out
    if pred in _NOT_FROM_THERE and existential(clause) and not (pred == "bought" and has_price):
        return True  # "There was a sale at Target": what there was, not the user's purchase or workplace
    return pred in _HELD and clause.subject is not None and held_by_another(clause.subject)
