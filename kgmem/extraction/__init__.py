"""Extraction: session turns → :class:`~kgmem.extraction.schema.CandidateFact` proposals.

Two tiers, one schema: :class:`~kgmem.extraction.zero.RuleExtractor` (zero-LLM: lexical cues,
spaCy, rule-based time resolution) and :class:`~kgmem.extraction.agent.LLMExtractor` (through
the LLM layer, falling back to rules). :class:`~kgmem.extraction.cache.ExtractionCache` stores
results per unique session content. Extraction proposes; :mod:`kgmem.memory` decides and writes.
"""
