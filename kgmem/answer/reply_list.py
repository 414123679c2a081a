"""Which of the options an assistant's reply listed a question asks about.

A reply that lists options ("1. La Sportiva … 2. Scarpa Origin …", "- Etsy: … - Shopify: …") is
asked about in three ways, tried in this order:

- by position: "which shoe did you put *second* on that list", "the name you suggested *first*";
- by the reply's own verdict, a sentence outside the list that picks one of the items in the first
  person ("For you I'd go with Shopify", "I'd use the permutation test");
- by meaning: "which hotel was *nearest* to the centre", "the flashcard one", "the walk for Ron" —
  the item closest in meaning to the question (its cosine plus the content words they share),
  clearly ahead of the next.

A question with a superlative ("nearest", "cheapest", "like most") asks by meaning before the
verdict: the cheapest is not always the recommended one. The answer is the item's name: its text up to the dash, colon or bracket that
starts its description.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from kgmem.answer.match import terms
from kgmem.text import SENTENCE_OR_LINE_GAP

#: a list item: a line opening with "1." / "2)" or a bullet
_ITEM = re.compile(r"^[ \t]*(?:\d{1,2}[.)]|[-•*–])[ \t]+(?P<body>\S.*)$", re.M)
#: where an item's name ends and its description starts
_NAME_END = re.compile(r"\s[-–—]\s|:\s|\s\(|,\s|\s+-\s*$")
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
             "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "last": -1}
#: an ordinal of time or of the speaker's own life is no position in a list ("last time",
#: "when I first started")
_ORDINAL = re.compile(r"(?<!\bI )(?<!\bwe )(?<!\bwhen )\b(?P<o>" + "|".join(_ORDINALS) +
                      r")\b(?!\s+(?:time|times|week|month|year|night|day|session|chat|conversation)\b)", re.I)
#: the reply picking one option in the first person
_VERDICT = re.compile(r"\b(?:I'd|I would|I'll|I will|I'd personally|I)\s+(?:(?!not\b|never\b|n't\b)\w+\s+)?(?:go with|go for|use|pick|choose|"
                      r"recommend|suggest|start with|try|get|buy|take|book|order)\b|\bmy (?:pick|choice|recommendation|"
                      r"vote)\b|\bbest bet\b", re.I)
#: superlatives that are words of their own (the rest are read by their ending, see superlative)
_SUPERLATIVE_WORDS = frozenset("most least best worst favourite favorite fave top".split())
_NOT_SUPERLATIVE = frozenset("interest test rest west guest forest request suggest digest honest modest "
                             "contest protest harvest chest nest pest quest arrest invest manifest "
                             "breakfast earnest".split())
#: how far the best item must lead the next by meaning to be the one asked about
MEANING_MARGIN = 0.03
#: what each content word shared with the question adds (a word every item has adds to all alike)
SHARED_WORD_BONUS = 0.1


@dataclass(frozen=True)
class Item:
    """One listed option: its whole line and its name."""

    text: str
    name: str
    position: int  # 1-based


def list_items(reply: str) -> list[Item]:
    """The options a reply lists (none when it lists fewer than two)."""
    items: list[Item] = []
    for m in _ITEM.finditer(reply):
        body = m.group("body").strip()
        cut = _NAME_END.search(body)
        name = (body[:cut.start()] if cut and cut.start() > 1 else body).strip(" .;:'\"")
        items.append(Item(body, name, len(items) + 1))
    return items if len(items) >= 2 else []


def ordinal(question: str) -> int | None:
    """The list position a question names ("second" 2, "last" -1), if any."""
    m = _ORDINAL.search(question)
    return _ORDINALS[m.group("o").lower()] if m else None


def superlative(text: str) -> bool:
    """Whether a text states a superlative ("nearest", "like most", "their favourite")."""
    words = re.findall(r"[a-z]+", text.lower())
    return any(w in _SUPERLATIVE_WORDS or (len(w) > 5 and w.endswith("est") and w not in _NOT_SUPERLATIVE)
               for w in words)


def _forms(name: str) -> list[str]:
    """How a verdict may name an item: whole, without its article, or up to a preposition
    ("A permutation test on the difference in means": "permutation test")."""
    bare = re.sub(r"^(?:a|an|the)\s+", "", name.lower())
    short = re.split(r"\s+(?:on|for|with|in|of|from|by|at|to)\s+", bare)[0]
    return [f for f in {name.lower(), bare, short} if len(f) >= 3]


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[\w'-]+", text.lower()) if w not in ("a", "an", "the", "and", "or", "of")}


def _by_distinctive_words(sent: str, items: list[Item]) -> list[Item]:
    """A verdict naming an item by a short form ("the Tojiro DP", "the Crowne Plaza NEC"): the item
    sharing the most words with the sentence that no other item's name has (a unique maximum)."""
    names = [_words(it.name) for it in items]
    said = _words(sent)
    counts = [len((n - set().union(*(o for j, o in enumerate(names) if j != i))) & said) for i, n in enumerate(names)]
    best = max(counts)
    return [items[counts.index(best)]] if best >= 1 and counts.count(best) == 1 else []


def _verdict(reply: str, items: list[Item]) -> Item | None:
    """The one item a first-person verdict outside the list names."""
    outside = _ITEM.sub(" ", reply)
    for sent in SENTENCE_OR_LINE_GAP.split(outside):
        if not _VERDICT.search(sent):
            continue
        named = [it for it in items if any(f in sent.lower() for f in _forms(it.name))]
        if not named:
            named = _by_distinctive_words(sent, items)
        if len(named) == 1:
            return named[0]
    return None


def _by_meaning(question: str, items: list[Item],
                embed: Callable[[Sequence[str]], np.ndarray | None]) -> Item | None:
    vecs = embed([question] + [it.text for it in items])
    if vecs is None:
        return None
    asked = terms(question)
    scores = [float(v @ vecs[0]) + SHARED_WORD_BONUS * len(asked & terms(it.text))
              for v, it in zip(vecs[1:], items, strict=True)]
    order = sorted(range(len(items)), key=lambda i: -scores[i])
    if scores[order[0]] - scores[order[1]] < MEANING_MARGIN:
        return None
    return items[order[0]]


def pick(question: str, reply: str, embed: Callable[[Sequence[str]], np.ndarray | None]) -> Item | None:
    """The listed option the question asks about, or ``None`` (no list, or no clear pick)."""
    items = list_items(reply)
    if not items:
        return None
    n = ordinal(question)
    if n is not None and abs(n) <= len(items):
        return items[n - 1] if n > 0 else items[-1]
    if superlative(question):
        return _by_meaning(question, items, embed) or _verdict(reply, items)
    return _verdict(reply, items) or _by_meaning(question, items, embed)
