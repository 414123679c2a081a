"""Rank fusion and supersession resolution — pure functions over ids and facts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence

from kgmem.models import Fact, Intent

#: the RRF constant from Cormack et al. (2009); dampens the weight of top ranks
RRF_K = 60


def rrf(
    ranked_lists: Mapping[str, Sequence[str]],
    *,
    k: int = RRF_K,
    weights: Mapping[str, float] | None = None,
) -> list[tuple[str, float]]:
    """Reciprocal Rank Fusion: ``score(id) = Σ_lists w_list / (k + rank)`` (rank from 1).

    Ties are broken by the first list (in mapping order) that ranked the id higher, then by id,
    so the output is deterministic. Duplicate ids within one list count once (best rank).
    """
    scores: dict[str, float] = defaultdict(float)
    best_seen: dict[str, tuple[int, int]] = {}
    for list_pos, (name, ids) in enumerate(ranked_lists.items()):
        w = 1.0 if weights is None else weights.get(name, 1.0)
        seen: set[str] = set()
        for rank, item in enumerate(ids, start=1):
            if item in seen:
                continue
            seen.add(item)
            scores[item] += w / (k + rank)
            key = (rank, list_pos)
            if item not in best_seen or key < best_seen[item]:
                best_seen[item] = key
    return sorted(scores.items(), key=lambda kv: (-kv[1], best_seen[kv[0]], kv[0]))


def project(ids: Iterable[str], mapping: Callable[[str], Iterable[str]]) -> list[str]:
    """Map a ranked list through a one-to-many relation, keeping first-seen order.

    Used for fact-augmented keys: a ranked list of facts becomes a ranked list of their source
    turns (and vice versa) so it can vote in the other kind's fusion.
    """
    out: dict[str, None] = {}
    for item in ids:
        for mapped in mapping(item):
            out.setdefault(mapped, None)
    return list(out)


def resolve_supersession(
    facts: Sequence[Fact],
    intent: Intent,
    chains: Mapping[str, Sequence[Fact]] | None = None,
) -> list[Fact]:
    """Pick which versions of changing facts the answer sees, by intent.

    - current value / single fact / preference / aggregate: a superseded fact is replaced by the
      newest fact of its chain (when ``chains`` knows it), keeping the position of the first
      mention; superseded facts without a known successor stay (they may be all we have).
    - history / when / duration / ordering: every version stays and the chain members are
      added right after the fact that led to them, so "what did I … before" sees the old value.

    ``chains`` maps a fact id to its supersession chain, newest first (``store.supersession_chain``).
    """
    chains = chains or {}
    out: dict[str, Fact] = {}
    keep_history = intent in (Intent.HISTORY, Intent.WHEN, Intent.DURATION, Intent.ORDERING)
    for fact in facts:
        chain = list(chains.get(fact.id, ()))
        if keep_history:
            out.setdefault(fact.id, fact)
            for member in chain:
                out.setdefault(member.id, member)
            continue
        if fact.invalid_at is None or not chain:
            out.setdefault(fact.id, fact)
            continue
        current = [f for f in chain if f.invalid_at is None]
        head = current[0] if current else chain[0]
        out.setdefault(head.id, head)
        if intent == Intent.CURRENT_VALUE:
            continue  # the old value is noise for "what is … now"
        out.setdefault(fact.id, fact)
    return list(out.values())
