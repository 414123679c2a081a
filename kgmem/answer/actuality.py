"""What a user's sentence is: the user's own actual event or state, a plan, a no, a request, or
someone else's doing — and the sentence cut into clauses where its parts differ ("I finished my
pottery course three days ago, and next month I'm going to start a watercolour class").

Whose doing it is comes from the parse (:mod:`kgmem.answer.subjects`); openers are stripped with
the one list of :mod:`kgmem.lexicon.discourse`. :mod:`kgmem.answer.evidence` reads these for every
line it builds.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache

from kgmem import temporal
from kgmem.answer.subjects import may_be_someone_elses, someone_else
from kgmem.lexicon.discourse import strip_openers
from kgmem.lexicon.people import USER_POSSESSIVES, own_life_people
from kgmem.lexicon.people import words as people_words

#: first-person words: a line that has one speaks of the user ("They discharged me")
FIRST_PERSON = re.compile(r"\b(I|I'm|I've|I'd|I'll|me|my|mine|myself|we|we've|we're|our|us)\b", re.I)
_NEGATED = re.compile(
    r"\b(?:didn't|did\s+not|never|haven't|have\s+not|hasn't|wasn't|weren't|not\s+yet|no\s+longer|"
    r"(?:almost|nearly)\b.{0,60}\bbut\b|(?:was|were)\s+(?:meant|supposed)\s+to\b[^.;!?]{0,80}\bbut\b|decided\s+(?:not|against)|passed\s+on|but\s+passed|skipped|cancel+ed|"
    r"couldn't\s+make|didn't\s+make|(?:returned|gave\s+back|took\s+back|sent\s+back)\b[^.]*\b(?:unread|unopened|unused|"
    r"unworn|without\s+(?:reading|using|wearing|opening))|ended\s+up\s+not|backed\s+out|changed\s+my\s+mind|returned\s+it|"
    r"not\s+for\s+me|rather\s+skip|without\s+buying|(?:walked|came|went|left)\s+(?:out|away|off|home)\s+(?:empty-handed|without)\b|instead\s+of\s+buying|talked\s+myself\s+out|"
    r"but\s+I\s+passed|I\s+passed\s+on|turned\s+(?:it|them|him|her)\s+down|said\s+no|tried\s+to\s+sell\s+me)", re.I)
#: a no that tells the thing was done ("we saw Wicked and I haven't stopped humming", "couldn't put it down",
#: "the washing machine hasn't stopped since",
#: "Hungover from the christening, never again"): the stopping, the putting down or a repeat is what is denied
_AFFIRMING = re.compile(
    r"\b(?:didn't|did\s+not|haven't|have\s+not|hasn't|has\s+not|never|can't|cannot|couldn't|could\s+not|won't)\s+"
    r"(?:\w+\s+)?(?:stop(?:ped)?\s+(?:\w+ing|since)\b|put\s+(?:it|them|the\s+\w+)\s+down\b|get\s+enough\b|regret(?:ted)?\b)|"
    r"\bnever\s+(?:ever\s+)?again\b", re.I)


def _no(s: str) -> re.Match[str] | None:
    """The first word that makes ``s`` a no (:data:`_NEGATED`), a no that tells the thing was done left out."""
    return _NEGATED.search(_AFFIRMING.sub(" ", s))


_PLAN = re.compile(
    r"\b(?:thinking\s+(?:about|of)|planning\s+(?:to|on)|plan\s+to|"
    # "going to" + a verb is a plan, and so is "going to" + a place ("going to a wedding in June"), unless the
    # sentence tells a habit of now ("I'm going to the office by tram these days"), or the way the user gets to
    # work ("I'm going to the office by tram and it feels great": a commute; a day ahead still makes a plan)
    r"(?<!been\s)going\s+to(?!\s+(?:the|a|an|my|our|work|school)\b(?=.*\b(?:these\s+days|nowadays|lately|"
    r"every\s+(?:day|morning|week)|most\s+days|daily)\b))"
    # ("going to work on my novel" is a plan: "work on" is a doing, so after a bare "work" only "by" tells the way)
    r"(?!\s+(?:(?:work|school|uni)\s+by|(?:the|my)\s+(?:office|workplace|campus|site|studio)\s+(?:by|on))\s)|"
    r"gonna|want\s+to|wanna|wants?\s+(?:me|us)\s+to|"  # someone's wish for the user is no doing yet
    r"would\s+love|I'd\s+love|I\s+would\s+like|I'd\s+like|hope\s+to|hoping\s+to|someday|some\s+day|one\s+day|"
    r"might|may\s+(?:go|get|buy|try)|considering|consider|(?:is|it's|are|still|been)\s+on\s+my\s+(?:list|wishlist|radar)|"
    r"keep\s+meaning|"
    # a thing still to arrange is not done ("I really need to book a dentist appointment myself, it's been years")
    r"(?:need|needs|have|has|'ve|got)\s+to\s+(?:book|make|schedule|arrange|sort\s+out|get\s+round\s+to)|"
    r"tempted|undecided|still\s+deciding|should\s+I|if\s+I|whether\s+to|next\s+(?:year|month|week|time)|"
    r"wish(?:list)?|dream(?:ing)?\s+of|eventually|looking\s+(?:at|into)\s+(?!(?:my|the)\s+(?:photos|receipt))|"
    # being booked in is an arrangement for a day to come ("I'm booked in to have my wisdom teeth out on the 30th")
    r"(?:am|'m|are|'re|is|'s)\s+(?:all\s+)?booked\s+(?:in\s+)?(?:to|for|on)|"
    # a thing not till a later day is still to come ("the race itself isn't till October")
    r"(?:isn't|is\s+not|aren't|are\s+not|'s\s+not)\s+(?:till|until)|"
    r"about\s+to|will\s+be|I'll|we'll|scheduled|booked\s+for|upcoming|tomorrow|next\s+\w+day)\b", re.I)
_REQUEST = re.compile(
    r"^\W*(?:can|could|would|will|how|what|why|which|where|who|when|is|are|do|does|should|please|help|tell|"
    r"give|write|explain|suggest|recommend|any\s+tips|any\s+ideas|i\s+need\s+(?:a|some|help)|i\s+want\s+(?:a|some|to\s+know)|"
    r"i'd\s+like\s+(?:a|some|to\s+know)|quick\s+question|let's|lets)\b", re.I)

_TITLE = re.compile(r"(?<=\w\s)(?:[A-Z][\w'’-]*\s+){1,6}[A-Z][\w'’-]*")
#: the user taking part in a doing (a possessive, "my flatmate Rosa", is no part in hers)
_USER_PART = re.compile(r"\b(?:I|I'm|I've|I'd|I'll|me|we|we've|we're|we'd|us|myself|ourselves)\b", re.I)
#: a clause's opening words that name no one: its doer is a role ("The dentist pulled that wisdom tooth")
_NO_ONE = {"the", "a", "an", "this", "that", "these", "those", "it", "there", "their", "his", "her", "its"}


def _own_life(clause: str) -> bool:
    """Someone else's clause told of a person with a life of their own, the user taking no part in
    it: one of theirs ("my flatmate Rosa", "our son") or a name ("Pablo went …"), not a role doing a
    thing for the user ("The builders ripped the old kitchen out", "The dentist put me on …")."""
    if _USER_PART.search(clause):
        return False
    words = re.findall(r"[A-Za-z][\w'-]*", clause)
    if not words:
        return False
    lives = _lives_of_their_own()
    if words[0].lower() in USER_POSSESSIVES and len(words) > 1:
        return any(w.lower() in lives or w.lower().rstrip("s") in lives for w in words[1:3])
    if words[0].lower() in ("the", "a", "an", "this", "that", "one") and len(words) > 1:
        # "The customer cancelled her order", "one of my customers left a review": someone the user serves
        return any(w.lower().rstrip("s") in people_words("clientele") for w in words[1:4])
    return words[0][0].isupper() and words[0].lower() not in _NO_ONE and words[0].lower() not in lives


@lru_cache(maxsize=1)
def _lives_of_their_own() -> frozenset[str]:
    """Kin, partners and friends, and the people the user serves (a client, a customer, a tenant): their doings are
    their own, unlike those of a role or a service that serves the user."""
    return own_life_people() | people_words("clientele")


def done_for_the_user(sentence: str) -> bool:
    """Someone else's sentence whose doer is a service the user engaged, named by its role ("The builders started
    ripping out the old kitchen on Monday", "the vet took her stitches out"): the user's own event, told through
    whoever did the work (kin, friends and named people have lives of their own, and so do the people the user serves:
    "The customer cancelled her order" is the customer's deed, the lexicon's "clientele", not a role that serves)."""
    m = re.match(r"^\W*(?:the|our|my)\s+([a-z-]+)\b", strip_openers(sentence.strip()), re.I)
    return m is not None and m.group(1).lower().removesuffix("s") in people_words("roles", "services")


#: a sentence opening with a third person ("He drove me", "Their dog")
PRONOUN_START = re.compile(r"^\W*(?:he|she|they|his|her|their)\b", re.I)


#: sentences whose reading is kept (pure work on the text and its parse; a question reads the same
#: user lines from several evidence sets: latency, issue #14)
SENTENCES_KEPT = 32768


@lru_cache(maxsize=SENTENCES_KEPT)
def _core(sentence: str) -> str:
    s = strip_openers(sentence.strip().strip("()[]\"' "))
    # "I finally read Never Let Me Go": a title's words say nothing; nor does a no that tells the thing was
    # done ("haven't stopped thinking about it" is no plan either)
    return _AFFIRMING.sub(" ", _TITLE.sub("thing", s))


def is_request(sentence: str) -> bool:
    """The first steps of :func:`actuality` only: a question or a request to the assistant."""
    s = _core(sentence)
    return s.endswith("?") or bool(_REQUEST.match(s))


def settled(sentence: str) -> bool:
    """Neither declined nor only planned, whoever the doer ("my sister is thinking of doing the
    pickups" is not: it tells no one who does them)."""
    s = _core(sentence)
    return not (_no(s) or _PLAN.search(s))


@lru_cache(maxsize=SENTENCES_KEPT)
def actuality(sentence: str) -> str:
    """What a user sentence is: ``actual`` (the user's own real event or state), ``request``,
    ``other`` (someone else's doing), ``negated`` (did not / declined), or ``plan``."""
    s = _core(sentence)
    if s.endswith("?") or _REQUEST.match(s):
        return "request"
    if re.search(r"\b(?:is|are)\s+(?:my|our)\b", s, re.I) and not _no(s) and not _PLAN.search(s):
        return "actual"  # "Peak Climbing Gym is my gym", "flat whites are my go-to"
    if _no_to_the_doing_before(s):
        return "negated"  # "Pablo went to our reunion, I didn't make it": not the user's event
    if PRONOUN_START.match(s) and FIRST_PERSON.search(s):
        return _no(s) and "negated" or _PLAN.search(s) and "plan" or "actual"  # "They discharged me"
    if _others(s):
        return "other"
    if _no(s):
        return "negated"
    if _PLAN.search(s):
        return "plan"
    return "actual"


def mode(sentence: str) -> str:
    """Whatever its doer, whether a sentence tells a thing done or so (``actual``), not done
    (``negated``) or only intended or possible (``plan``: "Tomasz might start at … if the
    interview goes well"): :func:`actuality` without its whose-doing reading."""
    s = _core(sentence)
    return "negated" if _no(s) else "plan" if _PLAN.search(s) else "actual"


def negation_words(sentence: str) -> list[str]:
    """The words that make a sentence a no ("didn't", "passed on", "cancelled")."""
    return [m.group(0) for m in _NEGATED.finditer(_AFFIRMING.sub(" ", sentence))]


def _others(s: str) -> bool:
    """Someone else's doing, by the parse of the sentence (:mod:`kgmem.answer.subjects`); without
    a parser, a sentence opening with he/she/they and naming no first person."""
    if not may_be_someone_elses(s):
        return False
    told = someone_else(s)
    return bool(PRONOUN_START.match(s) and not FIRST_PERSON.search(s)) if told is None else told


#: where a sentence's clauses meet: a semicolon, a dash, ", and/but/so", or "and/but/so" (or a bare
#: comma) before a new subject or a time phrase ("…, and next month I'm going to …")
_CLAUSE_CUT = re.compile(
    r"\s*;\s*|\s+[-–—]\s+|,\s*(?:and|but|so|then)\s+|"
    r"(?:,\s*|\s+(?:and|but|so)\s+)(?=(?:(?:then|now|also)\s+)?(?:I|I'm|I'll|I've|I'd|we|we're|we'll|we've|"
    r"my\s+\w+|our\s+\w+|he|she|they|next|tomorrow|tonight|later|this\s+coming|in\s+(?:a|an|one|two|three|four|"
    r"a\s+few|a\s+couple|\d+)\s+\w+|on\s+\w+day|soon|someday|one\s+day|eventually)\b)",
    re.I)
#: a clause that only makes sense with the rest of its sentence ("I nearly bought the $90 seats"
#: then "but passed"): the sentence stays whole
_HALF_DONE = re.compile(r"\b(?:almost|nearly|about\s+to|was\s+going\s+to|were\s+going\s+to|meant\s+to|tried\s+to|"
                        r"was\s+tempted|thought\s+about|if|unless|until|once|when|whether|instead)\b", re.I)


_PAST = re.compile(r"\b(?:\w{3,}ed|was|were|had|did|went|got|bought|made|took|came|saw|ran|met|left|paid|sold|told|"
                   r"found|felt|began|gave|wrote|read|flew|drove|ate|spent|kept|lost|won|brought|thought|heard|"
                   r"ago|yesterday|last)\b|'ve\b|\bha(?:ve|s)\s+been\b", re.I)


#: a no that only refers back to the clause before it: the user left out of someone else's doing
#: ("Pablo went to our reunion, I didn't make it", "Sam and the kids went, but I couldn't go")
#: the no names the user's part in the doing (make it, be there, go, come, attend, join), not any "it":
#: "Jazz is great, I never get tired of it" is a taste, not a no to someone else's doing (lead s19)
_NOT_THERE = re.compile(r"^\W*(?:(?:but|and|so)\s+)?(?:I|we)\b[^,.;!?]{0,30}?\b(?:make\s+it|(?:be|was|were)(?:n't|\s+not)?\s+there|"
                        r"go|come|attend|join(?:\s+(?:in|them|him|her))?)(?:\s+(?:along|too|either|there))?"
                        r"\s*(?:[,.;!?]|$|\b(?:because|as|since|cos|coz)\b)", re.I)


def left_out(clause: str, before: str) -> bool:
    """``clause`` is the user's no to the doing ``before`` tells of someone else ("Pablo went to our
    school reunion on Saturday" + "I didn't make it"): the doing is not the user's event."""
    return (bool(_NOT_THERE.match(clause)) and bool(re.search(r"n[o']t\b|\bnever\b|\bcannot\b", clause, re.I))
            and not re.match(r"^\W*(?:(?:so|and|then)\s+)?(?:I|we)\b", before, re.I))


def _no_to_the_doing_before(s: str) -> bool:
    cuts = [m for m in _CLAUSE_CUT.finditer(s) if m.start() > 0]
    return any(left_out(s[m.end():], s[:m.start()]) for m in cuts)


def clauses(sentence: str) -> list[str]:
    """The sentence cut where its clauses differ in what they are: "I finished my pottery course
    three days ago, and next month I'm going to start a watercolour class" is an actual past event
    and a plan, and each part must count as what it is. A sentence whose clauses are all the same
    kind (or that cannot be cut safely) stays one piece."""
    # a clause opening with he/she/they/it tells more of the one before ("Pico is coming too -
    # he's my border collie"): never cut there
    cuts = [m for m in _CLAUSE_CUT.finditer(sentence) if m.start() > 0 and m.end() < len(sentence)
            and not PRONOUN_START.match(sentence[m.end():]) and not re.match(r"it\b|it's\b", sentence[m.end():], re.I)]
    if not cuts or _HALF_DONE.search(sentence):
        return [sentence]
    parts, start = [], 0
    for m in cuts:
        parts.append(sentence[start:m.start()])
        start = m.end()
    parts.append(sentence[start:])
    pieces = [p.strip(" ,") for p in parts]
    if any(len(p.split()) < 3 for p in pieces) or any(left_out(p, pieces[k]) for k, p in enumerate(pieces[1:])):
        # "…, and then some": a fragment is no clause of its own; "…, I didn't make it": the no is
        # the user's part in the doing before it, which the sentence tells whole
        return [sentence]
    kinds = [_clause_kind(p) for p in pieces]
    for k in range(1, len(kinds)):
        if kinds[k - 1] == "plan" and kinds[k] == "actual" and not _PAST.search(pieces[k]):
            kinds[k] = "plan"  # "I'll fly to Oslo next week and then I'm taking the train": still the plan
    # someone else's doing told first is apart from the user's clause after it when the user takes no
    # part in it ("My flatmate Rosa had her wisdom teeth out on Monday, I've been making her smoothies"),
    # not when they do ("The dentist put me on antibiotics on Saturday and I took the first pill")
    apart = any(k == "other" and ("actual" in kinds[:i] or ("actual" in kinds[i + 1:] and _own_life(pieces[i])))
                for i, k in enumerate(kinds))
    if len(set(kinds)) == 1 or (actuality(sentence) == "actual" and not apart) or not any(
            k == "actual" and FIRST_PERSON.search(p) for p, k in zip(pieces, kinds)):
        # the cut is for the user's own real doing hidden in a plan's (or a no's) sentence, or told
        # before someone else's ("I sold the kayak, and my brother-in-law bought a canoe"); a clause
        # after someone else's may lean on it ("The dentist put me on antibiotics on Saturday and
        # I took the first pill that same evening"): kept whole
        return [sentence]
    out: list[str] = []
    for k, (piece, kind) in enumerate(zip(pieces, kinds)):
        if out and kinds[k - 1] == kind:
            out[-1] = f"{out[-1]}, {piece}"
        else:
            out.append(piece)
    return out


def _clause_kind(clause: str) -> str:
    kind = actuality(clause)
    if kind == "actual":
        futures = {s.resolved.future for s in temporal.find_time_expressions(clause, datetime(2000, 1, 1))}
        if futures == {True}:
            return "plan"  # "next week we're getting her spayed"
    return kind


def clause_actuality(sentence: str, value: str) -> str:
    """What the clause of a sentence that names ``value`` is ("I bought a bike, but I didn't get
    the helmet": the bike is actual, the helmet negated)."""
    value = value.lower().lstrip("$")
    parts = clauses(sentence)
    for part in parts:
        if value and value in part.lower():
            return actuality(part)
    return actuality(sentence)
