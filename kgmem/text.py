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

import hashlib
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

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


#: what decides the tokens of a text: a persisted keyword index built under another key is stale
#: (bump the number when :func:`fold` or :func:`tokenize` change in a way the rest does not show)
TOKENIZER_KEY: str = hashlib.sha256(
    "\n".join(["1", _WORD_RE.pattern, _COMBINING.pattern, unicodedata.unidata_version, *sorted(STOPWORDS)]).encode()
).hexdigest()[:16]


# --------------------------------------------------------------------------- sentence gaps

#: the gap after a sentence's end mark (". ", "! ", "? "): the plain cut, with no check for an
#: abbreviation ("Dr. Patel") or a capital after it. The careful splitters keep their own rules on
#: purpose: extraction's ``sentences.split_sentences`` (no cut after an abbreviation; a capital or a
#: digit must follow) and ``answer.evidence.SENT_SPLIT`` (no cut after an abbreviation or inside
#: an initialism, "Fontaines D.C. were unreal"). This one cuts a reply or looks back one sentence.
SENTENCE_GAP = re.compile(r"(?<=[.!?])\s+")
#: :data:`SENTENCE_GAP` or a line break anywhere (text written over several lines)
SENTENCE_OR_LINE_GAP = re.compile(SENTENCE_GAP.pattern + r"|\n+")


def last_sentence(text: str) -> str:
    """The stripped text after its last :data:`SENTENCE_GAP` (all of it when there is none; "" for blank text)."""
    return SENTENCE_GAP.split(text.strip())[-1]


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
        pairs = list(docs)
        # the whole corpus is tokenised in one pass (a store's first query builds this index;
        # per-document tokenising and counting cost ~0.1 s per 500 turns): same tokens as tokenize()
        term_ids, doc_of, vocab = _corpus_terms([text for _, text in pairs])
        n_docs = len(pairs)
        lengths = np.bincount(doc_of, minlength=n_docs)
        keys, tfs = _posting_keys(term_ids, doc_of, n_docs)
        self._set(BM25Parts([doc_id for doc_id, _ in pairs], list(vocab), lengths,
                            *_split_keys(keys, tfs, n_docs, len(vocab))))

    def _set(self, parts: BM25Parts) -> None:
        """Install ``parts`` (vocabulary in term-id order, postings sorted by term then doc)."""
        self.ids: list[str] = list(parts.ids)
        self._vocab: dict[str, int] = dict(zip(parts.vocab, range(len(parts.vocab)), strict=True))
        self._lengths = np.asarray(parts.lengths, dtype=np.float64)
        self._rows = np.asarray(parts.rows, dtype=np.int64)
        self._tfs = np.asarray(parts.tfs, dtype=np.float64)
        self._starts = np.asarray(parts.starts, dtype=np.int64)
        # position of each doc in id order: ties between equal scores break by id
        self._id_rank = np.argsort(np.argsort(np.asarray(self.ids, dtype=object), kind="stable"))
        self._avgdl = float(self._lengths.mean()) if self.ids else 0.0

    @classmethod
    def from_parts(cls, parts: BM25Parts, k1: float = 1.5, b: float = 0.75) -> BM25Index:
        """The index whose :meth:`parts` are ``parts`` (a persisted index, loaded back)."""
        n_docs, n_terms = len(parts.ids), len(parts.vocab)
        if (len(parts.lengths) != n_docs or len(parts.rows) != len(parts.tfs)
                or len(parts.starts) != n_terms + 1 or (n_terms and int(parts.starts[-1]) != len(parts.rows))
                or (len(parts.rows) and (int(np.max(parts.rows)) >= n_docs or int(np.min(parts.rows)) < 0))):
            raise ValueError("inconsistent BM25 index parts")
        index = cls.__new__(cls)
        index.k1, index.b = k1, b
        index._set(parts)
        return index

    def parts(self) -> BM25Parts:
        """Everything the index holds, as integer arrays (what a store persists)."""
        vocab = [""] * len(self._vocab)
        for word, tid in self._vocab.items():
            vocab[tid] = word
        return BM25Parts(list(self.ids), vocab, self._lengths.astype(np.int64), self._rows.copy(),
                         self._tfs.astype(np.int64), self._starts.copy())

    def updated(self, docs: Mapping[str, str]) -> BM25Index:
        """A new index: this one with ``docs`` (id → text) added, or replacing the documents of
        the same id. Only those texts are tokenised; every score equals that of an index built
        from scratch over the same documents (the postings are integer counts, merged)."""
        if not docs:
            return self
        new_ids = list(docs)
        # the merged index holds its documents in id order (scores do not depend on the order)
        all_ids = sorted([i for i in self.ids if i not in docs] + new_ids)
        pos_of = {doc_id: pos for pos, doc_id in enumerate(all_ids)}
        n_docs = len(all_ids)
        old_pos = np.fromiter((-1 if i in docs else pos_of[i] for i in self.ids), dtype=np.int64,
                              count=len(self.ids))
        new_pos = np.fromiter((pos_of[i] for i in new_ids), dtype=np.int64, count=len(new_ids))
        term_ids, doc_of, vocab_new = _corpus_terms(list(docs.values()))
        vocab = dict(self._vocab)
        for word in vocab_new:
            vocab.setdefault(word, len(vocab))
        remap = np.fromiter((vocab[w] for w in vocab_new), dtype=np.int64, count=len(vocab_new))
        old_terms = np.repeat(np.arange(len(self._starts) - 1, dtype=np.int64), np.diff(self._starts))
        live = old_pos[self._rows] >= 0
        keys_new, tfs_new = _posting_keys(remap[term_ids], new_pos[doc_of], n_docs)
        keys = np.concatenate([old_terms[live] * max(n_docs, 1) + old_pos[self._rows[live]], keys_new])
        tfs = np.concatenate([self._tfs[live].astype(np.int64), tfs_new])
        by_key = np.argsort(keys, kind="stable")
        lengths = np.zeros(n_docs, dtype=np.int64)
        kept = old_pos >= 0
        lengths[old_pos[kept]] = self._lengths[kept].astype(np.int64)
        lengths[new_pos] = np.bincount(doc_of, minlength=len(new_ids))
        return BM25Index.from_parts(
            BM25Parts(all_ids, list(vocab), lengths, *_split_keys(keys[by_key], tfs[by_key], n_docs, len(vocab))),
            self.k1, self.b)

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
            tid = self._vocab.get(term)
            if tid is None:
                continue
            lo, hi = int(self._starts[tid]), int(self._starts[tid + 1])
            rows, tfs = self._rows[lo:hi], self._tfs[lo:hi]
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


@dataclass
class BM25Parts:
    """The arrays of a :class:`BM25Index`: document ids, the vocabulary in term-id order, the
    token count of each document, and the postings (document row and term frequency, sorted by
    term then document; term ``t``'s postings are ``starts[t]:starts[t + 1]``)."""

    ids: list[str]
    vocab: list[str]
    lengths: np.ndarray
    rows: np.ndarray
    tfs: np.ndarray
    starts: np.ndarray


def _posting_keys(term_ids: np.ndarray, doc_of: np.ndarray, n_docs: int) -> tuple[np.ndarray, np.ndarray]:
    """One ``term * n_docs + doc`` key per (term, doc) pair, sorted, with its term frequency."""
    keys, tfs = np.unique(term_ids.astype(np.int64) * max(n_docs, 1) + doc_of, return_counts=True)
    return keys, tfs.astype(np.int64)


def _split_keys(keys: np.ndarray, tfs: np.ndarray, n_docs: int, n_terms: int
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(rows, tfs, starts) of sorted posting keys."""
    terms_of_keys = keys // max(n_docs, 1)
    rows = (keys % max(n_docs, 1)).astype(np.int64)
    return rows, tfs, np.searchsorted(terms_of_keys, np.arange(n_terms + 1))


#: the document separator of :func:`_corpus_terms` (not a word character, so never inside a token)
_SEP = "\x01"
_SEP_WORD_RE = re.compile(r"\w+|\x01", re.UNICODE)
#: bytes → themselves for ASCII word characters (``\w`` on ASCII: letters, digits, ``_``) and the
#: separator, a space for everything else: ``bytes.translate`` + ``split`` tokenises text whose
#: non-ASCII characters are all punctuation ~4x faster than a regex
_BYTE_WORDS = bytes(
    c if (c < 0x80 and (chr(c).isalnum() or c == 0x5F or c == 0x01)) else 0x20 for c in range(256)
)


def _corpus_terms(texts: list[str]) -> tuple[np.ndarray, np.ndarray, dict[str, int]]:
    """Every non-stopword token of ``texts`` as ``(term ids, document index per token, vocabulary)``:
    the tokens :func:`tokenize` gives each text, in order. The loops over tokens run in C
    (``bytes.translate``/``split`` or one regex, ``dict.fromkeys``, ``map``)."""
    joined = f" {_SEP} ".join(fold(t.replace(_SEP, " ")) for t in texts)
    tokens: list[Any]
    sep: Any
    # beyond ASCII only punctuation (dashes, curly quotes): every byte >= 0x80 may become a space
    if joined.isascii() or not any(_WORD_RE.match(c) for c in set(_NON_ASCII.findall(joined))):
        tokens, sep = joined.encode("utf-8").translate(_BYTE_WORDS).split(), _SEP.encode("ascii")
    else:
        tokens, sep = _SEP_WORD_RE.findall(joined), _SEP
    index: dict[Any, int] = {w: i for i, w in enumerate(dict.fromkeys(tokens))}
    ids = np.fromiter(map(index.__getitem__, tokens), dtype=np.int64, count=len(tokens))
    vocab = {(w.decode("ascii") if isinstance(w, bytes) else w): i for w, i in index.items()}
    dropped = np.zeros(len(index) + 1, dtype=bool)
    dropped[[i for w, i in vocab.items() if w in STOPWORDS]] = True
    sep_id = index.get(sep, len(index))
    dropped[sep_id] = True
    keep = ~dropped[ids]
    return ids[keep], np.cumsum(ids == sep_id)[keep], vocab


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
