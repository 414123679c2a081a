"""The zero-LLM tier's public names (the tier itself lives in :mod:`kgmem.extraction.zero`)."""

from kgmem.extraction.zero import RULES_VERSION, RuleExtractor, canonical_money, load_nlp

__all__ = ["RULES_VERSION", "RuleExtractor", "canonical_money", "load_nlp"]
