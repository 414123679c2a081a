"""Whose taste or constraint a user's clause states, and whether it is a reason for a question's answer
(pf14, session 14; review13 (a)): "my sister went vegan" is the sister's, no reason for the user's own
dinner, but one for "what should I cook for my sister's birthday?" or for a dinner "for us". The holder
comes from the parse (:func:`kgmem.answer.subjects.someone_else`); the people the question is for from
its words (names, people nouns, we/us/our and group nouns).
"""

from __future__ import annotations

import re
from functools import lru_cache

from kgmem import knowledge
from kgmem.answer.pref_reasons import clauses
from kgmem.answer.subjects import may_be_someone_elses, someone_else
from kgmem.lexicon import people
from kgmem.lexicon.calendar import MONTHS, WEEKDAYS
from kgmem.lexicon.people import people_noun
from kgmem.nlp import load_nlp
from kgmem.text import FUNCTION_WORDS

#: a question for a group that takes in more people than the user ("our anniversary", "for us", "friends come
#: to me", "Derek and me", "the family lunch"): the group's members' constraints count too
_GROUP = re.compile(r"\b(?:we|us|our|ours|ourselves|we're|we've|we'll|we'd|let's|everyone|everybody|together|"
                    r"guests?|visitors?|company|party)\b|\band\s+(?:me|i|myself)\b|\b(?:me|i)\s+and\b", re.I)
_THIRD = frozenset({"he", "she", "they", "him", "her", "them", "his", "hers", "their", "theirs"})
_WORD = re.compile(r"[A-Za-z][\w'’-]*")


@lru_cache(maxsize=16384)
def _person_words(clause: str) -> frozenset[str]:
    """The words of a clause that name people other than the user: a people noun ("sister",
    "housemates"), a name (a capitalised word, "Tom", "Lindiwe"), a third-person pronoun (kept by
    clause: a preference question reads every user line's clauses; latency, issue #14)."""
    out: set[str] = set()
    for m in _WORD.finditer(clause):
        w = m.group(0).replace("’", "'")
        low = w.lower().removesuffix("'s")
        opens = not clause[:m.start()].strip() or clause[:m.start()].rstrip()[-1] in ".?!:\"("
        if low in _THIRD or people_noun(low) or (w[:1].isupper() and low not in FUNCTION_WORDS and low not in _NOT_NAMES
                                                  and not (opens and _FUNCTIONISH.match(low))):
            out.add(low)
    return frozenset(out)


#: a capitalised word opening a sentence that is no name: a function word or a word asking or telling
_FUNCTIONISH = re.compile(r"^(?:what|which|where|when|who|how|why|can|could|would|will|should|shall|do|does|did|is|"
                          r"are|any|got|give|suggest|recommend|please|help|tell|oh|well|also|plus|just|only|"
                          r"ideas?|thanks|hi|hey|so|and|but|no|not|nothing|never|yes|ok|okay)$")
#: capitalised words that name no one
_NOT_NAMES = frozenset({"i", "i'm", "i've", "i'd", "i'll", "christmas", "easter", *WEEKDAYS, *MONTHS})


@lru_cache(maxsize=4096)
def holders(sentences: tuple[str, ...]) -> list[frozenset[str] | None]:
    """Whose taste or constraint each clause (:func:`clauses`) of the last of ``sentences`` (a line
    and the lines of its turn before it) states: ``None`` for the user's (or no one's in particular),
    else the words naming the holder, decided from the parse
    (:func:`kgmem.answer.subjects.someone_else`: "my sister loves opera", "Tom can't stand mushrooms",
    "she gets finger food" are someone else's; "my sister and I can't eat gluten" is the user's). A
    clause with neither the user nor a person as its subject continues the one before it in its
    sentence ("Lindiwe has coeliac disease, so the kitchen must be strictly gluten-free": Lindiwe's);
    a he/she/they stands for the person the turn named last ("Isla is eight months … she gets finger
    food": Isla's). Only clauses that may name someone else are parsed."""
    last: frozenset[str] = frozenset()  # the people the turn named last (by their words: no parse)
    for sentence in sentences[:-1]:
        for clause in clauses(sentence):
            last = _person_words(clause) - _THIRD or last
    row: list[frozenset[str] | None] = []
    held: frozenset[str] | None = None
    for clause in clauses(sentences[-1]):
        named = _person_words(clause)
        if named and may_be_someone_elses(clause) and someone_else(clause):
            held = named - _THIRD or last or named
        elif _FIRST_PERSON.search(clause):
            held = None  # the user speaks of themselves (or of a group with them)
        row.append(held)
        last = named - _THIRD or last
    return row


_FIRST_PERSON = re.compile(r"\b(?:i|i'm|im|i've|i'd|i'll|me|my|mine|myself|we|we're|we've|us|our|ours)\b", re.I)
#: nouns naming a group, not one person ("6 person", "the family")
_GROUP_NOUNS = frozenset({"family", "team", "person", "people", "everyone", "everybody", "crowd", "household"})


@lru_cache(maxsize=1024)
def _names_someone(question: str) -> bool:
    """The question names a person by name (the parse's PERSON entities and proper nouns that name no
    place, organisation or time: "Derek", not "Edinburgh" or "December")."""
    doc = load_nlp()(question)
    return any(t.ent_type_ == "PERSON" or (t.pos_ == "PROPN" and not t.ent_type_ and t.lower_ not in _NOT_NAMES)
               for t in doc)


#: a clause telling that someone comes to the user for an occasion ("Jo's coming for dinner on Friday", "my
#: in-laws are visiting at Easter", "we're having the Okafors over on Saturday"): a verb of coming to, or of
#: having someone over (a closed class of English verbs)
_COMING = re.compile(r"\b(?:come|comes|coming|came|visit|visits|visiting|visited|join|joins|joining|joined|stay|stays|"
                     r"staying|stayed|arrive|arrives|arriving|arrived|drop(?:s|ping|ped)?\s+by|"
                     r"(?:have|has|having|had)\s+(?:\w+\s+){1,3}?(?:over|round|around))\b", re.I)
#: a stay over a span, not a coming for one occasion: the guest is one of "us" for every meal of it (rev15)
_STAY = re.compile(r"\b(?:stay|stays|staying|stayed|moving\s+in|moved\s+in|living\s+with)\b|\ball\s+(?:week|weekend|month)\b|"
                   r"\bfor\s+(?:the|a|a\s+few|two|three|several)\s+(?:week|weeks|weekend|month|months|days|nights|summer|holidays)\b|"
                   r"\bover\s+the\s+(?:weekend|holidays|summer)\b|\buntil\b|\btill\b", re.I)
#: a coming back to where one lives: no guest ("coming home late", "came back")
_RETURNING = re.compile(r"\s+(?:home|back)\b", re.I)
#: words of a coming that name no occasion ("coming over too", "dropping by later")
_NO_OCCASION = frozenset({"down", "up", "out", "here", "there", "over", "round", "around", "along", "too", "soon",
                          "later", "now"})


def guest_occasions(sentences: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """The people a turn says come to the user for an occasion, each with the words of that occasion ("Jo's
    coming for dinner on Friday" -> {"jo": {"dinner", "friday"}}): a guest's taste or constraint is a reason
    for a question about that occasion, not for every meal "we" have (review14 M2)."""
    out: dict[str, frozenset[str]] = {}
    for sentence in sentences:
        for clause in clauses(sentence):
            m = _COMING.search(clause)
            if m is None:
                continue  # (no coming: the clause's people words are not needed)
            named = frozenset(w for w in _person_words(clause) - _THIRD if not _FIRST_PERSON.fullmatch(w))
            if not named or _RETURNING.match(clause[m.end():]) or _STAY.search(clause):
                continue  # "my partner is coming home late": no guest; "Priyanka's staying all week": one of "us" for now
            rest = _content_words(clause[:m.start()] + " " + clause[m.end():]) - named - _NO_OCCASION
            if rest:
                for person in named:
                    out[person] = out.get(person, frozenset()) | rest
    return out


def _content_words(text: str) -> frozenset[str]:
    """A text's lower-cased content words (no function words, no possessive ending)."""
    return frozenset(w for m in _WORD.finditer(text)
                     if len(w := m.group(0).replace("’", "'").lower().removesuffix("'s")) > 2 and w not in FUNCTION_WORDS
                     and not _FIRST_PERSON.fullmatch(w))


def _one_of(person: str, group: str) -> bool:
    """A person's word names one of a group's: an in-law of the in-laws, kin of a family, else a kind of the
    group's person by WordNet (:func:`kgmem.knowledge.is_kind_of`: a son is a kid)."""
    if group == "in-laws" or group.endswith("-in-laws"):
        return person.endswith("-in-law")
    if group in ("family", "relatives", "relations"):
        # the kinds a family is made of (rev16: never a role or a service, whatever kinds the lexicon adds)
        return person in people.words("kin", "kin_groups", "partners") or person.endswith("-in-law")
    return people.people_noun(group) and knowledge.is_kind_of(person, group)


def for_the_user(holder: frozenset[str] | None, question: str,
                 occasions: dict[str, frozenset[str]] | None = None) -> bool:
    """Whether a taste or constraint held by ``holder`` (:func:`holders`) is a reason for the answer to
    ``question``: the user's own always; someone else's only when the question is about that person
    ("for my sister's birthday", "what can I give Isla") or about a group with others in it ("for
    us", "friends come to me on saturday", "the family lunch") and names no one else; a guest's
    (``occasions``: :func:`guest_occasions`) only when the question names that person or the occasion
    they come to. A holder known only as he/she/they is given the benefit of the doubt."""
    if holder is None or not holder - _THIRD:
        return True
    asked = [w.replace("’", "'") for w in _WORD.findall(question)]
    low = {w.lower().removesuffix("'s") for w in asked}
    if holder & low:
        return True
    guest = [o for h in holder for g, o in (occasions or {}).items() if h == g or _one_of(h, g)]
    if guest:
        # a guest's count for the occasion they come to, whoever the question names ("what dessert for Friday's
        # dinner?" after "Jo's coming for dinner on Friday"), and not for another meal "we" have
        return any(o & _content_words(question) for o in guest)
    one = any(people_noun(w) and not w.endswith("s") and w not in _GROUP_NOUNS and w not in _THIRD for w in low) or \
        _names_someone(question)
    if one:
        return False  # the question is about someone else by name ("a day out for Derek and me")
    return bool(_GROUP.search(question)) or any(people_noun(w) and (w.endswith("s") or w in _GROUP_NOUNS) for w in low)
