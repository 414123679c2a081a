"""Pets named in any of the ways people name them: one reader for the class, not one pattern per wording.

A pet noun (:data:`~.lexicon.PETS`) the user has ("my", "our", or "the" when the turn names no other
owner) is tied to a name by a naming verb ("the cat's called Mango", "our dog goes by Rex"), by "'s
name is" ("my rabbit's name is Clover"), by a copula with a bare name ("the tortoise is Sheldon"), or
by a list of names set after it ("two guinea pigs last weekend, Salt and Pepper"). "Her name's
Pudding" / "we called him Otis" refer back to a pet the turn named before ("We got a kitten! Her
name's Pudding."). A name is a capitalised word (a title such as "Mr" may lead it) that is no common
capitalised word; the typed-lower-case turn has its names raised first (:func:`.truecase.truecase_names`).
"""

from __future__ import annotations

import re

from kgmem.extraction.zero.lexicon import FAMILY, PARTNERS, PEOPLE_NOUNS, PETS, alt
from kgmem.extraction.zero.patterns_user import PET_TITLE
from kgmem.extraction.zero.sentences import Sentence
from kgmem.text import last_sentence

Triple = tuple[str, str, "str | None"]

_SPECIES = r"(?P<species>" + alt(PETS) + r")"
_MODS = r"(?:(?:new|little|old|sweet|rescue|baby|elderly|younger|older|other|second|first|big|tiny)\s+)*"
_OWNER = r"\b(?P<owner>[Mm]y|[Oo]ur|[Tt]he|[Tt]his)\s+" + _MODS
_NAME = r"(?P<name>" + PET_TITLE + r"[A-Z][a-z]+)"
_IS = r"(?:'s|\s+is|\s+was|\s+are|\s+were)"
#: capitalised words that are no pet's name ("the dog is Fine", "the cat is Definitely…")
_NOT_A_NAME = frozenset({"I", "It", "The", "A", "An", "My", "Our", "This", "That", "Not", "So", "Very", "Really", "Still",
                         "Actually", "Definitely", "Fine", "Okay", "Ok", "Back", "Home", "Here", "There", "Now", "Also",
                         "Just", "Sick", "Old", "New", "Fourteen", "Twelve", "Ten", "One", "Two", "Three"})
_NAMING = [
    # "the cat's called Mango", "our dog is named Rex", "my rabbit goes by Clover"
    re.compile(_OWNER + _SPECIES + r"(?:" + _IS + r"\s+(?:called|named)|,?\s+(?:called|named)|\s+goes\s+by|"
               r"\s+answers\s+to)\s+" + _NAME),
    # "my rabbit's name is Clover", "the puppy's name? Biscuit"
    re.compile(_OWNER + _SPECIES + r"(?:'s|s')\s+name(?:'s|\s+is|\s+was|\??\s*[:?-]?)\s+" + _NAME),
    # "the tortoise is Sheldon", "and the cat's Mango": a bare name after the copula
    re.compile(_OWNER + _SPECIES + _IS + r"\s+(?:actually\s+)?" + _NAME + r"(?=\s*(?:[,.!;)]|$|\s+and\b|\s+now\b|\s+btw\b))"),
]
#: names listed after pets: "two guinea pigs last weekend, Salt and Pepper", "our cats — Miso and Tofu"
_LISTED = re.compile(r"\b(?:two|three|four|both|our|my|the)\s+" + _MODS + _SPECIES + r"s\b[^.!?:;]{0,40}?(?:,|—|–|:|-)\s+"
                     r"(?P<names>" + PET_TITLE + r"[A-Z][a-z]+(?:,\s+" + PET_TITLE + r"[A-Z][a-z]+)*,?\s+(?:and|&)\s+"
                     + PET_TITLE + r"[A-Z][a-z]+)\b")
#: "her name's Pudding", "his name is Otis", "we called him Otis", "named her Pudding"
_BACK = re.compile(r"\b(?:(?:[Hh]er|[Hh]is|[Ii]ts|[Tt]heir)\s+names?(?:'s|\s+is|\s+are|\s+was)\s+|"
                   r"(?:called|named|calling|naming)\s+(?:him|her|it|them)\s+)" + _NAME)
#: an owner other than the user: "my sister's cat", "Tom's puppy", "her dog", "the neighbours' dog"
_OTHER_OWNER = re.compile(r"(?:\b(?-i:[A-Z][a-z]+)'s|\b(?:his|her|their)|\b(?:my|our|the)\s+(?:" + alt(PEOPLE_NOUNS | FAMILY
                          | PARTNERS | {"neighbours", "neighbors", "friends", "parents", "in-laws"}) + r")(?:'s|s'|')?)\s+"
                          + _MODS + r"(?:" + alt(PETS) + r")s?\b", re.IGNORECASE)
#: another person who got the pet: "My sister got a puppy", "Tom just adopted two cats" (a name has its capital:
#: "I've adopted" is the user's)
_OTHER_GOT = re.compile(r"(?:\b(?:my|our)\s+(?:" + alt(PEOPLE_NOUNS | {"neighbours", "neighbors", "parents", "in-laws"})
                        + r")(?:\s+[A-Z][a-z]+)?|\b(?!(?:We|My|Our|The|This|So|And|But|Then|Also|Just)\b)(?-i:[A-Z][a-z]+)|"
                        r"\b(?:he|she|they))\s+(?:just\s+|finally\s+)?(?:got|adopted|rescued|bought|has|have|had)\s+"
                        r"(?:a|an|two|three|another)\s+" + _MODS + r"(?:" + alt(PETS) + r")s?\b", re.IGNORECASE)
_USER_PET = re.compile(r"\b(?:(?:my|our)\s+" + _MODS + r"|(?:I|[Ww]e)(?:'ve|\s+have)?\s+(?:just\s+|finally\s+)?(?:got|adopted|rescued|"
                       r"brought\s+home|have|own|bought)\s+(?:a|an|two|three|our|my)\s+" + _MODS + r")(?:"
                       + alt(PETS) + r")s?\b")


def someone_elses_pet(sent: Sentence) -> bool:
    """The turn tells of another person's pet ("my sister's cat", "Tom got a puppy") and this
    sentence does not say the user has one ("my dog", "we adopted a cat")."""
    around = sent.before + " " + sent.text
    return bool(_OTHER_OWNER.search(around) or _OTHER_GOT.search(around)) and not _USER_PET.search(sent.text)


def _species(word: str) -> str:
    return re.sub(r"\s+", " ", word.lower())


def pet_name_facts(sent: Sentence) -> list[Triple]:
    """(has_pet, species) and (pet_name, name) pairs the sentence ties together (see module doc)."""
    text = sent.masked
    out: list[Triple] = []
    others = someone_elses_pet(sent)
    for rx in _NAMING:
        for m in rx.finditer(text):
            if m.group("owner").lower() in ("the", "this") and others:
                continue  # "my sister got a puppy … the puppy is actually Rupert": hers
            if m.group("name").split()[-1] in _NOT_A_NAME:
                continue
            out += [("has_pet", _species(m.group("species")), "item"), ("pet_name", m.group("name"), "person")]
    for m in _LISTED.finditer(text):
        if others and not re.match(r"(?i)my|our", m.group(0)):
            continue
        names = re.split(r",\s+|,?\s+(?:and|&)\s+", m.group("names"))
        out.append(("has_pet", _species(m.group("species")), "item"))
        out += [("pet_name", n, "person") for n in names if n and n not in _NOT_A_NAME]
    back = _BACK.search(text)
    # the pet is named in this sentence or the one before ("We got a kitten! Her name's Pudding.")
    last = last_sentence(sent.before)
    if back and not others and _USER_PET.search(last + " " + text) and back.group("name") not in _NOT_A_NAME:
        out.append(("pet_name", back.group("name"), "person"))
    return out
