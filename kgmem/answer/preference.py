"""Preference answers built from what the user said they like and avoid, citing it.

"Any ideas for a weekend trip?" is answered with a suggestion that uses the user's stated likes in
the question's domain ("you love hiking and small coastal towns") and steers clear of their
dislikes — the lines come from the user's own actual statements, never a friend's taste.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kgmem.answer.evidence import EvidenceSet
from kgmem.answer.match import terms
from kgmem.answer.taste import read_taste

_LIKE_PREDICATES = ("likes", "hobby", "favourite_food", "favourite_music", "favourite_drink", "diet",
                    "favourite_sport", "plays_instrument")


@dataclass
class Preference:
    likes: list[str] = field(default_factory=list)
    dislikes: list[str] = field(default_factory=list)
    cited: list[str] = field(default_factory=list)
    turn_ids: list[str] = field(default_factory=list)
    fact_ids: list[str] = field(default_factory=list)


@dataclass
class _Stated:
    value: str
    like: bool
    relevance: float
    session_id: str
    cited: str
    turn_id: str
    fact_id: str | None = None


def _candidates(ev: EvidenceSet) -> list[_Stated]:
    """Every like/dislike the user stated (facts and actual lines), with its relevance."""
    result = ev.result
    out: list[_Stated] = []
    for f in result.all_facts.values():
        if f.speaker != "user" or f.invalid_at is not None or not f.value:
            continue
        if f.predicate not in (*_LIKE_PREDICATES, "dislikes") or not ev.fact_is_actual(f):
            continue
        tid = f.source_turn_ids[0] if f.source_turn_ids else ""
        rel = ev.turn_similarity(tid) + 20 * result.fact_scores.get(f.id, 0.0)
        out.append(_Stated(f.value, f.predicate != "dislikes", rel, f.session_id,
                           f"\"{f.text[:100]}\" (said {f.observed_at.date()})", tid, f.id))
    for line in ev.top:
        if line.role != "user" or line.actuality not in ("actual", "negated"):
            continue
        # "I'm a huge fan of heist movies, and dry British comedies crack me up": two likes
        for part in _PARTS.split(line.text):
            taste = read_taste(part)
            if taste is None or (taste[0] and line.actuality != "actual"):
                continue
            rel = ev.turn_similarity(line.turn_id) + 20 * line.score
            out.append(_Stated(taste[1], taste[0], rel, line.session_id,
                               f"\"{line.text[:100]}\" (said {line.said_at.date()})", line.turn_id))
    _by_meaning(ev, out)
    return out


_PARTS = re.compile(r",\s*(?:and|but|while|whereas)\s+|;\s*|\s+but\s+|\s+whereas\s+")


def _by_meaning(ev: EvidenceSet, cands: list[_Stated]) -> None:
    """A stated taste close in meaning to the question counts more ("what should I watch": heist
    movies, not the gym's coaches the same week)."""
    vecs = ev.result.embed([ev.result.plan.question] + [c.value for c in cands]) if cands else None
    if vecs is None:
        return
    for c, v in zip(cands, vecs[1:]):
        c.relevance += 0.5 * float(v @ vecs[0])


def stated_preferences(ev: EvidenceSet, limit: int = 3) -> Preference:
    """The user's likes and dislikes most relevant to the question: those stated in the session
    of the most relevant one first (people state a domain's tastes together), then others that
    are nearly as relevant."""
    cands = sorted(_candidates(ev), key=lambda c: -c.relevance)
    out = Preference()
    if not cands:
        return out
    top = cands[0]
    ordered = [c for c in cands if c.session_id == top.session_id] + \
              [c for c in cands if c.session_id != top.session_id and c.relevance >= top.relevance - 0.1]
    seen: set[str] = set()
    kept: list[set[str]] = []
    for c in ordered:
        key = " ".join(sorted(terms(c.value)))
        words = terms(c.value)
        if not key or key in seen or any(words <= k or k <= words for k in kept):
            continue  # "horror movies" and "horror movies though" are one dislike
        kept.append(words)
        bucket, cap = (out.likes, limit) if c.like else (out.dislikes, 2)
        if len(bucket) >= cap:
            continue
        seen.add(key)
        bucket.append(c.value)
        out.cited.append(c.cited)
        out.turn_ids.append(c.turn_id)
        if c.fact_id:
            out.fact_ids.append(c.fact_id)
    return out


def preference_answer(ev: EvidenceSet) -> tuple[str, Preference] | None:
    """A personalised suggestion from stated likes/dislikes, or ``None`` when none are known."""
    pref = stated_preferences(ev)
    if not pref.likes and not pref.dislikes:
        return _from_statements(ev)
    if not pref.likes:
        # only dislikes: the user's own relevant statements carry the suggestion (never an
        # announced idea with nothing after it, review7 H4), and the dislikes are steered clear of
        quoted = _from_statements(ev)
        avoid = f"I'd avoid {_join(pref.dislikes)}"
        if quoted is None:
            return f"Based on what you've told me, {avoid}.", pref
        text, from_lines = quoted
        pref.cited += from_lines.cited
        pref.turn_ids += from_lines.turn_ids
        return f"{text.rstrip('.')}, and {avoid}.", pref
    text = f"Based on what you've told me, you enjoy {_join(pref.likes)}, so I'd suggest something built around {pref.likes[0]}"
    if len(pref.likes) > 1:
        text += f" or {pref.likes[1]}"
    text += f", and I'd avoid {_join(pref.dislikes)}." if pref.dislikes else "."
    return text, pref


def _from_statements(ev: EvidenceSet) -> tuple[str, Preference] | None:
    """No like or dislike in so many words: the user's own most relevant statements, quoted, are
    what a suggestion can build on."""
    lines = sorted((ln for ln in ev.top if ln.role == "user" and ln.actuality == "actual" and _FIRST_PERSON.search(ln.text)),
                   key=lambda ln: -(ev.turn_similarity(ln.turn_id) + 20 * ln.score))[:2]
    if not lines:
        return None
    quotes = "; ".join(f"\"{ln.text.strip(' ()')}\"" for ln in lines)
    pref = Preference(cited=[f"\"{ln.text[:100]}\" (said {ln.said_at.date()})" for ln in lines],
                      turn_ids=[ln.turn_id for ln in lines])
    return f"Going by what you've told me ({quotes}), I'd suggest something in that spirit.", pref


_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|my|me)\b")


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
