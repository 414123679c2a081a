"""A thing's state told after a headline that names it (oe30).

People give news of a thing as a headline and a verdict: "Zoe's passport: dispatched!", "Visa application:
APPROVED!!", "Re the insurance claim: they're still assessing the water damage", "Passport renewal: still
processing", "Visa application: biometrics done, waiting on a decision", "Loft conversion news: planning
permission granted!". The statement has no subject of its own (or "they", "it": whoever handles the thing), so
the subject readers find no entity; the headline names it (:func:`headline_thing`). The state is read
from the statement's parse, not from a list of status words alone:

- a word of the state lexicon (:data:`.entity_acted.STATES`) that the statement opens with ("APPROVED!!",
  "still processing", "waiting on a decision");
- else a past participle or an adjective heading the statement with no object ("settled", "granted");
- else an act still under way on the thing by whoever handles it ("they're still assessing the water damage"):
  the verb and what it acts on (a subjectless "still finding sand in my shoes" is the user's own doing);
- a verbless "<noun> <participle>" after a headline ("planning permission granted") is that noun's state.

Nothing is read from a question, a negated or hypothetical statement, the user's own act ("I'm still waiting"
is the user's), or a statement that names its own subject (read by the subject readers).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kgmem.extraction.zero.checks import HYPOTHETICAL, negated
from kgmem.extraction.zero.entity_acted import STATES
from kgmem.extraction.zero.entity_refs import EntityRef, TurnContext, _phrase
from kgmem.extraction.zero.lexicon import PEOPLE_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kgmem.extraction.zero.clauses import Clause


#: subjects that stand for whoever handles the thing ("they're still assessing it"), not a thing of their own
_HANDLERS = frozenset({"they", "it", "someone", "somebody"})
#: words an opening state may follow ("still processing", "finally approved")
_LEAD = r"(?:(?:still|now|finally|officially|already|all|just|fully)\s+)*"


def unrestored(statement: str) -> str:
    """A headline's statement without the "I" the sentence reader gave a state it took for a deed with a
    dropped subject ("Visa application: I aPPROVED!!" is "APPROVED!!"); other statements as they are."""
    m = re.match(r"I ([a-z])(\w*)\b(?=\s*(?:[!.,;]|$))", statement)  # the verdict alone: "I approved the draft" is the user's
    if m is None or not STATES.match(statement[2:]):
        return statement
    word = (m.group(1) + m.group(2)).upper() if m.group(2).isupper() else m.group(1) + m.group(2)
    return word + statement[m.end():]


def _state_words(head: Token, handled: bool) -> str | None:
    """The state a subjectless statement headed by ``head`` gives: a lexicon state it opens with, else an
    object-less participle or adjective, else an act under way ("still assessing the water damage")."""
    toks = [t for t in head.subtree if not t.is_punct]
    if not toks:
        return None
    text = " ".join(t.text for t in toks)
    m = re.match(_LEAD + rf"(?:{STATES.pattern})", text, re.IGNORECASE)
    if m:
        return re.sub(r"^" + _LEAD, "", m.group(0), flags=re.IGNORECASE).lower()
    objects = [c for c in head.children if c.dep_ in ("dobj", "attr", "xcomp", "ccomp")]
    if head.tag_ in ("VBN", "JJ") and not objects and head.i == toks[0].i:
        return head.lower_  # "settled", "granted"
    still = any(c.dep_ == "advmod" and c.lower_ == "still" for c in head.children)
    if head.tag_ == "VBG" and still and handled:  # "still finding sand in my shoes" is the user's own doing
        words = [t for t in toks if t.i >= head.i and t.dep_ not in ("advmod", "npadvmod")][:5]
        return " ".join(t.lower_ for t in words)  # "assessing the water damage"
    return None


def headline_state(head: Token, subj: Token | None, text: str, thing: str) -> tuple[EntityRef, str] | None:
    """(the thing, its state) a statement after a headline naming ``thing`` gives (``head``, ``subj``,
    ``text``: the statement clause's head, subject and words; a verdict the parser makes no clause of,
    "dispatched!", is read from its root), else None."""
    if negated(head) or HYPOTHETICAL.search(text) or text.rstrip().endswith("?"):
        return None
    if subj is None and head.pos_ in ("NOUN", "PROPN") and head.dep_ == "ROOT":
        part = next((c for c in head.children if c.dep_ == "acl" and c.tag_ == "VBN"
                     and not any(g.dep_ in ("dobj", "prep") for g in c.children)), None)
        name, _ = _phrase(head)
        if part is not None and name and name.lower() not in PEOPLE_NOUNS:
            return EntityRef(name, "thing"), part.lower_  # "planning permission granted!"
        if thing and head.text.isupper() and (m := STATES.fullmatch(head.text)):
            return EntityRef(thing, "thing"), m.group(0).lower()  # "APPROVED!!" (tagged a proper noun)
        return None
    if subj is not None and subj.pos_ in ("NOUN", "PROPN") and head.tag_ == "VBN" and not any(
            c.dep_ in ("aux", "auxpass", "dobj", "prep", "agent") for c in head.children):
        name, _ = _phrase(subj)  # "planning consent granted.": told as a headline tells it, without "was"
        return (EntityRef(name, "thing"), head.lower_) if name and name.lower() not in PEOPLE_NOUNS else None
    if subj is not None and subj.lower_ not in _HANDLERS or not thing:
        return None
    if subj is not None and subj.lower_ == "they" and head.tag_ != "VBG":
        return None  # "they paid out £1,200": an act of theirs, no state of the thing
    state = _state_words(head, subj is not None)
    return (EntityRef(thing, "thing"), state) if state else None


def headline_thing(doc_clauses: list[Clause], context: TurnContext) -> None:
    """A headline without a verb names the thing its statement is about ("Passport update")."""
    if len(doc_clauses) != 1:
        return
    root = doc_clauses[0].head
    if root.pos_ == "ADP":  # "Re the insurance claim", "About Zoe's passport": the thing is its object
        root = next((c for c in root.children if c.dep_ == "pobj"), root)
    if root.pos_ not in ("NOUN", "PROPN"):
        return
    name, hint = _phrase(root)
    lead = next((c for c in root.lefts if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), None)
    if name and lead is not None:  # "Insurance claim" parsed as a clause: the headline's noun phrase all the same
        name = " ".join([*(w.text for w in root.doc[lead.left_edge.i: lead.i + 1] if w.dep_ not in ("det", "case")), name])
    if name:
        context.last_thing, context.last_thing_hint, context.headline = name, hint, True
        context.last_thing_plural = False
