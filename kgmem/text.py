"""Text normalisation in one place: Unicode folding, word tokens and the word lists.

Every layer that compares words (the keyword index of both stores, the question planner, the
rule extractor, the answerer and the judge) folds and tokenises through this module, so
"Valparaíso", "VALPARAISO" and "valparaiso" are one word everywhere. :class:`BM25Index` is the
one keyword index over those tokens (both stores search with it; so does the synthetic
generator's difficulty probe).

The word lists are named subsets built from one base (:data:`FUNCTION_WORDS`): each caller needs
a slightly different set (a keyword index drops contraction fragments, a question planner also
drops question filler such as "remind" or "ago", an object phrase ends at a clause word), and
each set is spelled out here rather than copied into the caller.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

import numpy as np

# --------------------------------------------------------------------------- folding


def fold(text: str) -> str:
    """Casefolded, compatibility-normalised text with accents removed.

    ``casefold`` (so "Straße" == "strasse"), then NFKD (full-width digits, ligatures and other
    compatibility forms become their plain letters), then every combining mark dropped (so
    "Valparaíso" == "valparaiso").
    """
    folded = text.casefold()
    if folded.isascii():  # nothing to decompose (most text): skip the per-character pass
        return folded
    decomposed = unicodedata.normalize("NFKD", folded)
    if decomposed.isascii():
        return decomposed
    # a regex over the combining-mark blocks is ~20x faster than a per-character Python pass
    return _COMBINING.sub("", decomposed)


#: combining diacritical marks (the blocks NFKD leaves after Latin, Greek and Cyrillic letters)
_COMBINING = re.compile("[\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


# --------------------------------------------------------------------------- word lists

#: English function words (NLTK's core list): the base every list below starts from
FUNCTION_WORDS: frozenset[str] = frozenset(
    """
    a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further
    had has have having he her here hers him his how i if in into is it its itself just me more
    most my myself no nor not now of off on once only or other our ours out over own same she
    should so some such than that the their them then there these they this those through to too
    under until up very was we were what when where which while who whom why will with would you
    your yours
    """.split()
)

#: what a keyword index drops: function words, reflexives and the fragments that a ``\\w+``
#: split leaves of contractions ("don't" → "don", "t")
STOPWORDS: frozenset[str] = FUNCTION_WORDS | frozenset(
    """
    herself himself theirs themselves ourselves yourself yourselves s t d ll m o re ve y
    don doesn didn isn wasn weren aren hasn haven hadn won wouldn shouldn couldn
    """.split()
)

#: words of a question that say how it is asked, not what it is about ("remind me how many
#: days ago …"); a question planner drops them with the function words
QUESTION_FILLER: frozenset[str] = frozenset(
    """
    remind tell know remember recall ago many much long time times day days week weeks month
    months year years first last previous previously current currently still total please get
    got go went recently mentioned said told talked say think like
    """.split()
)

#: what a question planner drops when it picks keywords and entity names
QUESTION_STOPWORDS: frozenset[str] = FUNCTION_WORDS | QUESTION_FILLER

#: words that end an object phrase ("a new bike [because] …", "Paris [last] week"): clause
#: words, prepositions that open an adjunct, time words, pronouns and auxiliaries, dashes
PHRASE_BREAKS: frozenset[str] = frozenset(
    """
    and but because since so which who that when while after before for with from at in on to
    as last this next yesterday today ago tomorrow recently until during if or by about around
    over into back again too though although where now here there soon already yet just lately
    earlier i we it he she they you is was were are has had have will would can could should
    might must called named - – — ( and/or plus like than then every each per i've i'm i'd i'll
    we've we're we'd off via online
    """.split()
)

#: words an answer rubric uses around its key terms ("the user would prefer suggestions
#: related to …"); a rubric judge drops them before matching key terms
RUBRIC_FILLER: frozenset[str] = frozenset(
    """
    a an the and or but if of to in on at for with by from as is are was were be been being it
    its this that these those they them their he she his her you your user users would could
    should might may can will prefer prefers preferred preference preferences response responses
    suggest suggests suggestion suggestions recommend recommendation recommendations not do does
    did also such like more most some any other than then so about into over which who whom what
    when where how why have has had just very well e g eg etc i me my we our specific
    specifically particular particularly based related especially include includes including
    given utilize utilizing use using interest interested interests
    """.split()
)

# --------------------------------------------------------------------------- tokens

_WORD_RE = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    """Folded word tokens (``\\w+`` runs of :func:`fold`), stopwords kept."""
    return _WORD_RE.findall(fold(text))


def tokenize(text: str) -> list[str]:
    """Folded word tokens with :data:`STOPWORDS` removed (the keyword-index tokenizer)."""
    return [tok for tok in words(text) if tok not in STOPWORDS]


# --------------------------------------------------------------------------- keyword index


class BM25Index:
    """Okapi BM25 over a fixed set of documents (rebuild to add documents).

    ``k1``/``b`` are the usual defaults; the idf is the non-negative Lucene variant
    ``ln(1 + (N - df + 0.5) / (df + 0.5))`` so every matching document scores above zero.
    """

    def __init__(
        self,
        docs: Iterable[tuple[str, str]],
        k1: float = 1.5,
        b: float = 0.75,
    ) -> None:
        self.k1 = k1
        self.b = b
        self.ids: list[str] = []
        lengths: list[int] = []
        postings: dict[str, tuple[list[int], list[int]]] = {}
        for doc_idx, (doc_id, text) in enumerate(docs):
            tokens = tokenize(text)
            self.ids.append(doc_id)
            lengths.append(len(tokens))
            for term, tf in Counter(tokens).items():
                rows, tfs = postings.setdefault(term, ([], []))
                rows.append(doc_idx)
                tfs.append(tf)
        self._lengths = np.asarray(lengths, dtype=np.float64)
        # position of each doc in id order: ties between equal scores break by id
        self._id_rank = np.argsort(np.argsort(np.asarray(self.ids, dtype=object), kind="stable"))
        self._avgdl = float(self._lengths.mean()) if lengths else 0.0
        # postings stay lists until a query needs them (most terms are never asked for); a term's
        # arrays are built on its first query: scoring a term is one vectorised update
        self._raw = postings
        self._postings: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    def __len__(self) -> int:
        return len(self.ids)

    def search(self, query: str, k: int) -> list[tuple[str, float]]:
        """Top-``k`` ``(doc_id, score)`` with score > 0, best first; ties broken by id."""
        if k <= 0 or not self.ids:
            return []
        terms = tokenize(query)
        if not terms:
            return []
        n_docs = len(self.ids)
        scores = np.zeros(n_docs, dtype=np.float64)
        norm = self.k1 * (1.0 - self.b + self.b * self._lengths / (self._avgdl or 1.0))
        for term in sorted(set(terms)):
            posting = self._postings.get(term)
            if posting is None:
                raw = self._raw.get(term)
                if raw is None:
                    continue
                posting = (np.asarray(raw[0], dtype=np.int64), np.asarray(raw[1], dtype=np.float64))
                self._postings[term] = posting
            rows, tfs = posting
            idf = math.log(1.0 + (n_docs - len(rows) + 0.5) / (len(rows) + 0.5))
            # a term repeated in the query counts once per occurrence, as in classic BM25
            weight = idf * terms.count(term)
            scores[rows] += weight * tfs * (self.k1 + 1.0) / (tfs + norm[rows])
        matched = np.flatnonzero(scores > 0.0)
        if matched.size == 0:
            return []
        if matched.size > k:
            # keep everything tied with the k-th score so the id tie-break stays exact
            kth = np.partition(scores[matched], matched.size - k)[matched.size - k]
            matched = matched[scores[matched] >= kth]
        order = matched[np.lexsort((self._id_rank[matched], -scores[matched]))][:k]
        return [(self.ids[i], float(scores[i])) for i in order]
