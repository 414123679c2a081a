"""Named retrieval recipes, so an experiment is one flag (``--recipe bm25-only``)."""

from __future__ import annotations

from dataclasses import dataclass, field

DEFAULT_RECIPE = "hybrid-rrf"


@dataclass(frozen=True)
class Recipe:
    """Which retrievers run and how their lists are fused.

    ``weights`` are RRF list weights by list name (``vec_turn``, ``bm25_turn``, ``vec_fact``,
    ``bm25_fact``, ``predicate``, ``graph``, ``temporal``, and the projected lists
    ``facts→turns`` / ``turns→facts``). ``outside_window`` multiplies the fused score of a
    candidate dated outside the plan's time window (a soft temporal filter: windows from
    loose phrases like "two weeks ago" can be slightly off).
    """

    name: str
    vector: bool = True
    bm25: bool = True
    predicate: bool = True
    graph: bool = False
    temporal: bool = True
    fact_augmented: bool = True
    k: int = 50
    outside_window: float = 0.35
    weights: dict[str, float] = field(default_factory=dict)
    description: str = ""


RECIPES: dict[str, Recipe] = {
    r.name: r
    for r in (
        Recipe(
            "hybrid-rrf",
            graph=True,
            weights={"facts→turns": 0.8, "turns→facts": 0.6, "predicate": 0.7, "graph": 0.5,
                     "temporal": 0.8},
            description="vector + BM25 over turns and facts, predicate and entity-graph lists, "
            "temporal list and soft window filter, fact-augmented turn keys, RRF",
        ),
        Recipe(
            "hybrid-nograph",
            graph=False,
            weights={"facts→turns": 0.8, "turns→facts": 0.6, "predicate": 0.7, "temporal": 0.8},
            description="hybrid-rrf without entity-neighbourhood expansion",
        ),
        Recipe(
            "hybrid-graph",
            graph=True,
            weights={"facts→turns": 0.8, "turns→facts": 0.6, "predicate": 1.0, "graph": 1.0,
                     "temporal": 0.8},
            description="hybrid-rrf with the graph lists weighted as much as the text lists",
        ),
        Recipe("vector-only", bm25=False, predicate=False, temporal=False, fact_augmented=False,
               outside_window=1.0, description="cosine top-k over turns and facts only"),
        Recipe("bm25-only", vector=False, predicate=False, temporal=False, fact_augmented=False,
               outside_window=1.0, description="BM25 over turns and facts only"),
    )
}


def get_recipe(name: str | None) -> Recipe:
    """The recipe called ``name`` (default when ``None``); unknown names list the known ones."""
    key = name or DEFAULT_RECIPE
    if key not in RECIPES:
        raise ValueError(f"unknown retrieval recipe {key!r}; known: {', '.join(RECIPES)}")
    return RECIPES[key]
