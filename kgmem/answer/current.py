"""A current value told again in passing: the newest line on the question's thread answers "now".

A value changes without a change word ("Marcus Lee is our Head of Sales" … months later "Jess
Kowalczyk ran the pipeline review today, she's owning the sales org"; "Ledger (ginger, 9), on
Purina One dry biscuits" … "Ledger will only touch the Lily's Kitchen wet pouches"). For a question
about now, the current value is the latest dated mention of a value of the asked type on the
question's thread, not the best-matching (often the oldest, most explicit) one; the older value
stays in memory as history (``HISTORY`` questions never come here).

A newer line is on the thread when its own cosine to the question is at least :data:`LINE_FLOOR`
and at most :data:`MARGIN` below the answer line's (a passing mention of another value of the type
in a line about something else is no new value: "My sister's dentist Dr Baum …" against "My dentist
is Dr Cole …") and it speaks of the question's content words the old line speaks of; a typed answer needs a value of the asked type in it that
is not the one asked about, not the old value, and not told as over; a sentence answer needs a
line naming every name the question names ("What does Ledger eat these days?").
"""

from __future__ import annotations

from datetime import datetime

from kgmem.answer import actuality, answering, stale
from kgmem.answer.evidence import EvidenceSet, Line, outside_window
from kgmem.answer.extracted import Extracted, cite_line
from kgmem.answer.match import contains_name, norm, terms
from kgmem.answer.presence import asked_about
from kgmem.answer.spans import typed_spans
from kgmem.answer.taste import AVERSION_VERBS
from kgmem.lexicon.people import USER_POSSESSIVES
from kgmem.models import Intent
from kgmem.nlp import load_nlp

#: a newer line's own cosine to the question may be at most this far below the answer line's (the
#: band :func:`kgmem.answer.extractive._subject_answer` keeps for "the newest of the relevant")
MARGIN = 0.15
#: and at least this (:data:`kgmem.answer.abstain.MIN_SIMILARITY`'s floor: evidence on the question)
LINE_FLOOR = 0.3
#: the typed values a line may tell in passing: who and where (an amount or a count in a later line on the
#: same thread is mostly another thing's — "La Marzocco ($18,500)" is no rent: dev10 z3_q06_abs, directed,
#: seen when this rule was tried on the computed path too)
ENTITY_TYPES = frozenset({"person", "org", "place"})


def _said(ev: EvidenceSet, found: Extracted) -> tuple[datetime, str] | None:
    """When the answer's value was told, and the sentence it was told in."""
    if found.line is not None:
        return found.line.said_at, found.line.text
    if found.fact is not None:
        return found.fact.observed_at, ev.source_sentence(found.fact) or found.fact.text
    return None


def newest_told(ev: EvidenceSet, found: Extracted) -> Extracted | None:
    """The value of a newer line on the question's thread, for a question about now about the
    user's own things; ``None`` when no newer line tells another value (see the module doc)."""
    said = _said(ev, found)
    if said is None:
        return None
    newer = newer_value(ev, found.value if found.typed else None, said[0], said[1], found.line)
    if newer is None:
        return None
    line, value = newer
    return Extracted(value, "line" if found.typed else "sentence", found.confidence, cite_line(line), line=line,
                     turn_ids=list(dict.fromkeys([line.turn_id, *found.turn_ids])))


def newer_value(ev: EvidenceSet, value: str | None, when: datetime, old_text: str,
                old_line: Line | None = None) -> tuple[Line, str] | None:
    """The newest later line on the question's thread and the value it tells (``value``: the old
    typed value; ``None`` for a sentence answer, whose newer line is the answer itself), for a
    question about now about the user's own things; ``None`` when no such line tells another value."""
    plan = ev.result.plan
    if plan.intent != Intent.CURRENT_VALUE or plan.subject or not stale.asks_now(plan):
        return None
    typed = value is not None
    if typed and plan.answer_type not in ENTITY_TYPES:
        return None
    # a name is told of whoever holds it; the asked named thing's own doings are its news ("Ledger will
    # only touch …"); otherwise only the user's own actual lines tell the user's values
    ok = ("actual", "other") if plan.answer_type == "person" or plan.named else ("actual",)
    later = [ln for ln in ev.top if ln.role == "user" and ln.said_at > when and ln.actuality in ok
             and not outside_window(ln.text, plan.window) and actuality.mode(ln.text) == "actual"]
    if not typed:
        later = [ln for ln in later if plan.named and all(contains_name(n, ln.text) for n in plan.named)
                 and _own_news(ln.text, plan.named, old_text)]
    if not later:
        return None
    sims = ev.line_similarity([*later, *([old_line] if old_line is not None else [])])
    if old_line is not None:
        old_sim = sims.get((old_line.turn_id, old_line.position), 0.0)
    else:
        vecs = ev.result.embed([plan.question, old_text])
        old_sim = float(vecs[0] @ vecs[1]) if vecs is not None else 1.0
    floor = max(LINE_FLOOR, old_sim - MARGIN)
    # the question's content words the old line speaks of, the new one must speak of too ("my landlady's
    # name": a later line about "my sister Margaret" is on another thread however close its cosine)
    focus = {norm(w) for w in plan.focus} & terms(old_text)
    best: tuple[Line, str] | None = None
    for line in later:
        if sims.get((line.turn_id, line.position), 0.0) < floor or (best is not None and line.said_at <= best[0].said_at):
            continue
        if focus and not focus <= terms(line.text):
            continue
        told = _new_value(ev, value, line) if value is not None else line.text
        if told:
            best = (line, told)
    return best


def _new_value(ev: EvidenceSet, old_value: str, line: Line) -> str | None:
    """The first value of the asked type the line tells as holding (:func:`kgmem.answer.answering.fits`)
    that is neither asked about nor the old value."""
    plan = ev.result.plan
    old = old_value.lower()
    for v in answering.fits(plan, line.text, typed_spans(line.text, plan.answer_type or "")):
        if asked_about(plan.question, plan.named, v, yes_no=plan.answer_shape == "yes_no"):
            continue
        if v.lower() in old or old in v.lower():
            continue
        return v
    return None


def _own_news(text: str, named: list[str], old_text: str) -> bool:
    """Whether the line tells news of the named thing's own doing, by the parse: a noun the old line
    lacks hangs from a verb whose subject is the named thing, and that verb (with its conjoined verbs)
    is neither negated nor one of aversion ("Ledger will only touch the Lily's Kitchen pouches"; not "My
    sister's cat eats Lily's Kitchen pouches, Miso tried some and hated them": rev17's HIGH)."""
    old = terms(old_text)
    doc = load_nlp()(text)
    for tok in doc:
        if tok.pos_ not in ("NOUN", "PROPN") or norm(tok.lower_) in old or any(contains_name(n, tok.text) for n in named):
            continue
        verb = tok.head
        for _ in range(4):
            if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
                break
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        chain = [verb, *verb.conjuncts]
        subjects = [c for v in chain for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not any(contains_name(n, " ".join(w.text for w in c.subtree)) and c.dep_ == "nsubj"
                   and c.lower_ not in USER_POSSESSIVES and not any(w.dep_ == "poss" for w in c.children)
                   for c in subjects for n in named):
            continue
        if any(_averse(v.lemma_, v.lower_) or any(c.dep_ == "neg" for c in v.children) for v in chain):
            continue
        return True
    return False


def _averse(lemma: str, form: str) -> bool:
    """A verb of aversion, by its lemma or its written form (the parse lemmatises "hated" as "hat")."""
    return any(b in AVERSION_VERBS for b in (lemma.lower(), form, form[:-1], form[:-2], form[:-3], form[:-3] + "e"))
