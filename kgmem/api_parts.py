"""The parts a :class:`kgmem.api.Memory` works with, built from its settings on first use.

The store, the embedder, the answer model, the extractor, the extraction cache and the answerer
are each created the first time they are asked for, so constructing a ``Memory`` is cheap and
tests can inject deterministic parts; :meth:`MemoryParts.status` says which parts answer without
loading a model, and :meth:`MemoryParts.close` closes the store.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any, Literal, Self

from kgmem import knowledge
from kgmem.retrieval.recipes import get_recipe
from kgmem.settings import Settings

if TYPE_CHECKING:
    from kgmem.answer.answerer import Answerer
    from kgmem.embeddings import Embedder
    from kgmem.llm.base import LLM
    from kgmem.store.base import MemoryStore


class MemoryParts:
    """Settings and the lazily built parts of a memory (the base of :class:`kgmem.api.Memory`)."""

    def __init__(self, settings: Settings | None = None, store: MemoryStore | None = None,
                 llm: LLM | None | Literal[False] = None, embedder: Embedder | None = None,
                 *, recipe: str | None = None, extractor: Any = None) -> None:
        self.settings = settings or Settings.load()
        from kgmem.nlp import use_parse_cache
        from kgmem.parse_cache import PARSE_CACHE_FILENAME

        use_parse_cache(self.settings.cache_dir / PARSE_CACHE_FILENAME)  # parses kept at ingest are read back
        knowledge.warm_up()  # the place and kind tables the gates ask, read before the first question needs them
        self._store = store
        self._llm = llm
        self._embedder = embedder
        self._extractor = extractor
        if recipe is not None:
            get_recipe(recipe)  # an unknown name fails here, listing the known ones
        self.recipe = recipe
        self._answerer: Answerer | None = None
        self._extraction_cache: Any = None
        self._user_locks: dict[str, threading.Lock] = {}
        self._user_locks_guard = threading.Lock()

    @property
    def store(self) -> MemoryStore:
        if self._store is None:
            from kgmem.store import open_store

            self._store = open_store(self.settings)
        return self._store

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            from kgmem.embeddings import embedder_from_settings

            self._embedder = embedder_from_settings(self.settings)
        return self._embedder

    @property
    def llm(self) -> LLM | None:
        if self._llm is None:
            from kgmem.llm import get_llm

            self._llm = get_llm(self.settings, role="answer")
        return self._llm or None

    @property
    def extractor(self) -> Any:
        if self._extractor is None:
            from kgmem.extraction.zero import RuleExtractor

            rules = RuleExtractor(design=self.settings.extraction_proposer)
            if self.settings.extraction_tier == "llm":
                from kgmem.extraction.agent import LLMExtractor
                from kgmem.llm import get_llm

                self._extractor = LLMExtractor(get_llm(self.settings, role="extraction"), base=rules)
            else:
                self._extractor = rules
        return self._extractor

    @property
    def extraction_cache(self) -> Any:
        """Extraction results cached per session content (haystacks share filler sessions)."""
        if self._extraction_cache is None:
            from kgmem.extraction.cache import CACHE_FILENAME, ExtractionCache

            self._extraction_cache = ExtractionCache(self.settings.cache_dir / CACHE_FILENAME)
        return self._extraction_cache

    @property
    def answerer(self) -> Answerer:
        if self._answerer is None:
            from kgmem.answer.answerer import Answerer

            self._answerer = Answerer(self.llm, context_tokens=self.settings.context_tokens)
        return self._answerer

    def status(self, user: str | None = None) -> dict[str, Any]:
        """The store's totals (or one user's counts) and which components answer (no model is
        loaded to find out)."""
        stats = self.store.stats(user)
        answer_model = "none" if self._llm is False else (
            getattr(self._llm, "name", None) or self.settings.llm_model)
        return {
            "store": self.settings.store,
            "users": stats.users, "sessions": stats.sessions, "turns": stats.turns,
            "entities": stats.entities, "facts": stats.facts, "supersessions": stats.supersessions,
            "answer_model": answer_model,
            "extraction_tier": self.settings.extraction_tier,
            "extraction_proposer": self.settings.extraction_proposer,
            "embed_model": self.settings.embed_model,
        }

    def close(self) -> None:
        """Close the store (flushes an embedded store to disk)."""
        if self._store is not None:
            self._store.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
