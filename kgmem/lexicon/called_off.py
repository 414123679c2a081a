"""Not happening, or stopped: the one lexicon of predicates that call an event off, put it off or
stop a habit (``kgmem/resources/lexicon/called_off.json``), and the forms each reader needs.

A parse reader takes the predicates themselves (lemma and particle: "push back", "be off");
a reader of the words of a line takes their inflected forms ("pushed back", "is off till"), only
of predicates whose bare word says nothing else (``bare``: "binned the receipt" is no calling
off). Inflection is by rule (scrap → scrapped, cry → cried, postpone → postponed) with the
irregular past forms in the data (and the verbs whose past is their base in
event_roles.json's ``same_past_verbs``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from kgmem import packaged

SENSES = ("call_off", "put_off", "stop")
#: the senses of leaving a thing one held (a place or post, a job, a possession): read by name only
LEAVING = ("depart", "leave_work", "let_go")
#: the sense of turning an offer, a post or a place down before it was held: read by name only
REFUSING = "refuse"
#: the sense of seeking a post or a place not yet held ("applied for", "interviewed at"): read by name only
SEEKING = "seek"
#: the sense of a liking that ends ("went off coffee", "I'm over sushi"): read by name only
LOSING_TASTE = "lose_taste"
_VOWELS = "aeiou"
#: the forms of "be" a predicate on it takes in a line ("the spa day is off till May")
_BE = ("be", "is", "are", "was", "were", "been", "'s", "’s")


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    data: dict[str, Any] = packaged.json_data("lexicon", "called_off.json")
    return data


@lru_cache(maxsize=1)
def _same_past() -> frozenset[str]:
    """Verbs whose past is their base ("quit", "put"): event_roles.json's one list of them."""
    return frozenset(packaged.json_data("lexicon", "event_roles.json")["structure"]["same_past_verbs"])


def predicates(*senses: str, bare_only: bool = False) -> frozenset[str]:
    """The predicates of the senses (all senses when none is named), in their base form;
    ``bare_only``: only those whose bare word has no other common sense."""
    wanted = set(senses or SENSES)
    return frozenset(p for p, e in _data()["predicates"].items()
                     if wanted & set(e["senses"]) and (e.get("bare", True) or not bare_only))


def seeking_nouns() -> frozenset[str]:
    """Nouns of seeking a post or a place not yet held ("an interview with Barclays", "my application")."""
    return frozenset(_data()["seeking_nouns"])


def lemmas(*senses: str) -> frozenset[str]:
    """The verbs (lemmas) of the senses' predicates ("lay off" → "lay")."""
    return frozenset(p.partition(" ")[0] for p in predicates(*senses))


@lru_cache(maxsize=32)
def verb_rests(*senses: str) -> dict[str, frozenset[str]]:
    """The senses' predicates by verb, with what each must take in the parse: its particle,
    preposition or object ("give" → {"up"}, "lose" → {"job"}; a bare verb → {""})."""
    out: dict[str, set[str]] = {}
    for p in predicates(*senses):
        verb, _, rest = p.partition(" ")
        out.setdefault(verb, set()).add(rest)
    return {k: frozenset(v) for k, v in out.items()}


def says(lemma: str, taken: set[str] | frozenset[str], *senses: str) -> bool:
    """A verb ``lemma`` that takes the words ``taken`` (its particles, prepositions and objects'
    lemmas, lower case) says a predicate of the senses: "walk" + {"out"} is walking out; a bare
    "walk" is not."""
    rests = verb_rests(*senses).get(lemma)
    return rests is not None and ("" in rests or bool(rests & taken))


def _doubles(verb: str) -> bool:
    """One syllable ending consonant-vowel-consonant doubles its last letter (scrap → scrapped)."""
    groups = re.findall(f"[{_VOWELS}]+", verb)
    return (len(groups) == 1 and len(verb) >= 3 and verb[-1] not in _VOWELS + "wxy"
            and verb[-2] in _VOWELS and verb[-3] not in _VOWELS)


def verb_forms(verb: str, past: list[str] | None = None) -> tuple[str, ...]:
    """A verb's base, past and past participle forms (``past``: irregular ones, replacing the rule)."""
    if verb == "be":
        return _BE
    if past:
        return (verb, *past)
    if verb in _same_past():
        return (verb, verb)
    if verb.endswith("e"):
        ed = verb + "d"
    elif verb.endswith("y") and verb[-2:-1] not in _VOWELS:
        ed = verb[:-1] + "ied"
    elif _doubles(verb):
        ed = verb + verb[-1] + "ed"
    else:
        ed = verb + "ed"
    return (verb, ed)


def forms(predicate: str, *, base: bool = True) -> tuple[str, ...]:
    """The predicate as a line says it: its verb in the base, past and participle forms, the rest
    unchanged ("fall through" → fall through, fell through, fallen through); ``base``: keep the
    base form."""
    verb, _, rest = predicate.partition(" ")
    entry = _data()["predicates"].get(predicate, {})
    out = [f"{v} {rest}".strip() for v in verb_forms(verb, entry.get("past"))]
    return tuple(dict.fromkeys(out if base else out[1:]))


def surface(*senses: str, base: bool = True, bare_only: bool = True) -> tuple[str, ...]:
    """The inflected forms of the senses' predicates, longest first; ``bare_only``: only those whose bare
    word says nothing else (a reader that ties the words to what they act on may take them all)."""
    out = {f for p in predicates(*senses, bare_only=bare_only) for f in forms(p, base=base)}
    return tuple(sorted(out, key=lambda w: (-len(w), w)))


def no_show() -> tuple[str, ...]:
    """Set expressions of not turning up ("DNS", "no-show", "missed the …")."""
    return tuple(_data()["no_show"])


def alternation(words: tuple[str, ...] | frozenset[str]) -> str:
    """A regex alternation of phrases, any run of spaces between their words."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
