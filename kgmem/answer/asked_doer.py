"""Questions about someone else's doing to the user ("How much did the plumber charge me?"): the doer the
question names, and whether a line of someone else's doing tells that doer's deed to the user — such a line is
the evidence, though the actuality reader calls it "other" (someone else's doing)."""

from __future__ import annotations

import re
from functools import lru_cache

from kgmem.answer.abstain import has_word
from kgmem.answer.evidence import Line
from kgmem.answer.match import norm, terms
from kgmem.models import QueryPlan
from kgmem.nlp import load_nlp


@lru_cache(maxsize=1024)
def asked_doer(question: str) -> str | None:
    """The noun a question makes the doer when that is not the user ("How much did *the plumber* charge
    me?", "what did *the vet* say about my dog?"): its subject's head noun, else ``None`` (the user, a
    pronoun, a name, a wh-word)."""
    model = load_nlp()
    if model is None:
        return None
    doc = model(question)
    subj = next((t for t in doc if t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX")), None)
    if subj is None or subj.pos_ != "NOUN" or subj.tag_.startswith("W") or any(c.tag_.startswith("W") for c in subj.children):
        return None
    return subj.lemma_.lower()


def tells_the_doers_deed(plan: QueryPlan, line: Line) -> bool:
    """Someone else's doing that is what the question asks: the line's doer is the question's doer (the
    plumber who "charged me $240" answers "how much did the plumber charge me?") and the line tells it
    to, for or about the user (a first-person word after the doer: "charged *me*"); a sister's roofer is no
    answer."""
    doer = asked_doer(plan.question)
    if doer is None or line.actuality != "other" or not has_word(norm(doer), terms(line.text)):
        return False
    at = re.search(rf"\b{re.escape(doer)}", line.text, re.I)  # the user after the doer: "charged *me*", not "*my* sister's roofer"
    return at is not None and bool(re.search(r"\b(?:me|my|us|our)\b", line.text[at.end():], re.I))
