"""Memory: reconcile extracted candidates with the stored graph and write sessions atomically.

- :mod:`kgmem.memory.supersession` — the pure ADD / SUPERSEDE / MERGE / NOOP decision;
- :mod:`kgmem.memory.entities` — entity resolution (one entity per person/place/item);
- :mod:`kgmem.memory.manager` — builds a :class:`~kgmem.models.SessionWrite` per session;
- :mod:`kgmem.memory.ingest` — ``ingest_haystack`` / ``ingest_session`` (idempotent, incremental).
"""
