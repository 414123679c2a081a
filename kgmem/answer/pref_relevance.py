"""A liking found by relevance, not by its wording (pf31, issue #14 point 3).

People mention what they care about as plain reports of their life: "back at the bouldering wall for the third time
this week", "lost the whole of Sunday to a jigsaw again", "my partner says I talk about sourdough in my sleep". No taste
frame reads such a line and no fond bank does (:mod:`kgmem.answer.pref_meaning`: MiniLM cannot tell the warmth of a
report from a chore's or a complaint's); what makes it the answer's ground is that it is the user's own line about the
very thing asked for. When a preference question finds no liking of its domain, the user's own statement most similar
in meaning to the question, and of the question's domain, is read as the context the suggestion must honour, and its
thing (the phrase of the line nearest the question's domain) is built on.

The line gates are those of the meaning reader, made stricter where no wording vouches for the liking: the speaker's
own actual statement (no question, no order, no one else's doing), no negation, no obligation, nothing told as over,
and no verdict on the thing as the clause's subject ("CrossFit was a nightmare", "Oxford Street is my idea of hell":
a thing judged, either way, is no habit of the user's).
"""

from __future__ import annotations

import re

from kgmem.answer.evidence import EvidenceSet, Line
from kgmem.answer.pref_domains import DomainView
from kgmem.answer.pref_meaning import readable, things
from kgmem.answer.pref_stated import Stated
from kgmem.answer.stale import stale
from kgmem.lexicon.people import USER_SUBJECTS
from kgmem.nlp import has_user_possessor, load_nlp

#: the least cosine of the question to the line read, and how far below the best line a second one may be
FLOOR = 0.20
SECOND = 0.08
#: a line of the question's domain is at least this near it (the floor of a stated taste's sentence)
LINE_DOMAIN = 0.0
#: a negation, an obligation or a wish not had: the line tells no liking it holds
_DENIED = re.compile(r"\b(?:not|never|no\s+longer|hardly|nothing|none)\b|(?<=\w)n't\b|"
                     r"\b(?:(?:have|has|had|having|need|needs|got)\s+to|must|(?:supposed|meant|made)\s+to|should)\b|"
                     r"\b(?:makes?|has|have|keeps?)\s+(?:me|trying)\b|\b(?:wants?|wish|hope)\b|\b(?:gone|went)\s+off\b", re.I)
#: copulas of a verdict ("X was a nightmare", "X is my idea of hell")
_VERDICT_HEADS = frozenset({"be"})


def judged(text: str) -> bool:
    """Whether the line's main clause passes a verdict on a thing other than the speaker: a copula whose subject is no
    person or thing of the speaker's ("The steakhouse was overpriced", "Zumba at the leisure centre was chaos"; not
    "my shelves are full of old paperbacks")."""
    doc = load_nlp()(text)
    for root in (t for t in doc if t.dep_ == "ROOT"):
        subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
        # (the speaker's own things are no verdict: "my shelves are full of old paperbacks")
        if root.lemma_ in _VERDICT_HEADS and subj and all(s.lower_ not in USER_SUBJECTS and not has_user_possessor(s)
                                                             for s in subj):
            return True
    return False


def _own(ln: Line) -> bool:
    return ln.actuality == "actual" and readable(ln.text) and not _DENIED.search(ln.text) and not judged(ln.text)


def liked_by_relevance(ev: EvidenceSet, view: DomainView, skip: set[str]) -> list[Stated]:
    """The user's own lines most similar to the question and of its domain, each with its thing, as likes (at most
    two: the best, and one within :data:`SECOND` of it); none when the best is under :data:`FLOOR`. ``skip``: lines
    already read (a dislike, a constraint): a line holding one of them is not read."""
    if not view.wanted:
        return []
    lines = [ln for ln in ev.all_user_lines() if not any(k and k in ln.text for k in skip)]
    sims = ev.line_similarity(lines)
    ranked = sorted(((sims.get((ln.turn_id, ln.position), 0.0), ln) for ln in lines), key=lambda x: -x[0])
    ranked = [(s, ln) for s, ln in ranked[:8] if s >= FLOOR]
    fits = view.fit([ln.text for _, ln in ranked], floor=LINE_DOMAIN) if ranked else []
    ranked = [(s, ln) for (s, ln), f in zip(ranked, fits) if f > 0]
    out: list[Stated] = []
    for s, ln in ranked:
        if out and (s < ranked[0][0] - SECOND or len(out) >= 2):
            break
        if not _own(ln):
            continue
        thing = _thing(ln.text, view)
        if thing is None or stale(ln.text, thing):
            continue
        out.append(Stated(thing, True, s, ln.session_id, f"\"{ln.text[:100]}\" (said {ln.said_at.date()})", ln.turn_id,
                          quote=ln.text))
    return out


def _thing(text: str, view: DomainView) -> str | None:
    """The phrase of the line nearest the question's domain (the longest of those as near), or ``None``."""
    phrases = [p for _, _, p in things(text)]
    if not phrases:
        return None
    fits = view.fit(phrases, floor=0.0)
    best = max(fits)
    if best <= 0:
        return None
    return max((p for p, f in zip(phrases, fits) if f >= best - 0.02), key=len)
