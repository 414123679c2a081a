"""What a refusal keeps out, read from the clause's parse: the object of a negated verb of taking something in or
taking part in it ("I don't eat meat btw", "June hasn't eaten meat since 1986", "Pauline cannot eat anything
spicy since her ulcer", "we don't do boats", "I never drink coffee after 2pm"), the thing of a verbless refusal
("no plastic anywhere in the parcels") or of its least amount ("not a drop of drink has passed my lips"), an order
not to offer it ("never put olives in anything for me"), what the speaker avoids ("I avoid flying wherever a train
will do"), what brings on an ailment ("I get motion sickness on ghat roads"), or the doing itself where such a
verb has no object ("I've never flown", "I won't fly": flying).

The thing is the object's noun phrase as the parse builds it (its compounds and describing words, "anything
spicy"), never the adverbials and clauses after it ("since 1986", "anywhere in the parcels", "wherever a train
will do"): a suggestion can be "without meat", not "without meat since 1986". The frames of
:func:`kgmem.answer.taste.read_taste` stay the fast path; this reading takes over where they find no thing, or
one that runs on past its noun phrase.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kgmem import knowledge
from kgmem.answer.dropped_subject import reread_as_speaker
from kgmem.answer.taste import (
    AILING_VERBS,
    DOING_VERBS,
    NOT_REFUSED,
    OFFER_VERBS,
    TAKE_IN_VERBS,
    read_taste,
)
from kgmem.answer.taste_choice import gerund
from kgmem.answer.taste_things import without_trailers
from kgmem.lexicon.people import USER_SUBJECTS
from kgmem.nlp import load_nlp

#: a thing read from the frames is taken as it is when at most this many words long
SHORT_THING = 4
_SPEAKERS = USER_SUBJECTS
_NEGATIONS = frozenset({"not", "n't", "never", "nt", "no"})
#: an object's dependents that belong to its noun phrase (before it: "red meat", "dairy milk"; after: "anything spicy")
_PHRASE_DEPS = frozenset({"compound", "amod", "nmod", "nummod"})
_OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "xcomp", "ccomp"})


def _phrase(tok) -> str:  # type: ignore[no-untyped-def]
    """The noun phrase of an object token: its compounds and describing words, nothing after them ("anything" keeps
    what follows it: "anything with stairs")."""
    if tok.lower_ in ("anything", "something", "everything"):
        # its describing words and its "with …", wherever the parser hung it ("book anything with stairs")
        withs = [c for c in (*tok.children, *tok.head.children) if c.lower_ == "with" and c.i > tok.i][:1]
        words = [t for t in tok.subtree if not t.is_punct and (t.i == tok.i or t.dep_ == "amod")] + \
            [t for w in withs for t in w.subtree]
        return without_trailers(" ".join(t.text for t in sorted(words, key=lambda t: t.i)))
    words = [t for t in tok.subtree if t.i == tok.i or (t.head.i == tok.i and t.dep_ in _PHRASE_DEPS)
             or (t.head.head.i == tok.i and t.head.dep_ in _PHRASE_DEPS and t.dep_ in _PHRASE_DEPS)]
    # a texting filler the parser took into the phrase is no part of it ("lamb tbh")
    return without_trailers(" ".join(t.text for t in sorted(words, key=lambda t: t.i)).strip())


#: words of a verb's time that tell of one occasion, not a standing refusal ("didn't eat the fish last night", "haven't
#: watched it yet": not yet done, often wanted)
_ONE_OCCASION = frozenset({"yesterday", "last", "ago", "tonight", "today", "earlier", "yet", "once"})
#: words that give a perfect its span ("haven't eaten meat since 1986", "in six years", "I've never flown")
_SPAN = frozenset({"since", "for", "in", "never", "ever", "longer"})
#: prepositions of time that limit a refusal: kept with its thing ("coffee after 2pm" refuses no morning coffee)
_LIMITS = frozenset({"after", "before", "past", "on", "during", "at"})


def _standing(verb) -> bool:  # type: ignore[no-untyped-def]
    """Whether a verb tells a standing refusal, not one occasion (rev17): a present or a modal ("don't eat", "can't
    do", "won't fly", "never drink"), a perfect with its span ("haven't touched alcohol in six years", "never
    flown"); not a past occasion ("didn't eat the fish at the wedding last night") nor a thing not done yet."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {t.lower_ for c in verb.children if c.dep_ in ("advmod", "npadvmod", "prep", "neg") for t in c.subtree}
    if words & _ONE_OCCASION:
        return False
    if any(a.lower_ == "did" for a in auxes) or (verb.tag_ == "VBD" and not auxes):
        return "never" in words  # "I didn't eat the fish", "I avoided it" (one occasion); "I never did eat meat"
    if any(a.lemma_.lower() == "have" for a in auxes):
        return bool(words & _SPAN)
    return True


def _limited(verb, thing: str) -> str:  # type: ignore[no-untyped-def]
    """The thing with the time that limits its refusal ("coffee after 2pm"), as the verb's parse gives it."""
    limits = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in _LIMITS and
              not any(g.lower_ == "all" for g in c.children)]  # "on weeknights", "at lunch"; not "at all"
    if not thing or not limits:
        return thing
    doc, end = limits[0].doc, limits[0].i
    # to where the clause ends: a comma, a conjunction ("… after 2pm or I'm awake"; the parser may hang "pm" elsewhere)
    while end + 1 < len(doc) and doc[end + 1].dep_ not in ("cc", "conj") and doc[end + 1].text not in ",;.!?":
        end += 1
    return f"{thing} {without_trailers(doc[limits[0].i:end + 1].text)}"


def _acceptable(thing: str) -> bool:
    low = thing.lower()
    if low in ("anything", "something", "everything", "nothing"):
        return False  # "I haven't read anything for fun in months": no thing named (rev17)
    # a person is no thing refused ("we never take the kids on planes")
    return bool(low) and low not in NOT_REFUSED and low.split()[0] not in NOT_REFUSED and len(low) >= 3 and \
        not knowledge.is_kind_of(low.split()[-1], "person")


#: the prepositions that name what brings an ailment on ("seasick on boats", "migraines from loud music")
_CAUSES = frozenset({"on", "from", "in", "during", "after", "with"})
#: the kinds of an ailment (WordNet): "motion sickness", "asthma" (a physical condition), "migraine", "nausea" (symptoms)
_AILMENTS = ("physical condition", "symptom")


def _brings_on(verb) -> str:  # type: ignore[no-untyped-def]
    """What brings on the ailment a verb of suffering takes ("I get motion sickness on ghat roads" -> "ghat roads",
    "she gets seasick on boats" -> "boats"), "" when the verb takes no ailment or names no cause."""
    ailing = [c for c in verb.children if (c.dep_ in ("dobj", "obj") and c.pos_ == "NOUN" and any(
        knowledge.is_kind_of(_phrase(c).lower(), k) or knowledge.is_kind_of(c.lemma_.lower(), k) for k in _AILMENTS))
        or (c.dep_ in ("acomp", "oprd") and (c.lower_.endswith("sick") or c.lower_ in ("ill", "queasy", "nauseous")))]
    if not ailing:
        return ""
    preps = [c for a in (verb, *ailing) for c in a.children if c.dep_ == "prep" and c.lower_ in _CAUSES]
    for prep in preps:
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
            return _phrase(obj)
    return ""


_SICK = re.compile(r"\b(?:\w*sick|ill|queasy|nauseous)\b", re.I)


def an_ailments_cause(clause: str, *, parsed: bool = True) -> bool:
    """Whether a clause tells what brings on an ailment ("I get motion sickness on ghat roads"): the parse is read only
    where a word names an ailment (WordNet kinds, no parse) — most clauses are not parsed; ``parsed=False``: that
    cheap test alone."""
    if not (_SICK.search(clause) or any(knowledge.kinds_within(k, clause) for k in _AILMENTS)):
        return False
    return not parsed or bool(refused_by_parse(clause))


def _a_food(word: str) -> bool:
    """A word whose first sense is something eaten: a food or a plant's part (WordNet kinds; not "have", a rich person)."""
    return any(knowledge.is_kind_of(word.lower(), k) for k in ("food", "plant part"))


#: contractions typed without their apostrophe, which the parser misreads ("cant do shellfish")
_DROPPED_SUBJECT = re.compile(r"^(?:can't|cannot|don't|won't|never|haven't|didn't)\s", re.I)
_TYPED = re.compile(r"\b(can|don|won|doesn|didn|isn|aren|haven|hasn|wouldn|couldn|shouldn)t\b", re.I)


@lru_cache(maxsize=4096)
def refused_by_parse(clause: str) -> tuple[str, ...]:
    """The things a clause refuses by its parse (see the module's docstring); ``()`` when it refuses none."""
    text = _TYPED.sub(lambda m: m.group(1) + "'t", clause.replace("\u2019", "'")).strip()
    # a clause opening on a negated auxiliary dropped its subject, the speaker ("cant do shellfish")
    dropped = bool(_DROPPED_SUBJECT.match(text))
    doc = reread_as_speaker(text) if dropped else load_nlp()(text)
    out: list[str] = []
    for tok in doc:
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("ROOT", "nsubj", "dobj", "attr", "dep", "npadvmod") and \
                any(c.dep_ == "det" and c.lower_ in ("no", "zero") for c in tok.children):
            out.append(_phrase(tok))  # "no plastic anywhere in the parcels"
            continue
        if tok.pos_ == "NOUN" and any(c.dep_ == "neg" for c in tok.children) and \
                any((c.dep_ == "det" and c.lower_ in ("a", "an")) or (c.dep_ == "nummod" and c.lower_ == "one")
                    for c in tok.children):
            # none of it, told by the least amount of it: "not a drop of drink has passed my lips", "not one bite of meat"
            of = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
            out.extend(_phrase(g) for g in of[:1])
            continue
        # (the negation before the "do": "can't do shellfish"; after it, the "do" only carries it: "sesame and I do not
        # mix" refuses no mix)
        if tok.dep_ == "aux" and tok.lemma_.lower() in TAKE_IN_VERBS and tok.head.i > tok.i and \
                any(c.dep_ == "neg" and c.i < tok.i for c in tok.head.children) and _a_food(tok.head.text):
            out.append(tok.head.text)  # "I can't do shellfish": the tagger took the food for the verb
            continue
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX") and lemma in AILING_VERBS and _standing(tok) and (cause := _brings_on(tok)):
            out.append(cause)  # "I get motion sickness on ghat roads": ghat roads
            continue
        if tok.pos_ not in ("VERB", "AUX") or lemma not in TAKE_IN_VERBS + OFFER_VERBS + ("avoid",):
            continue
        negated = any(c.dep_ == "neg" or c.lower_ in _NEGATIONS or (c.lower_ == "longer" and any(
            g.lower_ == "no" for g in c.children)) for c in tok.children if c.i < tok.i)  # "no longer eat"
        avoided = tok.lemma_.lower() == "avoid"
        if not (negated or avoided) or not _standing(tok):
            continue
        subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if lemma in OFFER_VERBS and lemma not in TAKE_IN_VERBS:
            # an order not to offer it ("never put olives in anything for me", "don't suggest mushrooms"): said to the
            # assistant, with no subject (the speaker's only where the clause dropped it; "you never give me …" complains)
            if not (subject is None or (dropped and subject.i == 0)):
                continue
        elif subject is not None and subject.lower_ not in _SPEAKERS and subject.pos_ not in ("PROPN", "NOUN"):
            continue  # "it doesn't take long": no one's refusal
        objects = [c for c in tok.children if c.dep_ in _OBJECT_DEPS and c.i > tok.i] or \
            [t for t in tok.subtree if t.i > tok.i and t.pos_ == "NOUN" and t.dep_ == "compound"][:1]  # "eat meat btw"
        if objects:
            obj = objects[0]
            out.append(_limited(tok, gerund(obj.lemma_.lower()) if obj.pos_ == "VERB" and obj.text.lower().endswith("ing")
                                else _phrase(obj)))
        elif not avoided and tok.lemma_.lower() in DOING_VERBS:
            out.append(gerund(tok.lemma_.lower()))  # "I've never flown": flying
    return tuple(dict.fromkeys(t for t in out if _acceptable(t)))


def refused_things_in(clause: str) -> list[str]:
    """What a clause refuses: the frames' thing when short (:func:`kgmem.answer.taste.read_taste`), else the
    parse's (:func:`refused_by_parse`)."""
    taste = read_taste(clause)
    if taste is not None and taste[0]:
        return []
    parsed = list(refused_by_parse(clause))
    if taste is not None:
        # the frames' thing, trimmed to the parse's noun phrase where that lies inside it ("caffeine after midnight")
        inside = [p for p in parsed if re.search(rf"\b{re.escape(p)}\b", taste[1], re.I)]
        return inside[:1] or ([taste[1]] if len(taste[1].split()) <= SHORT_THING else [])
    return parsed
