"""Preference answers built from what the user said they like and avoid, citing it.

"Any ideas for a weekend trip?" is answered with a suggestion that uses the user's stated likes in
the question's domain ("you love hiking and small coastal towns") and steers clear of their
dislikes — the lines come from the user's own actual statements, never a friend's taste.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kgmem.answer.evidence import EvidenceSet, Line
from kgmem.answer.match import terms
from kgmem.answer.pref_clash import clashes
from kgmem.answer.pref_domains import DOMAIN_FLOOR, DomainView, domain_names
from kgmem.answer.pref_meaning import stated_by_meaning, told_fondly
from kgmem.answer.pref_offer import built_on_likes, offer, offer_parts
from kgmem.answer.pref_reading import asked_tastes
from kgmem.answer.pref_reasons import (
    FIT_MARGIN,
    TASTE_FLOOR,
    Reason,
    as_diet,
    clauses,
    ended,
    join_reasons,
    keeps_a_diet,
    liked_thing,
    reasons_from,
    restrictions,
    states_constraint,
)
from kgmem.answer.pref_relevance import liked_by_relevance
from kgmem.answer.pref_stated import Stated, candidates
from kgmem.answer.pref_whose import for_the_user, guest_occasions, holders
from kgmem.answer.taste import read_taste
from kgmem.models import Intent
from kgmem.retrieval.question import asks_for_suggestion
from kgmem.retrieval.requests import requested_by_meaning

#: the food domain's place in the domains' order (domains.json)
_FOOD = domain_names().index("food")


@dataclass
class Preference:
    likes: list[str] = field(default_factory=list)
    dislikes: list[str] = field(default_factory=list)
    cited: list[str] = field(default_factory=list)
    turn_ids: list[str] = field(default_factory=list)
    fact_ids: list[str] = field(default_factory=list)
    #: the user's own sentences that state them, most relevant first
    quotes: list[str] = field(default_factory=list)


def stated_preferences(ev: EvidenceSet, limit: int = 3, view: DomainView | None = None) -> Preference:
    """The user's likes and dislikes most relevant to the question: those stated in the session
    of the most relevant one first (people state a domain's tastes together), then others that
    are nearly as relevant. With ``view``, only those whose thing or sentence speaks about the
    question's domain ("latte art" is no answer to "something quick for dinner"), the likings told
    in words no frame reads included (:mod:`kgmem.answer.pref_meaning`)."""
    # a taste told in passing beside another request ("(side note: …)") is seldom near the question's words: with the
    # question's domain known, every line is read and the domain's meaning keeps the tastes that speak about it
    domained = view is not None and bool(view.wanted)
    cands = candidates(ev, everywhere=domained)
    if domained:
        assert view is not None
        # (a line only a stored fact read is read by meaning too: "True crime podcasts keep me company" stored no liking
        # of "company" that its line tells fondly)
        by_fact = {c.quote for c in cands if c.fact_id} - {c.quote for c in cands if not c.fact_id}
        read = {c.quote for c in cands} - by_fact
        fits = view.fit([c.value for c in cands] + [c.quote or c.value for c in cands], floor=TASTE_FLOOR)
        # (its sentence speaks for a thing only where the thing itself speaks about no other domain)
        away = view.elsewhere([c.value for c in cands])
        cands = [c for k, c in enumerate(cands) if fits[k] or (fits[len(cands) + k] and not away[k])]
        # the lines no frame or fact read ("every plan I make somehow involves 80s synthpop"), read by meaning for the
        # question's domain
        cands += _overruling(ev, cands, stated_by_meaning(ev, view, read), by_fact)
    in_domain = domained and bool(cands)
    cands = sorted(cands, key=lambda c: -c.relevance)
    out = Preference()
    if not cands:
        return out
    top = cands[0]
    # every taste of the question's domain counts, from whichever session (a book loved in January and gore refused in
    # June both shape a holiday read); without a domain, only those near the most relevant one
    ordered = [c for c in cands if c.session_id == top.session_id] + \
              [c for c in cands if c.session_id != top.session_id and (in_domain or c.relevance >= top.relevance - 0.1)]
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
        quote = c.quote.strip(" ()\"")
        if quote and quote not in out.quotes and len(quote) <= 240:
            out.quotes.append(quote)
        out.cited.append(c.cited)
        out.turn_ids.append(c.turn_id)
        if c.fact_id:
            out.fact_ids.append(c.fact_id)
    return out


def _overruling(ev: EvidenceSet, cands: list[Stated], meant: list[Stated], by_fact: set[str]) -> list[Stated]:
    """The likings read by meaning to add to ``cands``: of a line only a stored fact read, the meaning reader's thing
    replaces the fact's value when the line does not tell that value fondly (the fact is dropped from ``cands``), and
    is left out when it does."""
    again = {m.quote: m for m in meant if m.quote in by_fact}
    if not again:
        return meant
    embedder = ev.result.embedder
    model = f"{embedder.name}:{embedder.dim}" if embedder is not None else None
    kept = {c.quote for c in cands if c.quote in again and (not c.like or c.value.casefold() in
                                                            again[c.quote].value.casefold() or
                                                            told_fondly(c.quote, c.value, ev.result.embed, model))}
    cands[:] = [c for c in cands if c.quote not in again or c.quote in kept]
    return [m for m in meant if m.quote not in kept]


def constraint_reasons(ev: EvidenceSet, view: DomainView) -> list[Reason]:
    """The constraints the user stated about the question's domain (see
    :mod:`kgmem.answer.pref_reasons`), the clearest first. Only the clauses the cheap reading finds
    a constraint in are embedded."""
    return domain_constraints(ev, view)[0]


def domain_constraints(ev: EvidenceSet, view: DomainView) -> tuple[list[Reason], list[Reason]]:
    """:func:`constraint_reasons`, and every constraint stated about the question's domain (not only
    the clearest): a suggestion must honour them all ("I've been lactose intolerant for years" though
    "no milk in anything" speaks about food more clearly). Someone else's count only where the
    question is about them or a group with them (:func:`kgmem.answer.pref_reasons.for_the_user`)."""
    if not view.wanted:
        return [], []
    question = ev.result.plan.question
    by_turn: dict[str, list[Line]] = {}
    for ln in ev.all_user_lines():
        by_turn.setdefault(ln.turn_id, []).append(ln)
    # (the cheap reading over every line; the parse only for the clauses that speak about the domain, below)
    stated = [(ln, c) for ln in ev.all_user_lines() for c in clauses(ln.text) if states_constraint(c, parsed=False)]
    if not stated:
        return [], []
    # a clause speaks about the question's domain by itself, or in its line, or with the lines around
    # it in the turn ("little Zoë has a nut allergy" is about food because the lines around it are)
    windows = [" ".join(n.text for n in by_turn[ln.turn_id] if abs(n.position - ln.position) <= 1) for ln, _ in stated]
    # (with the lower floor of a stated taste for the constraints to honour: "I've been lactose
    # intolerant for years" is closest to food, though less clearly than a meal is)
    fits = view.fit([c for _, c in stated] + [ln.text for ln, _ in stated] + windows, floor=TASTE_FLOOR)
    n = len(stated)
    fit = [max(fits[k], fits[n + k], fits[2 * n + k]) for k in range(n)]
    if _FOOD in view.wanted:
        # a diet, allergy or condition is about food whatever its words are near ("my father-in-law is coeliac")
        top = max([DOMAIN_FLOOR, *fit])
        fit = [top if f == 0 and keeps_a_diet(c) else f for f, (_, c) in zip(fit, stated)]
    # the guests the user told of anywhere, each with the occasion they come to (not only in the constraint's turn)
    occasions = guest_occasions(tuple(ln.text for ln in ev.all_user_lines()))
    kept = sorted(((f, ln, c) for f, (ln, c) in zip(fit, stated) if f > 0 and states_constraint(c) and
                   _theirs_counts(ln, c, by_turn, question, occasions)),
                  key=lambda x: -x[0])
    when = {ln.turn_id: ln.said_at.date().isoformat() for ln, _ in stated}
    everything = reasons_from([(ln.turn_id, c) for _, ln, c in kept], limit=len(kept), when=when)
    kept = [k for k in kept if k[0] >= DOMAIN_FLOOR]
    kept = [k for k in kept if k[0] >= kept[0][0] - FIT_MARGIN] if kept else []
    return reasons_from([(ln.turn_id, c) for _, ln, c in kept], when=when), everything


def _theirs_counts(ln: Line, clause: str, by_turn: dict[str, list[Line]], question: str,
                   occasions: dict[str, frozenset[str]]) -> bool:
    """Whether the clause's taste or constraint is a reason for this question: the user's own, or
    someone else's when the question is about them or a group with them (:func:`for_the_user`)."""
    turn = sorted(by_turn[ln.turn_id], key=lambda n: n.position)
    k = next(i for i, n in enumerate(turn) if n.position == ln.position)
    row = holders(tuple(n.text for n in turn[:k + 1]))
    parts = clauses(ln.text)
    holder = row[parts.index(clause)] if clause in parts else None
    return for_the_user(holder, question, occasions if holder else None)


def preference_answer(ev: EvidenceSet) -> tuple[str, Preference] | None:
    """A personalised suggestion from the likes, dislikes and constraints the user stated about the
    question's domain, citing the user's own words, or ``None`` when the user stated nothing to
    build on."""
    embedder = ev.result.embedder
    # the domains' centroids are cached per process by the embedder's name and dimension
    model = f"{embedder.name}:{embedder.dim}" if embedder is not None else None
    view = DomainView(ev.result.plan.question, ev.result.embed, model)
    pref = stated_preferences(ev, view=view)
    reasons, every = domain_constraints(ev, view)
    # "I used to be veggie": said back only if it still holds (the constraints of ``every`` are checked where they
    # would keep something out: :func:`restrictions`)
    reasons = [r for r in reasons if not ended(r)]
    # a taste the question itself states ("im craving pizza, what should i order") is what is asked for:
    # built on first, and never left out for a constraint (the constraint qualifies it instead)
    asked = asked_tastes(ev.result.plan.question)
    pref.likes = asked + [v for v in pref.likes if v.casefold() not in {a.casefold() for a in asked}][:3 - len(asked)]
    loose = stated_preferences(ev) if not pref.likes and not pref.dislikes and not reasons else None
    if not pref.likes and (loose is None or not loose.likes) and liked_thing(reasons) is None:
        # no liking in any taste's words (a reason naming a liked thing is one): the user's own line most like the
        # question, of its domain, is built on
        _add_likes(pref, liked_by_relevance(ev, view, set(pref.quotes) | {r.source.strip(' ()"') for r in every}))
    if not pref.likes and not pref.dislikes and not reasons:
        # nothing speaks about the question's domain by its examples (they may not cover it): the
        # most relevant tastes whatever their domain, or the user's own most relevant statements
        return _by_relevance(ev, loose if loose is not None else stated_preferences(ev))
    said = _said(pref)
    pref.turn_ids += [r.turn_id for r in reasons if r.turn_id not in pref.turn_ids]
    pref.cited += [f"\"{r.source[:100]}\"" for r in reasons]
    kept_out = restrictions(every)
    # a diet read as a like ("you enjoy vegan") is a constraint to honour, not a thing to build on
    diets = [d for d in map(as_diet, pref.likes) if d is not None]
    pref.likes = [v for v in pref.likes if as_diet(v) is None]
    kept_out = [d for d in diets if d.label not in {k.label for k in kept_out}] + kept_out
    # a taste a constraint keeps out ("cheese" for a lactose-intolerant user) is not built on: the
    # constraint wins, and the answer says so
    clash = [c and v not in asked for v, c in zip(pref.likes, clashes(pref.likes, kept_out, ev.result.embed))]
    left_out = [v for v, c in zip(pref.likes, clash) if c]
    pref.likes = [v for v, c in zip(pref.likes, clash) if not c]
    note = f" (I've left out {_join(left_out)}: it doesn't fit that)" if left_out else ""
    # the thing offered is of the kind asked for, described in the user's words (kgmem.answer.pref_offer)
    # (the dislikes the answer says after "I'd avoid": all of them with likes, else those no reason says)
    avoided = pref.dislikes if pref.likes else \
        [d for d in pref.dislikes if not any(d.casefold() in r.text.casefold() for r in reasons)]
    head, describing, counted, shown = offer_parts(ev.result.plan, view, reasons, kept_out, avoided)
    if pref.likes:
        # a reason that only restates a like or dislike named in the sentence is left out
        named = {v.casefold() for v in pref.likes + pref.dislikes + left_out}
        extra = [r for r in reasons if not (r.taste and (t := read_taste(r.source)) and t[1].casefold() in named)]
        text = built_on_likes(pref.likes, shown, head, describing, counted)
        text += f"; it should also fit what you've told me: {join_reasons(extra)}" if extra else ""
        text += f", and I'd avoid {_join(pref.dislikes)}" if pref.dislikes else ""
        return f"{text}{note}{said}.", pref
    if left_out:
        # a reason that only restates a like the constraints keep out is not said back as one
        gone = {v.casefold() for v in left_out}
        reasons = [r for r in reasons if not (r.taste and (t := read_taste(r.source)) and t[0] and t[1].casefold() in gone)]
    if reasons or kept_out:
        # the dislikes the reasons already say are not said again
        avoid = [d for d in pref.dislikes if not any(d.casefold() in r.text.casefold() for r in reasons)]
        pick = liked_thing(reasons)
        pick = None if pick and any(clashes([pick], kept_out, ev.result.embed)) else pick
        offered = offer(head, describing, shown, pick, counted)
        told = f" that fits what you've told me: {join_reasons(reasons)}" if reasons else \
            f" that fits your diet ({_join([k.label for k in kept_out])})"
        text = f"I'd suggest {offered}{told}"
        text += f", and I'd avoid {_join(avoid)}" if avoid else ""
        return f"{text}{note}{'' if reasons else said}.", pref
    # only dislikes, and no constraint of the domain besides them
    return f"Based on what you've told me, I'd suggest something without {_join(pref.dislikes)}{said}.", pref


def _add_likes(pref: Preference, found: list[Stated]) -> None:
    """Likes found by relevance (:mod:`kgmem.answer.pref_relevance`), quoted first."""
    pref.likes += [c.value for c in found]
    pref.quotes[:0] = [c.quote.strip(' ()"') for c in found if c.quote.strip(' ()"') not in pref.quotes]
    pref.cited += [c.cited for c in found]
    pref.turn_ids += [c.turn_id for c in found]


def _said(pref: Preference) -> str:
    """The user's own words the suggestion cites, as a parenthesis ("" when none)."""
    return f" (you told me: {'; '.join(f'{chr(34)}{q}{chr(34)}' for q in pref.quotes[:2])})" if pref.quotes else ""


def _by_relevance(ev: EvidenceSet, pref: Preference) -> tuple[str, Preference] | None:
    """The suggestion when nothing the user said speaks about the question's domain by its examples:
    built from the most relevant tastes whatever their domain (the answer of session 12's code)."""
    if not pref.likes and not pref.dislikes:
        return _from_statements(ev)
    said = _said(pref)
    if not pref.likes:
        # only dislikes: the user's own statements close to the question carry the suggestion (never
        # an announced idea with nothing after it, review7 H4), the dislikes are steered clear of
        quoted = _from_statements(ev, floor=ADVICE_FLOOR, skip=set(pref.quotes))
        if quoted is None:
            return f"Based on what you've told me, I'd suggest something without {_join(pref.dislikes)}{said}.", pref
        text, from_lines = quoted
        pref.cited += from_lines.cited
        pref.turn_ids += from_lines.turn_ids
        return f"{text.rstrip('.')}, and I'd avoid {_join(pref.dislikes)}{said}.", pref
    text = built_on_likes(pref.likes)
    text += f", and I'd avoid {_join(pref.dislikes)}" if pref.dislikes else ""
    return f"{text}{said}.", pref


def _from_statements(ev: EvidenceSet, floor: float | None = None,
                     skip: set[str] | None = None) -> tuple[str, Preference] | None:
    """No like or dislike in so many words: the user's own most relevant statements, quoted, are
    what a suggestion can build on (with ``floor``: only lines at least that close in meaning to
    the question; ``skip``: lines already quoted)."""
    lines = [ln for ln in ev.top if ln.role == "user" and ln.actuality == "actual" and _FIRST_PERSON.search(ln.text)
             and ln.text.strip(' ()"') not in (skip or set())]
    if floor is not None:
        sims = ev.line_similarity(lines)
        lines = [ln for ln in lines if sims.get((ln.turn_id, ln.position), 0.0) >= floor]
    lines = sorted(lines, key=lambda ln: -(ev.turn_similarity(ln.turn_id) + 20 * ln.score))[:2]
    if not lines:
        return None
    quotes = "; ".join(f"\"{ln.text.strip(' ()')}\"" for ln in lines)
    pref = Preference(cited=[f"\"{ln.text[:100]}\" (said {ln.said_at.date()})" for ln in lines],
                      turn_ids=[ln.turn_id for ln in lines])
    return f"Going by what you've told me ({quotes}), I'd suggest something in that spirit.", pref


_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|my|me)\b")

_ABOUT_THE_PAST = re.compile(r"\b(?:did|had)\s+(?:you|i|we)\b|\byou\s+(?:suggested|recommended|said|told|mentioned)\b|"
                             r"\b(?:remind|again|last\s+time|earlier)\b", re.I)
#: the least cosine of the question to a cited line for an advice answer outside the preference intent
ADVICE_FLOOR = 0.35


def asks_for_advice(question: str) -> bool:
    """Whether a question asks for a suggestion now, whatever intent the planner gave it ("what should
    I use …", "any ideas", "pick me a …": the planner's own preference rule), never a question about
    advice already given ("what did you recommend")."""
    return asks_for_suggestion(question) and not _ABOUT_THE_PAST.search(question)


def advice_answer(ev: EvidenceSet) -> tuple[str, Preference] | None:
    """A suggestion for an advice request that the planner did not read as a preference question,
    only where a line the answer cites is close in meaning to the question (the user said something
    relevant); ``None`` otherwise (also when the question asks for no advice), and the question takes
    its usual path."""
    if not asks_for_advice(ev.result.plan.question):
        return None
    built = preference_answer(ev)
    if built is None:
        return None
    lines = [ln for ln in ev.all_user_lines() if ln.turn_id in set(built[1].turn_ids)]
    sims = ev.line_similarity(lines)
    best = max((sims.get((ln.turn_id, ln.position), 0.0) for ln in lines), default=0.0)
    return built if best >= ADVICE_FLOOR else None


def suggestion(ev: EvidenceSet, *, abstains: bool, direct: bool) -> tuple[str, Preference, dict[str, str]] | None:
    """The preference path of a reply without a larger model: a preference question's suggestion, or
    a suggestion for advice asked as another intent where the reply would otherwise abstain or hedge
    (``direct``: a value that itself answers was extracted); with what to report as ``via``.
    A preference question is never abstained on (:func:`kgmem.answer.abstain.decide`), so this runs
    before the abstention."""
    if ev.result.plan.intent == Intent.PREFERENCE:
        built = preference_answer(ev)
        return (built[0], built[1], {}) if built is not None else None
    embedder = ev.result.embedder
    if requested_by_meaning(ev.result.plan.question, ev.result.embed,
                            f"{embedder.name}:{embedder.dim}" if embedder is not None else None):
        # a request for a suggestion in words no rule of the planner reads ("what should be playing?"): answered as one
        built = preference_answer(ev)
        if built is not None:
            return built[0], built[1], {"via": "request by meaning"}
    if not abstains and direct:
        return None
    advice = advice_answer(ev)
    return (advice[0], advice[1], {"via": "advice request"}) if advice is not None else None


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
