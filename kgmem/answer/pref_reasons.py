"""The reasons a suggestion rests on: the user's constraints and needs, said back in the second person.

A preference question ("any ideas for tea tonight?", "could you suggest somewhere for our anniversary
dinner?") asks for something in one domain (food, reading, travel, a day out …). The user stated
what matters in that domain somewhere in their history, often in a long line about other things
("… i can not eat it, i am lactose intolerant …", "Lindiwe has coeliac disease, so the kitchen
must be strictly gluten-free … I cannot abide seafood"). So each user sentence and the question are
given the domain whose examples (data: ``kgmem/resources/preference/domains.json``) they are
closest to, and the sentences of the question's domain give the clauses that state a constraint
— a taste (:func:`kgmem.answer.taste.read_taste`), a refusal or limit ("no plastic anywhere in the
parcels"), a diet or an allergy, a requirement ("must be", "budget is tight"). Each is said back as
the suggestion's reason, in the second person ("you're lactose intolerant"): the answer names
what it built on in its own words, not as a pasted quote.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from kgmem.answer.pref_domains import bank
from kgmem.answer.pref_refusal import an_ailments_cause, refused_by_parse, refused_things_in
from kgmem.answer.stale import stale
from kgmem.answer.taste import AVERSION_VERBS, KEEP_AWAY, LIMIT_VERBS, OMIT_VERBS, read_taste
from kgmem.lexicon.people import PERSONAL_WORD
from kgmem.nlp import load_nlp

#: the least cosine of a stated like/dislike (its thing or sentence) to the question's domain
TASTE_FLOOR = 0.2
#: at most this many reasons
MAX_REASONS = 4
#: a reason speaks about the question's domain nearly as clearly as the clearest one
FIT_MARGIN = 0.12

#: clause boundaries inside a sentence: "…, so the kitchen must…", "…; no mushrooms", "… but not music"
_CLAUSES = re.compile(r";\s*|,\s*(?:and|but|so|while|whereas|though|because|cos|since)\s+|\s+(?:but|so)\s+|"
                      r",\s+(?=(?:i|i'm|im|i've|ive|we|my|our|no|not|nothing|never|and)\b)|\s+-\s+|\s+—\s+", re.I)

#: a clause states a constraint or need: a refusal, a limit, a diet, an allergy, a requirement
#: (grammatical pieces of the class, not sentences of any data set)
#: the words of an obligation (one of the constraint words below)
_OWED = r"must|has\s+to|have\s+to|need\s+to|needs\s+to|need|needs"
_CONSTRAINT = re.compile(
    r"\b(?:allerg\w*|intoleran\w*|coeliac|celiac|vegan|vegetarian|veggie|pescatarian|halal|kosher|"
    r"gluten|dairy|lactose|meat|diet)\b|"
    rf"\b(?:{_OWED}|non-negotiable|only|at\s+most|no\s+more\s+than|"
    r"budget|tight|cheap|quick|quiet|simple|easy)\b|\b(?:much\s+)?(?:more|longer)\s+than\b|"
    r"\b(?:want|wants|wanted|prefer|prefers)\s+(?:something|anything|one|it|them|stuff)\b|"
    r"\b(?:tastes?|smells?)\s+like\b|\bturns?\s+me\b|\bmakes?\s+me\s+(?:sick|ill|queasy)", re.I)

_OBLIGATION = re.compile(rf"\b(?:{_OWED})\b", re.I)


def an_errand(clause: str) -> bool:
    """Whether the clause's obligation is a task the speaker owes ("I need to make cold brew at home", "I have to write
    a toast for Saturday"), read from the parse: the verb governed by need / have to / must is no verb that limits
    what the speaker does (:data:`kgmem.answer.taste.LIMIT_VERBS`, or a verb of aversion or leaving out: "I have to
    stick to decaf", "we need to avoid stairs")."""
    doc = load_nlp()(clause)
    owed = [t for t in doc if t.pos_ in ("VERB", "AUX") and (
        t.dep_ == "xcomp" and t.head.lemma_.lower() in ("need", "have") or
        any(c.dep_ == "aux" and c.lower_ in ("must", "gotta") for c in t.children))]
    limiting = set(LIMIT_VERBS) | {v.split()[0] for v in AVERSION_VERBS + OMIT_VERBS + KEEP_AWAY}
    return bool(owed) and all(t.lemma_.lower() not in limiting for t in owed)


#: a clause that asks for something or talks to the assistant is no constraint ("any sub", "recommend
#: something to listen to", "remind me", "dont ever suggest mushrooms to me" stays: it refuses a thing)
_ASKING = re.compile(r"\?\s*$|\b(?:any\s+(?:ideas|sub|suggestions|tips)|what\s+(?:can|should|could|would)|"
                     r"how\s+(?:do|can|should)|recommend|ideas\?)\b|"
                     # a question typed without its mark, in texting spelling too ("whats good to eat at truck stops")
                     r"^\W*(?:what|which|where|how|who)(?:'s|s|\s+is|\s+are|\s+do|\s+does)\s+(?:a\s+|an\s+|some\s+|the\s+)?"
                     r"(?:good|best|nice|decent|worth)\b", re.I)


def asks(text: str) -> bool:
    """Whether a clause or line asks (for a suggestion, or anything with a question mark) rather than tells."""
    return bool(_ASKING.search(text))

#: first-person words and their second-person forms, longest first
_SWAP = (("i'm", "you're"), ("im", "you're"), ("i've", "you've"), ("ive", "you've"), ("i'd", "you'd"),
         ("i'll", "you'll"), ("i was", "you were"), ("i am", "you are"), ("myself", "yourself"),
         ("mine", "yours"), ("my", "your"), ("me", "you"), ("i", "you"), ("we're", "you're"),
         ("we've", "you've"), ("we were", "you were"), ("we are", "you are"), ("ourselves", "yourselves"),
         ("our", "your"), ("ours", "yours"), ("us", "you"), ("we", "you"))
_SWAP_RX = re.compile(r"\b(?:" + "|".join(re.escape(a) for a, _ in _SWAP) + r")\b", re.I)
_SWAP_MAP = {a: b for a, b in _SWAP}


@dataclass(frozen=True)
class Reason:
    """One constraint the suggestion rests on, said back to the user."""

    text: str
    turn_id: str
    #: the user's own words it was read from
    source: str
    taste: bool
    #: the day the user said it (ISO date; "" when not known)
    said: str = ""


def second_person(text: str) -> str:
    """The clause said back to its speaker: "I'm veggie so no chicken" -> "you're veggie so no
    chicken"."""
    def swap(m: re.Match[str]) -> str:
        return _SWAP_MAP[re.sub(r"\s+", " ", m.group(0).lower().replace("\u2019", "'"))]
    return _SWAP_RX.sub(swap, text.replace("\u2019", "'"))


#: words that open a clause without adding to it ("and no plastic", "but no milk things", "oh I did love")
_OPENERS = re.compile(r"^(?:(?:and|but|also|oh|so|well|honestly|plus|btw|anyway)\b[\s,]*)+", re.I)


def clauses(sentence: str) -> list[str]:
    """A sentence's clauses, as people chain them ("…, so …", "…; …", "… but …"), without the
    words that only open them."""
    out = [_OPENERS.sub("", c.strip(" .,!:\"'()")) for c in _CLAUSES.split(sentence) if c]
    return [c for c in out if len(c.split()) >= 2]


#: a negation: a constraint only where it refuses a thing or says what the speaker cannot do (:func:`states_constraint`)
_NEGATION = re.compile(r"\b(?:no|not|never|nothing|without)\b|n't\b|\bcannot\b|\bcant\b|\bdont\b|\bwont\b", re.I)
#: a limit of ability or will: "I can't sit in the car for long", "my stomach won't have it", "unable to climb"
_CANNOT = re.compile(r"\b(?:can't|cannot|cant|can\s+not|couldn't|could\s+not|won't|wont|unable)\b", re.I)


def states_constraint(clause: str, *, parsed: bool = True) -> bool:
    """Whether a clause states a taste, a constraint or a need (and asks nothing). A negation alone states one only
    where it refuses a thing ("I don't eat meat", "no plastic anywhere") or limits what the speaker can do ("I can't
    sit in the car for long"): "I don't mind", "I didn't know the kitchen was that yellow" constrain nothing. What
    brings on an ailment is a constraint too ("I get motion sickness on ghat roads"). ``parsed=False``: without the
    parse (~5 ms a clause), a negation or an ailment may state one (the caller parses those it keeps)."""
    if asks(clause):
        return False
    if read_taste(clause) is not None:
        return True
    if _CONSTRAINT.search(clause):
        # "I need to make cold brew at home": an errand the speaker owes, no limit on what is suggested
        return not (parsed and not _CONSTRAINT.search(_OBLIGATION.sub(" ", clause)) and an_errand(clause))
    if _NEGATION.search(clause):
        return bool(_CANNOT.search(clause)) or not parsed or bool(refused_things_in(clause))
    return an_ailments_cause(clause, parsed=parsed)  # "I get motion sickness on ghat roads"


def reasons_from(lines: list[tuple[str, str]], limit: int = MAX_REASONS, when: dict[str, str] | None = None) -> list[Reason]:
    """The constraints stated in ``lines`` (``(turn id, sentence)`` in the order said), said back:
    tastes first, then other constraints, each once (``when``: the day each turn was said, by turn id)."""
    found: list[Reason] = []
    seen: set[str] = set()
    for turn_id, sentence in lines:
        for clause in clauses(sentence):
            key = clause.casefold()
            if key in seen or not states_constraint(clause):
                continue
            seen.add(key)
            found.append(Reason(second_person(clause), turn_id, clause, read_taste(clause) is not None,
                                (when or {}).get(turn_id, "")))
    found.sort(key=lambda r: not r.taste)  # stable: tastes first, each group in the order said
    return found[:limit]


def join_reasons(reasons: list[Reason]) -> str:
    """"you're vegan (said 2023-01-05); mushrooms are out …" from the reasons' texts, each with the day it was said."""
    texts = [f"{r.text} (said {r.said})" if r.said else r.text for r in reasons]
    return texts[0] if len(texts) == 1 else "; ".join(texts[:-1]) + "; and " + texts[-1]


def liked_thing(reasons: list[Reason]) -> str | None:
    """The first thing a reason says the user likes, when it reads as a thing (a few words, none of
    them a person: "hard-ish science fiction", never "my friends bring cheesecake to")."""
    for r in reasons:
        taste = read_taste(r.source) if r.taste else None
        if taste and taste[0] and len(taste[1].split()) <= 5 and not PERSONAL_WORD.search(taste[1]):
            return taste[1]
    return None


@dataclass(frozen=True)
class Restriction:
    """What a constraint keeps out of a suggestion, by the constraint's kind: a diet ("vegetarian"),
    an allergy, intolerance or condition ("nut-free", "lactose-free"), or a refusal ("without olives")."""

    #: what is kept out ("" for a diet, which names no one thing)
    thing: str
    #: the suggestion's qualifier: "vegetarian", "lactose-free", "without olives"
    label: str
    #: a diet, an allergy, intolerance or condition (said before the suggestion) or a refusal (after it)
    kind: str


#: a diet: who keeps one eats only what fits it (a closed class of English words)
_DIET = re.compile(r"\b(?P<diet>vegan|vegetarian|veggie|pescatarian|pescetarian|halal|kosher|teetotal|plant-based|"
                   r"(?P<free>[a-z]+)-free)\b", re.I)
#: an allergy or an intolerance and its thing: "allergic to shellfish", "a nut allergy", "lactose intolerant"
_ALLERGY = re.compile(r"\b(?:allergic|intolerant|sensitive)\s+(?:to|of)\s+(?P<a>[\w-]+)|"
                      r"\b(?P<b>[\w-]+)[\s-]+(?:allergy|allergies|intolerance|intolerant|sensitivity)\b", re.I)
#: a diet only planned, wished or suggested, not kept (rev15 pf6): "thinking of going dairy-free", "might go vegan",
#: "my doctor suggested going gluten-free"
_UNTAKEN_DIET = re.compile(r"\b(?:thinking\s+(?:of|about)|considering|planning\s+(?:to|on)|might|may|could|want\s+to|"
                           r"wanna|hoping\s+to|suggested|recommended|advised|told\s+me\s+to)\s+(?:\w+\s+){0,2}$", re.I)
_NEGATED_DIET = re.compile(r"\b(?:not|no\s+longer|never|n't|stopped\s+being|gave\s+up\s+being)\s+(?:\w+\s+)?$", re.I)
_NOT_A_THING = frozenset({"an", "a", "the", "my", "our", "his", "her", "their", "severe", "bad", "mild", "real", "food",
                          "serious", "slight"})


def _conditions() -> dict[str, str]:
    data: dict[str, str] = bank().get("conditions", {})
    return data


#: a state told as over: a past copula with the speaker ("I was vegetarian for ten years"), a closed period
#: ("until 2019"), a stop ("no longer", "gave up being"), a thing eaten again; "I've been lactose intolerant for
#: years" still holds
_OVER = re.compile(r"\b(?:i|we)\s+(?:was|were)\b|\buntil\b|\bno\s+longer\b|\bnot\s+any\s*more\b|"
                   r"\b(?:gave\s+up|stopped|quit)\s+being\b|\bagain\s+now\b|"
                   # what a diet kept out, taken up again: its end, no constraint ("started eating meat again")
                   r"\b(?:eat|eats|eating|ate|have|having|drink|drinking)\s+(?:\w+\s+){1,3}?again\b|"
                   r"\b(?:started|start|starting|began|went\s+back\s+to|back\s+to)\s+(?:eating|having|drinking)\b", re.I)


def ended(reason: Reason) -> bool:
    """A constraint the user says no longer holds ("I used to be vegetarian", "I was vegetarian until
    2019"): no constraint to honour now (:func:`kgmem.answer.stale.stale`, or a state told as over)."""
    return _ended(reason.source)


@lru_cache(maxsize=4096)
def _ended(source: str) -> bool:
    # the cheap reading first: stale() parses the clause (~5-10 ms on a first ask)
    if not (_OVER.search(source) or stale(source)):
        return False
    # a refusal told by a negated verb is itself the state that holds: "I haven't eaten meat since 1986", "I no longer
    # eat meat", "she can't eat spicy food since her ulcer" end the eating, not the refusal
    return not refused_by_parse(source)


def restrictions(reasons: Sequence[Reason]) -> list[Restriction]:
    """What the reasons keep out of a suggestion, each once, diets and allergies first: the kind of
    each constraint decides how a suggestion honours it ("you're lactose intolerant": lactose-free;
    "you've gone vegetarian": vegetarian; "no olives": without olives)."""
    found: dict[str, Restriction] = {}
    for r in reasons:
        before = dict(found)
        _restrictions_of(r, found)
        if found != before and ended(r):
            found = before  # told as over: keeps nothing out (decided only where it would keep something out)
    out = list(found.values())
    return [f for f in out if f.kind == "diet"] + [f for f in out if f.kind == "refusal"]


def _restrictions_of(r: Reason, found: dict[str, Restriction]) -> None:
    """Add to ``found`` what one reason keeps out (see :func:`restrictions`)."""
    text = r.source.replace("\u2019", "'")
    for m in _DIET.finditer(text):
        if _NEGATED_DIET.search(text[:m.start()]) or _UNTAKEN_DIET.search(text[:m.start()]):
            continue  # "I'm not vegan", "I'm thinking of going dairy-free next year", "my doctor suggested going …"
        word = m.group("diet").lower()
        label = "vegetarian" if word == "veggie" else word
        found.setdefault(label, Restriction(m.group("free").lower() if m.group("free") else "", label, "diet"))
    for m in _ALLERGY.finditer(text):
        thing = (m.group("a") or m.group("b") or "").lower()
        if thing and thing not in _NOT_A_THING:
            found.setdefault(f"{thing}-free", Restriction(thing, f"{thing}-free", "diet"))
    for word in re.findall(r"[a-z]+", text.lower()):
        if word in _conditions():
            thing = _conditions()[word]
            found.setdefault(f"{thing}-free", Restriction(thing, f"{thing}-free", "diet"))
    # what the clause refuses, by its frames or its parse ("I don't eat meat btw", "no plastic anywhere in the parcels")
    for refused in refused_things_in(text):
        if PERSONAL_WORD.search(refused):
            continue
        key = refused.casefold()
        if not any(key == f.thing for f in found.values()):
            # "nothing spicy", "nothing too sweet": a quality refused, kept out as anything that has it
            quality = re.search(rf"\bnothing\s+(?:too\s+|overly\s+|very\s+)?{re.escape(key)}\b", text, re.I)
            thing = f"anything {key}" if quality else key
            found.setdefault(f"without {key}", Restriction(thing, f"without {thing}", "refusal"))


def keeps_a_diet(clause: str) -> bool:
    """Whether a clause tells of a diet, an allergy, an intolerance or a condition kept now ("my father-in-law is
    coeliac", "Jo's allergic to sesame"): a constraint on food whatever else its words are close to."""
    found: dict[str, Restriction] = {}
    _restrictions_of(Reason(clause, "", clause, False), found)
    return any(f.kind == "diet" for f in found.values()) and not _ended(clause)


def as_diet(value: str) -> Restriction | None:
    """A stated "like" that is a diet ("vegan", "pescatarian" from a diet fact) is a constraint to
    honour, not a thing to build a suggestion around."""
    m = _DIET.fullmatch(value.strip().lower())
    if m is None:
        return None
    label = "vegetarian" if m.group("diet") == "veggie" else m.group("diet")
    return Restriction(m.group("free") or "", label, "diet")
