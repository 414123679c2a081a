"""The zero-LLM extractor: candidate sentences → checks → patterns, parse readers → facts.

One batched spaCy pass over the candidate sentences of all sessions given at once; everything
else is per sentence and deterministic.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from kgmem.extraction.schema import CandidateFact, ExtractionResult
from kgmem.extraction.zero.assistant import assistant_facts, assistant_sentences
from kgmem.extraction.zero.checks import HYPOTHETICAL, NEGATION
from kgmem.extraction.zero.facts import make_fact
from kgmem.extraction.zero.impersonal import event_from_doc, impersonal_facts, visited_from_doc
from kgmem.extraction.zero.lexicon import STATIVE
from kgmem.extraction.zero.nlp import load_nlp
from kgmem.extraction.zero.patterns_user import USER_RULES
from kgmem.extraction.zero.phrases import canonical, dedupe, valid_value
from kgmem.extraction.zero.sentences import (
    DEP_CUE,
    FIRST_PERSON_STRICT,
    IMPERSONAL_PARSE,
    Sentence,
    best_time,
    user_sentences,
)
from kgmem.extraction.zero.verbs import dep_facts

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: bump when the tier's behaviour changes: part of the extraction cache key
RULES_VERSION = "rules-8"

_OBJECT_GROUPS = ("obj", "org", "species", "title", "inst", "lang")


def pattern_facts(sent: Sentence, date: datetime) -> list[CandidateFact]:
    """Facts the surface patterns read in a user sentence (trigger not negated or hypothetical)."""
    out: list[CandidateFact] = []
    hypothetical = bool(HYPOTHETICAL.search(sent.text))
    when = best_time(sent.times)
    for rule in USER_RULES:
        for m in rule.pattern.finditer(sent.masked):
            prefix = sent.masked[max(0, m.start() - 40): m.start() + 40]
            # the trigger: from just before the match to where its object starts
            obj_start = next((m.start(g) for g in _OBJECT_GROUPS
                              if g in m.re.groupindex and m.start(g) >= 0), m.end())
            trigger = sent.masked[max(0, m.start() - 25): obj_start]
            if not rule.allow_negation and NEGATION.search(trigger):
                continue
            if hypothetical and HYPOTHETICAL.search(prefix):
                continue
            for pred, value, vtype in rule.emit(m, sent):
                if valid_value(value):
                    out.append(make_fact(sent, pred, value, vtype, rule.change, when, date))
    return out


def user_sentence_facts(sent: Sentence, date: datetime, doc: Doc | None) -> list[CandidateFact]:
    """Patterns, then the parse readers for predicates the patterns did not fill, then (nothing
    else found, a past time said) a dated trip or event."""
    out = pattern_facts(sent, date)
    hypothetical = bool(HYPOTHETICAL.search(sent.text))
    when = best_time(sent.times)
    if doc is not None:
        have = {f.predicate for f in out}
        extra = [] if hypothetical else dep_facts(doc)
        if not hypothetical and not FIRST_PERSON_STRICT.search(sent.text):
            extra += impersonal_facts(doc, past=when is not None and not when.future)
        for pred, value, vtype in extra:
            if pred in have or not valid_value(value):
                continue
            out.append(make_fact(sent, pred, value, vtype, pred not in STATIVE, when, date))
    out = [f for f in (canonical(f) for f in out) if f is not None]
    if not out and doc is not None and when is not None and not hypothetical and not when.future:
        place = visited_from_doc(doc)
        if place:
            return [make_fact(sent, "visited", place, "place", True, when, date)]
        ev = event_from_doc(doc, sent)
        if ev:
            out.append(CandidateFact(
                predicate="event", value=ev, value_type=None, text=f"User {ev} ({when.text}).",
                time_text=when.text, valid_from=when.start, valid_to=when.end,
                granularity=when.granularity, speaker="user", source_turns=[sent.turn], confidence=0.6,
            ))
    return out


def _needs_parse(s: Sentence) -> bool:
    return s.role == "user" and bool(s.times or DEP_CUE.search(s.text) or IMPERSONAL_PARSE.search(s.text))


class RuleExtractor:
    """The zero-LLM extraction tier (deterministic, no network, no model weights beyond spaCy)."""

    name = "rules"

    def __init__(self, use_spacy: bool = True, batch_size: int = 256) -> None:
        self.use_spacy = use_spacy
        self.batch_size = batch_size

    @property
    def cache_key(self) -> str:
        return f"rules|{RULES_VERSION}"

    def extract(self, turns: Sequence[tuple[str, str]], session_date: datetime) -> ExtractionResult:
        """Extract candidate facts from one session's ``(role, text)`` turns."""
        return self.extract_many([(turns, session_date)])[0]

    def extract_many(
        self, sessions: Sequence[tuple[Sequence[tuple[str, str]], datetime]]
    ) -> list[ExtractionResult]:
        """Extract several sessions at once (one batched spaCy pass over candidate sentences)."""
        per_session: list[list[Sentence]] = []
        for turns, date in sessions:
            sents: list[Sentence] = []
            for idx, (role, text) in enumerate(turns):
                if role == "user":
                    sents.extend(user_sentences(idx, text, date))
                elif role == "assistant":
                    sents.extend(assistant_sentences(idx, text))
            per_session.append(sents)
        parse_jobs = [(i, j) for i, sents in enumerate(per_session) for j, s in enumerate(sents) if _needs_parse(s)]
        docs: dict[tuple[int, int], Doc] = {}
        if self.use_spacy and parse_jobs:
            nlp = load_nlp()
            texts = [per_session[i][j].text for i, j in parse_jobs]
            for key, doc in zip(parse_jobs, nlp.pipe(texts, batch_size=self.batch_size)):
                docs[key] = doc
        results: list[ExtractionResult] = []
        for i, (sents, (_, date)) in enumerate(zip(per_session, sessions)):
            facts: list[CandidateFact] = []
            for j, sent in enumerate(sents):
                if sent.role == "assistant":
                    facts.extend(assistant_facts(sent))
                else:
                    facts.extend(user_sentence_facts(sent, date, docs.get((i, j))))
            results.append(ExtractionResult(facts=dedupe(facts), tier="rules", model="", version=RULES_VERSION))
        return results
