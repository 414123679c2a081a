"""The per-sentence stages of the zero-LLM extractor (:class:`.extractor.RuleExtractor` runs them in order): a
sentence in flight (:class:`Work`: its parse, clauses and proposal rows), which sentences the parse readers read,
whether a fact still holds after the sentence's checks, what a question states in passing, and the open facts
of the clauses nothing else read. Moved out of :mod:`.extractor` (session 21, D8): one job per module.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

import numpy as np

from kgmem.extraction.schema import CandidateFact
from kgmem.extraction.zero.assistant import assistant_facts, assistant_sentences, reply_pick
from kgmem.extraction.zero.checks import IMAGINED
from kgmem.extraction.zero.combine import CombineTrace
from kgmem.extraction.zero.consumed import consumed_fact
from kgmem.extraction.zero.ended import (
    ended,
    reported,
    someone_elses,
    sought,
    taste_asked,
    taste_ended,
)
from kgmem.extraction.zero.homes import there_for_an_occasion
from kgmem.extraction.zero.leaving import left_behind
from kgmem.extraction.zero.meaning import ClauseTrace, eligible
from kgmem.extraction.zero.open_facts import open_fact
from kgmem.extraction.zero.past_values import said_as_earlier
from kgmem.extraction.zero.persons import a_person
from kgmem.extraction.zero.proposals import NONE, Proposer
from kgmem.extraction.zero.rule_pass import rule_facts
from kgmem.extraction.zero.sentences import DEP_CUE, IMPERSONAL_PARSE, Sentence, mask_times
from kgmem.extraction.zero.verb_slots import verb_slot_fact
from kgmem.temporal import find_time_expressions

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from kgmem.extraction.zero.clauses import Clause


@dataclass
class Work:
    """One sentence in flight: its parse, clauses and the rows of their proposal scores."""

    sent: Sentence
    doc: Doc | None = None
    clauses: list[Clause] = field(default_factory=list)
    rows: list[np.ndarray | None] = field(default_factory=list)
    #: attribute-bank score rows of clauses about other people and things
    attr_rows: list[np.ndarray | None] = field(default_factory=list)


def assistant_turn_sentences(idx: int, text: str, asked: str) -> list[Sentence]:
    """An assistant turn's recommendation sentences; a reply to a request whose wording no
    pattern reads gives the name it picks (as a list item: "**Name**")."""
    sents = list(assistant_sentences(idx, text))
    if asked and not any(assistant_facts(s) for s in sents) and (pick := reply_pick(text, asked)):
        sents.append(Sentence(idx, "assistant", "**" + pick + "**", "", []))
    return sents


def needs_parse(s: Sentence) -> bool:
    """The parse readers of the rules read this sentence (the meaning stages parse every one)."""
    return s.role == "user" and s.personal and bool(s.times or DEP_CUE.search(s.text) or IMPERSONAL_PARSE.search(s.text))


def residual_facts(w: Work, date: datetime, proposer: Proposer | None) -> list[CandidateFact]:
    """Facts of the clauses about the user that stated nothing else: a registry predicate named by
    the clause's own verb, else an open fact (the long tail)."""
    out: list[CandidateFact] = []
    if IMAGINED.search(w.sent.text):
        return out  # "Suppose I earned 70k at the brewery…": nothing happened
    for c, row in zip(w.clauses, w.rows):
        if row is None or c.about != "user" or c.negated_only:
            continue
        fact = verb_slot_fact(w.sent, date, c, row, proposer) or consumed_fact(w.sent, date, c) \
            or open_fact(w.sent, date, c)
        if fact is not None:
            out.append(fact)
    return out


def note_drops(traces: list[ClauseTrace], turn: int, ctrace: CombineTrace) -> None:
    """Say in the clause traces which proposals the combining rule dropped, and why."""
    for pf, reason in ctrace.dropped:
        for t in traces:
            if t.turn == turn and t.clause == pf.clause:
                t.decision += f"; {pf.fact.predicate}={pf.fact.value} not kept: {reason}"


def user_clause(w: Work, c: Clause) -> bool:
    """The clause is scored for facts about the user: the user said it, so a clause about the
    user or about a thing ("The Bear was fantastic last night") may state one."""
    return eligible(c, w.sent.question) == "ok"


def says_nothing(w: Work, proposer: Proposer | None) -> bool:
    """Every scored clause of the sentence is closest to the "nothing about the user" examples
    ("Looked at a flat in Brixton, but I said no"): no dated event either."""
    rows = [r for r in w.rows if r is not None]
    if proposer is None or not rows:
        return False
    return all(proposer.rank(r)[0].predicate == NONE for r in rows)


#: the facts of a pet of the user's (someone else's pet is no such fact: :func:`.pet_names.someone_elses_pet`)
PET_FACTS = frozenset({"pet_name", "has_pet"})


def still_holds(f: CandidateFact, w: Work, found: list[CandidateFact]) -> bool:
    """``f`` is not a slot the sentence says was left (:mod:`.leaving`) or told in a closed past period
    (:mod:`.ended`) or as held before (:mod:`.past_values`), a taste said to have ended (:func:`.ended.taste_ended`)
    or asked about (:func:`.ended.taste_asked`) or in someone else's words (:func:`.ended.reported`), nor a post only
    sought (:func:`.ended.sought`) or held by a person named by their occupation (:func:`.ended.someone_elses`), nor a
    person's name given as a place (:mod:`.persons`)."""
    return not left_behind(f, w.doc) and not ended(f, w.doc) and not said_as_earlier(f, w.doc) and not reported(f, w.doc) \
        and not taste_ended(f, w.doc) and not taste_asked(f, w.sent.text, w.doc) \
        and not sought(f, w.doc) and not someone_elses(f, w.doc) and not a_person(f, w.doc, found) \
        and not (f.predicate == "lives_in" and there_for_an_occasion(f.value, w.doc))


def stated_in_question(w: Work, date: datetime) -> list[CandidateFact]:
    """What the user states about themselves inside a question ("Which shoes are best, given I just ran
    the Berlin Marathon?", "Since I moved to Denver, what hikes…?"): each clause of the user's that is
    not the question itself and passes the checks is read by the patterns as a statement of its own."""
    out: list[CandidateFact] = []
    for c in w.clauses:
        if c.about != "user" or c.head.dep_ == "ROOT" or eligible(c, True) != "ok" or c.text.rstrip().endswith("?"):
            continue
        text = "".join(t.text_with_ws for t in c.tokens).strip(" ,;:-–—")  # its own words, as said
        times = find_time_expressions(text, date)
        sub = Sentence(w.sent.turn, "user", text, mask_times(text, times), times, lowercase=w.sent.lowercase,
                       before=w.sent.before)
        out += rule_facts(sub, date, None)
    return out


def it_subject(c: Clause) -> bool:
    """The clause's subject is "it": a thing named before it, perhaps, though the clause reads as the user's."""
    return c.subject is not None and c.subject.text in ("it", "It")  # not "IT" (the department)
