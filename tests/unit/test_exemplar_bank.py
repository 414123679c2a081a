"""The many-voice exemplar bank (eval/build_exemplars.py → kgmem/resources/predicates/mined/) and
the nearest-neighbour decision over it (kgmem.extraction.zero.proposals.Knn).

The builder is checked for determinism, for what it refuses to mine (held-out families, the noise
set, the generator's own values) and for its caps; the kNN vote is checked as a pure function of
similarities on invented sentences with a word-count embedder (no model)."""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from eval import build_exemplars as B  # noqa: E402
from kgmem.extraction.zero.proposals import NONE, Exemplar, Knn, Proposer, load_bank, mined_bank  # noqa: E402


def test_the_build_is_deterministic_and_the_packaged_file_is_up_to_date() -> None:
    first = B.render(B.build(["dev", "heldout"], True, 12, B.NONE_CAP))
    assert first == B.render(B.build(["dev", "heldout"], True, 12, B.NONE_CAP))
    assert B.OUT.read_text(encoding="utf-8") == first, "rebuild: .venv/bin/python eval/build_exemplars.py"


def test_held_out_families_are_refused() -> None:
    for family in ("heldout2", "heldout3"):
        with pytest.raises(ValueError, match="held out"):
            list(B.from_family(family))


def test_no_mined_sentence_holds_a_generator_value_or_comes_from_the_noise_set() -> None:
    records = B.build(["dev", "heldout", "dev3"], True, 12, B.NONE_CAP)
    assert [r["text"] for r in records if B.generator_values_in(r["text"])] == []
    assert not any("noise" in r["source"] for r in records)
    # other people's sessions give "none" sentences only, never a fact
    assert {r["predicate"] for r in records if "entity" in r["source"]} == {NONE}
    noise = {json.loads(line)["text"] for line in (B.FIXTURES / "noise_turns.jsonl").read_text().splitlines() if line}
    assert not any(r["text"] in t for r in records for t in noise)


def test_the_none_class_comes_from_many_development_voices_and_no_generator_template() -> None:
    from kgmem.datasets.synthetic import templates as T

    none = [r for r in B.build([], True, 12, B.NONE_CAP) if r["predicate"] == NONE]
    sources = Counter(r["source"] for r in none)
    assert len(sources) >= 20 and max(sources.values()) <= B.NONE_CAP
    assert {s.split(":")[1][:10] for s in sources} >= {"sentences_", "dev3", "recommenda", "entity_upd"}
    # the generator's distractors and requests are shared by the held-out families: never mined
    assert not [r["text"] for r in none if B.shared_template_of(r["text"])]
    assert B.shared_template_of(T.DISTRACTORS["visited"][0].format(name="Ola", v="Oslo"))  # the check does match one
    assert B.shared_template_of(T.REQUEST_FRAMES[0].format(t="tile a bathroom floor"))
    assert not B.shared_template_of("Ola finally tiled the bathroom floor herself.")


def test_unlabeled_turns_give_none_sentences_only_when_surely_not_the_users() -> None:
    # invented probes: another person's news and a question to the assistant pass; the user's own
    # deed, said with or without "I", does not
    assert B._not_the_users("My aunt Bev finally sold the caravan to a couple from Rhyl.") is False  # "my"
    assert B._not_the_users("Priya's landlord is putting the rent up again in May.")
    assert B._not_the_users("any tips for getting a toddler to nap?")
    assert not B._not_the_users("signed up for the half marathon in Leeds")
    assert not B._not_the_users("We finally booked the ferry to Santander.")


def test_slot_values_are_not_the_generators() -> None:
    ours = [v for key, pool in B.SLOTS.items() if key not in ("rel", "species") for v in pool]
    assert [v for v in ours if B.generator_values_in(v)] == []
    assert B.generator_values_in("I moved to Lisbon in May.") == ["Lisbon"]  # the check does find one


def test_the_cap_holds_per_predicate_and_source() -> None:
    counts = Counter((r["source"], r["predicate"]) for r in B.build(["dev", "heldout"], True, 5))
    assert counts and max(counts.values()) <= 5
    assert {s.split(":")[0] for s, _ in counts} == {"dev", "heldout", "fixtures"}


def test_a_template_is_rendered_with_every_slot_filled() -> None:
    for r in B.build(["dev", "heldout", "dev3"], False, 100):
        assert "{" not in r["text"], r
    assert B._fill("I moved from {old} to {v} {when}.", "lives_in", 0) == "I moved from Utrecht to Sheffield last Tuesday."


def test_the_packaged_mined_bank_loads_with_registry_predicates() -> None:
    bank = mined_bank()
    assert len(bank) > 500 and {e.kind for e in bank} == {"mined"}


class _Words:
    """An embedder by word counts over a fixed vocabulary: similarity is shared words."""

    name = ""  # unnamed: never cached on disk

    def __init__(self, vocab: Sequence[str]) -> None:
        self.vocab = list(vocab)
        self.dim = len(self.vocab)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            for w in re.findall(r"[a-z]+", t.lower()):
                if w in self.vocab:
                    out[i, self.vocab.index(w)] += 1
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


_KNN_BANK = [
    Exemplar("visited", "mined", "flew back from the coast trip"),
    Exemplar("visited", "mined", "the trip to the coast was lovely"),
    Exemplar("visited", "mined", "back from a trip up north"),
    Exemplar("lives_in", "mined", "our flat by the coast"),
    Exemplar("lives_in", "mined", "the rent on our flat"),
    Exemplar(NONE, "example", "can you help with a spreadsheet formula"),
    Exemplar(NONE, "example", "help me write a formula please"),
]
_VOCAB = ["flew", "back", "coast", "trip", "lovely", "north", "flat", "rent", "help", "spreadsheet", "formula", "our"]


def _knn(k: int, threshold: float, margin: float) -> Proposer:
    return Proposer(_Words(_VOCAB), _KNN_BANK, knn=Knn(k, threshold, margin))  # type: ignore[arg-type]


def _proposed(p: Proposer, text: str) -> list[str]:
    row = p.scores(p.embedder.embed([text]))[0]
    return [x.predicate for x in p.propose(row)]


def test_the_nearest_neighbours_vote_for_their_predicate() -> None:
    p = _knn(3, 0.10, 0.30)
    # three trip sentences are nearest: their predicate wins, the flat sentence is outvoted
    assert _proposed(p, "a trip back from the coast") == ["visited"]
    assert _proposed(p, "the flat we rent") == ["lives_in"]


def test_votes_are_similarity_over_k_and_labels_without_a_neighbour_score_zero() -> None:
    p = _knn(2, 0.10, 0.30)
    row = p.scores(p.embedder.embed(["our flat rent"]))[0]
    scores = dict(zip(p.labels, row.tolist()))
    assert scores["visited"] == 0.0 and scores[NONE] == 0.0
    assert scores["lives_in"] > 0.5


def test_none_nearest_proposes_nothing_and_the_margin_cuts_the_weaker_label() -> None:
    assert _proposed(_knn(3, 0.10, 0.30), "help with a formula") == []
    # a coast trip: visited holds most votes; the one flat-by-the-coast vote is within a wide margin only
    assert _proposed(_knn(4, 0.05, 0.60), "coast trip") == ["visited", "lives_in"]
    assert _proposed(_knn(4, 0.05, 0.05), "coast trip") == ["visited"]


def test_knn_is_part_of_the_cache_key_digest() -> None:
    assert _knn(3, 0.10, 0.30).digest != _knn(5, 0.10, 0.30).digest


def test_bank_vectors_are_cached_on_disk_by_model_and_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kgmem import bank_cache
    from kgmem.extraction.zero import proposals

    monkeypatch.setattr(bank_cache, "default_machine_cache_dir", lambda: tmp_path)  # the shared bank cache
    words = _Words(_VOCAB)
    words.name = "words-test"
    first = proposals._cached_vectors(words, _KNN_BANK)
    assert len(list((tmp_path / "banks").glob("*.npy"))) == 1
    words.embed = lambda texts: (_ for _ in ()).throw(AssertionError("embedded again"))  # type: ignore[method-assign]
    assert np.array_equal(proposals._cached_vectors(words, _KNN_BANK), first)
    other = _KNN_BANK[:-1]  # another bank content: another file
    with pytest.raises(AssertionError, match="embedded again"):
        proposals._cached_vectors(words, other)


def test_balance_weighs_votes_so_that_class_size_does_not_decide() -> None:
    # four "none" sentences sharing one word with the clause, two trip sentences sharing two
    bank = [Exemplar(NONE, "mined", t) for t in ("coast help", "trip help", "coast formula", "trip formula")]
    bank += [Exemplar("visited", "mined", t) for t in ("coast trip lovely", "trip coast lovely")]
    counted = Proposer(_Words(_VOCAB), bank, knn=Knn(6, 0.01, 0.50))  # type: ignore[arg-type]
    weighed = Proposer(_Words(_VOCAB), bank, knn=Knn(6, 0.01, 0.50, balance=1.0))  # type: ignore[arg-type]
    assert _proposed(counted, "coast trip") == []  # "none" wins by its size alone
    assert _proposed(weighed, "coast trip") == ["visited"]
    assert Knn(6, 0.01, 0.50, balance=1.0).digest != Knn(6, 0.01, 0.50).digest


def test_the_gate_lets_the_hand_written_bank_say_whether_and_keeps_its_none() -> None:
    hand_none = [*_KNN_BANK[:5], Exemplar(NONE, "example", "coast trip help")]  # hand-written none nearest
    gated = Proposer(_Words(_VOCAB), [Exemplar(e.predicate, "mined", e.text) for e in hand_none[:5]]
                     + [hand_none[5], Exemplar("visited", "example", "flew north")],
                     knn=Knn(4, 0.05, 0.60, gate=0.30))  # type: ignore[arg-type]
    row = gated.scores(gated.embedder.embed(["coast trip help"]))[0]
    assert gated.rank(row)[0].predicate == NONE and gated.propose(row) == []
    # the hand-written visited line is near enough: the mined neighbours choose the predicate
    assert _proposed(gated, "flew back north trip") == ["visited"]
    assert _proposed(gated, "spreadsheet") == []  # near nothing hand-written: no votes at all


def test_the_proposer_setting_reaches_the_extractor_and_changes_a_proposal(tmp_path: Path) -> None:
    from kgmem.api import Memory
    from kgmem.extraction.zero import RuleExtractor
    from kgmem.extraction.zero.proposals import DESIGNS
    from kgmem.settings import Settings

    env = {"KGMEM_HOME": str(tmp_path), "KGMEM_EXTRACTION_PROPOSER": "knn"}
    ex = Memory(Settings.load(env=env), llm=False).extractor
    hand = RuleExtractor()
    assert ex.design == "knn" and ex.cache_key != hand.cache_key  # a knn store never reads a hand cache
    knn = ex.proposer
    assert knn is not None and knn.knn == DESIGNS["knn"] and len(knn.bank) > len(load_bank()) + 500
    hand_p = Proposer.default(knn.embedder, hand.design)
    # an invented request to the assistant: the hand-written bank hears a gym in it, the mined
    # "none" class (other people's requests in many voices) says it states nothing about the user
    request = knn.embedder.embed(["What's a good stretch for a stiff lower back?"])
    assert [p.predicate for p in hand_p.propose(hand_p.scores(request)[0])] != []
    assert knn.propose(knn.scores(request)[0]) == []
