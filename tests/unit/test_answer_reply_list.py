"""answer/reply_list.py: which option of an assistant's listed reply a question asks about.

Replies and questions are invented (kayak shops, teas, knives, hotels); the verdict cases are modelled on
dev4 q5_q02 (a permutation test) and dev5 r1_q01 / r3_q09 (a verdict naming an item by a short form), names swapped.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from kgmem.answer import reply_list as rl

NUMBERED = ("Some good ones to start with:\n1. Ridgeline Paddle Co - rentals by the hour, right on the quay.\n"
            "2. Otterbrook Kayaks: guided trips for beginners, the cheapest of the three.\n"
            "3. Saltmarsh Outdoors (family run) - sea kayaks only.\nBook ahead in August.")
BULLETS = ("The usual options:\n- Darjeeling: light and floral.\n- Lapsang souchong - smoky, an acquired taste.\n"
           "- Rooibos: no caffeine at all, fine late at night.\nFor you I'd go with Rooibos, since you sleep badly.")


def _no_meaning(texts: Sequence[str]) -> np.ndarray | None:
    return None


def _bag_of_words(texts: Sequence[str]) -> np.ndarray:
    """A deterministic stand-in embedder: normalised counts over a small vocabulary."""
    vocab = ["cheap", "caffeine", "night", "smoky", "floral", "beginner", "guided", "quay", "sea"]
    rows = np.array([[t.lower().count(w) for w in vocab] for t in texts], dtype=np.float32) + 1e-3
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_items_and_their_names() -> None:
    items = rl.list_items(NUMBERED)
    assert [it.name for it in items] == ["Ridgeline Paddle Co", "Otterbrook Kayaks", "Saltmarsh Outdoors"]
    assert [it.position for it in items] == [1, 2, 3]
    assert [it.name for it in rl.list_items(BULLETS)] == ["Darjeeling", "Lapsang souchong", "Rooibos"]
    assert rl.list_items("Try Rooibos - no caffeine.\n- Only one bullet here.") == []  # no list of two


def test_ordinal_is_a_list_position_not_a_time() -> None:
    assert rl.ordinal("which kayak place did you put second on that list") == 2
    assert rl.ordinal("the shop you suggested first") == 1
    assert rl.ordinal("the last one you listed") == -1
    assert rl.ordinal("what tea did you recommend last time") is None
    assert rl.ordinal("which kayak shop did you suggest when I first asked") is None
    assert rl.ordinal("which tea did you recommend") is None


def test_pick_by_position() -> None:
    assert rl.pick("which place did you list second", NUMBERED, _no_meaning).name == "Otterbrook Kayaks"  # type: ignore[union-attr]
    assert rl.pick("and the last one on your list?", NUMBERED, _no_meaning).name == "Saltmarsh Outdoors"  # type: ignore[union-attr]
    assert rl.pick("which one did you put fifth", NUMBERED, _no_meaning) is None  # no fifth item


def test_pick_by_the_replys_verdict() -> None:
    item = rl.pick("which tea did you end up recommending", BULLETS, _no_meaning)
    assert item is not None and item.name == "Rooibos"
    # a verdict naming the item by its head ("the permutation test" for "A permutation test on …")
    reply = "Options:\n- A sign test on the medians\n- A permutation test on the means\nI'd use the permutation test."
    assert rl.pick("which test did you tell me to use", reply, _no_meaning).name == "A permutation test on the means"  # type: ignore[union-attr]
    # no verdict and no meaning: no pick (the caller keeps its old answer)
    assert rl.pick("which kayak place did you recommend", NUMBERED, _no_meaning) is None


def test_pick_by_meaning_needs_a_clear_lead() -> None:
    item = rl.pick("which tea was the one with no caffeine for the night", BULLETS, _bag_of_words)
    assert item is not None and item.name == "Rooibos"
    # a superlative asks by meaning before the verdict: the cheapest, not the recommended
    item = rl.pick("which kayak place was the cheapest", NUMBERED, _bag_of_words)
    assert item is not None and item.name == "Otterbrook Kayaks"
    assert rl.superlative("which one is nearest") and rl.superlative("the seed they like most")
    assert not rl.superlative("which test did you suggest for my request")


def test_reply_without_a_list_is_not_picked_from() -> None:
    assert rl.pick("which tea did you suggest second", "Rooibos is lovely. Darjeeling too.", _bag_of_words) is None



def test_verdict_by_a_verb_of_getting_and_by_most_of_the_name() -> None:
    reply = ("A few under budget:\n- Larkspur Grand Harbourside: big, busy.\n- Finchley Lodge Harbourside: quiet.\n"
             "- Bramble Inn: cheap.\nIf it were me I'd get the Finchley Lodge and walk in.")
    item = rl.pick("which one did you say you'd get", reply, _no_meaning)
    assert item is not None and item.name == "Finchley Lodge Harbourside"
    reply = ("Under budget:\n- Quillon 8in chef's knife (about $40): tough.\n- Sabaki K2 210mm santoku (about $90): thin.\n"
             "If it were me, I'd get the Sabaki and a whetstone.")
    item = rl.pick("which knife did you say you'd buy", reply, _no_meaning)
    assert item is not None and item.name == "Sabaki K2 210mm santoku"


def test_a_negated_verdict_picks_nothing() -> None:
    reply = ("Nearby:\n- Birch Hotel: central, loud.\n- Alder Inn: quiet.\nI would not book the Birch Hotel, it is loud.")
    assert rl._verdict(reply, rl.list_items(reply)) is None
    reply2 = reply.replace("I would not book the Birch Hotel, it is loud.", "Honestly I never take the Alder Inn seriously.")
    assert rl._verdict(reply2, rl.list_items(reply2)) is None
