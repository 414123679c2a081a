"""Question intents by meaning: an exemplar bank (data) matched with the sentence embedder.

The bank (``kgmem/resources/intents/question_intents.jsonl``) holds phrasings of each intent and
slot ("Which company am I working for at the moment?" → current value of ``works_at``), written with
generic words ("my pet", "it") so the match is about the question's shape, not its topic. A
question is matched by cosine similarity to every exemplar; the intent and slot are a similarity-
weighted vote of the nearest exemplars, so one odd exemplar cannot decide alone.
"""

from __future__ import annotations

import json
import re
import threading
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from kgmem import packaged
from kgmem.text import QUESTION_STOPWORDS

if TYPE_CHECKING:
    from kgmem.embeddings import Embedder

BANK_FILE = "question_intents.jsonl"
#: nearest exemplars looked at (4 × K)
K = 5


@dataclass(frozen=True)
class Exemplar:
    """One phrasing of an intent: ``slot`` is a predicate (``works_at``), a predicate attribute
    (``bought.price``) or a computation (``between``, ``sum``); ``answer_type`` the value kind."""

    intent: str
    slot: str | None
    answer_type: str
    text: str


@dataclass(frozen=True)
class IntentMatch:
    """The bank's verdict for one question: the winning (intent, slot) with its vote score, the
    best single exemplar and its cosine similarity."""

    intent: str
    slot: str | None
    answer_type: str
    score: float
    exemplar: str
    similarity: float


def load_bank() -> list[Exemplar]:
    """The packaged exemplar bank; a malformed line is an error naming the line."""
    path = packaged.path("intents", BANK_FILE)
    out: list[Exemplar] = []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            out.append(Exemplar(str(row["intent"]), row.get("slot"), str(row["answer_type"]), str(row["text"])))
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}: line {i}: not an exemplar record ({exc})") from exc
    return out


class IntentBank:
    """Exemplars with their embeddings (computed once per embedder, through its cache)."""

    _shared: dict[str, IntentBank] = {}
    _lock = threading.Lock()

    def __init__(self, embedder: Embedder, exemplars: list[Exemplar] | None = None) -> None:
        self.exemplars = exemplars if exemplars is not None else load_bank()
        vecs = np.asarray(embedder.embed([e.text for e in self.exemplars]), dtype=np.float32)
        norms = np.linalg.norm(vecs, axis=1, keepdims=True)
        self.matrix = vecs / np.maximum(norms, 1e-9)

    @classmethod
    def for_embedder(cls, embedder: Embedder) -> IntentBank:
        """One bank per embedder model per process."""
        key = str(getattr(embedder, "name", id(embedder)))
        with cls._lock:
            if key not in cls._shared:
                cls._shared[key] = cls(embedder)
            return cls._shared[key]

    def match(self, vector: np.ndarray, *, intents: set[str] | None = None,
              answer_types: set[str] | None = None) -> IntentMatch | None:
        """The (intent, slot) whose nearest exemplar is most similar; its runner-up exemplars
        add a little support, so a class is not decided by one stray phrasing. ``intents`` and
        ``answer_types`` keep only the classes of those."""
        v = np.asarray(vector, dtype=np.float32)
        v = v / max(float(np.linalg.norm(v)), 1e-9)
        sims = self.matrix @ v
        per_class: dict[tuple[str, str | None, str], list[int]] = defaultdict(list)
        for i in np.argsort(-sims)[: 4 * K]:
            e = self.exemplars[int(i)]
            if (intents is None or e.intent in intents) and (answer_types is None or e.answer_type in answer_types):
                per_class[(e.intent, e.slot, e.answer_type)].append(int(i))
        if not per_class:
            return None

        def strength(idx: list[int]) -> float:
            return float(sims[idx[0]]) + 0.1 * (float(sims[idx[1]]) if len(idx) > 1 else 0.0)
        (intent, slot, atype), idx = max(per_class.items(), key=lambda kv: strength(kv[1]))
        best = idx[0]
        rivals = [float(sims[v[0]]) for k, v in per_class.items() if k[:2] != (intent, slot)]
        margin = float(sims[best]) - max(rivals, default=0.0)
        # the score: the best exemplar's similarity, lowered when another class is nearly as close
        score = float(sims[best]) - max(0.0, 0.05 - margin)
        return IntentMatch(intent, slot, atype, score, self.exemplars[best].text, float(sims[best]))


_SLOT_VOCAB: dict[str, frozenset[str]] = {}


def slot_vocabulary(slot: str | None) -> frozenset[str]:
    """Lower-case words the bank's phrasings of a slot use ("grow", "raised", "hometown" for
    ``hometown``): a line using one is talking about that slot."""
    if not slot:
        return frozenset()
    if not _SLOT_VOCAB:
        words: dict[str, set[str]] = defaultdict(set)
        common = {"what", "which", "who", "where", "when", "how", "did", "do", "does", "is", "are", "was", "my",
                  "i", "me", "the", "a", "an", "to", "of", "for", "in", "on", "at", "it", "that", "now", "these",
                  "days", "you", "your", "say", "said", "tell", "remind", "name", "mention", "mentioned", "s",
                  "am", "have", "had", "this", "moment", "currently", "current", "again", "with", "and", "or",
                  "from", "before", "previous", "previously", "used", "use", "get", "got", "go", "one", "thing"}
        from kgmem.retrieval.question import strip_discourse

        # how a question is asked (time and discourse phrases, function words, naming verbs) is
        # no talk about the slot: "Which town do I *call* home?" says nothing of a shop *called* X
        common |= set(QUESTION_STOPWORDS) | {"call", "called", "named", "date", "prior", "since", "new", "could",
                                             "would", "should", "kindly", "please", "lately", "whats",
                                             "earlier", "old", "present", "per", "start", "begin", "leave", "change",
                                             "switched", "switching", "kick", "adjusted", "saying", "going", "early",
                                             "join", "joined", "quit", "left"}
        for e in load_bank():
            if e.slot:
                text = strip_discourse(e.text).lower()
                words[e.slot] |= {w for w in re.findall(r"[a-z]+", text) if w not in common and len(w) > 2}
        _SLOT_VOCAB.update({k: frozenset(v) for k, v in words.items()})
    return _SLOT_VOCAB.get(slot, frozenset())


#: words that ask for an earlier value rather than the current one
HISTORY_CUE = re.compile(
    r"\b(?:before|previous(?:ly)?|prior|used\s+to|old|former(?:ly)?|past|earlier|originally|first|last|until|"
    r"change[ds]?|switch(?:ed)?|moved?|from|then|was|were|did\s+I\s+(?:use|have|live|work|drive))\b", re.I)
#: value kinds a who-question never asks ("who's paying my salary" asks an employer, not the pay)
_NOT_WHO = frozenset({"money", "number", "place", "date", "duration"})


def bank_match(bank: IntentBank, vec: np.ndarray, q: str) -> IntentMatch | None:
    """The nearest class of the bank that the question's own words allow: a previous value is asked
    with words that say so, and a who-question asks no amount, place or date. When the nearest class is
    one of those, the nearest other class is the question's meaning ("what handset am I using" is the
    current phone, not "which handset did I replace"; "who's paying my salary" an employer)."""
    m = bank.match(vec)
    if m is None:
        return None
    if m.intent == "history" and not HISTORY_CUE.search(q):
        if asks_a_past_deed(q):
            return m  # "which phone did I replace", "how much did my rent rise": no present value to give way to
        return bank.match(vec, intents={e.intent for e in bank.exemplars} - {"history"})
    from kgmem.retrieval.question import wh_word

    if wh_word(q) in ("who", "whom") and m.answer_type in _NOT_WHO:
        return bank.match(vec, answer_types={"person", "org"}) or m
    return m


def asks_a_past_deed(q: str) -> bool:
    """The question's verb is in the simple past ("which phone did I replace", "what car did I sell",
    "how much did my salary go up"): it asks of a thing done or a change, which the current value does
    not answer, so a nearest earlier-value meaning is not traded for a present one (session 23: the
    trade answered "what car did I sell" with the car driven now). A present question ("what handset
    am I using", "what have I got") has no past-tense verb."""
    from kgmem.retrieval.question import nlp

    pipe = nlp()
    if pipe is None:
        return bool(re.search(r"\bdid(?:n['’]t)?\b", q, re.I))
    return any(t.tag_ == "VBD" for t in pipe(q))
