"""``kgmem cache stats`` and ``kgmem cache clear``: the persistent LLM response cache."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgmem.cli._app import JsonOpt, cache_app, emit_json, err, fail, load_settings, out

if TYPE_CHECKING:
    from kgmem.llm.cache import LLMCache


def _cache() -> LLMCache:
    """The cache file named by the current settings."""
    from kgmem.llm.cache import CACHE_FILENAME, LLMCache

    return LLMCache(load_settings().cache_dir / CACHE_FILENAME)


@cache_app.command("stats")
def stats(as_json: JsonOpt = False) -> None:
    """Entries, hits, misses and size of the LLM cache."""
    try:
        figures = _cache().stats()
    except RuntimeError as exc:
        fail(str(exc))
    if as_json:
        emit_json(figures)
        return
    lookups = figures["hits"] + figures["misses"]
    rate = f"{100.0 * figures['hits'] / lookups:.1f}%" if lookups else "n/a"
    out.print(f"cache:    {figures['path']}", highlight=False)
    out.print(f"entries:  {figures['entries']}  ({figures['size_bytes'] / 1e6:.2f} MB)",
              highlight=False)
    out.print(f"hits:     {figures['hits']}  misses: {figures['misses']}  hit rate: {rate}",
              highlight=False)
    for model, n in figures["models"].items():
        out.print(f"  {model}: {n}", highlight=False)


@cache_app.command("clear")
def clear() -> None:
    """Delete every cached LLM response and reset the hit/miss counters."""
    try:
        removed = _cache().clear()
    except RuntimeError as exc:
        fail(str(exc))
    err.print(f"removed {removed} cached response(s)", highlight=False)
