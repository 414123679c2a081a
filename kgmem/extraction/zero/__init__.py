"""The zero-LLM extraction tier, one job per module.

- :mod:`.sentences` — which sentences are worth reading (first-person and impersonal cues, questions
  skipped, dropped subjects restored, time expressions found);
- :mod:`.checks` — who the subject is; negation, modality, intent, hypotheticals;
- :mod:`.lexicon` — every word list; :mod:`.nlp` — the spaCy pipeline and parse readers;
- :mod:`.patterns`, :mod:`.patterns_user`, :mod:`.assistant` — the surface-pattern fast path;
- :mod:`.verbs`, :mod:`.verb_objects`, :mod:`.impersonal` — facts read off the parse;
- :mod:`.phrases`, :mod:`.facts` — value conventions and candidate construction;
- :mod:`.rule_pass` — the pattern and parse-reader pass over one sentence, and the per-sentence filters;
- :mod:`.sentence_stages` — a sentence in flight and the per-sentence stages (which facts still hold, what a
  question states in passing, the open facts of clauses nothing else read);
- :mod:`.extractor` — :class:`RuleExtractor`, which runs them.
"""

from kgmem.extraction.zero.extractor import RULES_VERSION, RuleExtractor
from kgmem.extraction.zero.nlp import load_nlp
from kgmem.extraction.zero.phrases import canonical_money

__all__ = ["RULES_VERSION", "RuleExtractor", "canonical_money", "load_nlp"]
