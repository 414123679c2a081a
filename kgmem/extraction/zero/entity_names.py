"""Names given to things and people in roles: first statements a later rename or handover corrects.

Three classes of statement, in any register, give a thing a name or a role a person:

- a **verb of naming** with its object and the name ("we're calling him Rocket", "we named the
  boat Seraphina", "ended up naming the puppy Pickle"): the object's ``name``; a pronoun object
  is the nearest thing named before it in the sentence ("bought a little sailing boat and we're
  calling her Seraphina");
- a **code name** in apposition ("our new app, codename Falcon", "the merger (code-named Osprey)"),
  or a thing's name said as its noun ("our book club's name is The Page Turners");
- a **role and its holder** said as "<role>, that's X" ("hand the takings to the PTA treasurer,
  that's Lou"): the role's ``name``, like "my GP is Dr Okafor".

Never from a question, a plan, a condition, a wish or a negation ("what should we call him?",
"we might name her Skye", "we're not calling it Falcon").
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from kgmem.extraction.schema import CandidateFact
from kgmem.extraction.zero.checks import IMAGINED, intent_only
from kgmem.extraction.zero.clauses import Clause
from kgmem.extraction.zero.entity_facts import _entity_fact
from kgmem.extraction.zero.entity_readings import hypothetical
from kgmem.extraction.zero.entity_refs import EntityRef, _phrase
from kgmem.extraction.zero.lexicon import PEOPLE_NOUNS
from kgmem.extraction.zero.nlp import entity_at
from kgmem.extraction.zero.sentences import Sentence
from kgmem.extraction.zero.value_parse import NOT_NAMES

if TYPE_CHECKING:
    from spacy.tokens import Token

_NAMING = frozenset({"call", "name", "rename", "christen", "dub", "nickname", "codename"})
_CODE = frozenset({"codename", "code-name", "code-named", "codenamed"})
_OBJECT_PRONOUNS = frozenset({"him", "her", "it", "them"})
#: roles a person holds for a group or a thing ("the PTA treasurer, that's Lou")
ROLES = frozenset({"treasurer", "secretary", "captain", "chair", "chairperson", "president", "organiser", "organizer",
                   "coordinator", "rep", "walker", "sitter", "babysitter", "caretaker", "receptionist", "director",
                   "editor", "headteacher", "head", "lead", "manager", "coach", "contact", "instructor", "teacher",
                   "tutor", "host"})
_NOT_VALUES = ("DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY")


def _name_of(t: Token) -> str | None:
    """A capitalised name with the capitalised words before it ("Project Kestrel", "Second Wind")."""
    if not t.text[:1].isupper() or t.lower_ in NOT_NAMES or t.lower_ in _OBJECT_PRONOUNS:
        return None
    if (e := entity_at(t)) is not None and e.label_ in _NOT_VALUES:
        return None
    start = t.i
    while start > 0 and t.doc[start - 1].text[:1].isupper() and t.doc[start - 1].pos_ in ("PROPN", "NOUN", "ADJ") \
            and t.doc[start - 1].lower_ not in _OBJECT_PRONOUNS:
        start -= 1
    end = t.i + 1
    while end < len(t.doc) and t.doc[end].text[:1].isupper() and t.doc[end].pos_ in ("PROPN", "NOUN"):
        end += 1
    return t.doc[start:end].text


def _thing_before(t: Token, earlier: list[str]) -> str | None:
    """The nearest thing a noun before ``t`` in its sentence names (not a person, not a time), else
    the latest name of ``earlier`` clauses (latest first) that is no person and no name."""
    for w in reversed(list(t.doc[: t.i])):
        if w.pos_ != "NOUN" or w.dep_ not in ("dobj", "pobj", "nsubj", "nsubjpass", "appos") \
                or w.lemma_.lower() in PEOPLE_NOUNS or (e := entity_at(w)) is not None and e.label_ in _NOT_VALUES \
                or not any(c.dep_ in ("det", "poss") for c in w.children):
            continue  # a thing is said with its article ("a little boat"); "on commission" names none
        name, _hint = _phrase(w)
        if name:
            return name
    return next((n for n in earlier if n.lower() not in PEOPLE_NOUNS and not n[:1].isupper()), None)


def _states(sent: Sentence, clause: Clause) -> bool:
    return not (sent.question or clause.blocked or intent_only(clause.tokens) or hypothetical(clause)
                or IMAGINED.search(sent.text) or any(t.dep_ == "neg" for t in clause.tokens))


def _by_verb(clause: Clause, earlier: list[str]) -> tuple[str, str] | None:
    """(thing, name) of a verb of naming in the clause, active voice, with its object and the name."""
    for v in clause.tokens:
        if v.lemma_.lower() not in _NAMING or v.pos_ != "VERB" or any(c.dep_ == "auxpass" for c in v.children):
            continue
        obj = next((c for c in v.children if c.dep_ == "dobj"), None)
        if obj is None:
            continue
        if obj.pos_ == "PROPN":
            # "naming the puppy Pickle" / "calling her Seraphina" parsed with the name as the object
            name = _name_of(obj)
            lefts = [w for w in obj.lefts if w.dep_ in ("amod", "compound", "nmod") and not w.text[:1].isupper()]
            pron = next((w for w in obj.lefts if w.dep_ == "poss" and w.lower_ in _OBJECT_PRONOUNS), None)
            thing = " ".join(w.text for w in lefts) if lefts else _thing_before(pron, earlier) if pron is not None else None
        else:
            name_tok = next((c for c in v.children if c.dep_ in ("oprd", "attr", "xcomp", "ccomp", "npadvmod")
                             and c.i > obj.i), None)
            name = _name_of(name_tok) if name_tok is not None else None
            if obj.lower_ in _OBJECT_PRONOUNS:
                thing = _thing_before(obj, earlier)
            else:
                thing = _phrase(obj)[0] if obj.pos_ == "NOUN" and obj.lemma_.lower() not in PEOPLE_NOUNS else None
        if name is None or thing is not None and thing.lower() in PEOPLE_NOUNS:
            continue
        if thing and name.casefold() not in thing.casefold():
            return thing, name
    return None


def _code_name(clause: Clause, earlier: list[str]) -> tuple[str, str] | None:
    """(thing, name) of "X, codename Falcon" / "X (code-named Osprey)"."""
    for t in clause.tokens:
        if t.lower_ not in _CODE or t.i + 1 >= len(t.doc):
            continue
        name = _name_of(t.doc[t.i + 1])
        head = t.head if t.head.pos_ == "NOUN" and t.head.i < t.i else None
        if t.dep_ == "compound" and t.head.dep_ == "appos":
            head = t.head.head  # "our new CRM, codename Heron": "codename" hangs on the name, the name on the CRM
        thing = _phrase(head)[0] if head is not None else _thing_before(t, earlier)
        if name and thing:
            return thing, name
    return None


def _role_is(clause: Clause) -> tuple[str, str] | None:
    """(role, person) of "<role>, that's X" ("the PTA treasurer, that's Lou")."""
    subj = clause.subject
    if subj is None or subj.lower_ not in ("that", "this") or clause.head.lemma_.lower() != "be" or subj.i < 2:
        return None
    comma, role = subj.doc[subj.i - 1], subj.doc[subj.i - 2]
    if comma.text not in (",", "-", "—") or role.lemma_.lower() not in ROLES:
        return None
    who = next((c for c in clause.head.children if c.dep_ == "attr" and c.pos_ == "PROPN"), None)
    name = _name_of(who) if who is not None else None
    phrase = " ".join(w.text for w in role.doc[min([c.i for c in role.lefts if c.dep_ == "compound"] + [role.i]): role.i + 1])
    return (phrase, name) if name and name.casefold() not in phrase.casefold() else None


def _name_is(clause: Clause) -> tuple[str, str] | None:
    """(thing, name) of "<thing>'s name is X" ("our book club's name is The Page Turners"); a
    person's name ("my partner's name is Sasha") is the user's kin fact, not read here."""
    subj = clause.subject
    if subj is None or subj.lemma_.lower() not in ("name", "codename", "nickname", "title") \
            or clause.head.lemma_.lower() != "be":
        return None
    owner = next((c for c in subj.children if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")), None)
    value = next((c for c in clause.head.children if c.dep_ == "attr" and c.i > subj.i), None)
    if owner is None or value is None or owner.lemma_.lower() in PEOPLE_NOUNS \
            or (e := entity_at(owner)) is not None and e.label_ == "PERSON":
        return None
    name, thing = _name_of(value), _phrase(owner)[0]
    return (thing, name) if name and thing and name.casefold() not in thing.casefold() else None


def naming_facts(sent: Sentence, date: datetime, clause: Clause, earlier: list[str]) -> list[CandidateFact]:
    """The name a clause gives a thing or a role's holder (see the module docstring); empty when
    the clause names nothing or states nothing. ``earlier``: things named before in the turn,
    latest first (the parse may have split "…a boat and we're calling her Seraphina" apart)."""
    if not _states(sent, clause):
        return []
    got = _by_verb(clause, earlier) or _code_name(clause, earlier) or _name_is(clause)
    if got is not None:
        return [_entity_fact(sent, date, clause, EntityRef(got[0], "thing"), "name", got[1], "person")]
    role = _role_is(clause)
    if role is not None:
        return [_entity_fact(sent, date, clause, EntityRef(role[0], "thing"), "name", role[1], "person")]
    return []
