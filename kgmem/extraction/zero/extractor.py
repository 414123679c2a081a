"""The zero-LLM extractor: candidate sentences → checks → patterns, parse readers → facts.

One batched spaCy pass over the candidate sentences of all sessions given at once; everything
else is per sentence and deterministic (the per-sentence stages: :mod:`.sentence_stages`).
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from kgmem.extraction.schema import CandidateFact, ExtractionResult, SlotProbe
from kgmem.extraction.zero.aftermath import aftermath, seen_away
from kgmem.extraction.zero.assistant import assistant_facts, requested
from kgmem.extraction.zero.borrowed import used_awhile
from kgmem.extraction.zero.checks import hedged, planned, quoted_from_another
from kgmem.extraction.zero.clauses import clauses_of
from kgmem.extraction.zero.colon_notes import cut_notes, note_texts
from kgmem.extraction.zero.combine import CombineTrace, combine, take_back
from kgmem.extraction.zero.conjuncts import listed_values
from kgmem.extraction.zero.entity_bare import bare_corrections
from kgmem.extraction.zero.entity_refs import TurnContext
from kgmem.extraction.zero.entity_titles import titled_facts
from kgmem.extraction.zero.entity_turn import sentence_entity_facts
from kgmem.extraction.zero.home_said import homes_read
from kgmem.extraction.zero.homes import origins_not_homes, stay_or_errand
from kgmem.extraction.zero.inference import inferred_facts
from kgmem.extraction.zero.masking import framed_row, masked_text
from kgmem.extraction.zero.meaning import ClauseTrace, proposed_facts
from kgmem.extraction.zero.nlp import load_nlp
from kgmem.extraction.zero.own_time import for_a_day, own_time
from kgmem.extraction.zero.past_values import earlier_kept, held_or_earlier
from kgmem.extraction.zero.payments import bought_there, no_goods
from kgmem.extraction.zero.pet_names import someone_elses_pet
from kgmem.extraction.zero.phrases import dedupe
from kgmem.extraction.zero.proposals import (
    Proposer,
    bank_digest,
    bank_files,
    default_digest,
    load_bank,
)
from kgmem.extraction.zero.rule_pass import (
    as_owned,
    dated_deed,
    dated_fallback,
    event_companion,
    fragment_of_another,
    past_age,
    question_facts,
    rule_facts,
    seen_at_venue,
    shared_medium,
    undone,
)
from kgmem.extraction.zero.sentence_stages import (
    PET_FACTS,
    Work,
    assistant_turn_sentences,
    it_subject,
    needs_parse,
    note_drops,
    residual_facts,
    says_nothing,
    stated_in_question,
    still_holds,
    user_clause,
)
from kgmem.extraction.zero.sentences import user_sentences
from kgmem.extraction.zero.served_by import done_for, served_at
from kgmem.extraction.zero.slot_nouns import without_record
from kgmem.extraction.zero.titles import whole_title
from kgmem.extraction.zero.trips import trips_not_homes
from kgmem.extraction.zero.value_kinds import wrong_kind
from kgmem.extraction.zero.work_left import work_news
from kgmem.ids import plain_value

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from kgmem.embeddings import Embedder

#: bump when the tier's behaviour changes (reports name it); the cache key also holds a digest
#: of this package's source, so a change made without a bump never reuses stale extractions
RULES_VERSION = "rules-25"

_KGMEM = Path(__file__).parents[2]
#: what the tier reads besides its own source: the shared word lists and their readers, and the value kinds
#: predicates declare (resources/predicates/*.json; the example bank, *.jsonl, has its own digest)
WORD_LISTS = (_KGMEM / "lexicon", _KGMEM / "resources" / "lexicon", _KGMEM / "resources" / "predicates")


@functools.cache
def source_digest(package: Path = Path(__file__).parent, word_lists: tuple[Path, ...] = WORD_LISTS) -> str:
    """A short digest of the zero-LLM tier's source files and of the word lists it reads (part of
    the extraction cache key: an edited word list never reuses stale extractions, rev11 M2)."""
    h = hashlib.sha256()
    for root in (package, *word_lists):
        for path in sorted([*root.glob("*.py"), *root.glob("*.json")]):
            h.update(f"{root.name}/{path.name}".encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()[:12]


def misread(f: CandidateFact, doc: Doc | None) -> bool:
    """A shop read as a workplace, an ailment as goods, an outing missed or only streamed as attended, a taste of
    the wrong kind ("Home for me is Bristol" is no sport), where the user is served read as their home, a job done on
    the user's thing read as a purchase or a taste ("Got the bathroom retiled"), a car hired read as the user's."""
    return bought_there(f, doc) or no_goods(f, doc) or seen_away(f, doc) or wrong_kind(f, doc) or (
        f.predicate == "lives_in" and f.subject == "user" and served_at(f.value, doc)) or done_for(f, doc) or used_awhile(f, doc)  # "registered Pepper at the vets"


class RuleExtractor:
    """The zero-LLM extraction tier: patterns and parse readers, plus predicates proposed by meaning
    (MiniLM clause embeddings against the example bank) filled with typed values.

    ``embedder``: the sentence embedder for proposals (default: the packaged MiniLM, loaded on first
    use; ingest hands over its own so clause vectors share its cache and batches).
    ``proposals=False`` runs patterns and parse readers only. ``design``: the proposer design
    (``Settings.extraction_proposer``, a key of :data:`~kgmem.extraction.zero.proposals.DESIGNS`;
    None: the default design).
    """

    name = "rules"

    def __init__(self, use_spacy: bool = True, batch_size: int = 256, *, embedder: Embedder | None = None,
                 proposals: bool = True, proposer: Proposer | None = None, rules: bool = True,
                 design: str | None = None) -> None:
        self.use_spacy = use_spacy
        self.design = design
        #: False: proposals only (a diagnostic: what meaning + typed values find without patterns)
        self.rules = rules
        self.batch_size = batch_size
        self.proposals = proposals and use_spacy
        #: facts with open predicates ("volunteer_at") for clauses no registry predicate covers
        self.open_facts = self.proposals
        self._embedder = embedder
        self._proposer = proposer
        self._attributes: Proposer | None = None
        if proposer is not None:
            self._attributes = Proposer(proposer.embedder, load_bank(bank_files("entities")))

    def use_embedder(self, embedder: Embedder) -> None:
        """Embed clauses with ``embedder`` (same model: the cache key does not change)."""
        self._embedder = embedder
        for p in (self._proposer, self._attributes):
            if p is not None:
                p.embedder = embedder
                p._vectors = None

    @property
    def proposer(self) -> Proposer | None:
        if not self.proposals:
            return None
        if self._proposer is None:
            if self._embedder is None:
                from kgmem.embeddings import load_embedder

                self._embedder = load_embedder()
            self._proposer = Proposer.default(self._embedder, self.design)
            self._attributes = Proposer(self._embedder, load_bank(bank_files("entities")))
        return self._proposer

    @property
    def cache_key(self) -> str:
        if not self.proposals:
            return f"rules|{RULES_VERSION}|patterns-only|src-{source_digest()}"
        if not self.rules:
            return f"rules|{RULES_VERSION}|proposals-only|src-{source_digest()}"
        if self._proposer is not None:
            digest = self._proposer.digest
        else:
            digest = default_digest(self.design)
        digest += "-e" + bank_digest(load_bank(bank_files("entities")))
        return f"rules|{RULES_VERSION}|bank-{digest}|src-{source_digest()}"

    def extract(self, turns: Sequence[tuple[str, str]], session_date: datetime) -> ExtractionResult:
        """Extract candidate facts from one session's ``(role, text)`` turns."""
        return self.extract_many([(turns, session_date)])[0]

    def explain(self, turns: Sequence[tuple[str, str]], session_date: datetime) -> tuple[ExtractionResult, list[ClauseTrace]]:
        """The session's facts and, per candidate clause, the proposals, value and decision."""
        traces: list[ClauseTrace] = []
        return self._run([(turns, session_date)], traces)[0], traces

    def extract_many(
        self, sessions: Sequence[tuple[Sequence[tuple[str, str]], datetime]]
    ) -> list[ExtractionResult]:
        """Extract several sessions at once (one spaCy pass and one embedding batch for all)."""
        return self._run(sessions, None)

    def _run(self, sessions: Sequence[tuple[Sequence[tuple[str, str]], datetime]],
             traces: list[ClauseTrace] | None) -> list[ExtractionResult]:
        work: list[list[Work]] = []
        for turns, date in sessions:
            items: list[Work] = []
            asked = ""
            for idx, (role, text) in enumerate(turns):
                if role == "user":
                    items.extend(Work(s) for s in user_sentences(idx, without_record(text), date))  # no pasted record
                    asked = text if requested(text) else ""
                elif role == "assistant":
                    items.extend(Work(s) for s in assistant_turn_sentences(idx, text, asked))
                    asked = ""
            work.append(items)
        users = [w for items in work for w in items if w.sent.role == "user"]
        proposer = self.proposer
        if self.use_spacy and users:
            to_parse = users if proposer is not None else [w for w in users if needs_parse(w.sent)]
            for w, doc in zip(to_parse, load_nlp().pipe([w.sent.text for w in to_parse], batch_size=self.batch_size)):
                w.doc = doc
        attributes = self._attributes
        if proposer is not None and attributes is not None:
            self._score_clauses(users, proposer, attributes)
        results: list[ExtractionResult] = []
        for items, (turns, date) in zip(work, sessions):
            facts: list[CandidateFact] = []
            contexts: dict[int, TurnContext] = {}
            probes: tuple[list[SlotProbe], list[str]] = ([], [])
            before: tuple[int, list[CandidateFact]] = (-1, [])  # the sentence before: its turn and facts
            for w in items:
                if w.sent.role == "assistant":
                    facts.extend(assistant_facts(w.sent))
                    continue
                # patterns and parse readers read statements; a question only reaches the meaning stage
                found = ((question_facts(w.sent, date, w.doc) + stated_in_question(w, date) if w.sent.question
                          else rule_facts(w.sent, date, w.doc if needs_parse(w.sent) else None))
                         if self.rules and w.sent.personal else [])
                # "I quit my job at Deloitte": a slot the sentence says was left is no longer held; "we visited my aunt
                # Florence": a person's name is no place (before combining: a rule's value dropped here keeps no proposal out)
                found, earlier = held_or_earlier(found, w, date, still_holds)  # "back when I lived in Leeds": history
                if proposer is not None and w.clauses:
                    ctrace = CombineTrace() if traces is not None else None
                    proposed, more = held_or_earlier(proposed_facts(w.sent, date, w.clauses, w.rows, proposer, traces), w, date, still_holds, found)
                    earlier += more
                    found = combine(found, proposed, ctrace)
                    if traces is not None and ctrace is not None:
                        note_drops(traces, w.sent.turn, ctrace)
                found += aftermath(w.sent, date, w.doc, found)  # "My ears are still ringing from the gig on Saturday"
                if not w.sent.question and w.sent.personal and not says_nothing(w, proposer) \
                        and all(event_companion(f) for f in found):
                    # a dated deed is an event beside a lasting fact ("I started learning Italian yesterday": speaks Italian)
                    found += [e for e in dated_fallback(w.sent, date, w.doc) if not found or dated_deed(e)]
                if not found and not w.sent.question and self.open_facts:
                    found = residual_facts(w, date, proposer)
                if not w.sent.question:
                    found = origins_not_homes(trips_not_homes(found, w.sent.text, w.doc), w.doc)
                    found += shared_medium(found, w.sent, date, w.doc)
                    found += inferred_facts(w.sent, date, found)
                found = [for_a_day(own_time(f, w.sent, w.doc), w.sent, w.doc, date) for f in found]  # the deed's own time
                found = [f for f in found if not (f.predicate == "age" and past_age(w.sent.text, f.value))
                         and not fragment_of_another(f, found) and not undone(f, w.sent.text)
                         and not (f.subject == "user" and quoted_from_another(f.value, w.sent.text))
                         and not (f.subject == "user" and hedged(f.value, w.sent.text, w.doc)) and not planned(f, date, w.doc)
                         and not (f.predicate in PET_FACTS and f.subject == "user" and someone_elses_pet(w.sent))
                         and not misread(f, w.doc) and still_holds(f, w, found)]  # a shop is no workplace
                found += earlier_kept(earlier, found, w) + work_news(w.sent, date, w.doc, found, earlier)  # "promoted", "sacked"
                found = [seen_at_venue(g, w.sent.text) for f in homes_read(w.sent, date, w.doc, found, earlier) if (g := as_owned(f, w.sent.text)) is not None]
                found = [whole_title(f, w.doc) for f in found]  # "Knives Out", not "Knives"
                found += listed_values(found, w.doc, w.sent.lowercase)  # the other items of a list
                if attributes is not None:
                    context = contexts.setdefault(w.sent.turn, TurnContext())
                    found += [f for f in self._entity_facts(w, date, found, attributes, context, probes)
                              if not (f.predicate in ("lives_in", "works_at") and stay_or_errand(f.value, w.doc))]
                    if w.doc is not None:
                        found += titled_facts(w.sent, date, w.doc)
                facts = take_back(facts, before, w.sent.turn, w.sent.text) + found  # "…a flat in Leith. Lovely, but I said no"
                before = (w.sent.turn, found)
            facts += bare_corrections(turns, date, facts) if attributes is not None else []  # "…at 7:30." "sorry, 7:45"
            results.append(ExtractionResult(facts=dedupe(facts), probes=probes[0], tier="rules", model="", version=RULES_VERSION))
        return results

    @staticmethod
    def _entity_facts(w: Work, date: datetime, found: list[CandidateFact], attributes: Proposer,
                      context: TurnContext, probes: tuple[list[SlotProbe], list[str]]) -> list[CandidateFact]:
        """Facts about other people and things in the clauses that said nothing about the user."""
        user_values = {plain_value(f.value) for f in found if f.subject == "user"}

        def score(texts: Sequence[str]) -> list[np.ndarray]:
            return list(attributes.scores(np.asarray(attributes.embedder.embed(list(texts))))) if texts else []

        return sentence_entity_facts(w.sent, date, w.clauses, w.attr_rows, user_values, bool(user_values),
                                     attributes, context, score, probes)

    @staticmethod
    def _score_clauses(users: list[Work], proposer: Proposer, attributes: Proposer) -> None:
        """Clauses of every parsed sentence; one embedding call for all clause texts scored."""
        texts: list[str] = []
        for w in users:
            if w.doc is None:
                continue
            w.clauses = clauses_of(w.doc)
            for c in w.clauses:
                c.lowercase = w.sent.lowercase
                if user_clause(w, c) or c.about != "user":
                    texts.append(c.text)
            texts += note_texts(w)  # a payment note after a colon and its frame, each on its own
        # a user clause that holds a name is also scored with its names masked (:mod:`.masking`)
        masked = {c.text: m for w in users for c in w.clauses if user_clause(w, c) and (m := masked_text(c))}
        unique = list(dict.fromkeys([*texts, *masked.values()]))
        vecs = np.asarray(proposer.embedder.embed(unique)) if unique else np.zeros((0, 1), dtype=np.float32)
        user_row = dict(zip(unique, proposer.scores(vecs))) if unique else {}
        attr_row = dict(zip(unique, attributes.scores(vecs))) if unique else {}
        for w in users:
            cut_notes(w, proposer, user_row)
            w.rows = [framed_row(proposer.labels, user_row[c.text], user_row.get(masked.get(c.text, "")))
                      if user_clause(w, c) else None for c in w.clauses]
            # "it" in a clause read as the user's may be a thing named before it (see _entity_facts)
            w.attr_rows = [attr_row.get(c.text) if c.about != "user" or it_subject(c) else None for c in w.clauses]
