"""A price someone gives for a job, read on the whole sentence: the first statement a later quote corrects.

"The roofer reckons it'll be about £480 to redo the flashing", "the AC servicing guy quoted ₹1,800
for the split unit", "The garage says £350 for the clutch": a person or firm (the subject, never
the user or a pronoun) gives a figure with a verb of estimating; the figure is the ``amount`` of
their quote ("roofer quote", or the job their name says: "AC servicing"). Said with "will" it is
still their figure, not the user's plan; with "might/could/would", "if" or a question it is none.
"""

from __future__ import annotations

from datetime import datetime

from kgmem.extraction.schema import CandidateFact
from kgmem.extraction.zero.checks import IMAGINED
from kgmem.extraction.zero.clauses import Clause
from kgmem.extraction.zero.entity_facts import _entity_fact
from kgmem.extraction.zero.entity_refs import EntityRef
from kgmem.extraction.zero.entity_values import with_currency
from kgmem.extraction.zero.lexicon import PEOPLE_NOUNS
from kgmem.extraction.zero.nlp import entity_at
from kgmem.extraction.zero.sentences import Sentence
from kgmem.extraction.zero.values import fill
from kgmem.nlp import has_other_possessor

_ESTIMATES = frozenset({"reckon", "quote", "estimate", "say", "charge", "want", "ask"})
_HEDGES = frozenset({"might", "could", "would", "may", "should", "if", "whether", "maybe", "perhaps", "not", "n't",
                     "never"})


def estimate_facts(sent: Sentence, date: datetime, clause: Clause) -> list[CandidateFact]:
    """The ``amount`` of someone's quote the sentence of ``clause`` gives (see the module docstring)."""
    if sent.question or IMAGINED.search(sent.text):
        return []
    doc = clause.head.doc
    for verb in doc:
        if verb.lemma_.lower() not in _ESTIMATES or verb.pos_ != "VERB":
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), None)
        if subj is None or (e := entity_at(subj)) is not None and e.label_ == "PERSON" \
                or has_other_possessor(subj):
            continue  # "my neighbour's electrician charged £450": a figure of someone else's job
        toks = sorted(verb.subtree, key=lambda t: t.i)
        if any(t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN") and t.i != subj.i for t in toks):
            continue  # "my manager says the budget is £25k": the budget's figure, read as the budget's
        if any(t.lower_ in _HEDGES for t in toks) or not any((e := entity_at(t)) is not None and e.label_ == "MONEY"
                                                               for t in toks):
            continue
        part = Clause(head=verb, tokens=toks, about="thing", subject=subj, blocked=False,
                      text="".join(t.text_with_ws for t in toks).strip(), index={t.i for t in toks})
        money = fill("money", part)
        words = [w.text for w in subj.lefts if w.dep_ == "compound" and w.lemma_.lower() not in PEOPLE_NOUNS]
        name = " ".join(words) if words else f"{subj.lemma_.lower()} quote"
        if money:
            amount = with_currency(money[0][0], part.text)
            return [_entity_fact(sent, date, part, EntityRef(name, "thing"), "amount", amount, None)]
    return []
