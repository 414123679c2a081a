"""Typed values said near mentions of people and things: probes for corrections (issue #13 item 7).

A correction is hard to read on its own ("they pushed it to the 19th", "Orla's in Galway now",
"Kat's gone, Jordan runs Tuesday spin") but easy to read given the slot it corrects. The extractor
cannot see memory (its output is cached per session content), so it only reports, per clause of
a user turn that states something (no plan, condition, question, negation or wish), the values it
holds by class (a time, a place, a person's name, an organisation, a state, an amount, a diet, a
job, a ride) and the names it gives people and things; the memory manager
(:mod:`kgmem.memory.anchoring`) keeps a value only when a name resolves to an entity that already
holds a single-valued attribute of the value's class, with another value.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kgmem.extraction.schema import SlotProbe
from kgmem.extraction.zero.checks import HYPOTHETICAL, IMAGINED, intent_only
from kgmem.extraction.zero.clauses import Clause
from kgmem.extraction.zero.entity_facts import _phrase, _proper_name
from kgmem.extraction.zero.entity_readings import hypothetical
from kgmem.extraction.zero.entity_values import entity_values
from kgmem.extraction.zero.lexicon import PEOPLE_NOUNS
from kgmem.extraction.zero.nlp import entity_at
from kgmem.extraction.zero.sentences import Sentence
from kgmem.extraction.zero.value_parse import NOT_NAMES

if TYPE_CHECKING:
    from spacy.tokens import Token

#: value classes and the (attribute, filler kind) that reads them (:func:`.entity_values`)
CLASSES: dict[str, tuple[str, str]] = {
    "when": ("scheduled_for", "when"), "where": ("venue", "where"), "person": ("person_in_charge", "person"),
    "org": ("provider", "org"), "state": ("status", "state"), "money": ("amount", "money"), "diet": ("diet", "diet"),
    "job": ("job_title", "job"), "commute": ("commute", "commute"),
}
#: words of change: a clause with one is more likely a correction
CUE = re.compile(r"\b(?:now|moved?|moving|push(?:ed)?|bump(?:ed)?|shift(?:ed)?|chang(?:e|ed|ing)|switch(?:ed)?|"
                 r"reschedul(?:e|ed)|instead|actually|no\s+longer|any\s*more|updat(?:e|ed)|new|turns\s+out|"
                 r"correction|these\s+days|nowadays|from\s+now\s+on|going\s+forward|finally|delayed|postponed|"
                 r"brought\s+forward|took\s+over|replaced|relocated|transferred|gone)\b", re.IGNORECASE)
#: words that name an attribute (lemma → attribute): what a value of an ambiguous class is of
ATTRIBUTE_WORDS: dict[str, str] = {
    **{w: "lives_in" for w in ("live", "home", "address", "house", "flat", "apartment", "relocate", "move", "stay")},
    **{w: "works_at" for w in ("work", "job", "employer", "office", "hire", "join", "company", "position", "intern",
                               "internship", "start")},
    **{w: "due_date" for w in ("deadline", "due")},
    **{w: "venue" for w in ("venue", "room", "location", "hold", "host", "place", "where")},
    **{w: "person_in_charge" for w in ("lead", "leader", "manager", "run", "teach", "charge", "contact", "chair",
                                       "coach", "instructor", "teacher", "head", "own", "owner", "organise", "organize",
                                       "handle", "take", "replace", "succeed", "hand", "assign")},
    **{w: "provider" for w in ("provider", "supplier", "broadband", "internet", "energy", "electricity", "insurer")},
    **{w: "amount" for w in ("price", "cost", "quote", "budget", "fee", "charge", "pay")},
}
#: words before a value that mark it as the old one ("instead of Wednesday", "not Leeds")
_OLD = re.compile(r"(?:instead\s+of|rather\s+than|\bnot|\bfrom|no\s+longer(?:\s+\w+){0,2}|\bwas|were|used\s+to\s+be|"
                  r"originally|left|quit|outgrown|out\s+of|away\s+from|bye)\s+(?:the\s+|a\s+|at\s+|in\s+|on\s+)?$",
                  re.IGNORECASE)
_PRONOUNS = frozenset({"it", "they", "them", "she", "he", "her", "his", "its", "their", "him"})
_MENTION_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "attr", "appos", "conj", "ROOT", "npadvmod"})
#: how many earlier mentions a pronoun may reach back to
CONTEXT = 6


def clause_states(sent: Sentence, clause: Clause) -> bool:
    """The clause states something: no request, plan, condition, wish, negation or question."""
    if clause.about == "request" or clause.blocked or intent_only(clause.tokens) or hypothetical(clause):
        return False
    if sent.question and (clause.head.dep_ == "ROOT" or clause.text.rstrip().endswith("?")):
        return False
    return not IMAGINED.search(sent.text)


def _mention(t: Token) -> str | None:
    """The name a noun of the clause gives a person or thing ("Leo's piano lesson", "Orla")."""
    ent = entity_at(t)
    if ent is not None and ent.label_ in ("DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY"):
        return None
    if ent is not None and ent.label_ == "PERSON":
        return ent.text
    if t.pos_ == "PROPN" and t.lower_ not in NOT_NAMES:
        return _proper_name(t)
    if t.pos_ != "NOUN":
        return None
    name, hint = _phrase(t)
    return name or (t.lower_ if t.lower_ in PEOPLE_NOUNS else None)


def mentions_of(clause: Clause) -> tuple[list[str], bool]:
    """(names the clause gives people and things, subject first; a pronoun refers back). A name
    may also be a value ("Jordan runs Tuesday spin"): the manager never gives an entity its own
    name as a value."""
    out: list[str] = []
    pronoun = False
    subj = clause.subject
    tokens = sorted(clause.tokens, key=lambda t: (t is not subj, t.i))
    for t in tokens:
        if t.lower_ in _PRONOUNS and t.dep_ in ("nsubj", "nsubjpass", "dobj", "poss", "pobj"):
            pronoun = True
            continue
        if t.dep_ not in _MENTION_DEPS or t.pos_ not in ("NOUN", "PROPN"):
            continue
        name = _mention(t)
        if not name:
            continue
        out.append(name)
        owner = next((c for c in t.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")), None)
        if owner is not None and (own := _mention(owner)):
            out.append(own)  # "Leo's lesson": Leo too
    return list(dict.fromkeys(out)), pronoun


def _fresh(value: str, clause: Clause) -> bool:
    """The value is not said as the old one ("instead of Wednesday", "she left Deloitte")."""
    text = clause.text
    i = text.find(value)
    return i < 0 or not _OLD.search(text[max(0, i - 30): i])


def _names(clause: Clause) -> list[tuple[str, str]]:
    """People's names whatever NER calls them: a PERSON, or a proper noun that is the subject,
    agent or attribute of the clause ("Jordan runs Tuesday spin now", "taught by Ines")."""
    out: list[tuple[str, str]] = []
    for t in clause.tokens:
        ent = entity_at(t)
        if ent is not None and ent.label_ == "PERSON" and t.i == ent.start:
            out.append((ent.text, "person"))
        elif t.pos_ == "PROPN" and t.lower_ not in NOT_NAMES and t.text[:1].isupper() \
                and (ent is None or ent.label_ in ("GPE", "NORP", "ORG")) \
                and (t.dep_ in ("nsubj", "nsubjpass", "attr") or t.dep_ == "pobj" and t.head.dep_ == "agent"):
            out.append((_proper_name(t), "person"))
    return list(dict.fromkeys(out))


def clause_values(clause: Clause) -> list[tuple[str, str]]:
    """(value, class) of every class the clause holds a value of, new values only; a time is
    only a time ("Thursdays" is no organisation)."""
    out: list[tuple[str, str]] = []
    for cls, (attr, kind) in CLASSES.items():
        found = entity_values(attr, kind, clause, set(), False)[:2]
        if cls == "person":
            found = list(dict.fromkeys([*found, *_names(clause)]))
        for value, _vtype in found:
            if _fresh(value, clause) and len(value) > 1:
                out.append((value, cls))
    times = " ".join(v.casefold() for v, c in out if c == "when")
    return [(v, c) for v, c in out if c == "when" or v.casefold() not in times]


def clause_probe(sent: Sentence, clause: Clause, context: list[str]) -> SlotProbe | None:
    """The probe of one clause of a user turn (None when it states nothing or holds no value);
    ``context``: names of earlier clauses of the session, latest first (updated here)."""
    mentions, pronoun = mentions_of(clause)
    probe = None
    if clause_states(sent, clause) and (values := clause_values(clause)):
        words = [ATTRIBUTE_WORDS[t.lemma_.lower()] for t in clause.tokens if t.lemma_.lower() in ATTRIBUTE_WORDS]
        probe = SlotProbe(
            mentions=mentions, context=list(context[:CONTEXT]) if pronoun or not mentions or clause.about == "user" else [],
            values=values, attribute_words=list(dict.fromkeys(words)), cue=bool(CUE.search(clause.text)),
            user_clause=clause.about == "user", text=sent.text[:300], source_turns=[sent.turn])
    for m in reversed(mentions):
        if m in context:
            context.remove(m)
        context.insert(0, m)
    return probe


def sentence_probe(sent: Sentence, clauses: list[Clause], context: list[str]) -> SlotProbe | None:
    """A probe of the whole sentence when none of its clauses gave one: a parse that splits a
    statement apart ("Checked the passport application online - it says approved!": "approved"
    is a one-word root, no clause) still holds its value and names."""
    if not clauses or sent.question or any(c.blocked for c in clauses) or HYPOTHETICAL.search(sent.text):
        return None
    doc = clauses[-1].head.doc
    tokens = [t for t in doc if not t.is_punct]
    if any(c.head.doc is not doc for c in clauses) or len(tokens) < 2:
        return None
    root = next(t for t in doc if t.dep_ == "ROOT")
    whole = Clause(head=root, tokens=tokens, about="none", subject=None, blocked=False, text=doc.text,
                   index={t.i for t in tokens})
    if not clause_states(sent, whole):
        return None
    return clause_probe(sent, whole, context)
