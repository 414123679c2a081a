"""A post the user was given, named beside the deed (session 29, x29; invented set seen_and_done_x29).

"I got promoted today, team lead from next month!", "they made me head chef last week", "Officially hired by the
council today, starting as a planning officer on Monday": the promotion or the hiring is done; only the start may lie
ahead, so the post is the user's now (dated by the deed's past time if the line says one, else by the day it was
said, as "Got promoted to team lead today" is; read after the sentence's checks,
which a misparse of the post's name as a clause of its own would fail: "team lead from next month"). Read from
the parse: a verb of giving a post (promote, hire, appoint, name, make), told as done and not blocked, whose passive
subject is the user (or dropped at the line's start: "Got promoted on Friday") or whose object is the user ("made me
head chef"); and a noun the lexicon knows as an occupation (:func:`~kgmem.extraction.zero.lexicon.job_noun`) elsewhere in
the sentence, not the giver ("my boss promoted me") and not another person's ("her manager"). A post named in the
verb's own frame ("promoted to team lead") is read by the other stages; this reads the post the frame leaves out.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from kgmem.extraction.schema import CandidateFact
from kgmem.extraction.zero.checks import blocked
from kgmem.extraction.zero.facts import make_fact
from kgmem.extraction.zero.lexicon import job_noun
from kgmem.extraction.zero.nlp import first_word
from kgmem.extraction.zero.phrases import valid_value
from kgmem.extraction.zero.sentences import Sentence, best_time
from kgmem.lexicon.people import USER_OBJECTS
from kgmem.nlp import has_other_possessor, is_user

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: verbs of giving someone a post (a closed class)
_GIVING_A_POST = frozenset({"promote", "hire", "appoint", "name", "make"})
#: the parts of a post's name before its head noun ("head chef", "planning officer", "senior analyst", "team lead")
_NAME_PARTS = frozenset({"NOUN", "PROPN", "ADJ"})


def _the_user_given(v: Token) -> bool:
    """Verb ``v`` gives the user a post and is told as done."""
    if v.lemma_.lower() not in _GIVING_A_POST or v.tag_ not in ("VBD", "VBN") or blocked(v):
        return False
    if v.lemma_.lower() == "make":  # "they made me head chef": the user is the object's subject
        return any(c.lower_ in USER_OBJECTS and c.i > v.i for c in v.subtree if c.dep_ in ("nsubj", "dobj"))
    passive = next((c for c in v.children if c.dep_ == "nsubjpass"), None)
    if passive is not None:
        return is_user(passive)
    dropped = v.tag_ == "VBN" and not any(c.dep_ == "nsubj" for c in v.children) and v.i <= first_word(v.doc) + 2
    return dropped or any(c.dep_ == "dobj" and c.lower_ in USER_OBJECTS for c in v.children)


def _post_name(t: Token) -> str:
    """The post's name ending on ``t``: the nouns and adjectives right before it ("team lead", "head chef")."""
    start = t.i
    while start > 0 and t.doc[start - 1].pos_ in _NAME_PARTS and not t.doc[start - 1].is_punct \
            and t.doc[start - 1].lower_ not in USER_OBJECTS:
        start -= 1
    return t.doc[start: t.i + 1].text.lower()


def _a_post(t: Token, giver: set[int], v: Token) -> bool:
    """``t`` names an occupation that is nobody else's, not the one who gave the post nor the subject of a clause of
    its own ("the manager was awful"); after "make", the thing the user was made ("made me head chef")."""
    if t.i in giver or t.pos_ not in ("NOUN", "PROPN", "VERB") or not job_noun(t.lower_) \
            or t.dep_ in ("nsubjpass", "compound") or t.dep_ == "nsubj" and t.head.pos_ in ("VERB", "AUX") \
            or has_other_possessor(t):
        return False
    return v.lemma_.lower() != "make" or t.head.i == v.i and t.dep_ in ("ccomp", "oprd", "dobj", "xcomp") and any(
        c.lower_ in USER_OBJECTS for c in t.subtree)


def posts_given(sent: Sentence, date: datetime, doc: Doc | None, found: list[CandidateFact]) -> list[CandidateFact]:
    """The user's new post named beside a deed of promotion or hiring (see the module's docstring)."""
    if doc is None or sent.question or any(f.predicate == "job_title" and f.subject == "user" for f in found):
        return []
    for v in doc:
        if not _the_user_given(v):
            continue
        giver = {x.i for c in v.children if c.dep_ in ("nsubj", "agent") for x in c.subtree}
        post = next((t for t in doc if _a_post(t, giver, v)), None)
        if post is not None and valid_value(name := _post_name(post)):
            when = best_time(sent.times)
            return [make_fact(sent, "job_title", name, None, True, None if when is None or when.future else when, date)]
    return []
