"""What a preference request is about, by meaning: the domains of ``kgmem/resources/preference/domains.json`` (food,
reading, travel …), each given by short generic examples; a question and the user's sentences are each given the
domain whose examples they are closest to (:class:`DomainView`), and a vague request ("what should I put on?") the
domains of its nearest examples too (:func:`nearest_domains`). Moved out of :mod:`kgmem.answer.pref_reasons` (pf18),
which re-exports it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

import numpy as np

from kgmem import packaged

#: the least cosine of a sentence to its domain's examples for it to speak about that domain
DOMAIN_FLOOR = 0.28
#: a question is about every domain within this much of its best one ("tea tonight": drinks or food)
DOMAIN_MARGIN = 0.08


@cache
def bank() -> dict[str, Any]:
    """The preference meaning bank (``kgmem/resources/preference/domains.json``), read once."""
    data: dict[str, Any] = packaged.json_data("preference", "domains.json")
    return data


def _domain_examples() -> dict[str, list[str]]:
    data: dict[str, list[str]] = bank()["domains"]
    return data


def domain_names() -> list[str]:
    """The domains' names, in the order of their centroids' rows."""
    return list(_domain_examples())


#: the domains' centroids per embedding model, computed once per process (the examples are fixed)
_CENTROIDS: dict[str, np.ndarray] = {}


#: the examples' own vectors per embedding model (rows in the order of the domains, then of their examples)
_EXAMPLES: dict[str, np.ndarray] = {}


def _example_vectors(embed: Callable[[list[str]], np.ndarray | None], model: str | None) -> np.ndarray | None:
    """Every domain example's vector (rows: the examples of :func:`domain_names` in order), cached per process."""
    if model is not None and model in _EXAMPLES:
        return _EXAMPLES[model]
    examples = _domain_examples()
    vecs = embed([e for name in examples for e in examples[name]])
    if vecs is not None and model is not None:
        _EXAMPLES[model] = vecs
    return vecs


def _centroids(embed: Callable[[list[str]], np.ndarray | None], model: str | None) -> np.ndarray | None:
    """Each domain's unit centroid (rows: :func:`domain_names`), cached per process by ``model``."""
    if model is not None and model in _CENTROIDS:
        return _CENTROIDS[model]
    examples = _domain_examples()
    vecs = _example_vectors(embed, model)
    if vecs is None:
        return None
    cents, k = [], 0
    for name in examples:
        c = vecs[k:k + len(examples[name])].mean(axis=0)
        cents.append(c / (np.linalg.norm(c) or 1.0))
        k += len(examples[name])
    out = np.stack(cents)
    if model is not None:
        _CENTROIDS[model] = out
    return out


#: a question's nearest examples of a domain that speak for it (the mean cosine of this many)
NEAREST = 2


def nearest_domains(question: str, embed: Callable[[list[str]], np.ndarray | None], model: str | None = None) -> set[int]:
    """The domains whose nearest examples are nearly as close to the question as the closest domain's: a vague request
    ("what should I put on?") is near one example of each kind it may ask for (a film to put on, music to put on,
    clothes to put on) though the mean of a domain's examples is near none; the user's tastes then decide between them."""
    vecs = _example_vectors(embed, model)
    q = embed([question]) if vecs is not None else None
    if vecs is None or q is None:
        return set()
    sims = vecs @ q[0]
    row, k = [], 0
    for items in _domain_examples().values():
        row.append(float(np.sort(sims[k:k + len(items)])[::-1][:NEAREST].mean()))
        k += len(items)
    return question_domains(np.asarray(row))


def domain_scores(texts: Sequence[str], embed: Callable[[list[str]], np.ndarray | None],
                  model: str | None = None) -> np.ndarray | None:
    """Each text's cosine to each domain's centroid (rows: texts, columns: :func:`domain_names`);
    with ``model`` (the embedder's name) the centroids are computed once per process."""
    cents = _centroids(embed, model)
    vecs = embed(list(texts)) if cents is not None and texts else None
    if cents is None or vecs is None:
        return None
    return np.asarray(vecs @ cents.T)


def question_domains(row: np.ndarray) -> set[int]:
    """The domains a question is about: its best one and those within :data:`DOMAIN_MARGIN`."""
    best = float(row.max())
    return {i for i, v in enumerate(row) if v >= best - DOMAIN_MARGIN}


def in_domain(row: np.ndarray, domains: set[int], floor: float = DOMAIN_FLOOR, margin: float = 0.0) -> float:
    """A text's cosine to the best of ``domains`` when that is at least ``floor`` and within ``margin``
    of the text's own best domain (``margin`` 0: it is the text's own domain), else 0."""
    best = max(domains, key=lambda i: float(row[i]))
    v = float(row[best])
    return v if v >= floor and v >= float(row.max()) - margin else 0.0


class DomainView:
    """The domains of one question, and how well other texts speak about them."""

    def __init__(self, question: str, embed: Callable[[list[str]], np.ndarray | None], model: str | None = None) -> None:
        self._embed = embed
        self._model = model
        scores = domain_scores([question], embed, model)
        self.wanted: set[int] = question_domains(scores[0]) if scores is not None else set()
        if len(self.wanted) > 1:
            # the mean of the examples leaves the question between domains: its nearest examples may name another
            self.wanted |= nearest_domains(question, embed, model)
        #: the question's best domain (its index in the domains' order), ``None`` without an embedder
        self.best: int | None = int(scores[0].argmax()) if scores is not None else None

    def fit(self, texts: Sequence[str], floor: float = DOMAIN_FLOOR, margin: float = 0.0) -> list[float]:
        """Per text: its cosine to the question's domains when one of them is its own (or within
        ``margin`` of it), else 0 (all 0 without an embedder)."""
        scores = domain_scores(texts, self._embed, self._model) if self.wanted and texts else None
        if scores is None:
            return [0.0] * len(texts)
        return [in_domain(row, self.wanted, floor, margin) for row in scores]

    def elsewhere(self, texts: Sequence[str]) -> list[bool]:
        """Per text: whether it clearly speaks about a domain the question does not ask about (its own best domain, at
        least :data:`DOMAIN_FLOOR` near, is not one of the question's, and none of the question's is within
        :data:`DOMAIN_MARGIN` of it, the margin that makes a question about several domains): "pizza night" is a night
        in, not a dish; "small family-run guesthouses", a shade nearer shopping than travel, is about both."""
        scores = domain_scores(texts, self._embed, self._model) if self.wanted and texts else None
        if scores is None:
            return [False] * len(texts)
        return [clearly_elsewhere(row, self.wanted) for row in scores]


def clearly_elsewhere(row: np.ndarray, wanted: set[int]) -> bool:
    """Whether a text's domain scores put it clearly in a domain none of ``wanted`` (:meth:`DomainView.elsewhere`)."""
    best = float(row.max())
    return best >= DOMAIN_FLOOR and int(row.argmax()) not in wanted and \
        max(float(row[i]) for i in wanted) < best - DOMAIN_MARGIN
