"""The ``stop`` completion option outside the real model: where text is cut, the fake backend,
and the cache key (unchanged for requests without stop strings)."""

from __future__ import annotations

from kgmem.llm.cache import cache_key
from kgmem.llm.fake import FakeLLM
from kgmem.llm.local import first_stop

MESSAGES = [{"role": "user", "content": "Which city do I live in?"}]


def test_first_stop_skips_leading_whitespace_and_takes_the_earliest() -> None:
    assert first_stop("Paris.\nYou told me so.", ["\n"]) == 6
    assert first_stop("\n\nParis.\nMore", ["\n"]) == 8  # an answer opening with a newline is kept
    assert first_stop("Paris. Then more\n", [".", "\n"]) == 5
    assert first_stop("Paris", ["\n", ""]) == -1


def test_the_fake_backend_stops_like_a_real_one() -> None:
    fake = FakeLLM(default="Paris.\n- 2023-01-01, user said: ...")
    assert fake.complete(MESSAGES, stop=("\n",)).text == "Paris."
    assert fake.complete(MESSAGES).text.startswith("Paris.\n- 2023")


def test_cache_keys_change_only_for_requests_with_stop_strings() -> None:
    base = cache_key("local/x", "v1", MESSAGES, None, 0.0, 48)
    assert cache_key("local/x", "v1", MESSAGES, None, 0.0, 48, ()) == base  # keys stored before the option
    assert cache_key("local/x", "v1", MESSAGES, None, 0.0, 48, ("\n",)) != base
    assert cache_key("local/x", "v1", MESSAGES, None, 0.0, 48, ("\n",)) != cache_key(
        "local/x", "v1", MESSAGES, None, 0.0, 48, (".",))
